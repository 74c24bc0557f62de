"""The local engine: this machine's cores, the language model loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from chronicle import extract
from chronicle.ingest import ReadOptions, read_articles
from chronicle.models import Article, ArticleAnalysis, Rejection
from chronicle.settings import Settings

__all__ = ["LocalEngine"]


class LocalEngine:
    """Reading in this process (it waits on the disk, not the CPU); analysis with the model in a
    forked process pool (``settings.processes``, default one per core), without it in process."""

    name = "local"

    def read(self, paths: Iterable[str | Path], options: ReadOptions | None) -> Iterator[Article | Rejection]:
        return read_articles(paths, options)

    def analyse(
        self, articles: Iterable[Article], *, language: bool, settings: Settings
    ) -> Iterator[tuple[Article, ArticleAnalysis]]:
        return extract.analyse(articles, language=language, settings=settings)
