"""Surveys and polls: "In a survey of ..., most respondents ..."."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

SURVEYS: list[Case] = [
    ("In a survey of 900 farmers, most respondents opposed the new water tax.", "In",
     {"source": "a survey of 900 farmers", "content": "most respondents opposed the new water tax"}),
]

CASES = SURVEYS


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
