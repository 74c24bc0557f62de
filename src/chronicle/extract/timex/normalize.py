"""Resolving recognised expressions to TIMEX3 type, value and mod.

:class:`Resolver` reads a document's expressions in order against its anchors
(:mod:`.reference`): the document creation time (DCT) for deictic expressions ("today",
"last week", "two years ago"), and the narrative reference time, which moves with the
text, for anaphoric ones ("the next day", "two days later", "that year"). Dates go
through the ordered table of date forms (:mod:`.dates`); this module reads the other
kinds: durations, sets, vague references ("recently", "now"), counted offsets ("two
years ago", "a week later"), clock times and the bare day of a range.

A date written without its year depends on the kind of text (``narrative``, decided by
the caller from the years the text states): in news it is placed near the DCT, or near a
fully dated expression read just before, the clause's tense (:mod:`.tense`) picking the
side; in a history-like text it takes the year of the story's current time. News text
leaves ages ("52 years old") untagged, as TimeBank does.
"""

from __future__ import annotations

import datetime as dt
import re

from chronicle.extract.timex.dates import resolve_date
from chronicle.extract.timex.intervals import ORDER, Point, shift
from chronicle.extract.timex.lexicon import parse_number
from chronicle.extract.timex.patterns import APPROX_RE, NUMBER_UNIT_RE, POD_CODE, POD_RE, UNIT_RE, norm
from chronicle.extract.timex.reference import Anchors
from chronicle.extract.timex.values import (
    UNIT_GRAN,
    Resolution,
    duration_value,
    join_durations,
    set_value,
    unit_of,
    year_point,
)

__all__ = ["Resolution", "Resolver"]

_CLOCK_RE = re.compile(
    r"(?:\b(\d{1,2}?)(?:[:.]?(\d\d))?\s*(a\.?m\.?|p\.?m\.?|am|pm)(?!\w)|\b(\d{1,2}):(\d\d)\b"
    r"|\b(noon|midday|midnight)\b|\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+o'clock)"
)
_MONTH_WORD = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
               r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?")
_RANGE_AFTER_RE = re.compile(
    rf"\s*(?:-|–|and|to|through)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}(?:,?\s+(\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_RANGE_BEFORE_RE = re.compile(rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*$", re.IGNORECASE)
_YEAR_AFTER_RE = re.compile(r"\s*,?\s*(\d{4})(?!\d)")  # "May 4 and 5, 2010", "June 3 and 4,1989"
_AGE_AFTER_RE = re.compile(r"[-\s]+old\b")
_EARNINGS_PERIOD_RE = re.compile(r"(?:the\s+)?(?:first\s+|latest\s+|past\s+|last\s+)?(?:six|nine|6|9)\s+months")
_PAST_AUX_BEFORE_RE = re.compile(r"\b(?:was|were|had)\s+$", re.IGNORECASE)
_PAST_VERB_AFTER_RE = re.compile(
    r"\s+(?:became|came|went|got|began|left|fell|rose|found|took|made|saw|turned|\w{3,}ed)\b", re.IGNORECASE)


