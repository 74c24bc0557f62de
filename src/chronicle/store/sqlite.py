"""SQLite store with versioned migrations, WAL and one transaction per batch.

Writes are grouped in transactions by the caller (:meth:`Store.transaction`): a process
killed mid-batch loses at most the open transaction, never leaves half an article, and
the next run finds the missing articles absent and adds them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from chronicle.errors import StoreError
from chronicle.models import Article, StoredArticle

__all__ = ["SCHEMA_VERSION", "Store"]

_APPLICATION = "chronicle"

#: Migrations in order; the schema version is the number applied (PRAGMA user_version).
#: Never edit a released migration: add a new one.
_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        path TEXT,
        duplicate_of TEXT REFERENCES articles(id),
        similarity REAL,
        minhash BLOB,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        pipeline TEXT NOT NULL,
        data TEXT NOT NULL
    );
    """,
    # 2: an article can hold analyses of several pipelines (the fast sentence/time pass and
    # the full language pipeline), each replaced on its own.
    """
    CREATE TABLE analyses_v2 (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        pipeline TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, pipeline)
    );
    INSERT INTO analyses_v2 SELECT article_id, pipeline, data FROM analyses;
    DROP TABLE analyses;
    ALTER TABLE analyses_v2 RENAME TO analyses;
    """,
    # 3: one extraction path keyed by a computed fingerprint; a failed analysis is kept with its
    # error (and retried), not as an empty result. Analyses are caches: the old ones go.
    """
    DELETE FROM analyses;
    ALTER TABLE analyses ADD COLUMN error TEXT;
    """,
)

SCHEMA_VERSION = len(_MIGRATIONS)

_ARTICLE_COLUMNS = "id, title, source, url, published, text, content_hash, path, duplicate_of, similarity"


def _row_to_stored(row: sqlite3.Row) -> StoredArticle:
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    article = Article(
        id=row["id"],
        text=row["text"],
        published=published,
        title=row["title"],
        source=row["source"],
        url=row["url"],
        path=row["path"],
        content_hash=row["content_hash"],
    )
    return StoredArticle(article, row["duplicate_of"], row["similarity"])


