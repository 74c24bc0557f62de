"""What the language model is given is capped, so no article takes it minutes or gigabytes.

Limits (see ``docs/reliability.md``, "Limits"): at most ``MAX_PARSED_CHARS`` characters of an
article, sentences of at most ``MAX_SENTENCE_TOKENS`` tokens, and no run of over
``MAX_WORD_CHARS`` characters without a space through the tokenizer.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from spacy.language import Language

from chronicle.extract.analysis import analyse
from chronicle.extract.components import MAX_SENTENCE_TOKENS
from chronicle.extract.pipeline import MAX_PARSED_CHARS, MAX_WORD_CHARS, build_nlp, make_doc, tokenize
from chronicle.models import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def article(text: str) -> Article:
    return Article(id="limits", text=text, published=dt.date(2024, 3, 4), source="Test Wire")


@pytest.mark.parametrize("text", [
    "The quay reopened on Monday.",
    "Before " + "😀" * 1_000 + " after.",
    "x" * (MAX_WORD_CHARS + 1),
    "  " + "ab" * 400 + "\n\nThe strike ended on Tuesday. " + "#" * 700,
])
def test_tokenize_keeps_the_text_and_cuts_long_runs(nlp: Language, text: str) -> None:
    doc = tokenize(nlp, text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= max(MAX_WORD_CHARS, len("reopened"))


def test_fifty_thousand_emoji_are_cheap(nlp: Language) -> None:
    # The tokenizer alone took 280 s and a gigabyte on this.
    text = "The port reopened on Monday. " + "😀" * 50_000 + " Officials confirmed it on Tuesday."
    start = time.process_time()
    [(_, found)] = list(analyse([article(text)], language=True, nlp=nlp))
    assert time.process_time() - start < 30
    assert found.error is None


_RUN_ON = "the minister said the port would reopen on Monday and the union said it would strike on Tuesday and "


@pytest.mark.slow
def test_a_run_on_sentence_is_parsed_in_pieces(nlp: Language) -> None:
    text = (_RUN_ON * 1_000)[:100_000]
    doc = nlp(make_doc(nlp, article(text)))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    start = time.process_time()
    [(_, found)] = list(analyse([article(text)], language=True, nlp=nlp))
    # It took 206 s before sentences were capped and claims were matched by position.
    assert time.process_time() - start < 120
    assert found.error is None and found.events


@pytest.mark.slow
def test_the_model_reads_only_the_first_part_of_a_huge_article(nlp: Language) -> None:
    text = "The quay reopened on Monday, officials said. " * (2 * MAX_PARSED_CHARS // 45)
    doc = make_doc(nlp, article(text))
    assert MAX_PARSED_CHARS - 50 <= len(doc.text) <= MAX_PARSED_CHARS
