"""The standalone page: one file, offline, nothing from an article runs, every section there."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from chronicle.exports import to_html
from chronicle.models import Claim, ClaimGroup, StoryEntity, Timeline

_ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav", "a",
                 "section", "div", "details", "summary", "blockquote", "br", "small", "b", "span", "table", "tr",
                 "th", "td", "ul", "li"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        self.ids.extend(v for k, v in attrs if k == "id" and v)
        if tag not in ("a", "b", "small", "span"):
            self.text.append(" ")  # a block or a cell starts a new word

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_nothing_from_a_hostile_article_becomes_markup(timeline: Timeline, entities: list[StoryEntity]) -> None:
    page = to_html(timeline, entities)
    parsed = _parse(page)
    assert set(parsed.tags) <= _ALLOWED_TAGS
    assert "<script" not in page.lower() and "<svg" not in page.lower() and "<img" not in page.lower()
    assert not [name for name, _ in parsed.attributes if name.startswith("on")]
    links = [value or "" for name, value in parsed.attributes if name == "href"]
    assert links and all(link.startswith(("#", "https://", "http://")) for link in links)
    assert "https://courier.example/ferry-talks" in links and not any("javascript" in link for link in links)
    # The hostile text is there, as text a reader sees.
    assert any('<script>alert("x")</script>' in chunk for chunk in parsed.text)
    assert len(parsed.ids) == len(set(parsed.ids))


def test_the_page_needs_nothing_from_outside(timeline: Timeline, entities: list[StoryEntity]) -> None:
    page = to_html(timeline, entities)
    assert "default-src 'none'" in page and "Content-Security-Policy" in page
    parsed = _parse(page)
    assert not [v for k, v in parsed.attributes if k in ("src", "srcset", "action", "data")]
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_every_section_with_sources_named_by_outlet_and_headline(timeline: Timeline,
                                                                  entities: list[StoryEntity]) -> None:
    page = to_html(timeline, entities)
    text = " ".join("".join(_parse(page).text).split())
    assert {"timeline", "actors", "claims", "disagreements", "sources"} <= set(_parse(page).ids)
    assert "Valmora Courier, “Ferry talks paused”" in text and "000_bare_id" in text
    # Actors: name, type, articles, mentions, other names.
    assert "Valmora Ferry Union ORG 2 9 the union, VFU" in text
    # One statement reported twice, the second time through a relay, dated when it was said.
    assert "the union asserts · said 2025-03-06 (“Thursday”)" in text
    assert ("Reported by Valmora Courier, “Ferry talks paused”; Northern Wire, “Ferry crews strike, talks stall” "
            "(via the ferry operators)") in text
    # Both sides of a disagreement, with the reason and their sources.
    assert "Denial: the port authority denies what the union asserts" in text
    assert "Different figures: the sides give different figures (crew members)" in text
    assert "the port authority denies · said 2025-03-08" in text
    # The evidence names the time expression the date comes from.
    assert "date from “Thursday”" in text


def test_long_lists_are_cut_with_a_count_of_the_rest(timeline: Timeline, entities: list[StoryEntity]) -> None:
    many_groups = tuple(
        ClaimGroup((Claim(f"speaker {n}", "said", f"statement number {n}", "asserts", "courier-1", "2025-03-07",
                          content_spans=((n, n + 1),)),))
        for n in range(300)
    )
    many_actors = [dataclasses.replace(entities[0], id=f"E{n}", name=f"Actor {n}") for n in range(100)]
    big = dataclasses.replace(timeline, claim_groups=many_groups)
    text = " ".join("".join(_parse(to_html(big, many_actors)).text).split())
    assert "The 40 most reported of 300 statements" in text
    assert text.count("statement number") == 40
    assert "and 75 more" in text and text.count("Actor ") == 25


def test_without_the_language_pipeline_the_page_says_so() -> None:
    text = " ".join("".join(_parse(to_html(Timeline(entries=(), articles=()))).text).split())
    assert "No dated events found." in text and "No actors" in text and "No statements found." in text
