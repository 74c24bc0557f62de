"""Each reader on a small file written by us, and each kind of bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronicle.ingest import ReadOptions, detect_format, read_articles
from chronicle.models import Article, Rejection


def read(*paths: Path, **options: object) -> tuple[list[Article], list[Rejection]]:
    items = list(read_articles(list(paths), ReadOptions(**options)))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("seed-format.txt", "seed"),
        ("front-matter.md", "text"),
        ("date-line.txt", "text"),
        ("articles.jsonl", "jsonl"),
        ("page.html", "html"),
        ("feed.rss", "feed"),
        ("feed.atom", "feed"),
        ("t17/MiniTopic_source/InputDocs/2024-03-05/1.htm.txt", "t17"),
    ],
)
def test_format_is_detected(readers_dir: Path, name: str, expected: str) -> None:
    path = readers_dir / name
    assert detect_format(path, path.read_bytes()[:4096]) == expected


def test_seed_format(readers_dir: Path) -> None:
    (article,), rejected = read(readers_dir / "seed-format.txt")
    assert not rejected
    assert article.id == "seed-format"
    assert article.published == dt.date(2024, 3, 5)
    assert article.text.startswith("The town council of Fennick")
    assert "date 2024" not in article.text
    assert len(article.content_hash) == 64


def test_front_matter(readers_dir: Path) -> None:
    (article,), _ = read(readers_dir / "front-matter.md")
    assert article.published == dt.date(2024, 3, 5)
    assert article.source == "Fennick Gazette"
    assert article.title == "Fennick closes its old river bridge"
    assert article.url == "https://gazette.example/2024/03/05/bridge-closed"
    assert not article.text.startswith("---")


def test_date_line(readers_dir: Path) -> None:
    (article,), _ = read(readers_dir / "date-line.txt")
    assert article.published == dt.date(2024, 3, 5)
    assert not article.text.lower().startswith("date:")


def test_plain_text_takes_date_option(readers_dir: Path) -> None:
    (undated,), _ = read(readers_dir / "no-date.txt")
    assert undated.published is None
    (dated,), _ = read(readers_dir / "no-date.txt", date=dt.date(2024, 2, 1))
    assert dated.published == dt.date(2024, 2, 1)


def test_jsonl_date_keys_and_news_tls_shape(readers_dir: Path) -> None:
    articles, rejected = read(readers_dir / "articles.jsonl")
    assert not rejected
    assert [a.id for a in articles] == ["fen-001", "fen-002", "fen-003", "fen-004"]
    # A date-time keeps the calendar date of its own time zone.
    assert [a.published for a in articles] == [
        dt.date(2024, 3, 5), dt.date(2024, 3, 6), dt.date(2024, 3, 7), dt.date(2024, 3, 8)
    ]
    assert articles[0].title and articles[0].url and articles[0].source


def test_malformed_jsonl_line_is_named_and_the_rest_is_read(readers_dir: Path) -> None:
    articles, rejected = read(readers_dir / "malformed.jsonl")
    assert [a.id for a in articles] == ["m1", "m3"]
    assert len(rejected) == 1
    assert rejected[0].line == 2
    assert "malformed JSON" in rejected[0].reason
    assert str(rejected[0]).startswith(str(readers_dir / "malformed.jsonl") + ":2:")


def test_t17_layout(readers_dir: Path) -> None:
    articles, rejected = read(readers_dir / "t17")
    assert [a.id for a in articles] == [
        "MiniTopic_source/2024-03-05/1", "MiniTopic_source/2024-03-05/2", "MiniTopic_source/2024-03-06/3"
    ]
    assert articles[2].published == dt.date(2024, 3, 6)
    assert articles[0].source == "source"
    # The empty file is reported; the gold timeline beside InputDocs is not read as an article.
    assert [Path(r.path).name for r in rejected] == ["4.htm.txt"]
    assert rejected[0].reason == "empty file"


def test_html_page(readers_dir: Path) -> None:
    (article,), rejected = read(readers_dir / "page.html")
    assert not rejected
    assert article.published == dt.date(2024, 3, 6)
    assert article.title
    assert "<script" not in article.text and "function(" not in article.text
    assert len(article.text) > 100


@pytest.mark.parametrize(("name", "count"), [("feed.rss", 3), ("feed.atom", 2)])
def test_feeds(readers_dir: Path, name: str, count: int) -> None:
    articles, rejected = read(readers_dir / name)
    assert not rejected
    assert len(articles) == count
    assert all(a.published is not None and a.title and a.url for a in articles)
    assert all("<" not in a.text for a in articles)
    assert len({a.id for a in articles}) == count


def test_wrongly_encoded_file_is_decoded(readers_dir: Path) -> None:
    raw = (readers_dir / "latin1.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    (article,), rejected = read(readers_dir / "latin1.txt")
    assert not rejected
    assert article.source == "Gazette de Fénnaux"
    assert "café" in article.title.lower()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "reason"),
    [("binary.bin", "binary"), ("empty.txt", "empty file")],
)
def test_bad_files_are_rejected_with_reason(readers_dir: Path, name: str, reason: str) -> None:
    articles, rejected = read(readers_dir / name, format="text")
    assert not articles
    assert len(rejected) == 1 and reason in rejected[0].reason
    assert rejected[0].path.endswith(name)


def test_file_over_size_limit_names_the_limit(readers_dir: Path) -> None:
    articles, (rejection,) = read(readers_dir / "front-matter.md", max_bytes=100)
    assert not articles
    assert "100-byte limit" in rejection.reason


def test_missing_path_is_reported_and_batch_goes_on(readers_dir: Path, tmp_path: Path) -> None:
    articles, rejected = read(tmp_path / "nope.txt", readers_dir / "seed-format.txt", readers_dir / "empty.txt")
    assert [a.id for a in articles] == ["seed-format"]
    assert [r.reason for r in rejected] == ["no such file or folder", "empty file"]


def test_hostile_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("date: 2024-01-02\n\n<script>alert(1)</script> Officials met on Monday.", encoding="utf-8")
    (article,), _ = read(path)
    assert article.text.startswith("<script>")


def test_invalid_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("date: 2024-13-45\n\nSome text.", encoding="utf-8")
    articles, (rejection,) = read(path)
    assert not articles and "invalid date" in rejection.reason
