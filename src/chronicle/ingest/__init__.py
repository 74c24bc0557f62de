"""Ingest: find input files, read them as articles, recognise copies.

The first stage of the pipeline; it knows nothing of the later ones.
"""

from __future__ import annotations

import errno
import os
import stat
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
    path_text,
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
    "path_text",
    "read_articles",
    "resolve_id",
]

#: File endings read when walking a folder; anything else there is passed over (a
#: folder of articles often holds a README, images or scripts beside them).
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom",
                    ".parquet")
#: Files in a corpus folder that describe it rather than being part of it.
_NOT_ARTICLES = ("readme", "license", "licence", "expected", "changelog")


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    """Article files below a folder; a folder that cannot be listed, or holds none, is named."""
    errors: list[OSError] = []
    reported = 0
    found = False
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _unreadable(errors[reported:])
        reported = len(errors)
        # Timeline17 keeps its gold timelines beside the input: they are answers, not articles.
        if "InputDocs" in dirs:
            dirs[:] = ["InputDocs"]
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                yield Rejection(path_text(Path(root) / name), "a link to a folder: not followed (it may loop)")
        for name in sorted(files):
            lower = name.lower()
            if lower.startswith(".") or lower.split(".", 1)[0] in _NOT_ARTICLES:
                continue
            if lower.endswith(ARTICLE_SUFFIXES):
                found = True
                yield Path(root) / name
    yield from _unreadable(errors[reported:])
    if not found and not errors:
        yield Rejection(path_text(folder), f"no article files in the folder (looked for {', '.join(ARTICLE_SUFFIXES)})")


def _unreadable(errors: list[OSError]) -> Iterator[Rejection]:
    for exc in errors:
        yield Rejection(path_text(exc.filename or ""), f"cannot read folder: {exc.strerror or exc}")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejection]:
    """Every file named or found below a named folder, in a stable order.

    Special files (pipes, devices) are passed on: the reader refuses them, by name, after
    checking the file it actually opened.
    """
    for raw in paths:
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            missing = exc.errno in (errno.ENOENT, errno.ENOTDIR)
            yield Rejection(path_text(path), "no such file or folder" if missing else f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        else:
            yield path


def read_articles(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | Rejection]:
    """Read every input as articles; bad inputs come out as rejections, in order."""
    options = options or ReadOptions()
    for item in iter_files(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, options)
