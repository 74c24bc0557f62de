"""Running the extraction pipeline over many articles: one :class:`ArticleAnalysis` each.

With the language model, whole articles go to forked worker processes in batches
(:func:`analyse`); without it, the model-free components run in this process, since their
work costs about what shipping it between processes would.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import multiprocessing
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import chain, islice
from typing import Any, Literal, cast

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from threadpoolctl import ThreadpoolController

from chronicle.extract.attribution.lexicon import NOBODY
from chronicle.extract.furniture import Span, in_furniture
from chronicle.extract.pipeline import build_nlp, make_doc, make_text_doc, text_steps
from chronicle.extract.workers import die_with_parent
from chronicle.models import PLAUSIBLE, Article, ArticleAnalysis, Claim, Entity, Timex
from chronicle.settings import Settings
from chronicle.treebank import readable

__all__ = ["analyse"]

_STANCES = ("asserts", "denies", "condemns")

_LOG = logging.getLogger(__name__)

#: The pipeline a worker process inherited from its parent, set by :func:`_adopt_nlp`.
#: Process-local by design: handing the pipeline to every task would pickle it each time.
_WORKER_NLP: list[Language] = []


def _spans(value: Any) -> tuple[tuple[int, int], ...]:
    """Offsets as a tuple of (start, end), whether one span or a discontinuous list was given."""
    if not value:
        return ()
    if isinstance(value[0], int):
        return ((int(value[0]), int(value[1])),)
    return tuple((int(s), int(e)) for s, e in value)


def _speaker_entity(entities: Sequence[Entity], speaker: str | None, source: tuple[int, int] | None) -> str | None:
    """The article's entity the speaker is: the one named as the speaker ("Kirby" is "John Kirby"),
    else the last one named in the source ("US envoy Jane Roe": Jane Roe, not the US)."""
    if source is None:
        return None
    inside = [(m.end, e) for e in entities for m in e.mentions if source[0] <= m.start and m.end <= source[1]]
    if not inside:
        return None
    if speaker:
        wanted = speaker.casefold()
        for _, entity in inside:
            if wanted in {n.casefold() for n in (entity.name, *entity.aliases)}:
                return entity.id
    return max(inside, key=lambda pair: pair[0])[1].id


def _claims(article: Article, attributions: Iterable[Any], timexes: Sequence[Timex],
            entities: Sequence[Entity] = ()) -> tuple[Claim, ...]:
    claims = []
    published = article.published.isoformat() if article.published else None
    for a in attributions:
        stance = a.stance if a.stance in _STANCES else "asserts"
        cue = _spans(a.cue)
        source = _spans(a.source)
        content = _spans(a.content)
        said = said_when(article.text, timexes, cue, source, content, article.published)
        source_span = (source[0][0], source[-1][1]) if source else None
        claims.append(
            Claim(
                speaker=readable(a.speaker or a.source_text) if (a.speaker or a.source_text) else None,
                cue=a.cue_text,
                # Shown to readers as written ("$ 3.5 bn (£2.3bn)"); the spans keep the article's.
                text=readable(a.content_text),
                stance=cast(Literal["asserts", "denies", "condemns"], stance),
                article=article.id,
                date=said.first.isoformat() if said is not None and said.first else published,
                content_spans=content,
                cue_span=cue[0] if cue else None,
                source_span=source_span,
                speaker_entity=_speaker_entity(entities, a.speaker or a.source_text, source_span),
                kind=a.kind,
                published=published,
                said_when=" ".join(said.text.split()) if said is not None else None,
            )
        )
    return _relayed([c for c in claims if _can_speak(c.speaker) and not _NO_COMMENT.match(c.text)])


#: "BP declined to comment on what he said", "refused to elaborate": a refusal says nothing.
_NO_COMMENT = re.compile(
    r"^\W*(?:to\s+)?(?:comment|elaborate|speculate|give\s+(?:details|further\s+details)|discuss\s+(?:it|the\s+matter|details))\b",
    re.IGNORECASE,
)


#: Things a report may cite that say nothing themselves: what they show is no one's claim.
_MUTE = re.compile(r"\b(?:photos?|photographs?|pictures?|images?|videos?|footage|maps?|charts?|graphics?)\b",
                   re.IGNORECASE)


def _can_speak(speaker: str | None) -> bool:
    """A claim shown to a reader needs someone who said it: not nobody, not a photo, not a number."""
    if not speaker or not speaker.strip() or speaker.strip()[0].isdigit():
        return False
    words = speaker.lower().split()
    if words[0] in NOBODY or words[:2] == ["no", "one"]:
        return False
    head = speaker.split(" of ")[0]
    return not _MUTE.search(head)


def _inside(span: tuple[int, int] | None, spans: Sequence[tuple[int, int]]) -> bool:
    return span is not None and any(s <= span[0] and span[1] <= e for s, e in spans)


def _relayed(claims: list[Claim]) -> tuple[Claim, ...]:
    """A report whose content is another speaker's report ("KCNA said Kim called for ...") is
    that speaker's statement, relayed: the inner claim keeps its speaker and gets the relay as
    ``via``, and the outer one, which only carries it, is dropped."""
    relays: dict[int, str] = {}
    carriers: set[int] = set()
    # Claims by where their cue starts: an inner claim's cue lies in the outer one's content,
    # so each outer claim looks only there (every pair made a long article quadratic).
    by_cue = sorted((c.cue_span[0], j) for j, c in enumerate(claims) if c.cue_span is not None)
    cue_starts = [start for start, _ in by_cue]
    for i, outer in enumerate(claims):
        if not outer.speaker:
            continue
        inside = sorted({j for s, e in outer.content_spans
                         for _, j in by_cue[bisect.bisect_left(cue_starts, s):bisect.bisect_right(cue_starts, e)]})
        for j in inside:
            inner = claims[j]
            # Each inside the other's content ("Kim said X, according to KCNA" read both ways) is
            # no relay the parse can tell apart: both are kept.
            if i != j and _inside(inner.cue_span, outer.content_spans) \
                    and _inside(inner.source_span, outer.content_spans) \
                    and not _inside(outer.cue_span, inner.content_spans):
                relays.setdefault(j, outer.speaker)
                carriers.add(i)
    return tuple(replace(c, via=relays.get(n)) for n, c in enumerate(claims) if n not in carriers)


#: What may stand between a reporting verb and the day it was said: "said on Tuesday",
#: "said in a statement on Tuesday", "told reporters at a briefing on Jan. 9".
_CUE_TO_DAY = re.compile(
    r"^[\s,]*(?:(?:on|late|early)\s+|(?:in|at|during)\s+(?:a|an|the|his|her|their|its)\s+[\w\s-]{0,30}?\s+on\s+"
    r"|(?:told|to)\s+[\w\s]{0,30}?\s+on\s+)?$",
    re.IGNORECASE,
)


def _describes_speaker(t: Timex, source: Sequence[tuple[int, int]], published: dt.date | None) -> bool:
    """Whether a date inside the source phrase, a year or more before the report, describes the
    speaker rather than dates the saying (a recent one does: "Sullivan, in a call on Tuesday")."""
    inside = any(s <= t.start and t.end <= e for s, e in source)
    return inside and published is not None and t.last is not None and (published - t.last).days >= 365


def said_when(text: str, timexes: Sequence[Timex], cue: Sequence[tuple[int, int]],
              source: Sequence[tuple[int, int]], content: Sequence[tuple[int, int]],
              published: dt.date | None = None) -> Timex | None:
    """The day a statement was made, when the report names it beside the reporting verb.

    A time just after the cue ("said on Tuesday") or between the speaker and the cue ("Sullivan,
    in a call on Tuesday, condemned ...") dates the saying; a time inside what was said dates
    what it is about, not the saying.
    """
    if not cue:
        return None
    cue_start, cue_end = cue[0][0], cue[-1][1]
    source_start = source[0][0] if source else cue_start
    # Only a time that starts just before the speaker ("In a statement on Tuesday, X said"),
    # between the speaker (or the cue) and 60 characters after the cue can qualify: the timexes
    # are sorted by start, so the look-up stays short in a long article.
    first = bisect.bisect_left(timexes, min(source_start, cue_end) - 80, key=lambda t: t.start)
    last = bisect.bisect_right(timexes, cue_end + 60, key=lambda t: t.start)
    for t in timexes[first:last]:
        if t.type not in ("DATE", "TIME") or t.first is None or t.granularity != "day" or t.confidence < PLAUSIBLE:
            continue
        if any(s <= t.start < e for s, e in content):
            continue
        if t.start >= cue_end and t.start - cue_end <= 60 and _CUE_TO_DAY.match(text[cue_end:t.start]):
            return t
        between = text[t.end:cue_start]
        if source_start <= t.start and t.end <= cue_start and len(between) <= 80 and not _BREAK.search(between):
            # A day the speaker is described by is not when it spoke: "people who lost relatives
            # in the 9/11 attacks criticised the comparison" was said in 2010.
            if _describes_speaker(t, source, published):
                continue
            return t
        # "In a joint statement on Tuesday, Blinken ... condemned": the sentence opens on the
        # occasion of the saying, just before the speaker.
        if (t.end <= source_start and _TO_SPEAKER.fullmatch(text[t.end:source_start])
                and _OPENING.search(text[max(0, t.start - 80):t.start])):
            return t
    return None


_BREAK = re.compile(r"[.!?;]\s")
_TO_SPEAKER = re.compile(r"[\s,]*")
_OPENING = re.compile(
    r"(?:\A|[.!?][\"”’']?\s+|\n)\s*(?:on|(?:in|at|during)\s+(?:a|an|the|his|her|their|its)\s+[\w\s-]{0,40}?\s+on)\s+\Z",
    re.IGNORECASE,
)


#: Verbs of doing that the cue model takes for verbs of saying: their noun-phrase object is what
#: was done, not said ("imposed fresh sanctions", "set fire to the party's offices").
_DOING_CUES = frozenset(
    """impose fire set launch prescribe take make begin start hold use raise send open close shut kill
    attack seize arrest deploy sign approve pass adopt unveil introduce build buy sell cut lift
    ban order freeze ignore replace""".split()
)


def _states_something(doc: Doc, attribution: Any) -> bool:
    """Whether an assertion reads as a statement: not a noun phrase a verb of doing acted on
    ("The United States asserts: fresh sanctions on Syria" from "imposed fresh sanctions")."""
    if attribution.stance != "asserts" or attribution.kind != "indirect" or attribution.cue_index < 0:
        return True
    if not attribution.content:
        return True
    span = doc.char_span(attribution.content[0][0], attribution.content[-1][1], alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return True
    return bool(doc[attribution.cue_index].lemma_.lower() not in _DOING_CUES)


def _from_doc(article: Article, doc: Doc) -> ArticleAnalysis:
    # The model read the article up to its comments; the furniture before them (bylines,
    # credits, captions) is no source of claims, events or entities either.
    furniture: tuple[Span, ...] = doc._.furniture or ()
    return ArticleAnalysis(
        entities=_outside_entities(doc._.entities or (), furniture),
        claims=tuple(c for c in _claims(article, [a for a in doc._.attributions or () if _states_something(doc, a)],
                                         doc._.timexes or (), doc._.entities or ())
                     if not _claim_in(c, furniture)),
        # The Doc does not know the outlet; the stored form of an event does.
        events=tuple(replace(e, source=article.source) for e in doc._.events or ()
                     if not in_furniture(furniture, e.start, e.end)),
        sentences=tuple(doc._.sentences or ()),
        mentions=tuple(doc._.mentions or ()),
    )


def _claim_in(claim: Claim, furniture: tuple[Span, ...]) -> bool:
    """Whether a claim's cue, or all of what it says, is furniture."""
    if claim.cue_span is not None and in_furniture(furniture, *claim.cue_span):
        return True
    return bool(claim.content_spans) and all(in_furniture(furniture, s, e) for s, e in claim.content_spans)


def _outside_entities(entities: Iterable[Entity], furniture: tuple[Span, ...]) -> tuple[Entity, ...]:
    """The entities with their mentions outside furniture; one named only there is left out."""
    if not furniture:
        return tuple(entities)
    kept = []
    for entity in entities:
        mentions = tuple(m for m in entity.mentions if not in_furniture(furniture, m.start, m.end))
        if len(mentions) == len(entity.mentions):
            kept.append(entity)
        elif mentions:
            kept.append(replace(entity, mentions=mentions))
    return tuple(kept)


def analyse(
    articles: Iterable[Article],
    *,
    language: bool,
    settings: Settings | None = None,
    nlp: Language | None = None,
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Each article's analysis, lazily, in article order.

    With ``language`` every component runs (the model is built unless ``nlp`` is given);
    without it only the components that need no model. An article the model fails on is
    named in a warning and keeps the analysis the model-free components give, with ``error``
    set; an article even those fail on gets an empty analysis with ``error`` set.
    """
    settings = settings or Settings()
    if not language:
        yield from _analyse_text(articles)
        return
    yield from _analyse_with_nlp(nlp or build_nlp(), articles, settings)


def _analyse_text(articles: Iterable[Article]) -> Iterator[tuple[Article, ArticleAnalysis]]:
    steps = text_steps()
    vocab = Vocab()
    for article in articles:
        yield article, _text_analysis(article, steps, vocab)


def _text_analysis(article: Article, steps: list[Callable[[Doc], Doc]], vocab: Vocab,
                   error: str | None = None) -> ArticleAnalysis:
    try:
        doc = make_text_doc(vocab, article)
        for step in steps:
            doc = step(doc)
    except Exception as exc:  # reported by name, and the batch goes on
        reason = f"{type(exc).__name__}: {exc}"
        _LOG.warning("analysis of article %s failed (%s); it is left out", article.id, reason)
        return ArticleAnalysis(error=reason)
    return replace(_from_doc(article, doc), error=error)


def _analyse_with_nlp(
    nlp: Language, articles: Iterable[Article], settings: Settings
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """With ``processes`` > 1 (default: one per core when there are enough articles), whole
    articles go to forked worker processes that run every component, spaCy's and chronicle's,
    and send back only the analyses: cheaper than spaCy's own ``n_process``, which ships every
    parsed Doc back to be finished here. Articles are taken from ``articles`` as the workers
    need them, so a stream of any length runs in flat memory."""
    stream = iter(articles)
    n_process = settings.processes
    if n_process is None:
        # Only as many articles are looked at as it takes to know that every core has enough.
        enough = max(1, settings.min_articles_per_process)
        head = list(islice(stream, (os.cpu_count() or 1) * enough))
        n_process = max(1, min(os.cpu_count() or 1, len(head) // enough))
        stream = chain(head, stream)
    batch_size = settings.nlp_batch_size
    if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        # Without fork the pipeline would have to be pickled to each worker: stay in process.
        for batch in _chunks(stream, batch_size):
            yield from zip(batch, _analyse(nlp, batch, batch_size), strict=True)
        return
    context = multiprocessing.get_context("fork")
    parent = (os.getpid(), threading.current_thread() is threading.main_thread())
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_adopt_nlp, initargs=(nlp, parent)) as pool:
        running: deque[tuple[list[Article], Future[list[ArticleAnalysis]]]] = deque()
        try:
            for task in _chunks(stream, max(1, settings.articles_per_task)):
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


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(islice(articles, size)):
        yield chunk


def _adopt_nlp(nlp: Language, parent: tuple[int, bool]) -> None:
    die_with_parent(parent[0], from_main_thread=parent[1])  # no orphan parses on when the parent is killed
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
    docs = [make_doc(nlp, a) for a in batch]
    return [_from_doc(article, doc) for article, doc in zip(batch, nlp.pipe(docs, batch_size=batch_size), strict=True)]


def _analyse_alone(nlp: Language, article: Article) -> ArticleAnalysis:
    """One article's analysis; where the model fails, what the model-free components give."""
    try:
        return _analyse_batch(nlp, [article], 1)[0]
    except Exception as exc:  # reported by name, and the batch goes on
        reason = f"{type(exc).__name__}: {exc}"
        _LOG.warning("language analysis of article %s failed (%s); it has no entities, claims or events",
                     article.id, reason)
        return _text_analysis(article, text_steps(), nlp.vocab, error=reason)
