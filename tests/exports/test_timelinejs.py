"""The TimelineJS3 file: one slide per event, valid dates at their granularity, escaped text."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from chronicle.exports import to_timelinejs
from chronicle.exports.timelinejs import HEADLINE_CHARS, safe_url
from chronicle.models import Timeline


def _day(date: dict[str, Any]) -> dt.date:
    return dt.date(date["year"], date.get("month", 1), date.get("day", 1))


def test_one_slide_per_event_with_valid_dates(timeline: Timeline) -> None:
    data = json.loads(to_timelinejs(timeline))
    slides = data["events"]
    assert len(slides) == sum(len(entry.events) for entry in timeline.entries)
    assert len({s["unique_id"] for s in slides}) == len(slides)
    assert data["title"]["text"]["headline"] == "Timeline"
    for slide in slides:
        start = _day(slide["start_date"])
        assert "end_date" not in slide or _day(slide["end_date"]) >= start
        assert slide["autolink"] is False


@pytest.mark.parametrize(("event_id", "start", "end", "display"), [
    ("ev-1", {"year": 2024}, None, None),
    ("ev-2", {"year": 2025, "month": 1}, {"year": 2025, "month": 3}, "2025 Q1"),
    ("ev-3", {"year": 2025, "month": 3}, None, None),
    ("ev-4", {"year": 2025, "month": 3, "day": 3}, {"year": 2025, "month": 3, "day": 9}, "week of 2025-03-03"),
    ("ev-5", {"year": 2025, "month": 3, "day": 6}, None, None),
])
def test_a_coarse_date_leaves_out_month_and_day(timeline: Timeline, event_id: str, start: dict[str, int],
                                                end: dict[str, int] | None, display: str | None) -> None:
    slide = next(s for s in json.loads(to_timelinejs(timeline))["events"] if s["unique_id"] == event_id)
    assert slide["start_date"] == start
    assert slide.get("end_date") == end and slide.get("display_date") == display


def test_article_text_is_escaped_and_only_http_links_lead_out(timeline: Timeline) -> None:
    content = to_timelinejs(timeline)
    slides = json.loads(content)["events"]
    markup = " ".join(s["text"]["headline"] + s["text"]["text"] for s in slides)
    assert "<script" not in markup and "<img" not in markup and "<svg" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup and "javascript:alert(4)" not in markup
    assert "\x1b" not in markup and "\x07" not in markup
    assert '<a href="https://courier.example/ferry-talks" rel="noopener noreferrer">' in markup
    assert all(len(s["text"]["headline"]) <= HEADLINE_CHARS + 1 for s in slides if "&" not in s["text"]["headline"])


@pytest.mark.parametrize(("url", "kept"), [
    ("https://example.org/a", True),
    ("HTTP://example.org/a", True),
    ("javascript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("data:text/html,<script>", False),
    ("https://example.org/a b", False),
    ("//example.org", False),
    (None, False),
])
def test_which_urls_a_link_may_point_to(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept
