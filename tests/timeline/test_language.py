"""Who took part in a timeline event: the sentence shown names them, or reports that agree with it."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.models import EventMention, Evidence, Timeline, TimelineEntry, TimelineEvent
from chronicle.timeline.language import with_participants

DAY = dt.date(2025, 5, 3)
SHOWN = "The mayor asked residents to stay at home over the holiday weekend."
REPORTS = {
    "a": (SHOWN, ("Mayor Ruiz",), "Valmora"),
    "b": ("Mayor Ruiz repeated the appeal to stay home on Saturday.", ("Mayor Ruiz", "Port Authority"), None),
    "c": ("Dana Orr won the regatta at the weekend.", ("Dana Orr", "Lisbon Club"), "Lisbon"),
    "d": ("Dana Orr beat the Lisbon Club crew on Saturday.", ("Dana Orr", "Lisbon Club"), "Lisbon"),
    "e": ("Mayor Ruiz and the Port Authority shut the harbour on Saturday.", ("Mayor Ruiz", "Port Authority"), None),
    "f": ("The Port Authority shut the harbour on Saturday.", ("Port Authority",), None),
}


def _mention(article: str) -> EventMention:
    sentence, actors, place = REPORTS[article]
    return EventMention(article, 0, sentence, 0, len(sentence), DAY, DAY, "day", "on Saturday", DAY,
                        actors=actors, place=place)


def _participants(articles: str, shown_actors: tuple[str, ...] = ()) -> TimelineEvent:
    first = REPORTS[articles[0]][0]
    event = TimelineEvent(
        "ev-1", first, tuple(articles),
        tuple(Evidence(a, REPORTS[a][0], "on Saturday", 0, len(REPORTS[a][0])) for a in articles),
        actors=shown_actors,
    )
    timeline = Timeline(entries=(TimelineEntry(DAY.isoformat(), "day", (event,)),), articles=())
    found = with_participants(timeline, {a: [_mention(a)] for a in articles})
    return found.entries[0].events[0]


@pytest.mark.parametrize(
    ("articles", "actors", "place"),
    [
        # Two reports of another happening that day name none of the shown sentence's actors.
        ("acd", ("Mayor Ruiz",), "Valmora"),
        # Reports that share an actor with the sentence shown add those two of them name.
        ("abe", ("Mayor Ruiz", "Port Authority"), "Valmora"),
        # ... and only theirs: a report naming none of them does not count.
        ("abf", ("Mayor Ruiz",), "Valmora"),
        # Nothing named in the sentence shown: nobody else's names are put under it.
        ("cdd", ("Dana Orr", "Lisbon Club"), "Lisbon"),
    ],
)
def test_participants_come_from_reports_that_agree_with_the_sentence_shown(
    articles: str, actors: tuple[str, ...], place: str
) -> None:
    event = _participants(articles)
    assert event.actors == actors
    assert event.place == place


def test_a_sentence_with_no_actors_takes_none_from_other_reports() -> None:
    REPORTS["z"] = ("Residents were asked to stay home over the holiday weekend.", (), None)
    try:
        event = _participants("zcd")
    finally:
        del REPORTS["z"]
    assert event.actors == ()
    assert event.place is None
