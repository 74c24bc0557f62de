"""The memoized attribute ruler + lemmatizer give exactly what the model's own components give."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.extract.morphology import MemoizedMorphology, memoizable
from chronicle.extract.nlp import load_spacy_model
from chronicle.extract.pipeline import MORPHOLOGY, build_nlp

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbor-strike"

#: Our own sentences reaching the ruler's context rules: "there is" (expletive + copula),
#: "gon na", "let 's", "y'all", contractions, whitespace tokens, pronoun case by function.
SENTENCES = [
    "There is no deal yet, and there were no talks on Sunday, the union said.",
    "\"We're gonna stay out till they listen,\" a docker said.  Let's see, y'all.",
    "I told him that it ain't over; he gave it to me anyway.\n\nShe got the letter.",
    "Nothing was agreed, but everybody expects something by Friday.",
    "The ministers had met; they did not say what had been decided.",
]


def _annotations(docs):  # type: ignore[no-untyped-def]
    return [[(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc] for doc in docs]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]


def test_memoized_equals_stock_token_for_token(texts: list[str]) -> None:
    nlp = load_spacy_model()
    assert memoizable(nlp)
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts))
    stock = [lemmatizer(ruler(doc.copy())) for doc in parsed]
    memo = MemoizedMorphology(ruler, lemmatizer)
    # Twice: the second pass is served from the caches the first filled.
    for _ in range(2):
        assert _annotations(memo(doc.copy()) for doc in parsed) == _annotations(stock)


def test_build_nlp_uses_it_in_place_of_the_stock_components() -> None:
    nlp = build_nlp(components=())
    assert MORPHOLOGY in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    doc = nlp("There were talks, and the dockers said they had voted.")
    assert [t.lemma_ for t in doc][:4] == ["there", "be", "talk", ","]
    assert (doc[1].pos_, doc[9].pos_, doc[10].pos_) == ("VERB", "AUX", "VERB")


def test_not_memoizable_without_the_stock_pair() -> None:
    assert not memoizable(load_spacy_model(disable=("lemmatizer",)))
