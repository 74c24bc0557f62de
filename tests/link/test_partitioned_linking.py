"""Event linking by date window gives the events of one pass over every mention.

``link_events`` links each date window (:func:`chronicle.link.events.date_windows`) on its own;
linking all units as a single window is the pass over the whole store it replaces.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.extract import analyse
from chronicle.ingest import read_articles
from chronicle.link.events import (
    EXACT_BLOCK,
    _events,
    _link_window,
    _units,
    compatible,
    date_windows,
    link_events,
    threshold_for,
)
from chronicle.models import Article, EventMention, LinkedEvent

from .event_pairs import mention

T17 = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "t17"


def unpartitioned(mentions: list[EventMention]) -> list[LinkedEvent]:
    """Every unit in one window: one sweep and one clustering over all mentions."""
    units = _units(mentions)
    return _events(units, _link_window(units, list(range(len(units))), None, "lexical", threshold_for("lexical")))


def windows_of(mentions: list[EventMention]) -> list[list[str]]:
    units = _units(mentions)
    return [sorted(m.article_id for i in window for m in units[i].mentions) for window in date_windows(units)]


def _dated(article: str, date: str, sentence: str = "Crews walked out over pay.") -> EventMention:
    return mention(article, date, sentence)


def _two_days(article: str, expressions: tuple[str | None, str | None]) -> list[EventMention]:
    """One sentence dated Monday 4 and Tuesday 5 March 2024."""
    text = "Crews walked out on Monday and Tuesday over pay."
    return [
        EventMention(article_id=article, sentence_index=0, sentence=text, start=0, end=len(text), first=day,
                     last=day, granularity="day", time_expression=expression, published=dt.date(2024, 3, 6))
        for day, expression in zip((dt.date(2024, 3, 4), dt.date(2024, 3, 5)), expressions, strict=True)
    ]


WINDOWS = [
    ("different days stay apart", [_dated("a", "2024-03-04"), _dated("b", "2024-03-06")], [["a"], ["b"]]),
    ("one day is one window", [_dated("a", "2024-03-04"), _dated("b", "2024-03-04")], [["a", "b"]]),
    ("a week joins the days it covers",
     [_dated("a", "2024-03-04"), _dated("b", "2024-03-08"), _dated("w", "2024-W10")], [["a", "b", "w"]]),
    ("a month joins its first and last day, not the next month's first",
     [_dated("a", "2024-03-01"), _dated("m", "2024-03"), _dated("b", "2024-03-31"), _dated("c", "2024-04-01")],
     [["a", "b", "m"], ["c"]]),
    ("a day that ends a week joins it, two weeks in a row do not touch",
     [_dated("w1", "2024-W10"), _dated("d", "2024-03-10"), _dated("w2", "2024-W11")], [["d", "w1"], ["w2"]]),
    ("a month chains the weeks inside it",
     [_dated("w1", "2024-W10"), _dated("w2", "2024-W11"), _dated("m", "2024-03"), _dated("x", "2024-05-02")],
     [["m", "w1", "w2"], ["x"]]),
    ("'on Monday and Tuesday' is one unit over both days, joining each day's reports",
     [_dated("a", "2024-03-04"), _dated("b", "2024-03-05"), *_two_days("x", ("Monday", "Tuesday"))],
     [["a", "b", "x", "x"]]),
    ("two dates of one sentence that are not one phrase stay two units",
     [_dated("a", "2024-03-04"), _dated("b", "2024-03-05"), *_two_days("x", (None, None))],
     [["a", "x"], ["b", "x"]]),
]


@pytest.mark.parametrize(("case", "mentions", "expected"), WINDOWS, ids=[w[0] for w in WINDOWS])
def test_date_windows(case: str, mentions: list[EventMention], expected: list[list[str]]) -> None:
    assert windows_of(mentions) == expected
    assert link_events(mentions) == unpartitioned(mentions)


def test_a_week_links_reports_of_two_windows_that_only_it_joins() -> None:
    tour = "Kim Jong Un toured tank factories in Pyongyang"
    mentions = [mention("a", "2024-03-05", f"{tour} on Tuesday."), mention("b", "2024-W10", f"{tour} this week."),
                mention("c", "2024-03-07", "Kim Jong Un inspected tank factories in Pyongyang on Thursday.")]
    assert windows_of(mentions) == [["a", "b", "c"]]
    assert windows_of([mentions[0], mentions[2]]) == [["a"], ["c"]]
    events = link_events(mentions)
    assert events == unpartitioned(mentions)
    assert [e.sources for e in events] == [("a", "b"), ("c",)]  # the week joins one day, not both


# -- generated stories --------------------------------------------------------------------

_WHO = ["The mayor", "Union leaders", "Port officials", "Kim Jong Un", "Rescue teams"]
_DID = ["approved", "rejected", "toured", "condemned", "welcomed", "announced"]
_WHAT = ["the harbour budget", "the pay offer", "2 tank factories", "3 flood defences", "the rail strike"]
_BASE = dt.date(2024, 2, 26)  # a Monday


def _period(kind: str, offset: int) -> str:
    day = _BASE + dt.timedelta(days=offset)
    if kind == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day:%Y-%m}" if kind == "month" else day.isoformat()


@st.composite
def stories(draw: st.DrawFn) -> list[EventMention]:
    """Mentions of a few outlets over ten weeks: days, weeks, months and 'Monday and Tuesday'."""
    sentences: dict[tuple[str, int], str] = {}
    mentions: list[EventMention] = []
    for _ in range(draw(st.integers(1, 60))):
        article, index = draw(st.sampled_from("abcdefg")), draw(st.integers(0, 3))
        if (article, index) not in sentences:
            words = [draw(st.sampled_from(choices)) for choices in (_WHO, _DID, _WHAT)]
            sentences[(article, index)] = " ".join(words) + " on Monday and Tuesday."
        text = sentences[(article, index)]
        kind, offset = draw(st.sampled_from(["day", "day", "day", "week", "month", "two days"])), draw(st.integers(0, 70))
        if kind == "two days":
            for day, expression in ((offset, "Monday"), (offset + 1, "Tuesday")):
                first = _BASE + dt.timedelta(days=day)
                mentions.append(EventMention(article, index, text, 0, len(text), first, first, "day", expression,
                                             first + dt.timedelta(days=1), article))
        else:
            mentions.append(mention(article, _period(kind, offset), text, index))
    return mentions


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_windows_cannot_link_and_give_the_events_of_one_pass(mentions: list[EventMention]) -> None:
    units = _units(mentions)
    windows = date_windows(units)
    assert sorted(i for w in windows for i in w) == list(range(len(units)))
    for a, b in itertools.combinations(windows, 2):
        assert not any(compatible(units[i].first, units[i].last, units[j].first, units[j].last) for i in a for j in b)
    assert link_events(mentions) == unpartitioned(mentions)


def feed(days: int, per_day: int, seed: int) -> list[EventMention]:
    """A busy feed: ``per_day`` entries a day, 40 days apart, some dated by their week or month."""
    rng = random.Random(seed)
    mentions = []
    for k in range(days * per_day):
        offset = k // per_day
        kind = "month" if k % 97 == 0 else "week" if k % 41 == 0 else "day"
        words = [rng.choice(choices) for choices in (_WHO, _DID, _WHAT)]
        mentions.append(mention(f"entry-{k}", _period(kind, offset * 40), " ".join(words) + f", report {k} said."))
    rng.shuffle(mentions)
    return mentions


@pytest.mark.parametrize(("days", "per_day"), [(40, 8), (3, EXACT_BLOCK + 60)])
def test_a_feed_gives_the_events_of_one_pass(days: int, per_day: int) -> None:
    """Many windows; and above ``EXACT_BLOCK`` date-compatible mentions, where candidates are bounded."""
    mentions = feed(days, per_day, seed=days)
    assert len(windows_of(mentions)) > 1
    assert link_events(mentions) == unpartitioned(mentions)


def trigrams(texts: list[str]) -> npt.NDArray[np.float32]:
    """A sentence embedding of our own: hashed character trigrams, L2-normalised."""
    rows = np.zeros((len(texts), 64), dtype=np.float32)
    for r, text in enumerate(texts):
        for k in range(len(text) - 2):
            rows[r, zlib.crc32(text[k : k + 3].lower().encode()) % 64] += 1.0
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def test_with_an_embedding_each_window_embeds_its_own_uncertain_pairs() -> None:
    mentions = feed(40, 8, seed=2)
    units = _units(mentions)
    whole = _link_window(units, list(range(len(units))), trigrams, "combined", threshold_for("combined"))
    assert link_events(mentions, embed=trigrams) == _events(units, whole) != link_events(mentions)


def _working_memory(link: Callable[[list[EventMention]], list[LinkedEvent]], mentions: list[EventMention]) -> int:
    """Bytes linking allocates at its peak beyond the events it returns."""
    tracemalloc.start()
    try:
        events = link(mentions)
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert events
    return peak - current


def busy_days(days: int, per_day: int = 120) -> list[EventMention]:
    """The same busy news day once a month: as many windows as days, all of one size."""
    rng = random.Random(5)
    texts = [" ".join(rng.choice(choices) for choices in (_WHO, _DID, _WHAT)) + f", report {k} said."
             for k in range(per_day)]
    return [mention(f"{month}-{k}", f"2024-{month + 1:02d}-15", text)
            for month in range(days) for k, text in enumerate(texts)]


@pytest.mark.slow
def test_working_memory_follows_the_largest_window_not_the_story() -> None:
    few, many = busy_days(2), busy_days(8)
    assert len(windows_of(many)) == 8
    # Four times the windows: the units and events grow, the window's pairs and features do not
    # (measured 1.24x); one pass over everything holds every window's pairs at once (2.5x).
    assert _working_memory(link_events, many) < 1.5 * _working_memory(link_events, few)
    assert _working_memory(unpartitioned, many) > 2 * _working_memory(unpartitioned, few)


# -- Timeline17 ---------------------------------------------------------------------------


def _t17_mentions(topic: str) -> list[EventMention]:
    articles = [a for a in read_articles([T17 / topic]) if isinstance(a, Article) and a.published is not None]
    return [m for _, analysis in analyse(articles, language=False) for m in analysis.mentions]


@pytest.mark.slow
@pytest.mark.skipif(not T17.is_dir(), reason=f"Timeline17 articles not found at {T17} (../shared)")
@pytest.mark.parametrize("topic", ["H1N1_bbc", "bpoil_bbc", "SyrianCrisis_bbc"])
def test_timeline17_events_are_those_of_one_pass(topic: str) -> None:
    mentions = _t17_mentions(topic)
    assert len(windows_of(mentions)) > 10
    assert link_events(mentions) == unpartitioned(mentions)
