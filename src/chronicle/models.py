"""The shared, frozen records that the pipeline stages pass to each other.

Every stage (``ingest -> extract -> link -> timeline``) takes and returns these
types only, so that a stage can be replaced without touching the others and the
store can persist any of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "PLAUSIBLE",
    "Article",
    "ArticleAnalysis",
    "Claim",
    "ClaimGroup",
    "Disagreement",
    "Entity",
    "EventMention",
    "Evidence",
    "Granularity",
    "IngestReport",
    "LinkedEvent",
    "Mention",
    "Rejection",
    "Sentence",
    "StoredArticle",
    "StoryEntity",
    "StoryRecord",
    "Timeline",
    "TimelineEntry",
    "TimelineEvent",
    "TimelineOptions",
    "Timex",
]

#: Below this confidence a resolved date is not trusted enough to put an event on the timeline.
PLAUSIBLE = 0.5

#: How precise a date is. ``day`` dates are ISO ``YYYY-MM-DD``; the others are
#: written ``YYYY-Www``, ``YYYY-MM``, ``YYYY-Qn``, ``YYYY``, ``YYY`` (decade), ``YY`` (century).
Granularity = Literal["day", "week", "month", "quarter", "year", "decade", "century"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, a feed or a line of JSON.

    ``id`` is stable across runs (file stem, JSON ``id``, feed entry id), so re-ingesting
    the same input is recognised. ``published`` is ``None`` for an undated article: it is
    stored but kept out of the timeline.
    """

    id: str
    text: str
    published: dt.date | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read as an article, with the reason in plain words."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in text (TimeML TIMEX3), resolved when possible.

    ``start``/``end`` are end-exclusive character offsets into the text that was tagged.
    ``value`` follows the TIMEX3 value grammar (``2024-01-09``, ``2023-12``, ``2024-W02``,
    ``P3D``, ``XXXX-WXX-1``, ``PAST_REF``...). ``first``/``last`` give the calendar
    interval (inclusive) a DATE or TIME covers, with its ``granularity``; they are ``None``
    when the expression does not pin down dates (durations, sets, ``PAST_REF``).

    ``confidence`` says how sure the year is: 1.0 when the expression states it, 0.9 when it
    is read from the article's date, 0.7 when it is taken from a fully dated expression just
    before, and below :data:`PLAUSIBLE` when a date years away from the article's date rests on
    no stated year nearby: such a date is kept off the timeline.
    """

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    granularity: Granularity | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article with the time expressions inside it (offsets into the article)."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    timexes: tuple[Timex, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a timeline event comes from: the sentence, its article and the time expression."""

    article: str
    sentence: str
    time_expression: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Something a speaker said or asserted, as reported by an article.

    ``date`` is when it was said: the day its own time expression names ("said on Tuesday",
    "in a statement on Jan. 9"), else the article's publication date, which ``published`` keeps;
    ``said_when`` is that time expression, if any.
    """

    speaker: str | None
    cue: str | None
    text: str
    stance: Literal["asserts", "denies", "condemns"]
    article: str
    date: str | None = None
    #: Where the claim is in the article (end-exclusive character offsets), so that a page
    #: can highlight it; ``content_spans`` has several parts for a discontinuous quote.
    content_spans: tuple[tuple[int, int], ...] = ()
    cue_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    #: The article-local entity id the speaker resolved to, if any.
    speaker_entity: str | None = None
    kind: str = "indirect"
    published: str | None = None
    said_when: str | None = None
    #: Who relayed the statement, when the article has it through another source ("KCNA said
    #: Kim ...", "the White House said Sullivan condemned ..."): the speaker is Kim, not KCNA.
    via: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One happening on the timeline, summarized, with all its sources and evidence."""

    id: str
    summary: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    actors: tuple[str, ...] = ()
    place: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A date of the timeline (ISO 8601 at its granularity) and what happened on it."""

    date: str
    granularity: Granularity
    events: tuple[TimelineEvent, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The story's record: dated entries sorted by date, and the articles they cite."""

    entries: tuple[TimelineEntry, ...]
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...] = field(default=())
    disagreements: tuple[Disagreement, ...] = field(default=())
    #: Each statement once, with every article that reported it (the claims' ``group``).
    claim_groups: tuple[ClaimGroup, ...] = field(default=())
    #: Articles a page left out as off the story the pile is mostly about (ids, sorted).
    set_aside: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store holds it: with whether it is a copy of another one."""

    article: Article
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """A sentence that reports something happening, placed in time.

    ``first``/``last``/``granularity`` come from the sentence's time expression
    (``time_expression``), or from the article's publication date for a lead sentence
    that names no time.
    """

    article_id: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    first: dt.date
    last: dt.date
    granularity: Granularity
    time_expression: str | None
    published: dt.date
    source: str | None = None
    #: Filled by the event extractor when it runs: the word that names the happening
    #: ("visited", "transfer"), who did it to whom, where, and how it is asserted.
    trigger: str | None = None
    agent: str | None = None
    patient: str | None = None
    place: str | None = None
    modality: Literal["asserted", "planned", "denied", "alleged", "hypothetical"] = "asserted"
    negated: bool = False
    actors: tuple[str, ...] = ()
    #: The confidence of the date (:attr:`Timex.confidence`); below :data:`PLAUSIBLE` the event
    #: is listed, flagged, but kept off the timeline.
    date_confidence: float = 1.0
    #: Whether this is the date of what the sentence states. A sentence that names several
    #: dates ("said on Tuesday that after the launches of Dec. 30 and Jan. 2, ...") is shown on
    #: its own date only; the other dates it names still count as references to them.
    primary: bool = True


@dataclass(frozen=True, slots=True)
class LinkedEvent:
    """Mentions judged to report the same happening; the first one is the representative."""

    mentions: tuple[EventMention, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class TimelineOptions:
    """What timeline the user asked for. ``None`` means "choose automatically".

    By default the timeline has a number of dates scaled to the story, as a newsroom's
    timeline of it would; ``record`` asks for the full dated record instead: every date,
    weeks and months included.
    """

    dates: int | None = None
    sentences_per_date: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    query: str | None = None
    record: bool = False
    #: Keep articles that look off the pile's story on a page (by default they are set aside).
    keep_off_topic: bool = False


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest run did with each input."""

    added: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    #: (copy id, id of the article it copies, estimated similarity: 1.0 for an exact copy)
    copies: tuple[tuple[str, str, float], ...] = ()
    undated: tuple[str, ...] = ()
    rejections: tuple[Rejection, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.rejections


EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named in an article (end-exclusive character offsets)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, country or place, one per referent in an article.

    ``id`` is local to the article (``e1``...); linking across articles maps these to
    story-wide entities. ``name`` is the canonical form (the fullest name used).
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the extraction pipeline found in one article.

    ``sentences`` carry their time expressions; ``mentions`` are the sentences that put
    something on a date (what the timeline links and summarizes). ``entities``, ``claims``
    and ``events`` (who did what to whom) come from the language model and are empty when
    it did not run. ``error`` says why the language model failed on the article, if it did:
    the dated sentences are still there, and the next run tries the article again.
    """

    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[EventMention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """One real-world referent across all articles, with every name it was given."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One statement as reported by one or more articles (the first claim represents it)."""

    claims: tuple[Claim, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article for c in self.claims))

    @property
    def id(self) -> str:
        """Stable across runs: made from where its first report is."""
        head = self.claims[0]
        where = head.content_spans[0] if head.content_spans else (0, 0)
        return "q-" + hashlib.sha1(f"{head.article}|{where[0]}|{where[1]}".encode()).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where sources disagree: a claim and its denial, or different figures for one thing.

    ``kind`` is ``denial`` (one side denies what the other asserts or condemns) or
    ``figures`` (the sides give different numbers of the same ``topic``); each side is a
    group of claims with its sources.
    """

    kind: Literal["denial", "figures"]
    topic: str
    sides: tuple[ClaimGroup, ...]


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """Everything found in the story at once: its entities, events, claims (with the story entity
    of each claim's speaker and its article's outlet, by position), statement groups and
    disagreements."""

    entities: tuple[StoryEntity, ...]
    events: tuple[EventMention, ...]
    claims: tuple[Claim, ...]
    speakers: tuple[str | None, ...]
    claim_groups: tuple[ClaimGroup, ...]
    disagreements: tuple[Disagreement, ...]
    #: The outlet of each claim's article, by position (``None`` when the article names none).
    outlets: tuple[str | None, ...] = ()
