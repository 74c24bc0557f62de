"""Engines: where the per-article work runs.

The stages stay engine-agnostic: reading is :func:`chronicle.ingest.read_articles` over one
input shard, analysis is :func:`chronicle.extract.analyse` over a list of articles, both plain
functions over picklable models. An engine only decides where those calls run and hands the
results back in input order, so every engine gives the same articles and analyses:

* ``local`` (the default): this machine, a process pool over its cores with the language
  model loaded once per process (:mod:`chronicle.engines.local`);
* ``ray``: Ray Data map stages on a Ray cluster (``RAY_ADDRESS``), or on a local Ray started
  for the run and stopped after it (:mod:`chronicle.engines.ray_engine`).

A further engine (Spark, Dask) is a class with the same two methods, named in :data:`ENGINES`.
Nothing here imports Ray: only the Ray engine's own calls do.
"""

from __future__ import annotations

from chronicle.engines.base import ENGINES, Engine, get_engine, shards

__all__ = ["ENGINES", "Engine", "get_engine", "shards"]
