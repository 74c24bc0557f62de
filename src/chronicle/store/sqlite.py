"""SQLite store with versioned migrations, WAL and one transaction per batch.

Writes are grouped in transactions by the caller (:meth:`Store.transaction`): a process
killed mid-batch loses at most the open transaction, never leaves half an article, and
the next run finds the missing articles absent and adds them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
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
    # 4: fast reads. The generation counts writes to the articles (triggers, so no writer can
    # forget it); views computed from one generation are kept until the next write. Full-text
    # search over titles and texts (FTS5, kept in step by triggers). Upload jobs and their reports.
    """
    INSERT OR IGNORE INTO meta VALUES ('generation', '0');
    CREATE TRIGGER articles_generation_insert AFTER INSERT ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'; END;
    CREATE TRIGGER articles_generation_update AFTER UPDATE ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'; END;
    CREATE TRIGGER articles_generation_delete AFTER DELETE ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'; END;
    CREATE TABLE views (
        key TEXT PRIMARY KEY,
        generation INTEGER NOT NULL,
        data BLOB NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text); END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text); END;
    CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        created TEXT NOT NULL,
        finished TEXT,
        files INTEGER NOT NULL,
        report TEXT,
        error TEXT
    );
    """,
    # 5: leases: a process computing analyses says so, and others wait for its results
    # instead of computing the same ones (see :meth:`Store.lease`).
    """
    CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        heartbeat REAL NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(_MIGRATIONS)

#: Seconds a connection waits for another's write lock before giving up (SQLite's busy
#: timeout); writers hold the lock for one batch of inserts, well under a second.
BUSY_TIMEOUT = 60.0
#: A lease whose holder has not written for this long is dead even when its process cannot be
#: checked (another host): a batch of analyses takes a few minutes at most.
LEASE_EXPIRY = 30 * 60.0

