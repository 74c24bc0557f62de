"""Event mentions: the sentences of an article that put something on a date."""

from __future__ import annotations

from chronicle.models import Article, EventMention, Sentence

__all__ = ["event_mentions"]

# Granularities precise enough to put an event on a timeline.
_TIMELINE_GRANULARITIES = ("day", "week", "month")


def event_mentions(article: Article, sentences: tuple[Sentence, ...]) -> list[EventMention]:
    """Sentences that put something on a date: those with a precise enough date, and the lead.

    A news lead reports the day's event even when it names no date, so an undated lead
    is placed on the publication date.
    """
    if article.published is None:
        return []
    mentions: list[EventMention] = []
    for sentence in sentences:
        timex = next(
            (t for t in sentence.timexes
             if t.type in ("DATE", "TIME") and t.first and t.last and t.granularity in _TIMELINE_GRANULARITIES),
            None,
        )
        if timex is not None and timex.first is not None and timex.last is not None and timex.granularity:
            first, last, granularity, expression = timex.first, timex.last, timex.granularity, timex.text
        elif sentence.index == _lead_index(sentences):
            first = last = article.published
            granularity, expression = "day", None
        else:
            continue
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
                published=article.published,
                source=article.source,
            )
        )
    return mentions


def _lead_index(sentences: tuple[Sentence, ...]) -> int:
    # Headlines and datelines are short; the lead is the first real sentence.
    for sentence in sentences:
        if len(sentence.text.split()) >= 8 and sentence.text.rstrip("\"'”’)").endswith((".", "!", "?")):
            return sentence.index
    return 0
