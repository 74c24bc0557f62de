"""Event mentions: the sentences of an article that put something on a date.

A sentence becomes one mention per distinct date it refers to ("talks began on Monday
and collapsed on Thursday" puts something on both days), so that a date's salience can
count every reference to it. The first sentences of an article that name no date become
mentions on the publication date: news puts the day's event in its opening lines, and
timeline summarization (news-tls's DATEWISE) draws a date's summary from them too. A sentence
in page furniture (readers' comments, bylines, photo credits: :mod:`chronicle.extract.furniture`)
is never a mention.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from chronicle.extract.furniture import Span, furniture_spans, in_furniture
from chronicle.models import PLAUSIBLE, Article, EventMention, Granularity, Sentence, Timex

__all__ = ["LEAD_SENTENCES", "event_mentions", "lead_index", "mentions_component"]

# Granularities precise enough to put an event on a timeline, finest first.
_PRECISION: tuple[Granularity, ...] = ("day", "week", "month")
_TIMELINE_GRANULARITIES: frozenset[Granularity] = frozenset(_PRECISION)
#: Undated sentences at the top of an article that are taken to report the day's news:
#: news-tls collects a publication date's candidate sentences from the first five.
LEAD_SENTENCES = 3
# Headlines and datelines are short and unpunctuated; a lead sentence is neither.
_MIN_LEAD_WORDS = 8


def _dates_referred(sentence: Sentence) -> list[Timex]:
    """The sentence's placeable time expressions, one per distinct interval, in text order."""
    seen: set[tuple[dt.date, dt.date]] = set()
    out: list[Timex] = []
    for timex in sentence.timexes:
        if timex.type not in ("DATE", "TIME") or timex.first is None or timex.last is None:
            continue
        if timex.granularity not in _TIMELINE_GRANULARITIES:
            continue
        if timex.confidence < PLAUSIBLE:
            continue  # a year nothing in the text supports: kept off the timeline
        if (timex.first, timex.last) in seen:
            continue
        seen.add((timex.first, timex.last))
        out.append(timex)
    return out


#: Words that put a date in a subordinate phrase ("after the launches of Dec. 30", "since
#: May 2"): the date of something the sentence's own statement is set against.
_SUBORDINATE = re.compile(
    r"\b(?:after|before|since|until|till|following|than|prior\s+to|ahead\s+of)\b[^,;:.!?\"“”]*$", re.IGNORECASE
)


#: A date this far before the article, in a subordinate phrase only, measures; it is not told.
_YARDSTICK_DAYS = 365
#: ... and so does a far date something is set beside: "while 9/11 changed the way we view the
#: world", "in the chronology from 9/11 until they launched the Iraq war", "unlike 1929".
_YARDSTICK = re.compile(
    r"\b(?:while|whereas|from|like|unlike|compared\s+(?:to|with)|as\s+in)\b[^,;:.!?\"“”]*$", re.IGNORECASE
)


def _own_date(sentence: Sentence, referred: list[Timex], published: dt.date) -> Timex | None:
    """The date of what the sentence states: its most precise date not set in a subordinate
    phrase, the first of them ("visited factories this week, KCNA reported on Wednesday" is
    shown on the Wednesday).

    With every date subordinate, a recent one still dates the sentence ("have killed 700 since
    the protests broke out on March 18" tells of the protests' start); a date a year or more
    back is only a yardstick ("touch many more people than did 9/11", "that was all before
    9/11"), and the sentence states nothing of that day.
    """
    if not referred:
        return None
    def before(t: Timex) -> str:
        return sentence.text[max(0, t.start - sentence.start - 80) : t.start - sentence.start]

    def far(t: Timex) -> bool:
        return t.last is None or (published - t.last).days >= _YARDSTICK_DAYS

    own = [t for t in referred if not _SUBORDINATE.search(before(t)) and not (far(t) and _YARDSTICK.search(before(t)))]
    pool = own or [t for t in referred if not far(t)]
    if not pool:
        return None
    return min(pool, key=lambda t: _PRECISION.index(t.granularity or "month"))


def event_mentions(article: Article, sentences: tuple[Sentence, ...],
                   furniture: Sequence[Span] | None = None) -> list[EventMention]:
    """One mention per (sentence, date referred to), plus the undated lead sentences.

    An undated sentence among the first :data:`LEAD_SENTENCES` real sentences is placed
    on the publication date with ``time_expression=None``; the timeline tells the lead
    itself (``sentence_index == lead_index(...)``) from the sentences after it. Sentences in
    ``furniture`` (by default, the article's, found again) are left out.
    """
    if article.published is None:
        return []
    published = article.published
    if furniture is None:
        furniture = furniture_spans(article.text)
    sentences = tuple(s for s in sentences if not in_furniture(furniture, s.start, s.end))
    lead = lead_index(sentences)
    # Lead sentences are counted among the sentences that are not furniture.
    lead_at = next((i for i, s in enumerate(sentences) if s.index == lead), 0)
    mentions: list[EventMention] = []

    def add(sentence: Sentence, first: dt.date, last: dt.date, granularity: Granularity,
            expression: str | None, primary: bool = True) -> None:
        mentions.append(
            EventMention(
                article_id=article.id,
                sentence_index=sentence.index,
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                first=first,
                last=last,
                granularity=granularity,
                time_expression=expression,
                published=published,
                source=article.source,
                primary=primary,
            )
        )

    for at, sentence in enumerate(sentences):
        referred = _dates_referred(sentence)
        own = _own_date(sentence, referred, published)
        for timex in referred:
            assert timex.first is not None and timex.last is not None and timex.granularity is not None
            add(sentence, timex.first, timex.last, timex.granularity, timex.text, primary=timex is own)
        if not referred and lead_at <= at < lead_at + LEAD_SENTENCES and (
            sentence.index == lead or _is_prose(sentence.text)
        ):
            add(sentence, published, published, "day", None)
    return mentions


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _MIN_LEAD_WORDS and text.rstrip("\"'”’) ").endswith((".", "!", "?"))


def lead_index(sentences: tuple[Sentence, ...]) -> int:
    """The index of the article's lead: its first real sentence, after headline and dateline."""
    for sentence in sentences:
        if _is_prose(sentence.text):
            return sentence.index
    return sentences[0].index if sentences else 0


def mentions_component(doc: Any) -> Any:
    """Pipeline component: ``doc._.mentions`` from the article and its sentences.

    Typed loosely so that this module, which the store's reader uses too, does not import spaCy.
    """
    article = doc._.article
    doc._.mentions = tuple(event_mentions(article, doc._.sentences or (), doc._.furniture)) if article else ()
    return doc
