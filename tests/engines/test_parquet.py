"""Parquet shards: written per input file, resumed after a crash, loaded back into a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle import Chronicle
from chronicle.engine import write_parquet
from chronicle.engines.parquet import MANIFEST, is_output, output_folder
from chronicle.errors import InputError
from chronicle.extract import fingerprint
from chronicle.render import render
from chronicle.settings import Settings

from .test_engines import write_story

pytest.importorskip("pyarrow")

SETTINGS = Settings(processes=1)


def test_each_file_is_a_shard_and_a_rerun_does_only_the_rest(tmp_path: Path) -> None:
    story = write_story(tmp_path / "in")
    out = tmp_path / "out"
    first = write_parquet([story], out, settings=SETTINGS)
    assert (first.written, first.skipped, first.articles) == (4, 0, 4)
    assert [str(r) for r in first.rejections] == [f"{story / 'empty.txt'}: empty file"]
    assert is_output(out) and len(list(out.glob("shard-*.parquet"))) == 4
    again = write_parquet([story], out, settings=SETTINGS)
    assert (again.written, again.skipped) == (0, 4)
    # A crash after a shard's file was renamed but before the manifest line was written, and
    # a shard never started: both are done again, the others not.
    lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
    (out / MANIFEST).write_text("\n".join(lines[:2]) + "\n" + lines[2][:10], encoding="utf-8")
    resumed = write_parquet([story], out, settings=SETTINGS)
    assert (resumed.written, resumed.skipped) == (2, 2)


@pytest.mark.parametrize("spec", ["out", "parquet:", "json:out"])
def test_output_must_name_a_parquet_folder(spec: str) -> None:
    with pytest.raises(InputError, match="expected parquet:DIR"):
        output_folder(spec)


def test_a_store_loaded_from_shards_is_the_store_made_from_the_files(tmp_path: Path) -> None:
    story = write_story(tmp_path / "in")
    out = tmp_path / "out"
    report = write_parquet([story], out, analyse=True, settings=SETTINGS)
    assert report.articles == 4
    key = fingerprint(language=True)
    with Chronicle(tmp_path / "direct.db", settings=SETTINGS) as direct:
        direct.ingest([story])
        direct.analyse()
        expected = (direct.articles(), direct.store.analyses(key), render(direct.timeline(), "json"))
    with Chronicle(tmp_path / "loaded.db", settings=SETTINGS) as loaded:
        loaded_report = loaded.ingest([out])
        assert len(loaded_report.added) == 4 and not loaded_report.rejections
        # The analyses came with the shards: nothing is left to analyse.
        assert loaded.store.analyses(key) == expected[1]
        assert [s.article for s in loaded.articles()] == [s.article for s in expected[0]]
        assert render(loaded.timeline(), "json") == expected[2]
        assert json.loads(expected[2])["entries"]
