"""What the language model adds to a built timeline: who took part, where, and what was said.

The timeline is built from dated sentences alone (the same with or without the model); the
events the model found in those sentences give each timeline event its actors and place, and
the claims of the articles the timeline cites are the timeline's claims.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from chronicle.models import Claim, EventMention, Timeline, TimelineEvent

__all__ = ["cited_articles", "cited_claims", "with_participants"]


def cited_articles(timeline: Timeline) -> set[str]:
    """The ids of every article some timeline event cites."""
    return {s for entry in timeline.entries for event in entry.events for s in event.sources}


def _participants(event: TimelineEvent, events_of: Mapping[str, Sequence[EventMention]],
                  canonical: Mapping[str, str]) -> TimelineEvent:
    """Who took part: the actors of the sentence shown, and those at least two of the event's
    other reports name (one report's aside is not a participant) when these reports share an
    actor with the sentence shown: reports that name none of its actors may tell of another
    happening of the day ("stay at home over the holiday weekend" beside a boxer's fight that
    weekend), and their names under it would mislead. Where: the first place found."""
    reports: list[tuple[dict[str, None], str | None]] = []
    for evidence in event.evidence:
        found_events = events_of.get(evidence.article)
        if found_events is None or evidence.start is None:
            reports.append(({}, None))
            continue
        here: dict[str, None] = {}
        where: str | None = None
        for found in found_events:
            # The model's sentences and the timeline's are cut apart: overlapping is enough.
            if found.start <= evidence.start < found.end or evidence.start <= found.start < (
                evidence.end or evidence.start
            ):
                here.update(dict.fromkeys(found.actors))
                where = where or found.place
        reports.append((dict.fromkeys(canonical.get(actor, actor) for actor in here), where))
    shown = set(event.actors) | (set(reports[0][0]) if reports else set())
    named: dict[str, int] = dict.fromkeys(event.actors, 2)
    place = event.place
    for n, (here, where) in enumerate(reports):
        if n == 0 or shown & here.keys():
            for actor in here:
                named[actor] = named.get(actor, 0) + 1
            place = place or where
    actors = tuple(a for a, count in named.items() if a in shown or count >= 2)
    return dataclasses.replace(event, actors=actors, place=place)


def with_participants(timeline: Timeline, events_of: Mapping[str, Sequence[EventMention]],
                      canonical: Mapping[str, str] | None = None) -> Timeline:
    """Each timeline event with the actors and place of the events found in its evidence, an
    actor named the way ``canonical`` names its story entity ("Kim" is "Kim Jong Un")."""
    names = canonical or {}
    entries = tuple(
        dataclasses.replace(entry, events=tuple(_participants(e, events_of, names) for e in entry.events))
        for entry in timeline.entries
    )
    return dataclasses.replace(timeline, entries=entries)


def cited_claims(timeline: Timeline, claims_of: Mapping[str, Sequence[Claim]]) -> list[Claim]:
    """The claims of the articles the timeline cites, by date, article and place in the article."""
    cited = cited_articles(timeline)
    return sorted(
        (c for a in timeline.articles if a.id in cited and a.id in claims_of for c in claims_of[a.id]),
        key=lambda c: (c.date or "", c.article, c.content_spans[0] if c.content_spans else (0, 0)),
    )
