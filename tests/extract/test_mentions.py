"""Which sentences become dated event mentions, on hand-written articles."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.extract import analyse, event_mentions
from chronicle.models import Article, ArticleAnalysis

PUBLISHED = dt.date(2024, 5, 8)  # a Wednesday


def _analysis(article: Article) -> ArticleAnalysis:
    ((_, analysis),) = analyse([article], language=False)
    return analysis


def _mentions(text: str) -> list[tuple[int, str, str | None]]:
    article = Article(id="a", text=text, published=PUBLISHED, source="Daily Test")
    return [(m.sentence_index, m.first.isoformat(), m.time_expression)
            for m in _analysis(article).mentions]


def test_one_mention_per_date_a_sentence_refers_to() -> None:
    text = (
        "Ferry crews walked out on May 6, 2024 and returned to work on May 7, 2024 after a short dispute. "
        "The company said services were back to normal across the whole network."
    )
    found = _mentions(text)
    assert (0, "2024-05-06", "May 6, 2024") in found
    assert (0, "2024-05-07", "May 7, 2024") in found


def test_undated_lead_sentences_go_on_the_publication_date() -> None:
    text = (
        "FERRY STRIKE ENDS\n\n"
        "Ferry services across the bay resumed in full after crews accepted a new pay offer. "
        "The union said its members had voted to accept the deal by a large margin. "
        "Passengers queued at the terminal from early in the morning to board the first sailings. "
        "Managers thanked travellers for their patience during the long dispute over wages. "
        "Officials expect the timetable to be back to normal across the network soon."
    )
    found = _mentions(text)
    # The headline is not a sentence of news; the next three real sentences are the lead.
    assert [i for i, _, _ in found] == [1, 2, 3]
    assert all(day == PUBLISHED.isoformat() and expression is None for _, day, expression in found)


def test_reader_comments_are_not_mentions() -> None:
    text = (
        "The harbour reopened on May 7, 2024 after a week of repairs to the main quay wall. "
        "At 12:32 pm on 03 May 2024 , dockfan wrote : I was there on May 1, 2024 and it was a mess. "
        "Nobody expected the repairs to finish this early, said another reader on May 2, 2024."
    )
    days = {day for _, day, _ in _mentions(text)}
    assert days == {"2024-05-07"}


def test_undated_article_gives_nothing() -> None:
    article = Article(id="u", text="Crews walked out on Monday over pay and conditions at the port.", published=None)
    assert event_mentions(article, _analysis(article).sentences) == []
    assert _analysis(article).mentions == ()


def test_a_sentence_is_on_its_own_date_and_names_the_others() -> None:
    text = ("The ferry company said on Tuesday that since the strike of May 2 and the talks of May 3, "
            "no sailing had left the port.")
    mentions = _analysis(Article(id="a", text=text, published=PUBLISHED)).mentions
    assert [(m.first.isoformat(), m.primary) for m in mentions] == [
        ("2024-05-07", True), ("2024-05-02", False), ("2024-05-03", False)]
    precise = _analysis(Article(id="b", text="Crews struck this week, the union said on Monday.",
                                published=PUBLISHED)).mentions
    assert [(m.granularity, m.primary) for m in precise] == [("week", False), ("day", True)]


@pytest.mark.parametrize(("text", "primary"), [
    # a recent date in a subordinate phrase still dates the sentence: it tells of that day
    ("Crews have stopped 40 sailings since the strike began on May 2.", True),
    # a far one is a yardstick: nothing is said of that day
    ("The strike will cost the port more than the storm of October 16, 1987 did.", False),
    ("That was all before the storm of October 16, 1987 and before the new harbour wall.", False),
    ("While the storm of October 16, 1987 changed the harbour, the strike has changed the town.", False),
    ("In the years from the storm of October 16, 1987 until the new wall, ferries often stopped.", False),
    # told: a far date a sentence is about
    ("The storm of October 16, 1987 wrecked half the harbour's ferries.", True),
])
def test_a_far_date_set_beside_something_is_a_yardstick_not_what_is_told(text: str, primary: bool) -> None:
    (mention,) = _analysis(Article(id="a", text=text, published=PUBLISHED)).mentions
    assert mention.primary is primary
