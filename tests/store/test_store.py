"""The SQLite store: migrations, refusing foreign files, articles and analyses."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from chronicle.errors import StoreError
from chronicle.ingest.decode import content_hash
from chronicle.models import Article
from chronicle.store import SCHEMA_VERSION, Store


def make_article(article_id: str, text: str, day: dt.date | None = dt.date(2024, 1, 10)) -> Article:
    return Article(id=article_id, text=text, published=day, source="Test Wire", content_hash=content_hash(text))


def test_new_store_is_at_latest_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.integrity_check() == "ok"
    with Store(tmp_path / "s.db") as again:  # reopening migrates nothing and keeps the data
        assert again.schema_version == SCHEMA_VERSION


def test_refuses_an_sqlite_file_of_someone_else(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a chronicle store"):
        Store(path)


def test_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_articles_round_trip_and_order(store: Store) -> None:
    store.add_article(make_article("b", "Second text."), signature=b"x" * 8)
    store.add_article(make_article("a", "First text.", dt.date(2023, 5, 1)))
    store.add_article(make_article("u", "Undated text.", None))
    store.add_article(make_article("c", "Second text."), duplicate_of="b", similarity=1.0)
    assert [s.article.id for s in store.articles()] == ["a", "b", "c", "u"]
    assert [s.article.id for s in store.articles(include_copies=False)] == ["a", "b", "u"]
    copy = store.get_article("c")
    assert copy is not None and copy.duplicate_of == "b" and copy.similarity == 1.0
    assert store.original_with_hash(content_hash("Second text.")) == "b"
    assert list(store.signatures()) == [("b", b"x" * 8)]
    assert store.articles(since=dt.date(2024, 1, 1))[0].article.id == "b"


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(make_article("a", "Text."))
        raise RuntimeError("boom")
    assert store.count_articles() == 0


def test_changed_text_drops_stale_analysis(store: Store) -> None:
    store.add_article(make_article("a", "Old text."))
    store.save_analysis("a", "p/1", {"sentences": []})
    assert store.analyses("p/1") == {"a": {"sentences": []}}
    store.add_article(make_article("a", "New text."))
    assert store.analyses("p/1") == {}
    assert store.analyses("p/2") == {}


def test_migration_from_schema_1_keeps_articles_and_drops_old_caches(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('application', 'chronicle');"
        "CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT,"
        " text TEXT NOT NULL, content_hash TEXT NOT NULL, path TEXT, duplicate_of TEXT REFERENCES articles(id),"
        " similarity REAL, minhash BLOB, ingested_at TEXT NOT NULL);"
        "CREATE TABLE analyses (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
        " pipeline TEXT NOT NULL, data TEXT NOT NULL);"
        "INSERT INTO articles VALUES ('a', NULL, NULL, NULL, '2024-01-02', 'Text.', 'h', NULL, NULL, NULL, NULL, 'now');"
        "INSERT INTO analyses VALUES ('a', 'p/1', '{\"k\": 1}');"
        "PRAGMA user_version = 1;"
    )
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        # Analyses are caches keyed by the code that made them: no current code can serve these.
        assert store.analyses("p/1") == {}
        stored = store.get_article("a")
        assert stored is not None and stored.article.text == "Text."
        store.save_analysis("a", "p/1", {"k": 1})
        store.save_analysis("a", "q/1", {"k": 2})  # a second pipeline's analysis sits beside it
        assert store.analyses("p/1") == {"a": {"k": 1}} and store.analyses("q/1") == {"a": {"k": 2}}
        store.save_analysis("a", "p/2", {"k": 3})  # a newer version replaces the older one
        assert store.analyses("p/1") == {} and store.analyses("p/2") == {"a": {"k": 3}}
        assert store.integrity_check() == "ok"


def test_a_failed_analysis_is_kept_with_its_error_but_never_served(store: Store) -> None:
    store.add_article(make_article("a", "Text."))
    store.save_analysis("a", "full/1", {"sentences": []}, error="ValueError: bad parse")
    assert store.analyses("full/1") == {}
    assert store.failed_analyses("full/1") == {"a": "ValueError: bad parse"}
    store.save_analysis("a", "full/1", {"sentences": [[0, 0, 5, []]]})
    assert store.analyses("full/1") == {"a": {"sentences": [[0, 0, 5, []]]}}
    assert store.failed_analyses("full/1") == {}


def test_ids_without_text_in_article_order_and_analysed_ones(store: Store) -> None:
    store.add_article(make_article("late", "Talks resumed on Friday.", dt.date(2024, 1, 12)))
    store.add_article(make_article("early", "Talks began on Monday.", dt.date(2024, 1, 8)))
    store.add_article(make_article("copy", "Talks began on Monday!", dt.date(2024, 1, 8)), duplicate_of="early",
                      similarity=0.9)
    store.add_article(make_article("undated", "Talks go on.", None))
    assert store.article_ids() == [s.article.id for s in store.articles()] == ["copy", "early", "late", "undated"]
    assert store.article_ids(include_copies=False) == ["early", "late", "undated"]
    store.save_analysis("early", "language/abc", {"sentences": []})
    store.save_analysis("late", "language/abc", {}, error="ValueError: bad")
    store.save_analysis("undated", "text/abc", {"sentences": []})
    assert store.analysed_ids("language/abc") == {"early"}
