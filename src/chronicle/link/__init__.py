"""Link: one event however many articles reported it; one entity, one statement however written.

:func:`link_mentions` is the one entry point for events. A timeline of a few dates links
same-day reports by the overlap of their content words (here); the full record links across
articles and granularities with combined features (:mod:`chronicle.link.events`). Entities are
linked in :mod:`chronicle.link.entities`, claims in :mod:`chronicle.link.claims`.
"""

from __future__ import annotations

import re
from collections import defaultdict

from chronicle.models import EventMention, LinkedEvent
from chronicle.settings import DEFAULTS

__all__ = ["content_words", "link_mentions", "overlap_coefficient"]

_WORD = re.compile(r"[\w’']+")
_STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "that", "this", "these", "those", "it", "its", "his", "her", "their", "they", "them", "he", "she", "we", "you", "i", "not", "no", "said", "says", "say", "will", "would", "could", "should", "may", "might", "can", "also", "after", "before", "about", "over", "into", "than", "then", "there", "which", "who", "whom", "what", "when", "where", "while", "up", "out", "new", "more", "most", "other", "some", "such", "only", "just", "very", "so", "if", "do", "did", "does"]
)


def content_words(sentence: str) -> frozenset[str]:
    """Lower-cased words that carry content (no function words, no 1-letter tokens)."""
    return frozenset(
        w for w in (m.group(0).lower().strip("’'") for m in _WORD.finditer(sentence))
        if len(w) > 1 and w not in _STOPWORDS
    )


def overlap_coefficient(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the size of the smaller set: 1.0 when one sentence's words are all in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def link_mentions(
    mentions: list[EventMention], *, record: bool = False, threshold: float = DEFAULTS.same_event_overlap
) -> list[LinkedEvent]:
    """Group mentions of the same happening; every mention ends in exactly one event.

    For the record of the story (``record``) reports are linked across articles and
    granularities ("this week" and "on Monday and Tuesday" are one tour). A summary of a
    few dates keeps same-day grouping by word overlap (``threshold``): on Timeline17 the wider
    linking costs AR-1 .121 -> .114, because merged events leave the summarizer fewer distinct
    sentences to choose from.
    """
    if record:
        from chronicle.link.events import link_events  # numpy: only when the record is linked

        return link_events(mentions)
    return _link_same_day(mentions, threshold)


def _link_same_day(mentions: list[EventMention], threshold: float) -> list[LinkedEvent]:
    """Same-day reports grouped by the overlap of their content words.

    A mention joins the group whose members it overlaps most *on average* (average
    linkage): comparing with the union of a group's words instead lets a group that has
    grown absorb any short sentence on its day, chaining unrelated reports together.
    Mentions of one article stay apart unless they are the same sentence's twin.
    """
    by_day: dict[tuple[object, object, str], list[EventMention]] = defaultdict(list)
    for mention in mentions:
        by_day[(mention.first, mention.last, mention.granularity)].append(mention)
    events: list[LinkedEvent] = []
    for block in by_day.values():
        groups: list[list[tuple[EventMention, frozenset[str]]]] = []
        for mention in sorted(block, key=lambda m: (m.published, m.article_id, m.sentence_index)):
            words = content_words(mention.sentence)
            best: list[tuple[EventMention, frozenset[str]]] | None = None
            best_score = threshold
            for group in groups:
                if any(m.article_id == mention.article_id for m, _ in group):
                    continue
                score = sum(overlap_coefficient(words, other) for _, other in group) / len(group)
                if score >= best_score:
                    best, best_score = group, score
            if best is None:
                groups.append([(mention, words)])
            else:
                best.append((mention, words))
        events.extend(LinkedEvent(tuple(m for m, _ in g)) for g in groups)
    return events
