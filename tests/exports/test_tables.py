"""CSV exports parse back row for row, and no cell runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from chronicle.exports import claims_csv, events_csv
from chronicle.exports.tables import CLAIM_COLUMNS, EVENT_COLUMNS, safe_cell
from chronicle.models import Timeline


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"),
    ("+31 20 555 0100", "'+31 20 555 0100"),
    ("-300 crew members", "'-300 crew members"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),  # white space first does not hide a formula
    ("a = b", "a = b"),
    ("two\nlines", "two lines"),
    (None, ""),
    (("a", "b"), "a; b"),
    (3, "3"),
])
def test_a_cell_never_starts_a_formula(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def test_events_parse_back_one_row_per_event(timeline: Timeline) -> None:
    text = events_csv(timeline)
    assert text.splitlines()[0] == ",".join(EVENT_COLUMNS) and "\r\n" in text
    rows = _rows(text)
    assert len(rows) == sum(len(entry.events) for entry in timeline.entries)
    paused = next(r for r in rows if r["event_id"] == "ev-5")
    assert paused == {
        "date": "2025-03-06", "granularity": "day", "event_id": "ev-5",
        "summary": "Ferry talks in Valmora were paused on Thursday, the union said.",
        "actors": "Valmora Ferry Union; Valmora Port Authority", "place": "Valmora",
        "sources": "courier-1; wire-1", "outlets": "Valmora Courier; Northern Wire",
        "evidence_sentence": "Ferry talks in Valmora were paused on Thursday, the union said. (courier-1)",
        "evidence_article": "courier-1", "time_expression": "Thursday",
    }
    assert next(r for r in rows if r["event_id"] == "ev-7")["summary"].startswith("'=HYPERLINK(")
    assert [r["granularity"] for r in rows][:4] == ["year", "quarter", "month", "week"]


def test_claims_parse_back_one_row_per_claim(timeline: Timeline) -> None:
    rows = _rows(claims_csv(timeline))
    assert len(rows) == len(timeline.claims) and list(rows[0]) == list(CLAIM_COLUMNS)
    first, again = rows[0], rows[1]
    assert (first["date_said"], first["said_when"], first["published"], first["outlet"]) == (
        "2025-03-06", "Thursday", "2025-03-07", "Valmora Courier")
    # Two outlets' reports of one statement share its group; the second had it through a relay.
    assert first["group"] == again["group"] != "" and again["via"] == "the ferry operators"
    denial = next(r for r in rows if r["stance"] == "denies")
    assert (denial["speaker"], denial["speaker_entity"], denial["article"]) == ("the port authority", "e2", "wire-1")
    assert {r["speaker"] for r in rows} >= {"'@the operators"}
    assert {r["text"] for r in rows} >= {"'=2000 crew members walked out", "'-300 crew members stopped work"}
