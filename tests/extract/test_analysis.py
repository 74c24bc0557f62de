"""Analysing many articles: in worker processes the same as in process, failures reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.extract import analyse, analysis_from_data, analysis_to_data
from chronicle.extract.pipeline import build_nlp
from chronicle.ingest import read_articles
from chronicle.models import Article
from chronicle.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbor-strike"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = [a for a in read_articles([SAMPLE]) if isinstance(a, Article)]
    assert len(found) == 12
    # Three rounds, so that the work spans several worker tasks and order can be checked.
    return found * 3


def test_workers_give_the_in_process_analyses_in_article_order(articles: list[Article]) -> None:
    nlp = build_nlp()
    alone = list(analyse(articles, language=True, settings=Settings(processes=1), nlp=nlp))
    shared = list(analyse(articles, language=True, settings=Settings(processes=2), nlp=nlp))
    assert [a.id for a, _ in shared] == [a.id for a in articles]
    assert [x for _, x in shared] == [x for _, x in alone]
    assert sum(len(x.claims) for _, x in alone) > 0 and sum(len(x.events) for _, x in alone) > 0


def test_an_analysis_survives_the_store_round_trip(articles: list[Article]) -> None:
    for article, analysis in analyse(articles[:4], language=True, settings=Settings(processes=1)):
        assert analysis.sentences and analysis.mentions
        assert analysis_from_data(article, analysis_to_data(analysis)) == analysis


def test_without_the_model_the_same_sentences_dates_and_mentions(articles: list[Article]) -> None:
    sample = articles[:12]
    full = dict(analyse(sample, language=True, settings=Settings(processes=1)))
    for article, text_only in analyse(sample, language=False):
        assert text_only.sentences == full[article].sentences
        assert text_only.mentions == full[article].mentions
        assert text_only.entities == text_only.claims == text_only.events == ()


def test_an_article_the_model_fails_on_is_reported_keeps_its_dates_and_the_rest_go_on(
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
    failing = {a.id for a in sample if "court" in a.text[:200].lower()}
    assert failing and len(failing) < len(sample)
    with caplog.at_level("WARNING", logger="chronicle.extract.analysis"):
        results = list(analyse(sample, language=True, settings=Settings(processes=1), nlp=nlp))
    assert [a.id for a, _ in results] == [a.id for a in sample]
    for article, analysis in results:
        if article.id in failing:
            assert analysis.entities == () and analysis.claims == ()
            assert analysis.error is not None and "injected failure" in analysis.error
            assert analysis.mentions, "the dated sentences do not need the model"
            assert any(article.id in r.getMessage() and "injected failure" in r.getMessage() for r in caplog.records)
        else:
            assert analysis.entities and analysis.error is None
