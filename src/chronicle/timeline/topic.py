"""Topicality: how much an article belongs to the story its pile is mostly about.

A pile gathered for a story holds asides: a wire service's sport, markets and royal-wedding
copy filed with the Syria reports, a radio listings page in a flu story, a columnist's
tweets about the oil spill. Their dates are not the story's, and a reader's page that opens
on a Japanese earthquake in a timeline of Syria is wrong however salient the day.

The story is the pile's dominant thread, found without a query: start from the centroid of
all the articles' TF-IDF vectors, weigh each article by the square of its closeness to it,
and take the weighted centroid again. A few rounds pull the centroid onto the largest group
of articles that share their vocabulary, away from the scattered asides (on Timeline17's
SyrianCrisis_reuters, where 188 of 345 articles never name Syria or Assad, the centroid's top
terms become syria, syrian, assad, kill, protest). An article's topicality is its closeness
to that centroid as a share of a typical story article's (the closeness-weighted mean), so
a threshold means the same in a tight story and a sprawling one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from chronicle.settings import TopicParams

__all__ = ["topic_weight", "topicality"]


def topicality(article_terms: Mapping[str, Iterable[str]], params: TopicParams | None = None) -> dict[str, float]:
    """Each article's closeness to the story's dominant thread, 1.0 for a typical story article.

    ``article_terms`` holds each article's content terms (as :func:`~chronicle.timeline.text.terms`
    gives them). Articles without any term shared with another get 0. Fewer than
    ``params.min_articles`` articles are too few to tell a thread from an aside: all get 1.
    """
    import numpy as np  # only when a timeline is built: the CLI starts without numpy
    from scipy import sparse

    p = params or TopicParams()
    ids = list(article_terms)
    if len(ids) < p.min_articles:
        return dict.fromkeys(ids, 1.0)
    counts = [Counter(terms) for terms in article_terms.values()]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(ids)
    # A term in one article only says nothing about a shared thread.
    vocabulary = {t: i for i, t in enumerate(sorted(t for t, k in df.items() if k > 1))}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for row, c in enumerate(counts):
        for term, k in c.items():
            col = vocabulary.get(term)
            if col is not None:
                rows.append(row)
                cols.append(col)
                # Sublinear counts: an article repeating "said Assad" ten times is not ten
                # times as much about Assad as one naming him once.
                values.append((1.0 + math.log(k)) * math.log(n / df[term]))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(n, len(vocabulary)), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix

    weight = np.ones(n)
    closeness = np.zeros(n)
    for _ in range(p.rounds):
        centroid = matrix.T @ weight
        length = float(np.linalg.norm(centroid))
        if length == 0:
            return dict.fromkeys(ids, 1.0)
        closeness = np.clip(matrix @ (centroid / length), 0.0, None)
        weight = closeness**p.power
    # The typical story article: the mean closeness, each article counted by its weight.
    typical = float((closeness * weight).sum() / weight.sum()) if weight.sum() > 0 else 0.0
    if typical <= 0:
        return dict.fromkeys(ids, 1.0)
    return {aid: float(c) / typical for aid, c in zip(ids, closeness, strict=True)}


def topic_weight(share: float, params: TopicParams | None = None) -> float:
    """How much an article of this topicality counts in choosing dates and summaries: fully
    from ``full_weight_at`` of a typical story article's closeness, less below, 0 off the story."""
    p = params or TopicParams()
    if share < p.off_topic_below:
        return 0.0
    return float(min(1.0, share / p.full_weight_at) ** p.weight_power)
