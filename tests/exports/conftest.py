"""A small invented story (the Valmora ferry dispute) as a built timeline, with what every export
shows: dates of each granularity, outlets and headlines, a statement two outlets reported (one
through a relay), a denial and the claim it denies, different figures, and the story's actors.
One article is hostile: markup, event handlers, a ``javascript:`` URL and terminal escape sequences
in its metadata and text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.models import (
    Article,
    Claim,
    ClaimGroup,
    Disagreement,
    Evidence,
    StoryEntity,
    Timeline,
    TimelineEntry,
    TimelineEvent,
)

HOSTILE = '\x1b[2J\x1b]0;owned\x07<script>alert("x")</script> <img src=x onerror=alert(1)> <svg onload=alert(2)> [y](javascript:alert(3))'

COURIER = Article("courier-1", "", dt.date(2025, 3, 7), "Ferry talks paused", "Valmora Courier",
                  "https://courier.example/ferry-talks")
WIRE = Article("wire-1", "", dt.date(2025, 3, 8), "Ferry crews strike, talks stall", "Northern Wire",
               "http://wire.example/ferry")
HOSTILE_ARTICLE = Article("evil<1>", "", dt.date(2025, 3, 9), f"Hostile {HOSTILE}", "<b>Bad</b> Outlet",
                          "javascript:alert(4)")
BARE = Article("000_bare_id", "", dt.date(2025, 4, 2))

SAID = Claim("the union", "said", "Ferry talks in Valmora were paused on Thursday", "asserts", COURIER.id,
             "2025-03-06", content_spans=((0, 46),), published="2025-03-07", said_when="Thursday")
SAID_AGAIN = Claim("the union", "said", "ferry talks were paused on Thursday", "asserts", WIRE.id, "2025-03-06",
                   content_spans=((10, 45),), published="2025-03-08", via="the ferry operators")
DENIAL = Claim("the port authority", "denied", "claims by the union that replacement crews were hired", "denies",
               WIRE.id, "2025-03-08", content_spans=((50, 99),), speaker_entity="e2", published="2025-03-08")
ACCUSATION = Claim("the union", "said", "replacement crews were hired from abroad", "asserts", COURIER.id,
                   "2025-03-07", content_spans=((60, 100),), published="2025-03-07")
FIGURE_A = Claim("the union", "said", "=2000 crew members walked out", "asserts", COURIER.id, "2025-03-07",
                 content_spans=((120, 150),))
FIGURE_B = Claim("@the operators", "said", "-300 crew members stopped work", "asserts", WIRE.id, "2025-03-08",
                 content_spans=((160, 190),))
EVIL = Claim(HOSTILE, "said", HOSTILE, "condemns", HOSTILE_ARTICLE.id, "2025-03-09", content_spans=((0, 9),),
             via=HOSTILE)


def _event(n: int, summary: str, *articles: Article, actors: tuple[str, ...] = (), place: str | None = None,
           when: str | None = None) -> TimelineEvent:
    return TimelineEvent(
        id=f"ev-{n}", summary=summary, sources=tuple(a.id for a in articles),
        evidence=tuple(Evidence(a.id, f"{summary} ({a.id})", when, 0, len(summary)) for a in articles),
        actors=actors, place=place,
    )


def story_timeline() -> Timeline:
    entries = (
        TimelineEntry("2024", "year", (_event(1, "Ferry crews first asked for a new contract.", COURIER),)),
        TimelineEntry("2025-Q1", "quarter", (_event(2, "Ferry traffic fell by a tenth.", WIRE),)),
        TimelineEntry("2025-03", "month", (_event(3, "Crews voted to strike.", COURIER, WIRE, when="this month"),)),
        TimelineEntry("2025-W10", "week", (_event(4, "Talks began under a mediator.", WIRE, when="last week"),)),
        TimelineEntry("2025-03-06", "day", (
            _event(5, "Ferry talks in Valmora were paused on Thursday, the union said.", COURIER, WIRE,
                   actors=("Valmora Ferry Union", "Valmora Port Authority"), place="Valmora", when="Thursday"),
            _event(6, HOSTILE, HOSTILE_ARTICLE, actors=(HOSTILE,), place=HOSTILE, when=HOSTILE),
        )),
        TimelineEntry("2025-04-01", "day", (
            _event(7, "=HYPERLINK(\"http://evil.example\",\"click\") the crews returned.", BARE),
        )),
    )
    said, denial, accusation = ClaimGroup((SAID, SAID_AGAIN)), ClaimGroup((DENIAL,)), ClaimGroup((ACCUSATION,))
    figure_a, figure_b, evil = ClaimGroup((FIGURE_A,)), ClaimGroup((FIGURE_B,)), ClaimGroup((EVIL,))
    return Timeline(
        entries=entries, articles=(COURIER, WIRE, HOSTILE_ARTICLE, BARE),
        claims=(SAID, SAID_AGAIN, ACCUSATION, FIGURE_A, DENIAL, FIGURE_B, EVIL),
        disagreements=(Disagreement("denial", "crews hired replacement", (denial, accusation)),
                       Disagreement("figures", "crew members", (figure_a, figure_b))),
        claim_groups=(said, accusation, figure_a, denial, figure_b, evil),
    )


def story_entities() -> list[StoryEntity]:
    return [
        StoryEntity("E1", "Valmora Ferry Union", "ORG", ("the union", "VFU"), (COURIER.id, WIRE.id), 9),
        StoryEntity("E2", "Valmora Port Authority", "ORG", ("the port authority",), (WIRE.id,), 4),
        StoryEntity("E3", HOSTILE, "PERSON", (HOSTILE,), (HOSTILE_ARTICLE.id,), 1),
        StoryEntity("E4", "Valmora", "GPE", (), (COURIER.id, WIRE.id, BARE.id), 6),
    ]


@pytest.fixture
def timeline() -> Timeline:
    return story_timeline()


@pytest.fixture
def entities() -> list[StoryEntity]:
    return story_entities()
