"""The language analysis of many articles: in worker processes, the same as in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.extract.analysis import analyse_with_nlp, analysis_from_data, analysis_to_data
from chronicle.extract.pipeline import build_nlp
from chronicle.ingest import read_articles
from chronicle.models import Article

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbor-strike"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [a for a in read_articles([SAMPLE]) if isinstance(a, Article)]
    assert len(found) == 12
    # Three rounds, so that the work spans several worker tasks and order can be checked.
    return found * 3


def test_workers_give_the_in_process_analyses_in_article_order(articles: list[Article]) -> None:
    nlp = build_nlp()
    alone = list(analyse_with_nlp(nlp, articles, n_process=1))
    shared = list(analyse_with_nlp(nlp, articles, n_process=2))
    assert [a.id for a, _ in shared] == [a.id for a in articles]
    assert [x for _, x in shared] == [x for _, x in alone]
    assert sum(len(x.claims) for _, x in alone) > 0 and sum(len(x.events) for _, x in alone) > 0


def test_an_analysis_survives_the_store_round_trip(articles: list[Article]) -> None:
    nlp = build_nlp()
    for article, analysis in analyse_with_nlp(nlp, articles[:4], n_process=1):
        assert analysis_from_data(article, analysis_to_data(analysis)) == analysis
