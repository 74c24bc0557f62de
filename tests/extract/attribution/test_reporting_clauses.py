"""Reporting clauses set inside what they report ("As X pointed out, ...", "..., as X said")."""

from __future__ import annotations

from typing import Any

import pytest

from chronicle.extract.attribution import find_attributions

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

AS_CLAUSES: list[Case] = [
    ("As several economists have pointed out, the tariff will raise prices.", "have pointed out",
     {"source": "several economists", "content": "the tariff will raise prices"}),
    ("The ship was carrying grain, as the port authority said.", "said",
     {"source": "the port authority", "content": "The ship was carrying grain"}),
]

CASES = AS_CLAUSES


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)


def test_an_as_clause_that_reports_nothing_is_no_attribution(nlp: Any) -> None:
    assert not find_attributions(nlp("He left early, as he often does."))
