"""Ingest: find input files, read them as articles, recognise copies.

The first stage of the pipeline; it knows nothing of the later ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from chronicle.ingest.dedup import DuplicateFinder, minhash_signature
from chronicle.ingest.identity import resolve_id
from chronicle.ingest.readers import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    ReadOptions,
    detect_format,
    parse_date,
    read_file,
)
from chronicle.models import Article, Rejection

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "DuplicateFinder",
    "ReadOptions",
    "detect_format",
    "iter_files",
    "minhash_signature",
    "parse_date",
    "read_articles",
    "resolve_id",
]

#: File endings read when walking a folder; anything else there is passed over (a
#: folder of articles often holds a README, images or scripts beside them).
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom")
#: Files in a corpus folder that describe it rather than being part of it.
_NOT_ARTICLES = ("readme", "license", "licence", "expected", "changelog")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        # Timeline17 keeps its gold timelines beside the input: they are answers, not articles.
        if "InputDocs" in dirs:
            dirs[:] = ["InputDocs"]
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            lower = name.lower()
            if lower.startswith(".") or lower.split(".", 1)[0] in _NOT_ARTICLES:
                continue
            if lower.endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Every file named or found below a named folder, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.exists():
            yield Rejection(str(path), "not a regular file")
        else:
            yield Rejection(str(path), "no such file or folder")


def read_articles(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | Rejection]:
    """Read every input as articles; bad inputs come out as rejections, in order."""
    options = options or ReadOptions()
    for item in iter_files(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, options)
