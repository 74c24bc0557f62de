"""The Parquet reader on files we write with pyarrow: well-formed and hostile, whole and in parts."""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from chronicle.ingest import ReadOptions, detect_format, read_articles
from chronicle.ingest.readers import file_parts, read_file, read_part, whole_file
from chronicle.models import Article, Rejection
from chronicle.settings import Settings

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TEXTS = [
    "The ferry between Ostrel and Vannick stopped running on Monday after a fault in its engine room.",
    "The operator said on Tuesday that repairs would take a week and that a bus would carry passengers.",
    "Engineers from the shipyard in Vannick found a cracked shaft on Wednesday, the operator said.",
    "The ferry returned to service on Friday, March 8, a day earlier than the operator had said.",
]


def table(**columns: object) -> Callable[[Path], None]:
    """A maker of a Parquet file of these columns (each a list, or a (list, arrow type) pair)."""

    def make(path: Path) -> None:
        arrays = {k: pa.array(v[0], v[1]) if isinstance(v, tuple) else pa.array(v) for k, v in columns.items()}
        pq.write_table(pa.table(arrays), path, row_group_size=2)

    return make


def raw(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def cut_short(path: Path) -> None:
    table(text=TEXTS)(path)
    path.write_bytes(path.read_bytes()[:-30])


def broken_row_group(path: Path) -> None:
    """Four rows in two row groups, the second's text column overwritten with bytes that are no page."""
    pq.write_table(pa.table({"id": ["b1", "b2", "b3", "b4"], "text": TEXTS}), path, row_group_size=2,
                   compression="none")
    chunk = pq.read_metadata(path).row_group(1).column(1)
    start = chunk.dictionary_page_offset or chunk.data_page_offset
    data = bytearray(path.read_bytes())
    data[start : start + chunk.total_compressed_size] = b"\xff" * chunk.total_compressed_size
    path.write_bytes(bytes(data))


def patched(old: bytes, new: bytes, **columns: object) -> Callable[[Path], None]:
    """A maker of a file of these columns, uncompressed, with some of its bytes then replaced."""

    def make(path: Path) -> None:
        pq.write_table(pa.table(columns), path, compression="none", store_schema=False)
        path.write_bytes(path.read_bytes().replace(old, new))

    return make


def duplicate_text(path: Path) -> None:
    schema = pa.schema([("text", pa.string()), ("text", pa.string())])
    pq.write_table(pa.Table.from_arrays([pa.array(TEXTS[:1]), pa.array(TEXTS[1:2])], schema=schema), path)


NY = pa.timestamp("s", tz="America/New_York")
DAY = dt.date(2024, 3, 5)
# Each case: a file we write, and what reading it gives, row by row: an article as
# "id published" (with "| title" when it has one), a rejection as ":line reason" (a part of it).
CASES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    ("every field, string dates", table(
        id=["f1", "f2"], text=TEXTS[:2], published=["2024-03-04", "2024-03-05T23:30:00-05:00"],
        title=["Ferry stops", None], url=["https://wire.example/1", None], source=["Wire", "Wire"]),
     ["f1 2024-03-04 | Ferry stops", "f2 2024-03-05"]),
    ("date aliases: the first with a value wins", table(
        id=["a1", "a2", "a3"], text=TEXTS[:3], published=[None, "", "2024-03-06"], date=["2024-03-04", None, None],
        time=["2024-03-01", "2024-03-05", "2024-03-01"]),
     ["a1 2024-03-04", "a2 2024-03-05", "a3 2024-03-06"]),
    ("date32 column", table(text=TEXTS[:2], date=([DAY, None], pa.date32())), ["x-1 2024-03-05", "x-2 None"]),
    ("timestamp in its own time zone", table(
        text=TEXTS[:2], published=([dt.datetime(2024, 3, 6, 4, 30), dt.datetime(2024, 3, 6, 5, 30)], NY)),
     ["x-1 2024-03-05", "x-2 2024-03-06"]),
    ("timestamp without a zone", table(text=TEXTS[:1], published=([dt.datetime(2024, 3, 5, 23, 59)], pa.timestamp("ms"))),
     ["x-1 2024-03-05"]),
    ("a time of day is no date", table(text=TEXTS[:1], date=["2024-03-05"], time=([dt.time(9, 30)], pa.time64("us"))),
     ["x-1 2024-03-05"]),
    ("integer ids, and none: the stem and the row", table(id=[7, None, 0], text=TEXTS[:3]),
     ["7 None", "x-2 None", "x-3 None"]),
    ("an id repeated in the file is made distinct", table(id=["dup"] * 3, text=TEXTS[:3]),
     ["dup None", "dup#2 None", "dup#3 None"]),
    ("text without its UTF-8 mark (binary)", table(text=([t.encode() for t in TEXTS[:1]], pa.binary())), ["x-1 None"]),
    ("large and view string types", table(
        text=(TEXTS[:2], pa.string_view()), title=(["Ferry", "Shaft"], pa.large_string()), date=(["2024-03-04", None], pa.large_string())),
     ["x-1 2024-03-04 | Ferry", "x-2 None | Shaft"]),
    ("a title that is not text is left out, as in JSON Lines", table(text=TEXTS[:1], title=[5]), ["x-1 None"]),
    ("columns we do not read are not read", table(text=TEXTS[:1], body=[[1, 2]], extra=[{"a": 1}]), ["x-1 None"]),
    # Rows that are not articles, each named by its row; the others are read.
    ("no text, empty text, blank text", table(id=["n1", "n2", "n3", "n4"], text=[None, "", "  \n", TEXTS[0]]),
     [":1 no 'text'", ":2 no 'text'", ":3 no 'text'", "n4 None"]),
    ("an invalid date string", table(text=TEXTS[:2], date=["2024-02-30", "2024-03-05"]),
     [":1 invalid date '2024-02-30'", "x-2 2024-03-05"]),
    ("a day outside years 1-9999", lambda p: pq.write_table(pa.table(
        {"text": TEXTS[:2], "date": pa.array([3_000_000, 19_787], pa.int32()).cast(pa.date32())}), p),
     [":1 invalid date: day 3,000,000 from 1970-01-01", "x-2 2024-03-05"]),
    ("an implausible date", table(text=TEXTS[:1], date=["1066-10-14"]), [":1 implausible publication date 1066-10-14"]),
    ("a row over max_bytes", table(id=["big", "ok"], text=["word " * 400, TEXTS[0]]),
     [":1 row is over the 1,000-byte limit (max_bytes)", "ok None"]),
    ("a title that takes a row over max_bytes", table(text=TEXTS[:1], title=["T" * 2000]), [":1 row is over the 1,000-byte"]),
    ("bytes that are no UTF-8 in a string column", patched(b"Monday", b"Mo\xffday", text=TEXTS[:1]), ["x-1 None"]),
    ("a row group that cannot be decoded", broken_row_group,
     ["b1 None", "b2 None", ":3 rows 3-4 (row group 2) cannot be read"]),
    # Files that are not articles at all: one rejection naming the file.
    ("an empty file", raw(b""), [": empty file"]),
    ("a file of no rows", table(text=([], pa.string())), [": empty file"]),
    ("a text file named .parquet", raw(b"The ferry stopped on Monday.\n"), [": not a Parquet file, or one cut short or damaged"]),
    ("a file cut short", cut_short, [": not a Parquet file, or one cut short or damaged"]),
    ("the magic bytes and nothing else", raw(b"PAR1PAR1"), [": not a Parquet file, or one cut short or damaged"]),
    ("no text column", table(body=TEXTS[:1], headline=["x"]), [": no 'text' column (its columns: 'body', 'headline')"]),
    ("a text column of numbers", table(text=[1, 2]), [": column 'text' is int64, not a string"]),
    ("a text column of lists", table(text=[["a"], ["b"]]), [": column 'text' is list<"]),
    ("an id column of floats", table(id=[1.5], text=TEXTS[:1]), [": column 'id' is double, not a string or an integer"]),
    ("a date column of booleans", table(text=TEXTS[:1], published=[True]),
     [": column 'published' is bool, not a date, a timestamp or a string"]),
    ("two text columns", duplicate_text, [": 2 columns are named 'text'"]),
    ("a column name that is no UTF-8", patched(b"zzzz", b"\xff\xfe\xfd\xfc", text=TEXTS[:1], zzzz=[1]),
     [": not a Parquet file, or one cut short or damaged"]),
]