class Resolver:
    """Resolves the expressions of one document in reading order (keeps the anchors)."""

    def __init__(self, text: str, dct: dt.date | None, narrative: bool = False, *, passages: bool = False) -> None:
        self.text = text
        self.anchors = Anchors(dct, narrative, text, passages=passages)
        #: whether the last expression resolved could lean on a stated year nearby
        self.supported = False

    def resolve(self, start: int, end: int, kind: str) -> Resolution | None:
        """Resolve ``text[start:end]`` found by a pattern of family ``kind``; ``None`` to drop it."""
        try:
            return self._resolve(start, end, kind)
        except (ValueError, OverflowError, KeyError, IndexError):
            # calendar edges (year 1, 9999) and odd inputs: better no timex than a crash
            return None

    def _resolve(self, start: int, end: int, kind: str) -> Resolution | None:
        span = norm(self.text[start:end])
        self.anchors.pos = start
        self.supported = self.anchors.supported()
        self.anchors.read_from_ref = False
        if kind == "set":
            return set_value(span)
        if kind == "ref":
            res = self._ref(span, start, end)
            if res is not None:
                self.anchors.note(res, span, kind)  # "now" speaks from the present
            return res
        if kind == "duration":
            return self._duration(span, end)
        if kind == "bcpart":
            return Resolution("DATE", f"BC{int(span):04d}")
        if kind == "ago":
            res = self._ago(span)
        elif kind == "dpart":
            res = self._partial_day(span, start, end)
        elif kind == "time":
            res = self._time(span, start, end)
        else:
            res = resolve_date(self.anchors, self.text, span, start, end)
        if res is not None:
            self.anchors.note(res, span, kind)
        return res

    def _ref(self, span: str, start: int, end: int) -> Resolution | None:
        if re.match(r"(?:recent|past)\s+years$", span):
            return Resolution("DATE", "PAST_REF")
        m = re.search(r"(recent|past|coming|next)\s+(\w+)$", span)
        if m and unit_of(m.group(2)):
            return Resolution("DURATION", duration_value(None, unit_of(m.group(2))))
        if re.match(r"then\b", span):
            return Resolution("DATE", "PAST_REF")  # "the then current price": current at a time gone by
        if re.search(r"\b(?:now|current|present|nowadays|these days)", span):
            return Resolution("DATE", "PRESENT_REF")
        if span == "soon" and (_PAST_AUX_BEFORE_RE.search(self.text, max(0, start - 8), start)
                               or _PAST_VERB_AFTER_RE.match(self.text, end)):
            return None  # "he was soon released", "soon became": shortly after, in a past story
        if re.search(r"\b(?:future|soon)\b", span):
            return Resolution("DATE", "FUTURE_REF")
        if re.search(r"\b(?:meanwhile|meantime)\b", span):
            return Resolution("DATE", "PRESENT_REF")
        return Resolution("DATE", "PAST_REF")

    def _duration(self, span: str, end: int) -> Resolution | None:
        dct = self.anchors.dct
        if span == "the full year" and dct is not None:
            return year_point(dct.year, move=False)  # "sales for the full year": the year
        if not self.anchors.narrative and _AGE_AFTER_RE.match(self.text, end):
            return None  # "Mr. Smith, 52 years old": news corpora (TimeBank) do not mark ages
        if re.fullmatch(r"(?:in\s+)?(?:recent|past)\s+years", span):
            return Resolution("DATE", "PAST_REF")
        mod = None
        am = APPROX_RE.match(span)
        if am:
            mod = {"approx": "APPROX", "lt": "LESS_THAN", "gt": "MORE_THAN", "ge": "EQUAL_OR_MORE"}[am.lastgroup or ""]
            if re.match(r"(?:up\s+to|no\s+more\s+than|at\s+most)\b", span):
                mod = "EQUAL_OR_LESS"
            span = span[am.end():]
        if _EARNINGS_PERIOD_RE.fullmatch(span):
            self.anchors.start_period()
        nu = NUMBER_UNIT_RE.search(span)
        if nu:
            num_text = re.sub(r"^(?:the\s+)?(?:past|last|next|first|final|coming|previous|following|latest|preceding|"
                              r"remaining|other|entire|whole|full|same|initial|ensuing|subsequent|additional|"
                              r"further|better\s+part\s+of\s+(?:the|a))\s+", "", nu.group("num"))
            num_text = re.sub(r"^the\s+", "", num_text)
            n = parse_number(num_text)
            unit = unit_of(nu.group("unit"))
            if nu.group("half") and n is not None:
                n += 0.5
            value = duration_value(n, unit)
            if nu.group("unit2") and n is not None:
                n2 = parse_number(nu.group("num2"))
                unit2 = unit_of(nu.group("unit2"))
                if n2 is not None and unit2:
                    value = join_durations(value, duration_value(n2, unit2))
            return Resolution("DURATION", value, mod)
        unit_m = UNIT_RE.search(span)
        if unit_m:
            u = unit_of(unit_m.group(1))
            plural = (unit_m.group(1).endswith("s") and u not in ("S",)) or unit_m.group(1) == "centuries"
            if re.search(r"\b(?:whole|entire|full)\b", span) and not plural:
                return Resolution("DURATION", duration_value(1.0, u), mod)
            return Resolution("DURATION", duration_value(None if plural else 1.0, u), mod)
        return Resolution("DURATION", "PXD", mod)

    def _ago(self, span: str) -> Resolution | None:
        anchors = self.anchors
        mod = None
        am = APPROX_RE.match(span)
        if am:
            mod = "APPROX" if am.lastgroup == "approx" else None
            span = span[am.end():]
        direction = 1 if re.search(r"\b(?:later|from now|hence)$", span) else -1
        deictic = bool(re.search(r"\b(?:ago|from now|hence|back)$", span))
        nu = NUMBER_UNIT_RE.search(span)
        unit_m = UNIT_RE.search(span)
        if not unit_m:
            return None
        unit = unit_of(unit_m.group(1))
        n = parse_number(nu.group("num")) if nu else None
        if n is None:
            return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod)
        if nu and nu.group("half"):
            n += 0.5
        anchor = anchors.dct_point() if deictic else anchors.ref
        quarter = anchors.recent_quarter()
        period_year = anchors.recent_period_year()
        if unit == "Y" and n == 1 and direction < 0 and period_year is not None:
            return Resolution("DATE", f"{period_year - 1:04d}", mod, None)
        if unit == "Y" and n == 1 and direction < 0 and quarter is not None:
            p = shift(quarter, -1, "Y")
            return Resolution("DATE", p.value(), mod, None)
        ref = anchors.ref
        if unit == "Y" and ref is not None and ref.gran in ("quarter", "half"):
            anchor = ref
        if anchor is None:
            return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod)
        gran = UNIT_GRAN.get(unit, "day")
        if gran == "time":
            gran = "day"
        if unit == "Y" and ref is not None and ref.gran in ("quarter", "half"):
            gran = ref.gran
        elif not deictic and ref is not None and ORDER.index(ref.gran) < ORDER.index(gran) and unit != "Y":
            gran = _finer(gran, ref.gran)
        if unit in ("H", "MIN", "S"):
            return Resolution("DATE", Point(anchor.day, "day").value(), mod, None)
        moved = shift(Point(anchor.day, gran), direction * n, unit)
        # looking back ("a year earlier") compares; it does not move the story
        return Resolution("DATE", moved.value(), mod, moved, deictic=deictic or direction < 0)

    def _time(self, span: str, start: int, end: int) -> Resolution | None:
        anchors = self.anchors
        clock = _CLOCK_RE.search(span)
        day_span = span
        time_part = ""
        if clock:
            day_span = (span[:clock.start()] + " " + span[clock.end():]).strip()
            time_part = _clock_value(clock)
        pod = POD_RE.search(day_span)
        if pod and not time_part:
            time_part = "T" + POD_CODE[pod.group(1)]
        day_span = POD_RE.sub(" ", day_span).strip()
        day_span = re.sub(r"^(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|"
                          r"before|after|early|late|earlier|later)\b", "", day_span).strip(" ,")
        day_point: Point | None = None
        if day_span and day_span not in ("this", "that", "the same", "on"):
            if pod and pod.group(1) == "night" and re.match(r"(?:last)$", day_span) and anchors.dct:
                day_point = Point(anchors.dct - dt.timedelta(days=1), "day")
            else:
                sub = resolve_date(anchors, self.text, day_span, start, end)
                if sub is not None and sub.point is not None and sub.point.gran == "day":
                    day_point = sub.point
                elif (story := anchors.day_ref()) is not None and re.search(
                        r"\b(?:the\s+)?(?:next|following|previous|preceding)\b", day_span):
                    step = 1 if re.search(r"\b(?:next|following)\b", day_span) else -1
                    day_point = Point(story.day + dt.timedelta(days=step), "day")
        elif (day_span == "this" or (not day_span and pod and pod.group(1) == "tonight")) and not anchors.narrative:
            # "this afternoon", "tonight" in news are the day of writing, whatever day the
            # story last named
            day_point = anchors.dct_point()
        elif span.startswith("that") or "same" in span:
            day_point = Point(anchors.ref.day, "day") if anchors.ref else None
        elif span in ("overnight",):
            day_point = anchors.dct_point()
        if day_point is None:
            ref = anchors.ref
            day_point = anchors.dct_point() if anchors.ref_is_dct or ref is None or ref.gran not in ("day", "time") \
                else Point(ref.day, "day")
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
        return resolve_date(self.anchors, self.text, synthetic, start, end)


def _finer(a: str, b: str) -> str:
    return a if ORDER.index(a) <= ORDER.index(b) else b


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
