"""Extract: each article analysed once, by one registered sequence of ``Doc -> Doc`` components.

Takes :class:`~chronicle.models.Article` records and gives one
:class:`~chronicle.models.ArticleAnalysis` each: sentences with their time expressions, the
date mentions the timeline is made of, and with the language model, entities, claims and
events. Knows nothing of linking, timelines or the store. The components and their order are
in :mod:`chronicle.extract.pipeline`; the store form is in :mod:`chronicle.extract.records`.

Importing this package is cheap: spaCy is imported only when something is analysed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from chronicle.extract.fingerprint import fingerprint
from chronicle.extract.mentions import event_mentions
from chronicle.extract.records import analysis_from_data, analysis_to_data
from chronicle.extract.sentences import split_sentences
from chronicle.models import Article, ArticleAnalysis

if TYPE_CHECKING:
    from chronicle.settings import Settings

__all__ = [
    "analyse",
    "analysis_from_data",
    "analysis_to_data",
    "event_mentions",
    "fingerprint",
    "split_sentences",
]


def analyse(
    articles: Iterable[Article], *, language: bool, settings: Settings | None = None, nlp: Any = None
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Each article's analysis, in article order: see :func:`chronicle.extract.analysis.analyse`."""
    from chronicle.extract import analysis

    return analysis.analyse(articles, language=language, settings=settings, nlp=nlp)
