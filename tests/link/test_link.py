"""Linking mentions into events, on hand-written mentions."""

from __future__ import annotations

import datetime as dt

from chronicle.link import link_mentions
from chronicle.models import EventMention

DAY = dt.date(2024, 5, 6)


def mention(article: str, index: int, sentence: str, day: dt.date = DAY) -> EventMention:
    return EventMention(article_id=article, sentence_index=index, sentence=sentence, start=0, end=len(sentence),
                        first=day, last=day, granularity="day", time_expression="on Monday",
                        published=day + dt.timedelta(days=1), source=article)


def test_two_outlets_reporting_one_happening_are_one_event() -> None:
    events = link_mentions([
        mention("a", 0, "Ferry crews in Ostrava walked out on Monday over pay."),
        mention("b", 3, "On Monday ferry crews in Ostrava walked out in a dispute over pay."),
    ])
    assert len(events) == 1
    assert events[0].sources == ("a", "b")


def test_different_days_are_never_linked() -> None:
    text = "Ferry crews in Ostrava walked out on Monday over pay."
    events = link_mentions([mention("a", 0, text), mention("b", 0, text, DAY + dt.timedelta(days=1))])
    assert len(events) == 2


def test_a_growing_event_does_not_swallow_unrelated_reports() -> None:
    # Average linkage: the short, unrelated report shares a word or two with the union of
    # the first event's sentences, but not with each of them.
    events = link_mentions([
        mention("a", 0, "Ferry crews in Ostrava walked out on Monday over pay."),
        mention("b", 0, "Ferry crews in Ostrava walked out over pay on Monday, halting sailings."),
        mention("c", 0, "The mayor of Ostrava opened a new library."),
    ])
    assert sorted(len(e.mentions) for e in events) == [1, 2]


def test_every_mention_ends_in_exactly_one_event() -> None:
    mentions = [mention(str(i % 3), i, f"Report number {i} about ferries and crews and pay {i % 2}.") for i in range(9)]
    events = link_mentions(mentions)
    linked = [m for e in events for m in e.mentions]
    assert sorted(linked, key=lambda m: m.sentence_index) == mentions
