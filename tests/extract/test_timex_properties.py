"""Property tests of the temporal tagger: whatever the text and the reference date,
``tag`` returns well-formed, in-bounds, sorted, non-overlapping TIMEX3 expressions.
"""

from __future__ import annotations

import datetime as dt
import re
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.extract.timex import tag
from chronicle.models import Granularity, Timex

# --- the TIMEX3 value grammar (TimeML 1.2.1 / ISO-TimeML) -----------------------------------

_MM = r"(?:0[1-9]|1[0-2]|XX)"
_DD = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WW = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_HH = r"(?:[01]\d|2[0-4])"
_MIN = r"[0-5]\d"
_SEC = r"(?:[0-5]\d|60)(?:\.\d+)?"
#: a time of day after a date: T15, T15:00, T15:00:30, or a part of the day
_TIME = rf"T(?:{_HH}(?::{_MIN}(?::{_SEC})?)?|MO|MI|AF|EV|NI|DT)"
#: years: 4 digits (a year, X for unknown digits, e.g. 199X), 3 (a decade), 2 (a century)
_YEAR = r"(?:BC)?(?:[\dX]{4}|[\dX]{3}|[\dX]{2})"
_CAL = rf"[\dX]{{4}}-{_MM}(?:-{_DD}(?:{_TIME})?)?"  # 2024-01, 2024-01-09, 2024-01-09T15:00
_WEEK = rf"[\dX]{{4}}-W{_WW}(?:-(?:[1-7X](?:{_TIME})?|WE))?"  # 2024-W02, 2024-W02-3, XXXX-WXX-1TNI, 2024-W02-WE
_PART = r"[\dX]{4}-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)"  # quarters, halves, seasons
_DATE = rf"(?:(?:BC)?(?:{_CAL}|{_WEEK}|{_PART})|{_YEAR}|PRESENT_REF|PAST_REF|FUTURE_REF)"
_N = r"(?:\d+(?:\.\d+)?|X)"
_DUR = rf"P(?:(?:{_N}(?:DE|CE|ML|WE|Y|Q|M|W|D|L|E))+(?:T(?:{_N}[HMS])+)?|T(?:{_N}[HMS])+)"
VALUE = re.compile(rf"{_DATE}|{_DUR}")

MODS = {
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
}
TYPES = {"DATE", "TIME", "DURATION", "SET"}
GRANULARITIES = set(typing.get_args(Granularity))


@pytest.mark.parametrize("value", [
    "2024-01-09", "2023-12", "2024-W02", "2024-W02-WE", "2024-W02-3", "2023-Q3", "2024-H1",
    "2023-SU", "2023", "199", "19", "199X", "19XX", "XXXX-01-02", "XXXX-WXX-1", "XXXX-WXX-2TNI",
    "XXXX-SU", "2024-01-09TNI", "2024-01-10T15:00", "2024-01-10T15:00:30", "1989-11-06T17",
    "P3D", "P10Y", "P1DE", "P2W", "PT48H", "P6M", "PT1M30S", "PXY", "PXW", "P1Y2M", "P2.5Y",
    "PRESENT_REF", "PAST_REF", "FUTURE_REF", "BC0044",
])
def test_value_grammar_accepts(value: str) -> None:
    assert VALUE.fullmatch(value)


@pytest.mark.parametrize("value", [
    "", "2024-13", "2024-00-10", "2024-01-32", "2024-W54", "2024-Q5", "2024-1-9", "24-01-09",
    "2024-01-09T25:00", "2024-01-09T15:60", "P", "PT", "P3", "3D", "P3DT", "next week", "TNI",
    "2024-01-09 15:00", "XXXX-WXX-8", "2024-XM", "PAST", "12345", "2024-SU-1", "now",
])
def test_value_grammar_rejects(value: str) -> None:
    assert not VALUE.fullmatch(value)


# --- strategies ---------------------------------------------------------------------------

