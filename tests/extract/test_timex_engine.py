"""Unit tests of the temporal tagger's engine: recognition, resolution, intervals, ranges."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from chronicle.extract.timex import resolve_ranges, tag
from chronicle.extract.timex.intervals import Point, shift, value_interval
from chronicle.extract.timex.lexicon import parse_number
from chronicle.extract.timex.recognize import find_candidates
from chronicle.extract.timex.tense import clause_tense
from chronicle.models import PLAUSIBLE

DCT = dt.date(2024, 1, 10)  # a Wednesday


def values(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim visited the port on Monday.", [("Monday", "DATE", "2024-01-08")]),
        ("Kim will visit the port on Monday.", [("Monday", "DATE", "2024-01-15")]),
        ("The vote is set for Friday.", [("Friday", "DATE", "2024-01-12")]),
        ("Shops shut on Dec. 30 and reopened Jan. 2.",
         [("Dec. 30", "DATE", "2023-12-30"), ("Jan. 2", "DATE", "2024-01-02")]),
        ("Sales fell last month and rose this week.",
         [("last month", "DATE", "2023-12"), ("this week", "DATE", "2024-W02")]),
        ("The firm was founded two years ago.", [("two years ago", "DATE", "2022")]),
        ("Profits doubled in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("Output peaked in mid-2023.", [("mid-2023", "DATE", "2023")]),
        ("Revenue grew in Q3.", [("Q3", "DATE", "2023-Q3")]),
        ("The plant closes every Monday.", [("every Monday", "SET", "XXXX-WXX-1")]),
        ("The fee is paid annually.", [("annually", "SET", "P1Y")]),
        ("Rain fell for three days.", [("three days", "DURATION", "P3D")]),
        ("Prices rose over the past two weeks.", [("the past two weeks", "DURATION", "P2W")]),
        ("The meeting starts at 3 p.m. Tuesday.", [("3 p.m. Tuesday", "TIME", "2024-01-16T15:00")]),
        ("Fighting broke out Tuesday night.", [("Tuesday night", "TIME", "2024-01-09TNI")]),
        ("The 2019-05-04 filing was late.", [("2019-05-04", "DATE", "2019-05-04")]),
        ("Protests continue now.", [("now", "DATE", "PRESENT_REF")]),
    ],
)
def test_common_expressions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The staff held a year-end party.",
        "Fans filled the May Day stadium.",
        "Fox 5 broadcast the game.",
        "Officials may delay the plan.",
        "Thousands joined a protest march downtown.",
        "The Sunday Times printed the letter.",
        "He took second place.",
        "Lawyers will present evidence.",
        "The company employs 1500 people and sold 2000 units.",
        "Prices rose 5.2 percent to $1,995.",
    ],
)
def test_no_false_alarms(text: str) -> None:
    assert values(text) == []


def test_the_1990_agreement_is_a_year() -> None:
    assert values("They signed the 1990 agreement.") == [("1990", "DATE", "1990")]


def test_narrative_time_moves_with_the_text() -> None:
    text = "On March 3, 2023, the dam failed. Two days later, crews arrived. The next day, rain stopped."
    got = values(text)
    assert got[1] == ("Two days later", "DATE", "2023-03-05")
    assert got[2] == ("The next day", "DATE", "2023-03-06")


def test_history_text_takes_years_from_the_story() -> None:
    text = ("In 1940 the army crossed the river. In May, it reached the coast. "
            "By June 1941 the front had moved east, and on June 22 the offensive began. "
            "In 1943 the tide turned.")
    got = dict((t, v) for t, _, v in values(text, dt.date(2009, 12, 19)))
    assert got["May"] == "1940-05"
    assert got["June 22"] == "1941-06-22"


def test_intervals_follow_values() -> None:
    by_text = {t.text: t for t in tag("Sales rose in the third quarter of 2023 and in March 2024.", DCT)}
    q = by_text["the third quarter of 2023"]
    assert (q.value, q.first, q.last, q.granularity) == ("2023-Q3", dt.date(2023, 7, 1), dt.date(2023, 9, 30), "quarter")
    m = by_text["March 2024"]
    assert (m.first, m.last, m.granularity) == (dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month")


def test_value_interval_grammar() -> None:
    assert value_interval("2024-W02") == (dt.date(2024, 1, 8), dt.date(2024, 1, 14), "week")
    assert value_interval("199") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31), "decade")
    assert value_interval("19") == (dt.date(1900, 1, 1), dt.date(1999, 12, 31), "century")
    assert value_interval("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")
    assert value_interval("XXXX-WXX-1") is None
    assert value_interval("PAST_REF") is None
    assert value_interval("P3D") is None


def test_point_shift_and_value() -> None:
    p = Point(dt.date(2024, 1, 31), "month")
    assert shift(p, 1, "M").value() == "2024-02"
    assert shift(Point(dt.date(2023, 8, 15), "quarter"), -4, "Q").value() == "2022-Q3"
    assert Point(dt.date(2024, 1, 13), "weekend").value() == "2024-W02-WE"


@pytest.mark.parametrize(
    ("words", "number"),
    [("three", 3), ("twenty-four", 24), ("a couple of", 2), ("5 1/2", 5.5), ("one and a half", 1.5),
     ("a dozen", 12), ("several", None), ("1,200", 1200)],
)
def test_parse_number(words: str, number: float | None) -> None:
    assert parse_number(words) == number


def test_clause_tense() -> None:
    text = "Kim will visit the flooded towns on Monday."
    i = text.index("Monday")
    assert clause_tense(text, i, i + 6) > 0
    text = "Kim visited the towns on Monday."
    i = text.index("Monday")
    assert clause_tense(text, i, i + 6) < 0


def test_ranges() -> None:
    dct = dt.date(2023, 8, 6)
    text = "The mine ran from 2019 to 2021. A three-day inspection starting August 3 found flaws."
    timexes = tag(text, dct)
    got = {(r.kind, r.first, r.last) for r in resolve_ranges(text, timexes, dct)}
    assert ("between", dt.date(2019, 1, 1), dt.date(2021, 12, 31)) in got
    assert ("starting", dt.date(2023, 8, 3), dt.date(2023, 8, 5)) in got


def test_extents_exclude_prepositions() -> None:
    text = "He left on Tuesday, in March and for years."
    assert [t.text for t in tag(text, DCT)] == ["Tuesday", "March", "years"]


_VALUE_RE = re.compile(
    r"^(?:BC)?(?:\d{2,4}|X{4})(?:-(?:\d\d|XX|W\d\d|WXX|Q[1-4X]|H[12]|SP|SU|FA|WI)(?:-(?:\d\d|XX|WE|\d))?)?"
    r"(?:T(?:\d\d(?::\d\d)?|MO|AF|EV|NI))?$|^P(?:[\dX.]+[YMWDQ]|[\dX.]+(?:DE|CE|WE))+$"
    r"|^PT(?:[\dX.]+[HMS])+$|^P[\dX.]+[YMWD](?:[\dX.]+[YMWD])*T(?:[\dX.]+[HMS])+$|^(?:PAST|PRESENT|FUTURE)_REF$"
)


@pytest.mark.parametrize(
    "text",
    ["", "\u0000\ufeff", "😀 on Monday 😀", "Ｍａｒｃｈ ３", "in 9999 and 0001", "Dec. 31, 9999 was late",
     "Jan. 1, 0001", "\u202eTuesday\u202c night", "\n\n\t  ", "a" * 5000 + " 1990s"],
)
@pytest.mark.parametrize("dct", [None, dt.date(1, 1, 1), dt.date(9999, 12, 31), DCT])
def test_robust_on_odd_input(text: str, dct: dt.date | None) -> None:
    timexes = tag(text, dct)
    last_end = 0
    for t in timexes:
        assert last_end <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert _VALUE_RE.match(t.value), t.value
        if t.first is not None and t.last is not None:
            assert t.first <= t.last
        last_end = t.end


def test_candidates_are_sorted_and_disjoint() -> None:
    text = "From Jan. 5 to Friday, Feb. 2, 2024, at 3 p.m., every day for the past two weeks."
    cands = find_candidates(text)
    for a, b in itertools.pairwise(cands):
        assert a.end <= b.start


def _tagged(text: str, dct: dt.date) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a clause set in the future is anchored at the DCT, not at a year the text named before
        ("The treaty was signed in Madrid in July 2019. Estonia will formally join on March 12.",
         DCT, [("July 2019", "2019-07", None), ("March 12", "2024-03-12", None)]),
        # "planned to" points ahead like "plans to"
        ("The delegation planned to leave the capital on Friday.", DCT, [("Friday", "2024-01-12", None)]),
        # a weekday in the possessive names an event already known
        ("Lawyers said they would appeal Monday's ruling.", DCT, [("Monday", "2024-01-08", None)]),
        ("According to a recent filing, the fund holds 5% of the shares.", DCT, [("recent", "PAST_REF", None)]),
        ("Prices may ease now that supply has recovered.", DCT, [("now", "PRESENT_REF", None)]),
        ("The deal should close by year-end.", DCT, [("year-end", "2024", "END")]),
        ("Sales slipped by year's end.", DCT, [("year's end", "2024", "END")]),
        ("Revenue surged 54% in the latest period.", DCT, [("the latest period", "2023-Q4", None)]),
        # news does not mark ages (TimeBank)
        ("Mr. Reed, 52 years old, will retire next month.", DCT, [("next month", "2024-02", None)]),
        # a period that "ended" lies before the DCT
        ("In the fiscal year ended Jan. 31, the chain reported sales of $59 million.",
         dt.date(2023, 10, 31), [("the fiscal year", "P1Y", None), ("Jan. 31", "2023-01-31", None)]),
        # with no tense cue, a day gone by wins a near tie with one to come
        ("The index is within 70 points of its record high of Aug. 6.", dt.date(2024, 2, 6),
         [("Aug. 6", "2023-08-06", None)]),
    ],
)
def test_news_resolution_rules(text: str, dct: dt.date, expected: list[tuple[str, str, str | None]]) -> None:
    assert _tagged(text, dct) == expected


def test_earnings_comparisons() -> None:
    report = dt.date(2023, 10, 26)
    # a nine-month period read after the quarter is compared with the year before, not a quarter
    text = ("Acme said third-quarter net rose 10%. For the nine months, net income was $5 million, "
            "compared with $4 million a year earlier. Nine-month sales also beat year-earlier sales.")
    assert [(t.text, t.value) for t in tag(text, report)] == [
        ("third-quarter", "2023-Q3"), ("the nine months", "P9M"), ("a year earlier", "2022"),
        ("Nine-month", "P9M"), ("year-earlier", "2022")]
    # a quarter still to come is a forecast: "a year earlier" keeps comparing with the reported one
    text = ("Third-quarter profit fell. Analysts expect weak results through the third quarter of 2024. "
            "Sales rose to $5 million from $4 million a year earlier.")
    assert [(t.text, t.value) for t in tag(text, report)][-1] == ("a year earlier", "2022-Q3")
    text = "Third-quarter sales rose. U.K. sales for last year's quarter were about $3 million."
    assert [(t.text, t.value) for t in tag(text, dt.date(2023, 11, 1))][-1] == ("last year's quarter", "2022-Q3")
    text = "The company posted a loss for the third quarter ended Sept. 30. This quarter's loss includes charges."
    assert [(t.text, t.value) for t in tag(text, dt.date(2023, 11, 1))][-1] == ("This quarter", "2023-Q3")


def test_planned_to_is_a_future_cue() -> None:
    text = "The team planned to leave on Thursday."
    assert clause_tense(text, text.index("Thursday"), len(text) - 1) > 0


def test_named_weekday_moves_the_narrative_time() -> None:
    # A weekday found from the DCT is still where the story now is: "two days later" counts from it.
    text = "The club asked the league for a hearing on Monday. Two days later, the panel ruled against it."
    found = {t.text: t.value for t in tag(text, dt.date(2025, 3, 14))}
    assert found == {"Monday": "2025-03-10", "Two days later": "2025-03-12"}


@pytest.mark.parametrize(
    "text",
    [
        # a rate: "a year" divides an amount (TimeBank leaves it untagged)
        "The bonds pay $3.50 a year in interest.",
        "The ferry will add 900 seats a week on the route.",
        "Rooms will cost between $40 and $60 a night.",
        # a title or a name, not a date: lower-case words capitalised inside a sentence
        "The minister spoke on NBC's \"This Week,\" defending the plan.",
        "She told CBS's \"60 Minutes.\"",
        "The poster showed a still from the film \"High Noon.\"",
        "The story ran in USA Today.",
        "He said on ABC's \"This Week With David Brinkley\" that talks had failed.",
        # "quarterly" is not a quarter
        "The firm reported its first quarterly loss.",
    ],
)
def test_rates_titles_and_adjectives_are_not_timexes(text: str) -> None:
    assert values(text) == []


def test_a_rate_after_times_is_a_set() -> None:
    assert values("The board meets twice a year.") == [("a year", "SET", "P1Y")]
    # a bare "a year" is still a duration
    assert values("The review will take a year.") == [("a year", "DURATION", "P1Y")]


def test_a_title_keeps_its_date_in_a_headline_or_at_the_start() -> None:
    assert values("Today, the minister resigned.")[0][:2] == ("Today", "DATE")
    assert values("Markets Rally Today As Rates Fall")[0][:2] == ("Today", "DATE")


def test_the_reported_year() -> None:
    report = dt.date(2023, 10, 26)
    text = "For the year, unit sales were flat. The stock hit a high for the year of $42 in June."
    assert [(t.text, t.value) for t in tag(text, report)] == [
        ("the year", "2023"), ("the year", "2023"), ("June", "2023-06")]
    text = "Shipments were delayed earlier in the year by floods."
    assert [(t.text, t.value) for t in tag(text, report)] == [("earlier in the year", "2023")]


def test_soon_in_a_past_story_is_not_the_future() -> None:
    assert values("The mayor was soon replaced by his deputy.") == []
    assert values("A trickle of refugees soon became a flood.") == []
    assert values("The mayor will soon be replaced.") == [("soon", "DATE", "FUTURE_REF")]


def test_a_plan_seen_from_the_past_points_back() -> None:
    # DCT Monday 2023-10-30: the deadline that "had been" set was the Friday gone by
    text = "The offer was extended to Nov. 16. It had been due to expire Friday evening."
    assert values(text, dt.date(2023, 10, 30))[-1] == ("Friday evening", "TIME", "2023-10-27TEV")


def test_a_month_in_a_will_clause_is_the_coming_one() -> None:
    # DCT March 2024: December is nearer behind, but "will" looks ahead
    text = "She will be named commander of the crew for a flight in December."
    assert values(text, dt.date(2024, 3, 4)) == [("December", "DATE", "2024-12")]


def test_the_nth_day_of_an_event() -> None:
    text = "In the capital, today is the ninth day of the general strike."
    assert values(text)[-1] == ("the ninth day", "DATE", "2024-01-10")
    text = "Shelling resumed on March 3, 2023. It was the fourth day of the offensive."
    assert values(text)[-1] == ("the fourth day", "DATE", "2023-03-03")


def test_more_rates_and_references() -> None:
    # an amount "annually" is a rate, like "$2 million a year"
    assert values("Sales should rise 8.5% annually through 2026.") == [("2026", "DATE", "2026")]
    assert values("The festival is held annually.") == [("annually", "SET", "P1Y")]
    # "then current": current at a time gone by
    assert values("Holders could buy shares at half the then current price.") == [
        ("then current", "DATE", "PAST_REF")]
    # a part of the day the story is in
    assert values("By mid afternoon, the shelling had stopped.") == [("mid afternoon", "TIME", "2024-01-10TAF")]


def test_a_month_with_a_year_in_words() -> None:
    assert values("January nineteen ninety-seven. A bomb exploded.") == [
        ("January nineteen ninety-seven", "DATE", "1997-01")]


def test_this_afternoon_is_the_day_of_writing_after_a_named_weekday() -> None:
    text = "The walkout follows Friday's ballot. Ships were waiting by this afternoon, and talks resume tonight."
    found = {t.text: t.value for t in tag(text, dt.date(2025, 3, 3))}
    assert found == {"Friday": "2025-02-28", "this afternoon": "2025-03-03TAF", "tonight": "2025-03-03TNI"}


HISTORY = (
    "The republic was founded in 1912. Its army was rebuilt in 1916, 1919 and 1921, and purged in 1923. "
    "The northern campaign of 1926 ended in victory, and the party split in 1927 and 1928.\n"
    "The generals met in the capital to plan the next offensive. Their plan was argued over for weeks. "
    "Supplies ran short. The rains came early.\n"
    "On April 7, the generals held a council of war."
)


def test_the_confidence_of_a_date_says_where_its_year_comes_from() -> None:
    by_text = {t.text: t for t in tag(HISTORY, dt.date(2009, 12, 19))}
    assert by_text["1912"].confidence == 1.0  # the year is stated
    far = by_text["April 7"]
    assert far.value == "1928-04-07", "a history text reads yearless dates in the story's time"
    assert far.confidence < PLAUSIBLE, "but far from the article's date, with no year stated nearby, it is doubted"
    told = tag("The republic was founded in 1912 and purged in 1923. The campaign resumed in 1928. "
               "On April 7, the generals met.", dt.date(2009, 12, 19))
    assert [(t.text, t.value, t.confidence) for t in told][-1] == ("April 7", "1928-04-07", 0.7)
    news = {t.text: t for t in tag("The council met on November 7 and again yesterday.", dt.date(2009, 12, 19))}
    assert news["November 7"].value == "2009-11-07" and news["November 7"].confidence == 0.9


@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "shown"),
    [
        # the tense puts the day nearly a year back, against a coming one weeks away: the year is a
        # guess (the answer may be years older), so the date is kept off the timeline
        ("The March 17 written answer was the minister 's own answer , she said .", dt.date(2015, 2, 23),
         "March 17", "2014-03-17", False),
        ("May 6 : A corporal , 24 , was killed when his patrol hit a mine .", dt.date(2015, 5, 2),
         "May 6", "2014-05-06", False),
        # months back, and a month named alone: news writes them so
        ("Hundreds have died since the new cabinet took office on April 28 .", dt.date(2015, 12, 28),
         "April 28", "2015-04-28", True),
        ("In March , the estimate was about half that .", dt.date(2019, 1, 26), "March", "2018-03", True),
        # recently gone by, or to come: as before
        ("The harbour board 's note of March 17 was a fair account , he said .", dt.date(2015, 4, 27),
         "March 17", "2015-03-17", True),
        ("The March 17 vote will decide the fate of the harbour plan .", dt.date(2015, 2, 23),
         "March 17", "2015-03-17", True),
        # a day known by its name is as sure as a stated year, however far back
        ("Ferry checks at the harbour have been stricter since the Sept. 11 attacks .", dt.date(2008, 10, 5),
         "Sept. 11", "2001-09-11", True),
        ("It is the worst crisis since 9\\/11 , the senator said .", dt.date(2008, 9, 19), "9\\/11", "2001-09-11",
         True),
    ],
)
def test_the_confidence_of_a_date_the_tense_or_a_name_decides(text: str, dct: dt.date, span: str, value: str,
                                                              shown: bool) -> None:
    found = {t.text: t for t in tag(text, dct)}
    assert found[span].value == value
    assert (found[span].confidence >= PLAUSIBLE) is shown


@pytest.mark.parametrize(
    ("text", "dct"),
    [
        # "the next day" after the attacks' name counts from the story's own day, not from Sept. 12, 2001
        ("The council met on Feb. 20 . Unlike the Sept. 11 attacks , the crisis built slowly . "
         "The next day , the council adjourned .", dt.date(2015, 2, 23)),
        # nor is a doubted year (a March 17 of 2014) where the story is
        ("The council met on Feb. 20 . The March 17 written answer was the minister 's own answer . "
         "The next day , the council adjourned .", dt.date(2015, 2, 23)),
    ],
)
def test_a_name_or_a_doubted_year_does_not_move_the_story(text: str, dct: dt.date) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    assert found["The next day"] == "2015-02-21"
