"""Resolving recognised expressions to TIMEX3 type, value and mod.

Two anchors are kept while a document is read from top to bottom:

* the document creation time (DCT) anchors deictic expressions, those that point from
  the moment of writing: "today", "last week", "next year", "two years ago", a bare
  weekday ("on Tuesday");
* the narrative reference time anchors anaphoric ones, those that point from the time
  the text is currently talking about: "the next day", "two days later", "that year".
  It starts at the DCT and moves to every date the text states or resolves
  anaphorically; deictic expressions and backward comparisons ("a year earlier") leave
  it where it is.

A date written without its year ("Dec. 30", "in May", "the third quarter") depends on
the kind of text (``narrative``, decided by the caller from the years the text states):
in news it is placed near the DCT, or near a fully dated expression read just before;
in a history-like text it takes the year of the story's current time. Near the DCT, the
nearest candidate wins, and the tense of the clause (:func:`clause_tense`) outweighs a
difference of up to ``_TENSE_PENALTY_DAYS``: a future clause ("will visit on Monday",
"is set for Friday") takes the coming date, a past clause the last one, while "approved
a dividend payable Dec. 7" still gets the coming Dec. 7. Weekdays are resolved from the
DCT the same way, within a week.

Earnings reports get one more anchor, the quarter last talked about: "a year earlier",
"the year-ago period", "the 1988 quarter" resolve to that quarter of the other year. Only a
quarter that has begun by the DCT is such an anchor (a forecast "third quarter of 1990" is
not), and a multi-month period read after it ("for the nine months, ... a year earlier")
compares with the year before instead. A date after "ended" ("the year ended Jan. 31") lies
before the DCT; a weekday in the possessive ("Wednesday's ruling") names a day gone by; and
news text leaves ages ("52 years old") untagged, as TimeBank does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from chronicle.extract.timex.intervals import ORDER, Point, shift
from chronicle.extract.timex.lexicon import HOLIDAYS, MONTHS, ORDINALS, SEASONS, UNITS, WEEKDAYS, parse_number

__all__ = ["Resolution", "Resolver", "clause_tense"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an expression means: TIMEX3 type, value and mod, and the point if it is one."""

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    point: Point | None = None
    #: resolved from the DCT ("yesterday", "last week"): does not move the narrative time
    deictic: bool = False


# --- tense -------------------------------------------------------------------------------

_MODAL_CHUNK = r"(?:not\s+|n't\s+|also\s+|then\s+|soon\s+|likely\s+)?(?:be\s+|have\s+|get\s+)?\w+"
_TENSE_RE = re.compile(
    # a future auxiliary takes its verb with it, so "will be announced" is not a past cue
    rf"(?P<fut>(?P<strong>\b(?:will|shall)\s+{_MODAL_CHUNK}|'ll\s+\w+|\bwon't\b|\bgoing\s+to\b|\b(?:is|are)\s+to\b"
    r"|\b(?:is|are|be|'s|'re)\s+(?:set|scheduled|due|expected|slated|planned|poised|likely|supposed|going|about)\b"
    r"|\bplans?\s+to\b|\bset\s+to\b|\bintends?\s+to\b|\bas\s+soon\s+as\b|\bas\s+early\s+as\b)"
    rf"|\b(?:would|must|should)\s+{_MODAL_CHUNK}|\b(?:was|were)\s+to\b|\b(?:was|were|been)\s+(?:set|scheduled|"
    r"due|expected|slated|planned)\b|\bplanning\b|\bexpects?\b|\bhopes?\s+to\b"
    r"|\bupcoming\b|\bscheduled\b|\bslated\b|\bplanned\s+to\b|\bdue\s+(?!to\b)|\b(?:until|till)\s+$"
    r"|\b(?:takes?\s+effect|begins|starts|resumes|opens|expires|kicks?\s+off)\b|\bunless\b)"
    # "had been due to expire Friday": a plan seen from the past, for a day now gone by
    r"|(?P<past>\b(?:had\s+(?:previously\s+)?been\s+(?:set|scheduled|due|expected|slated|planned)|ended|(?:has|have|'ve)\s+(?:not\s+|already\s+|also\s+)?(?:been\s+)?(?!scheduled|planned|set\b|agreed\s+to)\w+|was|were|had|did|said|told|ago|last|earlier|began|came|"
    r"went|took|made|gave|got|saw|met|won|lost|left|held|fell|rose|sold|bought|paid|spent|ran|led|"
    r"became|brought|caught|fought|found|heard|kept|knew|meant|sent|shot|spoke|stood|"
    r"struck|thought|threw|wrote|broke|chose|drove|flew|forgot|froze|grew|hid|rode|rang|sang|sank|"
    r"stole|swore|tore|woke|wore|fled|slid|sprang|swam|wept|won|dealt|felt|sought|taught|sat)\b)"
    r"|(?P<weak>\b\w{3,}ed\b)",
    re.IGNORECASE,
)
_TENSE_PENALTY_DAYS = 120
# "will", "is set to": seen from the moment of writing, the date is one to come.
_STRONG_FUTURE_PENALTY_DAYS = 240
# With no tense cue at all, news talks a little more often of a day gone by than of one to come.
_UNMARKED_FUTURE_DAYS = 15
_SENT_BREAK_RE = re.compile(r"(?:[.!?]\s+(?=[A-Z\"'])|\n\s*\n|;\s)")
# A regular past form may be an adjective ("the flooded towns"): it counts only from nearer.
_WEAK_PENALTY = 20


def clause_tense(text: str, start: int, end: int) -> int:
    """The tense of the clause around ``text[start:end]``: -1 past, 0 unclear, +1 future, +2 future
    seen from the moment of writing ("will", "is set to"; not "would").

    The cue nearest to the expression wins, looking within its sentence only; the first
    cue after the expression counts only when it is close (the governing verb of an
    adverbial usually comes before it).
    """
    before = text[max(0, start - 90):start]
    breaks = list(_SENT_BREAK_RE.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    after = text[end:end + 40]
    cut = _SENT_BREAK_RE.search(after)
    if cut:
        after = after[:cut.start()]
    best = 0
    best_dist = 10**6
    for m in _TENSE_RE.finditer(before):
        dist = len(before) - m.end() + (_WEAK_PENALTY if m.group("weak") else 0)
        if dist <= best_dist:
            best_dist = dist
            best = (2 if m.group("strong") else 1) if m.group("fut") else -1
    if best:
        return best
    for m in _TENSE_RE.finditer(after):
        return (2 if m.group("strong") else 1) if m.group("fut") else -1
    return 0


# --- feature patterns ----------------------------------------------------------------------

_WS_RE = re.compile(r"\s+")
_ISO_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:t(\d\d):(\d\d))?")
_NUMERIC_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)")
_YEAR_RE = re.compile(r"(?<![\d'])(1\d{3}|20\d\d)(?!\d)")
_SHORT_YEAR_RE = re.compile(r"'(\d\d)(?!\w)")
_MONTH_RE = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_DAY_AFTER_MONTH_RE = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_DAY_BEFORE_MONTH_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|"
                         r"thurs|thur|thu|fri|sat|sun)\b")
