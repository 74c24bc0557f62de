"""Span trimming: a closing bracket or a percent sign belongs to the span."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

TRIMMED: list[Case] = [
    ("Sen. Ana Ruiz (D-Ore.) said the bill would pass.", "said",
     {"source": "Sen. Ana Ruiz (D-Ore.)", "content": "the bill would pass"}),
    ("The union said turnout was 87%.", "said", {"source": "The union", "content": "turnout was 87%"}),
]

CASES = TRIMMED


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
