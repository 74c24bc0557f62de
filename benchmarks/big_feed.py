"""Memory and time of ``chronicle timeline`` on one big feed (every entry of one day).

A feed of ``--entries`` made-up entries (sentences built from small word lists written for
this benchmark, so reports share many words and dates, as a busy feed's do) is ingested and
its timeline built in a child process; the child's peak resident memory and the time are
reported. Before bounded event linking, 4,000 entries took 5.2 GB and 10,000 were killed.

    .venv/bin/python benchmarks/big_feed.py --entries 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

_ACTORS = ("The mayor", "Union leaders", "The health ministry", "Port officials", "The central bank",
           "Rescue teams", "The governor", "Opposition lawmakers", "The city council", "Police",
           "Farmers", "The school board", "Airline staff", "The energy regulator", "Residents")
_VERBS = ("announced", "rejected", "approved", "criticised", "welcomed", "postponed", "discussed",
          "suspended", "defended", "reviewed", "signed", "opened", "closed", "extended")
_THINGS = ("a new budget", "the harbour expansion", "the pay offer", "flood defences", "the rail strike",
           "a vaccine programme", "the water tariff", "emergency funding", "the bridge repairs",
           "school closures", "fuel subsidies", "the curfew", "housing permits", "the trade deal")
_WHEN = ("on Monday", "on Tuesday", "on Wednesday", "this week", "late on Monday", "on March 3")
_PLACES = ("in the capital", "in the north", "at the port", "in the old town", "near the border", "")


def make_feed(path: Path, entries: int, seed: int = 7) -> None:
    """Write an RSS feed of ``entries`` items, all published on one day."""
    rng = random.Random(seed)
    day = dt.datetime(2024, 3, 4, 12, 0, tzinfo=dt.UTC)
    items = []
    for n in range(entries):
        sentences = [
            f"{rng.choice(_ACTORS)} {rng.choice(_VERBS)} {rng.choice(_THINGS)} {rng.choice(_PLACES)} "
            f"{rng.choice(_WHEN)}, according to report {n}."
            for _ in range(3)
        ]
        text = " ".join(s.replace("  ", " ") for s in sentences)
        items.append(f"<item><title>Report {n}</title><link>https://example.org/{n}</link>"
                     f"<guid>https://example.org/{n}</guid><pubDate>{format_datetime(day)}</pubDate>"
                     f"<description>{escape(text)}</description></item>")
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Busy Wire</title>'
                    + "".join(items) + "</channel></rss>", encoding="utf-8")


_RUN = """
import resource, sys
from chronicle.cli import main
sys.argv = ["chronicle", *sys.argv[1:]]
try:
    main()
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"PEAK_KB {max(own, workers)}", file=sys.stderr)
"""


def run(*args: str) -> tuple[float, float]:
    """Seconds and peak resident GB (the process or its largest worker) of one chronicle command."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUN, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"chronicle {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    peak = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB"))
    return seconds, peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed, db = Path(tmp) / "busy.rss", Path(tmp) / "busy.db"
        make_feed(feed, args.entries)
        seconds, peak = run("ingest", str(feed), "--db", str(db))
        print(f"ingest, {args.entries:,} entries: {seconds:.1f} s, peak {peak:.2f} GB")
        seconds, peak = run("timeline", "--db", str(db), "--format", "json")
        print(f"timeline, {args.entries:,} entries of one day: {seconds:.1f} s, peak {peak:.2f} GB")

if __name__ == "__main__":
    main()
