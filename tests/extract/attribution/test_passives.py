"""Passive and raising cues, whose subject is part of what is reported."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

PASSIVES: list[Case] = [
    ("The new figures appear to be wrong.", "appear",
     {"source": None, "content": "The new figures ... to be wrong"}),
    ("The housing plan was endorsed by the builders' union.", "was endorsed",
     {"source": "the builders' union", "content": "The housing plan"}),
    ("The driver was identified by police as Ivo Marr.", "was identified",
     {"source": "police", "content": "The driver ... as Ivo Marr"}),
    ("Judge Vaskolt is known for her rulings on port labour.", "is known for",
     {"source": None, "content": "Judge Vaskolt ... her rulings on port labour"}),
]

CASES = PASSIVES


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
