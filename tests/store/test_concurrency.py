"""Several processes on one store: opening a new store at once, readers beside a writer,
and leases that keep two processes from computing the same analyses."""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from chronicle.ingest.decode import content_hash
from chronicle.models import Article
from chronicle.store import SCHEMA_VERSION, Store

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": SRC})


def make_article(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, published=dt.date(2024, 3, 4), content_hash=content_hash(text))


_OPEN_AND_ADD = """
    import sys, time, datetime as dt
    from chronicle.ingest.decode import content_hash
    from chronicle.models import Article
    from chronicle.store import Store
    path, name, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
    time.sleep(max(0.0, start - time.time()))  # all open the new file at one moment
    with Store(path) as store:
        text = f"Report {name} of the harbour strike."
        store.add_article(Article(id=name, text=text, published=dt.date(2024, 3, 4),
                                  content_hash=content_hash(text)))
"""


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    # Once, one of four concurrent ingests on a new path failed with "table meta already exists".
    for attempt in range(3):
        path = tmp_path / f"new-{attempt}.db"
        start = time.time() + 1.5
        runs = [_python(_OPEN_AND_ADD, str(path), f"r{n}", str(start)) for n in range(6)]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        with Store(path) as store:
            assert store.schema_version == SCHEMA_VERSION
            assert sorted(s.article.id for s in store.articles()) == [f"r{n}" for n in range(6)]


_LONG_WRITE = """
    import sqlite3, sys, time
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE articles SET title = 'changed' WHERE id = 'a'")
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    db.execute("COMMIT")
"""


def test_readers_and_a_second_writer_wait_out_a_writer_without_an_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    with Store(path) as store:
        store.add_article(make_article("a", "The quay reopened."))
    writer = _python(_LONG_WRITE, str(path), "2")
    assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
    with Store(path) as reader:
        # WAL: the reader is not blocked and sees the last committed state, not the open write.
        stored = reader.get_article("a")
        assert stored is not None and stored.article.title is None
        began = time.perf_counter()
        reader.save_analysis("a", "text/1", {"sentences": []})  # a write: waits for the lock
        assert time.perf_counter() - began > 0.5
        writer.wait(timeout=30)
        changed = reader.get_article("a")
        assert changed is not None and changed.article.title == "changed"
        assert reader.analyses("text/1") == {"a": {"sentences": []}}


def test_an_analysis_of_a_text_since_replaced_is_not_saved(store: Store) -> None:
    old = make_article("a", "The quay reopened on Monday.")
    store.add_article(old)
    store.add_article(make_article("a", "The quay reopened on Tuesday, officials said."))
    assert store.save_analysis("a", "text/1", {"sentences": []}, content_hash=old.content_hash) is False
    assert store.analyses("text/1") == {}
    assert store.save_analysis("a", "text/1", {"sentences": []},
                               content_hash=content_hash("The quay reopened on Tuesday, officials said."))


_HOLD_LEASE = """
    import sys, time
    from chronicle.store import Store
    with Store(sys.argv[1]) as store, store.lease("full/1"):
        print("leased", flush=True)
        time.sleep(float(sys.argv[2]))
"""


def test_a_lease_makes_a_second_process_wait_for_the_first(tmp_path: Path) -> None:
    path = tmp_path / "lease.db"
    Store(path).close()
    holder = _python(_HOLD_LEASE, str(path), "2")
    assert holder.stdout is not None and holder.stdout.readline().strip() == "leased"
    with Store(path) as store:
        assert store.lease_holder("full/1") == holder.pid
        waits: list[float] = []
        began = time.perf_counter()
        with store.lease("full/1", poll=0.1, waiting=lambda: waits.append(time.perf_counter())):
            assert store.lease_holder("full/1") == os.getpid()
        assert waits and time.perf_counter() - began > 1.0
        assert holder.wait(timeout=30) == 0
        assert store.lease_holder("full/1") is None


def test_the_lease_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "dead.db"
    Store(path).close()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO leases VALUES ('full/1', ?, ?, ?)", (socket.gethostname(), gone.pid, time.time()))
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.lease_holder("full/1") is None
        began = time.perf_counter()
        with store.lease("full/1"):
            assert store.lease_holder("full/1") == os.getpid()
        assert time.perf_counter() - began < 1.0


_WRITER_ANALYSING = """
    import sys, time
    from chronicle import extract
    from chronicle.store import Store
    with Store(sys.argv[1]) as store:
        key = extract.fingerprint(language=False)
        with store.lease(key):
            print("analysing", flush=True)
            time.sleep(2)
            store.save_analysis("a", key, {"sentences": [], "entities": [], "claims": [], "events": []})
"""


def test_a_reader_waits_for_the_writers_analyses_instead_of_making_its_own(tmp_path: Path) -> None:
    from chronicle import engine

    path = tmp_path / "shared.db"
    article = make_article("a", "The quay reopened on Monday. The strike ended on Tuesday.")
    with Store(path) as store:
        store.add_article(article)
    writer = _python(_WRITER_ANALYSING, str(path))
    assert writer.stdout is not None and writer.stdout.readline().strip() == "analysing"
    with Store(path) as reader:
        began = time.perf_counter()
        found = engine.analyse(reader, [article], language=False)
        assert time.perf_counter() - began > 1.0
    assert writer.wait(timeout=30) == 0
    # The writer's (deliberately empty) result, not one the reader made: it would have sentences.
    assert found["a"].sentences == ()
