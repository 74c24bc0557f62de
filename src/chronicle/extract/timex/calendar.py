"""Calendar facts the resolver reads dates with: days that exist, holidays, years and
decades written in words, centuries by ordinal.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from chronicle.extract.timex.lexicon import HOLIDAYS, ORDINALS, parse_number

__all__ = [
    "CENTURY_RE",
    "DECADE_RE",
    "HOLIDAY_RE",
    "SEASON_START",
    "YEAR_RE",
    "century_value",
    "clip_day",
    "decade_value",
    "explicit_year",
    "holiday_date",
    "holiday_md",
]

YEAR_RE = re.compile(r"(?<![\d'])(1\d{3}|20\d\d)(?!\d)")
_YEAR_WORDS_RE = re.compile(
    r"\b(nineteen|eighteen|seventeen)[-\s]+([a-z]+(?:[-\s][a-z]+)?)|\btwo\s+thousand(?:\s+(?:and\s+)?([a-z]+))?"
)
DECADE_RE = re.compile(r"(\d{3})0'?s\b|'(\d)0s\b|\b(twenties|thirties|forties|fifties|sixties|seventies|"
                       r"eighties|nineties)\b")
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
CENTURY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[-\s]+century|\b([a-z]+(?:[-\s][a-z]+)?)[-\s]+century")
HOLIDAY_RE = re.compile("|".join(sorted((re.escape(h) for h in HOLIDAYS), key=len, reverse=True)))
#: The month each season starts in.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def explicit_year(span: str) -> int | None:
    """The year ``span`` states, in digits or in words ("nineteen eighty-four")."""
    y = YEAR_RE.search(span)
    if y:
        return int(y.group(1))
    w = _YEAR_WORDS_RE.search(span)
    if w:
        if w.group(1):
            return _year_from_words(w.group(1), w.group(2))
        extra = parse_number(w.group(3)) if w.group(3) else 0.0
        return 2000 + int(extra or 0)
    return None


def _year_from_words(first: str, rest: str) -> int | None:
    base = {"nineteen": 1900, "eighteen": 1800, "seventeen": 1700}[first]
    if rest == "hundred":
        return base
    n = parse_number(rest)
    if n is None or not 0 < n < 100:
        return None
    return base + int(n)


def decade_value(m: re.Match[str]) -> str:
    """The TIMEX3 value of a :data:`DECADE_RE` match; a decade without its century is the 1900s'."""
    if m.group(1):
        return m.group(1)
    if m.group(2):
        return f"19{m.group(2)}"
    return f"19{_DECADE_WORDS[m.group(3)]}"


def century_value(m: re.Match[str]) -> str | None:
    """The TIMEX3 value of a :data:`CENTURY_RE` match ("the 20th century" = ``19``)."""
    n = int(m.group(1)) if m.group(1) else ORDINALS.get((m.group(2) or "").replace(" ", "-"))
    if not n:
        # "the twentieth century": the words caught before "century" may start with another
        n = ORDINALS.get((m.group(2) or "").split()[-1]) if m.group(2) else None
    return f"{n - 1:02d}" if n else None


def clip_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` where the calendar has no such day."""
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


def holiday_date(name: str, year: int) -> dt.date | None:
    """The day of holiday ``name`` (a key of :data:`HOLIDAYS`) in ``year``."""
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


def holiday_md(name: str) -> str:
    """The ``MM-DD`` of a holiday in any year, ``XX-XX`` for one that moves."""
    month, day = HOLIDAYS[name]
    return f"{month:02d}-{day:02d}" if month and day else "XX-XX"
