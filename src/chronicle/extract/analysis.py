"""The full language analysis of articles: entities, claims and events, via spaCy.

Runs the pipeline from :func:`chronicle.extract.pipeline.build_nlp` over many articles
with ``nlp.pipe`` in batches, and converts what the components left on each Doc into
models (and to and from the JSON the store keeps).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import Any, Literal, cast

from spacy.language import Language

from chronicle.extract.boilerplate import article_body_end
from chronicle.models import Article, ArticleAnalysis, Claim, Entity, EventMention, Mention

__all__ = ["analyse_with_nlp", "analysis_from_data", "analysis_to_data"]

_STANCES = ("asserts", "denies", "condemns")


def _spans(value: Any) -> tuple[tuple[int, int], ...]:
    """Offsets as a tuple of (start, end), whether one span or a discontinuous list was given."""
    if not value:
        return ()
    if isinstance(value[0], int):
        return ((int(value[0]), int(value[1])),)
    return tuple((int(s), int(e)) for s, e in value)


def _claims(article: Article, attributions: Iterable[Any]) -> tuple[Claim, ...]:
    claims = []
    for a in attributions:
        stance = a.stance if a.stance in _STANCES else "asserts"
        cue = _spans(a.cue)
        source = _spans(a.source)
        claims.append(
            Claim(
                speaker=a.speaker or a.source_text,
                cue=a.cue_text,
                text=a.content_text,
                stance=cast(Literal["asserts", "denies", "condemns"], stance),
                article=article.id,
                date=article.published.isoformat() if article.published else None,
                content_spans=_spans(a.content),
                cue_span=cue[0] if cue else None,
                source_span=(source[0][0], source[-1][1]) if source else None,
                kind=a.kind,
            )
        )
    return tuple(claims)


#: Below this many articles a second process costs more to start than it saves.
_MIN_ARTICLES_PER_PROCESS = 24


def analyse_with_nlp(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, n_process: int | None = None
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Run the language pipeline over articles, lazily, in batches.

    spaCy's own components run in ``n_process`` worker processes (default: one per core
    when there are enough articles); chronicle's components then run here, on the parsed
    Docs, because their results are Python objects that spaCy cannot ship between
    processes. They are a small share of the time.
    """
    pending = list(articles)
    ours = [name for name in nlp.pipe_names if name.startswith("chronicle_")]
    if n_process is None:
        n_process = max(1, min(os.cpu_count() or 1, len(pending) // _MIN_ARTICLES_PER_PROCESS))
    bodies = (a.text[: article_body_end(a.text)] for a in pending)
    parsed = nlp.pipe(bodies, batch_size=batch_size, n_process=n_process, disable=ours)
    for article, doc in zip(pending, parsed, strict=True):
        doc._.dct = article.published
        doc._.article_id = article.id
        for name in ours:
            doc = nlp.get_pipe(name)(doc)
        yield article, ArticleAnalysis(
            entities=tuple(doc._.entities or ()),
            claims=_claims(article, doc._.attributions or ()),
            events=tuple(doc._.events or ()),
        )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def analysis_to_data(analysis: ArticleAnalysis) -> dict[str, Any]:
    """A JSON-ready form of an analysis, for the store."""
    return {
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
                "speaker_entity": c.speaker_entity, "kind": c.kind,
            }
            for c in analysis.claims
        ],
        "events": [
            {
                "sentence_index": e.sentence_index, "start": e.start, "end": e.end,
                "first": e.first.isoformat(), "last": e.last.isoformat(), "granularity": e.granularity,
                "time_expression": e.time_expression, "trigger": e.trigger, "agent": e.agent,
                "patient": e.patient, "place": e.place, "modality": e.modality, "negated": e.negated,
                "actors": list(e.actors),
            }
            for e in analysis.events
        ],
    }


def analysis_from_data(article: Article, data: dict[str, Any]) -> ArticleAnalysis:
    """The inverse of :func:`analysis_to_data`; sentences are re-cut from the article text."""
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
            speaker_entity=c["speaker_entity"], kind=c["kind"],
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
        )
        for e in data["events"]
    )
    return ArticleAnalysis(entities, claims, events)
