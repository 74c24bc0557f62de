"""One JSON form per record type, shared by the CLI's JSON, the REST API and the exports.

Every field is named here on purpose: renaming a field of a model never changes what users
get, and a new field reaches them only when it is added here. Dates are ISO 8601 strings;
offsets are end-exclusive character offsets into the article text. Golden files in
``tests/golden`` pin the shapes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from chronicle.models import (
    Article,
    Claim,
    ClaimGroup,
    Disagreement,
    EventMention,
    IngestReport,
    StoredArticle,
    StoryEntity,
    Timeline,
    TimelineEvent,
)

__all__ = [
    "SCHEMA",
    "article_dict",
    "claim_dict",
    "claim_group_dict",
    "disagreement_dict",
    "entity_dict",
    "event_dict",
    "ingest_report_dict",
    "stored_article_dict",
    "timeline_dict",
    "timeline_event_dict",
]

#: The timeline contract's name and version. Later versions add fields, never rename them.
SCHEMA = "chronicle.timeline/1"


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _spans(spans: tuple[tuple[int, int], ...]) -> list[list[int]]:
    return [list(s) for s in spans]


def article_dict(article: Article) -> dict[str, Any]:
    """An article's metadata (no text)."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "published": _day(article.published),
        "url": article.url,
    }


def stored_article_dict(stored: StoredArticle, *, text: bool = False) -> dict[str, Any]:
    """A stored article: its metadata, whether it copies another one, and its text if asked."""
    out = {**article_dict(stored.article), "duplicate_of": stored.duplicate_of}
    if text:
        out["text"] = stored.article.text
    return out


def entity_dict(entity: StoryEntity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "articles": list(entity.articles),
        "mentions": entity.mentions,
    }


def event_dict(event: EventMention) -> dict[str, Any]:
    """An event found in an article: who did what to whom, when and where, with its sentence."""
    return {
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "first": _day(event.first),
        "last": _day(event.last),
        "granularity": event.granularity,
        "time_expression": event.time_expression,
        "published": _day(event.published),
        "source": event.source,
        "trigger": event.trigger,
        "agent": event.agent,
        "patient": event.patient,
        "place": event.place,
        "modality": event.modality,
        "negated": event.negated,
        "actors": list(event.actors),
        "date_confidence": event.date_confidence,
    }


def claim_dict(claim: Claim, group: str | None = None) -> dict[str, Any]:
    """A claim, with the offsets that let a page highlight its parts in the article, and the id
    of the statement group it belongs to when it is known."""
    out = {
        "speaker": claim.speaker,
        "cue": claim.cue,
        "text": claim.text,
        "stance": claim.stance,
        "article": claim.article,
        "date": claim.date,
        "content_spans": _spans(claim.content_spans),
        "cue_span": list(claim.cue_span) if claim.cue_span else None,
        "source_span": list(claim.source_span) if claim.source_span else None,
        "speaker_entity": claim.speaker_entity,
        "kind": claim.kind,
        "published": claim.published,
        "said_when": claim.said_when,
        "via": claim.via,
    }
    if group is not None:
        out["group"] = group
    return out


def claim_group_dict(group: ClaimGroup) -> dict[str, Any]:
    """One statement as its first report gives it, with every article that reported it."""
    head = group.claims[0]
    return {
        "id": group.id,
        "speaker": head.speaker,
        "stance": head.stance,
        "text": head.text,
        "date": head.date,
        "sources": list(group.sources),
    }


def disagreement_dict(disagreement: Disagreement) -> dict[str, Any]:
    return {
        "kind": disagreement.kind,
        "topic": disagreement.topic,
        "sides": [claim_group_dict(side) for side in disagreement.sides],
    }


def timeline_event_dict(event: TimelineEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "summary": event.summary,
        "sources": list(event.sources),
        "actors": list(event.actors),
        "place": event.place,
        "evidence": [
            {
                "article": ev.article,
                "sentence": ev.sentence,
                "time_expression": ev.time_expression,
                "start": ev.start,
                "end": ev.end,
            }
            for ev in event.evidence
        ],
    }


def _claim_key(claim: Claim) -> tuple[str, tuple[tuple[int, int], ...], tuple[int, int] | None]:
    return claim.article, claim.content_spans, claim.cue_span


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    """The timeline as the ``chronicle.timeline/1`` JSON object."""
    group_of = {_claim_key(c): g.id for g in timeline.claim_groups for c in g.claims}
    return {
        "schema": SCHEMA,
        "entries": [
            {
                "date": entry.date,
                "granularity": entry.granularity,
                "events": [timeline_event_dict(event) for event in entry.events],
            }
            for entry in timeline.entries
        ],
        "articles": [article_dict(a) for a in timeline.articles],
        "claims": [claim_dict(c, group_of.get(_claim_key(c))) for c in timeline.claims],
        "claim_groups": [claim_group_dict(g) for g in timeline.claim_groups],
        "disagreements": [disagreement_dict(d) for d in timeline.disagreements],
        "set_aside": list(timeline.set_aside),
    }


def ingest_report_dict(report: IngestReport) -> dict[str, Any]:
    """What an ingest did with each input."""
    return {
        "added": list(report.added),
        "unchanged": list(report.unchanged),
        "updated": list(report.updated),
        "copies": [{"id": c, "copy_of": o, "similarity": s} for c, o, s in report.copies],
        "undated": list(report.undated),
        "rejections": [{"path": r.path, "line": r.line, "reason": r.reason} for r in report.rejections],
    }
