"""Hand-written regression cases for chronicle's temporal tagger (TimeML TIMEX3).

Every sentence here was written for this table in a generic news style; none comes from a
corpus. Each case gives the article's publication date (the DCT, ``None`` for an undated
text), the sentence, and the time expressions a correct tagger must report, in the order
they appear in the sentence.

Conventions (TimeML 1.2.1 / TempEval-3, checked against the TimeBank gold values):

* Extents leave out prepositions ("on", "in", "at", "by", "since") and a possessive "'s",
  and keep determiners and modifiers that are part of the expression: "the 1990s",
  "the third quarter", "the past two weeks", "the weekend", "the future", "late last year",
  "nearly two years", "every Monday", "two years ago".
* Values: day ``YYYY-MM-DD``, week ``YYYY-Www`` (ISO 8601 week and week-year), weekend
  ``YYYY-Www-WE``, month ``YYYY-MM``, quarter ``YYYY-Qn``, half ``YYYY-Hn``, season
  ``YYYY-SP/SU/FA/WI``, year ``YYYY``, decade ``YYY``, century ``YY`` ("the 19th century"
  is ``18``), time ``YYYY-MM-DDTHH:MM`` or ``YYYY-MM-DDTMO/AF/EV/NI``, durations
  ``PnY/PnM/PnW/PnD/PTnH/PTnM`` ("a decade" is ``P10Y`` as in TimeBank's "past decade" and
  "two decades"), sets as the period (``P1Y`` for "annually") or an ``XXXX`` pattern
  (``XXXX-WXX-1`` for "every Monday"), and ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``.
* A weekday or a month-day without a year is resolved to the nearest past occurrence when
  the clause is in the past tense and to the nearest future one when it speaks of what is
  to come ("will", "is set for", "is expected"). Anchored expressions ("two days later",
  "the next day") count from the date most recently mentioned in the text.
* ``first``/``last``/``granularity`` are derived from the value for plain (unmodified)
  DATE and TIME values of day, week, month, quarter, year, decade and century precision;
  DURATION and SET timexes, ``PAST_REF``/``FUTURE_REF`` and values with ``X`` placeholders
  must have no interval.

``exact=True`` (the default) also fails the case when the tagger reports any expression that
is not listed; it is turned off only where the sentence has a debatable extra expression.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ANY", "CASES", "Case", "Exp", "expected_interval"]


class _Any:
    """Marker for a field the case does not check."""

    def __repr__(self) -> str:
        return "ANY"


#: Put as ``mod=ANY`` when the modifier of an expression is debatable.
ANY: Any = _Any()


@dataclass(frozen=True)
class Exp:
    """One expected time expression."""

    text: str
    type: str
    value: str
    mod: Any = None  # a mod, None (must have none), a tuple of accepted mods, or ANY
    alts: tuple[tuple[str, str], ...] = ()  # other accepted (type, value) readings
    first: Any = ANY  # explicit interval; by default derived from the value
    last: Any = ANY
    granularity: Any = ANY


@dataclass(frozen=True)
class Case:
    """One sentence, its publication date and what the tagger must find in it."""

    id: str
    dct: dt.date | None
    text: str
    expected: tuple[Exp, ...] = ()
    exact: bool = True
    note: str = ""
    category: str = field(default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", self.id.split("-", 1)[0])


def C(id: str, dct: str | None, text: str, *expected: Exp, exact: bool = True, note: str = "") -> Case:
    return Case(id, dt.date.fromisoformat(dct) if dct else None, text, tuple(expected), exact, note)


def D(text: str, value: str, mod: Any = None, **kw: Any) -> Exp:
    return Exp(text, "DATE", value, mod, **kw)


def T(text: str, value: str, mod: Any = None, **kw: Any) -> Exp:
    return Exp(text, "TIME", value, mod, **kw)


def P(text: str, value: str, mod: Any = None, **kw: Any) -> Exp:
    return Exp(text, "DURATION", value, mod, **kw)


def S(text: str, value: str, mod: Any = None, **kw: Any) -> Exp:
    return Exp(text, "SET", value, mod, **kw)


_NO_INTERVAL = (None, None, ANY)


def _quarter_bounds(year: int, q: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return start, end - dt.timedelta(days=1)


def expected_interval(exp: Exp) -> tuple[Any, Any, Any] | None:
    """The (first, last, granularity) a tagger must give ``exp``, or None when not checked."""
    if (exp.first, exp.last, exp.granularity) != (ANY, ANY, ANY):
        return exp.first, exp.last, exp.granularity
    if exp.type in ("DURATION", "SET"):
        return _NO_INTERVAL
    v = exp.value
    if v in ("PAST_REF", "FUTURE_REF") or "X" in v:
        return _NO_INTERVAL
    if exp.mod is not None or v == "PRESENT_REF":
        return None  # a modified date may be narrowed; "now" may or may not be pinned to the DCT
    if exp.type == "TIME":
        day = dt.date.fromisoformat(v.split("T", 1)[0])
        return day, day, "day"
    parts = v.split("-")
    if len(parts) == 3 and parts[2].isdigit():
        day = dt.date.fromisoformat(v)
        return day, day, "day"
    if len(parts) == 2 and parts[1][:1] == "W" and parts[1][1:].isdigit():
        monday = dt.date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
        return monday, monday + dt.timedelta(days=6), "week"
    if len(parts) == 2 and parts[1][:1] == "Q" and parts[1][1:].isdigit():
        return (*_quarter_bounds(int(parts[0]), int(parts[1][1:])), "quarter")
    if len(parts) == 2 and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1), "month"
    if len(parts) == 1 and v.isdigit():
        n = len(v)
        if n == 4:
            return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31), "year"
        if n == 3:
            return dt.date(int(v) * 10, 1, 1), dt.date(int(v) * 10 + 9, 12, 31), "decade"
        if n == 2:
            return dt.date(max(int(v) * 100, 1), 1, 1), dt.date(int(v) * 100 + 99, 12, 31), "century"
    return None  # seasons, halves, weekends: granularity is not one of the model's


# ---------------------------------------------------------------------------------------
# The table. Ids start with their category; keep them unique and readable.
# ---------------------------------------------------------------------------------------

CASES: list[Case] = [
    # --- absolute dates ----------------------------------------------------------------
    C("abs-jan2-abbrev", "2024-01-10",
      "The ministry said the grain shipment left the port on Jan. 2.",
      D("Jan. 2", "2024-01-02")),
    C("abs-month-day-year-us", "2024-03-01",
      "The contract was signed January 2, 2024, according to court filings.",
      D("January 2, 2024", "2024-01-02")),
    C("abs-day-month-year-uk", "2024-02-15",
      "The inquiry heard that the tanker was inspected on 2 January 2024 in Rotterdam.",
      D("2 January 2024", "2024-01-02")),
    C("abs-aug3-no-period", "2023-08-06",
      "Inspectors arrived at the plant on Aug 3 and left without comment.",
      D("Aug 3", "2023-08-03")),
    C("abs-bare-year", "2024-05-02",
      "The company lost market share in 2023, according to its filings.",
      D("2023", "2023")),
    C("abs-month-year", "2024-05-02",
      "The bridge was closed in March 2022 after engineers found cracks in a pier.",
      D("March 2022", "2022-03")),
    C("abs-election-day-future", "2023-06-01",
      "Voters in the district go to the polls on November 7, 2023.",
      D("November 7, 2023", "2023-11-07")),
    C("abs-sept-abbrev-year", "2023-10-01",
      "The strike began on Sept. 15, 2023, and idled four assembly plants.",
      D("Sept. 15, 2023", "2023-09-15")),
    C("abs-ordinal-suffix", "2023-05-10",
      "The ceremony took place on May 4th, 2023, in the old city hall.",
      D("May 4th, 2023", "2023-05-04")),
    C("abs-iso-date", "2024-02-01",
      "The regulator's filing is dated 2024-01-17.",
      D("2024-01-17", "2024-01-17")),
    C("abs-month-only-past", "2024-05-02",
      "Sales of electric vans doubled in February, the trade group said.",
      D("February", "2024-02")),
    C("abs-month-only-future", "2024-05-02",
      "The new labeling rules will take effect in September.",
      D("September", "2024-09")),
    C("abs-month-only-past-prev-year", "2024-01-10",
      "Diesel prices peaked in October, the energy agency said.",
      D("October", "2023-10")),
    C("abs-month-abbrev-year", "2024-05-02",
      "Production halted in Nov. 2021 and never fully recovered.",
      D("Nov. 2021", "2021-11")),
    C("abs-year-1998", "2024-05-02",
      "The fisheries treaty was first signed in 1998 by six nations.",
      D("1998", "1998")),
    C("abs-day-month-future", "2024-03-20",
      "Parliament will debate the housing bill on 12 April.",
      D("12 April", "2024-04-12")),
    C("abs-two-dates", "2024-01-20",
      "The airline cancelled hundreds of flights on January 5 and January 6 because of ice.",
      D("January 5", "2024-01-05"), D("January 6", "2024-01-06")),
    C("abs-since-year", "2024-05-02",
      "Turnout fell to its lowest level since 2001.",
      D("2001", "2001")),
    C("abs-between-years", "2024-05-02",
      "The dam was built between 1962 and 1967 by a state contractor.",
      D("1962", "1962"), D("1967", "1967")),
    C("abs-runoff-scheduled", "2024-01-10",
      "The presidential runoff is scheduled for February 4, 2024.",
      D("February 4, 2024", "2024-02-04")),
    C("abs-dec-previous-year", "2024-01-10",
      "The carmaker announced the layoffs on Dec. 18, 2023.",
      D("Dec. 18, 2023", "2023-12-18")),
    C("abs-month-of-year", "2024-05-02",
      "The battery factory opened in June of 2019.",
      D("June of 2019", "2019-06")),
    C("abs-leap-day", "2024-03-05",
      "The pipeline ruptured on Feb. 29, 2024, spilling oil into the bay.",
      D("Feb. 29, 2024", "2024-02-29")),
    C("abs-full-month-day-year-old", "2024-05-02",
      "The union was founded on October 12, 1936, in a rented hall.",
      D("October 12, 1936", "1936-10-12")),

    # --- explicit dates as tokenized text and web pages write them -------------------------
    # Tokenized corpora (Timeline17) put a space before a comma and split the possessive;
    # pages stamp posts and comments with weekday, date and clock. The stated year holds.
    C("tok-month-day-comma-year", "2011-03-07",
      "Crowds gathered in the main square on March 5 , 2011 and stayed there .",
      D("March 5 , 2011", "2011-03-05")),
    C("tok-year-not-from-a-number", "2005-04-10",
      "Under resolution 1441 , the inspectors went back to the site on April 3 , 2005 .",
      D("April 3 , 2005", "2005-04-03")),
    C("tok-abbrev-day-comma-year-old", "2010-11-21",
      "Security at the airport has been tight since Sept. 11 , 2001 .",
      D("Sept. 11 , 2001", "2001-09-11")),
    C("tok-year-after-dct", "2008-10-09",
      "The rescue program expires on December 20 , 2009 , officials said .",
      D("December 20 , 2009", "2009-12-20")),
    C("tok-day-abbrev-comma-year", "2010-03-25",
      "The regiment crossed the river on 22 Sept , 1862 under heavy fire .",
      D("22 Sept , 1862", "1862-09-22")),
    C("tok-ordinal-abbrev-month-year", "2010-03-25",
      "The thread was opened on 24th Mar 2010 by the moderator .",
      D("24th Mar 2010", "2010-03-24")),
    C("tok-mar-abbrev-year", "2010-03-25",
      "The mill burned down in Mar 1867 , the county records show .",
      D("Mar 1867", "1867-03")),
    C("tok-holiday-possessive-year", "2010-03-25",
      "The couple married on Valentine 's Day 2010 in a small chapel .",
      D("Valentine 's Day 2010", "2010-02-14")),
    # A holiday period is weeks around the day: left undated rather than put on the day.
    C("tok-holiday-period", "2009-04-28",
      "A pupil who travelled abroad during the Easter holidays has since fallen ill ."),
    C("tok-holiday-break", "2010-01-06",
      "Shoppers spent less over the Christmas break than at Christmas 2008 .",
      D("Christmas 2008", "2008-12-25")),
    C("tok-day-month-last-year", "2010-03-01",
      "The factory stopped production on 25 June last year .",
      D("25 June last year", "2009-06-25")),
    C("tok-weekday-comma-caption", "2008-10-12",
      "Traders watch the screens on the exchange floor , Saturday , Oct. 11 , 2008 .",
      D("Saturday , Oct. 11 , 2008", "2008-10-11")),
    C("tok-range-glued-year", "2009-06-02",
      "Students filled the square on June 3 and 4,1989 before the army moved in .",
      D("June 3", "1989-06-03"), D("4", "1989-06-04")),
    C("tok-range-comma-year", "2012-01-10",
      "The summit on May 4 and 5, 2010 ended without a deal.",
      D("May 4", "2010-05-04"), D("5", "2010-05-05")),
    C("tok-month-day-ordinal", "2011-01-20",
      "The referendum is set for January 25th .",
      D("January 25th", "2011-01-25")),
    C("tok-ordinal-of-month", "2011-04-20",
      "The union will strike on the 3rd of May .",
      D("the 3rd of May", "2011-05-03")),
    C("tok-ordinal-word-of-month", "2009-04-28",
      "Workers will rally on the first of May in every big city .",
      D("the first of May", "2009-05-01")),
    C("web-date-clock", "2010-06-14",
      "Posted by riverwatcher June 14 , 2010 6:04 PM",
      T("June 14 , 2010 6:04 PM", "2010-06-14T18:04")),
    C("web-date-at-clock", "2011-01-31",
      "Comment by marathon_fan , January 30 , 2011 at 12:11 pm",
      T("January 30 , 2011 at 12:11 pm", "2011-01-30T12:11")),
    C("web-weekday-abbrev-stamp", "2011-03-17",
      "HARBOR CITY | Wed Mar 16 , 2011 4:21 pm EDT HARBOR CITY - Dock workers walked out .",
      T("Wed Mar 16 , 2011 4:21 pm EDT", "2011-03-16T16:21")),
    C("web-weekday-abbrev-stamp-dct", "2010-05-24",
      "Mon May 24 , 2010 9:31 pm EDT The council rejected the plan .",
      T("Mon May 24 , 2010 9:31 pm EDT", "2010-05-24T21:31")),
    C("web-day-month-short-year-clock", "2012-02-04",
      "Page updated 05 February 12 01:10 GMT",
      T("05 February 12 01:10 GMT", "2012-02-05T01:10")),

    # --- month and day without a year, resolved by tense ---------------------------------
    C("md-dec30-and-jan2", "2024-01-10",
      "Shelling hit the border town on Dec. 30 and Jan. 2, local officials said.",
      D("Dec. 30", "2023-12-30"), D("Jan. 2", "2024-01-02")),
    C("md-past-november", "2024-01-10",
      "The factory stopped production on Nov. 28 after a fire.",
      D("Nov. 28", "2023-11-28")),
    C("md-future-february", "2023-12-20",
      "The climate summit will open on Feb. 14 in Geneva.",
      D("Feb. 14", "2024-02-14")),
    C("md-takes-effect-jan1", "2023-12-20",
      "The new tariff on imported steel takes effect Jan. 1.",
      D("Jan. 1", "2024-01-01")),
    C("md-past-same-month", "2023-08-06",
      "The cargo ship docked at the port on Aug. 1.",
      D("Aug. 1", "2023-08-01")),
    C("md-future-same-month", "2023-08-06",
      "The committee is expected to vote on Aug. 22.",
      D("Aug. 22", "2023-08-22")),
    C("md-past-previous-year", "2024-02-05",
      "Investigators say the gas leak started on Dec. 12.",
      D("Dec. 12", "2023-12-12")),
    C("md-future-next-year", "2024-11-20",
      "The new governor will be sworn in on Jan. 15.",
      D("Jan. 15", "2025-01-15")),
    C("md-full-month-past", "2024-03-20",
      "The reactor was last inspected on October 3, the report said.",
      D("October 3", "2023-10-03")),
    C("md-day-first-future", "2024-03-20",
      "Results of the recount will be announced on 2 April.",
      D("2 April", "2024-04-02")),
    C("md-past-across-new-year", "2024-01-03",
      "Regional stock markets fell sharply on Dec. 29.",
      D("Dec. 29", "2023-12-29")),
    C("md-future-across-new-year", "2023-12-28",
      "The ferry service to the islands will resume on Jan. 3.",
      D("Jan. 3", "2024-01-03")),

    # --- relative to the publication date -----------------------------------------------
    C("rel-last-month", "2024-01-10",
      "Inflation slowed last month, the statistics office said.",
      D("last month", "2023-12")),
    C("rel-this-week", "2024-01-10",
      "The central bank will publish its policy review this week.",
      D("this week", "2024-W02")),
    C("rel-next-week", "2024-01-10",
      "Negotiators are due to return to Brussels next week.",
      D("next week", "2024-W03")),
    C("rel-last-week", "2024-01-10",
      "Heavy rain flooded parts of the coast last week.",
      D("last week", "2024-W01")),
    C("rel-last-year", "2024-01-10",
      "The retailer closed 40 stores last year.",
      D("last year", "2023")),
    C("rel-this-year", "2024-01-10",
      "The league expects attendance to grow this year.",
      D("this year", "2024")),
    C("rel-next-year", "2024-06-14",
      "The renovated stadium is due to reopen next year.",
      D("next year", "2025")),
    C("rel-yesterday", "2024-01-10",
      "The senator announced her resignation yesterday.",
      D("yesterday", "2024-01-09")),
    C("rel-today", "2024-01-10",
      "The mayor is expected to sign the budget today.",
      D("today", "2024-01-10")),
    C("rel-tomorrow", "2024-01-10",
      "Schools in the north will stay closed tomorrow.",
      D("tomorrow", "2024-01-11")),
    C("rel-two-years-ago", "2024-01-10",
      "The copper mine was shut two years ago after a collapse.",
      D("two years ago", "2022")),
    C("rel-three-days-ago", "2024-03-20",
      "The suspect was arrested three days ago in Lyon.",
      D("three days ago", "2024-03-17")),
    C("rel-six-months-ago", "2024-03-20",
      "The chief executive joined the bank six months ago.",
      D("six months ago", "2023-09")),
    C("rel-two-weeks-ago", "2024-03-20",
      "The rescue plan was first floated two weeks ago.",
      D("two weeks ago", "2024-W10")),
    C("rel-four-years-ago-initial", "2024-05-02",
      "Four years ago, the party won a landslide.",
      D("Four years ago", "2020")),
    C("rel-three-days-earlier", "2024-03-20",
      "Police detained the driver on March 14. Three days earlier, the car had been reported stolen.",
      D("March 14", "2024-03-14"), D("Three days earlier", "2024-03-11")),
    C("rel-earlier-this-year", "2024-06-14",
      "The firm cut 300 jobs earlier this year.",
      D("earlier this year", "2024", "START")),
    C("rel-later-this-month", "2024-01-10",
      "A final decision is expected later this month.",
      D("later this month", "2024-01", "END")),
    C("rel-earlier-this-month-initial", "2024-01-20",
      "Earlier this month, the regulator opened an inquiry into the lender.",
      D("Earlier this month", "2024-01", "START")),
    C("rel-the-weekend-past", "2024-01-08",
      "Protesters gathered outside parliament over the weekend.",
      D("the weekend", "2024-W01-WE")),
    C("rel-this-weekend", "2024-01-10",
      "Forecasters warn of more snow this weekend.",
      D("this weekend", "2024-W02-WE")),
    C("rel-at-the-weekend-future", "2024-01-10",
      "The two leaders will meet at the weekend.",
      D("the weekend", "2024-W02-WE")),
    C("rel-this-month", "2024-01-10",
      "Wholesale food prices have risen this month.",
      D("this month", "2024-01")),
    C("rel-next-month", "2024-01-10",
      "The corruption trial is set to begin next month.",
      D("next month", "2024-02")),
    C("rel-next-month-across-year", "2023-12-05",
      "The port authority will raise docking fees next month.",
      D("next month", "2024-01")),
    C("rel-this-week-iso-year", "2024-12-30",
      "Ministers will meet this week to discuss the budget.",
      D("this week", "2025-W01")),
    C("rel-last-week-w53", "2021-01-06",
      "Hospital admissions rose sharply last week.",
      D("last week", "2020-W53")),
    C("rel-next-week-across-year", "2023-12-27",
      "The ministry will publish the trade figures next week.",
      D("next week", "2024-W01")),
    C("rel-yesterday-leap-day", "2024-03-01",
      "The farm bill cleared the lower house yesterday.",
      D("yesterday", "2024-02-29")),
    C("rel-tomorrow-new-year", "2023-12-31",
      "The new speed limits come into force tomorrow.",
      D("tomorrow", "2024-01-01")),
    C("rel-month-last-year", "2024-01-10",
      "In April last year, the government raised fuel duty.",
      D("April last year", "2023-04")),
    C("rel-a-year-ago", "2024-01-10",
      "Unemployment stood at 5.1 percent a year ago.",
      D("a year ago", "2023", alts=(("DATE", "2023-01-10"), ("DATE", "2023-01")))),
    C("rel-day-before-yesterday", "2024-01-10",
      "The tanker ran aground the day before yesterday.",
      D("the day before yesterday", "2024-01-08")),

    # --- weekdays --------------------------------------------------------------------------
    C("wd-tuesday-past", "2024-01-10",
      "The minister resigned on Tuesday, his office said.",
      D("Tuesday", "2024-01-09")),
    C("wd-monday-future-visit", "2024-01-10",
      "The president will visit the flooded towns on Monday.",
      D("Monday", "2024-01-15")),
    C("wd-vote-set-for-friday", "2024-01-10",
      "The vote is set for Friday.",
      D("Friday", "2024-01-12")),
    C("wd-monday-past", "2024-01-10",
      "Talks collapsed on Monday, two diplomats said.",
      D("Monday", "2024-01-08")),
    C("wd-sunday-possessive", "2024-01-10",
      "Fans rioted after Sunday's cup final.",
      D("Sunday", "2024-01-07")),
    C("wd-thursday-future", "2024-01-10",
      "Union leaders will meet employers on Thursday.",
      D("Thursday", "2024-01-11")),
    C("wd-saturday-future-from-sunday", "2023-08-06",
      "Festival organizers will announce the lineup on Saturday.",
      D("Saturday", "2023-08-12")),
    C("wd-friday-past-from-sunday", "2023-08-06",
      "The storm made landfall on Friday near the harbor.",
      D("Friday", "2023-08-04")),
    C("wd-wednesday-past-from-friday", "2024-06-14",
      "Shares in the chipmaker fell 8 percent on Wednesday.",
      D("Wednesday", "2024-06-12")),
    C("wd-tuesday-future-from-friday", "2024-06-14",
      "The committee will hold a public hearing on Tuesday.",
      D("Tuesday", "2024-06-18")),
    C("wd-said-monday-no-preposition", "2024-01-10",
      "The company said Monday that it would cut 500 jobs.",
      D("Monday", "2024-01-08")),
    C("wd-ruling-expected-friday", "2024-01-10",
      "A ruling is expected Friday.",
      D("Friday", "2024-01-12")),
    C("wd-last-friday", "2024-01-10",
      "Last Friday, the court rejected the appeal.",
      D("Last Friday", "2024-01-05")),
    C("wd-next-tuesday", "2024-01-10",
      "The board will vote next Tuesday on the takeover offer.",
      D("next Tuesday", "2024-01-16")),
    C("wd-this-thursday", "2024-01-10",
      "The memorial service will take place this Thursday.",
      D("this Thursday", "2024-01-11")),
    C("wd-monday-past-from-saturday", "2023-05-20",
      "The airline said on Monday that it had grounded two jets.",
      D("Monday", "2023-05-15")),
    C("wd-sunday-future-from-saturday", "2023-05-20",
      "Voters will elect a new mayor on Sunday.",
      D("Sunday", "2023-05-21")),

    # --- partial and fuzzy dates -----------------------------------------------------------
    C("fuzzy-the-1990s", "2024-05-02",
      "The software company was founded in the 1990s by two engineers.",
      D("the 1990s", "199")),
    C("fuzzy-the-1980s", "2024-05-02",
      "Tensions along the border date back to the 1980s.",
      D("the 1980s", "198")),
    C("fuzzy-the-2000s", "2024-05-02",
      "Home prices in the capital soared in the 2000s.",
      D("the 2000s", "200")),
    C("fuzzy-the-nineties", "2024-05-02",
      "The song was a hit in the nineties.",
      D("the nineties", "199")),
    C("fuzzy-mid-2023", "2024-05-02",
      "Construction stalled in mid-2023 amid funding disputes.",
      D("mid-2023", "2023", "MID")),
    C("fuzzy-early-2024", "2023-11-15",
      "The carrier plans to launch the route in early 2024.",
      D("early 2024", "2024", "START")),
    C("fuzzy-late-last-year", "2024-01-10",
      "Negotiations broke down late last year.",
      D("late last year", "2023", "END")),
    C("fuzzy-early-next-year", "2024-06-14",
      "The merger should close early next year.",
      D("early next year", "2025", "START")),
    C("fuzzy-q3", "2023-11-15",
      "Revenue rose 12 percent in Q3, the company said.",
      D("Q3", "2023-Q3")),
    C("fuzzy-the-third-quarter", "2023-11-15",
      "Profit fell in the third quarter as costs climbed.",
      D("the third quarter", "2023-Q3")),
    C("fuzzy-fourth-quarter-current", "2023-11-15",
      "The automaker expects deliveries to recover in the fourth quarter.",
      D("the fourth quarter", "2023-Q4")),
    C("fuzzy-the-summer-past", "2024-01-10",
      "Wildfires burned across the region during the summer.",
      D("the summer", "2023-SU")),
    C("fuzzy-this-summer", "2024-05-02",
      "The museum will reopen this summer.",
      D("this summer", "2024-SU")),
    C("fuzzy-last-fall", "2024-05-02",
      "Enrollment at the college dropped last fall.",
      D("last fall", "2023-FA")),
    C("fuzzy-this-winter", "2023-11-15",
      "The government fears power cuts this winter.",
      D("this winter", "2023-WI")),
    C("fuzzy-the-spring-future", "2024-01-10",
      "Construction of the new terminal will begin in the spring.",
      D("the spring", "2024-SP")),
    C("fuzzy-first-half-of-year", "2024-08-01",
      "Exports grew 6 percent in the first half of 2024.",
      D("the first half of 2024", "2024-H1")),
    C("fuzzy-recent-years", "2024-01-10",
      "Applications to the program have surged in recent years.",
      D("recent years", "PAST_REF", alts=(("DURATION", "PXY"),))),
    C("fuzzy-now", "2024-01-10",
      "The river is now above flood stage.",
      D("now", "PRESENT_REF")),
    C("fuzzy-recently", "2024-01-10",
      "The agency recently revised its growth forecast.",
      D("recently", "PAST_REF")),
    C("fuzzy-in-the-future", "2024-01-10",
      "Officials said similar attacks could happen in the future.",
      D("the future", "FUTURE_REF")),
    C("fuzzy-the-past", "2024-01-10",
      "Such incidents were rare in the past.",
      D("the past", "PAST_REF")),
    C("fuzzy-soon", "2024-01-10",
      "Officials hope to reopen the border crossing soon.",
      D("soon", "FUTURE_REF")),
    C("fuzzy-nearly-two-years", "2024-01-10",
      "The ceasefire has held for nearly two years.",
      P("nearly two years", "P2Y", ("APPROX", "LESS_THAN")),
      note="TimeBank marks 'nearly' as APPROX or LESS_THAN"),
    C("fuzzy-about-a-decade", "2024-01-10",
      "The two countries have been in talks for about a decade.",
      P("about a decade", "P10Y", "APPROX")),
    C("fuzzy-mid-april", "2024-03-20",
      "The first shipment is expected in mid-April.",
      D("mid-April", "2024-04", "MID")),
    C("fuzzy-early-december", "2024-01-10",
      "The smelter was shut in early December.",
      D("early December", "2023-12", "START")),
    C("fuzzy-late-november", "2024-01-10",
      "Talks with the creditors resumed in late November.",
      D("late November", "2023-11", "END")),
    C("fuzzy-19th-century", "2024-05-02",
      "The iron bridge dates from the 19th century.",
      D("the 19th century", "18")),
    C("fuzzy-the-late-1990s", "2024-05-02",
      "The retailer expanded rapidly in the late 1990s.",
      D("the late 1990s", "199", "END")),

    # --- narrative reference time ----------------------------------------------------------
    C("narr-two-days-later", "2024-03-20",
      "On March 3, police arrested the mayor's aide. Two days later, he was released on bail.",
      D("March 3", "2024-03-03"), D("Two days later", "2024-03-05")),
    C("narr-the-next-day", "2023-05-20",
      "The talks began on May 4. The next day, both delegations walked out.",
      D("May 4", "2023-05-04"), D("The next day", "2023-05-05")),
    C("narr-the-following-week", "2023-10-19",
      "The factory was sealed on Sept. 8, and the following week inspectors returned.",
      D("Sept. 8", "2023-09-08"), D("the following week", "2023-W37")),
    C("narr-days-later-leap-year", "2024-03-20",
      "The vessel left port on Feb. 27. Four days later, it was seized off the coast.",
      D("Feb. 27", "2024-02-27"), D("Four days later", "2024-03-02")),
    C("narr-a-week-later", "2023-10-19",
      "The first ballots were cast on Oct. 2. A week later, the count was halted.",
      D("Oct. 2", "2023-10-02"), D("A week later", "2023-10-09", alts=(("DATE", "2023-W41"),))),
    C("narr-the-day-before", "2024-01-10",
      "The general was dismissed on Jan. 5. The day before, he had met the president.",
      D("Jan. 5", "2024-01-05"), D("The day before", "2024-01-04")),
    C("narr-a-year-later", "2024-05-02",
      "The plant opened in 2015. A year later, it was sold to a rival.",
      D("2015", "2015"), D("A year later", "2016")),
    C("narr-that-day", "2023-11-15",
      "Protesters filled the square on Nov. 4. Police made 30 arrests that day.",
      D("Nov. 4", "2023-11-04"), D("that day", "2023-11-04")),
    C("narr-two-months-later", "2024-05-02",
      "The merger was announced in January. Two months later, regulators blocked it.",
      D("January", "2024-01"), D("Two months later", "2024-03")),
    C("narr-inherit-year-from-full-date", "2024-05-02",
      "The first case was confirmed on March 9, 2020. By March 20, the city had closed its schools.",
      D("March 9, 2020", "2020-03-09"), D("March 20", "2020-03-20")),
    C("narr-inherit-year-from-month", "2024-05-02",
      "The riots began in July 1981. On July 12, the army was deployed.",
      D("July 1981", "1981-07"), D("July 12", "1981-07-12")),
    C("narr-two-weeks-later", "2024-01-10",
      "The levee failed on Nov. 2. Two weeks later, the water had receded.",
      D("Nov. 2", "2023-11-02"), D("Two weeks later", "2023-11-16", alts=(("DATE", "2023-W46"),))),
    C("narr-the-previous-year", "2024-05-02",
      "The team won the title in 2019, after finishing last the previous year.",
      D("2019", "2019"), D("the previous year", "2018")),

    # --- news that tells history: yearless dates stay in the news unless the story is live --
    C("passage-yearless-date-far-from-the-history", "2009-05-12",
      "The 1918 pandemic killed millions, and those of 1957 and 1968 a million each. "
      "Doctors fear the new strain. Hospitals are preparing wards. The minister visited Mexico on "
      "16 April, before the first cases were confirmed.",
      D("1918", "1918"), D("1957", "1957"), D("1968", "1968"), D("16 April", "2009-04-16")),
    C("passage-history-told-live", "2009-04-30",
      "Glasgow had seen such fevers in 1890 and 1900. The first wave of the new one reached the city "
      "in June 1918. In November, a second wave closed the schools.",
      D("1890", "1890"), D("1900", "1900"), D("June 1918", "1918-06"), D("November", "1918-11")),
    C("passage-the-present-ends-the-story", "2009-04-30",
      "The 1918 flu began in March 1918, and the outbreaks of 1957 and 1968 in February. "
      "Experts now believe the new virus first spread in early April.",
      D("1918", "1918"), D("March 1918", "1918-03"), D("1957", "1957"), D("1968", "1968"),
      D("February", "1968-02"), D("now", "PRESENT_REF"),
      D("early April", "2009-04", "START")),
    C("passage-full-date-then-yesterday", "2008-09-16",
      "It was the first fall in consumer prices since October 2006, an economist said yesterday. "
      "Fuel prices should stay low into September, he said.",
      D("October 2006", "2006-10"), D("yesterday", "2008-09-15"), D("September", "2008-09")),

    C("passage-began-in-a-month-to-come-is-last-year", "2012-02-15",
      "The blockade of the port, which began in March, has cut fuel supplies to the capital.",
      D("March", "2011-03")),
    C("passage-come-january", "2010-06-02",
      "Come January, the new rules will apply to every rig in the gulf.",
      D("January", "2011-01")),
    C("passage-a-comparison-date-is-not-the-story", "2008-11-05",
      "Factory orders fell 2.5 percent in September compared with September 2007. "
      "Car sales dropped 30 percent in October.",
      D("September", "2008-09"), D("September 2007", "2007-09"), D("October", "2008-10")),

    # --- times of day ----------------------------------------------------------------------
    C("time-tuesday-night", "2024-01-10",
      "Gunfire was heard in the capital on Tuesday night.",
      T("Tuesday night", "2024-01-09TNI")),
    C("time-3pm", "2024-01-10",
      "The hearing will resume at 3 p.m.",
      T("3 p.m.", "2024-01-10T15:00")),
    C("time-this-morning", "2024-01-10",
      "Two commuter trains collided this morning outside the station.",
      T("this morning", "2024-01-10TMO")),
    C("time-last-night", "2024-01-10",
      "The warehouse fire was brought under control last night.",
      T("last night", "2024-01-09TNI")),
    C("time-tonight", "2024-01-10",
      "The president will address the nation tonight.",
      T("tonight", "2024-01-10TNI")),
    C("time-this-afternoon", "2024-01-10",
      "Rescue teams resumed the search this afternoon.",
      T("this afternoon", "2024-01-10TAF")),
    C("time-friday-evening", "2024-01-10",
      "The concert will go ahead on Friday evening.",
      T("Friday evening", "2024-01-12TEV")),
    C("time-hh-mm-pm", "2024-01-10",
      "The polls closed at 8:30 p.m.",
      T("8:30 p.m.", "2024-01-10T20:30")),
    C("time-4am", "2024-01-10",
      "The earthquake struck at 4 a.m., waking thousands.",
      T("4 a.m.", "2024-01-10T04:00")),
    C("time-noon", "2024-01-10",
      "Shops in the old town reopened at noon.",
      T("noon", "2024-01-10T12:00")),
    C("time-yesterday-morning", "2024-01-10",
      "The ferry sank yesterday morning.",
      T("yesterday morning", "2024-01-09TMO")),
    C("time-monday-afternoon", "2024-01-10",
      "The verdict was read on Monday afternoon.",
      T("Monday afternoon", "2024-01-08TAF")),
    C("time-24-hour-clock", "2024-01-10",
      "The curfew begins at 22:00.",
      T("22:00", "2024-01-10T22:00")),
    C("time-saturday-morning-future", "2023-08-06",
      "Crews will close the tunnel on Saturday morning.",
      T("Saturday morning", "2023-08-12TMO")),

    # --- durations -------------------------------------------------------------------------
    C("dur-three-days", "2024-01-10",
      "The dock strike lasted three days.",
      P("three days", "P3D")),
    C("dur-a-decade", "2024-01-10",
      "The border dispute has dragged on for a decade.",
      P("a decade", "P10Y")),
    C("dur-the-past-two-weeks", "2024-01-10",
      "Prices have climbed steadily over the past two weeks.",
      P("the past two weeks", "P2W")),
    C("dur-48-hours", "2024-01-10",
      "The rebels were given 48 hours to leave the city.",
      P("48 hours", "PT48H")),
    C("dur-six-months", "2024-01-10",
      "The inquiry is expected to take six months.",
      P("six months", "P6M")),
    C("dur-90-minutes", "2024-01-10",
      "The interview lasted 90 minutes.",
      P("90 minutes", "PT90M")),
    C("dur-more-than-two-hours", "2024-01-10",
      "Voters waited more than two hours in line.",
      P("more than two hours", "PT2H", "MORE_THAN")),
    C("dur-18-months", "2024-01-10",
      "He served 18 months in prison for fraud.",
      P("18 months", "P18M")),
    C("dur-a-year", "2024-01-10",
      "The pilot program will run for a year.",
      P("a year", "P1Y")),
    C("dur-five-year-adjective", "2024-01-10",
      "The club signed a five-year deal with the striker.",
      P("five-year", "P5Y")),
    C("dur-two-weeks", "2024-01-10",
      "The ministry has two weeks to respond to the complaint.",
      P("two weeks", "P2W")),
    C("dur-30-days", "2024-01-10",
      "The company has 30 days to appeal the fine.",
      P("30 days", "P30D")),
    C("dur-the-last-ten-years", "2024-01-10",
      "The town's population has doubled in the last ten years.",
      P("the last ten years", "P10Y")),
    C("dur-24-hour-adjective", "2024-01-10",
      "Police imposed a 24-hour curfew on the district.",
      P("24-hour", "PT24H")),
    C("dur-a-week", "2024-01-10",
      "The book fair runs for a week.",
      P("a week", "P1W")),
    C("dur-at-least-three-weeks", "2024-01-10",
      "The road closure will last at least three weeks.",
      P("at least three weeks", "P3W", "EQUAL_OR_MORE")),
    C("dur-45-minutes", "2024-01-10",
      "The blackout lasted 45 minutes.",
      P("45 minutes", "PT45M")),
    C("dur-one-day-adjective", "2024-01-10",
      "Teachers staged a one-day strike over pay.",
      P("one-day", "P1D")),

    # --- sets (recurring times) ------------------------------------------------------------
    C("set-every-monday", "2024-01-10",
      "The farmers' market opens every Monday.",
      S("every Monday", "XXXX-WXX-1")),
    C("set-annually", "2024-01-10",
      "The safety report is published annually.",
      S("annually", "P1Y")),
    C("set-each-year", "2024-01-10",
      "About 2,000 students apply for the scholarship each year.",
      S("each year", "P1Y")),
    C("set-weekly", "2024-01-10",
      "The council meets weekly.",
      S("weekly", "P1W")),
    C("set-daily", "2024-01-10",
      "The ferry sails daily to the island.",
      S("daily", "P1D")),
    C("set-every-day", "2024-01-10",
      "Thousands of trucks cross the bridge every day.",
      S("every day", "P1D")),
    C("set-each-thursday", "2024-01-10",
      "Volunteers hand out food parcels each Thursday.",
      S("each Thursday", "XXXX-WXX-4")),
    C("set-monthly", "2024-01-10",
      "Inflation figures are released monthly.",
      S("monthly", "P1M")),
    C("set-every-month", "2024-01-10",
      "Tenants pay the maintenance fee every month.",
      S("every month", "P1M")),
    C("set-every-year", "2024-01-10",
      "The harvest festival draws large crowds every year.",
      S("every year", "P1Y")),
    C("set-every-summer", "2024-01-10",
      "The river floods the lower town every summer.",
      S("every summer", "XXXX-SU")),
    C("set-hourly", "2024-01-10",
      "The airport buses run hourly.",
      S("hourly", "PT1H")),
    C("set-every-sunday", "2024-01-10",
      "Relatives of the missing have held a vigil every Sunday.",
      S("every Sunday", "XXXX-WXX-7")),
    C("set-every-two-years", "2024-01-10",
      "Elections to the assembly are held every two years.",
      S("every two years", "P2Y")),

    # --- intervals ---------------------------------------------------------------------------
    C("intv-three-day-inspection-aug3", "2023-08-06",
      "Inspectors began a three-day inspection starting August 3.",
      P("three-day", "P3D"), D("August 3", "2023-08-03")),
    C("intv-from-june-to-august", "2024-05-02",
      "The exhibition runs from June 1 to Aug. 31.",
      D("June 1", "2024-06-01"), D("Aug. 31", "2024-08-31")),
    C("intv-between-2010-and-2015", "2024-05-02",
      "Between 2010 and 2015, the firm tripled its workforce.",
      D("2010", "2010"), D("2015", "2015")),
    C("intv-week-long-festival", "2024-01-10",
      "A week-long film festival opens on Friday.",
      P("week-long", "P1W"), D("Friday", "2024-01-12")),
    C("intv-two-week-tour", "2024-03-20",
      "The envoy will begin a two-week tour of Asia on April 8.",
      P("two-week", "P2W"), D("April 8", "2024-04-08")),
    C("intv-january-through-march", "2024-05-02",
      "Sales slumped from January through March.",
      D("January", "2024-01"), D("March", "2024-03")),
    C("intv-ten-day-truce-from-date", "2023-11-15",
      "The ten-day truce began on Nov. 10.",
      P("ten-day", "P10D"), D("Nov. 10", "2023-11-10")),

    # --- negatives: no time expression at all --------------------------------------------
    C("neg-may-day-stadium", "2024-01-10",
      "Thousands packed the May Day stadium for the opening ceremony."),
    C("neg-fox-5", "2024-01-10",
      "Fox 5 reported that the suspect fled on foot."),
    C("neg-may-modal", "2024-01-10",
      "Officials may decide to reopen the bridge."),
    C("neg-protest-march", "2024-01-10",
      "Thousands joined a protest march through the capital."),
    C("neg-sunday-times", "2024-01-10",
      "The Sunday Times obtained a copy of the memo."),
    C("neg-present-evidence", "2024-01-10",
      "Prosecutors will present evidence from three witnesses."),
    C("neg-second-largest", "2024-01-10",
      "Rotterdam is Europe's largest port and Antwerp the second-largest."),
    C("neg-boeing-747", "2024-01-10",
      "A Boeing 747 made an emergency landing in Anchorage."),
    C("neg-911-call", "2024-01-10",
      "The 911 call was played to the jury."),
    C("neg-room-2024", "2024-01-10",
      "The hearing was held in Room 2024 of the county courthouse."),
    C("neg-percent", "2024-01-10",
      "Unemployment rose to 7 percent."),
    C("neg-route-66", "2024-01-10",
      "The motel sits on a lonely stretch of Route 66."),
    C("neg-april-6-youth-movement", "2024-01-10",
      "The April 6 Youth Movement called for a boycott."),
    C("neg-football-score", "2024-01-10",
      "The striker scored in a 3-1 win over Leeds."),
    C("neg-units-sold", "2024-01-10",
      "The company sold 2,024 units of the new tractor."),
    C("neg-rounds-of-ammunition", "2024-01-10",
      "Investigators recovered a pistol and 15 rounds of ammunition."),
    C("neg-vote-count", "2024-01-10",
      "The bill passed by a vote of 52 to 48."),
    C("neg-interstate-95", "2024-01-10",
      "Interstate 95 was closed in both directions."),
    C("neg-section-230", "2024-01-10",
      "The law is widely known as Section 230."),
    C("neg-rescued-people", "2024-01-10",
      "Rescuers pulled 12 people from the rubble."),
    C("neg-finished-second", "2024-01-10",
      "She finished second in the 1,500 meters."),
    C("neg-water-spring", "2024-01-10",
      "A spring in the hills supplies the village with water."),
    C("neg-prices-fall", "2024-01-10",
      "Analysts expect copper prices to fall further."),
    C("neg-march-on-ministry", "2024-01-10",
      "The union plans to march on the ministry."),
    C("neg-flight-number", "2024-01-10",
      "Passengers on Flight 1230 were evacuated by slide."),
    C("neg-kilograms", "2024-01-10",
      "Police seized 1,998 kilograms of cocaine at the port."),
    C("neg-crew-of-24", "2024-01-10",
      "The ship's crew of 24 was unharmed."),
    C("neg-temperature", "2024-01-10",
      "Temperatures hit 40 degrees in the south."),
    C("neg-chapter-11", "2024-01-10",
      "The regional airline filed for Chapter 11 protection."),
    C("neg-saturday-night-live", "2024-01-10",
      "Saturday Night Live parodied the debate."),
    C("neg-g20-leaders", "2024-01-10",
      "The G20 leaders issued a joint statement on debt relief."),
    C("neg-clock-local-time", "2010-07-17",
      "Engineers closed the valve at 1425 local time ."),
    C("neg-clock-gmt", "2010-07-17",
      "The ferry docked at 1950 GMT with all passengers safe."),
    C("neg-clock-leading-zero", "2010-07-17",
      "Polling stations open at 0800 GMT and close at 2000 GMT."),

    # --- undated text: values keep what is known, intervals only when the date is complete -
    C("nodct-month-day", None,
      "The grain shipment left the port on Jan. 2.",
      D("Jan. 2", "XXXX-01-02")),
    C("nodct-full-date", None,
      "The peace deal was signed on March 3, 2021.",
      D("March 3, 2021", "2021-03-03")),
    C("nodct-weekday", None,
      "The minister resigned on Tuesday.",
      D("Tuesday", "XXXX-WXX-2")),
    C("nodct-duration", None,
      "The dock strike lasted three days.",
      P("three days", "P3D")),
    C("nodct-year", None,
      "The fisheries treaty was signed in 1998.",
      D("1998", "1998")),
    C("nodct-set", None,
      "The council meets every Monday.",
      S("every Monday", "XXXX-WXX-1")),
    C("nodct-now", None,
      "The river is now above flood stage.",
      D("now", "PRESENT_REF")),

    # --- several expressions in one sentence ----------------------------------------------
    C("mix-began-resumed-last", "2024-01-10",
      "The talks, which began in March 2022, resumed on Tuesday and are expected to last three days.",
      D("March 2022", "2022-03"), D("Tuesday", "2024-01-09"), P("three days", "P3D")),
    C("mix-quarter-year-earlier", "2023-11-15",
      "Profit in the third quarter fell 9 percent from a year earlier.",
      D("the third quarter", "2023-Q3"), D("a year earlier", "2022-Q3", alts=(("DATE", "2022"),))),
    C("mix-since-every-month-date", "2024-01-10",
      "Since 2019, the agency has inspected the plant every month; the last visit was on Dec. 12.",
      D("2019", "2019"), S("every month", "P1M"), D("Dec. 12", "2023-12-12")),
    C("mix-hearing-nearly-two-years", "2024-06-14",
      "The court will hear the case on July 9, nearly two years after the crash.",
      D("July 9", "2024-07-09"), P("nearly two years", "P2Y", ("APPROX", "LESS_THAN"))),
    C("mix-friday-july", "2023-08-06",
      "On Friday, the ministry said exports rose 4 percent in July.",
      D("Friday", "2023-08-04"), D("July", "2023-07")),
    C("mix-elected-yesterday-next-year", "2024-01-10",
      "The senator, first elected in 2006, said yesterday she would not run again next year.",
      D("2006", "2006"), D("yesterday", "2024-01-09"), D("next year", "2025")),
    C("mix-six-months-by-june", "2024-03-20",
      "Water levels have fallen for six months and could hit a record low by June.",
      P("six months", "P6M"), D("June", "2024-06")),
    C("mix-last-year-vs-2021", "2024-01-10",
      "The airport handled 30 million passengers last year, up from 22 million in 2021.",
      D("last year", "2023"), D("2021", "2021")),
]
