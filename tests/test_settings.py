"""Settings: every tunable in one object, set by name from strings, documented in docs/settings.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.errors import InputError
from chronicle.settings import DEFAULTS, Settings, settings_table

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_values_are_parsed_by_the_type_of_their_field() -> None:
    changed = Settings().with_values({
        "processes": "2", "same_event_overlap": "0.4", "timeline.summary.min_words": "8",
        "timeline.salience.reference": "1.5",
    })
    assert changed.processes == 2 and changed.same_event_overlap == 0.4
    assert changed.timeline.summary.min_words == 8 and changed.timeline.salience.reference == 1.5
    assert changed.timeline.summary.max_words == DEFAULTS.timeline.summary.max_words
    assert Settings(processes=3).with_values({"processes": "auto"}).processes is None
    assert Settings() == DEFAULTS


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("no_such_setting", "1", "unknown setting"),
        ("processes", "two", "is not a int"),
        ("same_event_overlap", "-0.1", "cannot be negative"),
        ("timeline", "3", "is a group"),
        ("timeline.summary.nope", "3", "unknown setting"),
    ],
)
def test_a_bad_setting_is_a_clear_error(name: str, value: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Settings().with_values({name: value})


def test_every_setting_says_what_it_does() -> None:
    rows = [line for line in settings_table().splitlines()[2:] if line.startswith("| `")]
    assert len(rows) > 30
    for row in rows:
        assert row.rstrip(" |").split("|")[-1].strip(), row


def test_the_settings_page_lists_every_setting_as_the_code_has_it() -> None:
    assert settings_table() in DOCS.read_text(encoding="utf-8"), "run: chronicle settings > docs/settings.md"
