"""Link: one event however many articles reported it.

Mentions are first blocked by date (only mentions whose intervals overlap can be the
same happening), then grouped by the overlap of their content words, since reports
of one event share its names, numbers and key verbs.
"""

from __future__ import annotations

import re
from collections import defaultdict

from chronicle.models import EventMention, LinkedEvent

__all__ = ["content_words", "link_mentions"]

_WORD = re.compile(r"[\w’']+")
_STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "that", "this", "these", "those", "it", "its", "his", "her", "their", "they", "them", "he", "she", "we", "you", "i", "not", "no", "said", "says", "say", "will", "would", "could", "should", "may", "might", "can", "also", "after", "before", "about", "over", "into", "than", "then", "there", "which", "who", "whom", "what", "when", "where", "while", "up", "out", "new", "more", "most", "other", "some", "such", "only", "just", "very", "so", "if", "do", "did", "does"]
)
#: Share of content words two reports of one event have in common (overlap coefficient).
SAME_EVENT_OVERLAP = 0.5


def content_words(sentence: str) -> frozenset[str]:
    """Lower-cased words that carry content (no function words, no 1-letter tokens)."""
    return frozenset(
        w for w in (m.group(0).lower().strip("’'") for m in _WORD.finditer(sentence))
        if len(w) > 1 and w not in _STOPWORDS
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def link_mentions(mentions: list[EventMention], threshold: float = SAME_EVENT_OVERLAP) -> list[LinkedEvent]:
    """Group mentions of the same happening; every mention ends in exactly one event."""
    by_day: dict[tuple[object, object, str], list[EventMention]] = defaultdict(list)
    for mention in mentions:
        by_day[(mention.first, mention.last, mention.granularity)].append(mention)
    events: list[LinkedEvent] = []
    for block in by_day.values():
        groups: list[tuple[list[EventMention], set[str]]] = []
        for mention in sorted(block, key=lambda m: (m.published, m.article_id, m.sentence_index)):
            words = content_words(mention.sentence)
            best, best_score = None, threshold
            for group in groups:
                score = _overlap(words, frozenset(group[1]))
                if score >= best_score and all(m.article_id != mention.article_id for m in group[0]):
                    best, best_score = group, score
            if best is None:
                groups.append(([mention], set(words)))
            else:
                best[0].append(mention)
                best[1].update(words)
        events.extend(LinkedEvent(tuple(g[0])) for g in groups)
    return events
