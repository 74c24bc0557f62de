"""Ingest speed and peak memory on Timeline17 (3,000+ files).

    python benchmarks/ingest.py [--data ../shared/bench/t17] [--json]

Ingests every file into a fresh store in a temporary folder and reports articles/s,
files/s and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import T17, peak_rss_mb, print_result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    from chronicle import Chronicle

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with Chronicle(Path(tmp) / "bench.db") as story:
            report = story.ingest([args.data])
            seconds = time.perf_counter() - started
            stored = len(story.articles())
        db_bytes = sum(p.stat().st_size for p in Path(tmp).iterdir())
    read = len(report.added) + len(report.copies) + len(report.updated)
    result = {
        "data": str(args.data),
        "files_read": read + len(report.rejections),
        "articles_stored": stored,
        "copies": len(report.copies),
        "rejected": len(report.rejections),
        "seconds": round(seconds, 2),
        "articles_per_second": round(read / seconds, 1),
        "peak_rss_mb": peak_rss_mb(),
        "store_mb": round(db_bytes / 2**20, 1),
    }
    print_result(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
