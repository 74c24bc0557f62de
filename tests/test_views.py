"""Views computed once per store state, for any number of concurrent readers."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from chronicle import Chronicle, engine
from chronicle.models import TimelineOptions
from chronicle.store import Store
from chronicle.views import StoryViews

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-strike"


def test_concurrent_readers_make_a_view_once(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE / "2025-03-01-dockworkers-vote-to-strike.txt"])
    views = StoryViews(db)
    made: list[int] = []

    def make(store: Store) -> dict[str, int]:
        made.append(1)
        time.sleep(0.2)  # slow enough that every reader arrives while it is being made
        return {"n": len(made)}

    answers: list[object] = []
    readers = [threading.Thread(target=lambda: answers.append(views._view("v", make)[1])) for _ in range(8)]
    for r in readers:
        r.start()
    for r in readers:
        r.join()
    assert len(made) == 1 and answers == [{"n": 1}] * 8
    # Another process (a second server worker) finds it in the store.
    assert StoryViews(db)._view("v", make)[1] == {"n": 1} and len(made) == 1
    with Chronicle(db) as story:
        story.ingest([SAMPLE / "2025-03-03-dockworkers-walk-out.txt"])
    assert views._view("v", make)[1] == {"n": 2}


def test_the_timeline_view_is_the_timeline(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE])
        direct = story.timeline()
    data, parsed = StoryViews(db).timeline(TimelineOptions())
    assert json.loads(data) == parsed
    assert [e["date"] for e in parsed["entries"]] == [e.date for e in direct.entries]
    again, _ = StoryViews(db).timeline(TimelineOptions())
    assert again == data


def test_the_record_names_the_story_entity_of_each_speaker(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE])
        claims = story.claims()
    record = StoryViews(db).record()
    assert len(record["claims"]) == len(claims)
    ids = {e["id"] for e in record["entities"]}
    spoken = [c for c in record["claims"] if c["speaker_story_entity"]]
    assert spoken and all(c["speaker_story_entity"] in ids for c in spoken)


def test_warming_makes_what_the_page_asks_for_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE])
    StoryViews(db).warm()

    def computed(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again")

    # A new server process finds them in the store: nothing is computed on the first request.
    monkeypatch.setattr(engine, "build_timeline", computed)
    monkeypatch.setattr(engine, "record", computed)
    served = StoryViews(db)
    assert served.timeline(TimelineOptions(), claims=False)[1]["entries"]
    assert served.timeline(TimelineOptions(record=True), claims=False)[1]["entries"]
    assert served.record()["entities"]


def test_one_part_of_the_record_makes_and_keeps_every_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    with Chronicle(db) as story:
        story.ingest([SAMPLE])
    made = StoryViews(db).record_part("claims")
    assert made

    def computed(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr(engine, "record", computed)
    served = StoryViews(db)
    record = served.record()
    assert set(record) == {"entities", "events", "claims", "claim_groups", "disagreements"}
    assert record["claims"] == made and record["entities"] and record["events"]
    assert served.event_days() == sorted(served.event_days())
