"""Each record type has one JSON form with explicit fields, pinned by golden files.

A golden file changes only when the JSON users get changes: regenerate with
``CHRONICLE_UPDATE_GOLDEN=1 pytest tests/test_serialize.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from chronicle.models import (
    Article,
    Claim,
    ClaimGroup,
    Disagreement,
    EventMention,
    Evidence,
    IngestReport,
    Rejection,
    StoredArticle,
    StoryEntity,
    Timeline,
    TimelineEntry,
    TimelineEvent,
)
from chronicle.serialize import (
    claim_dict,
    entity_dict,
    event_dict,
    ingest_report_dict,
    stored_article_dict,
    timeline_dict,
)

GOLDEN = Path(__file__).resolve().parent / "golden"

ARTICLE = Article(
    id="2025-03-07-ferry-talks", text="Ferry talks in Valmora were paused on Thursday, the union said.",
    published=dt.date(2025, 3, 7), title="Ferry talks paused", source="Valmora Courier",
    url="https://example.org/ferry-talks", path="in/ferry.txt", content_hash="abc",
)
CLAIM = Claim(
    speaker="the union", cue="said", text="Ferry talks in Valmora were paused on Thursday", stance="asserts",
    article=ARTICLE.id, date="2025-03-07", content_spans=((0, 46),), cue_span=(57, 61), source_span=(48, 57),
)
EVENT = EventMention(
    article_id=ARTICLE.id, sentence_index=0, sentence=ARTICLE.text, start=0, end=63,
    first=dt.date(2025, 3, 6), last=dt.date(2025, 3, 6), granularity="day", time_expression="Thursday",
    published=dt.date(2025, 3, 7), source="Valmora Courier", trigger="paused", agent=None,
    patient="Ferry talks", place="Valmora", actors=("Valmora",),
)


def _timeline() -> Timeline:
    event = TimelineEvent(
        id="ev-1", summary="Ferry talks in Valmora were paused on Thursday, the union said.",
        sources=(ARTICLE.id,), evidence=(Evidence(ARTICLE.id, ARTICLE.text, "Thursday", 0, 63),),
        actors=("Valmora",), place="Valmora",
    )
    denial = Claim("the port authority", "denied", "that talks were paused", "denies", ARTICLE.id, "2025-03-07")
    return Timeline(
        entries=(TimelineEntry("2025-03-06", "day", (event,)),), articles=(ARTICLE,), claims=(CLAIM,),
        disagreements=(Disagreement("denial", "paused talks", (ClaimGroup((denial,)), ClaimGroup((CLAIM,)))),),
    )


CASES: dict[str, Any] = {
    "article": lambda: stored_article_dict(StoredArticle(ARTICLE, "other", 0.93), text=True),
    "entity": lambda: entity_dict(StoryEntity("E1", "Valmora Dockworkers Union", "ORG", ("the union", "VDU"),
                                              (ARTICLE.id,), 4)),
    "event": lambda: event_dict(EVENT),
    "claim": lambda: claim_dict(CLAIM),
    "timeline": lambda: timeline_dict(_timeline()),
    "ingest_report": lambda: ingest_report_dict(IngestReport(
        added=(ARTICLE.id,), copies=(("copy", ARTICLE.id, 1.0),), undated=("u",),
        rejections=(Rejection("bad.jsonl", "not JSON", line=3),),
    )),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_forms_match_their_golden_files(name: str) -> None:
    produced = json.dumps(CASES[name](), ensure_ascii=False, indent=2) + "\n"
    path = GOLDEN / f"{name}.json"
    if os.environ.get("CHRONICLE_UPDATE_GOLDEN") == "1":
        path.write_text(produced, encoding="utf-8")
    assert produced == path.read_text(encoding="utf-8")
