"""Write every output a refactoring must not change, so that two snapshots can be diffed.

    python scripts/snapshot_outputs.py /tmp/before          # on the old code
    python scripts/snapshot_outputs.py /tmp/after           # on the new code
    python scripts/snapshot_outputs.py --compare /tmp/before /tmp/after

What is written, all through the ``chronicle`` command (the stable face of the code):

* PolNeAR dev and train attribution predictions (``chronicle eval quotes``);
* TimeML annotations of TimeBank, AQUAINT, WikiWars-train and Tweets-train
  (``chronicle timeml annotate``);
* the Timeline17 dev predictions (``chronicle eval tls --predictions-dir``);
* the seed story and the sample corpus: the default timeline, the ``--no-language`` one and a
  ten-date one as JSON, and the entities, events and claims JSON of a store built from them;
* the default timeline JSON of two Timeline17 topics.

``--quick`` leaves out PolNeAR train and the Tweets corpus (the slow parts). Benchmark data is
read from ``../shared`` and the snapshot is written outside the repository: it holds article
text and must not be committed.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench"
CORPORA = {"seeds": SHARED / "seeds", "sample": ROOT / "examples" / "harbor-strike"}
T17_TOPICS = ("H1N1_guardian", "IraqWar_guardian")


def _chronicle(*args: str | Path, stdout: Path | None = None) -> None:
    command = [sys.executable, "-c", "from chronicle.cli import main; main()", *map(str, args)]
    with open(stdout, "w", encoding="utf-8") if stdout else open("/dev/null", "w") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    # Exit 1 means "some input was rejected", which is itself an output worth comparing.
    if result.returncode not in (0, 1):
        raise SystemExit(f"chronicle {' '.join(map(str, args))} failed:\n{result.stderr}")


def snapshot(out: Path, *, quick: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    polnear = out / "polnear"
    polnear.mkdir(exist_ok=True)
    for split in ("dev",) if quick else ("dev", "train"):
        _chronicle("eval", "quotes", BENCH / "polnear" / f"{split}.jsonl",
                   "--predictions", polnear / f"{split}.pred.jsonl")
    corpora = {"TimeBank": "TimeBank", "AQUAINT": "AQUAINT", "wikiwars": "wikiwars-train"}
    if not quick:
        corpora["tweets"] = "tweets-train"
    for name, folder in corpora.items():
        _chronicle("timeml", "annotate", BENCH / "timeml" / folder, out / "timeml" / name)
    _chronicle("eval", "tls", BENCH / "t17", "--predictions-dir", out / "t17")
    for name, folder in CORPORA.items():
        _chronicle("timeline", folder, "--format", "json", stdout=out / f"{name}.timeline.json")
        _chronicle("timeline", folder, "--format", "json", "--no-language",
                   stdout=out / f"{name}.timeline-no-language.json")
        _chronicle("timeline", folder, "--format", "json", "--dates", "10",
                   stdout=out / f"{name}.timeline-10.json")
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "story.db"
            _chronicle("ingest", folder, "--db", db)
            for listing in ("entities", "events", "claims"):
                _chronicle(listing, "--db", db, "--format", "json", stdout=out / f"{name}.{listing}.json")
    for topic in T17_TOPICS:
        _chronicle("timeline", BENCH / "t17" / topic / "InputDocs", "--format", "json",
                   stdout=out / f"t17-{topic}.timeline.json")


def compare(before: Path, after: Path) -> int:
    """Print every file that differs or is missing on one side; 0 when the snapshots are identical."""
    names_before = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names_after = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    # A --quick snapshot leaves parts out: a folder only one side has is named once, not per file.
    for side, only in (("before", names_before - names_after), ("after", names_after - names_before)):
        for folder in sorted({str(n.parent) for n in only}):
            count = sum(1 for n in only if str(n.parent) == folder)
            print(f"only in {side}: {count} files in {folder}")
    common = sorted(names_before & names_after)
    differ = [n for n in common if not filecmp.cmp(before / n, after / n, shallow=False)]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(common)} files in both, {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, nargs="+", help="snapshot folder (two with --compare)")
    parser.add_argument("--quick", action="store_true", help="leave out PolNeAR train and Tweets")
    parser.add_argument("--compare", action="store_true", help="compare two snapshot folders")
    args = parser.parse_args()
    if args.compare:
        if len(args.out) != 2:
            parser.error("--compare takes two folders")
        return compare(*args.out)
    if len(args.out) != 1:
        parser.error("give one output folder")
    if args.out[0].resolve().is_relative_to(ROOT):
        parser.error("write the snapshot outside the repository: it holds benchmark text")
    if args.out[0].exists():
        shutil.rmtree(args.out[0])
    snapshot(args.out[0], quick=args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
