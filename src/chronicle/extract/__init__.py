"""Extract: per-article analysis (sentences, time expressions, event mentions).

Knows nothing of linking or timelines; takes an :class:`Article`, returns models.
"""

from __future__ import annotations

from typing import Any

from chronicle.extract.mentions import event_mentions
from chronicle.extract.sentences import split_sentences
from chronicle.extract.timex import tag
from chronicle.models import Article, Sentence, Timex

__all__ = [
    "PIPELINE_VERSION",
    "analyse_article",
    "event_mentions",
    "sentences_from_data",
    "sentences_to_data",
    "split_sentences",
]

#: Changes whenever extraction output changes, so stored analyses made by an older
#: pipeline are recomputed instead of trusted.
PIPELINE_VERSION = "sentences+timex/1"

def analyse_article(article: Article) -> tuple[Sentence, ...]:
    """Split the article into sentences and tag each one's time expressions.

    The tagger sees the whole article at once so that its narrative reference time
    can move from sentence to sentence ("On March 3 ... two days later").
    """
    timexes = tag(article.text, article.published)
    sentences: list[Sentence] = []
    cursor = 0
    for index, (start, end) in enumerate(split_sentences(article.text)):
        inside: list[Timex] = []
        while cursor < len(timexes) and timexes[cursor].start < end:
            if timexes[cursor].start >= start:
                inside.append(timexes[cursor])
            cursor += 1
        sentences.append(Sentence(article.id, index, start, end, article.text[start:end], tuple(inside)))
    return tuple(sentences)


def _timex_to_data(t: Timex) -> list[Any]:
    return [t.start, t.end, t.text, t.type, t.value, t.mod,
            t.first.isoformat() if t.first else None, t.last.isoformat() if t.last else None, t.granularity]


def _timex_from_data(d: list[Any]) -> Timex:
    import datetime as dt

    return Timex(d[0], d[1], d[2], d[3], d[4], d[5],
                 dt.date.fromisoformat(d[6]) if d[6] else None,
                 dt.date.fromisoformat(d[7]) if d[7] else None, d[8])


def sentences_to_data(sentences: tuple[Sentence, ...]) -> dict[str, Any]:
    """A JSON-ready form of an analysis, for the store."""
    return {"sentences": [[s.index, s.start, s.end, [_timex_to_data(t) for t in s.timexes]] for s in sentences]}


def sentences_from_data(article: Article, data: dict[str, Any]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(article.id, index, start, end, article.text[start:end], tuple(_timex_from_data(t) for t in timexes))
        for index, start, end, timexes in data["sentences"]
    )
