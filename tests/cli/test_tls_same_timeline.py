"""`chronicle eval tls --predictions-dir` and the plain `chronicle timeline --format tls` agree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from chronicle.evaluation.tls import read_tls


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from chronicle.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300)


def test_eval_predictions_equal_the_plain_command(readers_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "t17"
    shutil.copytree(readers_dir / "t17", data)
    predictions = tmp_path / "pred"
    result = run("eval", "tls", str(data), "--predictions-dir", str(predictions))
    assert result.returncode == 0, result.stderr
    (written,) = predictions.iterdir()
    assert written.name == "MiniTopic_source__gold.txt"

    gold = read_tls(data / "MiniTopic_source" / "timelines" / "gold.txt")
    per_date = round(sum(len(s) for s in gold.values()) / len(gold))
    plain = tmp_path / "plain.txt"
    result = run("timeline", str(data / "MiniTopic_source" / "InputDocs"), "--dates", str(len(gold)),
                 "--sentences-per-date", str(per_date), "--since", min(gold).isoformat(),
                 "--until", max(gold).isoformat(), "--format", "tls", "-o", str(plain))
    assert result.returncode == 3  # the fixture has an empty file on purpose: reported, rest goes on
    assert "4.htm.txt: empty file" in result.stderr
    assert plain.read_text(encoding="utf-8") == written.read_text(encoding="utf-8")
    assert read_tls(plain)
