"""Signed quotations: pull quotes, readers' voices, embedded posts."""

from __future__ import annotations

from typing import Any

import pytest

from chronicle.extract.attribution import find_attributions

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

SIGNED: list[Case] = [
    # Signed quotations: pull quotes, readers' voices, embedded posts.
    ("“The ferry is late every single morning.” ― Mara Lind\n“Nobody listens to us.” ― Tom Egger", "―",
     {"source": "Mara Lind", "content": "“The ferry is late every single morning.”", "kind": "direct"}),
    ('"We will rebuild the pier before summer."\n\n- Mayor Ortiz.\n\nThe council has not voted.', "-",
     {"source": "Mayor Ortiz", "content": '"We will rebuild the pier before summer."', "kind": "direct"}),
    ("”Fares went up again and the buses are still full.” — Ines Walsh (@ineswalsh)", "—",
     {"source": "Ines Walsh (@ineswalsh)", "content": "”Fares went up again and the buses are still full.”"}),
]

CASES = SIGNED


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)


def test_a_dash_inside_a_sentence_signs_nothing(nlp: Any) -> None:
    atts = find_attributions(nlp("The port reopened on Monday - Harbor Master Lee confirmed it."))
    assert not [a for a in atts if a.cue_text == "-"]
