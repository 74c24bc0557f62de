"""Calendar arithmetic on TIMEX3 values: points at a granularity, and their intervals.

A resolved date is a :class:`Point`, a day plus the granularity it is known at; the
resolver moves points ("two days later", "the previous quarter") and writes them as
TIMEX3 values. :func:`value_interval` reads any TIMEX3 DATE/TIME value back into the
inclusive calendar interval it covers (``2023-Q3`` -> 2023-07-01..2023-09-30) with
the coarsest :data:`chronicle.models.Granularity` that is at least as fine as the value
(seasons and halves are reported as ``quarter``; weekends and clock times as ``day``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from chronicle.models import Granularity

__all__ = ["Point", "add_months", "shift", "value_interval"]

_MIN = dt.date(1, 1, 1)
_MAX = dt.date(9999, 12, 31)

#: Granularities from fine to coarse, for "the finer of two" decisions.
ORDER = ("time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade",
         "century")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Point:
    """A date known at granularity ``gran`` (``day``, ``week``, ``month``, ``quarter``...).

    ``season`` is one of ``SP SU FA WI`` for seasons; ``time`` is the TIMEX3 time part
    (``T15:00``, ``TMO``) for clock times and parts of a day.
    """

    day: dt.date
    gran: str
    season: str = ""
    time: str = ""

    def value(self) -> str:
        d, g = self.day, self.gran
        if g in ("day", "time"):
            return d.isoformat() + self.time
        if g in ("week", "weekend"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "season":
            return f"{d.year:04d}-{self.season or 'SU'}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "century":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months, the day clipped to the target month."""
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    if year < 1:
        return _MIN
    if year > 9999:
        return _MAX
    return dt.date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))


def _add_days(d: dt.date, n: int) -> dt.date:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return _MIN if n < 0 else _MAX


def shift(p: Point, n: float, unit: str) -> Point:
    """``p`` moved by ``n`` units (``D W M Q Y DE CE H``); the granularity stays."""
    k = round(n)
    if unit == "D":
        return Point(_add_days(p.day, k), p.gran, p.season, p.time)
    if unit in ("W", "WE"):
        return Point(_add_days(p.day, 7 * k), p.gran, p.season, p.time)
    if unit == "FN":
        return Point(_add_days(p.day, 14 * k), p.gran, p.season, p.time)
    months = {"M": 1, "Q": 3, "HY": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return p
    if unit == "M" and n != k:
        return Point(_add_days(p.day, round(n * 30)), p.gran, p.season, p.time)
    return Point(add_months(p.day, months * k), p.gran, p.season, p.time)


_VALUE_RE = re.compile(
    r"^(?:(?P<bc>BC)?(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|W(?P<w>\d\d)(?:-(?P<wd>\d|WE))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"|(?P<dec>\d{3})|(?P<cen>\d\d))$"
)


def value_interval(value: str) -> tuple[dt.date, dt.date, Granularity] | None:
    """The inclusive calendar interval of a TIMEX3 DATE/TIME value, or ``None``.

    Only fully specified values have an interval: ``XXXX-WXX-1``, ``PRESENT_REF`` and
    durations give ``None``, as do BC dates (``datetime`` has no year 0).
    """
    m = _VALUE_RE.match(value)
    if not m or m.group("bc"):
        return None
    try:
        if m.group("dec"):
            y = int(m.group("dec")) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31), "decade"
        if m.group("cen"):
            y = int(m.group("cen")) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
        y = int(m.group("y"))
        if m.group("d"):
            d = dt.date(y, int(m.group("m")), int(m.group("d")))
            return d, d, "day"
        if m.group("m"):
            mo = int(m.group("m"))
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if m.group("w"):
            monday = dt.date.fromisocalendar(y, int(m.group("w")), 1)
            wd = m.group("wd")
            if wd == "WE":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day"
            if wd:
                d = monday + dt.timedelta(days=int(wd) - 1)
                return d, d, "day"
            return monday, monday + dt.timedelta(days=6), "week"
        if m.group("q"):
            q = int(m.group("q"))
            first = dt.date(y, 3 * q - 2, 1)
            return first, add_months(first, 3) - dt.timedelta(days=1), "quarter"
        if m.group("h"):
            first = dt.date(y, 1 if m.group("h") == "1" else 7, 1)
            return first, add_months(first, 6) - dt.timedelta(days=1), "quarter"
        if m.group("s"):
            first = dt.date(y, _SEASON_MONTH[m.group("s")], 1)
            return first, add_months(first, 3) - dt.timedelta(days=1), "quarter"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    except (ValueError, OverflowError):
        return None
