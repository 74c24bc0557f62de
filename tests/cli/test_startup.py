"""`chronicle --help` and `--version` answer at once: no language model stack at start-up."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "thinc", "numpy", "scipy", "datasketch", "fastapi", "uvicorn", "trafilatura", "htmldate")


def test_the_command_imports_no_heavy_library_at_start_up() -> None:
    code = (
        "import sys, chronicle.cli\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""


def test_version_answers() -> None:
    out = subprocess.run([sys.executable, "-c", "from chronicle.cli import main; main()", "--version"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "chronicle, version" in out.stdout
