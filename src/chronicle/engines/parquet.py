"""Parquet shards: where a very large run writes its results instead of the store.

``chronicle ingest PATHS --output parquet:DIR`` reads each input shard (a file) on the chosen
engine and writes what it gives, its articles and, with ``--analyse``, their analyses, to one
Parquet file in DIR. A shard's file is written under a temporary name and renamed when
complete, and the shard is then listed in DIR's manifest: a rerun after a crash skips every
listed shard and does only the rest. Each shard's file is independent, so any number of runs
(or machines, on a shared folder) can fill one DIR.

``chronicle ingest DIR`` (or ``chronicle timeline DIR``) reads the articles back into a store,
with copies found as for any input, and keeps the analyses made by this very code in its cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle import extract
from chronicle.engines.base import Engine, shards
from chronicle.errors import InputError
from chronicle.ingest import ReadOptions
from chronicle.models import Article, Rejection
from chronicle.settings import Settings

__all__ = ["MANIFEST", "PREFIX", "ShardReport", "analyses", "is_output", "output_folder", "read_output",
           "write_shards"]

#: How ``--output`` names a Parquet folder.
PREFIX = "parquet:"
#: The list of finished shards in an output folder, one JSON object a line.
MANIFEST = "_shards.jsonl"

_ARTICLE_FIELDS = ("id", "text", "published", "title", "source", "url", "path", "content_hash")


@dataclass(frozen=True, slots=True)
class ShardReport:
    """What a run wrote: shards done now, shards found done before, articles, rejections."""

    written: int
    skipped: int
    articles: int
    rejections: tuple[Rejection, ...]


def output_folder(spec: str) -> Path:
    """The folder of an ``--output parquet:DIR`` value."""
    if not spec.startswith(PREFIX) or not spec[len(PREFIX):]:
        raise InputError(f"--output {spec!r}: expected parquet:DIR")
    return Path(spec[len(PREFIX):])


def is_output(path: str | Path) -> bool:
    """Whether ``path`` is a folder of Parquet shards written by :func:`write_shards`."""
    return (Path(path) / MANIFEST).is_file()


def _shard_file(shard: Path) -> str:
    return f"shard-{hashlib.sha1(str(shard.resolve()).encode()).hexdigest()[:20]}.parquet"


def _done(folder: Path) -> set[str]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return set()
    done = set()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        try:
            done.add(str(json.loads(line)["file"]))
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a crash: that shard is done again
    return {name for name in done if (folder / name).is_file()}


def write_shards(
    paths: Iterable[str | Path],
    folder: Path,
    *,
    engine: Engine,
    options: ReadOptions | None,
    settings: Settings,
    analyse: bool,
    progress: Callable[[int], None] | None = None,
) -> ShardReport:
    """Read (and with ``analyse``, analyse) every shard not yet done into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    done = _done(folder)
    todo: list[Path] = []
    rejections: list[Rejection] = []
    skipped = 0
    for shard in shards(paths):
        if isinstance(shard, Rejection):
            rejections.append(shard)
        elif _shard_file(shard) in done:
            skipped += 1
        else:
            todo.append(shard)
    written = articles = 0
    key = extract.fingerprint(language=True)
    # A window of shards at a time: the engine keeps its workers busy across shard edges, and
    # memory holds one window's articles.
    window = max(1, settings.write_batch // 4)
    for start in range(0, len(todo), window):
        group = todo[start : start + window]
        by_shard: dict[str, list[Article]] = {str(s): [] for s in group}
        rejected: set[str] = set()
        for item in engine.read(group, options):
            if isinstance(item, Rejection):
                rejections.append(item)
                rejected.add(item.path)
            elif item.path in by_shard:
                by_shard[item.path].append(item)
        found = [a for s in group for a in by_shard[str(s)]]
        analyses: dict[int, dict[str, Any]] = {}
        if analyse and found:
            for n, (_, analysis) in enumerate(engine.analyse(found, language=True, settings=settings)):
                if analysis.error is None:
                    analyses[n] = extract.analysis_to_data(analysis)
                if progress is not None:
                    progress(1)
        offset = 0
        for shard in group:
            rows = by_shard[str(shard)]
            if not rows and str(shard) in rejected:
                continue  # not done: a rerun reads it again and reports why it is refused
            _write(folder, shard, rows, [analyses.get(offset + i) for i in range(len(rows))], key)
            offset += len(rows)
            written += 1
            articles += len(rows)
            if progress is not None and not analyse:
                progress(len(rows))
    return ShardReport(written=written, skipped=skipped, articles=articles, rejections=tuple(rejections))


def _write(folder: Path, shard: Path, articles: list[Article], analyses: list[dict[str, Any] | None],
           key: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {name: [] for name in (*_ARTICLE_FIELDS, "pipeline", "analysis")}
    for article, analysis in zip(articles, analyses, strict=True):
        for name in _ARTICLE_FIELDS:
            value = getattr(article, name)
            columns[name].append(value.isoformat() if isinstance(value, dt.date) else value)
        columns["pipeline"].append(key if analysis is not None else None)
        columns["analysis"].append(None if analysis is None else
                                   json.dumps(analysis, ensure_ascii=False, separators=(",", ":")))
    schema = pa.schema([(name, pa.string()) for name in columns])
    name = _shard_file(shard)
    partial = folder / f".{name}.partial"
    pq.write_table(pa.table(columns, schema=schema), partial)
    os.replace(partial, folder / name)
    with (folder / MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write(json.dumps({"shard": str(shard), "file": name, "articles": len(articles)}) + "\n")


def analyses(folder: str | Path) -> Iterator[tuple[Article, str, dict[str, Any]]]:
    """The analyses an output folder holds, with their article and the fingerprint that made them."""
    for article, key, data in read_output(folder):
        if key is not None and data is not None:
            yield article, key, data


def read_output(folder: str | Path) -> Iterator[tuple[Article, str | None, dict[str, Any] | None]]:
    """Every article of an output folder with the fingerprint and data of its analysis, if any,
    shard by shard in the order they were finished."""
    import pyarrow.parquet as pq

    root = Path(folder)
    for line in (root / MANIFEST).read_text(encoding="utf-8").splitlines():
        try:
            name = str(json.loads(line)["file"])
        except (ValueError, KeyError, TypeError):
            continue
        if not (root / name).is_file():
            continue
        for batch in pq.ParquetFile(root / name).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                published = dt.date.fromisoformat(row["published"]) if row["published"] else None
                article = Article(**{**{k: row[k] for k in _ARTICLE_FIELDS}, "published": published})
                data = json.loads(row["analysis"]) if row["analysis"] else None
                yield article, row["pipeline"], data
