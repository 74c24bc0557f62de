"""The CLI as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def first_day(label: str) -> dt.date:
    """The first day an ISO 8601 date label covers (2024, 2024-01, 2024-W02, 2024-01-09)."""
    if "-W" in label:
        year, week = label.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in label.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def chronicle(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from chronicle.cli import main; main()", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )


def test_ingest_reports_each_rejection_and_exits_1(tmp_path: Path, readers_dir: Path) -> None:
    result = chronicle("ingest", str(readers_dir), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 1
    assert "binary.bin" not in result.stderr  # .bin is not an article ending: never read from a folder
    assert "empty.txt: empty file" in result.stderr
    assert "malformed.jsonl:2: malformed JSON" in result.stderr
    assert "undated" in result.stderr and "no-date" in result.stderr
    again = chronicle("ingest", str(readers_dir / "seed-format.txt"), "--db", str(tmp_path / "s.db"))
    assert again.returncode == 0
    assert "0 added" in again.stderr and "1 unchanged" in again.stderr


def test_ingest_named_binary_file_is_rejected(tmp_path: Path, readers_dir: Path) -> None:
    result = chronicle("ingest", str(readers_dir / "binary.bin"), str(readers_dir / "seed-format.txt"),
                       "--db", str(tmp_path / "s.db"))
    assert result.returncode == 1
    assert "binary.bin: binary file" in result.stderr
    assert "1 added" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert chronicle("timeline").returncode == 2
    assert chronicle("timeline", "--db", str(tmp_path / "missing.db")).returncode == 2
    assert chronicle("ingest", "x", "--format", "nope").returncode == 2
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite at all" * 64)
    result = chronicle("articles", "--db", str(bad))
    assert result.returncode == 2 and "not a usable chronicle store" in result.stderr


def test_articles_lists_dates_sources_and_copies(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert chronicle("ingest", str(ROOT / "examples" / "harbor-strike"), "--db", db).returncode == 0
    rows = json.loads(chronicle("articles", "--db", db, "--format", "json").stdout)
    assert len(rows) == 12
    assert {r["source"] for r in rows} >= {"Valmora Courier", "Northern Wire Service", "Estrany Public Radio"}
    assert sum(1 for r in rows if r["duplicate_of"]) == 2
    assert rows == sorted(rows, key=lambda r: (r["published"], r["id"]))


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "tls", "text"])
def test_timeline_formats_from_store_and_to_file(tmp_path: Path, fmt: str) -> None:
    db = str(tmp_path / "s.db")
    chronicle("ingest", str(ROOT / "examples" / "harbor-strike"), "--db", db)
    out = tmp_path / f"t.{fmt}"
    result = chronicle("timeline", "--db", db, "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "2025-03-03" in text
    if fmt == "json":
        assert json.loads(text)["schema"] == "chronicle.timeline/1"


def test_timeline_json_of_the_seeds(shared: Path) -> None:
    result = chronicle("timeline", str(shared / "seeds"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "chronicle.timeline/1"
    published = {a["id"]: a["published"] for a in data["articles"]}
    assert published == {
        "000_831979c3fa717d63": "2024-01-10",
        "002_d9aafe5014e64ef1": "2024-01-10",
        "004_c6aa6b2a2c142bc5": "2023-08-06",
    }
    firsts = [first_day(e["date"]) for e in data["entries"]]
    assert firsts == sorted(firsts)
    for entry in data["entries"]:
        assert entry["granularity"] in ("day", "week", "month", "year")
        for event in entry["events"]:
            assert set(event) >= {"id", "summary", "sources", "actors", "place", "evidence"}
            assert event["sources"] and all(s in published for s in event["sources"])
            for evidence in event["evidence"]:
                assert set(evidence) >= {"article", "sentence", "time_expression"}
                assert evidence["article"] in event["sources"]


def test_claims_by_the_day_they_were_said(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from chronicle.cli import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "date: 2024-05-08\n\nThe dockworkers' union said on Tuesday that the strike would go on. "
        "The port authority said the terminal was open.", encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["claims", "--db", db, "--since", "2024-05-07", "--until", "2024-05-07",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["date"], r["published"], r["said_when"]) for r in rows] == [("2024-05-07", "2024-05-08", "Tuesday")]


@pytest.mark.parametrize(("name", "starts"), [("t.json", "{"), ("t.md", "# Timeline"), ("t.txt", "\n20"),
                                              ("t.html", "<!doctype html>")])
def test_the_output_format_follows_the_file_name(tmp_path: Path, name: str, starts: str) -> None:
    from click.testing import CliRunner

    from chronicle.cli import cli

    sample = Path(__file__).resolve().parents[2] / "examples" / "harbor-strike"
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["timeline", str(sample), "--no-language", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_an_unwritable_output_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "examples" / "harbor-strike"
    done = subprocess.run([sys.executable, "-c", "from chronicle.cli import main; main()", "timeline", str(sample),
                           "--no-language", "-o", str(tmp_path / "missing" / "t.json")], capture_output=True, text=True)
    assert done.returncode == 2 and "no such folder" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("name", "fmt", "first_line"), [
    ("t.csv", None, "date,granularity,event_id,summary"),
    ("claims.csv", "csv-claims", "date_said,said_when,published,speaker"),
    ("t.json", "timelinejs", "{"),
    ("brief.md", None, "# Timeline"),
])
def test_exports_to_a_file(tmp_path: Path, name: str, fmt: str | None, first_line: str) -> None:
    from click.testing import CliRunner

    from chronicle.cli import cli

    out = tmp_path / name
    given = ["--format", fmt] if fmt else []
    result = CliRunner().invoke(cli, ["timeline", str(ROOT / "examples" / "harbor-strike"), "--no-language",
                                      "-o", str(out), *given])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(first_line)


@pytest.mark.parametrize(("name", "fmt", "message"), [
    ("t.json", "csv-claims", "a .json file cannot hold the csv-claims format"),
    ("t.html", "markdown", "a .html file cannot hold the markdown format"),
    ("t.xlsx", None, "no format has the extension '.xlsx'"),
])
def test_a_file_is_never_written_in_a_format_its_name_denies(tmp_path: Path, name: str, fmt: str | None,
                                                            message: str) -> None:
    given = ["--format", fmt] if fmt else []
    done = chronicle("timeline", str(ROOT / "examples" / "harbor-strike"), "--no-language", "-o",
                     str(tmp_path / name), *given)
    assert done.returncode == 2 and message in " ".join(done.stderr.split()), done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / name).exists()


def test_an_output_that_is_a_folder_or_unwritable_is_an_error(tmp_path: Path) -> None:
    sample = str(ROOT / "examples" / "harbor-strike")
    (tmp_path / "t.json").mkdir()
    done = chronicle("timeline", sample, "--no-language", "-o", str(tmp_path / "t.json"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    done = chronicle("timeline", sample, "--no-language", "-o", str(locked / "t.html"))
    if os.geteuid() == 0:  # root writes anywhere: the folder is not locked for it
        assert done.returncode == 0
    else:
        assert done.returncode == 2 and "not writable" in done.stderr and "Traceback" not in done.stderr
