"""The language pipeline: chronicle's steps around the model's, in the right places."""

from __future__ import annotations

from typing import Any

import pytest

from chronicle.extract.pipeline import COMPONENTS, MORPHOLOGY, PARAGRAPHS, build_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_nlp(components=())


def test_paragraph_breaks_are_set_before_the_parser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS.name) == names.index("parser") - 1
    assert MORPHOLOGY in names
    assert not any(spec.name in names for spec in COMPONENTS)


def test_all_components_follow_the_model() -> None:
    names = build_nlp().pipe_names
    assert [n for n in names if n in {s.name for s in COMPONENTS}] == [s.name for s in COMPONENTS]
    assert names.index(COMPONENTS[0].name) > names.index("ner")


@pytest.mark.parametrize(
    "text",
    [
        # The stock parser joins the closing mark, the break and the next paragraph's opening.
        'The dockers waited. "We stood in the rain all night."\n\n"I walked the whole length of the quay," '
        'she said.',
        "Port reopens after strike\nThe harbour opened at dawn on Monday.",
        "The vote was close.\n\n\nThe union accepted the offer by 51 votes to 49.",
    ],
)
def test_every_line_break_ends_a_sentence(nlp: Any, text: str) -> None:
    doc = nlp(text)
    after_break = [t for t in doc[1:] if not t.is_space and doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text]
    assert after_break
    assert all(t.is_sent_start for t in after_break)
    assert not any("\n" in s.text.strip() for s in doc.sents)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("LISBON: Dock workers ended their strike on Friday, the union said.", "Dock"),
        ("Strike ends\n\nNEW YORK: Dock workers ended their strike on Friday.", "Dock"),
        ("HOST: Let us turn to the budget.", "Let"),
    ],
)
def test_a_dateline_or_speaker_label_stands_alone(nlp: Any, text: str, first: str) -> None:
    doc = nlp(text)
    assert any(s[0].text == first for s in doc.sents)


def test_hard_wrapped_prose_is_not_cut_at_its_line_ends(nlp: Any) -> None:
    text = (
        "The harbour master said on Monday that the channel would stay closed until the\n"
        "dredgers had finished their work, which could take until the end of the month."
    )
    assert len(list(nlp(text).sents)) == 1


def test_without_the_parser_there_is_no_paragraph_step() -> None:
    assert PARAGRAPHS.name not in build_nlp(components=(), disable=("parser",)).pipe_names


@pytest.mark.parametrize("text", ["The harbour reopened.\n", "The harbour reopened.\n\n  ", "\n\nThe harbour reopened."])
def test_line_breaks_at_either_end(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == ["The harbour reopened."]


@pytest.mark.parametrize("text", [
    "The port reopened on Tuesday.\n\nPilots said the rota was safe.  Talks end Friday. ",
    "  Photograph: Jane Roe/AP The port reopened.\n\nComments\n\nreader1: first!",
    "Tabs\tand\u00a0odd spaces, émigrés and “quotes” stay as they were.\r\n",
])
def test_the_text_a_doc_remembers_is_its_own(nlp: Any, text: str) -> None:
    import datetime as dt

    from chronicle.extract.components import doc_text
    from chronicle.extract.pipeline import make_doc
    from chronicle.models import Article

    doc = make_doc(nlp, Article(id="a", text=text, published=dt.date(2024, 3, 5)))
    assert doc_text(doc) == doc.text
    assert text.startswith(doc.text)
