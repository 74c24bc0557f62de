"""The engines: chosen by name, and the local and the Ray engine give the same results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronicle import Chronicle
from chronicle.engines import ENGINES, get_engine, shards
from chronicle.errors import InputError
from chronicle.ingest import read_articles
from chronicle.models import Rejection
from chronicle.render import render
from chronicle.settings import Settings

#: Three days of a story of ours, in four outlets' words: dates, speakers, denials.
ARTICLES = {
    "a1": ("2024-03-04", "Harbour pilots in Ostrava Bay walked out on Monday after the guild rejected a new rota. "
           "Guild chair Mara Lenk said the rota was unsafe. The port authority said talks would resume on "
           "Wednesday."),
    "a2": ("2024-03-05", "Ships waited at anchor off Ostrava Bay on Tuesday as the pilots' strike entered its "
           "second day. Port director Ivo Brandt denied that the rota was unsafe, telling reporters it met "
           "every rule."),
    "a3": ("2024-03-06", "Talks between the pilots' guild and the port authority resumed on Wednesday in Ostrava. "
           "Mara Lenk said the guild would return to work if the old rota was restored by Friday."),
    "a4": ("2024-03-08", "The pilots returned to work on Friday, March 8, after the port authority restored the "
           "old rota. Ivo Brandt said a review of the rota would report in June."),
}


def write_story(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (day, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(f"date: {day}\n\n{text}\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_unknown_engine_is_named() -> None:
    with pytest.raises(InputError, match="unknown engine 'spark'; known: local, ray"):
        get_engine("spark")


def test_every_engine_is_known_by_its_name() -> None:
    assert {name: get_engine(name).name for name in ENGINES} == {"local": "local", "ray": "ray"}


def test_shards_are_the_files_in_reading_order(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "in")
    found = shards([folder, tmp_path / "missing"])
    assert [p.name for p in found if isinstance(p, Path)] == ["a1.txt", "a2.txt", "a3.txt", "a4.txt", "empty.txt"]
    assert isinstance(found[-1], Rejection) and found[-1].reason == "no such file or folder"


def test_local_engine_reads_what_the_readers_read(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "in")
    assert list(get_engine("local").read([folder], None)) == list(read_articles([folder]))


def _everything(db: Path, folder: Path, engine: str) -> dict[str, object]:
    with Chronicle(db, settings=Settings(engine=engine, processes=2, articles_per_task=1)) as story:
        report = story.ingest([folder])
        story.analyse()
        stored = story.store.analyses(_fingerprint(), None)
        return {
            "report": report,
            "articles": story.articles(),
            "analyses": stored,
            "events": story.events(),
            "claims": story.claims(),
            "timeline": render(story.timeline(), "json"),
        }


def _fingerprint() -> str:
    from chronicle.extract import fingerprint

    return fingerprint(language=True)


@pytest.fixture
def ray_in_process() -> Iterator[None]:
    """Ray started by a test in this process, stopped after it (a command stops it at exit)."""
    ray = pytest.importorskip("ray")
    yield
    ray.shutdown()


@pytest.mark.slow
@pytest.mark.usefixtures("ray_in_process")
def test_local_and_ray_give_the_same_results(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "in")
    local = _everything(tmp_path / "local.db", folder, "local")
    ray = _everything(tmp_path / "ray.db", folder, "ray")
    assert len(local["analyses"]) == 4  # type: ignore[arg-type]
    assert local["claims"], "the story has claims to compare"
    for key in local:
        assert ray[key] == local[key], key
    assert json.loads(str(ray["timeline"]))["entries"]


@pytest.mark.slow
def test_ray_timeline_command_leaves_no_ray_behind(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    folder = write_story(tmp_path / "in")
    env = {**os.environ, "RAY_ADDRESS": "", "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", "from chronicle.cli import main; main()", "timeline", str(folder),
         "--format", "json", "--engine", "ray", "--no-language"],
        capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path,
    )
    assert done.returncode == 3, done.stderr  # output written, the empty file skipped (named)
    assert "empty.txt: empty file" in done.stderr
    assert json.loads(done.stdout)["entries"]
    # Ray's processes carry the session folder of the run in their command lines.
    leftover = subprocess.run(["pgrep", "-f", "-u", str(os.getuid()), "raylet|gcs_server"],
                              capture_output=True, text=True)
    assert leftover.stdout == "", leftover.stdout