_ARTICLE_COLUMNS = "id, title, source, url, published, text, content_hash, path, duplicate_of, similarity"


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration, one by one (a trigger's body holds semicolons of its own),
    so each runs inside the migration's transaction, which ``executescript`` would commit."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


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
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                # Readers never block the writer nor see its open transaction (WAL); a second
                # writer waits for the lock (busy timeout) instead of failing.
                _retry_locked(lambda: self._db.execute("PRAGMA journal_mode = WAL"))
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
        version, tables = self._version_and_tables()
        self._check_version(version, tables)
        if version == SCHEMA_VERSION:
            return
        # Several processes may open a new or old store at once: the version is read again
        # under the write lock, so only the first migrates and the others find it done
        # (reading it before the lock made a second run fail on "table meta already exists").
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version, tables = self._version_and_tables()
            self._check_version(version, tables)
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(_MIGRATIONS[number]):
                    self._db.execute(statement)
                if number == 0:
                    self._db.execute("INSERT INTO meta VALUES ('application', ?)", (_APPLICATION,))
                self._db.execute(f"PRAGMA user_version = {number + 1}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _version_and_tables(self) -> tuple[int, set[str]]:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return version, tables

    def _check_version(self, version: int, tables: set[str]) -> None:
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
        _retry_locked(lambda: self._db.execute("BEGIN IMMEDIATE"))
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
        if dangling:
            return f"{dangling} copies point at missing articles"
        broken = self._db.execute("PRAGMA foreign_key_check").fetchall()
        return "ok" if not broken else f"{len(broken)} rows refer to missing rows ({broken[0][0]})"

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
                    _now(),
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
        clauses: list[str] = []
        params: list[Any] = []
        if not include_copies:
            clauses.append("duplicate_of IS NULL")
        _published_between(since, until, clauses, params)
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
        self, article_id: str, pipeline: str, data: dict[str, Any], *, error: str | None = None,
        content_hash: str | None = None,
    ) -> bool:
        """Keep an article's extraction result, tagged with the fingerprint of the code that made it.

        An older version's result for the same pipeline family (the part before ``/``) is
        replaced, so stale analyses never pile up. With ``error`` the analysis failed: it is
        kept for the record (:meth:`failed_analyses`) but never served as a result.

        With ``content_hash`` (the text the analysis was made from) nothing is saved when the
        stored article now has another text (another process updated it meanwhile): the
        result is False.
        """
        family = pipeline.split("/", 1)[0] + "/%"
        with self.transaction():
            if content_hash is not None and self.content_hash_of(article_id) != content_hash:
                return False
            self._db.execute(
                "DELETE FROM analyses WHERE article_id = ? AND pipeline LIKE ? AND pipeline != ?",
                (article_id, family, pipeline),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO analyses (article_id, pipeline, data, error) VALUES (?, ?, ?, ?)",
                (article_id, pipeline, json.dumps(data, ensure_ascii=False, separators=(",", ":")), error),
            )
        return True

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

    # -- fast reads --------------------------------------------------------------------
    def generation(self) -> int:
        """How many writes the articles have seen: a view made at one generation is valid
        until the next one."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return 0 if row is None else int(row[0])

    def view(self, key: str, generation: int) -> bytes | None:
        """A view saved at ``generation`` under ``key`` (``None`` when missing or stale)."""
        row = self._db.execute(
            "SELECT data FROM views WHERE key = ? AND generation = ?", (key, generation)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def save_view(self, key: str, generation: int, data: bytes, *, rules: str = "") -> bool:
        """Keep a view computed at ``generation``, unless the articles changed meanwhile. Views of
        other generations go, and with ``rules`` so do the views whose keys do not end with it
        (made by other code or settings: after an upgrade they would only take space).

        A view is a cache: when a writer holds the store for longer than the busy timeout, the
        view is not kept (``False``) and the reader still has it; it never fails the read.
        """
        try:
            with self.transaction():
                if self.generation() != generation:
                    return False
                self._db.execute("DELETE FROM views WHERE generation != ?", (generation,))
                if rules:
                    self._db.execute("DELETE FROM views WHERE substr(key, -?) != ?", (len(rules), rules))
                self._db.execute("INSERT OR REPLACE INTO views VALUES (?, ?, ?)", (key, generation, data))
        except sqlite3.OperationalError as exc:
            if not _is_locked(exc):
                raise
            return False
        return True

    def article_page(
        self,
        *,
        query: str | None = None,
        source: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[tuple[StoredArticle, str | None]], int]:
        """One page of stored articles (by date, or by relevance with ``query``), each with a
        snippet of its text around the words of ``query`` (matches between U+E000 and U+E001),
        and how many articles match in all."""
        clauses, params = [], []
        join = ""
        snippet = "NULL"
        order = "published IS NULL, published, id"
        terms = _fts_terms(query or "")
        if query is not None and not terms:
            return [], 0
        if terms:
            join = "JOIN articles_fts ON articles_fts.rowid = articles.rowid"
            clauses.append("articles_fts MATCH ?")
            params.append(terms)
            snippet = "snippet(articles_fts, 1, char(57344), char(57345), '…', 24)"
            order = "bm25(articles_fts), published, id"
        if source is not None:
            clauses.append("source = ?")
            params.append(source)
        _published_between(since, until, clauses, params)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        total = int(self._db.execute(f"SELECT count(*) FROM articles {join} {where}", params).fetchone()[0])
        columns = ", ".join(f"articles.{c.strip()}" for c in _ARTICLE_COLUMNS.split(","))
        rows = self._db.execute(
            f"SELECT {columns}, {snippet} AS snippet FROM articles {join} {where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [(_row_to_stored(r), r["snippet"]) for r in rows], total

    def ids_holding(self, phrases: Iterable[str]) -> set[str]:
        """The ids of the articles (copies included) whose title or text holds any of ``phrases``,
        each as whole words in a row, whatever the case and the marks between them ("swine flu"
        finds "Swine-flu", not "swineflu"), by the full-text index: the articles a search for
        these names needs to read."""
        found: set[str] = set()
        pending = [p for p in dict.fromkeys(_fts_phrase(p) for p in phrases) if p]
        for start in range(0, len(pending), _FTS_PHRASES):
            rows = self._db.execute(
                "SELECT articles.id FROM articles JOIN articles_fts ON articles_fts.rowid = articles.rowid "
                "WHERE articles_fts MATCH ?",
                (" OR ".join(pending[start : start + _FTS_PHRASES]),),
            )
            found.update(str(r[0]) for r in rows)
        return found

    def sources(self) -> list[tuple[str, int]]:
        """Each outlet with its number of articles (copies included), most first."""
        rows = self._db.execute(
            "SELECT coalesce(source, ''), count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, 1"
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        row = self._db.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return (
            dt.date.fromisoformat(row[0]) if row[0] else None,
            dt.date.fromisoformat(row[1]) if row[1] else None,
        )

    # -- upload jobs -------------------------------------------------------------------
    def add_job(self, job_id: str, files: int) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT INTO jobs (id, status, created, files) VALUES (?, 'queued', ?, ?)",
                (job_id, _now(), files),
            )

    def finish_job(self, job_id: str, *, report: dict[str, Any] | None = None, error: str | None = None) -> None:
        with self.transaction():
            self._db.execute(
                "UPDATE jobs SET status = ?, finished = ?, report = ?, error = ? WHERE id = ?",
                ("failed" if error else "done", _now(), None if report is None else json.dumps(report), error,
                 job_id),
            )

    def start_job(self, job_id: str) -> None:
        with self.transaction():
            self._db.execute("UPDATE jobs SET status = 'running' WHERE id = ?", (job_id,))

    def job(self, job_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        return {
            "id": row["id"],
            "status": row["status"],
            "created": row["created"],
            "finished": row["finished"],
            "files": row["files"],
            "report": json.loads(row["report"]) if row["report"] else None,
            "error": row["error"],
        }


    # -- leases ------------------------------------------------------------------------
    @contextmanager
    def lease(self, name: str, *, poll: float = 0.5, waiting: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the lease ``name`` (e.g. one analysis pipeline) while the block runs.

        While another live process holds it, this waits (polling, ``waiting`` called each
        time), so two processes never compute the same thing at once. A lease whose process is
        gone (killed, crashed) is taken over: a holder on this host is checked by its pid,
        one elsewhere by its heartbeat (:meth:`refresh_lease`, :data:`LEASE_EXPIRY`).
        Nested holds of one name in one process join the outer one.
        """
        me = (socket.gethostname(), os.getpid())
        while True:
            with self.transaction():
                row = self._db.execute("SELECT host, pid, heartbeat FROM leases WHERE name = ?", (name,)).fetchone()
                mine = row is not None and (row[0], row[1]) == me
                if row is None or mine or not _alive(row[0], row[1], row[2]):
                    self._db.execute(
                        "INSERT OR REPLACE INTO leases (name, host, pid, heartbeat) VALUES (?, ?, ?, ?)",
                        (name, me[0], me[1], time.time()),
                    )
                    break
            if waiting is not None:
                waiting()
            time.sleep(poll)
        try:
            yield
        finally:
            if not mine:
                with self.transaction():
                    self._db.execute("DELETE FROM leases WHERE name = ? AND host = ? AND pid = ?", (name, *me))

    def refresh_lease(self, name: str) -> None:
        """Say the lease's holder is still at work (a holder on another host is judged by this)."""
        with self.transaction():
            self._db.execute(
                "UPDATE leases SET heartbeat = ? WHERE name = ? AND host = ? AND pid = ?",
                (time.time(), name, socket.gethostname(), os.getpid()),
            )

    def lease_holder(self, name: str) -> int | None:
        """The pid of the live process holding ``name`` (None when it is free or its holder dead)."""
        row = self._db.execute("SELECT host, pid, heartbeat FROM leases WHERE name = ?", (name,)).fetchone()
        return int(row[1]) if row is not None and _alive(row[0], row[1], row[2]) else None


def _alive(host: str, pid: int, heartbeat: float) -> bool:
    """Whether a lease's holder is still running."""
    if host != socket.gethostname():
        return time.time() - heartbeat < LEASE_EXPIRY
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def _retry_locked(step: Callable[[], object], attempts: int = 5) -> None:
    """Run ``step``, trying again when the database stays locked past the busy timeout (a
    writer in a long batch), so "database is locked" reaches the user only after minutes."""
    for attempt in range(attempts):
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if not _is_locked(exc):
                raise
            if attempt == attempts - 1:
                raise StoreError(f"the store stayed locked by another process ({exc})") from exc
            time.sleep(0.1 * 2**attempt)


def _published_between(since: dt.date | None, until: dt.date | None, clauses: list[str],
                       params: list[Any]) -> None:
    """Add the conditions of a publication-date range (both ends inclusive) to a query's."""
    if since is not None:
        clauses.append("published >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("published <= ?")
        params.append(until.isoformat())


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite gave up waiting for another connection's lock (busy timeout passed)."""
    return "locked" in str(exc) or "busy" in str(exc)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


#: Phrases OR-ed in one full-text query (an entity's names with their aliases number in the tens).
_FTS_PHRASES = 200


def _fts_phrase(phrase: str) -> str:
    """A phrase as an FTS5 phrase of its words (``"north korea"``), empty when it has none."""
    words = re.findall(r"\w+", phrase)
    return '"' + " ".join(words) + '"' if words else ""


def _fts_terms(query: str) -> str:
    """A user's words as an FTS5 query that matches them all: each word quoted, so no word is
    read as FTS5 syntax (AND, NEAR, a column filter, an unbalanced quote)."""
    words = re.findall(r"\w+", query)
    return " ".join('"' + w + '"' for w in words[:32])
