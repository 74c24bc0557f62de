"""A store written by each earlier schema version opens and migrates, keeping its articles.

The files in ``fixtures/`` were written by the store code of the commit that released each
version (``fixtures/make_stores.py``), with texts of our own.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from chronicle.store import SCHEMA_VERSION, Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OLD_VERSIONS = [1, 2, 3, 4]


def test_there_is_a_store_file_of_every_earlier_version() -> None:
    assert list(range(1, SCHEMA_VERSION)) == OLD_VERSIONS
    for version in OLD_VERSIONS:
        db = sqlite3.connect(FIXTURES / f"store-v{version}.db")
        assert db.execute("PRAGMA user_version").fetchone()[0] == version
        db.close()


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_store_opens_migrates_and_keeps_its_articles(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"store-v{version}.db", path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.integrity_check() == "ok"
        assert [s.article.id for s in store.articles()] == ["harbour-1", "harbour-2"]
        first = store.get_article("harbour-1")
        assert first is not None and first.article.text.startswith("The harbour authority reopened")
        # Version 3 dropped the analyses of older versions (caches of one extraction path that
        # is gone); version 4 keeps them.
        assert store.analyses("text/0") == ({} if version < 3 else {"harbour-1": {"sentences": []}})
        store.save_analysis("harbour-1", "text/1", {"sentences": []})
        assert store.analyses("text/1") == {"harbour-1": {"sentences": []}}
        with store.lease("text/1"):  # the table the latest version added is there
            assert store.lease_holder("text/1") is not None
    with Store(path) as again:  # a second opening migrates nothing
        assert again.schema_version == SCHEMA_VERSION and again.count_articles() == 2
