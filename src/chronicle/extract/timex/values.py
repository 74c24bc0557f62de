"""What an expression resolves to (:class:`Resolution`), and TIMEX3 durations and sets
written from an amount and a unit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from chronicle.extract.timex.intervals import Point
from chronicle.extract.timex.lexicon import MONTHS, SEASONS, UNITS, WEEKDAYS, parse_number
from chronicle.extract.timex.patterns import (
    MONTH_RE,
    NUMBER_UNIT_RE,
    POD_CODE,
    POD_RE,
    SEASON_RE,
    UNIT_RE,
    WEEKDAY_RE,
)

__all__ = ["DOUBTFUL", "UNIT_GRAN", "Resolution", "duration_value", "join_durations", "set_value", "unit_of", "year_point"]


#: The confidence of a year the resolver doubts (below :data:`chronicle.models.PLAUSIBLE`: the
#: date is kept off the timeline).
DOUBTFUL = 0.3


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an expression means: TIMEX3 type, value and mod, and the point if it is one."""

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    point: Point | None = None
    #: resolved from the DCT ("yesterday", "last week"): does not move the narrative time
    deictic: bool = False
    #: how sure the year is, when the resolver knows better than the distance from the DCT
    #: (:attr:`chronicle.models.Timex.confidence`): a day known by its name, a past reading
    #: taken against a nearer coming date
    confidence: float | None = None


def year_point(y: int, move: bool = True) -> Resolution:
    """The year ``y``; with ``move=False`` it has no point, so it leaves the narrative time be."""
    p = Point(dt.date(y, 1, 1), "year")
    return Resolution("DATE", p.value(), None, p if move else None)


_UNIT_CODE = {"S": "S", "MIN": "M", "H": "H", "D": "D", "N": "D", "W": "W", "FN": "W", "WE": "WE", "M": "M",
              "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "ML": "ML"}
#: The granularity of a point a unit away ("a week later" is known to the week).
UNIT_GRAN = {"D": "day", "N": "day", "W": "week", "FN": "week", "WE": "weekend", "M": "month", "Q": "quarter",
             "Y": "year", "DE": "decade", "CE": "century", "H": "time", "MIN": "time", "S": "time"}
_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
              "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
              "semiannually": "P6M", "semi-annually": "P6M", "biannually": "P6M", "hourly": "PT1H"}


def unit_of(word: str) -> str:
    """The unit code of a unit word (``"weeks"`` -> ``W``), ``""`` for any other word."""
    return UNITS.get(word.lower(), "")


def duration_value(n: float | None, unit: str) -> str:
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
            rest = duration_value((n - int(n)) * smaller[0], smaller[1])
            return rest if int(n) == 0 else join_durations(duration_value(float(int(n)), unit), rest)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def join_durations(a: str, b: str) -> str:
    """``P1Y`` + ``P6M`` -> ``P1Y6M``; time parts keep the single ``T``."""
    if "T" in a and "T" in b:
        return a + b.split("T", 1)[1]
    if "T" in b:
        return a + b[1:]
    if "T" in a:
        return a
    return a + b[1:]


def set_value(span: str) -> Resolution:
    """The SET a recurring expression names ("every Monday", "twice a year", "monthly")."""
    if span in _SET_WORDS:
        return Resolution("SET", _SET_WORDS[span])
    wd = WEEKDAY_RE.search(span)
    pod = POD_RE.search(span)
    if wd:
        value = f"XXXX-WXX-{WEEKDAYS[wd.group(1)]}"
        if pod:
            value += "T" + POD_CODE[pod.group(1)]
        return Resolution("SET", value)
    mon = MONTH_RE.search(span)
    if mon and not UNIT_RE.search(span):
        return Resolution("SET", f"XXXX-{MONTHS[mon.group(1)]:02d}")
    season = SEASON_RE.search(span)
    if season:
        return Resolution("SET", f"XXXX-{SEASONS[season.group(1)]}")
    if pod and not UNIT_RE.search(span):
        return Resolution("SET", f"XXXX-XX-XXT{POD_CODE[pod.group(1)]}")
    nu = NUMBER_UNIT_RE.search(span)
    if nu and not re.match(r"(?:every|each|per)$", nu.group("num")):
        n = parse_number(nu.group("num").replace("every ", "").replace("each ", "").replace("other ", ""))
        if "other" in span and n is not None:
            n *= 2
        return Resolution("SET", duration_value(n if n is not None else 1.0, unit_of(nu.group("unit"))))
    unit = UNIT_RE.search(span)
    if unit:
        n = 2.0 if "other" in span else 1.0
        return Resolution("SET", duration_value(n, unit_of(unit.group(1))))
    return Resolution("SET", "P1D")
