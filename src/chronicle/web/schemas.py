"""The REST API's response models, for its OpenAPI description.

They describe what ``chronicle.serialize`` writes (the one JSON form of each record); the API
sends the serializers' output as it is, and a test validates real responses against these
models so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

__all__ = [
    "Article",
    "ArticleText",
    "Claim",
    "ClaimGroup",
    "Disagreement",
    "Entity",
    "Event",
    "Job",
    "Page",
    "Story",
    "Timeline",
]

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next`` is the address of the next page, ``None`` on the last."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None


class Article(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None = None
    snippet: list[tuple[str, bool]] | None = Field(
        None, description="With a search: the text around the match, as (text, is_match) segments."
    )


class ArticleText(Article):
    text: str = Field(description="The article's text; evidence offsets index into it.")


class Entity(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    articles: list[str]
    mentions: int


class Event(BaseModel):
    article_id: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    first: str | None
    last: str | None
    granularity: str
    time_expression: str | None
    published: str | None
    source: str | None
    trigger: str | None
    agent: str | None
    patient: str | None
    place: str | None
    modality: str | None
    negated: bool
    actors: list[str]
    date_confidence: float | None


class Claim(BaseModel):
    speaker: str | None
    cue: str | None
    text: str
    stance: str
    article: str
    date: str | None = Field(description="When the statement was made (else the article's date).")
    content_spans: list[list[int]]
    cue_span: list[int] | None
    source_span: list[int] | None
    speaker_entity: str | None = Field(description="The speaker's entity within its article.")
    kind: str | None
    published: str | None
    said_when: str | None
    via: str | None
    group: str | None = None
    speaker_story_entity: str | None = Field(None, description="The speaker's story entity (an entity id).")
    outlet: str | None = Field(None, description="The outlet of the claim's article.")
    reported_by: int | None = Field(None, description="How many articles reported this statement.")


class ClaimGroup(BaseModel):
    id: str
    speaker: str | None
    stance: str
    text: str
    date: str | None
    sources: list[str]


class Disagreement(BaseModel):
    kind: str
    topic: str | None
    sides: list[ClaimGroup]


class Evidence(BaseModel):
    article: str
    sentence: str
    time_expression: str | None
    start: int
    end: int


class TimelineEvent(BaseModel):
    id: str
    summary: str
    sources: list[str]
    actors: list[str]
    place: str | None
    evidence: list[Evidence]


class TimelineEntry(BaseModel):
    date: str
    granularity: str
    events: list[TimelineEvent]


class TimelineArticle(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None


class Timeline(BaseModel):
    """The ``chronicle.timeline/1`` contract."""

    schema_: str = Field(alias="schema")
    entries: list[TimelineEntry]
    articles: list[TimelineArticle]
    claims: list[Claim]
    claim_groups: list[ClaimGroup]
    disagreements: list[Disagreement]
    set_aside: list[str] = Field(default_factory=list, description=(
        "ids of the articles a page left out as off the story most articles are about"))


class Source(BaseModel):
    name: str
    articles: int


class Story(BaseModel):
    articles: int
    sources: list[Source]
    first: str | None
    last: str | None
    generation: int = Field(description="Bumped by every write to the store's articles.")


class Job(BaseModel):
    id: str
    status: str = Field(description="queued, running, done or failed")
    created: str
    finished: str | None
    files: int
    report: dict[str, object] | None = Field(
        None, description="What the ingest did with each file: added, copies, rejections with reasons..."
    )
    error: str | None
