"""The public API is what __all__ says, and every name in it exists."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

import pytest

import chronicle
from chronicle import Chronicle, InputError

MODULES = ["chronicle", "chronicle.models", "chronicle.errors", "chronicle.api", "chronicle.engine",
           "chronicle.ingest", "chronicle.store", "chronicle.render", "chronicle.link", "chronicle.timeline",
           "chronicle.extract", "chronicle.serialize", "chronicle.settings", "chronicle.exports"]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__, name
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.{attr}"


def test_errors_form_one_tree() -> None:
    for error in (chronicle.InputError, chronicle.StoreError, chronicle.EvaluationError):
        assert issubclass(error, chronicle.ChronicleError)


def test_python_api_round_trip(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    with Chronicle(tmp_path / "s.db") as story:
        report = story.ingest([root / "examples" / "harbor-strike"])
        assert report.ok and len(report.added) == 10 and len(report.copies) == 2
        result = story.timeline(dates=3, since=dt.date(2025, 3, 1))
        assert len(result.entries) == 3
        # An entry is kept when its interval reaches into the range: "2025-03" counts.
        assert all(e.date[:7] >= "2025-03" for e in result.entries)
        with pytest.raises(InputError):
            story.ingest([root], format="nope")
        with pytest.raises(InputError):
            story.timeline(dates=0)


def test_query_keeps_only_matching_events(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    result, _ = chronicle.timeline([root / "examples" / "harbor-strike"], query="court")
    assert result.entries
    for entry in result.entries:
        for event in entry.events:
            assert any("court" in ev.sentence.lower() for ev in event.evidence)


def test_query_naming_a_person_follows_all_their_names() -> None:
    root = Path(__file__).resolve().parents[1]
    by_keyword, _ = chronicle.timeline([root / "examples" / "harbor-strike"], query="Marta Quellin", language=False)
    by_entity, _ = chronicle.timeline([root / "examples" / "harbor-strike"], query="Marta Quellin")
    sentences = [ev.sentence for e in by_entity.entries for event in e.events for ev in event.evidence]
    assert sentences and all("Quellin" in s for s in sentences)
    assert any("Marta" not in s for s in sentences)  # "Quellin said ..." counts too
    assert sum(len(e.events) for e in by_entity.entries) > sum(len(e.events) for e in by_keyword.entries)
