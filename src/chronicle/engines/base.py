"""What every engine offers, and how one is chosen by name."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from chronicle.errors import InputError
from chronicle.ingest import ReadOptions, iter_files
from chronicle.models import Article, ArticleAnalysis, Rejection
from chronicle.settings import Settings

__all__ = ["ENGINES", "Engine", "get_engine", "shards"]


class Engine(Protocol):
    """Runs the per-article stages somewhere; results come back in input order."""

    name: str

    def read(self, paths: Iterable[str | Path], options: ReadOptions | None) -> Iterator[Article | Rejection]:
        """Every article (or rejection) of the inputs, in the order ``read_articles`` gives them."""
        ...

    def analyse(
        self, articles: Iterable[Article], *, language: bool, settings: Settings
    ) -> Iterator[tuple[Article, ArticleAnalysis]]:
        """Each article's analysis, in article order, as :func:`chronicle.extract.analyse` makes it."""
        ...


#: Engine name -> "module:class", imported only when chosen.
ENGINES: dict[str, str] = {
    "local": "chronicle.engines.local:LocalEngine",
    "ray": "chronicle.engines.ray_engine:RayEngine",
}


def get_engine(name: str) -> Engine:
    """The engine called ``name`` (``local`` or ``ray``)."""
    target = ENGINES.get(name)
    if target is None:
        raise InputError(f"unknown engine {name!r}; known: {', '.join(sorted(ENGINES))}")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise InputError(f"engine {name!r} needs {exc.name}: pip install 'chronicle[{name}]'") from None
    engine: Engine = getattr(module, attr)()
    return engine


def shards(paths: Iterable[str | Path]) -> list[Path | Rejection]:
    """The input shards: every file named or found in a folder, in the order the readers walk
    them (a path that cannot be read is its rejection).

    A shard is the unit an engine reads in one task and a resumable run records as done.
    """
    return list(iter_files(paths))
