"""chronicle's temporal tagger: finds TIMEX3 expressions in English news and resolves them.

``tag(text, dct)`` returns :class:`chronicle.models.Timex` records, sorted and
non-overlapping, with TimeML TIMEX3 type, value and mod, and for dates that resolve to
the calendar the inclusive interval ``first``..``last`` with its granularity.

The work is split in three steps:

* :mod:`.recognize` finds extents with precompiled regexes (TempEval-3 conventions);
* :mod:`.normalize` resolves them in reading order against the document creation time
  and a narrative reference time that moves with the text (:mod:`.reference`), dates
  through the ordered table of date forms in :mod:`.dates`, with the clause's tense
  (:mod:`.tense`) deciding between the last and the coming weekday or date;
* :mod:`.intervals` turns values into calendar intervals; :func:`resolve_ranges`
  (in :mod:`.ranges`) reads "from X to Y", "since X", "until X", "between X and Y" and
  "a three-day ... starting X" into date ranges built from the timexes.

Ranges are kept apart from the timexes on purpose: TIMEX3 tags each end of "from 2019
to 2021" on its own, and each timex keeps the interval of its own value. A modified
value ("mid-2023", "the late 1990s") keeps the interval of the whole unit, with the
modifier in ``mod``. Durations, sets, ``*_REF`` values and values with ``X`` have no
interval.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from chronicle.extract.timex.intervals import value_interval
from chronicle.extract.timex.normalize import Resolver
from chronicle.extract.timex.ranges import TimeRange, resolve_ranges
from chronicle.extract.timex.recognize import Candidate, find_candidates
from chronicle.models import Timex

__all__ = ["TimeRange", "resolve_ranges", "tag"]


def tag(text: str, dct: dt.date | None = None, **kwargs: Any) -> list[Timex]:
    """Return the time expressions of ``text``, resolved against the creation date ``dct``.

    ``text`` is best a whole article: the narrative reference time moves through it.
    Unknown keyword arguments are accepted and ignored, for forward compatibility.
    """
    if not text:
        return []
    candidates = find_candidates(text)
    resolver = Resolver(text, dct, narrative=_is_narrative(text, candidates, dct))
    out: list[Timex] = []
    for cand in candidates:
        res = resolver.resolve(cand.start, cand.end, cand.kind)
        if res is None:
            continue
        first = last = None
        gran = None
        if res.type in ("DATE", "TIME"):
            interval = value_interval(res.value)
            if interval is not None:
                first, last, gran = interval
        out.append(Timex(cand.start, cand.end, text[cand.start:cand.end], res.type,
                         res.value, res.mod, first, last, gran))
    return out


_YEAR_RE = re.compile(r"(?<!\d)(1\d{3}|20\d\d)(?!\d)")


def _is_narrative(text: str, candidates: list[Candidate], dct: dt.date | None) -> bool:
    """A history-like text: most of the years it states lie years away from its DCT."""
    if dct is None:
        return True
    # years after the DCT (maturities, targets) are news talk, not history
    gaps = sorted(dct.year - int(m.group(1)) for c in candidates if c.kind == "date"
                  for m in _YEAR_RE.finditer(text, c.start, c.end))
    return len(gaps) >= 3 and gaps[len(gaps) // 2] > 3
