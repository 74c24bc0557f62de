"""Time to build a timeline for one Timeline17 topic, from raw files and from a store.

* **raw**: a fresh store, ingest the topic's ``InputDocs`` (reading, copy detection), analyse
  every article (sentences, time expressions), find event mentions, link them and build the
  timeline: what ``chronicle timeline <folder>`` does. Target: under 60 s.
* **store**: the same timeline again from the store the first run filled, whose per-article
  analyses are cached: what ``chronicle timeline --db`` does. Target: under 2 s.

The timeline asked for is the size of the topic's first gold timeline (its number of dates,
sentences per date and date range), as the evaluation asks for it. By default the timeline
is built without the spaCy enrichment of its events (actors, place, claims: another stage's
cost, which ``--language`` adds). Peak memory is the process's maximum resident set size.

    .venv/bin/python benchmarks/timeline.py                    # bpoil_bbc
    .venv/bin/python benchmarks/timeline.py --topic IraqWar_guardian --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "t17"

try:
    from chronicle.engine import build_timeline, ingest
    from chronicle.models import TimelineOptions
    from chronicle.store import Store
except ImportError:  # running from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
    from chronicle.engine import build_timeline, ingest
    from chronicle.models import TimelineOptions
    from chronicle.store import Store

RAW_TARGET_S = 60.0
STORE_TARGET_S = 2.0


def _gold_shape(topic: Path) -> TimelineOptions:
    gold = sorted((topic / "timelines").glob("*.txt"))[0]
    dates: list[dt.date] = []
    sentences = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        try:
            dates.append(dt.datetime.strptime(line, "%Y-%m-%d").date())
        except ValueError:
            if line and not line.startswith("-----"):
                sentences += 1
    dates = sorted(set(dates))
    return TimelineOptions(dates=len(dates), sentences_per_date=max(1, round(sentences / len(dates))),
                           since=dates[0], until=dates[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Timeline17-layout folder")
    parser.add_argument("--topic", default="bpoil_bbc", help="topic folder name")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--language", action="store_true",
                        help="also run the spaCy enrichment (actors, place, claims) of the cited articles")
    args = parser.parse_args()
    topic = args.data / args.topic
    if not (topic / "InputDocs").is_dir():
        sys.exit(f"no InputDocs under {topic}")
    options = _gold_shape(topic)

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = ingest(store, [topic / "InputDocs"])
        timeline = build_timeline(store, options, language=args.language)
        raw_s = time.perf_counter() - start
        start = time.perf_counter()
        again = build_timeline(store, options, language=args.language)
        store_s = time.perf_counter() - start
    # ru_maxrss is KiB on Linux.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert again.entries == timeline.entries, "a timeline from the store must equal the one from raw files"

    result = {
        "topic": args.topic,
        "articles": len(report.added),
        "copies": len(report.copies),
        "dates": len(timeline.entries),
        "language": args.language,
        "raw_s": round(raw_s, 2),
        "store_s": round(store_s, 3),
        "peak_rss_mb": round(peak_mb, 1),
        "raw_target_s": RAW_TARGET_S,
        "store_target_s": STORE_TARGET_S,
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"topic {args.topic}: {result['articles']} articles ({result['copies']} copies), "
          f"{result['dates']} dates asked {options.dates} x {options.sentences_per_date}")
    print(f"  from raw files : {raw_s:7.2f} s  (target < {RAW_TARGET_S:.0f} s)")
    print(f"  from the store : {store_s:7.3f} s  (target < {STORE_TARGET_S:.0f} s)")
    print(f"  peak memory    : {peak_mb:7.1f} MB (max RSS)")


if __name__ == "__main__":
    main()
