"""Throughput and memory of the full pipeline, per engine and per corpus size.

    python benchmarks/throughput.py [--data ../shared/bench/t17] [--limit 200] [--base 100]
                                    [--scales 1,4,16] [--no-ray] [--json]

Every figure comes from a fresh child process, so that its peak memory is its own:

* **speed**: ``--limit`` articles spread over the Timeline17 topics through the full pipeline
  (ingest: reading, dedup, store; analysis with the language model; the default timeline with
  actors and claims), with the local engine on 1 and 2 processes and with Ray started locally;
* **reference**: the same texts through plain ``nlp.pipe`` of the spaCy model alone, one
  process: how close the pipeline comes to the model's own speed;
* **memory**: ``--base`` x each of ``--scales`` distinct articles through ingest and analysis
  (default engine), then a timeline from the store they made, each step a process of its own.

Peak memory is given twice: the main process's own peak (``ru_maxrss``), and the peak of the
summed resident memory of the whole process tree (workers, Ray's actors and daemons), sampled
every 0.2 s; the sum counts pages the forked workers share with their parent more than once.
CPU time is the tree's user + system seconds: ``articles_per_cpu_second`` is the speed of one
idle core, a figure that holds when other work shares the machine (wall-clock figures do not;
the load average at the start is printed with them).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, T17, print_result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17)
    parser.add_argument("--limit", type=int, default=200, help="articles for the speed runs")
    parser.add_argument("--base", type=int, default=100, help="articles at 1x for the memory runs")
    parser.add_argument("--scales", default="1,4,16", help="corpus multiples for the memory runs")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray engine")
    parser.add_argument("--no-memory", action="store_true", help="leave out the memory runs")
    parser.add_argument("--no-speed", action="store_true", help="leave out the speed runs")
    parser.add_argument("--timeline-store", type=int, default=0,
                        help="also build a timeline from a store of this many articles, made by copying the "
                             "largest memory run's articles and analyses under new ids: every date then has "
                             "that many times the reports, the worst case for linking, not a real store")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_CHILDREN[args.child[0]](*args.child[1:])))
        return 0
    if not args.data.is_dir():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    from chronicle.ingest import iter_files

    files = [p for p in iter_files([args.data]) if isinstance(p, Path) and p.stat().st_size > 0]
    result: dict[str, Any] = {"cores": os.cpu_count(), "load_average": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory(prefix="chronicle-throughput-") as tmp:
        work = Path(tmp)
        sample = _write_list(work / "sample.txt", _spread(files, args.limit))
        runs = [("local_1", "local", "1"), ("local_2", "local", "2")] + ([] if args.no_ray else [("ray", "ray", "2")])
        for name, engine, processes in [] if args.no_speed else runs:
            result[name] = _run(["pipeline", str(sample), str(work / f"{name}.db"), engine, processes])
        if not args.no_speed:
            result["reference_nlp_pipe_1"] = _run(["reference", str(sample)])
            one, model = result["local_1"], result["reference_nlp_pipe_1"]
            result["pipeline_over_model"] = round(one["analyse_seconds"] / model["seconds"], 2)
            result["pipeline_over_model_cpu"] = round(one["analyse_cpu_seconds"] / model["cpu_seconds"], 2)
        db = None
        if not args.no_memory:
            for scale in (int(s) for s in args.scales.split(",")):
                listed = _write_list(work / f"x{scale}.txt", _spread(files, args.base * scale))
                db = work / f"x{scale}.db"
                result[f"memory_{scale}x"] = {
                    "ingest_and_analyse": _run(["pipeline", str(listed), str(db), "local", "2", "no-timeline"]),
                    "timeline": _run(["timeline", str(db)]),
                }
        if db is not None and args.timeline_store:
            big = work / "big.db"
            _copies(db, big, args.timeline_store)
            result[f"timeline_{args.timeline_store}"] = _run(["timeline", str(big)])
    print_result(result, args.json)
    return 0


def _copies(source: Path, target: Path, count: int) -> None:
    """A store of ``count`` articles: the analysed articles of ``source`` again and again under new
    ids (the same texts, dates and analyses), written without copy detection."""
    import dataclasses

    from chronicle.extract import fingerprint
    from chronicle.store import Store

    key = fingerprint(language=True)
    with Store(source) as old, Store(target) as new:
        originals = [s.article for s in old.articles(include_copies=False)]
        analyses = old.analyses(key)
        made = 0
        while made < count:
            with new.transaction():
                for article in originals[: count - made]:
                    copy = dataclasses.replace(article, id=f"{article.id}~{made // len(originals)}")
                    new.add_article(copy)
                    if article.id in analyses:
                        new.save_analysis(copy.id, key, analyses[article.id])
            made += min(len(originals), count - made)


def _spread(files: list[Path], count: int) -> list[Path]:
    """``count`` files spread over every topic rather than the first folder's."""
    step = max(1, len(files) // count)
    return files[::step][:count]


def _write_list(path: Path, files: list[Path]) -> Path:
    path.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    return path


def _run(child: list[str]) -> dict[str, Any]:
    """A child's figures, with the peak summed memory and the CPU time of its process tree."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, __file__, "--child", *child], stdout=subprocess.PIPE, env=env,
                               text=True)
    peak = [0]
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            rss = 0
            for pid in _tree(process.pid):
                figures = _proc(pid)
                if figures is not None:
                    rss += figures[0]
                    cpu[pid] = max(cpu.get(pid, 0.0), figures[1])
            peak[0] = max(peak[0], rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"child {child[0]} failed with status {process.returncode}")
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    figures["peak_tree_rss_mb"] = round(peak[0] / 1024, 1)
    figures["tree_cpu_seconds"] = round(sum(cpu.values()), 1)
    if "articles" in figures and figures["tree_cpu_seconds"]:
        figures["articles_per_cpu_second"] = round(figures["articles"] / figures["tree_cpu_seconds"], 2)
    return figures


def _tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc (Linux)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return out


_TICKS = os.sysconf("SC_CLK_TCK")


def _proc(pid: int) -> tuple[int, float] | None:
    """Resident kB and CPU seconds (user + system) of a live process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return rss, (int(stat[11]) + int(stat[12])) / _TICKS


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _own_peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _paths(listing: str) -> list[str]:
    return Path(listing).read_text(encoding="utf-8").split("\n")[:-1]


def _pipeline(listing: str, db: str, engine: str, processes: str, *flags: str) -> dict[str, Any]:
    from chronicle import Chronicle
    from chronicle.settings import Settings

    paths = _paths(listing)
    settings = Settings(engine=engine, processes=int(processes))
    figures: dict[str, Any] = {"engine": engine, "processes": int(processes), "files": len(paths)}
    started = time.perf_counter()
    with Chronicle(db, settings=settings) as story:
        report = story.ingest(paths)
        figures["ingest_seconds"] = round(time.perf_counter() - started, 2)
        figures["articles"] = len(report.added)
        step, cpu = time.perf_counter(), _cpu()
        story.analyse()
        figures["analyse_seconds"] = round(time.perf_counter() - step, 2)
        # Worker processes count once they have ended (the local pool's do; Ray's actors do not).
        figures["analyse_cpu_seconds"] = round(_cpu() - cpu, 2)
        if "no-timeline" not in flags:
            step = time.perf_counter()
            timeline = story.timeline()
            figures["timeline_seconds"] = round(time.perf_counter() - step, 2)
            figures["timeline_dates"] = len(timeline.entries)
    seconds = time.perf_counter() - started
    figures["seconds"] = round(seconds, 2)
    figures["articles_per_second"] = round(figures["articles"] / seconds, 2)
    figures["analysed_per_second"] = round(figures["articles"] / figures["analyse_seconds"], 2)
    figures["peak_main_rss_mb"] = _own_peak_mb()
    return figures


def _reference(listing: str) -> dict[str, Any]:
    from threadpoolctl import ThreadpoolController

    from chronicle.extract.nlp import load_spacy_model
    from chronicle.ingest import read_articles
    from chronicle.models import Article

    texts = [a.text for a in read_articles(_paths(listing)) if isinstance(a, Article)]
    nlp = load_spacy_model()
    started, cpu = time.perf_counter(), _cpu()
    # One BLAS thread, as the pipeline's workers run.
    with ThreadpoolController().limit(limits=1, user_api="blas"):
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "tokens": tokens, "seconds": round(seconds, 2),
            "cpu_seconds": round(_cpu() - cpu, 2),
            "articles_per_second": round(len(texts) / seconds, 2), "peak_main_rss_mb": _own_peak_mb()}


def _timeline(db: str) -> dict[str, Any]:
    from chronicle import Chronicle

    started = time.perf_counter()
    with Chronicle(db) as story:
        articles = len(story.store.article_ids(include_copies=False))
        timeline = story.timeline()
    return {"store_articles": articles, "dates": len(timeline.entries),
            "seconds": round(time.perf_counter() - started, 2), "peak_main_rss_mb": _own_peak_mb()}


_CHILDREN: dict[str, Any] = {"pipeline": _pipeline, "reference": _reference, "timeline": _timeline}


if __name__ == "__main__":
    sys.exit(main())
