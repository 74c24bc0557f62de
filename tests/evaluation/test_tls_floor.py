"""The timeline method's Timeline17 scores must not fall below the pinned dev figures.

The figures are in ``benchmarks/tls_floor.json``: AR-1 F, AR-2 F and Date-F1 (tilse reimpl,
news-tls averaging) over the 14 dev timelines and over a small subset of topics chosen for CI
speed. A drop of more than :data:`TOLERANCE` fails; a rise means the pins should be raised.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from chronicle.engine import tls_builder
from chronicle.evaluation.tls import Report, evaluate_tls

ROOT = Path(__file__).resolve().parents[2]
FLOOR = ROOT / "benchmarks" / "tls_floor.json"
T17 = ROOT.parent / "shared" / "bench" / "t17"
TOLERANCE = 0.002
#: Recompute the full set only when the subset suggests it stays within a few minutes.
FULL_SET_BUDGET_S = 180.0

pytestmark = pytest.mark.slow


def _figures(report: Report) -> dict[str, float]:
    a = report.average
    return {"AR-1 F": a.align_r1.f1, "AR-2 F": a.align_r2.f1, "Date-F1": a.date.f1}


def _check(measured: dict[str, float], pinned: dict[str, Any]) -> None:
    drops = {k: (round(measured[k], 4), pinned[k]) for k in ("AR-1 F", "AR-2 F", "Date-F1")
             if measured[k] < pinned[k] - TOLERANCE}
    assert not drops, f"TLS scores fell below the floor (measured, pinned): {drops}"


@pytest.fixture(scope="module")
def floor() -> dict[str, dict[str, Any]]:
    if not T17.is_dir():
        pytest.skip("../shared/bench/t17 is not beside the repo")
    pinned: dict[str, dict[str, Any]] = json.loads(FLOOR.read_text(encoding="utf-8"))
    return pinned


def test_subset_stays_above_floor(floor: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    topics: list[str] = list(floor["subset"]["topics"])
    for topic in topics:
        (tmp_path / topic).symlink_to(T17 / topic)
    _check(_figures(evaluate_tls(tmp_path, tls_builder)), floor["subset"])


def test_full_dev_set_stays_above_floor(floor: dict[str, dict[str, Any]]) -> None:
    if float(floor["full"].get("seconds", 0.0)) > FULL_SET_BUDGET_S:
        pytest.skip("the full dev set takes too long on this machine")
    start = time.monotonic()
    report = evaluate_tls(T17, tls_builder)
    assert len(report.timelines) == floor["full"]["timelines"]
    _check(_figures(report), floor["full"])
    assert time.monotonic() - start < 3 * FULL_SET_BUDGET_S
