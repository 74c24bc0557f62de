"""The language analysis of many articles: in worker processes, the same as in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.extract.analysis import analyse_with_nlp, analysis_from_data, analysis_to_data
from chronicle.extract.boilerplate import article_body_end
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


def test_an_article_the_pipeline_fails_on_is_reported_and_the_rest_go_on(
    articles: list[Article], caplog: pytest.LogCaptureFixture
) -> None:
    """A fault injected as a real spaCy component: it fails on one article only."""
    from spacy.language import Language
    from spacy.tokens import Doc

    def fail_on_the_court_ruling(doc: Doc) -> Doc:
        if "court" in doc.text[:200].lower():
            raise ValueError("injected failure")
        return doc

    if not Language.has_factory("test_fail_on_court"):
        Language.component("test_fail_on_court", func=fail_on_the_court_ruling)
    nlp = build_nlp()
    nlp.add_pipe("test_fail_on_court", first=True)
    sample = articles[:12]
    failing = {a.id for a in sample if "court" in a.text[: article_body_end(a.text)][:200].lower()}
    assert failing and len(failing) < len(sample)
    with caplog.at_level("WARNING", logger="chronicle.extract.analysis"):
        results = list(analyse_with_nlp(nlp, sample, n_process=1))
    assert [a.id for a, _ in results] == [a.id for a in sample]
    for article, analysis in results:
        if article.id in failing:
            assert analysis.entities == () and analysis.claims == ()
            assert any(article.id in r.getMessage() and "injected failure" in r.getMessage() for r in caplog.records)
        else:
            assert analysis.entities
