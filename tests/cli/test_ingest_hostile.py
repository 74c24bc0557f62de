"""The ingest and articles commands on hostile input: escaped output, exit status, bounded memory."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.ingest import ARTICLE_SUFFIXES, path_text
from chronicle.ingest.decode import content_hash
from chronicle.models import Article
from chronicle.store import Store

ROOT = Path(__file__).resolve().parents[2]
ESCAPE = "\x1b]0;PWNED\x07"
GOOD = "date: 2024-03-05\n\nThe ferry between Ostrel and Vannick stopped running on Monday. Repairs take a week."


def chronicle(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from chronicle.cli import main; main()", *args],
        capture_output=True, text=True, timeout=timeout, errors="surrogateescape",
    )


def test_ingest_prints_untrusted_names_and_reasons_inert(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / f"{ESCAPE}.txt").write_bytes(b"")
    (folder / "[red]markup[bold].txt").write_bytes(b"")
    result = chronicle("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 3, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b]0;PWNED\\x07.txt: empty file" in result.stderr
    assert "[red]markup[bold].txt: empty file" in result.stderr
    assert "1 added" in result.stderr and "2 rejected" in result.stderr


def test_articles_prints_stored_ids_inert(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    text = "An article stored by an older version, whose id holds a terminal escape."
    # Stores written before ids were cleaned can hold anything: the listing must still be inert.
    with Store(db) as store, store.transaction():
        store.add_article(Article(id=f"{ESCAPE}\u202e[blink]x", text=text, published=dt.date(2024, 3, 5),
                                  title="\x1b[2J", source=None, url=None, path="x.txt", content_hash=content_hash(text)))
    result = chronicle("articles", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b]0;PWNED\\x07\\u202e[blink]x" in result.stdout


def test_ingest_of_nothing_creates_no_store(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = chronicle("ingest", str(tmp_path / "missing"), "--db", str(db))
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert not db.exists()
    out = tmp_path / "t.json"
    result = chronicle("timeline", str(tmp_path / "missing"), "--no-language", "-o", str(out))
    assert result.returncode == 2 and not out.exists()


def test_timeline_with_a_skipped_input_exits_3_with_its_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((ROOT / "examples" / "harbor-strike").iterdir())[:4]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "t.json"
    result = chronicle("timeline", str(folder), "--no-language", "-o", str(out))
    assert result.returncode == 3, result.stderr
    assert "empty.txt: empty file" in result.stderr
    assert out.stat().st_size > 0


GOOD_TOPICS = [
    ("ferry", "Ostrel", "stopped running after a fault in its engine room"),
    ("library", "Vannick", "reopened after a two-year renovation of its reading rooms"),
    ("bridge", "Kessford", "was closed to lorries after engineers found cracks"),
    ("school", "Marrow Bay", "moved its classes to the town hall during the floods"),
    ("market", "Dunholt", "returned to the square for the first time in a decade"),
    ("hospital", "Ashgrove", "opened a new ward for children with two hundred beds"),
    ("railway", "Penlow", "announced a timetable with trains every half hour"),
    ("harbour", "Sallow", "dredged its channel so that larger ships can dock"),
    ("museum", "Tarrin", "returned three paintings to the family of their owner"),
    ("council", "Brisk", "voted to plant a thousand trees along the river"),
    ("airport", "Corven", "cancelled its night flights after complaints about noise"),
    ("theatre", "Elmsby", "sold out its first season since the fire"),
    ("brewery", "Holloway", "agreed to pay its workers for the lost shifts"),
    ("stadium", "Wendle", "lost its roof in the storm on Friday night"),
    ("zoo", "Farrow", "welcomed two snow leopards from a park abroad"),
    ("mine", "Grisdale", "was sealed after the last miners were brought up"),
    ("orchestra", "Lunmouth", "played its final concert under the old conductor"),
    ("police", "Redbank", "arrested four men over the theft of copper cable"),
    ("farmers", "Oxleigh", "blocked the ring road with tractors over grain prices"),
    ("university", "Calder", "froze its fees for students from the region"),
]


def write_good(folder: Path) -> dict[str, Path]:
    """Twenty good articles of four formats, each about something else."""
    written: dict[str, Path] = {}
    for i, (thing, town, what) in enumerate(GOOD_TOPICS):
        text = (f"The {thing} of {town} {what}, officials said on day {i + 1} of the month. "
                f"Residents of {town} said they had waited a long time for news about the {thing}. "
                f"A spokesperson for the {thing} promised a full statement next week.")
        name = f"good-{i:02d}"
        if i % 4 == 0:
            path = folder / f"{name}.txt"
            path.write_text(f"date: 2024-03-{i + 1:02d}\n\n{text}", encoding="utf-8")
        elif i % 4 == 1:
            path = folder / f"{name}.md"
            path.write_text(f"---\ndate: 2024-03-{i + 1:02d}\ntitle: The {thing}\n---\n{text}", encoding="utf-8")
        elif i % 4 == 2:
            path = folder / f"{name}.txt"
            path.write_text(f" date 2024-03-{i + 1:02d} {text}", encoding="utf-8")
        else:
            path = folder / f"{name}.html"
            path.write_text(f"<!DOCTYPE html><html><head><title>The {thing}</title>"
                            f'<meta property="article:published_time" content="2024-03-{i + 1:02d}"></head>'
                            f"<body><article><p>{text}</p><p>{text}</p></article></body></html>", encoding="utf-8")
        written[name] = path
    return written


def shown(path: str) -> str:
    """A path as the CLI prints it: unsafe characters as escapes."""
    unsafe = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
    return unsafe.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), path_text(path))


@pytest.mark.slow
def test_hostile_corpus_mixed_with_good_articles(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "hostile_corpus.py"), str(folder)],
                          capture_output=True, text=True, timeout=600, check=True)
    hostile = int(made.stdout)
    assert hostile >= 290
    good = write_good(folder)
    db = tmp_path / "s.db"
    result = chronicle("ingest", str(folder), "--db", str(db), timeout=1200)
    assert result.returncode == 3, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    # ru_maxrss of RUSAGE_CHILDREN is the largest of all children waited for: measured in a fresh
    # process whose one child is the ingest, so that no earlier test's process counts.
    measure = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    again = subprocess.run([sys.executable, "-c", measure, sys.executable, "-c",
                            "from chronicle.cli import main; main()", "ingest", str(folder), "--db", str(tmp_path / "m.db")],
                           capture_output=True, text=True, timeout=1200, check=True)
    peak_kb = int(again.stdout)
    assert peak_kb < 1024 * 1024, f"peak RSS {peak_kb} kB"

    with Store(db) as store:
        stored_paths = {s.article.path for s in store.articles()}
    assert {str(p) for p in good.values()} <= stored_paths
    rejected: dict[str, str] = {}
    for line in result.stderr.splitlines():
        m = re.match(r"rejected (.*?)(?::\d+)?: (.+)$", line)
        if m:
            rejected.setdefault(m[1], m[2])
    assert all(reason.strip() for reason in rejected.values())
    assert not any(reason.startswith("cannot be read (") for reason in rejected.values()), "a reader let an exception out"

    entries = [e for e in os.scandir(os.fsencode(folder)) if not e.is_dir(follow_symlinks=False)
               or e.is_symlink()]
    names = [os.fsdecode(e.name) for e in entries if os.fsdecode(e.name).lower().endswith(ARTICLE_SUFFIXES)
             or e.is_symlink()]
    unaccounted = []
    for name in names:
        path = str(folder / name)
        if path_text(path) not in stored_paths and shown(path) not in rejected:
            unaccounted.append(name)
    assert not unaccounted, unaccounted
    assert len(rejected) >= 200
