"""A claim is dated when it was said: by its own time expression, else by its article's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from chronicle.extract import analyse
from chronicle.models import Article

PUBLISHED = dt.date(2024, 5, 8)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> Iterator[Any]:
    from chronicle.extract.pipeline import build_nlp

    yield build_nlp()


@pytest.mark.parametrize(
    ("text", "content", "date", "said_when"),
    [
        ("The dockworkers' union said on Tuesday that the strike would go on until the port raised pay.",
         "strike would go on", "2024-05-07", "Tuesday"),
        ("The port authority said in a statement on Monday that it had hired no outside crews.",
         "hired no outside crews", "2024-05-06", "Monday"),
        ("The transport minister, in a call with the mayor on Tuesday, condemned the blockade of the harbour.",
         "blockade", "2024-05-07", "Tuesday"),
        # The sentence opens on the occasion of the saying.
        ("In a joint statement on Monday, the harbour master was joined by the mayor in condemning the "
         "blockade.", "blockade", "2024-05-06", "Monday"),
        # A date inside what was said dates what it is about, not the saying.
        ("The union said the strike began on Monday after talks broke down.",
         "strike began", "2024-05-08", None),
        ("The harbour master said ships were waiting off the coast.", "ships were waiting", "2024-05-08", None),
    ],
)
def test_a_claim_is_dated_when_it_was_said(nlp: Any, text: str, content: str, date: str,
                                           said_when: str | None) -> None:
    article = Article(id="a", text=text, published=PUBLISHED)
    ((_, analysis),) = analyse([article], language=True, nlp=nlp)
    (claim,) = [c for c in analysis.claims if content in c.text]
    assert (claim.date, claim.published, claim.said_when) == (date, "2024-05-08", said_when)


def test_a_relayed_statement_keeps_its_speaker_and_names_the_relay(nlp: Any) -> None:
    text = "State media said Mayor Ortiz praised the harbour workers for their discipline."
    ((_, analysis),) = analyse([Article(id="a", text=text, published=PUBLISHED)], language=True, nlp=nlp)
    assert [(c.speaker, c.cue, c.via) for c in analysis.claims] == [("Mayor Ortiz", "praised", "State media")]


@pytest.mark.parametrize("text", [
    "Photos released by the port authority showed cranes standing idle along the quay.",
    "Footage from the harbour showed ships queuing outside the breakwater.",
])
def test_things_that_cannot_speak_are_never_speakers(nlp: Any, text: str) -> None:
    ((_, analysis),) = analyse([Article(id="a", text=text, published=PUBLISHED)], language=True, nlp=nlp)
    assert [c.speaker for c in analysis.claims] == []


@pytest.mark.parametrize(("text", "cue"), [
    ("Doctors prescribe Ostavir for the fever. Anyone who tells you they have had a touch of fever has had a "
     "cold.", "tells"),
    ("Anybody who claims the ferries are safe has not seen the hulls.", "claims"),
    ("No one said the talks had failed.", "said"),
    ("Everyone says the harbour will reopen in May.", "says"),
])
def test_nobody_in_particular_makes_no_claim(nlp: Any, text: str, cue: str) -> None:
    """The attribution is there (PolNeAR annotates it), but a reader is owed a speaker: "Ostavir
    asserts" was what a relative pronoun resolved to the last name gave."""
    ((_, analysis),) = analyse([Article(id="a", text=text, published=PUBLISHED)], language=True, nlp=nlp)
    assert cue not in [c.cue for c in analysis.claims]


@pytest.mark.parametrize("text", [
    "The port authority declined to comment on what the mayor said.",
    "A spokesman for the ferry company refused to elaborate.",
])
def test_a_refusal_to_comment_is_no_claim(nlp: Any, text: str) -> None:
    ((_, analysis),) = analyse([Article(id="a", text=text, published=PUBLISHED)], language=True, nlp=nlp)
    assert analysis.claims == ()


@pytest.mark.parametrize(("text", "stated"), [
    ("The harbour board imposed fresh fines on the ferry company on Thursday.", None),
    ("Dockers set fire to two cranes at the harbour gate.", None),
    ("Officials confirmed the deaths of two crew members.", "the deaths of two crew members"),
    ("The union said the strike would go on.", "the strike would go on"),
    ("The ministry condemned the blockade of the harbour.", "the blockade of the harbour"),
])
def test_an_assertion_is_a_statement_not_what_a_verb_acted_on(nlp: Any, text: str, stated: str | None) -> None:
    ((_, analysis),) = analyse([Article(id="a", text=text, published=PUBLISHED)], language=True, nlp=nlp)
    assert [c.text for c in analysis.claims] == ([stated] if stated else [])


def test_a_claims_text_reads_brackets_as_brackets_and_keeps_its_spans(nlp: Any) -> None:
    text = "The port authority said the repairs had cost $ 3.5 m -LRB- 2.9 m euros -RRB- so far."
    ((_, analysis),) = analyse([Article(id="a", text=text, published=PUBLISHED)], language=True, nlp=nlp)
    (claim,) = analysis.claims
    assert "(2.9 m euros" in claim.text and "-LRB-" not in claim.text
    assert all("-LRB-" in text[s:e] for s, e in claim.content_spans)


def test_a_day_that_describes_the_speaker_does_not_date_the_saying(nlp: Any) -> None:
    text = ("Families who lost relatives in the September 11 attacks criticised the comparison on Tuesday "
            "as a slight to the dead.")
    article = Article(id="a", text=text, published=dt.date(2010, 6, 16))
    ((_, analysis),) = analyse([article], language=True, nlp=nlp)
    dates = [c.date for c in analysis.claims]
    assert dates and "2001-09-11" not in dates
