"""Fixtures of the attribution tests: one spaCy pipeline for the whole folder, and the check
that every table-driven sentence case runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chronicle.extract.attribution import Attribution, find_attributions
from chronicle.extract.pipeline import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Any:
    return build_nlp(components=())


def _pick(atts: list[Attribution], cue: str) -> Attribution:
    for att in atts:
        if att.cue_text == cue:
            return att
    raise AssertionError(f"no attribution with cue {cue!r}; got {[a.cue_text for a in atts]}")


@pytest.fixture
def check_sentence(nlp: Any) -> Callable[[str, str, dict[str, str | None]], None]:
    """Check a case (text, cue_text, expected fields): the attribution with that cue has the
    fields it names (source, content, kind, stance, speaker), and spans that index the text."""

    def check(text: str, cue: str, expected: dict[str, str | None]) -> None:
        doc = nlp(text)
        att = _pick(find_attributions(doc), cue)
        got = {
            "source": att.source_text,
            "content": att.content_text,
            "kind": att.kind,
            "stance": att.stance,
            "speaker": att.speaker,
        }
        for key, want in expected.items():
            assert got[key] == want, (key, got)
        # Spans index the article text.
        for span in (att.source or ()), (att.cue or ()), att.content:
            for s, e in span:
                assert 0 <= s < e <= len(text)

    return check
