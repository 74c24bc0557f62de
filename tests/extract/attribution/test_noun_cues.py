"""Nominal cues: "her criticism of the trade deal"."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

NOUN_CUES: list[Case] = [
    ("Clinton has been persistent in her criticism of the trade deal.", "criticism of",
     {"source": "her", "content": "the trade deal", "stance": "condemns", "speaker": "Clinton"}),
]

CASES = NOUN_CUES


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
