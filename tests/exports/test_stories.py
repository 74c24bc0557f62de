"""Every export of real stories (the sample corpus, the seed articles) through ``Chronicle.export``,
checked the way a reader of each format would use it: CSV rows parse back, the TimelineJS file has
one slide per event on a valid date, the page parses and cites every source."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chronicle import Chronicle, Timeline
from chronicle.exports import FORMATS, export
from chronicle.models import StoryEntity, TimelineOptions

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["sample", "seeds"])
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          ) -> Iterator[tuple[Chronicle, Timeline, list[StoryEntity]]]:
    corpus = ROOT / "examples" / "harbor-strike" if request.param == "sample" else ROOT.parent / "shared" / "seeds"
    if not corpus.is_dir():
        pytest.skip("../shared (benchmark data) is not beside the repo")
    with Chronicle(tmp_path_factory.mktemp(request.param) / "s.db") as opened:
        assert opened.ingest([corpus]).ok
        yield opened, opened.timeline(), opened.entities()


def test_chronicle_export_is_the_timeline_in_that_format(story: tuple[Chronicle, Timeline, list[StoryEntity]],
                                                         ) -> None:
    opened, timeline, entities = story
    for fmt in ("json", "html", "csv-claims"):
        assert opened.export(fmt) == export(timeline, fmt, entities=entities)
    assert opened.export("json", options=TimelineOptions(dates=2)) == export(opened.timeline(dates=2), "json")
    # The tls format has no place for the language pipeline's work and does not wait for it.
    assert opened.export("tls") == export(opened.timeline(language=False), "tls")


def test_csv_rows_parse_back(story: tuple[Chronicle, Timeline, list[StoryEntity]]) -> None:
    _, timeline, _ = story
    events = list(csv.DictReader(io.StringIO(export(timeline, "csv-events").content, newline="")))
    assert len(events) == sum(len(e.events) for e in timeline.entries) > 0
    assert [r["event_id"] for r in events] == [ev.id for e in timeline.entries for ev in e.events]
    claims = list(csv.DictReader(io.StringIO(export(timeline, "csv-claims").content, newline="")))
    assert len(claims) == len(timeline.claims) > 0
    assert {r["group"] for r in claims} == {g.id for g in timeline.claim_groups}
    assert all(r["article"] in {a.id for a in timeline.articles} for r in claims)


def test_timelinejs_has_one_slide_per_event_on_its_date(story: tuple[Chronicle, Timeline, list[StoryEntity]],
                                                        ) -> None:
    _, timeline, _ = story
    slides = json.loads(export(timeline, "timelinejs").content)["events"]
    days = [e.date for e in timeline.entries for _ in e.events]
    assert len(slides) == len(days)
    for slide, label in zip(slides, days, strict=True):
        start = slide["start_date"]
        day = dt.date(start["year"], start.get("month", 1), start.get("day", 1))
        assert label.startswith(day.isoformat()[: len(label)]) or "-W" in label or "-Q" in label


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.hrefs += [found["href"] or ""] if "href" in found else []
        self.ids |= {found["id"] or ""} if "id" in found else set()
        self.scripts += tag == "script"


def test_the_page_parses_and_every_cited_source_is_listed(story: tuple[Chronicle, Timeline, list[StoryEntity]],
                                                          ) -> None:
    _, timeline, entities = story
    page = export(timeline, "html", entities=entities).content
    links = _Links()
    links.feed(page)
    assert links.scripts == 0 and "<script" not in page
    inside = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert inside and set(inside) <= links.ids
    cited = {s for e in timeline.entries for ev in e.events for s in ev.sources}
    assert len([i for i in links.ids if i.startswith("src-")]) >= len(cited)


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"csv-claims", "timelinejs"}))
def test_every_timeline_format_has_every_date(story: tuple[Chronicle, Timeline, list[StoryEntity]],
                                              fmt: str) -> None:
    _, timeline, entities = story
    content = export(timeline, fmt, entities=entities).content
    assert all(entry.date in content for entry in timeline.entries if entry.granularity == "day")
