"""Datelines: not part of what is said, and not the subject of the sentence."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

DATELINES: list[Case] = [
    # A dateline is not a speaker, not part of what is said, and not the subject of the sentence.
    ("LISBON: Dock workers at the container port ended their strike on Friday, the port authority said.",
     "said", {"source": "the port authority",
              "content": "Dock workers at the container port ended their strike on Friday"}),
]

CASES = DATELINES


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