_CLOCK_RE = re.compile(
    r"(?:\b(\d{1,2}?)(?:[:.]?(\d\d))?\s*(a\.?m\.?|p\.?m\.?|am|pm)(?!\w)|\b(\d{1,2}):(\d\d)\b"
    r"|\b(noon|midday|midnight)\b|\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+o'clock)"
)
_POD_RE = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight)s?\b")
_POD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
             "overnight": "NI"}
_UNIT_RE = re.compile(
    r"\b(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a|ums))\b"
)
_DECADE_RE = re.compile(r"(\d{3})0'?s\b|'(\d)0s\b|\b(twenties|thirties|forties|fifties|sixties|seventies|"
                        r"eighties|nineties)\b")
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_CENTURY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[-\s]+century|\b([a-z]+(?:[-\s][a-z]+)?)[-\s]+century")
_QUARTER_RE = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b[-\s]+(?:fiscal\s+)?quarter"
                         r"|\bfiscal-(first|second|third|fourth)|\bq([1-4])\b")
_QUARTER_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_HALF_RE = re.compile(r"\b(first|second|latter|last|back)\s+half\b|\bh([12])\b")
_SEASON_RE = re.compile(r"\b(spring|summer|fall|autumn|winter)\b")
_BC_RE = re.compile(r"(\d{1,4})\s*(b\.?c\.?e?|bce)(?!\w)")
_AD_RE = re.compile(r"(\d{1,4})\s*(?:a\.?d\.?|ce)(?!\w)|\bad\s+(\d{1,4})")
_YEAR_WORDS_RE = re.compile(
    r"\b(nineteen|eighteen|seventeen)[-\s]+([a-z]+(?:[-\s][a-z]+)?)|\btwo\s+thousand(?:\s+(?:and\s+)?([a-z]+))?"
)
_FY_RE = re.compile(r"\bfy\s*'?(\d{2,4})\b")
_HOLIDAY_RE = re.compile("|".join(sorted((re.escape(h) for h in HOLIDAYS), key=len, reverse=True)))
_NUMBER_UNIT_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|[a-z]+(?:[-\s][a-z]+)*?)[-\s]*"
    r"(?:(?:more|additional|full|straight|consecutive|long|short|calendar|fiscal|business|working|successive)\s+)?"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a|ums))\b"
    r"(?:\s+and\s+(?P<half>a\s+half)|\s+and\s+(?P<num2>[\w.]+(?:[-\s][a-z]+)?)[-\s]+(?P<unit2>[a-z]+))?"
)
_MOD_RE = re.compile(
    r"^(?:the\s+)?(?:(?P<start>early|earlier|the\s+(?:very\s+)?(?:beginning|start|dawn|turn)\s+of|(?:the\s+)?(?:first\s+part|early\s+part)\s+of)"
    r"|(?P<mid>mid|middle|the\s+middle\s+of)|(?P<end>late|later|the\s+(?:very\s+)?(?:end|close)\s+of|(?:the\s+)?"
    r"(?:latter\s+part|later\s+part)\s+of))\b"
)
_APPROX_RE = re.compile(
    r"^(?:(?P<approx>about|around|approximately|roughly|some|close\s+to|more\s+or\s+less)"
    r"|(?P<lt>nearly|almost|less\s+than|fewer\s+than|under|barely|just\s+under|up\s+to|no\s+more\s+than|at\s+most)"
    r"|(?P<gt>more\s+than|over|well\s+over|just\s+over|upwards\s+of)|(?P<ge>at\s+least))\s+"
)

_MONTH_WORD = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
               r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?")
_RANGE_AFTER_RE = re.compile(
    rf"\s*(?:-|–|and|to|through)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}(?:,?\s+(\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_RANGE_BEFORE_RE = re.compile(rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*$", re.IGNORECASE)
_YEAR_AFTER_RE = re.compile(r",?\s+(\d{4})(?!\d)")

_COMPARISON_RE = re.compile(r"\b(?:compared|comparison|from|than|versus|vs\.?|against|up|down|over|with)\b[^.;]*$",
                            re.IGNORECASE)
_AGE_AFTER_RE = re.compile(r"[-\s]+old\b")
_YEAR_END_RE = re.compile(r"(?:the\s+)?year[-\s]end|year's\s+end")
_ENDED_BEFORE_RE = re.compile(r"\bended\s+(?:on\s+)?$", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_EARNINGS_PERIOD_RE = re.compile(r"(?:the\s+)?(?:first\s+|latest\s+|past\s+|last\s+)?(?:six|nine|6|9)\s+months")
_ORDINAL_DAY_RE = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|full)\s+)?day")
_PAST_COPULA_RE = re.compile(r"\b(?:was|marked)\s+$", re.IGNORECASE)
_PAST_AUX_BEFORE_RE = re.compile(r"\b(?:was|were|had)\s+$", re.IGNORECASE)
_PAST_VERB_AFTER_RE = re.compile(
    r"\s+(?:became|came|went|got|began|left|fell|rose|found|took|made|saw|turned|\w{3,}ed)\b", re.IGNORECASE)
_PERIOD_ENDED_RE = re.compile(r"\s+(?:ended|ending|to\s+date)\b")
_UNIT_CODE = {"S": "S", "MIN": "M", "H": "H", "D": "D", "N": "D", "W": "W", "FN": "W", "WE": "WE", "M": "M",
              "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "ML": "ML"}
_UNIT_GRAN = {"D": "day", "N": "day", "W": "week", "FN": "week", "WE": "weekend", "M": "month", "Q": "quarter",
              "Y": "year", "DE": "decade", "CE": "century", "H": "time", "MIN": "time", "S": "time"}
_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
              "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
              "semiannually": "P6M", "semi-annually": "P6M", "biannually": "P6M", "hourly": "PT1H"}


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", text.lower()).replace("’", "'")


def _unit_of(word: str) -> str:
    return UNITS.get(word.lower(), "")


