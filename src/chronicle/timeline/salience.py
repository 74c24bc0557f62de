"""Date salience: how much a day matters to the story.

DATEWISE (Ghalandari & Ifrim, 2020) ranks days by how often the text refers to them;
PUBCOUNT by how many articles appeared on them. Each misses something the other sees:
a day the press keeps coming back to weeks later ("the April 20 explosion") was a turning
point even if little was published on it, and a day with a burst of coverage is news even
when later articles call it "last week". So a day scores by the independent articles that
refer to it by date, those looking back at it counting extra, plus the articles published
on it (and on the day after, when the news of the day is printed). A reference to a
week or month ("earlier this month") is a weak vote shared among the days it contains:
it says something happened then without saying which day.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from chronicle.models import EventMention
from chronicle.settings import SalienceWeights

__all__ = ["date_salience", "spread_dates"]


def date_salience(
    mentions: Iterable[EventMention],
    weights: SalienceWeights | None = None,
    article_weight: Mapping[str, float] | None = None,
) -> dict[dt.date, float]:
    """A score per day for every day some day-granularity mention is placed on.

    ``article_weight`` says how much each article's vote counts (1 when not given): an
    aside in the pile (:mod:`~chronicle.timeline.topic`) counts less than the story's reports.
    """
    w = weights or SalienceWeights()

    def votes(articles: Iterable[str]) -> float:
        if article_weight is None:
            return float(len(set(articles)))
        return sum(article_weight.get(a, 1.0) for a in set(articles))

    referring: dict[dt.date, set[str]] = defaultdict(set)
    announcing: dict[dt.date, set[str]] = defaultdict(set)
    looking_back: dict[dt.date, set[str]] = defaultdict(set)
    published: dict[dt.date, set[str]] = defaultdict(set)
    days: set[dt.date] = set()
    coarse: dict[tuple[dt.date, dt.date], set[str]] = defaultdict(set)
    for m in mentions:
        if m.granularity != "day":
            if m.time_expression is not None and m.first <= m.published:
                coarse[(m.first, m.last)].add(m.article_id)
            continue
        days.add(m.first)
        published[m.published].add(m.article_id)
        if m.time_expression is None:
            continue
        # Sets of articles: wire copy counts once however often it repeats the date.
        if m.first > m.published:
            announcing[m.first].add(m.article_id)
        else:
            referring[m.first].add(m.article_id)
            if (m.published - m.first).days >= w.retrospective_after_days:
                looking_back[m.first].add(m.article_id)
    scores: dict[dt.date, float] = {}
    for day in days:
        scores[day] = (
            w.reference * votes(referring[day])
            + w.reference * w.announced * votes(announcing[day] - referring[day])
            + w.retrospective * votes(looking_back[day])
            + w.published_on * votes(published[day])
            + w.published_next * votes(published.get(day + dt.timedelta(days=1), ()))
        )
    if w.coarse > 0:
        for (first, last), articles in coarse.items():
            length = (last - first).days + 1
            vote = w.coarse * votes(articles) / length**w.coarse_share
            for day in days:
                if first <= day <= last:
                    scores[day] += vote
    return scores


def spread_dates(scores: dict[dt.date, float], gap_days: float, damping: float) -> list[dt.date]:
    """All days in order of choice: the most salient first, each choice damping its neighbours.

    A story's big day drags the days around it up (follow-ups, reactions, "yesterday's"
    reports), and a timeline of one busy week says less than one that covers the story. So
    after each choice the scores of the days near it are multiplied by
    ``1 - damping * exp(-distance / gap_days)``.
    """
    gap = max(1.0, gap_days)
    factor = dict.fromkeys(scores, 1.0)
    remaining = set(scores)
    chosen: list[dt.date] = []
    while remaining:
        day = max(remaining, key=lambda d: (scores[d] * factor[d], -d.toordinal()))
        remaining.discard(day)
        chosen.append(day)
        if damping > 0:
            for other in remaining:
                factor[other] *= 1.0 - damping * math.exp(-abs((other - day).days) / gap)
    return chosen
