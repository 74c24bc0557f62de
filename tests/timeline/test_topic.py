"""Keeping a page to the story its pile is mostly about, on hand-written articles."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.link import link_mentions
from chronicle.models import Article, EventMention, TimelineOptions
from chronicle.settings import Method, TopicParams
from chronicle.timeline import build_timeline
from chronicle.timeline.text import terms
from chronicle.timeline.topic import topic_weight, topicality

D = dt.date

#: A ferry strike in an invented port, told in many ways by many articles.
STORY = [
    "Ferry crews in Ostrava walked out over pay, halting every sailing across the bay.",
    "The ferry union said the strike would go on until the company raised crews' pay.",
    "Talks between the ferry company and the crews' union broke down over the pay offer.",
    "Stranded passengers queued at the Ostrava ferry terminal as the strike entered its second day.",
    "The company offered crews a pay rise of four percent, which the union rejected.",
    "Striking ferry crews picketed the terminal gates while the bay stayed without sailings.",
    "The mayor of Ostrava urged the ferry company and the union to return to talks on pay.",
    "Islanders across the bay ran short of supplies as the ferry strike dragged on.",
]
#: Asides a wire service files with any story.
ASIDES = [
    "The national football side beat the visitors three goals to one in a rain-soaked friendly match.",
    "Shares in the chipmaker rose sharply after its quarterly results beat analysts' forecasts.",
    "A celebrity chef opened a bakery selling sourdough loaves and almond croissants downtown.",
]


def _pile(story_articles: int = 24) -> tuple[list[Article], list[EventMention]]:
    articles: list[Article] = []
    mentions: list[EventMention] = []
    for n in range(story_articles):
        day = D(2024, 5, 6) + dt.timedelta(days=n % 8)
        sentences = [STORY[(n + k) % len(STORY)] for k in range(3)]
        articles.append(Article(f"story-{n:02d}", " ".join(sentences), day, source="Courier"))
        for k, sentence in enumerate(sentences):
            mentions.append(_mention(f"story-{n:02d}", k, sentence, day, day))
    for n, sentence in enumerate(ASIDES):
        # Each aside names a day of its own, and is echoed by a second aside's article, as wire
        # copy is: days the story never mentions.
        day = D(2024, 5, 20 + n)
        for copy in range(2):
            aid = f"aside-{n}-{copy}"
            articles.append(Article(aid, sentence, day + dt.timedelta(days=1), source="Wire"))
            mentions.append(_mention(aid, 0, sentence, day, day + dt.timedelta(days=1), "on Monday"))
    return articles, mentions


def _mention(article: str, index: int, sentence: str, day: dt.date, published: dt.date,
             expression: str | None = None) -> EventMention:
    return EventMention(article_id=article, sentence_index=index, sentence=sentence, start=0, end=len(sentence),
                        first=day, last=day, granularity="day", time_expression=expression,
                        published=published, source="outlet")


def test_asides_are_far_from_the_thread_and_story_articles_near_it() -> None:
    _, mentions = _pile()
    by_article: dict[str, list[str]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).extend(terms(m.sentence))
    share = topicality(by_article)
    story = [s for a, s in share.items() if a.startswith("story")]
    asides = [s for a, s in share.items() if a.startswith("aside")]
    assert min(story) > 0.5
    assert max(asides) < TopicParams().off_topic_below


def test_too_few_articles_to_tell_an_aside_all_count_fully() -> None:
    articles, _ = _pile(story_articles=6)
    by_article = {a.id: terms(a.text) for a in articles}
    assert set(topicality(by_article).values()) == {1.0}


@pytest.mark.parametrize(("share", "weight"), [
    (0.05, 0.0),     # off the story
    (0.1, 0.04),     # an aside: (0.1 / 0.5) ** 2
    (0.25, 0.25),
    (0.4, 0.64),
    (0.5, 1.0),
    (1.7, 1.0),
])
def test_topic_weight(share: float, weight: float) -> None:
    assert topic_weight(share) == pytest.approx(weight)


def _days(timeline_entries: tuple[object, ...]) -> set[str]:
    return {e.date for e in timeline_entries}  # type: ignore[attr-defined]


def test_a_page_sets_asides_aside_and_says_so() -> None:
    articles, mentions = _pile()
    linked = link_mentions(mentions)
    page = build_timeline(linked, articles, TimelineOptions(), Method())
    aside_days = {(D(2024, 5, 20) + dt.timedelta(days=n)).isoformat() for n in range(len(ASIDES))}
    assert not _days(page.entries) & aside_days
    assert page.set_aside == tuple(sorted(a.id for a in articles if a.id.startswith("aside")))
    assert all(not e.sources[0].startswith("aside") for entry in page.entries for e in entry.events)


def test_asked_for_the_whole_pile_keeps_asides() -> None:
    articles, mentions = _pile()
    linked = link_mentions(mentions)
    kept = build_timeline(linked, articles, TimelineOptions(keep_off_topic=True), Method())
    assert kept.set_aside == ()
    record = build_timeline(linked, articles, TimelineOptions(record=True), Method())
    assert record.set_aside == ()
    assert "2024-05-20" in _days(record.entries)
    off = build_timeline(linked, articles, TimelineOptions(), Method(topic=TopicParams(enabled=False)))
    assert off.set_aside == ()


def test_a_query_is_the_topic() -> None:
    articles, mentions = _pile()
    linked = link_mentions(mentions)
    about = build_timeline(linked, articles, TimelineOptions(query="chipmaker"), Method())
    assert about.set_aside == ()
    assert _days(about.entries) == {"2024-05-21"}


#: A sports desk's copy filed with the strike: it shares a few of the story's words (the
#: union, the bay, pay) but none of its thread, and names its own day again and again.
REGATTA = [
    "The regatta across the bay drew yachts from nine clubs, and the union of sailing clubs paid the prizes.",
    "Crowds lined the bay for the regatta's final race, won by a crew from the northern yacht club.",
    "The regatta's organisers said the yacht clubs would return to the bay next summer for the final.",
]


def test_a_day_the_story_never_speaks_of_weighs_less() -> None:
    articles, mentions = _pile(story_articles=24)
    regatta_day = D(2024, 5, 25)
    for n in range(6):
        aid = f"regatta-{n}"
        # A round-up: the regatta, then the strike's latest, as a local paper's page has them.
        news = [STORY[(n + k) % len(STORY)] for k in range(2)]
        articles.append(Article(aid, " ".join([REGATTA[n % 3], *news]), regatta_day + dt.timedelta(days=1),
                                source="Sport"))
        mentions.append(_mention(aid, 0, REGATTA[n % 3], regatta_day, regatta_day + dt.timedelta(days=1), "on Saturday"))
        for k, sentence in enumerate(news, start=1):
            mentions.append(_mention(aid, k, sentence, regatta_day + dt.timedelta(days=1),
                                     regatta_day + dt.timedelta(days=1)))
    linked = link_mentions(mentions)
    page = build_timeline(linked, articles, TimelineOptions(dates=9), Method())
    # Most round-ups are half the story's, kept: it is their day that is not the story's.
    assert sum(a.startswith("regatta") for a in page.set_aside) <= 2
    assert "2024-05-25" not in _days(page.entries)
    every_day_alike = Method(topic=TopicParams(day_full_at=1e-9))
    assert "2024-05-25" in _days(build_timeline(linked, articles, TimelineOptions(dates=9), every_day_alike).entries)