def _duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration of ``n`` ``unit`` (``None`` = unspecified amount)."""
    if unit == "FN":
        return f"P{_num(n * 2) if n is not None else 'X'}W"
    if unit == "ML":
        return f"P{_num(n * 10) if n is not None else 'X'}CE"
    if unit == "Q":
        # TimeBank writes quarters of a year in months ("the next three quarters" = P9M)
        return f"P{_num(n * 3)}M" if n is not None else "PXQ"
    if unit == "DE":
        # TimeBank writes decades in years ("two decades" = P20Y)
        return f"P{_num(n * 10) if n is not None else 'X'}Y" if n is not None else "PXDE"
    if unit == "N":
        unit = "D"
    code = _UNIT_CODE.get(unit, unit)
    amount = "X" if n is None else _num(n)
    if n is not None and n != int(n):
        # "2 1/2 years" -> P2Y6M: the fraction goes to the next smaller unit where exact
        smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S"), "W": (7, "D")}.get(unit)
        if smaller and (n - int(n)) * smaller[0] == int((n - int(n)) * smaller[0]):
            rest = _duration_value((n - int(n)) * smaller[0], smaller[1])
            return rest if int(n) == 0 else _join_durations(_duration_value(float(int(n)), unit), rest)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _year_from_words(first: str, rest: str) -> int | None:
    base = {"nineteen": 1900, "eighteen": 1800, "seventeen": 1700}[first]
    if rest == "hundred":
        return base
    n = parse_number(rest)
    if n is None or not 0 < n < 100:
        return None
    return base + int(n)


def _clip_day(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    if day < 1 or day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th (``-1`` = last) ``weekday`` (0 = Monday) of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[n] if n < 0 else days[n - 1]


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> dt.date | None:
    month, day = HOLIDAYS[name]
    if not 1 <= year <= 9999:
        return None
    if name.startswith("easter"):
        return _easter(year)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    return dt.date(year, month, day)


def _finer(a: str, b: str) -> str:
    return a if ORDER.index(a) <= ORDER.index(b) else b


_WEEKDAY_NAME_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


class Resolver:
    """Resolves the expressions of one document in reading order (keeps the anchors)."""

    def __init__(self, text: str, dct: dt.date | None, narrative: bool = False) -> None:
        self.text = text
        self.dct = dct
        self.ref: Point | None = Point(dct, "day") if dct else None
        self.ref_is_dct = True
        # a narrative (history) text resolves yearless dates from the story's time; news
        # from the DCT unless a fully dated expression was just read
        self.narrative = narrative or dct is None
        self.ref_strong = False
        self.ref_pos = 0
        self.pos = 0
        self.end = 0
        # earnings reports compare "the quarter" with "a year earlier": the same quarter of the
        # year before, so the last quarter mentioned is kept apart from the narrative time
        self.quarter: Point | None = None
        self.quarter_pos = -(10**9)
        # "for the nine months, ... compared with a year earlier": a period of several months
        # read after the quarter is compared with the year before, not with a quarter
        self.period_pos = -(10**9)

    # -- anchors -------------------------------------------------------------------------

    def _move_ref(self, p: Point | None, explicit: bool) -> None:
        if p is None:
            return
        strong = explicit and p.gran != "year"
        if p.gran in ("decade", "century"):
            return
        if p.gran == "year" and self.ref is not None and not explicit:
            return
        if (p.gran == "year" and self.ref is not None and p.day.year == self.ref.day.year
                and ORDER.index(self.ref.gran) < ORDER.index("year")):
            return
        self.ref_strong = strong or (self.ref_strong and self.pos - self.ref_pos < 1500)
        self.ref = p
        self.ref_pos = self.pos
        self.ref_is_dct = self.dct is not None and p.gran in ("day", "time") and p.day == self.dct

    def _calendar_base(self, tense: int = 0) -> tuple[Point | None, bool]:
        """The anchor of a date written without its year, and whether tense picks the side."""
        dct = self._dct_point()
        if self.narrative and not (tense == 2 and dct is not None):
            if self.ref is None:
                return dct, True
            return self.ref, self.ref_is_dct
        if self.ref is not None and self.ref_strong and not self.ref_is_dct and self.pos - self.ref_pos < 600 \
                and tense != 2:
            return self.ref, False
        return dct, True

    def _day_ref(self) -> Point | None:
        """The day the story is at, for "the next morning": the narrative time if it is a day."""
        if self.ref is not None and self.ref.gran in ("day", "time"):
            return self.ref
        return self._dct_point()

    def _dct_point(self) -> Point | None:
        return Point(self.dct, "day") if self.dct else None

    # -- entry point ---------------------------------------------------------------------

    def resolve(self, start: int, end: int, kind: str) -> Resolution | None:
        """Resolve ``text[start:end]`` found by a pattern of family ``kind``; ``None`` to drop it."""
        try:
            return self._resolve(start, end, kind)
        except (ValueError, OverflowError, KeyError, IndexError):
            # calendar edges (year 1, 9999) and odd inputs: better no timex than a crash
            return None

    def _resolve(self, start: int, end: int, kind: str) -> Resolution | None:
        span = _norm(self.text[start:end])
        self.pos = start
        self.end = end
        if kind == "set":
            return self._set(span)
        if kind == "ref":
            return self._ref(span)
        if kind == "duration":
            return self._duration(span)
        if kind == "bcpart":
            return Resolution("DATE", f"BC{int(span):04d}")
        if kind == "ago":
            res = self._ago(span, start, end)
        elif kind == "dpart":
            res = self._partial_day(span, start, end)
        elif kind == "time":
            res = self._time(span, start, end)
        else:
            res = self._date(span, start, end)
        if res is not None and res.point is not None and res.point.gran == "quarter" \
                and (self.dct is None or res.point.day <= self.dct):
            # a quarter still to come ("a loss in the third quarter of 1990") is a forecast,
            # not the reported quarter that "a year earlier" compares with
            self.quarter, self.quarter_pos = res.point, start
        if res is not None and res.point is not None and (
            not res.deictic or (res.point.gran in ("day", "time") and _WEEKDAY_NAME_RE.search(span))
        ):
            # A named weekday ("on Monday") is where the story now is, even though it is found
            # from the DCT: "Two days later" after it counts from that Monday.
            self._move_ref(res.point, explicit=kind == "date" and bool(_YEAR_RE.search(span)))
        return res

    # -- kinds ---------------------------------------------------------------------------

    def _ref(self, span: str) -> Resolution | None:
        if re.match(r"(?:recent|past)\s+years$", span):
            return Resolution("DATE", "PAST_REF")
        m = re.search(r"(recent|past|coming|next)\s+(\w+)$", span)
        if m and _unit_of(m.group(2)):
            return Resolution("DURATION", _duration_value(None, _unit_of(m.group(2))))
        if re.match(r"then\b", span):
            return Resolution("DATE", "PAST_REF")  # "the then current price": current at a time gone by
        if re.search(r"\b(?:now|current|present|nowadays|these days)", span):
            return Resolution("DATE", "PRESENT_REF")
        if span == "soon" and (_PAST_AUX_BEFORE_RE.search(self.text, max(0, self.pos - 8), self.pos)
                               or _PAST_VERB_AFTER_RE.match(self.text, self.end)):
            return None  # "he was soon released", "soon became": shortly after, in a past story
        if re.search(r"\b(?:future|soon)\b", span):
            return Resolution("DATE", "FUTURE_REF")
        if re.search(r"\b(?:meanwhile|meantime)\b", span):
            return Resolution("DATE", "PRESENT_REF")
        return Resolution("DATE", "PAST_REF")

    def _set(self, span: str) -> Resolution:
        if span in _SET_WORDS:
            return Resolution("SET", _SET_WORDS[span])
        wd = _WEEKDAY_RE.search(span)
        pod = _POD_RE.search(span)
        if wd:
            value = f"XXXX-WXX-{WEEKDAYS[wd.group(1)]}"
            if pod:
                value += "T" + _POD_CODE[pod.group(1)]
            return Resolution("SET", value)
        mon = _MONTH_RE.search(span)
        if mon and not _UNIT_RE.search(span):
            return Resolution("SET", f"XXXX-{MONTHS[mon.group(1)]:02d}")
        season = _SEASON_RE.search(span)
        if season:
            return Resolution("SET", f"XXXX-{SEASONS[season.group(1)]}")
        if pod and not _UNIT_RE.search(span):
            return Resolution("SET", f"XXXX-XX-XXT{_POD_CODE[pod.group(1)]}")
        nu = _NUMBER_UNIT_RE.search(span)
        if nu and not re.match(r"(?:every|each|per)$", nu.group("num")):
            n = parse_number(nu.group("num").replace("every ", "").replace("each ", "").replace("other ", ""))
            if "other" in span and n is not None:
                n *= 2
            return Resolution("SET", _duration_value(n if n is not None else 1.0, _unit_of(nu.group("unit"))))
        unit = _UNIT_RE.search(span)
        if unit:
            n = 2.0 if "other" in span else 1.0
            return Resolution("SET", _duration_value(n, _unit_of(unit.group(1))))
        return Resolution("SET", "P1D")

    def _duration(self, span: str) -> Resolution | None:
        if span == "the full year" and self.dct is not None:
            return self._year_point(self.dct.year, move=False)  # "sales for the full year": the year
        if not self.narrative and _AGE_AFTER_RE.match(self.text, self.end):
            return None  # "Mr. Smith, 52 years old": news corpora (TimeBank) do not mark ages
        if re.fullmatch(r"(?:in\s+)?(?:recent|past)\s+years", span):
            return Resolution("DATE", "PAST_REF")
        mod = None
        am = _APPROX_RE.match(span)
        if am:
            mod = {"approx": "APPROX", "lt": "LESS_THAN", "gt": "MORE_THAN", "ge": "EQUAL_OR_MORE"}[am.lastgroup or ""]
            if re.match(r"(?:up\s+to|no\s+more\s+than|at\s+most)\b", span):
                mod = "EQUAL_OR_LESS"
            span = span[am.end():]
        if _EARNINGS_PERIOD_RE.fullmatch(span):
            self.period_pos = self.pos
        nu = _NUMBER_UNIT_RE.search(span)
        if nu:
            num_text = re.sub(r"^(?:the\s+)?(?:past|last|next|first|final|coming|previous|following|latest|preceding|"
                              r"remaining|other|entire|whole|full|same|initial|ensuing|subsequent|additional|"
                              r"further|better\s+part\s+of\s+(?:the|a))\s+", "", nu.group("num"))
            num_text = re.sub(r"^the\s+", "", num_text)
            n = parse_number(num_text)
            unit = _unit_of(nu.group("unit"))
            if nu.group("half") and n is not None:
                n += 0.5
            value = _duration_value(n, unit)
            if nu.group("unit2") and n is not None:
                n2 = parse_number(nu.group("num2"))
                unit2 = _unit_of(nu.group("unit2"))
                if n2 is not None and unit2:
                    v2 = _duration_value(n2, unit2)
                    value = _join_durations(value, v2)
            return Resolution("DURATION", value, mod)
        unit_m = _UNIT_RE.search(span)
        if unit_m:
            u = _unit_of(unit_m.group(1))
            plural = (unit_m.group(1).endswith("s") and u not in ("S",)) or unit_m.group(1) == "centuries"
            if re.search(r"\b(?:whole|entire|full)\b", span) and not plural:
                return Resolution("DURATION", _duration_value(1.0, u), mod)
            return Resolution("DURATION", _duration_value(None if plural else 1.0, u), mod)
        return Resolution("DURATION", "PXD", mod)

    def _ago(self, span: str, start: int, end: int) -> Resolution | None:
        mod = None
        am = _APPROX_RE.match(span)
        if am:
            mod = "APPROX" if am.lastgroup == "approx" else None
            span = span[am.end():]
        direction = 1 if re.search(r"\b(?:later|from now|hence)$", span) else -1
        deictic = bool(re.search(r"\b(?:ago|from now|hence|back)$", span))
        nu = _NUMBER_UNIT_RE.search(span)
        unit_m = _UNIT_RE.search(span)
        if not unit_m:
            return None
        unit = _unit_of(unit_m.group(1))
        n = parse_number(nu.group("num")) if nu else None
        if n is None:
            return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod)
        if nu and nu.group("half"):
            n += 0.5
        anchor = self._dct_point() if deictic else self.ref
        quarter = self._recent_quarter()
        period_year = self._recent_period_year()
        if unit == "Y" and n == 1 and direction < 0 and period_year is not None:
            return Resolution("DATE", f"{period_year - 1:04d}", mod, None)
        if unit == "Y" and n == 1 and direction < 0 and quarter is not None:
            p = shift(quarter, -1, "Y")
            return Resolution("DATE", p.value(), mod, None)
        if unit == "Y" and self.ref is not None and self.ref.gran in ("quarter", "half"):
            anchor = self.ref
        if anchor is None:
            return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod)
        gran = _UNIT_GRAN.get(unit, "day")
        if gran == "time":
            gran = "day"
        if unit == "Y" and self.ref is not None and self.ref.gran in ("quarter", "half"):
            gran = self.ref.gran
        elif not deictic and self.ref is not None and ORDER.index(self.ref.gran) < ORDER.index(gran) and unit != "Y":
            gran = _finer(gran, self.ref.gran)
        if unit in ("H", "MIN", "S"):
            return Resolution("DATE", Point(anchor.day, "day").value(), mod, None)
        moved = shift(Point(anchor.day, gran), direction * n, unit)
        # looking back ("a year earlier") compares; it does not move the story
        return Resolution("DATE", moved.value(), mod, moved, deictic=deictic or direction < 0)

    def _time(self, span: str, start: int, end: int) -> Resolution | None:
        clock = _CLOCK_RE.search(span)
        day_span = span
        time_part = ""
        if clock:
            day_span = (span[:clock.start()] + " " + span[clock.end():]).strip()
            time_part = _clock_value(clock)
        pod = _POD_RE.search(day_span)
        if pod and not time_part:
            time_part = "T" + _POD_CODE[pod.group(1)]
        day_span = _POD_RE.sub(" ", day_span).strip()
        day_span = re.sub(r"^(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|"
                          r"before|after|early|late|earlier|later)\b", "", day_span).strip(" ,")
        day_point: Point | None = None
        if day_span and day_span not in ("this", "that", "the same", "on"):
            if pod and pod.group(1) == "night" and re.match(r"(?:last)$", day_span) and self.dct:
                day_point = Point(self.dct - dt.timedelta(days=1), "day")
            else:
                sub = self._date(day_span, start, end)
                if sub is not None and sub.point is not None and sub.point.gran == "day":
                    day_point = sub.point
                elif (story := self._day_ref()) is not None and re.search(
                        r"\b(?:the\s+)?(?:next|following|previous|preceding)\b", day_span):
                    step = 1 if re.search(r"\b(?:next|following)\b", day_span) else -1
                    day_point = Point(story.day + dt.timedelta(days=step), "day")
        elif (day_span == "this" or (not day_span and pod and pod.group(1) == "tonight")) and not self.narrative:
            # "this afternoon", "tonight" in news are the day of writing, whatever day the
            # story last named
            day_point = self._dct_point()
        elif span.startswith("that") or "same" in span:
            day_point = Point(self.ref.day, "day") if self.ref else None
        elif span in ("overnight",):
            day_point = self._dct_point()
        if day_point is None:
            day_point = self._dct_point() if self.ref_is_dct or self.ref is None or self.ref.gran not in ("day", "time") \
                else Point(self.ref.day, "day")
        if day_point is None:
            return Resolution("TIME", "XXXX-XX-XX" + (time_part or ""))
        if not time_part:
            return Resolution("DATE", day_point.value(), None, day_point)
        p = Point(day_point.day, "time", time=time_part)
        return Resolution("TIME", p.value(), None, Point(day_point.day, "day"))

    def _partial_day(self, span: str, start: int, end: int) -> Resolution | None:
        """The bare day of a range ("12" in "12-14 July 1950", "5" in "May 4 and 5")."""
        day = int(span)
        m = _RANGE_AFTER_RE.match(self.text, end)
        year = None
        if m:
            month, year = m.group(1), m.group(2)
        else:
            b = _RANGE_BEFORE_RE.search(self.text[max(0, start - 30):start])
            if not b:
                return None
            month = b.group(1)
            y = _YEAR_AFTER_RE.match(self.text, end)
            year = y.group(1) if y else None
        synthetic = f"{month.lower().rstrip('.')} {day}" + (f", {year}" if year else "")
        return self._date(synthetic, start, end)

    # -- dates -----------------------------------------------------------------------------

    def _date(self, span: str, start: int, end: int) -> Resolution | None:
        mod = None
        mm = _MOD_RE.match(span)
        if mm:
            mod = "START" if mm.group("start") else "MID" if mm.group("mid") else "END"
        if re.search(r"\bor\s+(?:later|after)$", span):
            mod = "ON_OR_AFTER"
        elif re.search(r"\bor\s+(?:earlier|before)$", span):
            mod = "ON_OR_BEFORE"
        res = self._date_value(span, start, end)
        if res is None:
            return None
        if mod and res.mod is None:
            return Resolution(res.type, res.value, mod, res.point)
        return res

    def _date_value(self, span: str, start: int, end: int) -> Resolution | None:
        if _ORDINAL_DAY_RE.fullmatch(span):
            # "today is the eighth day of ...": the day the clause is about, the DCT for
            # "is", the story's current day for "was"
            past = _PAST_COPULA_RE.search(self.text, max(0, start - 8), start)
            p = self._day_ref() if past else self._dct_point()
            if p is None:
                return None
            p = Point(p.day, "day")
            return Resolution("DATE", p.value(), None, p, deictic=True)
        shifted = re.match(r"(?:the\s+)?day\s+(before|after)\s+(?!yesterday|tomorrow)(.+)$", span)
        if shifted:
            inner = self._date_value(shifted.group(2), start, end)
            if inner is None or inner.point is None or inner.point.gran != "day":
                return inner
            p = Point(inner.point.day + dt.timedelta(days=-1 if shifted.group(1) == "before" else 1), "day")
            return Resolution("DATE", p.value(), None, p, inner.deictic)
        if re.fullmatch(r"(?:the\s+)?(?:fiscal\s+)?year", span) and _PERIOD_ENDED_RE.match(self.text, end):
            return Resolution("DURATION", "P1Y")  # "for the year ended June 30": a span of time
        if span == "the full year" and self.dct is not None:
            return self._year_point(self.dct.year, move=False)
        if _YEAR_END_RE.fullmatch(span):
            # "by year-end", "since year's end": the end of the current year
            return Resolution("DATE", f"{self.dct.year:04d}" if self.dct else "XXXX", "END")
        iso = _ISO_RE.search(span)
        if iso:
            d = _clip_day(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            if d is None:
                return None
            if iso.group(4):
                return Resolution("TIME", f"{d.isoformat()}T{iso.group(4)}:{iso.group(5)}", None, Point(d, "day"))
            return Resolution("DATE", d.isoformat(), None, Point(d, "day"))
        num = _NUMERIC_RE.search(span)
        if num:
            a, b, y = int(num.group(1)), int(num.group(2)), int(num.group(3))
            if y < 100:
                y += 2000 if y < 50 else 1900
            d = _clip_day(y, a, b) or _clip_day(y, b, a)
            return Resolution("DATE", d.isoformat(), None, Point(d, "day")) if d else None
        bc = _BC_RE.search(span)
        if bc:
            return Resolution("DATE", f"BC{int(bc.group(1)):04d}")
        ad = _AD_RE.search(span)
        if ad:
            y = int(ad.group(1) or ad.group(3))
            return self._year_point(y) if y > 0 else None

        year = self._explicit_year(span)
        dec = _DECADE_RE.search(span)
        if dec and not _MONTH_RE.search(span):
            if dec.group(1):
                return Resolution("DATE", dec.group(1))
            if dec.group(2):
                return Resolution("DATE", f"19{dec.group(2)}")
            return Resolution("DATE", f"19{_DECADE_WORDS[dec.group(3)]}")
        cen = _CENTURY_RE.search(span)
        if cen:
            n = int(cen.group(1)) if cen.group(1) else ORDINALS.get((cen.group(2) or "").replace(" ", "-"))
            if not n:
                n = ORDINALS.get((cen.group(2) or "").split()[-1]) if cen.group(2) else None
            return Resolution("DATE", f"{n - 1:02d}") if n else None

        # the tense only decides for dates whose year is left out
        tense = clause_tense(self.text, start, end) if year is None else 0
        rel = _relation(span)

        # quarters and halves
        q = _QUARTER_RE.search(span)
        recent_q = self._recent_quarter()
        if year is not None and q is None and recent_q is not None and re.search(r"\b(?:quarter|period)$", span):
            n = (recent_q.day.month - 1) // 3 + 1
            return Resolution("DATE", f"{year:04d}-Q{n}")  # "the 1988 period": that quarter in 1988
        if span in ("the latest period", "latest period"):
            q_point = recent_q or (shift(Point(self.dct, "quarter"), -1, "Q") if self.dct else None)
            return Resolution("DATE", q_point.value(), None, q_point) if q_point else None
        if q or re.search(r"\bquarter\b", span):
            return self._quarter(span, q, year, rel, tense)
        if re.search(r"\b(?:year|month|quarter)-(?:earlier|ago|before)\b|\b(?:corresponding|comparable)\b"
                     r"|\blast\s+year's\s+(?:quarter|period)|\bsame\s+period\b.*\byear$", span):
            return self._year_earlier(span)
        h = _HALF_RE.search(span)
        if h and (year or re.search(r"\byear\b", span)):
            hy = year or self._rel_year(span)
            if hy is None:
                return None
            y = hy
            half = 1 if (h.group(1) == "first" or h.group(2) == "1") else 2
            p = Point(dt.date(y, 1 if half == 1 else 7, 1), "half")
            return Resolution("DATE", p.value(), None, p)
        if re.search(r"\b(?:fiscal|financial)\b", span) or _FY_RE.search(span):
            fy = _FY_RE.search(span)
            if fy:
                y = int(fy.group(1))
                year = y if y > 100 else (2000 + y if y < 50 else 1900 + y)
            fyear = year or self._rel_year(span)
            if fyear is None:
                return None
            return self._year_point(fyear, move=False)

        # holidays
        hol = _HOLIDAY_RE.search(span)
        if hol:
            name = hol.group(0)
            hyear = year
            if hyear is None:
                base = self._anchor_for_year()
                if base is None:
                    return Resolution("DATE", "XXXX-" + _holiday_md(name))
                hyear = self._nearest_year(base, lambda yy: _holiday_date(name, yy), tense)
            d = _holiday_date(name, hyear)
            return Resolution("DATE", d.isoformat(), None, Point(d, "day")) if d else None

        month_m = _MONTH_RE.search(span)
        wd_m = _WEEKDAY_RE.search(span)
        if month_m:
            month = MONTHS[month_m.group(1)]
            day = None
            after = span[month_m.end():]
            dm = _DAY_AFTER_MONTH_RE.match(after)
            if dm and not (year and re.match(r"^\s*\d{4}", after)):
                day = int(dm.group(1))
            else:
                db = _DAY_BEFORE_MONTH_RE.search(span[:month_m.start()])
                if db:
                    day = int(db.group(1))
            short = _SHORT_YEAR_RE.search(span)
            if year is None and short:
                yy = int(short.group(1))
                year = 2000 + yy if yy < 50 else 1900 + yy
            if year is None and re.search(r"\b(?:last|next|this)\s+year\b", span):
                year = self._rel_year(span)
            if year is None and day is not None and wd_m:
                year = self._year_for_weekday(month, day, WEEKDAYS[wd_m.group(1)])
            return self._month_day(month, day, year, rel, tense)
        season = _SEASON_RE.search(span)
        if season:
            code = SEASONS[season.group(1)]
            if year is None:
                year = self._season_year(code, rel, tense)
            if year is None:
                return Resolution("DATE", f"XXXX-{code}")
            p = Point(dt.date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code], 1), "season", code)
            return Resolution("DATE", p.value(), None, p)
        if year is not None:
            if re.search(r"\b(?:period|months?)\b", span):
                return self._year_point(year)
            return self._year_point(year)
        if re.search(r"\b(?:today|tdy)\b", span):
            return self._deictic_day(0)
        if re.search(r"\bbefore\s+yesterday\b", span):
            return self._deictic_day(-2)
        if re.search(r"\bafter\s+tomorrow\b", span):
            return self._deictic_day(2)
        if re.search(r"\byesterday\b", span):
            return self._deictic_day(-1)
        if re.search(r"\b(?:tomorrow|tmrw|tmr)\b", span):
            return self._deictic_day(1)
        if re.search(r"\btonight\b", span):
            tp = self._dct_point()
            return Resolution("TIME", tp.value() + "TNI", None, tp) if tp else Resolution("TIME", "XXXX-XX-XXTNI")
        if wd_m:
            return self._weekday(WEEKDAYS[wd_m.group(1)], span, rel, tense)
        unit_m = _UNIT_RE.search(span)
        if unit_m:
            return self._relative_unit(_unit_of(unit_m.group(1)), span, rel, tense)
        return None

    def _explicit_year(self, span: str) -> int | None:
        y = _YEAR_RE.search(span)
        if y:
            return int(y.group(1))
        w = _YEAR_WORDS_RE.search(span)
        if w:
            if w.group(1):
                return _year_from_words(w.group(1), w.group(2))
            extra = parse_number(w.group(3)) if w.group(3) else 0.0
            return 2000 + int(extra or 0)
        return None

    def _year_for_weekday(self, month: int, day: int, wd: int) -> int | None:
        base, _ = self._calendar_base()
        if base is None:
            return None
        for y in sorted(range(base.day.year - 6, base.day.year + 7), key=lambda y: abs(y - base.day.year)):
            d = _clip_day(y, month, day)
            if d is not None and d.isoweekday() == wd:
                return y
        return None

    def _year_point(self, y: int, move: bool = True) -> Resolution:
        p = Point(dt.date(y, 1, 1), "year")
        return Resolution("DATE", p.value(), None, p if move else None)

    def _anchor_for_year(self) -> Point | None:
        return self.ref or self._dct_point()

    def _rel_year(self, span: str) -> int | None:
        base = self._dct_point()
        if re.search(r"\b(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year", span):
            base = self.ref
        if base is None:
            return None
        y = base.day.year
        r = _relation(span)
        if r in ("prev", "anaphoric_prev"):
            return y - 1
        if r in ("next", "anaphoric_next"):
            return y + 1
        return y

    def _nearest_year(self, base: Point, make: object, tense: int) -> int:
        candidates = []
        for y in (base.day.year - 1, base.day.year, base.day.year + 1):
            d = make(y) if callable(make) else None
            if isinstance(d, dt.date):
                candidates.append((y, d))
        if not candidates:
            return base.day.year
        ref_day = base.day

        # nearest wins; the tense only outweighs a difference of a few months, since a
        # past-tense clause in news often gives a coming date ("approved a dividend payable Dec. 7")
        def cost(c: tuple[int, dt.date]) -> int:
            days = (c[1] - ref_day).days
            against = (tense < 0 and days > 0) or (tense > 0 and days < 0)
            penalty = _STRONG_FUTURE_PENALTY_DAYS if tense > 1 else _TENSE_PENALTY_DAYS
            return abs(days) + (penalty if against else 0) + (_UNMARKED_FUTURE_DAYS if tense == 0 and days > 0 else 0)

        return min(candidates, key=cost)[0]

    def _month_day(self, month: int, day: int | None, year: int | None, rel: str, tense: int) -> Resolution | None:
        if year is None:
            base, use_tense = self._calendar_base(tense)
            if base is None:
                return Resolution("DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
            if rel in ("prev", "next", "this"):
                d0 = self._dct_point() or base
                yy = d0.day.year
                if rel == "prev":
                    year = yy if month < d0.day.month else yy - 1
                elif rel == "next":
                    year = yy if month > d0.day.month else yy + 1
                else:
                    year = yy
            elif use_tense and self.dct is not None and not self.narrative \
                    and _ENDED_BEFORE_RE.search(self.text, max(0, self.pos - 12), self.pos):
                # "the fiscal year ended Jan. 31": a period that has ended, so not after the DCT
                year = self.dct.year if (month, day or 1) <= (self.dct.month, self.dct.day) else self.dct.year - 1
            elif use_tense:
                # a month named alone in news is mostly one gone by ("bought it in February")
                year = self._nearest_year(base, lambda yy: _clip_day(yy, month, day or 15),
                                          tense if day or tense else -1)
            elif not self.narrative:
                year = self._nearest_year(base, lambda yy: _clip_day(yy, month, day or 15), 0)
            else:
                year = base.day.year
        if day is not None:
            d = _clip_day(year, month, day)
            if d is None:
                return None
            return Resolution("DATE", d.isoformat(), None, Point(d, "day"))
        if not 1 <= year <= 9999:
            return None
        p = Point(dt.date(year, month, 1), "month")
        return Resolution("DATE", p.value(), None, p)

    def _season_year(self, code: str, rel: str, tense: int) -> int | None:
        base = self._dct_point() if rel in ("prev", "next", "this") else self._anchor_for_year()
        if base is None:
            return None
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        y = base.day.year
        current = base.day.month >= start_month
        if rel == "prev":
            return y if base.day.month >= start_month + 3 else y - 1
        if rel == "next":
            return y if not current else y + 1
        if rel == "this" or not self.ref_is_dct:
            return y
        if tense < 0 and not current:
            return y - 1
        return y

    def _deictic_day(self, offset: int) -> Resolution | None:
        if self.dct is None:
            return Resolution("DATE", "XXXX-XX-XX")
        p = Point(self.dct + dt.timedelta(days=offset), "day")
        return Resolution("DATE", p.value(), None, p, deictic=True)

    def _weekday(self, wd: int, span: str, rel: str, tense: int) -> Resolution | None:
        # a weekday counts from the story's day only when the story is far from the DCT (history)
        narrative = (self.narrative and not self.ref_is_dct and self.ref is not None
                     and self.ref.gran in ("day", "time")
                     and (self.dct is None or abs((self.ref.day - self.dct).days) > 366))
        base = self.ref if narrative and self.ref is not None else self._dct_point()
        if base is None:
            return Resolution("DATE", f"XXXX-WXX-{wd}")
        if tense < 2 and _POSSESSIVE_RE.match(self.text, self.end):
            tense = -1  # "Wednesday's ruling", "over Thursday's close": an event already known
        today = base.day.isoweekday()
        back = (today - wd) % 7
        fwd = (wd - today) % 7
        before_last = bool(re.search(r"day\s+before\s+last\b", span))
        if rel == "prev" or before_last:
            delta = -(back or 7) - (7 if before_last else 0)
        elif rel == "next":
            delta = fwd or 7
        elif rel == "this":
            delta = fwd if tense > 0 else -back if tense < 0 else (fwd if fwd <= 3 else -back)
        elif narrative:
            delta = fwd if tense >= 0 else -back
            if tense < 0 and back > 3:
                delta = fwd
        elif tense > 0:
            delta = fwd
        elif tense < 0:
            delta = -back
        else:
            delta = -back if back <= fwd or back <= 3 else fwd
        d = base.day + dt.timedelta(days=delta)
        p = Point(d, "day")
        return Resolution("DATE", p.value(), None, p, deictic=not narrative)

    def _quarter(self, span: str, q: re.Match[str] | None, year: int | None, rel: str, tense: int) -> Resolution | None:
        dct = self._dct_point()
        if q is not None:
            n = int(q.group(3)) if q.group(3) else _QUARTER_NUM[q.group(1) or q.group(2)]
            if year is None:
                fy = re.search(r"\bq[1-4][\s/']*(\d\d)\b", span)
                if fy:
                    year = 2000 + int(fy.group(1))
            if year is None:
                if re.search(r"\b(?:last|next|this)\s+year", span):
                    year = self._rel_year(span)
                elif dct is None:
                    return Resolution("DATE", f"XXXX-Q{n}")
                else:
                    base = self.ref if (self.narrative and not self.ref_is_dct and self.ref) else dct
                    current_q = (base.day.month - 1) // 3 + 1
                    year = base.day.year
                    if n > current_q and tense <= 0 and base is dct:
                        year -= 1
                    if "year-earlier" in span or "year-ago" in span or "year-before" in span:
                        year -= 1
            if year is None:
                return Resolution("DATE", f"XXXX-Q{n}")
            p = Point(dt.date(year, 3 * n - 2, 1), "quarter")
            return Resolution("DATE", p.value(), None, p)
        if re.search(r"\bquarters\b", span):
            return Resolution("DURATION", "PXQ")
        if "year-earlier" in span or "year-ago" in span or "year-before" in span or "corresponding" in span \
                or "last year's" in span:
            return self._year_earlier(span)
        if dct is None:
            return Resolution("DATE", "XXXX-QX")
        recent_q = self._recent_quarter()
        if recent_q is not None and (rel in ("same", "none", "anaphoric_this") or (rel == "this" and tense <= 0)):
            # "This quarter's loss includes ...": in a report, the quarter being reported
            return Resolution("DATE", recent_q.value(), None, recent_q)
        if self.ref is not None and self.ref.gran == "quarter" and rel in ("same", "none", "anaphoric_this"):
            return Resolution("DATE", self.ref.value(), None, self.ref)
        base = Point(dct.day, "quarter")
        if rel in ("this", "current"):
            p = base
        elif rel == "next":
            p = shift(base, 1, "Q")
        else:
            p = shift(base, -1, "Q")
        return Resolution("DATE", p.value(), None, p)

    def _recent_quarter(self) -> Point | None:
        if self.quarter is not None and self.pos - self.quarter_pos < 600 and self.period_pos < self.quarter_pos:
            return self.quarter
        return None

    def _recent_period_year(self) -> int | None:
        """The year of the multi-month period ("the first nine months") last talked about, if any."""
        if self.pos - self.period_pos >= 600 or self.period_pos < self.quarter_pos:
            return None
        if self.quarter is not None and self.pos - self.quarter_pos < 1500:
            return self.quarter.day.year
        return self.dct.year if self.dct else None

    def _year_earlier(self, span: str) -> Resolution | None:
        period_year = self._recent_period_year()
        if period_year is not None and not re.search(r"\b(?:month|quarter)-", span):
            return self._year_point(period_year - 1, move=False)
        base = self._recent_quarter() or (self.ref if self.ref is not None and self.ref.gran in ("quarter", "half", "month", "year") else None)
        if base is None:
            dct = self._dct_point()
            if dct is None:
                return None
            base = shift(Point(dct.day, "quarter"), -1, "Q")
        unit = "M" if "month-" in span else "Q" if "quarter-" in span else "Y"
        p = shift(base, -1, unit)
        return Resolution("DATE", p.value(), None, None)

    def _relative_unit(self, unit: str, span: str, rel: str, tense: int) -> Resolution | None:
        gran = _UNIT_GRAN.get(unit)
        if gran is None or gran == "time":
            if unit == "N" and self.dct:
                return None
            return None
        anaphoric = rel.startswith("anaphoric") or rel == "same"
        base = self.ref if anaphoric else self._dct_point()
        if anaphoric and base is None:
            base = self._dct_point()
        if base is None:
            return Resolution("DATE", "PAST_REF" if rel in ("prev", "anaphoric_prev") else "FUTURE_REF"
                              if rel in ("next", "anaphoric_next") else "PRESENT_REF")
        if unit == "N":
            gran = "day"
        step = {"prev": -1, "anaphoric_prev": -1, "next": 1, "anaphoric_next": 1}.get(rel, 0)
        if rel == "none" and self.ref is not None and (self.narrative or self.ref_strong) \
                and re.search(r"\b(?:day|year|month|week)\b", span):
            base = self.ref
        if gran in ("decade", "century") and rel == "prev" and re.search(r"\bpast\b", span):
            return Resolution("DURATION", _duration_value(1.0, unit))  # "the past decade": the ten years to now
        quarter = self._recent_quarter()
        if unit == "Y" and rel == "prev" and "last year" in span and quarter is not None \
                and _COMPARISON_RE.search(self.text, max(0, self.pos - 60), self.pos):
            p = shift(quarter, -1, "Y")
            return Resolution("DATE", p.value(), None, None)  # earnings compared with "last year": its quarter
        if gran in ("decade", "century") and step == 0 and not anaphoric:
            return Resolution("DATE", Point(base.day, gran).value(), None, None)
        if unit == "WE" and rel == "none" and tense <= 0 and not anaphoric and base.day.isoweekday() < 5:
            step = -1
        p = shift(Point(base.day, gran), step, unit if unit not in ("N",) else "D")
        if unit == "WE":
            p = Point(p.day, "weekend")
        return Resolution("DATE", p.value(), None, p, deictic=not anaphoric)


def _relation(span: str) -> str:
    """Which way a relative expression points: prev/next/this from the DCT, anaphoric_* from the story."""
    if re.search(r"\bthe\s+(?:next|following|subsequent|ensuing)\b|\b(?:following|subsequent|ensuing)\b|\bafter\b", span):
        return "anaphoric_next"
    if re.search(r"\bthe\s+(?:previous|preceding|prior)\b|\b(?:preceding|prior)\b|\bbefore\b", span):
        return "anaphoric_prev"
    if re.search(r"\b(?:that|the\s+same|same)\b", span):
        return "anaphoric_this"
    if re.search(r"\b(?:last|past|previous|latest)\b", span):
        return "prev"
    if re.search(r"\b(?:next|coming|upcoming)\b", span):
        return "next"
    if re.search(r"\b(?:this|current|present)\b", span):
        return "this"
    return "none"


def _holiday_md(name: str) -> str:
    month, day = HOLIDAYS[name]
    return f"{month:02d}-{day:02d}" if month and day else "XX-XX"


def _clock_value(m: re.Match[str]) -> str:
    if m.group(6):
        return "T24:00" if m.group(6) == "midnight" else "T12:00"
    if m.group(7):
        w = m.group(7)
        h = int(w) if w.isdigit() else int(parse_number(w) or 0)
        return f"T{h:02d}:00"
    if m.group(3):
        h = int(m.group(1))
        minute = int(m.group(2) or 0)
        pm = m.group(3).startswith("p")
        if pm and h < 12:
            h += 12
        elif not pm and h == 12:
            h = 0
        return f"T{h:02d}:{minute:02d}"
    return f"T{int(m.group(4)):02d}:{int(m.group(5)):02d}"


def _join_durations(a: str, b: str) -> str:
    """``P1Y`` + ``P6M`` -> ``P1Y6M``; time parts keep the single ``T``."""
    if "T" in a and "T" in b:
        return a + b.split("T", 1)[1]
    if "T" in b:
        return a + b[1:]
    if "T" in a:
        return a
    return a + b[1:]

