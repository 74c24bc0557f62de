"""Reading and ingest of Timeline17 as JSON Lines and as Parquet: articles/s and peak memory.

    python benchmarks/parquet_input.py [--data ../shared/bench/t17] [--out DIR] [--repeat 16] [--json]

Writes every Timeline17 article (read with the t17 reader) once to ``DIR/t17.jsonl`` and
``DIR/t17.parquet`` (row groups of 512 rows), and ``--repeat`` times to ``DIR/t17xN.parquet``
(each copy under ids of its own), unless they are there already; ``--out`` defaults to a
temporary folder. Then, each in a fresh child process so that its peak memory is its own:

* **read**: every file streamed through ``read_articles`` alone (articles counted, then let go);
* **ingest**: ``Chronicle.ingest`` of the file into a new store (reading, copy detection,
  batched writes). The repeated file's copies are exact copies of the first, found by hash.

Peak memory is the child's ``ru_maxrss``; Python and chronicle's imports alone take about 60 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import T17, print_result

ROW_GROUP = 512


def write_inputs(data: Path, out: Path, repeat: int) -> dict[str, Path]:
    """The benchmark's input files in ``out``, written if absent."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from chronicle.ingest import read_articles
    from chronicle.models import Article

    files = {"jsonl": out / "t17.jsonl", "parquet": out / "t17.parquet", f"parquet x{repeat}": out / f"t17x{repeat}.parquet"}
    if all(p.is_file() for p in files.values()):
        return files
    out.mkdir(parents=True, exist_ok=True)
    rows = [{"id": a.id, "published": a.published.isoformat() if a.published else None, "title": a.title,
             "source": a.source, "url": a.url, "text": a.text}
            for a in read_articles([data]) if isinstance(a, Article)]
    with files["jsonl"].open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    schema = pa.schema([(k, pa.string()) for k in rows[0]])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), files["parquet"], row_group_size=ROW_GROUP)
    with pq.ParquetWriter(files[f"parquet x{repeat}"], schema) as writer:
        for n in range(repeat):
            copy = [{**row, "id": f"{row['id']}~{n}"} for row in rows]
            writer.write_table(pa.Table.from_pylist(copy, schema=schema), row_group_size=ROW_GROUP)
    return files


def child(mode: str, path: Path) -> dict[str, Any]:
    from chronicle import Chronicle
    from chronicle.ingest import read_articles
    from chronicle.models import Article

    started = time.perf_counter()
    if mode == "read":
        articles = sum(isinstance(item, Article) for item in read_articles([path]))
    else:
        with tempfile.TemporaryDirectory() as tmp, Chronicle(Path(tmp) / "bench.db") as story:
            report = story.ingest([path])
            articles = len(report.added) + len(report.copies) + len(report.updated)
    seconds = time.perf_counter() - started
    return {"articles": articles, "seconds": round(seconds, 2), "articles_per_second": round(articles / seconds),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def run_child(mode: str, path: Path, *rest: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(path), *rest],
                          capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17)
    parser.add_argument("--out", type=Path, help="folder for the input files (default: a temporary one)")
    parser.add_argument("--repeat", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, path, *rest = args.child
        if mode == "write":
            files = write_inputs(Path(rest[0]), Path(path), int(rest[1]))
            print(json.dumps({k: str(v) for k, v in files.items()}))
        else:
            print(json.dumps(child(mode, Path(path))))
        return 0
    if not args.data.is_dir():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        # Written by a child too: a child's ru_maxrss starts at its parent's resident memory when
        # it was forked (Linux keeps the high-water mark across exec), so this process stays small.
        made = run_child("write", args.out or Path(tmp), str(args.data), str(args.repeat))
        result: dict[str, Any] = {"load_average": round(os.getloadavg()[0], 2)}
        for name, path in made.items():
            result[f"{name} MB"] = round(Path(path).stat().st_size / 2**20, 1)
            for mode in ("read", "ingest"):
                result[f"{mode} {name}"] = run_child(mode, Path(path))
    print_result(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
