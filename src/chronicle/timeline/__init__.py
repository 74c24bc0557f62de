"""Timeline: choose the dates that matter and say what happened on each.

Takes linked events (models only) and returns a :class:`Timeline`; knows nothing of
how the events were found.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict

from chronicle.models import (
    Article,
    Evidence,
    Granularity,
    LinkedEvent,
    Timeline,
    TimelineEntry,
    TimelineEvent,
    TimelineOptions,
)

__all__ = ["build_timeline", "date_label"]

_SPACE = re.compile(r"\s+")
_COARSENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "century": 6}
#: Events per date when the user does not say: enough to show what a day held without
#: turning the timeline into a reading list.
_DEFAULT_EVENTS_PER_DATE = 3


def date_label(first: dt.date, granularity: Granularity) -> str:
    """ISO 8601 at its granularity: ``2024-01-09``, ``2024-W02``, ``2023-12``, ``2023``."""
    if granularity == "day":
        return first.isoformat()
    if granularity == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if granularity == "month":
        return f"{first.year:04d}-{first.month:02d}"
    if granularity == "quarter":
        return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year:04d}"


def _event_id(label: str, event: LinkedEvent) -> str:
    head = event.mentions[0]
    key = f"{label}|{head.article_id}|{head.sentence_index}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _matches(event: LinkedEvent, terms: list[str]) -> bool:
    text = " ".join(m.sentence for m in event.mentions).lower()
    return all(term in text for term in terms)


def build_timeline(
    events: list[LinkedEvent], articles: list[Article], options: TimelineOptions | None = None
) -> Timeline:
    """Rank dates by how many independent reports point at them, keep the top ones."""
    options = options or TimelineOptions()
    terms = options.query.lower().split() if options.query else []
    by_date: dict[tuple[dt.date, Granularity], list[LinkedEvent]] = defaultdict(list)
    for event in events:
        head = event.mentions[0]
        if options.since and head.last < options.since:
            continue
        if options.until and head.first > options.until:
            continue
        if terms and not _matches(event, terms):
            continue
        by_date[(head.first, head.granularity)].append(event)

    def salience(key: tuple[dt.date, Granularity]) -> tuple[int, int, int]:
        group = by_date[key]
        articles_citing = {m.article_id for e in group for m in e.mentions}
        outlets = {m.source or m.article_id for e in group for m in e.mentions}
        return (len(outlets), len(articles_citing), -_COARSENESS[key[1]])

    chosen = sorted(by_date, key=salience, reverse=True)
    if options.dates is not None:
        chosen = chosen[: options.dates]
    per_date = options.sentences_per_date or _DEFAULT_EVENTS_PER_DATE

    entries: list[TimelineEntry] = []
    for first, granularity in sorted(chosen, key=lambda k: (k[0], -_COARSENESS[k[1]])):
        label = date_label(first, granularity)
        ranked = sorted(
            by_date[(first, granularity)],
            key=lambda e: (-len(e.sources), e.mentions[0].published, e.mentions[0].article_id,
                           e.mentions[0].sentence_index),
        )[:per_date]
        timeline_events = []
        for event in ranked:
            timeline_events.append(
                TimelineEvent(
                    id=_event_id(label, event),
                    summary=_SPACE.sub(" ", event.mentions[0].sentence).strip(),
                    sources=event.sources,
                    evidence=tuple(
                        Evidence(m.article_id, _SPACE.sub(" ", m.sentence).strip(), m.time_expression,
                                 m.start, m.end)
                        for m in event.mentions
                    ),
                )
            )
        entries.append(TimelineEntry(label, granularity, tuple(timeline_events)))
    return Timeline(
        entries=tuple(entries),
        articles=tuple(articles),
    )
