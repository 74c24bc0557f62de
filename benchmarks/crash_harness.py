"""Crash safety: kill chronicle with SIGKILL at random points, then check the store and the processes.

Each cycle starts one command on a copy of a prepared store, kills it (SIGKILL, the whole
process tree's parent only) after a random delay, and then:

1. checks that nothing of the killed run lives on: every process that descended from it
   (forked analysis workers) must be gone within :data:`GRACE` seconds;
2. checks the store as the kill left it: ``PRAGMA integrity_check``, ``PRAGMA
   foreign_key_check``, no article stored twice, every analysis, event and claim refers to
   a stored article (the event's or claim's own article);
3. runs the same command again, which must complete (exit 0), and checks the store again,
   now also that every input article is stored exactly once (against a run never killed).

Stages: ``ingest`` (reading and storing, from an empty store), ``analyse`` (``ingest
--analyse``: the language model in two forked workers, on a store missing the full analyses
of :data:`REDO` articles), ``timeline`` (the same store: the language model on the cited
articles among those, event linking, the timeline) and ``linking`` (``timeline --all
--no-language`` on a fully analysed store: the full record, most of its time in linking). The corpus is a Timeline17 topic from ``../shared`` (a few
hundred articles, so that kills land mid-run).

    .venv/bin/python benchmarks/crash_harness.py --kills 60 --topic bpoil_bbc
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: Seconds a killed run's descendants get to end before they count as orphans.
GRACE = 5.0

_CLI = [sys.executable, "-c", "import sys; from chronicle.cli import main; sys.argv[0] = 'chronicle'; main()"]


@dataclass
class Stage:
    name: str
    args: list[str]
    base: str  # which prepared store the cycle starts from
    redo: bool = False  # drop some full analyses first (work for the language model)
    #: The kill lands uniformly in (0.3 s, this fraction of a full run's time).
    spread: float = 0.9


@dataclass
class Tally:
    cycles: int = 0
    kills: int = 0
    finished_before_kill: int = 0
    orphans: int = 0
    #: Kills that found forked workers running below the killed process.
    kills_with_workers: int = 0
    rerun_failures: int = 0
    lost: int = 0
    duplicated: int = 0
    store_errors: list[str] = field(default_factory=list)
    seconds: Counter[str] = field(default_factory=Counter)


def chronicle(args: list[str], *, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*_CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


def check_store(db: Path, expected: set[str] | None) -> tuple[list[str], int, int]:
    """Problems found, articles lost and articles duplicated (the last two only with ``expected``)."""
    problems: list[str] = []
    con = sqlite3.connect(db, timeout=60)
    try:
        if (result := con.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
            problems.append(f"integrity_check: {result}")
        if broken := con.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign_key_check: {len(broken)} rows")
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:  # killed before the new store's first commit: nothing stored
            return problems, len(expected or ()), 0
        paths = Counter(p for (p,) in con.execute("SELECT path FROM articles"))
        twice = sum(n - 1 for n in paths.values() if n > 1)
        if twice:
            problems.append(f"{twice} inputs stored twice")
        lengths = dict(con.execute("SELECT id, length(text) FROM articles").fetchall())
        ids = set(lengths)
        # Events and claims are stored in their article's analysis row: they refer to a stored
        # article when the row does, and to its text when their offsets lie inside it.
        for article_id, data in con.execute("SELECT article_id, data FROM analyses"):
            if article_id not in ids:
                problems.append(f"analysis of missing article {article_id}")
                continue
            found = json.loads(data)
            ends = [e["end"] for e in found.get("events") or ()]
            ends += [span[1] for c in found.get("claims") or () for span in c["content_spans"]]
            if any(end > lengths[article_id] for end in ends):
                problems.append(f"an event or claim of {article_id} lies outside its text")
        lost = len(expected - ids) if expected is not None else 0
        duplicated = (len(ids - expected) + twice) if expected is not None else 0
    finally:
        con.close()
    return problems, lost, duplicated


def prepare(work: Path, corpus: Path, env: dict[str, str]) -> tuple[dict[str, Path], set[str], dict[str, float]]:
    """The prepared stores, the article ids of a run never killed and the ingest's full time.

    ``analysed`` holds every analysis; a cycle that needs work for the model takes a copy and
    drops the full analyses of :data:`REDO` articles, so a run has about a minute of work to
    be killed in, with both workers busy, and its rerun finishes it.
    """
    bases = {"empty": work / "empty.db", "ingested": work / "ingested.db", "analysed": work / "analysed.db"}
    start = time.perf_counter()
    subprocess.run([*_CLI, "ingest", str(corpus), "--db", str(bases["ingested"])], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timings = {"ingest": time.perf_counter() - start}
    shutil.copy(bases["ingested"], bases["analysed"])
    subprocess.run([*_CLI, "ingest", str(corpus), "--analyse", "--db", str(bases["analysed"])], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([*_CLI, "timeline", "--db", str(bases["analysed"]), "--no-language", "--format", "json"],
                   env=env, stdout=subprocess.DEVNULL, check=True)
    con = sqlite3.connect(bases["ingested"])
    expected = {i for (i,) in con.execute("SELECT id FROM articles")}
    con.close()
    return bases, expected, timings


#: Articles whose full analysis a cycle of the analysis or timeline stage drops before its run.
REDO = 48


def _drop_full_analyses(db: Path, rng: random.Random) -> None:
    con = sqlite3.connect(db)
    ids = sorted(i for (i,) in con.execute("SELECT article_id FROM analyses WHERE pipeline LIKE 'full/%'"))
    for article_id in rng.sample(ids, min(REDO, len(ids))):
        con.execute("DELETE FROM analyses WHERE article_id = ? AND pipeline LIKE 'full/%'", (article_id,))
    con.commit()
    con.close()


def run_cycle(stage: Stage, bases: dict[str, Path], work: Path, expected: set[str], full: float,
              rng: random.Random, tally: Tally, env: dict[str, str]) -> float | None:
    """One cycle; the run's time when it ended before its kill (a full run, to aim the next kills)."""
    db = work / f"cycle-{tally.cycles}.db"
    if stage.base != "empty":
        shutil.copy(bases[stage.base], db)
    if stage.redo:
        _drop_full_analyses(db, rng)
    args = [*stage.args, "--db", str(db)]
    delay = rng.uniform(0.3, max(0.5, full * stage.spread))
    process = chronicle(args, env=env)
    started = time.perf_counter()
    deadline = started + delay
    finished: float | None = None
    below: set[int] = set()
    while time.perf_counter() < deadline and process.poll() is None:
        below |= descendants(process.pid)
        time.sleep(0.05)
    tally.cycles += 1
    if process.poll() is not None:
        tally.finished_before_kill += 1
        finished = time.perf_counter() - started
    else:
        below |= descendants(process.pid)
        if descendants(process.pid):
            tally.kills_with_workers += 1
        process.send_signal(signal.SIGKILL)
        process.wait()
        tally.kills += 1
        end = time.perf_counter() + GRACE
        while time.perf_counter() < end and any(alive(p) for p in below):
            time.sleep(0.1)
        left = [p for p in below if alive(p)]
        tally.orphans += len(left)
        for pid in left:  # ours: end them so the next cycle starts clean
            os.kill(pid, signal.SIGKILL)
    problems, _, _ = check_store(db, None)
    start = time.perf_counter()
    rerun = subprocess.run([*_CLI, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tally.seconds[stage.name] += time.perf_counter() - start
    if rerun.returncode not in (0, 2):  # 2: some inputs rejected (the corpus has empty files)
        tally.rerun_failures += 1
        problems.append(f"rerun exit {rerun.returncode}: {rerun.stderr.decode()[-300:]}")
    more, lost, duplicated = check_store(db, expected)
    tally.lost += lost
    tally.duplicated += duplicated
    tally.store_errors.extend(f"{stage.name}: {p}" for p in problems + more)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return finished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=60, help="Stop after this many kills.")
    parser.add_argument("--topic", default="bpoil_bbc", help="Timeline17 topic in ../shared/bench/t17.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stages", default="ingest,analyse,timeline,linking",
                        help="Comma-separated stages to cycle through.")
    args = parser.parse_args()
    corpus = SHARED / "bench" / "t17" / args.topic / "InputDocs"
    if not corpus.is_dir():
        raise SystemExit(f"{corpus}: not found (the harness needs ../shared)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rng = random.Random(args.seed)
    stages = [
        Stage("ingest", ["ingest", str(corpus), "--setting", "write_batch", "25"], "empty"),
        Stage("analyse", ["ingest", str(corpus), "--analyse", "--processes", "2", "--setting", "write_batch", "8"],
              "analysed", redo=True),
        Stage("timeline", ["timeline", "--format", "json", "--processes", "2"], "analysed", redo=True),
        Stage("linking", ["timeline", "--all", "--no-language", "--format", "json"], "analysed"),
    ]
    wanted = args.stages.split(",")
    stages = [s for s in stages if s.name in wanted]
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bases, expected, timings = prepare(work, corpus, env)
        full = {"ingest": timings["ingest"]}
        by_stage: Counter[str] = Counter()
        while tally.kills < args.kills:
            stage = stages[tally.cycles % len(stages)]
            kills_before = tally.kills
            finished = run_cycle(stage, bases, work, expected, full.get(stage.name, 20.0), rng, tally, env)
            by_stage[stage.name] += tally.kills - kills_before
            # Later kills spread over how long a run takes: the first rerun's time, then that of
            # the latest run that ended before its kill (the machine's load changes).
            full.setdefault(stage.name, tally.seconds[stage.name])
            if finished is not None:
                full[stage.name] = finished
            print(f"cycle {tally.cycles}: {stage.name}, kills {tally.kills} ({tally.kills_with_workers} with "
                  f"workers), orphans {tally.orphans}, "
                  f"lost {tally.lost}, duplicated {tally.duplicated}, store errors {len(tally.store_errors)}",
                  flush=True)
    print()
    print("| stage | kills | full run (s) |")
    print("|---|---|---|")
    for stage in stages:
        print(f"| {stage.name} | {by_stage[stage.name]} | {full.get(stage.name, 0):.1f} |")
    print()
    print(f"articles: {len(expected)}; cycles: {tally.cycles}; kills: {tally.kills} "
          f"({tally.kills_with_workers} with workers running; runs that ended before their kill: "
          f"{tally.finished_before_kill}); reruns failed: "
          f"{tally.rerun_failures}; lost: {tally.lost}; duplicated: {tally.duplicated}; "
          f"orphaned processes: {tally.orphans}; store problems: {len(tally.store_errors)}")
    for problem in tally.store_errors[:20]:
        print("  ", problem)


if __name__ == "__main__":
    main()
