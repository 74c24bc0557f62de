"""The engine end to end on files written by the tests: ingest, copies, re-ingest, kill."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle import Chronicle

STORY = (
    "Harbour pilots in Ostrava Bay stopped guiding ships into port on {day} after the pilots' guild "
    "rejected a new rota, leaving {n} vessels at anchor. The guild said the rota was unsafe."
)


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(5000)]
    for i in range(count):
        day = 1 + i % 28
        # Mostly distinct text, so that no article counts as a near copy of another.
        body = " ".join(rng.choice(vocabulary) for _ in range(120))
        text = f"date: 2024-02-{day:02d}\n\n" + STORY.format(day="Tuesday", n=i) + "\n\n" + body
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")


def test_reingest_adds_nothing(tmp_path: Path, readers_dir: Path) -> None:
    with Chronicle(tmp_path / "s.db") as story:
        first = story.ingest([readers_dir])
        assert first.added and first.rejections  # the fixtures include bad files on purpose
        second = story.ingest([readers_dir])
        assert second.added == () and second.copies == ()
        assert set(second.unchanged) == set(first.added) | {c[0] for c in first.copies}
        assert len(story.articles()) == len(first.added) + len(first.copies)


def test_copies_are_kept_and_marked(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    body = STORY.format(day="Tuesday", n=7) + " Talks continue. " + "More detail follows here. " * 10
    (src / "one.txt").write_text("date: 2024-02-06\nsource: A\n\n" + body, encoding="utf-8")
    (src / "two.txt").write_text("---\ndate: 2024-02-06\nsource: B\n---\n" + body.upper(), encoding="utf-8")
    (src / "three.txt").write_text("date: 2024-02-07\n\n" + body + " One added sentence.", encoding="utf-8")
    with Chronicle(tmp_path / "s.db") as story:
        report = story.ingest([src])
        assert report.added == ("one",)
        assert story.articles()[0].article.source == "A"
        assert dict((c[0], (c[1], round(c[2], 1))) for c in report.copies)["two"] == ("one", 1.0)
        assert [c[1] for c in report.copies] == ["one", "one"]
        stored = {s.article.id: s for s in story.articles()}
        assert stored["three"].duplicate_of == "one" and 0.8 <= (stored["three"].similarity or 0) < 1
        # Copies never count as extra sources on the timeline.
        sources = {s for e in story.timeline().entries for ev in e.events for s in ev.sources}
        assert sources == {"one"}


def test_same_stem_in_two_folders_keeps_both(tmp_path: Path) -> None:
    for folder, text in (("x", "Ferries resumed on Monday after the storm."), ("y", "The mayor resigned on Friday.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"date: 2024-03-01\n\n{text}", encoding="utf-8")
    with Chronicle(tmp_path / "s.db") as story:
        report = story.ingest([tmp_path / "x", tmp_path / "y"])
        assert len(report.added) == 2 and report.added[0] == "story"
        again = story.ingest([tmp_path / "x", tmp_path / "y"])
        assert again.added == () and len(again.unchanged) == 2


INGEST_SCRIPT = """
import sys
from chronicle import engine
from chronicle.settings import Settings
from chronicle.store import Store
with Store(sys.argv[1]) as store:
    engine.ingest(store, [sys.argv[2]], settings=Settings(write_batch=50))
"""


@pytest.mark.slow
def test_killed_ingest_leaves_store_consistent_and_rerun_completes(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "s.db"
    write_corpus(corpus, 1500)
    proc = subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(db), str(corpus)])
    try:
        deadline = time.monotonic() + 120
        count = 0
        while time.monotonic() < deadline:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as check:
                        count = check.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    count = 0
                if count >= 100:
                    break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert 100 <= count < 1500, "the kill must land mid-ingest"

    with Chronicle(db) as story:
        assert story.store.integrity_check() == "ok"
        partial = len(story.articles())
        assert partial % 50 == 0, "a batch is committed whole or not at all"
        report = story.ingest([corpus])
        assert len(report.added) == 1500 - partial and len(report.unchanged) == partial
        ids = [s.article.id for s in story.articles()]
        assert len(ids) == len(set(ids)) == 1500
        assert story.store.integrity_check() == "ok"


def _write_story(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pilots.txt").write_text("date: 2024-02-07\n\n" + STORY.format(day="Tuesday", n=12), encoding="utf-8")


def test_an_analysis_made_by_other_code_is_never_served(tmp_path: Path) -> None:
    from chronicle import engine
    from chronicle.extract import fingerprint

    _write_story(tmp_path / "in")
    with Chronicle(tmp_path / "s.db") as story:
        story.ingest([tmp_path / "in"])
        (article,) = [s.article for s in story.articles()]
        # What an older tagger would have stored under its own key: no sentences at all.
        story.store.save_analysis(article.id, "text/0000000000000000", {"sentences": [], "entities": [],
                                                                         "claims": [], "events": []})
        found = engine.analyse(story.store, [article], language=False)
        assert found[article.id].mentions and found[article.id].mentions[0].first.isoformat() == "2024-02-06"
        assert article.id in story.store.analyses(fingerprint(language=False))


def test_a_failed_analysis_is_tried_again_on_the_next_run(tmp_path: Path) -> None:
    from chronicle import engine
    from chronicle.extract import fingerprint

    _write_story(tmp_path / "in")
    with Chronicle(tmp_path / "s.db") as story:
        story.ingest([tmp_path / "in"])
        (article,) = [s.article for s in story.articles()]
        key = fingerprint(language=False)
        story.store.save_analysis(article.id, key, {"sentences": [], "entities": [], "claims": [], "events": []},
                                  error="ValueError: the last run failed")
        assert story.store.failed_analyses(key) == {article.id: "ValueError: the last run failed"}
        found = engine.analyse(story.store, [article], language=False)
        assert found[article.id].error is None and found[article.id].mentions
        assert story.store.failed_analyses(key) == {}
        assert article.id in story.store.analyses(key)


def test_analyse_all_analyses_each_original_once(tmp_path: Path) -> None:
    from chronicle.extract import fingerprint

    src = tmp_path / "in"
    write_corpus(src, 3)
    (src / "copy.txt").write_text((src / "a00001.txt").read_text(encoding="utf-8"), encoding="utf-8")
    counted: list[int] = []
    with Chronicle(tmp_path / "s.db") as story:
        story.ingest([src])
        assert story.analyse(progress=counted.append) == 3
        assert sum(counted) == 3
        key = fingerprint(language=True)
        assert story.store.analysed_ids(key) == {"a00000", "a00001", "a00002"}
        before = story.store.analyses(key)
        counted.clear()
        assert story.analyse(progress=counted.append) == 3
        assert counted == [3]  # all from the store, in one step
        assert story.store.analyses(key) == before
