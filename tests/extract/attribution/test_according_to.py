"""The "according to X" construction: the rest of the sentence is the content."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

ACCORDING: list[Case] = [
    ("The ship sank in less than an hour, according to the coast guard.", "according to",
     {"source": "the coast guard", "content": "The ship sank in less than an hour", "kind": "according_to"}),
    ("According to the police, the suspect was armed.", "According to",
     {"source": "the police", "content": "the suspect was armed", "kind": "according_to"}),
    ("According to a new poll, most voters oppose the plan.", "According to",
     {"source": "a new poll", "content": "most voters oppose the plan"}),
    ("Unemployment rose to 6 percent in May, according to official figures.", "according to",
     {"source": "official figures", "content": "Unemployment rose to 6 percent in May"}),
    ("The factory will close next year, according to people familiar with the matter.", "according to",
     {"source": "people familiar with the matter", "content": "The factory will close next year"}),
    ("According to the indictment, the men laundered millions of dollars.", "According to",
     {"source": "the indictment", "content": "the men laundered millions of dollars"}),
    ("The virus has killed 40 people, according to the health ministry.", "according to",
     {"source": "the health ministry", "content": "The virus has killed 40 people"}),
    ("According to Reuters, the deal is worth $2 billion.", "According to",
     {"source": "Reuters", "content": "the deal is worth $2 billion"}),
    ("According to the harbour master, the channel will stay closed until May.", "According to",
     {"source": "the harbour master", "content": "the channel will stay closed until May"}),
]

CASES = ACCORDING


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
