"""Daily summaries: the few events that best say what happened on a date.

Centroid-based extractive summarization, as news-tls's DATEWISE does it: the day's
candidate sentences are averaged into a TF-IDF centroid, and events are taken in order of
how close their best sentence is to it, skipping any too close to one already taken
(redundancy removal). The unit is a linked event, not a sentence, so that one happening
reported by five outlets is one candidate carrying five votes, not five near-duplicates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chronicle.models import EventMention, LinkedEvent
from chronicle.settings import SummaryParams
from chronicle.timeline.text import Vector, add_into, clean_summary, cosine, normalized

__all__ = ["Candidate", "Pick", "summarize_date", "summarizes"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A linked event offered for a date's summary, with how strongly it belongs there."""

    event: LinkedEvent
    #: 1.0 for an event placed on the date, less for one placed by a neighbouring day's news.
    weight: float = 1.0
    #: False for an event not known to be of this date: it shapes the centroid, and is
    #: picked only when ``summarize_date`` is told neighbours may stand in for the date.
    own: bool = True


@dataclass(frozen=True, slots=True)
class Pick:
    """An event chosen for a date and the sentence that will summarize it."""

    candidate: Candidate
    head: EventMention
    score: float


#: Sentences this similar are copies of one another, never both worth showing.
_NEAR_COPY = 0.8
_QUOTE_OPEN = re.compile(r"^\s*(``|\"|“|‘|')")
_REPORTING = re.compile(
    r"\b(said|says|told|added|according to|stated|claimed|insisted|warned|argued)\b[^.]*\.?\s*$", re.I
)


def _words(text: str) -> int:
    return len(text.split())


def _statement_factor(text: str, params: SummaryParams) -> float:
    """Below 1 for sentences that report what someone said instead of what happened."""
    if text.rstrip(" \"'”’)").endswith("?"):
        return params.question  # a question asks; it does not say what happened
    if _QUOTE_OPEN.search(text):
        return params.reported_speech * params.reported_speech
    if _REPORTING.search(text[-60:]):
        return params.reported_speech
    return 1.0


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _length_ok(text: str, words: int, p: SummaryParams) -> bool:
    """Long enough to say what happened: a headline or a fragment is not a summary."""
    if words > p.max_words or words < p.fragment_words:
        return False
    return words >= p.min_words or bool(_SENTENCE_END.search(text.rstrip()))


def summarizes(sentence: str, params: SummaryParams) -> bool:
    """Whether a sentence can stand on a timeline: a statement of a fair length, not a question."""
    text = clean_summary(sentence)
    return _length_ok(text, _words(text), params) and not text.rstrip(" \"'”’)").endswith("?")


def summarize_date(
    candidates: Sequence[Candidate],
    k: int,
    vector_of: Callable[[EventMention], Vector],
    params: SummaryParams | None = None,
    *,
    neighbours: bool = True,
    story: Vector | None = None,
) -> list[Pick]:
    """Up to ``k`` events for the date, most central first, none repeating another.

    With ``neighbours`` false, events that are not the date's own are never picked.
    Sentences are judged as shown: without the dateline or date a page put before them.
    """
    p = params or SummaryParams()
    day: Vector = {}
    for c in candidates:
        for m in c.event.mentions:
            add_into(day, vector_of(m), c.weight)
    day = normalized(day)
    # Part of the centroid is the whole story's: among a day's sentences, those on the story's
    # thread beat asides (a football result in a war correspondent's digest). The blend
    # day + share * story is never built: the story's vector holds every term of the pile, and
    # adding it into each day's centroid cost more than the rest of the summary.
    thread: Vector = story or {}
    share = p.story_share / (1.0 - p.story_share) if thread and p.story_share > 0 else 0.0
    length = math.sqrt(1.0 + 2.0 * share * cosine(day, thread) + share * share) if share and day else 1.0

    def closeness(vector: Vector) -> float:
        if not share:
            return cosine(vector, day)
        return (cosine(vector, day) + share * cosine(vector, thread)) / length

    scored: list[Pick] = []
    for c in candidates:
        if not (c.own or neighbours):
            continue
        best: tuple[float, EventMention] | None = None
        for m in c.event.mentions:
            if not m.primary:
                continue  # the sentence is shown on the date of what it states
            text = clean_summary(m.sentence)
            words = _words(text)
            if not _length_ok(text, words, p):
                continue
            factor = _statement_factor(text, p)
            if factor <= 0:
                continue
            s = closeness(vector_of(m)) * factor
            if m.published < m.first:
                s *= p.written_before
            if words < p.min_words:
                # Short is not wrong ("The mayor resigned yesterday, the council said."), but
                # it usually says less: weighed down, not left out.
                s *= (words / p.min_words) ** p.short_penalty
            s /= max(1.0, words / p.long_words) ** p.length_penalty
            if best is None or s > best[0]:
                best = (s, m)
        if best is None:
            continue
        support = len(c.event.sources)
        score = best[0] * c.weight * (1.0 + p.support_bonus * math.log(support))
        scored.append(Pick(c, best[1], score))
    scored.sort(key=lambda pick: (-pick.score, pick.head.published, pick.head.article_id, pick.head.sentence_index))

    chosen: list[Pick] = []
    # A second pass tolerates more overlap: a date asked for k sentences gets k when it
    # has them, as long as none merely repeats another.
    for threshold in (p.redundancy, _NEAR_COPY):
        for pick in scored:
            if len(chosen) >= k:
                return chosen
            if any(pick is other for other in chosen):
                continue
            v = vector_of(pick.head)
            if any(cosine(v, vector_of(other.head)) >= threshold for other in chosen):
                continue
            chosen.append(pick)
    return chosen
