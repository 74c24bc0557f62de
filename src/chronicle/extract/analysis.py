"""The full language analysis of articles: entities, claims and events, via spaCy.

Runs the pipeline from :func:`chronicle.extract.pipeline.build_nlp` over many articles
with ``nlp.pipe`` in batches, and converts what the components left on each Doc into
models (and to and from the JSON the store keeps).
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, Literal, cast

from spacy.language import Language
from threadpoolctl import ThreadpoolController

from chronicle.extract.boilerplate import article_body_end
from chronicle.extract.pipeline import make_doc
from chronicle.models import Article, ArticleAnalysis, Claim, Entity, EventMention, Mention

__all__ = ["analyse_with_nlp", "analysis_from_data", "analysis_to_data"]

_STANCES = ("asserts", "denies", "condemns")

_LOG = logging.getLogger(__name__)


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

#: Articles a worker process analyses per task: large enough that shipping them and their
#: analyses between processes is a small cost, small enough to keep both workers busy.
_ARTICLES_PER_TASK = 8

#: The pipeline a worker process inherited from its parent, set by :func:`_adopt_nlp`.
#: Process-local by design: handing the pipeline to every task would pickle it each time.
_WORKER_NLP: list[Language] = []


def analyse_with_nlp(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, n_process: int | None = None
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Run the language pipeline over articles, lazily, in batches, in article order.

    With ``n_process`` > 1 (default: one per core when there are enough articles), whole
    articles go to forked worker processes that run every component, spaCy's and
    chronicle's, and send back only the analyses: cheaper than spaCy's own ``n_process``,
    which ships every parsed Doc back to be finished here.
    """
    pending = list(articles)
    if n_process is None:
        n_process = max(1, min(os.cpu_count() or 1, len(pending) // _MIN_ARTICLES_PER_PROCESS))
    if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        # Without fork the pipeline would have to be pickled to each worker: stay in process.
        yield from zip(pending, _analyse(nlp, pending, batch_size), strict=True)
        return
    tasks = [pending[i : i + _ARTICLES_PER_TASK] for i in range(0, len(pending), _ARTICLES_PER_TASK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_adopt_nlp, initargs=(nlp,)) as pool:
        running: deque[tuple[list[Article], Future[list[ArticleAnalysis]]]] = deque()
        try:
            for task in tasks:
                running.append((task, pool.submit(_analyse_task, task, batch_size)))
                # A bounded number of tasks ahead: results stream out in order, memory stays flat.
                if len(running) > 2 * n_process:
                    done, future = running.popleft()
                    yield from zip(done, future.result(), strict=True)
            while running:
                done, future = running.popleft()
                yield from zip(done, future.result(), strict=True)
        finally:
            for _, future in running:
                future.cancel()


def _adopt_nlp(nlp: Language) -> None:
    _WORKER_NLP.append(nlp)


def _analyse_task(articles: list[Article], batch_size: int) -> list[ArticleAnalysis]:
    return list(_analyse(_WORKER_NLP[0], articles, batch_size))


def _analyse(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[ArticleAnalysis]:
    blas = ThreadpoolController()
    for i in range(0, len(articles), batch_size):
        batch = articles[i : i + batch_size]
        # The model's matrices are small: BLAS threads would only contend with the other
        # worker processes (and cost more CPU than they save when alone).
        with blas.limit(limits=1, user_api="blas"):
            try:
                analyses = _analyse_batch(nlp, batch, batch_size)
            except Exception:  # one bad article must not cost the others theirs
                analyses = [_analyse_alone(nlp, article) for article in batch]
        yield from analyses


def _analyse_batch(nlp: Language, batch: list[Article], batch_size: int) -> list[ArticleAnalysis]:
    docs = [make_doc(nlp, a.text[: article_body_end(a.text)], dct=a.published, article_id=a.id) for a in batch]
    return [_from_doc(article, doc) for article, doc in zip(batch, nlp.pipe(docs, batch_size=batch_size), strict=True)]


def _analyse_alone(nlp: Language, article: Article) -> ArticleAnalysis:
    """One article's analysis; an article the pipeline fails on gets an empty one, reported."""
    try:
        return _analyse_batch(nlp, [article], 1)[0]
    except Exception as exc:  # reported by name, and the batch goes on
        _LOG.warning("language analysis of article %s failed (%s: %s); it has no entities, claims or events",
                     article.id, type(exc).__name__, exc)
        return ArticleAnalysis(entities=(), claims=(), events=())


def _from_doc(article: Article, doc: Any) -> ArticleAnalysis:
    return ArticleAnalysis(
        entities=tuple(doc._.entities or ()),
        claims=_claims(article, doc._.attributions or ()),
        # The Doc does not know the outlet; the stored form of an event does.
        events=tuple(replace(e, source=article.source) for e in doc._.events or ()),
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
