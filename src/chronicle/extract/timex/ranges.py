"""Date ranges that several words build around the timexes of a text.

TIMEX3 tags single expressions, so "from 2019 to 2021" is two DATE timexes. This
module reads the words around them and returns :class:`TimeRange` records; the timexes
themselves are left as TimeML has them (each with its own ``first``/``last``). The
forms read are:

* ``from X to|through|until|till Y``, ``between X and Y``, ``X-Y`` / ``X–Y``: X.first..Y.last;
* ``since X``: X.first..DCT; ``until|till|through|by X`` (no ``from`` before): DCT..X.last,
  when X is not before the DCT;
* a duration followed by ``starting|beginning|from|on X`` ("a three-day inspection
  starting August 3"): X.first..X.first + duration - 1 day (days, weeks, months, years).

A range is reported only when both ends are calendar dates and first <= last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronicle.extract.timex.intervals import add_months
from chronicle.models import Timex

__all__ = ["TimeRange", "resolve_ranges"]


@dataclass(frozen=True, slots=True)
class TimeRange:
    """An inclusive date range read from the text between ``start`` and ``end``."""

    start: int
    end: int
    first: dt.date
    last: dt.date
    kind: str  # "between", "since", "until" or "starting"
    timexes: tuple[int, ...]  # indexes into the timex list given


_FROM_RE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_JOIN_RE = re.compile(r"^\s*(?:to|through|thru|until|till|and|-|–|—)\s*$", re.IGNORECASE)
_DASH_RE = re.compile(r"^\s*[-–—]\s*$")
_SINCE_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_UNTIL_RE = re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE)
_STARTING_RE = re.compile(r"^[\w\s-]{0,40}?\b(?:starting|beginning|from|on|as\s+of)\s+$", re.IGNORECASE)
_DURATION_RE = re.compile(r"^P(\d+)([DWMY])$")


def _is_dated(t: Timex) -> bool:
    return t.first is not None and t.last is not None


def resolve_ranges(text: str, timexes: Sequence[Timex], dct: dt.date | None = None) -> list[TimeRange]:
    """The date ranges of ``text`` built from its ``timexes`` (as returned by ``tag``)."""
    ranges: list[TimeRange] = []
    used: set[int] = set()
    for i, t in enumerate(timexes):
        if i in used:
            continue
        before = text[max(0, t.start - 12):t.start]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        between = text[t.end:nxt.start] if nxt is not None else ""
        if (nxt is not None and _is_dated(t) and _is_dated(nxt)
                and (_JOIN_RE.match(between) and (_FROM_RE.search(before) or _DASH_RE.match(between)))):
            assert t.first is not None and nxt.last is not None
            if t.first <= nxt.last:
                ranges.append(TimeRange(t.start, nxt.end, t.first, nxt.last, "between", (i, i + 1)))
                used.update((i, i + 1))
                continue
        if _is_dated(t) and t.first is not None and t.last is not None:
            since = _SINCE_RE.search(before)
            if since and dct is not None and t.first <= dct:
                ranges.append(TimeRange(t.start - len(before) + since.start(), t.end, t.first, dct, "since", (i,)))
                continue
            if _UNTIL_RE.search(before) and not _FROM_RE.search(text[max(0, t.start - 60):t.start]) \
                    and dct is not None and dct <= t.last:
                ranges.append(TimeRange(t.start, t.end, dct, t.last, "until", (i,)))
                continue
        prev = timexes[i - 1] if i > 0 else None
        if prev is not None and prev.type == "DURATION" and _is_dated(t) and t.first is not None:
            gap = text[prev.end:t.start]
            m = _DURATION_RE.match(prev.value)
            if m and _STARTING_RE.match(gap):
                n, unit = int(m.group(1)), m.group(2)
                first = t.first
                try:
                    if unit == "D":
                        last = first + dt.timedelta(days=n - 1)
                    elif unit == "W":
                        last = first + dt.timedelta(days=7 * n - 1)
                    else:
                        last = add_months(first, n * (12 if unit == "Y" else 1)) - dt.timedelta(days=1)
                except OverflowError:
                    continue
                if n > 0 and first <= last:
                    ranges.append(TimeRange(prev.start, t.end, first, last, "starting", (i - 1, i)))
    return ranges
