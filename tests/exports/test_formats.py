"""Every format through one door: content, media type and extension; a file's name never lies
about its format; golden files pin what each format makes of the invented ferry story.

Regenerate the golden files with ``CHRONICLE_UPDATE_GOLDEN=1 pytest tests/exports`` and review
the diff.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from chronicle.errors import InputError
from chronicle.exports import FORMATS, export, format_for_path
from chronicle.exports.common import label_interval, set_aside_note, source_name, stance_verb
from chronicle.exports.text import to_text
from chronicle.models import Article, StoryEntity, Timeline

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "exports"


@pytest.mark.parametrize(("path", "fmt", "expected"), [
    ("t.json", None, "json"),
    ("T.JSON", None, "json"),
    ("t.md", None, "markdown"),
    ("t.markdown", None, "markdown"),
    ("t.html", None, "html"),
    ("t.htm", None, "html"),
    ("t.txt", None, "text"),
    ("timeline", None, "text"),
    ("t.csv", None, "csv-events"),
    ("t.tls", None, "tls"),
    ("t.json", "timelinejs", "timelinejs"),
    ("t.csv", "csv-claims", "csv-claims"),
    ("t.txt", "tls", "tls"),
    ("out/t.story", "json", "json"),  # a name no format owns does not lie about any
])
def test_the_format_of_an_output_file(path: str, fmt: str | None, expected: str) -> None:
    assert format_for_path(path, fmt) == expected


@pytest.mark.parametrize(("path", "fmt", "message"), [
    ("t.json", "csv-claims", "a .json file cannot hold the csv-claims format; name the file *.csv"),
    ("t.html", "markdown", "a .html file cannot hold the markdown format"),
    ("t.csv", "json", "a .csv file cannot hold the json format"),
    ("t.md", "html", "choose the markdown format"),
    ("t.txt", "timelinejs", "a .txt file cannot hold the timelinejs format"),
    ("t.dat", None, "no format has the extension '.dat'"),
    ("t.json", "nope", "unknown format 'nope'"),
])
def test_a_name_that_says_another_format_is_an_error(path: str, fmt: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("*", r"\*").replace(".", r"\.")):
        format_for_path(path, fmt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_gives_content_media_type_and_extension(timeline: Timeline, entities: list[StoryEntity],
                                                       fmt: str) -> None:
    content, media_type, extension = export(timeline, fmt, entities=entities)
    assert content.endswith("\n") and "Valmora" in content
    assert "\x1b" not in content and "\x07" not in content  # no terminal escape sequence from an article
    assert media_type == FORMATS[fmt].media_type and extension == FORMATS[fmt].extensions[0]
    assert format_for_path(f"story{extension}", fmt) == fmt


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_empty_timeline_exports_in_every_format(fmt: str) -> None:
    content = export(Timeline(entries=(), articles=()), fmt).content
    assert content.strip() or fmt == "tls"


def test_an_unknown_format_is_an_input_error(timeline: Timeline) -> None:
    with pytest.raises(InputError, match="known: text, json"):
        export(timeline, "pdf")


_GOLDEN_NAMES = {"text": "story.txt", "json": "story.json", "markdown": "story.md", "html": "story.html",
                 "tls": "story.tls.txt", "timelinejs": "story.timelinejs.json", "csv-events": "story.events.csv",
                 "csv-claims": "story.claims.csv"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_match_their_golden_files(timeline: Timeline, entities: list[StoryEntity], fmt: str) -> None:
    produced = export(timeline, fmt, entities=entities).content.encode("utf-8")
    path = GOLDEN / _GOLDEN_NAMES[fmt]
    if os.environ.get("CHRONICLE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(produced)
    assert produced == path.read_bytes()


@pytest.mark.parametrize(("article", "name"), [
    (Article("a1", "", None, "Talks paused", "Valmora Courier"), "Valmora Courier, “Talks paused”"),
    (Article("a1", "", None, None, "bbc"), "bbc (a1)"),
    (Article("a1", "", None, "Talks\npaused", None), "“Talks paused”"),
    (Article("a1", "", None), "a1"),
    (None, "a1"),
])
def test_a_source_is_named_by_outlet_and_headline(article: Article | None, name: str) -> None:
    assert source_name(article, "a1") == name


@pytest.mark.parametrize(("label", "granularity", "first", "last"), [
    ("2024-02-29", "day", "2024-02-29", "2024-02-29"),
    ("2024-W01", "week", "2024-01-01", "2024-01-07"),
    ("2020-W53", "week", "2020-12-28", "2021-01-03"),
    ("2024-02", "month", "2024-02-01", "2024-02-29"),
    ("2023-12", "month", "2023-12-01", "2023-12-31"),
    ("2023-Q4", "quarter", "2023-10-01", "2023-12-31"),
    ("2023", "year", "2023-01-01", "2023-12-31"),
    ("1990", "decade", "1990-01-01", "1999-12-31"),
    ("1900", "century", "1900-01-01", "1999-12-31"),
])
def test_the_days_a_timeline_date_covers(label: str, granularity: str, first: str, last: str) -> None:
    assert tuple(d.isoformat() for d in label_interval(label, granularity)) == (first, last)


@pytest.mark.parametrize(("speaker", "stance", "said"), [
    ("nearly 50 countries", "condemns", "condemn"),
    ("rights groups", "denies", "deny"),
    ("Officials", "asserts", "assert"),
    ("local people", "asserts", "assert"),
    ("the police", "denies", "deny"),
    ("Kim Jong Un", "asserts", "asserts"),
    ("the United States", "condemns", "condemns"),   # a name ending in -s is one speaker
    ("Reuters", "asserts", "asserts"),
    ("the White House press office", "denies", "denies"),
    ("the virus", "asserts", "asserts"),              # -us is not a plural
    ("unknown speaker", "asserts", "asserts"),
])
def test_a_stance_agrees_with_its_speaker(speaker: str, stance: str, said: str) -> None:
    assert stance_verb(speaker, stance) == said


def test_a_page_says_how_many_articles_it_set_aside() -> None:
    story = Timeline(entries=(), articles=tuple(Article(f"a{n}", "text", dt.date(2024, 1, 1)) for n in range(30)),
                     set_aside=("a1", "a2"))
    assert set_aside_note(story) == ("2 of 30 articles look off the story most of them are about and are left "
                                     "out of this page (--keep-off-topic keeps them).")
    assert "2 of 30 articles look off the story" in to_text(story)
    assert set_aside_note(dataclasses.replace(story, set_aside=())) is None
