"""Reporting periods: quarters, halves and fiscal years, and the comparisons of earnings
reports ("a year earlier", "the year-ago quarter", "the 1988 period").

An earnings report talks of the quarter it reports on and compares it with the same
quarter of the year before; :class:`.reference.Anchors` keeps that quarter, and these
handlers of :data:`.dates.DATE_FORMS` resolve against it. The regexes are the tests of
their forms there.
"""

from __future__ import annotations

import datetime as dt
import re

from chronicle.extract.timex.intervals import Point, shift
from chronicle.extract.timex.query import DateQuery
from chronicle.extract.timex.values import Resolution, year_point

__all__ = [
    "FISCAL_RE",
    "FY_RE",
    "HALF_RE",
    "PERIOD_END_RE",
    "QUARTER_WORD_RE",
    "YEAR_EARLIER_RE",
    "YEAR_WORD_RE",
    "fiscal_year",
    "half",
    "latest_period",
    "quarter",
    "reported_quarter_in_year",
    "year_earlier",
]

_QUARTER_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
HALF_RE = re.compile(r"\b(first|second|latter|last|back)\s+half\b|\bh([12])\b")
FY_RE = re.compile(r"\bfy\s*'?(\d{2,4})\b")
PERIOD_END_RE = re.compile(r"\b(?:quarter|period)$")
QUARTER_WORD_RE = re.compile(r"\bquarter\b")
YEAR_EARLIER_RE = re.compile(r"\b(?:year|month|quarter)-(?:earlier|ago|before)\b|\b(?:corresponding|comparable)\b"
                             r"|\blast\s+year's\s+(?:quarter|period)|\bsame\s+period\b.*\byear$")
YEAR_WORD_RE = re.compile(r"\byear\b")
FISCAL_RE = re.compile(r"\b(?:fiscal|financial)\b")


def reported_quarter_in_year(q: DateQuery, reported: Point) -> Resolution:
    n = (reported.day.month - 1) // 3 + 1
    return Resolution("DATE", f"{q.year:04d}-Q{n}")  # "the 1988 period": that quarter in 1988


def latest_period(q: DateQuery, _hit: object) -> Resolution | None:
    """The quarter being reported, or else the last one ended before the DCT."""
    dct = q.anchors.dct
    q_point = q.anchors.recent_quarter() or (shift(Point(dct, "quarter"), -1, "Q") if dct else None)
    return Resolution("DATE", q_point.value(), None, q_point) if q_point else None


def quarter(q: DateQuery, _hit: object) -> Resolution | None:
    """A named quarter ("the third quarter", "Q3 '09"), or "the quarter" relative to the report."""
    anchors, span, rel, tense = q.anchors, q.span, q.rel, q.tense
    dct = anchors.dct_point()
    if q.quarter is not None:
        n = int(q.quarter.group(3)) if q.quarter.group(3) else _QUARTER_NUM[q.quarter.group(1) or q.quarter.group(2)]
        year = q.year
        if year is None:
            fy = re.search(r"\bq[1-4][\s/']*(\d\d)\b", span)
            if fy:
                year = 2000 + int(fy.group(1))
        if year is None:
            if re.search(r"\b(?:last|next|this)\s+year", span):
                year = q.rel_year()
            elif dct is None:
                return Resolution("DATE", f"XXXX-Q{n}")
            else:
                base = anchors.ref if (anchors.narrative and not anchors.ref_is_dct and anchors.ref) else dct
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
        return year_earlier(q)
    if dct is None:
        return Resolution("DATE", "XXXX-QX")
    recent_q = anchors.recent_quarter()
    if recent_q is not None and (rel in ("same", "none", "anaphoric_this") or (rel == "this" and tense <= 0)):
        # "This quarter's loss includes ...": in a report, the quarter being reported
        return Resolution("DATE", recent_q.value(), None, recent_q)
    if anchors.ref is not None and anchors.ref.gran == "quarter" and rel in ("same", "none", "anaphoric_this"):
        return Resolution("DATE", anchors.ref.value(), None, anchors.ref)
    base = Point(dct.day, "quarter")
    if rel in ("this", "current"):
        p = base
    elif rel == "next":
        p = shift(base, 1, "Q")
    else:
        p = shift(base, -1, "Q")
    return Resolution("DATE", p.value(), None, p)


def year_earlier(q: DateQuery, _hit: object = None) -> Resolution | None:
    """The period compared with: "a year earlier", "the year-ago quarter", "the month-earlier level"."""
    period_year = q.anchors.recent_period_year()
    if period_year is not None and not re.search(r"\b(?:month|quarter)-", q.span):
        return year_point(period_year - 1, move=False)
    ref = q.anchors.ref
    base = q.anchors.recent_quarter() or (ref if ref is not None and ref.gran in ("quarter", "half", "month", "year") else None)
    if base is None:
        dct = q.anchors.dct_point()
        if dct is None:
            return None
        base = shift(Point(dct.day, "quarter"), -1, "Q")
    unit = "M" if "month-" in q.span else "Q" if "quarter-" in q.span else "Y"
    p = shift(base, -1, unit)
    return Resolution("DATE", p.value(), None, None)


def half(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    year = q.year or q.rel_year()
    if year is None:
        return None
    first = m.group(1) == "first" or m.group(2) == "1"
    p = Point(dt.date(year, 1 if first else 7, 1), "half")
    return Resolution("DATE", p.value(), None, p)


def fiscal_year(q: DateQuery, _hit: object) -> Resolution | None:
    year = q.year
    fy = FY_RE.search(q.span)
    if fy:
        y = int(fy.group(1))
        year = y if y > 100 else (2000 + y if y < 50 else 1900 + y)
    year = year or q.rel_year()
    if year is None:
        return None
    return year_point(year, move=False)
