"""The key stored analyses are found by changes with any byte of the extraction code or its data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import chronicle
from chronicle.extract.fingerprint import fingerprint, source_digest

PACKAGE = Path(chronicle.__file__).resolve().parent


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "chronicle"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_changed_data_file_changes_the_fingerprint(package_copy: Path) -> None:
    before = source_digest(package_copy)
    cues = package_copy / "data" / "attribution_cues.json"
    data = bytearray(cues.read_bytes())
    data[-2] = ord(" ") if data[-2] != ord(" ") else ord("\n")
    cues.write_bytes(bytes(data))
    assert source_digest(package_copy) != before


@pytest.mark.parametrize("relative", ["extract/timex/normalize.py", "extract/mentions.py", "models.py"])
def test_a_changed_source_file_anywhere_in_the_extraction_package_changes_it(
    package_copy: Path, relative: str
) -> None:
    before = source_digest(package_copy)
    path = package_copy / relative
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    assert source_digest(package_copy) != before


def test_code_outside_extraction_does_not_change_it(package_copy: Path) -> None:
    before = source_digest(package_copy)
    render = package_copy / "render.py"
    render.write_text(render.read_text(encoding="utf-8") + "\n# unrelated\n", encoding="utf-8")
    assert source_digest(package_copy) == before


def test_the_language_analysis_and_the_text_one_are_kept_apart() -> None:
    assert fingerprint(language=True).startswith("full/")
    assert fingerprint(language=False).startswith("text/")
    assert fingerprint(language=True).split("/")[1] != fingerprint(language=False).split("/")[1]
    assert fingerprint(language=False).split("/")[1] == source_digest(PACKAGE)
