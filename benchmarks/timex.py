"""Throughput of chronicle's temporal tagger on the TimeBank documents.

Reads every ``.tml`` file of a TimeML corpus (default ``../shared/bench/timeml/TimeBank``
next to the repo), keeps the raw text of its ``<TEXT>`` element (tags stripped) and its
creation date (``<DCT>``), and times one ``tag(text, dct)`` call per whole document on one
core. Sentences are counted with a plain regex splitter, only to report sentences/s.

    python benchmarks/timex.py                  # table
    python benchmarks/timex.py --json           # one JSON object
    python benchmarks/timex.py --data DIR --repeat 5 --limit 50
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import html
import json
import os
import platform
import re
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "timeml" / "TimeBank"

try:
    from chronicle.extract.timex import tag
except ImportError:  # running from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from chronicle.extract.timex import tag
    except ImportError as exc:
        sys.exit(
            f"cannot import chronicle ({exc}); run it with the project's environment, "
            "e.g. `.venv/bin/python benchmarks/timex.py` or after `pip install -e .`"
        )

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4})-?(\d\d)-?(\d\d)", re.S)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: dt.date | None
    sentences: int


def count_sentences(text: str) -> int:
    return sum(1 for part in _SENTENCE_END.split(text) if part and part.strip())


def load(data: Path, limit: int | None = None) -> list[Document]:
    docs = []
    for path in sorted(data.glob("*.tml"))[:limit]:
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = _TEXT.search(raw)
        if body is None:
            continue
        text = html.unescape(_TAG.sub("", body.group(1)))
        m = _DCT.search(raw)
        dct = None
        if m:
            try:
                dct = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                dct = None
        docs.append(Document(path.stem, text, dct, count_sentences(text)))
    return docs


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"cpu {cpu}"
        except OSError:
            pass
    return "not pinned"


def run_once(docs: list[Document]) -> tuple[float, int]:
    found = 0
    gc.collect()
    start = time.perf_counter()
    for doc in docs:
        found += len(tag(doc.text, doc.dct))
    return time.perf_counter() - start, found


def peak_python_memory(docs: list[Document]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        for doc in docs:
            tag(doc.text, doc.dct)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def max_rss_bytes() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .tml files")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus (best is kept)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the traced-memory pass")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        parser.error(f"no corpus at {args.data} (give --data DIR with .tml files)")
    docs = load(args.data, args.limit)
    if not docs:
        parser.error(f"no .tml documents with a <TEXT> element in {args.data}")
    cpu = pin_to_one_core()

    start = time.perf_counter()
    tag(docs[0].text, docs[0].dct)  # warm-up: lazy loading of patterns or models
    warmup = time.perf_counter() - start

    times, found = [], 0
    for _ in range(max(1, args.repeat)):
        elapsed, found = run_once(docs)
        times.append(elapsed)
    best = min(times)
    peak_traced = None if args.no_tracemalloc else peak_python_memory(docs)

    sentences = sum(d.sentences for d in docs)
    chars = sum(len(d.text) for d in docs)
    result = {
        "corpus": str(args.data),
        "documents": len(docs),
        "sentences": sentences,
        "characters": chars,
        "timexes_found": found,
        "repeat": len(times),
        "seconds_best": round(best, 6),
        "seconds_median": round(statistics.median(times), 6),
        "sentences_per_s": round(sentences / best, 1) if best else None,
        "documents_per_s": round(len(docs) / best, 2) if best else None,
        "chars_per_s": round(chars / best, 1) if best else None,
        "ms_per_document": round(1000 * best / len(docs), 3),
        "warmup_seconds": round(warmup, 6),
        "peak_traced_bytes": peak_traced,
        "max_rss_bytes": max_rss_bytes(),
        "cpu": cpu,
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0

    mib = 1024 * 1024
    rows = [
        ("corpus", f"{args.data} ({len(docs)} documents)"),
        ("sentences", f"{sentences:,}"),
        ("characters", f"{chars:,}"),
        ("timexes found", f"{found:,}"),
        ("passes (best / median)", f"{len(times)} ({best:.3f} s / {statistics.median(times):.3f} s)"),
        ("sentences/s", f"{result['sentences_per_s']:,}"),
        ("documents/s", f"{result['documents_per_s']:,}"),
        ("characters/s", f"{result['chars_per_s']:,}"),
        ("ms/document", f"{result['ms_per_document']}"),
        ("warm-up call", f"{warmup * 1000:.1f} ms"),
        ("peak traced memory", "skipped" if peak_traced is None else f"{peak_traced / mib:.2f} MiB"),
        ("max RSS (process)", f"{result['max_rss_bytes'] / mib:.1f} MiB"),
        ("core", f"{cpu}, Python {result['python']}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'timex tagger':<{width}}  result")
    print(f"{'-' * width}  {'-' * 30}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
