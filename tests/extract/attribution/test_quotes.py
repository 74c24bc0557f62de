"""Quotation finding, and reporting verbs inside a quotation."""

from __future__ import annotations

from typing import Any

from chronicle.extract.attribution import find_attributions, find_quotes


def test_find_quotes_pairs_marks_per_paragraph() -> None:
    text = 'He said “yes” and ''no''.\n“An unclosed quote\n"plain"'
    quotes = find_quotes(text)
    assert [text[s:e] for s, e in quotes] == ["“yes”", "“An unclosed quote", '"plain"']


def test_a_closing_mark_opens_a_quote_only_at_the_start_of_a_word() -> None:
    text = "”Rents are too high,” she said.\nThe 12” screen and ”quoted” text."
    assert [text[s:e] for s, e in find_quotes(text)] == ["”Rents are too high,”", "”quoted”"]


def test_reporting_verb_inside_a_quote_is_not_a_cue(nlp: Any) -> None:
    atts = find_attributions(nlp("“They said we would lose, and we won,” Jones said."))
    assert [a.cue_text for a in atts] == ["said"]
    assert atts[0].source_text == "Jones"
