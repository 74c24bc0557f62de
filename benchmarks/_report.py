"""What the benchmark scripts share: where the data is, and how a result is printed."""

from __future__ import annotations

import json
import resource
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
T17 = ROOT.parent / "shared" / "bench" / "t17"


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def print_result(result: dict[str, Any], as_json: bool) -> None:
    """One JSON object, or one aligned ``name: value`` line per figure."""
    if as_json:
        print(json.dumps(result))
        return
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:>{width}}: {value}")
