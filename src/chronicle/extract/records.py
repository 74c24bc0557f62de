"""The stored form of an :class:`ArticleAnalysis`: JSON-ready data and back.

The date mentions are not stored: they follow from the sentences (``event_mentions``), so the
stored form keeps only what the components found.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from chronicle.extract.mentions import event_mentions
from chronicle.models import Article, ArticleAnalysis, Claim, Entity, EventMention, Mention, Sentence, Timex

__all__ = ["analysis_from_data", "analysis_to_data"]


def _timex_to_data(t: Timex) -> list[Any]:
    return [t.start, t.end, t.text, t.type, t.value, t.mod,
            t.first.isoformat() if t.first else None, t.last.isoformat() if t.last else None, t.granularity,
            t.confidence]


def _timex_from_data(d: list[Any]) -> Timex:
    return Timex(d[0], d[1], d[2], d[3], d[4], d[5], _date(d[6]), _date(d[7]), d[8], d[9])


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def analysis_to_data(analysis: ArticleAnalysis) -> dict[str, Any]:
    """A JSON-ready form of an analysis, for the store."""
    return {
        "sentences": [[s.index, s.start, s.end, [_timex_to_data(t) for t in s.timexes]] for s in analysis.sentences],
        "entities": [
            [e.id, e.name, e.type, list(e.aliases), [[m.start, m.end, m.text] for m in e.mentions]]
            for e in analysis.entities
        ],
        "claims": [
            {
                "speaker": c.speaker, "cue": c.cue, "text": c.text, "stance": c.stance, "date": c.date,
                "content_spans": [list(s) for s in c.content_spans],
                "cue_span": list(c.cue_span) if c.cue_span else None,
                "source_span": list(c.source_span) if c.source_span else None,
                "speaker_entity": c.speaker_entity, "kind": c.kind, "published": c.published,
                "said_when": c.said_when, "via": c.via,
            }
            for c in analysis.claims
        ],
        "events": [
            {
                "sentence_index": e.sentence_index, "start": e.start, "end": e.end,
                "first": e.first.isoformat(), "last": e.last.isoformat(), "granularity": e.granularity,
                "time_expression": e.time_expression, "trigger": e.trigger, "agent": e.agent,
                "patient": e.patient, "place": e.place, "modality": e.modality, "negated": e.negated,
                "actors": list(e.actors), "date_confidence": e.date_confidence,
            }
            for e in analysis.events
        ],
    }


def analysis_from_data(article: Article, data: dict[str, Any]) -> ArticleAnalysis:
    """The inverse of :func:`analysis_to_data`; sentence texts are re-cut from the article."""
    sentences = tuple(
        Sentence(article.id, index, start, end, article.text[start:end], tuple(_timex_from_data(t) for t in timexes))
        for index, start, end, timexes in data["sentences"]
    )
    entities = tuple(
        Entity(eid, name, etype, tuple(aliases), tuple(Mention(s, e, t) for s, e, t in mentions))
        for eid, name, etype, aliases, mentions in data["entities"]
    )
    claims = tuple(
        Claim(
            speaker=c["speaker"], cue=c["cue"], text=c["text"], stance=c["stance"], article=article.id,
            date=c["date"], content_spans=tuple((s, e) for s, e in c["content_spans"]),
            cue_span=tuple(c["cue_span"]) if c["cue_span"] else None,
            source_span=tuple(c["source_span"]) if c["source_span"] else None,
            speaker_entity=c["speaker_entity"], kind=c["kind"], published=c["published"],
            said_when=c["said_when"], via=c["via"],
        )
        for c in data["claims"]
    )
    published = article.published or dt.date.min
    events = tuple(
        EventMention(
            article_id=article.id, sentence_index=e["sentence_index"],
            sentence=article.text[e["start"] : e["end"]], start=e["start"], end=e["end"],
            first=_date(e["first"]) or published, last=_date(e["last"]) or published,
            granularity=e["granularity"], time_expression=e["time_expression"], published=published,
            source=article.source, trigger=e["trigger"], agent=e["agent"], patient=e["patient"],
            place=e["place"], modality=e["modality"], negated=e["negated"], actors=tuple(e["actors"]),
            date_confidence=e["date_confidence"],
        )
        for e in data["events"]
    )
    return ArticleAnalysis(
        entities, claims, events, sentences=sentences, mentions=tuple(event_mentions(article, sentences))
    )
