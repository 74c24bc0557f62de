"""Lines that open with "Name: ...": headline and transcript colons, and the labels and
datelines that are no speakers.
"""

from __future__ import annotations

from typing import Any

import pytest

from chronicle.extract.attribution import find_attributions

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

HEADLINES: list[Case] = [
    ("Poll: Incumbent mayor trails challenger by six points", ":",
     {"source": "Poll", "content": "Incumbent mayor trails challenger by six points", "kind": "headline"}),
    ('"HOST: Let us turn to the budget. How will you pay for the new bridge?', ":",
     {"source": "HOST", "content": "Let us turn to the budget. How will you pay for the new bridge?"}),
]

CASES = HEADLINES


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)


def test_label_before_a_colon_is_not_a_speaker(nlp: Any) -> None:
    atts = find_attributions(nlp("UPDATE: The road reopened at noon after crews cleared the debris."))
    assert not [a for a in atts if a.kind == "headline"]


def test_a_dateline_is_not_a_speaker(nlp: Any) -> None:
    doc = nlp("ATHENS: The ferry crews voted to return to work on Monday.\nThe vote was close.")
    assert [a for a in find_attributions(doc) if a.cue_text == ":"] == []
