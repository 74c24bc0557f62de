"""What every human-readable export says the same way: sources by outlet and headline, who said
what (one statement once, with every outlet and relay), why sources disagree, and where a long
list is cut.

Nothing here escapes: each format escapes what it takes from here for its own syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronicle.models import Article, Claim, ClaimGroup, Disagreement, StoryEntity, Timeline

__all__ = [
    "Statement",
    "article_index",
    "disagreement_reason",
    "key_statements",
    "label_interval",
    "one_line",
    "set_aside_note",
    "source_name",
    "sources_line",
    "stance_verb",
    "statement",
    "top_actors",
]

#: Sources named on a line of text output; the JSON keeps them all.
_SOURCES_SHOWN = 4


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """Text with its runs of white space (line breaks of the article included) made one space,
    and without control characters (a terminal would run an escape sequence)."""
    return " ".join(_CONTROL.sub("", text).split())


def article_index(timeline: Timeline) -> dict[str, Article]:
    return {a.id: a for a in timeline.articles}


def source_name(article: Article | None, article_id: str) -> str:
    """An article as a reader names it: outlet and headline; without a headline, the outlet and
    the id (one outlet has many articles); else whichever it has."""
    if article is None:
        return article_id
    outlet, title = one_line(article.source or ""), one_line(article.title or "")
    if title:
        return f"{outlet}, “{title}”" if outlet else f"“{title}”"
    return f"{outlet} ({article_id})" if outlet else article_id


def sources_line(timeline: Timeline, ids: Sequence[str]) -> str:
    """Outlet and id of the first few sources, and how many more there are."""
    by_id = article_index(timeline)
    more = len(ids) - _SOURCES_SHOWN if len(ids) > _SOURCES_SHOWN + 1 else 0
    names = []
    for article_id in ids[: len(ids) - more]:
        article = by_id.get(article_id)
        outlet = article.source if article and article.source else None
        names.append(f"{outlet} ({article_id})" if outlet else article_id)
    return ", ".join(names) + (f" and {more} more" if more else "")


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement as a reader sees it: who, how, when said, what, and each report of it.

    ``reports`` pairs each article that reported it with whom that article had it through
    (the relay, "via"), if anyone.
    """

    id: str
    speaker: str
    stance: str
    date: str | None
    said_when: str | None
    text: str
    reports: tuple[tuple[str, str | None], ...]

    @property
    def verb(self) -> str:
        """The stance as the verb after the speaker ("officials deny")."""
        return stance_verb(self.speaker, self.stance)


def statement(group: ClaimGroup) -> Statement:
    head = group.claims[0]
    relays: dict[str, str | None] = {}
    for claim in group.claims:
        if relays.get(claim.article) is None:
            relays[claim.article] = one_line(claim.via) if claim.via else None
    return Statement(group.id, one_line(head.speaker or "unknown speaker"), head.stance, head.date,
                     head.said_when, one_line(head.text), tuple(relays.items()))


def _weight(group: ClaimGroup) -> tuple[int, bool, bool, str]:
    head: Claim = group.claims[0]
    return -len(group.sources), head.stance == "asserts", head.speaker_entity is None, head.date or ""


def key_statements(groups: Sequence[ClaimGroup], limit: int) -> tuple[list[ClaimGroup], int]:
    """The ``limit`` statements most worth showing, by the day they were said, and how many are
    left out: the most reported first, then denials and condemnations, then those of a named
    speaker."""
    chosen = sorted(groups, key=_weight)[:limit]
    chosen.sort(key=lambda g: (g.claims[0].date or "", g.claims[0].article))
    return chosen, max(0, len(groups) - limit)


def disagreement_reason(disagreement: Disagreement) -> str:
    """Why the sides are set against each other, in a sentence."""
    sides = [statement(side) for side in disagreement.sides]
    if disagreement.kind == "figures":
        return f"the sides give different figures ({disagreement.topic})"
    others = " and ".join(dict.fromkeys(f"{s.speaker} {s.verb}" for s in sides[1:]))
    about = f" (both speak of: {disagreement.topic})" if disagreement.topic else ""
    return f"{sides[0].speaker} {sides[0].verb} what {others}{about}"


def top_actors(entities: Sequence[StoryEntity], limit: int) -> tuple[list[StoryEntity], int]:
    """The entities in the most articles, then the most named, and how many are left out."""
    ranked = sorted(entities, key=lambda e: (-len(e.articles), -e.mentions, e.name))
    return ranked[:limit], max(0, len(ranked) - limit)


def label_interval(label: str, granularity: str) -> tuple[dt.date, dt.date]:
    """The first and last day a timeline date (ISO 8601 at its granularity) covers."""
    if granularity == "day":
        day = dt.date.fromisoformat(label)
        return day, day
    if granularity == "week":
        year, week = label.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + dt.timedelta(days=6)
    if granularity == "month":
        first = dt.date.fromisoformat(f"{label}-01")
        return first, _month_end(first)
    if granularity == "quarter":
        year, quarter = label.split("-Q")
        month = 3 * int(quarter) - 2
        return dt.date(int(year), month, 1), _month_end(dt.date(int(year), month + 2, 1))
    span = {"year": 1, "decade": 10, "century": 100}[granularity]
    first_year = int(label[:4])
    return dt.date(first_year, 1, 1), dt.date(first_year + span - 1, 12, 31)


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def set_aside_note(timeline: Timeline) -> str | None:
    """What a reader must know about articles a page left out as off the story, or ``None``."""
    if not timeline.set_aside:
        return None
    n = len(timeline.set_aside)
    return (f"{n} of {len(timeline.articles)} articles look off the story most of them are about "
            f"and are left out of this page (--keep-off-topic keeps them).")


#: Plural heads that do not end in -s.
_PLURAL_WORDS = frozenset({"people", "police", "children", "men", "women"})
#: Plural speakers that open a sentence, capitalized like a name ("Officials said ...").
_PLURAL_OPENERS = frozenset(
    """officials experts doctors analysts activists residents witnesses sources scientists
    authorities researchers investigators lawmakers protesters diplomats critics economists
    prosecutors campaigners organisers organizers rebels villagers workers""".split()
)


def stance_verb(speaker: str, stance: str) -> str:
    """The stance as a verb agreeing with its speaker: "officials deny", "Kim denies".

    A speaker ending in a lower-case plural ("nearly 50 countries", "rights groups") takes the
    plural; a name, even one ending in -s ("the United States", "Reuters"), the singular.
    """
    words = speaker.split()
    last = words[-1] if words else ""
    if len(words) == 1 and last.lower() in _PLURAL_OPENERS:
        last = last.lower()
    plural = last in _PLURAL_WORDS or last in _PLURAL_OPENERS or (
        last.isalpha() and last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    )
    if not plural:
        return stance
    if stance.endswith("ies"):
        return stance[:-3] + "y"
    return stance[:-1] if stance.endswith("s") else stance
