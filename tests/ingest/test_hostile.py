"""Hostile and broken input: each defect of the reliability issue, reproduced, as one table.

Every case writes its bad file beside a good article and ingests the folder: the bad file must
come out as one rejection naming it (or be read right), and the good article must be stored.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from chronicle.engine import ingest
from chronicle.ingest import ReadOptions, read_articles
from chronicle.models import Article, IngestReport, Rejection
from chronicle.settings import Settings
from chronicle.store import Store

GOOD = (
    "date: 2024-03-05\n\n"
    "The ferry between Ostrel and Vannick stopped running on Monday after a fault in its engine room. "
    "The operator said repairs would take a week and that a bus would carry passengers meanwhile."
)
TEXT = (
    "The library of Ostrel reopened on Tuesday after a two-year renovation of its reading rooms. "
    "The mayor thanked the builders and the volunteers who moved forty thousand books."
)


def atom(date: str, text: str = TEXT, entry_id: str = "urn:e1") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f"<entry><id>{entry_id}</id><title>Library</title><updated>{date}</updated><summary>{text}</summary></entry></feed>"
    )


def rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><guid>{guid}</guid><title>t</title><pubDate>{date}</pubDate><description>{text}</description></item>"
        for guid, date, text in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'


def page(body: str, head: str = "<title>Ostrel Courier</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def write(name: str | bytes, data: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        target = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(target, "wb") as handle:
            handle.write(raw)

    return make


def link(name: str, target: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        if os.path.isabs(target) and not os.path.exists(target):
            pytest.skip(f"{target} does not exist here")
        os.symlink(target, folder / name)

    return make


def fifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        os.mkfifo(folder / name)

    return make


def parquet(name: str, cut: int = 0, **columns: list[object]) -> Callable[[Path], None]:
    """A Parquet file of these columns, its last ``cut`` bytes cut off."""

    def make(folder: Path) -> None:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        pq.write_table(pa.table(columns), folder / name)
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) - cut])

    return make


def run(folder: Path, db: Path) -> tuple[IngestReport, dict[str, Article]]:
    """Ingest the folder in a thread (with its own store connection), so that a hang fails the
    test instead of stalling the suite; the report and the stored articles by id."""
    result: list[tuple[IngestReport, dict[str, Article]]] = []

    def work() -> None:
        with Store(db) as store:
            report = ingest(store, [folder])
            result.append((report, {s.article.id: s.article for s in store.articles()}))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(120)
    assert result, "ingest hung or raised"
    return result[0]


Check = Callable[[IngestReport, dict[str, Article]], None]


def rejected(reason: str) -> Check:
    def check(report: IngestReport, stored: dict[str, Article]) -> None:
        bad = [r for r in report.rejections if "good" not in r.path]
        assert bad and all(reason in r.reason for r in bad), [str(r) for r in report.rejections]

    return check


def stored_as(predicate: Callable[[Article], bool], count: int = 1) -> Check:
    def check(report: IngestReport, stored: dict[str, Article]) -> None:
        found = [a for a in stored.values() if "good" not in a.path]
        assert len(found) == count and all(predicate(a) for a in found), found
        assert not report.rejections, [str(r) for r in report.rejections]

    return check


NESTED = "<div>" * 10_000 + f"<p>{TEXT}</p>" + "</div>" * 10_000
COOKIES = (
    "<div class='banner'><p>We use cookies to improve your experience and to show you relevant advertising. "
    "By continuing to browse you agree to our use of cookies. You can change your preferences at any time.</p>"
    "<button>Accept all</button><button>Manage preferences</button></div>"
    "<footer><p>\u00a9 2024 Ostrel Media Group. All rights reserved.</p></footer>"
)

CASES: list[tuple[str, Callable[[Path], None], Check]] = [
    # One bad file lost the whole batch: each of these raised out of the reader.
    ("atom date of year 0", write("zero.atom", atom("0000-00-00T00:00:00Z")), rejected("invalid date")),
    ("atom date of year 1 east of UTC", write("one.atom", atom("0001-01-01T00:00:00+14:00")),
     rejected("implausible publication date 0001-01-01")),
    ("lone surrogate in a JSONL id", write("s.jsonl", '{"id": "\\ud800", "text": "' + TEXT + '"}\n'),
     stored_as(lambda a: a.id == "\ufffd")),
    ("lone surrogate in JSONL text", write("s.jsonl", '{"id": "s", "text": "\\udfff ' + TEXT + '"}\n'),
     stored_as(lambda a: a.text.startswith("\ufffd ") and a.id == "s")),
    ("file name with non-UTF-8 bytes", write(b"caf\xe9-\xff.txt", GOOD.replace("ferry", "tram")),
     stored_as(lambda a: a.path.endswith("caf\\xe9-\\xff.txt") and a.id == "caf\\xe9-\\xff")),
    ("JSONL line of 100,000 '['", write("deep.jsonl", "[" * 100_000 + "\n"), rejected("nested too deeply")),
    ("symlink *.txt to /dev/zero", link("zero.txt", "/dev/zero"), rejected("not a regular file (a character device)")),
    ("symlink *.txt to /dev/urandom", link("random.txt", "/dev/urandom"), rejected("not a regular file")),
    ("named pipe *.txt in the folder", fifo("pipe.txt"), rejected("not a regular file (a named pipe)")),
    ("symlink loop", link("loop.txt", "loop.txt"), rejected("cannot read: Too many levels of symbolic links")),
    # Data silently lost or wrong.
    ("20 feed entries sharing one guid",
     write("guid.rss", rss([("g", "Tue, 05 Mar 2024 10:00:00 +0000", f"Story {i}: {TEXT}") for i in range(20)])),
     stored_as(lambda a: a.id.startswith("g"), count=20)),
    ("seed file with a byte-order mark", write("bom.txt", codecs.BOM_UTF8 + f" date 2024-03-06 {TEXT}".encode()),
     stored_as(lambda a: a.published == dt.date(2024, 3, 6) and a.text.startswith("The library"))),
    ("CR-only line ends", write("cr.txt", f"date: 2024-03-06\r\r{TEXT}\rSecond line.\r"),
     stored_as(lambda a: a.published == dt.date(2024, 3, 6) and a.text.endswith("\nSecond line."))),
    ("cookie-banner page", write("cookies.html", page(COOKIES)), rejected("only notices")),
    ("page dated only by its copyright line",
     write("copyright.html", page(f"<article><p>{TEXT}</p><p>{TEXT}</p></article>"
                                  "<footer><p>\u00a9 2024 Ostrel Media Group.</p></footer>")),
     stored_as(lambda a: a.published is None)),
    ("feed year 10000", write("y10k.atom", atom("10000-12-01T00:00:00Z")), rejected("invalid date")),
    ("feed date in its own time zone", write("late.atom", atom("2024-03-05T23:30:00-05:00")),
     stored_as(lambda a: a.published == dt.date(2024, 3, 5))),
    ("RSS date in its own time zone", write("late.rss", rss([("l", "Tue, 05 Mar 2024 23:30:00 -0500", TEXT)])),
     stored_as(lambda a: a.published == dt.date(2024, 3, 5))),
    ("UTF-16 without BOM", write("u16.txt", f"date: 2024-03-06\n\n{TEXT}".encode("utf-16-le")),
     stored_as(lambda a: a.text == TEXT)),
    ("Chinese UTF-16 without BOM",
     write("u16zh.txt", "date: 2024-03-06\n\n\u5e02\u8bae\u4f1a\u5468\u4e8c\u6295\u7968\u3002\u5de5\u7a0b\u4e00\u5e74\u3002"
           .encode("utf-16-be")), stored_as(lambda a: a.text.startswith("\u5e02"))),
    ("10,000-level nested HTML", write("nested.html", page(NESTED)), stored_as(lambda a: TEXT in a.text)),
    ("10,000-level nested HTML in a feed entry",
     write("nested.rss", rss([("n", "Tue, 05 Mar 2024 10:00:00 +0000", NESTED.replace("<", "&lt;"))])),
     stored_as(lambda a: a.text == TEXT)),
    ("empty JSONL file", write("empty.jsonl", b""), rejected("empty file")),
    ("empty folder", lambda folder: (folder / "nothing").mkdir(), lambda r, s: None),
    # Terminal escapes never stored in an id or title.
    ("escape sequences in a JSONL id and title",
     write("esc.jsonl", json.dumps({"id": "\u001b]0;PWNED\u0007", "title": "\u001b[31mred", "text": TEXT}) + "\n"),
     stored_as(lambda a: a.id == "]0;PWNED" and a.title == "[31mred")),
    ("JSONL id made only of control characters", write("bell.jsonl", json.dumps({"id": "\u0007", "text": TEXT}) + "\n"),
     stored_as(lambda a: a.id == "bell")),
    ("JSONL with a number for text", write("types.jsonl", '{"id": "n", "text": 42}\n'), rejected("'text' is a int")),
    ("JSONL with a list for id", write("types.jsonl", '{"id": ["x"], "text": "' + TEXT + '"}\n'), rejected("'id' is a list")),
    ("JSONL date of 2024-02-30", write("d.jsonl", json.dumps({"id": "d", "text": TEXT, "date": "2024-02-30"}) + "\n"),
     rejected("invalid date '2024-02-30'")),
    ("date 9999-12-31", write("d.txt", f"date: 9999-12-31\n\n{TEXT}"), rejected("implausible publication date 9999-12-31")),
    ("Parquet file cut short", parquet("cut.parquet", cut=30, text=[TEXT]), rejected("not a Parquet file, or one cut short")),
    ("Parquet with a number for text", parquet("n.parquet", text=[42]), rejected("column 'text' is int64, not a string")),
    ("Parquet of good rows", parquet("ok.parquet", id=["pq"], date=["2024-03-06"], text=[TEXT]),
     stored_as(lambda a: a.id == "pq" and a.published == dt.date(2024, 3, 6))),
    ("named pipe *.parquet in the folder", fifo("pipe.parquet"), rejected("not a regular file (a named pipe)")),
]


@pytest.mark.parametrize(("make", "check"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_is_one_rejection_and_the_batch_goes_on(
    tmp_path: Path, make: Callable[[Path], None], check: Check
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    make(folder)
    report, stored = run(folder, tmp_path / "test.db")
    assert "good" in stored and stored["good"].published == dt.date(2024, 3, 5)
    assert not any("cannot be read (" in r.reason for r in report.rejections), "a reader let an exception out"
    check(report, stored)


def test_one_bad_file_of_each_kind_loses_no_good_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(70):
        (folder / f"good-{i:02d}.txt").write_text(GOOD.replace("Monday", f"day {i}"), encoding="utf-8")
    for _, make, _ in CASES[:10]:
        make(folder)
    report, stored = run(folder, tmp_path / "test.db")
    paths = {a.path for a in stored.values()}
    assert {str(folder / f"good-{i:02d}.txt") for i in range(70)} <= paths
    assert len(report.rejections) >= 6


def test_empty_and_unreadable_folders_are_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("not an article", encoding="utf-8")
    items = list(read_articles([empty]))
    assert [(r.path, r.reason.split(" (")[0]) for r in items if isinstance(r, Rejection)] == [
        (str(empty), "no article files in the folder")
    ]
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    os.chmod(locked / "inner", 0)
    try:
        if os.access(locked / "inner", os.R_OK):
            pytest.skip("running as a user who can read any folder")
        items = list(read_articles([locked]))
        assert any(isinstance(r, Rejection) and r.reason.startswith("cannot read folder") for r in items)
    finally:
        os.chmod(locked / "inner", 0o700)


@pytest.mark.parametrize(
    ("setting", "value", "content", "name", "reason"),
    [
        ("max_article_chars", "1000", GOOD + " More." * 300, "long.txt",
         "over the 1,000-character limit (max_article_chars)"),
        ("max_sentence_chars", "500", "date: 2024-03-05\n\n" + "word " * 200, "run.txt",
         "over the 500-character limit (max_sentence_chars)"),
        ("max_feed_entries", "5", rss([(f"g{i}", "Tue, 05 Mar 2024 10:00:00 +0000", TEXT) for i in range(6)]), "f.rss",
         "feed has 6 entries, over the 5-entry limit (max_feed_entries)"),
        ("max_bytes", "200", GOOD, "big.txt", "over the 200-byte limit (max_bytes"),
        ("earliest_year", "2025", GOOD, "old.txt", "implausible publication date 2024-03-05"),
    ],
)
def test_limits_are_enforced_and_named(
    tmp_path: Path, store: Store, setting: str, value: str, content: str, name: str, reason: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    settings = Settings().with_values({setting: value})
    report = ingest(store, [tmp_path / name], ReadOptions(max_bytes=settings.max_bytes), settings=settings)
    assert not report.added
    (rejection,) = report.rejections
    assert reason in rejection.reason and rejection.path.endswith(name)


def test_over_long_jsonl_line_is_skipped_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a", "text": "x" * 5000}) + "\n")
        handle.write(json.dumps({"id": "b", "text": TEXT}) + "\n")
    items = list(read_articles([path], ReadOptions(max_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["Rejection", "Article"]
    assert items[0].line == 1 and "1,000-byte limit" in str(items[0])  # type: ignore[union-attr]


def test_an_article_about_cookies_is_not_a_cookie_notice(tmp_path: Path) -> None:
    text = ("The data regulator fined a publisher on Tuesday for setting advertising cookies before readers gave "
            "their consent. The publisher said its cookie banner had asked readers to accept all cookies or manage "
            "their preferences, and that it would appeal. Privacy campaigners said the decision would make sites "
            "ask for consent in plain words. The fine is the largest the regulator has imposed for cookies. ")
    path = tmp_path / "fine.html"
    path.write_text(page(f"<article><p>{text}</p><p>{text}</p></article>"), encoding="utf-8")
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article) and "regulator" in article.text
