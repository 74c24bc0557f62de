"""chronicle's temporal tagger: finds TIMEX3 expressions and resolves them.

PLACEHOLDER: recognises only explicit absolute dates; the full engine replaces it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from chronicle.models import Timex

__all__ = ["tag"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    rf"\b(?:(?P<iso>(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d))"
    rf"|(?P<mon>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}))\b",
    re.IGNORECASE,
)


def tag(text: str, dct: dt.date | None = None) -> list[Timex]:
    """Return the time expressions of ``text``, resolved against the creation date ``dct``."""
    found: list[Timex] = []
    for m in _DATE_RE.finditer(text):
        try:
            if m.group("iso"):
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            else:
                day = dt.date(int(m.group("year")), _MONTHS[m.group("mon").lower()], int(m.group("day")))
        except ValueError:
            continue
        found.append(
            Timex(m.start(), m.end(), m.group(0), "DATE", day.isoformat(),
                  first=day, last=day, granularity="day")
        )
    return found
