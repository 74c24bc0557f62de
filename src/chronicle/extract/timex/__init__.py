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

from chronicle.extract.timex.calendar import explicit_year
from chronicle.extract.timex.intervals import value_interval
from chronicle.extract.timex.normalize import Resolver
from chronicle.extract.timex.patterns import norm
from chronicle.extract.timex.ranges import TimeRange, resolve_ranges
from chronicle.extract.timex.recognize import Candidate, find_candidates
from chronicle.extract.timex.values import DOUBTFUL
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
    history, passages = _kind_of_text(text, candidates, dct)
    resolver = Resolver(text, dct, narrative=history, passages=passages)
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
        confidence = res.confidence if res.confidence is not None else \
            _confidence(text[cand.start:cand.end], first, last, dct, resolver.supported)
        out.append(Timex(cand.start, cand.end, text[cand.start:cand.end], res.type,
                         res.value, res.mod, first, last, gran, confidence))
    return out


#: A date this far from the article's date needs a stated year to be believed.
_FAR = dt.timedelta(days=2 * 365)


def _confidence(span: str, first: dt.date | None, last: dt.date | None, dct: dt.date | None,
                supported: bool) -> float:
    """How sure the year of a resolved date is (see :attr:`chronicle.models.Timex.confidence`).

    News is read from its date: a yearless date years away from it is believed only when a
    stated year was read just before ("In 1918 ... In November"); otherwise its year came from
    the far end of the text, or from a number that only looked like a year.
    """
    if first is None or last is None or dct is None or explicit_year(norm(span)) is not None:
        return 1.0
    if abs((first - dct).days) < _FAR.days and abs((last - dct).days) < _FAR.days:
        return 0.9
    return 0.7 if supported else DOUBTFUL


_YEAR_RE = re.compile(r"(?<!\d)(1\d{3}|20\d\d)(?!\d)")
#: A history text states many years, all of them years away from its creation date (a
#: Wikipedia article on a war); news that tells some history (a 1918 pandemic beside this
#: year's flu) states a year near its date too, or only a few.
_HISTORY_MIN_YEARS = 8
#: At most this share of a history text's years lie within a year of its date ("Wikipedia,
#: retrieved 2009" beside sixty years of the 1920s and 1930s).
_HISTORY_NEAR_SHARE = 0.05


def _kind_of_text(text: str, candidates: list[Candidate], dct: dt.date | None) -> tuple[bool, bool]:
    """Whether the text is history (yearless dates in the story's time throughout), and whether
    it is news that tells history in passages (most years it states lie years before its date)."""
    if dct is None:
        return True, False
    # years after the DCT (maturities, targets) are news talk, not history
    gaps = sorted(dct.year - int(m.group(1)) for c in candidates if c.kind == "date"
                  for m in _YEAR_RE.finditer(text, c.start, c.end))
    far = len(gaps) >= 3 and gaps[len(gaps) // 2] > 3
    near = sum(1 for g in gaps if abs(g) <= 1)
    history = far and len(gaps) >= _HISTORY_MIN_YEARS and near <= _HISTORY_NEAR_SHARE * len(gaps)
    return history, far and not history