class Store:
    """A chronicle store in one SQLite file (``":memory:"`` for a throw-away one)."""

    def __init__(self, path: str | Path = "chronicle.db") -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                # WAL with synchronous=NORMAL survives a killed process; only power loss can drop
                # the last commits, and never corrupts the file.
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable chronicle store ({exc})") from exc
        self._depth = 0

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables:
            raise StoreError(f"{self.path}: an SQLite file that is not a chronicle store")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this chronicle knows "
                f"({SCHEMA_VERSION}); upgrade chronicle"
            )
        if version:
            app = self._db.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
            if app is None or app[0] != _APPLICATION:
                raise StoreError(f"{self.path}: an SQLite file that is not a chronicle store")
        for number in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                if number == 0:
                    self._db.execute("INSERT INTO meta VALUES ('application', ?)", (_APPLICATION,))
                self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def integrity_check(self) -> str:
        """SQLite's own check plus ours: every copy points at an article that is stored."""
        result = str(self._db.execute("PRAGMA integrity_check").fetchone()[0])
        if result != "ok":
            return result
        dangling = self._db.execute(
            "SELECT count(*) FROM articles a WHERE duplicate_of IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)"
        ).fetchone()[0]
        return "ok" if not dangling else f"{dangling} copies point at missing articles"

    # -- articles ----------------------------------------------------------------------
    def content_hash_of(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def original_with_hash(self, content_hash: str) -> str | None:
        """The id of the kept (non-copy) article with exactly this normalized text."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY rowid LIMIT 1",
            (content_hash,),
        ).fetchone()
        return None if row is None else str(row[0])

    def add_article(
        self,
        article: Article,
        *,
        signature: bytes | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
    ) -> None:
        """Insert or replace an article (a changed text replaces the old one and its analysis)."""
        with self.transaction():
            self._db.execute("DELETE FROM analyses WHERE article_id = ?", (article.id,))
            self._db.execute(
                "INSERT INTO articles (id, title, source, url, published, text, content_hash, path, "
                "duplicate_of, similarity, minhash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET title=excluded.title, source=excluded.source, "
                "url=excluded.url, published=excluded.published, text=excluded.text, "
                "content_hash=excluded.content_hash, path=excluded.path, duplicate_of=excluded.duplicate_of, "
                "similarity=excluded.similarity, minhash=excluded.minhash, ingested_at=excluded.ingested_at",
                (
                    article.id,
                    article.title,
                    article.source,
                    article.url,
                    article.published.isoformat() if article.published else None,
                    article.text,
                    article.content_hash,
                    article.path,
                    duplicate_of,
                    similarity,
                    signature,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """MinHash signatures of the kept articles, for rebuilding the near-copy index."""
        for row in self._db.execute(
            "SELECT id, minhash FROM articles WHERE duplicate_of IS NULL AND minhash IS NOT NULL ORDER BY rowid"
        ):
            yield str(row[0]), bytes(row[1])

    def article_identity(self, article_id: str) -> tuple[str, str | None] | None:
        """The content hash and source path of the stored article with this id, if any."""
        row = self._db.execute("SELECT content_hash, path FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else (str(row[0]), row[1])

    def get_article(self, article_id: str) -> StoredArticle | None:
        row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _row_to_stored(row)

    def articles(
        self,
        *,
        include_copies: bool = True,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[StoredArticle]:
        """Stored articles by publication date (undated last), then id."""
        clauses, params = [], []
        if not include_copies:
            clauses.append("duplicate_of IS NULL")
        if since is not None:
            clauses.append("published >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("published <= ?")
            params.append(until.isoformat())
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} "
            "ORDER BY published IS NULL, published, id",
            params,
        )
        return [_row_to_stored(r) for r in rows]

    def article_ids(self, *, include_copies: bool = True) -> list[str]:
        """The ids of stored articles, in the order of :meth:`articles` (no text is read)."""
        where = "" if include_copies else "WHERE duplicate_of IS NULL"
        rows = self._db.execute(f"SELECT id FROM articles {where} ORDER BY published IS NULL, published, id")
        return [str(r[0]) for r in rows]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- analyses ----------------------------------------------------------------------
    def save_analysis(
        self, article_id: str, pipeline: str, data: dict[str, Any], *, error: str | None = None
    ) -> None:
        """Keep an article's extraction result, tagged with the fingerprint of the code that made it.

        An older version's result for the same pipeline family (the part before ``/``) is
        replaced, so stale analyses never pile up. With ``error`` the analysis failed: it is
        kept for the record (:meth:`failed_analyses`) but never served as a result.
        """
        family = pipeline.split("/", 1)[0] + "/%"
        with self.transaction():
            self._db.execute(
                "DELETE FROM analyses WHERE article_id = ? AND pipeline LIKE ? AND pipeline != ?",
                (article_id, family, pipeline),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO analyses (article_id, pipeline, data, error) VALUES (?, ?, ?, ?)",
                (article_id, pipeline, json.dumps(data, ensure_ascii=False, separators=(",", ":")), error),
            )

    def analyses(self, pipeline: str, article_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
        """Stored extraction results made by ``pipeline``, by article id (failed ones left out)."""
        rows = self._db.execute(
            "SELECT article_id, data FROM analyses WHERE pipeline = ? AND error IS NULL", (pipeline,)
        )
        wanted = None if article_ids is None else set(article_ids)
        out: dict[str, dict[str, Any]] = {}
        for article_id, data in rows:
            if wanted is None or article_id in wanted:
                out[str(article_id)] = json.loads(data)
        return out

    def analysed_ids(self, pipeline: str) -> set[str]:
        """The articles with a result made by ``pipeline`` (failed ones left out), without reading it."""
        rows = self._db.execute("SELECT article_id FROM analyses WHERE pipeline = ? AND error IS NULL", (pipeline,))
        return {str(r[0]) for r in rows}

    def failed_analyses(self, pipeline: str) -> dict[str, str]:
        """The articles whose analysis by ``pipeline`` failed, with the error."""
        rows = self._db.execute(
            "SELECT article_id, error FROM analyses WHERE pipeline = ? AND error IS NOT NULL", (pipeline,)
        )
        return {str(article_id): str(error) for article_id, error in rows}