DATE_WORDS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon.", "Tues.",
    "January", "Jan.", "Feb", "February", "March", "Mar.", "April", "May", "June", "July", "Aug",
    "Aug.", "Sept.", "September", "October", "Nov.", "December", "Dec", "spring", "summer",
    "fall", "autumn", "winter", "weekend", "week", "weeks", "month", "months", "year", "years",
    "day", "days", "hour", "hours", "minutes", "decade", "decades", "century", "quarter", "Q1",
    "Q3", "Q4", "H1", "third", "first", "second", "fourth", "last", "next", "this", "past",
    "coming", "previous", "following", "ago", "later", "earlier", "before", "after", "since",
    "until", "from", "to", "through", "between", "and", "on", "in", "at", "by", "of", "the",
    "a", "an", "mid-", "mid", "early", "late", "end", "start", "beginning", "nearly", "about",
    "almost", "more", "than", "at least", "every", "each", "annually", "weekly", "daily",
    "monthly", "hourly", "yesterday", "today", "tomorrow", "tonight", "now", "recently",
    "soon", "future", "morning", "afternoon", "evening", "night", "noon", "midnight", "p.m.",
    "a.m.", "pm", "AM", "o'clock", "1990s", "'90s", "the 1990s", "nineties", "19th", "21st",
    "2024", "2023", "1999", "0001", "9999", "10000", "0", "1", "2", "3", "12", "15", "24",
    "29", "30", "31", "32", "48", "99", "100", "1,000", "12:30", "3:15", "25:61", "2024-01-10",
    "2023-13-45", "2024-W52", "W53", "Q5", "one", "two", "three", "twelve", "twenty", "half",
    "three-day", "24-hour", "week-long", "year-end", "FY2024", "2020-21", "1/2/2024", "-", "--",
    "'s", ",", ".", ";", "(", ")", "\"", "percent", "Route", "Room", "Boeing", "747", "Fox",
]
JOINERS = [" ", " ", " ", "", "\n", "  ", "\t", "-", ", ", ". ", "\u00a0", "\u2009", "/"]

words = st.one_of(
    st.sampled_from(DATE_WORDS),
    st.sampled_from(DATE_WORDS).map(str.upper),
    st.sampled_from(DATE_WORDS).map(str.lower),
    st.integers(min_value=0, max_value=99999).map(str),
    st.text(max_size=8),
)


@st.composite
def date_like_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(words, max_size=30))
    out = []
    for part in parts:
        out.append(part)
        out.append(draw(st.sampled_from(JOINERS)))
    return "".join(out)


EDGE_DATES = [
    dt.date.min, dt.date(1, 1, 7), dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date(9999, 12, 27),
    dt.date.max, dt.date(2024, 2, 29), dt.date(2020, 12, 31), dt.date(2021, 1, 1),
    dt.date(2024, 12, 30), dt.date(1999, 12, 31), dt.date(2000, 1, 1),
]
dcts = st.one_of(
    st.none(),
    st.sampled_from(EDGE_DATES),
    st.dates(min_value=dt.date.min, max_value=dt.date.max),
)

any_text = st.one_of(
    date_like_text(),
    st.text(max_size=200),
    st.lists(st.one_of(st.text(max_size=10), st.sampled_from(DATE_WORDS)), max_size=20).map(" ".join),
)


# --- the properties -------------------------------------------------------------------------


def check_well_formed(text: str, found: list[Timex]) -> None:
    assert isinstance(found, list)
    previous_end = 0
    previous_start = -1
    for t in found:
        assert isinstance(t, Timex), t
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start:t.end] == t.text, t
        assert t.text == t.text.strip(), f"extent has surrounding whitespace: {t}"
        assert t.start >= previous_start, f"not sorted: {found}"
        assert t.start >= previous_end, f"overlapping expressions: {found}"
        previous_start, previous_end = t.start, t.end
        assert t.type in TYPES, t
        assert VALUE.fullmatch(t.value), f"value {t.value!r} is not TIMEX3: {t}"
        assert t.mod is None or t.mod in MODS, t
        assert (t.first is None) == (t.last is None), f"half-open interval: {t}"
        if t.first is not None and t.last is not None:
            assert isinstance(t.first, dt.date) and isinstance(t.last, dt.date), t
            assert t.first <= t.last, t
            assert t.granularity in GRANULARITIES, t
        else:
            assert t.granularity is None or t.granularity in GRANULARITIES, t


SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(text=date_like_text(), dct=dcts)
def test_tag_is_well_formed_on_date_like_text(text: str, dct: dt.date | None) -> None:
    found = tag(text, dct)
    check_well_formed(text, found)
    assert tag(text, dct) == found, "tagging is not deterministic"


@SETTINGS
@given(text=any_text, dct=dcts)
def test_tag_is_well_formed_on_any_text(text: str, dct: dt.date | None) -> None:
    check_well_formed(text, tag(text, dct))


@pytest.mark.parametrize("dct", [*EDGE_DATES, None], ids=str)
def test_tag_survives_calendar_edges(dct: dt.date | None) -> None:
    text = (
        "Yesterday, today and tomorrow; last week, this week and next week; last month and next "
        "month; last year, next year, two years ago, in 10,000 years; on Monday and on Sunday; "
        "the weekend; Dec. 31 and Jan. 1; Feb. 29; the 1990s; the third quarter; this winter; "
        "tonight at 11 p.m.; 9999; 0001; a century ago; the next century."
    )
    check_well_formed(text, tag(text, dct))
