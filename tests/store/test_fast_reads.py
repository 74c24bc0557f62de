"""What fast reads rest on: the store's generation, saved views, full-text search, upload jobs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronicle.ingest.decode import content_hash
from chronicle.models import Article
from chronicle.store import Store


def article(article_id: str, text: str, title: str | None = None) -> Article:
    return Article(id=article_id, text=text, published=dt.date(2024, 1, 10), title=title, source="Test Wire",
                   content_hash=content_hash(text))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "s.db")


def test_every_write_to_the_articles_bumps_the_generation(store: Store) -> None:
    start = store.generation()
    store.add_article(article("a", "The ferry sailed."))
    assert store.generation() == start + 1
    store.add_article(article("a", "The ferry sank."))  # an update is a write too
    assert store.generation() == start + 2
    store.save_analysis("a", "full/x", {"k": 1})  # analyses are caches, not the story's state
    assert store.generation() == start + 2


def test_a_view_is_served_only_at_its_generation(store: Store) -> None:
    store.add_article(article("a", "The ferry sailed."))
    now = store.generation()
    store.save_view("timeline/x", now, b"{}")
    assert store.view("timeline/x", now) == b"{}"
    store.add_article(article("b", "The port closed."))
    assert store.view("timeline/x", store.generation()) is None
    # A view computed before a write that landed meanwhile is not served as the new state's.
    store.save_view("timeline/x", now, b"{}")
    assert store.view("timeline/x", store.generation()) is None


def test_views_made_by_other_rules_go_when_a_view_is_saved(store: Store) -> None:
    store.add_article(article("a", "The ferry sailed."))
    now = store.generation()
    store.save_view("timeline/old-code", now, b"1", rules="/old-code")
    store.save_view("record/old-code", now, b"2", rules="/old-code")
    store.save_view("timeline/new-code", now, b"3", rules="/new-code")
    assert store.view("timeline/old-code", now) is None and store.view("record/old-code", now) is None
    assert store.view("timeline/new-code", now) == b"3"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ferry", ["a"]),
        ("Ferry SAILED", ["a"]),
        ("ferry port", []),
        ("harbour", ["b"]),  # the title is searched too
        ('"unbalanced', []),
        ("NEAR(ferry", []),  # every word must occur, NEAR too: no query syntax
        ("ferry)*", ["a"]),
        ("", []),
    ],
)
def test_search_matches_every_word(store: Store, query: str, found: list[str]) -> None:
    store.add_article(article("a", "The ferry sailed at dawn."))
    store.add_article(article("b", "The port closed.", title="Harbour shut"))
    rows, total = store.article_page(query=query)
    assert [s.article.id for s, _ in rows] == found and total == len(found)


@pytest.mark.parametrize(
    ("phrases", "found"),
    [
        (["swine"], {"flu"}),  # a word of "swine-flu", not the start of "swineflu"
        (["SWINE FLU"], {"flu"}),
        (["flu swine"], set()),  # words in this order
        (["North Korea", "Pyongyang"], {"korea", "capital"}),
        (["north korean"], set()),  # whole words: not "North Koreans"
        (["D.P.R.K."], {"capital"}),
        (['NEAR("north"', "parliament)*"], {"korea"}),  # words only, never query syntax
        (["...", ""], set()),
        ([], set()),
    ],
)
def test_the_articles_holding_any_of_some_phrases(store: Store, phrases: list[str], found: set[str]) -> None:
    store.add_article(article("flu", "Cases of swine-flu rose."))
    store.add_article(article("copy", "Cases of swineflu rose again."))
    store.add_article(article("korea", "North Korea's parliament voted.", title="Vote in the North"))
    store.add_article(article("capital", "Pyongyang, the capital of the D.P.R.K., said so."))
    assert store.ids_holding(phrases) == found


def test_search_follows_updates_and_marks_the_match(store: Store) -> None:
    store.add_article(article("a", "The ferry sailed at dawn."))
    store.add_article(article("a", "The barge sailed at dusk."))
    assert store.article_page(query="ferry")[1] == 0
    rows, _ = store.article_page(query="barge")
    assert rows[0][1] is not None and "\ue000barge\ue001" in rows[0][1]


def test_pages_of_articles(store: Store) -> None:
    for n in range(7):
        store.add_article(article(f"a{n}", f"Story number {n} about the port."))
    rows, total = store.article_page(limit=3, offset=6)
    assert total == 7 and [s.article.id for s, _ in rows] == ["a6"]


def test_a_job_is_kept_with_its_report(store: Store) -> None:
    store.add_job("j1", files=2)
    assert store.job("j1")["status"] == "queued"  # type: ignore[index]
    store.start_job("j1")
    store.finish_job("j1", report={"added": ["a"]})
    job = store.job("j1")
    assert job is not None and job["status"] == "done" and job["report"] == {"added": ["a"]}
    store.add_job("j2", files=1)
    store.finish_job("j2", error="disk full")
    assert store.job("j2")["status"] == "failed"  # type: ignore[index]
    assert store.job("missing") is None
