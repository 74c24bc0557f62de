"""The Ray engine: reading and analysis as Ray Data map stages.

Work goes out in tasks (one input shard to read, or a part of a large Parquet file: a run of its
row groups; or ``articles_per_task`` articles to analyse),
pickled, to a pool of Ray actors that each load the language model once; results come back in
task order, so the store, the timeline and every output are the same as with the local engine.
Tasks are sent a window at a time: the driver's memory stays bounded however large the input.

``RAY_ADDRESS`` names a running cluster to join; without it a local Ray is started on demand
(no dashboard, bound to 127.0.0.1, usage reporting off) and stopped when the process exits, so
no Ray process outlives the command.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from chronicle import extract
from chronicle.engines.base import shards
from chronicle.ingest import ReadOptions
from chronicle.ingest.readers import file_parts, read_file, read_part, whole_file
from chronicle.models import Article, ArticleAnalysis, Rejection
from chronicle.settings import Settings

__all__ = ["RayEngine"]

#: Tasks in flight per Ray dataset: enough to keep every actor busy for minutes, few enough that
#: the pickled articles of one window stay small beside the model.
TASKS_PER_WINDOW = 256
#: Rows of a Parquet file read per task: a large file's row groups spread over the workers, and
#: what one task sends back stays a few MB of articles (a row group is never split).
ROWS_PER_READ_TASK = 2_000


class RayEngine:
    """Ray Data over sharded input: one map stage reads shards, one analyses articles."""

    name = "ray"

    def read(self, paths: Iterable[str | Path], options: ReadOptions | None) -> Iterator[Article | Rejection]:
        items = shards(paths)
        if not items:
            return
        _start(None)
        options = options or ReadOptions()
        origins, tasks = _read_tasks(items, options)
        done = _ordered_map(tasks, _Reader, {"options": options}, workers=_workers(None))
        # The tasks of one shard come back together and in order: a file read in parts is put
        # back together as read_file reads it whole.
        for _, run in groupby(zip(origins, done, strict=True), key=itemgetter(0)):
            results = (pair for _, pair in run)
            task, result = next(results)
            if isinstance(task, Rejection):
                yield task
            elif isinstance(task, Path):
                yield from result
            else:
                yield from whole_file(task.path, chain([result], (r for _, r in results)))

    def analyse(
        self, articles: Iterable[Article], *, language: bool, settings: Settings
    ) -> Iterator[tuple[Article, ArticleAnalysis]]:
        tasks = _chunks(articles, max(1, settings.articles_per_task))
        first = next(tasks, None)
        if first is None:
            return
        _start(settings.processes)
        for task, analyses in _ordered_map(chain([first], tasks), _Analyser,
                                           {"language": language, "settings": settings},
                                           workers=_workers(settings.processes)):
            yield from zip(task, analyses, strict=True)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class _Part(NamedTuple):
    """A run of row groups of a Parquet file, read as a task of its own."""

    path: Path
    row_groups: range


def _read_tasks(items: list[Path | Rejection], options: ReadOptions) -> tuple[list[int], list[Path | Rejection | _Part]]:
    """The read tasks of the shards (a shard, or its parts), each with the index of its shard."""
    origins: list[int] = []
    tasks: list[Path | Rejection | _Part] = []
    for n, shard in enumerate(items):
        parts = [range(0)] if isinstance(shard, Rejection) else file_parts(shard, options, ROWS_PER_READ_TASK)
        for part in parts:
            origins.append(n)
            tasks.append(_Part(shard, part) if len(parts) > 1 and isinstance(shard, Path) else shard)
    return origins, tasks


class _Reader:
    """A map-stage actor that reads one input shard or part of one (a rejected path is passed through)."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options

    def __call__(self, task: Path | Rejection | _Part) -> list[Article | Rejection]:
        if isinstance(task, Rejection):
            return []
        if isinstance(task, _Part):
            return list(read_part(task.path, self.options, task.row_groups))
        return list(read_file(task, self.options))


class _Analyser:
    """A map-stage actor that analyses a task of articles, the language model loaded once."""

    def __init__(self, language: bool, settings: Settings) -> None:
        self.language = language
        # The actor is one worker: parallelism comes from the number of actors.
        self.settings = dataclasses.replace(settings, processes=1)
        self.nlp: Any = None
        if language:
            from chronicle.extract.pipeline import build_nlp

            self.nlp = build_nlp()

    def __call__(self, articles: list[Article]) -> list[ArticleAnalysis]:
        return [a for _, a in extract.analyse(articles, language=self.language, settings=self.settings, nlp=self.nlp)]


class _Batch:
    """Ray Data's batch interface over a one-item actor: rows carry pickled items."""

    def __init__(self, actor: type, kwargs: dict[str, Any]) -> None:
        self.worker = actor(**kwargs)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy

        results = [pickle.dumps(self.worker(pickle.loads(blob))) for blob in batch["blob"]]
        return {"task": batch["task"], "blob": numpy.array(results, dtype=object)}


def _ordered_map(items: Iterable[Any], actor: type, kwargs: dict[str, Any], *, workers: int
                 ) -> Iterator[tuple[Any, Any]]:
    """Each item with what ``actor(**kwargs)(item)`` gives for it on the Ray cluster, in item order."""
    import ray.data

    it = iter(items)
    while window := list(islice(it, TASKS_PER_WINDOW)):
        rows = [{"task": i, "blob": pickle.dumps(item)} for i, item in enumerate(window)]
        dataset = ray.data.from_items(rows, override_num_blocks=min(len(rows), 4 * workers)).map_batches(
            _Batch, fn_constructor_kwargs={"actor": actor, "kwargs": kwargs}, batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=min(workers, len(rows))), num_cpus=1, batch_format="numpy",
        )
        yield from _in_order(window, dataset.iter_rows())


def _in_order(window: Sequence[Any], rows: Iterable[dict[str, Any]]) -> Iterator[tuple[Any, Any]]:
    """Rows that may come back out of order, given back in task order (held only until due)."""
    waiting: dict[int, Any] = {}
    due = 0
    for row in rows:
        waiting[int(row["task"])] = pickle.loads(row["blob"])
        while due in waiting:
            yield window[due], waiting.pop(due)
            due += 1


def _workers(processes: int | None) -> int:
    import ray

    cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    return max(1, min(processes, cpus) if processes else cpus)


def _start(processes: int | None) -> None:
    """A Ray to run on: the one already started, the cluster at RAY_ADDRESS, or a local one.

    A local Ray started here serves every later stage of the command (starting one costs
    seconds) and is shut down when the process exits: Ray's own exit hook stops it, and its
    reaper process stops it if the command is killed.
    """
    import ray
    import ray.data

    if ray.is_initialized():
        return
    address = os.environ.get("RAY_ADDRESS")
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                               "logging_level": logging.ERROR, "configure_logging": False}
    if not address:
        options.update(_node_ip_address="127.0.0.1", num_cpus=processes or os.cpu_count())
    # Its warnings are about its own defaults (token authentication on, progress bars off).
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    with _env(RAY_USAGE_STATS_ENABLED="0"):
        ray.init(address=address or "local", **options)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.execution_options.preserve_order = True


@contextmanager
def _env(**values: str) -> Iterator[None]:
    """Environment variables set while Ray starts its processes (they read them at start)."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


