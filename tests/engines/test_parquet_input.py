"""Parquet files as input on both engines: the same articles, a large file read in parts on Ray,
and Parquet in, Parquet shards out (``--output parquet:DIR``), loaded back into a store."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle import Chronicle
from chronicle.engine import write_parquet
from chronicle.engines import get_engine, ray_engine
from chronicle.ingest import ReadOptions, read_articles
from chronicle.models import Rejection
from chronicle.render import render
from chronicle.settings import Settings

from .test_engines import ARTICLES, _everything
from .test_engines import ray_in_process as ray_in_process  # the fixture, shared

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def write_shards(folder: Path) -> Path:
    """The story of test_engines as two Parquet shards: three articles in three row groups, then
    the fourth beside a row without text and one repeating the id of the first."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{"id": k, "published": day, "text": text} for k, (day, text) in ARTICLES.items()]
    pq.write_table(pa.Table.from_pylist(rows[:3]), folder / "part-0.parquet", row_group_size=1)
    tail = [rows[3], {"id": "blank", "published": "2024-03-08", "text": None},
            {"id": "a1", "published": "2024-03-09", "text": "The guild thanked the port on Saturday."}]
    pq.write_table(pa.Table.from_pylist(tail), folder / "part-1.parquet", row_group_size=2)
    return folder


def write_single(path: Path) -> Path:
    rows = [{"id": k, "date": day, "text": text} for k, (day, text) in ARTICLES.items()]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=1)
    return path


def test_the_ray_engine_reads_a_large_file_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_shards(tmp_path / "in")
    (folder / "note.txt").write_text("date: 2024-03-05\n\nA note.", encoding="utf-8")
    monkeypatch.setattr(ray_engine, "ROWS_PER_READ_TASK", 1)
    origins, tasks = ray_engine._read_tasks([folder / "note.txt", folder / "part-0.parquet",
                                             folder / "part-1.parquet"], ReadOptions())
    assert origins == [0, 1, 1, 1, 2, 2]
    assert tasks[0] == folder / "note.txt"
    assert [t.row_groups for t in tasks[1:]] == [range(0, 1), range(1, 2), range(2, 3),  # type: ignore[union-attr]
                                                 range(0, 1), range(1, 2)]


def test_the_local_engine_reads_parquet_as_the_readers_do(tmp_path: Path) -> None:
    folder = write_shards(tmp_path / "in")
    single = write_single(tmp_path / "one.parquet")
    items = list(get_engine("local").read([folder, single], None))
    assert items == list(read_articles([folder, single]))
    assert [getattr(i, "id", None) for i in items] == ["a1", "a2", "a3", "a4", None, "a1",
                                                       "a1", "a2", "a3", "a4"]
    assert [str(r) for r in items if isinstance(r, Rejection)] == [f"{folder / 'part-1.parquet'}:2: no 'text'"]


SETTINGS = Settings(processes=1)


def test_parquet_in_parquet_shards_out_and_back_into_a_store(tmp_path: Path) -> None:
    folder = write_shards(tmp_path / "in")
    out = tmp_path / "out"
    report = write_parquet([folder], out, analyse=True, settings=SETTINGS)
    assert (report.written, report.articles) == (2, 5)
    assert [str(r) for r in report.rejections] == [f"{folder / 'part-1.parquet'}:2: no 'text'"]
    again = write_parquet([folder], out, analyse=True, settings=SETTINGS)
    assert (again.written, again.skipped) == (0, 2)
    with Chronicle(tmp_path / "direct.db", settings=SETTINGS) as direct:
        direct.ingest([folder])
        direct.analyse()
        expected = ([s.article for s in direct.articles()], render(direct.timeline(), "json"))
    with Chronicle(tmp_path / "loaded.db", settings=SETTINGS) as loaded:
        assert len(loaded.ingest([out]).added) == 5
        assert [s.article for s in loaded.articles()] == expected[0]
        assert render(loaded.timeline(), "json") == expected[1]


@pytest.mark.slow
@pytest.mark.usefixtures("ray_in_process")
def test_local_and_ray_give_the_same_results_from_parquet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every row group a task of its own: the parts must come back as the whole file.
    monkeypatch.setattr(ray_engine, "ROWS_PER_READ_TASK", 1)
    for name, make in (("folder", write_shards), ("file", write_single)):
        source = make(tmp_path / f"{name}.in" if name == "folder" else tmp_path / "one.parquet")
        local = _everything(tmp_path / f"{name}-local.db", source, "local")
        ray = _everything(tmp_path / f"{name}-ray.db", source, "ray")
        assert local["articles"], name
        for key in local:
            assert ray[key] == local[key], (name, key)
    out_local, out_ray = tmp_path / "out-local", tmp_path / "out-ray"
    write_parquet([tmp_path / "folder.in"], out_local, settings=Settings(engine="local"))
    write_parquet([tmp_path / "folder.in"], out_ray, settings=Settings(engine="ray"))
    assert sorted(p.name for p in out_local.glob("*.parquet")) == sorted(p.name for p in out_ray.glob("*.parquet"))
    for shard in out_local.glob("*.parquet"):
        assert pq.read_table(shard).equals(pq.read_table(out_ray / shard.name))
