"""The extractor as a whole: the size of the sentence tables, plain narration that reports
nothing, and the spaCy component."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from chronicle.extract.attribution import attribution_component, ensure_extensions, find_attributions


def _sentence_cases() -> list[tuple[str, str, dict[str, str | None]]]:
    """The ``CASES`` of every test module in this folder (each loaded afresh under a name of
    its own: test modules are not importable by one another)."""
    cases: list[tuple[str, str, dict[str, str | None]]] = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        spec = importlib.util.spec_from_file_location(f"chronicle_tests_attribution_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases.extend(getattr(module, "CASES", []))
    return cases


def test_there_are_at_least_100_sentences() -> None:
    all_cases = _sentence_cases()
    assert len(all_cases) >= 100
    assert len({text for text, _, _ in all_cases}) == len(all_cases)


NEGATIVE = [
    "The bridge was built in 1932 and repainted last year.",
    "Heavy rain flooded the main road on Sunday.",
    "The team won the final 3-1 after extra time.",
    'He read the sign: "Closed on Mondays." Then he left.',
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_attribution_in_plain_narration(nlp: Any, text: str) -> None:
    atts = find_attributions(nlp(text))
    assert all(a.cue_text not in (None, "") for a in atts)
    assert not [a for a in atts if a.kind != "direct"] or text.startswith("He read")


def test_component_stores_results_on_the_doc(nlp: Any) -> None:
    ensure_extensions()
    ensure_extensions()  # idempotent
    doc = attribution_component(nlp("The mayor said the road would reopen."))
    assert [a.cue_text for a in doc._.attributions] == ["said"]
