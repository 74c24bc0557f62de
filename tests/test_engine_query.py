"""A query-focused timeline reads only the articles holding the query's entity under one of its
names (found by the full-text index), and equals the one made from every article's analysis."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronicle import Chronicle, engine
from chronicle.extract import fingerprint
from chronicle.models import TimelineOptions
from chronicle.serialize import timeline_dict

ARTICLES = {
    "launch": ("2024-03-04", "North Korea fired two ballistic missiles into the sea on Monday, officials in Seoul "
                             "said. Kim Jong Un watched the launch from a hill near the coast, state media said. "
                             "Kim later praised the crews for their skill."),
    "drill": ("2024-03-05", "Pyongyang said on Tuesday that the launches were a routine drill and warned Seoul "
                            "against joint exercises. The statement was read on state television."),
    "sanctions": ("2024-03-06", "The United Nations Security Council met on Wednesday to discuss new sanctions "
                                "on the DPRK after the launches. Diplomats said no vote was expected."),
    "kim": ("2024-03-07", "Kim toured a tank factory on Thursday and urged workers to raise output, the "
                          "official news agency said. Kim was shown smiling beside a new tank."),
    "harbour": ("2024-03-05", "The harbour authority of Ostrava reopened the north quay on Tuesday after the "
                              "storm. Dock workers said repairs to the quay would take a month."),
    "rates": ("2024-03-06", "South Korea's central bank raised its main rate on Wednesday to slow inflation. "
                            "Economists said the bank would pause in April."),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, (day, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(f"date: {day}\n\n{text}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def analysed(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store of the corpus with every article analysed, to copy (analysing is the slow part)."""
    path = tmp_path_factory.mktemp("store") / "analysed.db"
    with Chronicle(path) as story:
        story.ingest([corpus])
        story.analyse()
    yield path


def _timeline(db: Path, options: TimelineOptions, *, language: bool = True) -> str:
    with Chronicle(db) as story:
        made = engine.build_timeline(story.store, options, language=language)
    return json.dumps(timeline_dict(made), sort_keys=True)


QUERIES = ["North Korea", "Pyongyang", "Kim Jong Un", "Seoul", "harbour", "quay storm", "no such words"]
OPTIONS = [TimelineOptions(), TimelineOptions(dates=2), TimelineOptions(record=True),
           TimelineOptions(since=dt.date(2024, 3, 5))]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("options", OPTIONS, ids=["page", "dates", "record", "since"])
def test_a_query_reads_a_selection_and_gives_what_every_article_gives(
    analysed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str, options: TimelineOptions
) -> None:
    options = TimelineOptions(options.dates, options.sentences_per_date, options.since, options.until, query,
                              options.record)
    selective = _timeline(analysed, options)
    # No round of widening: the entity is looked for among every article, as before selection.
    monkeypatch.setattr(engine, "_ENTITY_ROUNDS", 0)
    assert selective == _timeline(analysed, options)


def test_the_thread_of_an_entity_follows_its_other_names(analysed: Path) -> None:
    found = json.loads(_timeline(analysed, TimelineOptions(query="North Korea", record=True)))
    sources = {s for entry in found["entries"] for event in entry["events"] for s in event["sources"]}
    # "Pyongyang" and "the DPRK" are North Korea; the harbour and the South's central bank are not.
    assert {"drill", "sanctions"} <= sources and not sources & {"harbour", "rates"}


def test_only_the_articles_holding_a_name_of_the_entity_are_analysed(corpus: Path, tmp_path: Path) -> None:
    with Chronicle(tmp_path / "fresh.db") as story:
        story.ingest([corpus])
        story.timeline(query="Kim Jong Un")
        full, text = (story.store.analysed_ids(fingerprint(language=flag)) for flag in (True, False))
    # "kim" names him only as "Kim": it is found through the alias the launch article gives.
    assert {"launch", "kim"} <= full and not full & {"harbour", "rates"}
    assert text <= full | {"launch", "kim"} and not text & {"harbour", "rates"}


def test_an_article_naming_the_entity_by_an_alias_alone_is_found(analysed: Path) -> None:
    found = json.loads(_timeline(analysed, TimelineOptions(query="Kim Jong Un", record=True)))
    sources = {s for entry in found["entries"] for event in entry["events"] for s in event["sources"]}
    # "kim" says only "Kim", which the launch article makes an alias of Kim Jong Un.
    assert "kim" in sources


T17_TOPICS = ("H1N1_bbc", "SyrianCrisis_bbc")
#: Queries that name an entity of the stories ("schools closed" names none: every article is read;
#: nor does "vaccine", now that a capitalised common noun opening a sentence is no entity).
ENTITIES = {"swine flu", "WHO", "Mexico", "Assad", "Damascus", "Obama"}


@pytest.fixture(scope="module")
def t17_store(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two Timeline17 stories in one store, analysed: a query must find one story in the other's company."""
    path = tmp_path_factory.mktemp("t17") / "t17.db"
    with Chronicle(path) as story:
        for topic in T17_TOPICS:
            story.ingest([shared / "bench" / "t17" / topic / "InputDocs"], format="t17")
        story.analyse()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("query", [*sorted(ENTITIES), "schools closed", "vaccine"])
@pytest.mark.parametrize(
    "options",
    [TimelineOptions(), TimelineOptions(dates=5), TimelineOptions(record=True),
     TimelineOptions(since=dt.date(2009, 4, 20), until=dt.date(2009, 5, 31))],
    ids=["page", "dates", "record", "range"],
)
def test_timeline17_queries_read_a_selection_and_give_what_every_article_gives(
    t17_store: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, query: str,
    options: TimelineOptions,
) -> None:
    options = TimelineOptions(options.dates, options.sentences_per_date, options.since, options.until, query,
                              options.record)
    with caplog.at_level(logging.INFO, logger="chronicle.engine"):
        selective = _timeline(t17_store, options)
    if query in ENTITIES:  # the other story's articles are not read
        read = re.search(r"(\d+) of (\d+) articles read", caplog.text)
        assert read is not None and int(read[1]) < int(read[2])
    monkeypatch.setattr(engine, "_ENTITY_ROUNDS", 0)
    assert selective == _timeline(t17_store, options)