def summary(item: Article | Rejection) -> str:
    if isinstance(item, Rejection):
        return f":{item.line or ''} {item.reason}"
    published = item.published.isoformat() if item.published else None
    return f"{item.id} {published}" + (f" | {item.title}" if item.title else "")


@pytest.mark.parametrize(("make", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_row_is_an_article_or_a_named_rejection(
    tmp_path: Path, make: Callable[[Path], None], expected: list[str]
) -> None:
    path = tmp_path / "x.parquet"
    make(path)
    got = list(read_articles([path], ReadOptions(max_bytes=1000)))
    assert all(item.path == str(path) for item in got)
    summaries = [summary(item) for item in got]
    assert len(summaries) == len(expected), summaries
    for found, wanted in zip(summaries, expected, strict=True):
        assert found.startswith(wanted) if wanted.startswith(":") else found == wanted


@pytest.mark.parametrize("make", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_a_file_read_in_parts_gives_what_it_gives_whole(tmp_path: Path, make: Callable[[Path], None]) -> None:
    path = tmp_path / "x.parquet"
    make(path)
    options = ReadOptions(max_bytes=1000)
    parts = file_parts(path, options, rows=1)
    assert list(whole_file(path, [read_part(path, options, p) for p in parts])) == list(read_file(path, options))


@pytest.mark.parametrize("compression", ["none", "snappy", "zstd"])
def test_damaged_files_are_rejected_by_the_reader_never_by_the_catch_all(tmp_path: Path, compression: str) -> None:
    """Bytes flipped, dropped and inserted anywhere in a good file (seeded: the same every run)."""
    rows = [{"id": f"r{i}", "date": "2024-03-05", "title": "Ferry", "text": TEXTS[i % 4]} for i in range(30)]
    good = tmp_path / "good.parquet"
    pq.write_table(pa.Table.from_pylist(rows), good, row_group_size=7, compression=compression)
    rng = random.Random(20261204)
    path = tmp_path / "damaged.parquet"
    for _ in range(150):
        data = bytearray(good.read_bytes())
        for _ in range(rng.randint(1, 12)):  # up to 40 bytes replaced by up to 8: flipped, dropped, inserted
            at = rng.randrange(len(data))
            data[at : at + rng.randint(0, 40)] = rng.randbytes(rng.randint(0, 8))
        path.write_bytes(bytes(data))
        items = list(read_file(path, ReadOptions()))
        assert items and all(i.path == str(path) for i in items)
        assert not [str(i) for i in items if isinstance(i, Rejection) and i.reason.startswith("cannot be read (")]


def test_a_large_file_is_split_at_row_groups(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    pq.write_table(pa.table({"text": [f"Report {i}." for i in range(10)]}), path, row_group_size=2)
    assert file_parts(path, ReadOptions(), rows=3) == [range(0, 2), range(2, 4), range(4, 5)]
    assert file_parts(path, ReadOptions(), rows=100) == [range(0, 5)]
    # Read as another format, or not a Parquet file: one part, the whole file.
    assert file_parts(path, ReadOptions(format="jsonl"), rows=3) == [range(0)]
    (tmp_path / "a.txt").write_text("date: 2024-03-05\n\nText.", encoding="utf-8")
    assert file_parts(tmp_path / "a.txt", ReadOptions(), rows=3) == [range(0)]


def test_limits_and_the_date_option_are_those_of_every_reader(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    table(text=[TEXTS[0] * 20, TEXTS[1]])(path)
    options = ReadOptions(date=dt.date(2024, 3, 1), settings=Settings(max_article_chars=1000))
    (long, short) = read_articles([path], options)
    assert isinstance(long, Rejection) and "over the 1,000-character limit (max_article_chars)" in long.reason
    assert isinstance(short, Article) and short.published == dt.date(2024, 3, 1)


def test_format_is_detected_by_name_and_by_magic_bytes(tmp_path: Path) -> None:
    assert detect_format(tmp_path / "a.parquet", b"") == "parquet"
    path = tmp_path / "articles.dat"
    table(text=TEXTS[:1])(path)
    assert detect_format(path, path.read_bytes()[:4096]) == "parquet"
    (article,) = read_articles([path])
    assert isinstance(article, Article) and article.id == "articles-1"


def test_forced_format_reads_any_name(tmp_path: Path) -> None:
    path = tmp_path / "articles.bin"
    table(text=TEXTS[:1])(path)
    (article,) = read_articles([path], ReadOptions(format="parquet"))
    assert isinstance(article, Article)


def test_a_folder_of_shards_is_read_in_name_order(tmp_path: Path) -> None:
    for n in (2, 1):
        table(id=[f"s{n}-a", f"s{n}-b"], text=TEXTS[2 * n - 2 : 2 * n])(tmp_path / f"part-{n}.parquet")
    assert [summary(a) for a in read_articles([tmp_path])] == ["s1-a None", "s1-b None", "s2-a None", "s2-b None"]


def test_without_pyarrow_the_file_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.parquet"
    table(text=TEXTS[:1])(path)
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.setitem(sys.modules, name, None)  # type: ignore[arg-type]
    (rejection,) = read_articles([path])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "reading Parquet needs pyarrow: pip install 'chronicle[parquet]'"
    assert file_parts(path, ReadOptions(), rows=1) == [range(0)]


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.parquet")
    assert file_parts(tmp_path / "pipe.parquet", ReadOptions(), rows=1) == [range(0)]
    (rejection,) = read_articles([tmp_path / "pipe.parquet"])
    assert isinstance(rejection, Rejection) and rejection.reason == "not a regular file (a named pipe)"
