"""Date expressions: the forms a date takes, tried in order, each with its handler.

:data:`DATE_FORMS` lists the forms as (test, handler) pairs. The first test that finds
something in the span wins, and its handler gets the query and what the test found. The
order is precedence: "the day before X" is read before X, a numeric date before a bare
year, "the 1988 period" of an earnings report before a quarter, a month before a season,
a stated year before "today". A new form is one more handler, put where it must win.

A date written without its year is placed by the anchors (:mod:`.reference`) and the
tense of its clause (:mod:`.tense`): in news near the DCT, or near a fully dated
expression read just before; in a history-like text in the year of the story's time.
A date after "ended" ("the year ended Jan. 31") lies before the DCT, and a weekday in the
possessive ("Wednesday's ruling") names a day gone by. Quarters, halves, fiscal years and
the comparisons of earnings reports have their handlers in :mod:`.periods`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from chronicle.extract.timex import periods
from chronicle.extract.timex.calendar import (
    CENTURY_RE,
    DECADE_RE,
    HOLIDAY_RE,
    SEASON_START,
    century_value,
    clip_day,
    decade_value,
    holiday_date,
    holiday_md,
)
from chronicle.extract.timex.intervals import Point, shift
from chronicle.extract.timex.lexicon import MONTHS, ORDINALS, SEASONS, WEEKDAYS, alternation
from chronicle.extract.timex.named_days import ATTACKS_DAY, names_the_attacks, september_11
from chronicle.extract.timex.patterns import SEASON_RE, UNIT_RE
from chronicle.extract.timex.query import DateQuery
from chronicle.extract.timex.reference import Anchors
from chronicle.extract.timex.tense import nearest_year
from chronicle.extract.timex.values import (
    DOUBTFUL,
    UNIT_GRAN,
    Resolution,
    duration_value,
    unit_of,
    year_point,
)

__all__ = ["DATE_FORMS", "resolve_date"]

_ISO_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:t(\d\d):(\d\d))?")
_NUMERIC_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)")
_SHORT_YEAR_RE = re.compile(r"'(\d\d)(?!\w)")
# BBC's stamp "05 February 12 01:10 GMT": day, month, two-digit year (the recognizer takes
# such a day only before a clock time)
_DAY_MONTH_SHORT_YEAR_RE = re.compile(rf"(\d{{1,2}}) ({alternation(list(MONTHS))})\.? (\d\d)(?!\d)")
# "June 3 and 4,1989", "May 4-5, 2010": the year after a range of days is the first day's too
_RANGE_YEAR_AFTER_RE = re.compile(r"\s*(?:-|–|and|to|through)\s*\d{1,2}(?:st|nd|rd|th)?\s*,?\s*(1\d{3}|20\d\d)(?!\d)",
                                  re.IGNORECASE)
_ENDS_WITH_DAY_RE = re.compile(r"[a-z.]\s*\d{1,2}(?:st|nd|rd|th)?$")
_DAY_AFTER_MONTH_RE = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_DAY_BEFORE_MONTH_RE = re.compile(rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?|\b({alternation(list(ORDINALS))}))\s+(?:of\s+)?$")
_BC_RE = re.compile(r"(\d{1,4})\s*(b\.?c\.?e?|bce)(?!\w)")
_AD_RE = re.compile(r"(\d{1,4})\s*(?:a\.?d\.?|ce)(?!\w)|\bad\s+(\d{1,4})")
_MOD_RE = re.compile(
    r"^(?:the\s+)?(?:(?P<start>early|earlier|the\s+(?:very\s+)?(?:beginning|start|dawn|turn)\s+of|(?:the\s+)?(?:first\s+part|early\s+part)\s+of)"
    r"|(?P<mid>mid|middle|the\s+middle\s+of)|(?P<end>late|later|the\s+(?:very\s+)?(?:end|close)\s+of|(?:the\s+)?"
    r"(?:latter\s+part|later\s+part)\s+of))\b"
)
_COMPARISON_RE = re.compile(r"\b(?:compared|comparison|from|than|versus|vs\.?|against|up|down|over|with)\b[^.;]*$",
                            re.IGNORECASE)
_YEAR_END_RE = re.compile(r"(?:the\s+)?year[-\s]end|year's\s+end")
_BEGAN_BEFORE_RE = re.compile(
    r"\b(?:began|started|erupted|broke\s+out|happened|occurred|took\s+place|had\s+begun|has\s+been\s+going\s+on\s+since|since)"
    r"\s+(?:in\s+)?$", re.IGNORECASE)
# "the year ended Jan. 31", "since April 28": a day gone by
_ENDED_BEFORE_RE = re.compile(r"\b(?:ended\s+(?:on\s+)?|since\s+)$", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s\b")
_ORDINAL_DAY_RE = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:straight|consecutive|full)\s+)?day")
_PAST_COPULA_RE = re.compile(r"\b(?:was|marked)\s+$", re.IGNORECASE)
_PERIOD_ENDED_RE = re.compile(r"\s+(?:ended|ending|to\s+date)\b")
_SHIFTED_DAY_RE = re.compile(r"(?:the\s+)?day\s+(before|after)\s+(?!yesterday|tomorrow)(.+)$")
_THE_YEAR_RE = re.compile(r"(?:the\s+)?(?:fiscal\s+)?year")
_TODAY_RE = re.compile(r"\b(?:today|tdy)\b")
_BEFORE_YESTERDAY_RE = re.compile(r"\bbefore\s+yesterday\b")
_AFTER_TOMORROW_RE = re.compile(r"\bafter\s+tomorrow\b")
_YESTERDAY_RE = re.compile(r"\byesterday\b")
_TOMORROW_RE = re.compile(r"\b(?:tomorrow|tmrw|tmr)\b")
_TONIGHT_RE = re.compile(r"\btonight\b")


def resolve_date(anchors: Anchors, text: str, span: str, start: int, end: int) -> Resolution | None:
    """Resolve the date expression ``span`` found at ``text[start:end]``; ``None`` to drop it."""
    mod = None
    mm = _MOD_RE.match(span)
    if mm:
        mod = "START" if mm.group("start") else "MID" if mm.group("mid") else "END"
    if re.search(r"\bor\s+(?:later|after)$", span):
        mod = "ON_OR_AFTER"
    elif re.search(r"\bor\s+(?:earlier|before)$", span):
        mod = "ON_OR_BEFORE"
    res = _date_value(DateQuery(anchors, text, span, start, end))
    if res is None:
        return None
    if mod and res.mod is None:
        return Resolution(res.type, res.value, mod, res.point)
    return res


def _date_value(q: DateQuery) -> Resolution | None:
    for test, handle in DATE_FORMS:
        hit = test(q)
        if hit:
            return handle(q, hit)
    return None


# -- handlers, in the order of DATE_FORMS ------------------------------------------------


def _ordinal_day(q: DateQuery, _hit: object) -> Resolution | None:
    # "today is the eighth day of ...": the day the clause is about, the DCT for
    # "is", the story's current day for "was"
    past = _PAST_COPULA_RE.search(q.text, max(0, q.start - 8), q.start)
    p = q.anchors.day_ref() if past else q.anchors.dct_point()
    if p is None:
        return None
    p = Point(p.day, "day")
    return Resolution("DATE", p.value(), None, p, deictic=True)


def _shifted_day(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    inner = _date_value(q.sub(m.group(2)))
    if inner is None or inner.point is None or inner.point.gran != "day":
        return inner
    p = Point(inner.point.day + dt.timedelta(days=-1 if m.group(1) == "before" else 1), "day")
    return Resolution("DATE", p.value(), None, p, inner.deictic)


def _year_long_period(q: DateQuery, _hit: object) -> Resolution:
    return Resolution("DURATION", "P1Y")  # "for the year ended June 30": a span of time


def _full_year(q: DateQuery, dct: dt.date) -> Resolution:
    return year_point(dct.year, move=False)


def _year_end(q: DateQuery, _hit: object) -> Resolution:
    dct = q.anchors.dct
    return Resolution("DATE", f"{dct.year:04d}" if dct else "XXXX", "END")


def _iso(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    d = clip_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        return None
    if m.group(4):
        return Resolution("TIME", f"{d.isoformat()}T{m.group(4)}:{m.group(5)}", None, Point(d, "day"))
    return Resolution("DATE", d.isoformat(), None, Point(d, "day"))


def _numeric(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y = _century_year(y)
    # month first, as in American news, unless only the day-first reading is a date
    d = clip_day(y, a, b) or clip_day(y, b, a)
    return Resolution("DATE", d.isoformat(), None, Point(d, "day")) if d else None


def _day_month_short_year(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    return _month_day(q, MONTHS[m.group(2)], int(m.group(1)), _century_year(int(m.group(3))))


def _range_with_year(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    return _date_value(q.sub(f"{q.span}, {m.group(1)}"))


def _bc(q: DateQuery, m: re.Match[str]) -> Resolution:
    return Resolution("DATE", f"BC{int(m.group(1)):04d}")


def _ad(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    y = int(m.group(1) or m.group(3))
    return year_point(y) if y > 0 else None


def _decade(q: DateQuery, m: re.Match[str]) -> Resolution:
    return Resolution("DATE", decade_value(m))


def _century(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    value = century_value(m)
    return Resolution("DATE", value) if value else None


def _holiday(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    name = m.group(0)
    year = q.year
    if year is None and re.search(r"\b(?:last|next|this)\s+year\b", q.span):
        year = q.rel_year()  # "Easter Day last year"
    if year is None:
        # like a month and day: from the article's date in news, from the story's time in history
        base, _ = q.anchors.calendar_base(q.tense)
        if base is None:
            return Resolution("DATE", "XXXX-" + holiday_md(name))
        year = nearest_year(base, lambda y: holiday_date(name, y), q.tense)
    d = holiday_date(name, year)
    return Resolution("DATE", d.isoformat(), None, Point(d, "day")) if d else None


def _names_the_attacks(q: DateQuery) -> bool:
    dct = q.anchors.dct
    return (q.year is None and september_11(q.span) and (dct is None or dct >= ATTACKS_DAY)
            and names_the_attacks(q.text, q.start, q.end, q.span, q.anchors.attacks_named, dct))


def _attacks(q: DateQuery, _hit: object) -> Resolution:
    # a name, not the story's time: no point, so "the next day" after it is not Sept. 12, 2001
    q.anchors.attacks_named = True
    return Resolution("DATE", ATTACKS_DAY.isoformat(), confidence=1.0)


def _month(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    span = q.span
    month = MONTHS[m.group(1)]
    day = None
    year = q.year
    after = span[m.end():]
    dm = _DAY_AFTER_MONTH_RE.match(after)
    if dm and not (year and re.match(r"^\s*\d{4}", after)):
        day = int(dm.group(1))
    else:
        db = _DAY_BEFORE_MONTH_RE.search(span[:m.start()])
        if db:
            day = int(db.group(1)) if db.group(1) else ORDINALS[db.group(2)]
    short = _SHORT_YEAR_RE.search(span)
    if year is None and short:
        year = _century_year(int(short.group(1)))
    if year is None and re.search(r"\b(?:last|next|this)\s+year\b", span):
        year = q.rel_year()
    if year is None and day is not None and q.weekday:
        year = _year_for_weekday(q, month, day, WEEKDAYS[q.weekday.group(1)])
    return _month_day(q, month, day, year)


def _season(q: DateQuery, m: re.Match[str]) -> Resolution:
    code = SEASONS[m.group(1)]
    year = q.year
    if year is None:
        year = _season_year(q, code)
    if year is None:
        return Resolution("DATE", f"XXXX-{code}")
    p = Point(dt.date(year, SEASON_START[code], 1), "season", code)
    return Resolution("DATE", p.value(), None, p)


def _year(q: DateQuery, year: int) -> Resolution:
    return year_point(year)


def _today(q: DateQuery, _hit: object) -> Resolution:
    return _dct_day(q, 0)


def _day_before_yesterday(q: DateQuery, _hit: object) -> Resolution:
    return _dct_day(q, -2)


def _day_after_tomorrow(q: DateQuery, _hit: object) -> Resolution:
    return _dct_day(q, 2)


def _yesterday(q: DateQuery, _hit: object) -> Resolution:
    return _dct_day(q, -1)


def _tomorrow(q: DateQuery, _hit: object) -> Resolution:
    return _dct_day(q, 1)


def _tonight(q: DateQuery, _hit: object) -> Resolution:
    tp = q.anchors.dct_point()
    return Resolution("TIME", tp.value() + "TNI", None, tp) if tp else Resolution("TIME", "XXXX-XX-XXTNI")


def _weekday(q: DateQuery, m: re.Match[str]) -> Resolution:
    wd = WEEKDAYS[m.group(1)]
    anchors, rel, tense = q.anchors, q.rel, q.tense
    # a weekday counts from the story's day only when the story is far from the DCT (history)
    narrative = (anchors.narrative and not anchors.ref_is_dct and anchors.ref is not None
                 and anchors.ref.gran in ("day", "time")
                 and (anchors.dct is None or abs((anchors.ref.day - anchors.dct).days) > 366))
    base = anchors.ref if narrative and anchors.ref is not None else anchors.dct_point()
    if base is None:
        return Resolution("DATE", f"XXXX-WXX-{wd}")
    if tense < 2 and _POSSESSIVE_RE.match(q.text, q.end):
        tense = -1  # "Wednesday's ruling", "over Thursday's close": an event already known
    today = base.day.isoweekday()
    back = (today - wd) % 7
    fwd = (wd - today) % 7
    before_last = bool(re.search(r"day\s+before\s+last\b", q.span))
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


def _relative_unit(q: DateQuery, m: re.Match[str]) -> Resolution | None:
    unit = unit_of(m.group(1))
    anchors, span, rel, tense = q.anchors, q.span, q.rel, q.tense
    gran = UNIT_GRAN.get(unit)
    if gran is None or gran == "time":
        return None
    anaphoric = rel.startswith("anaphoric") or rel == "same"
    base = anchors.ref if anaphoric else anchors.dct_point()
    if anaphoric and base is None:
        base = anchors.dct_point()
    if base is None:
        return Resolution("DATE", "PAST_REF" if rel in ("prev", "anaphoric_prev") else "FUTURE_REF"
                          if rel in ("next", "anaphoric_next") else "PRESENT_REF")
    if unit == "N":
        gran = "day"
    step = {"prev": -1, "anaphoric_prev": -1, "next": 1, "anaphoric_next": 1}.get(rel, 0)
    if rel == "none" and anchors.ref is not None and (anchors.narrative or anchors.ref_strong) \
            and re.search(r"\b(?:day|year|month|week)\b", span):
        base = anchors.ref
    if gran in ("decade", "century") and rel == "prev" and re.search(r"\bpast\b", span):
        return Resolution("DURATION", duration_value(1.0, unit))  # "the past decade": the ten years to now
    quarter = anchors.recent_quarter()
    if unit == "Y" and rel == "prev" and "last year" in span and quarter is not None \
            and _COMPARISON_RE.search(q.text, max(0, q.start - 60), q.start):
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


# -- what the handlers share ---------------------------------------------------------------


def _century_year(yy: int) -> int:
    """The year a two-digit year ("'98", "12") names: 1950 to 2049."""
    return 2000 + yy if yy < 50 else 1900 + yy


def _year_for_weekday(q: DateQuery, month: int, day: int, wd: int) -> int | None:
    base, _ = q.anchors.calendar_base()
    if base is None:
        return None
    for y in sorted(range(base.day.year - 6, base.day.year + 7), key=lambda y: abs(y - base.day.year)):
        d = clip_day(y, month, day)
        if d is not None and d.isoweekday() == wd:
            return y
    return None


def _month_day(q: DateQuery, month: int, day: int | None, year: int | None) -> Resolution | None:
    anchors, rel, tense = q.anchors, q.rel, q.tense
    confidence = None
    if year is None:
        base, use_tense = anchors.calendar_base(tense)
        if base is None:
            return Resolution("DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
        if rel in ("prev", "next", "this"):
            d0 = anchors.dct_point() or base
            yy = d0.day.year
            if rel == "prev":
                year = yy if month < d0.day.month else yy - 1
            elif rel == "next":
                year = yy if month > d0.day.month else yy + 1
            else:
                year = yy
        elif use_tense and anchors.dct is not None and not anchors.narrative \
                and _ENDED_BEFORE_RE.search(q.text, max(0, q.start - 12), q.start):
            # "the fiscal year ended Jan. 31", "since April 28": not after the DCT
            dct = anchors.dct
            year = dct.year if (month, day or 1) <= (dct.month, dct.day) else dct.year - 1
        elif use_tense and day is None and anchors.dct is not None and not anchors.narrative \
                and _BEGAN_BEFORE_RE.search(q.text, max(0, q.start - 30), q.start):
            # "the uprising, which began in March": something that has begun is not to come
            dct = anchors.dct
            year = dct.year if month <= dct.month else dct.year - 1
        elif use_tense:
            # a month named alone in news is mostly one gone by ("bought it in February")
            year = nearest_year(base, lambda yy: clip_day(yy, month, day or 15), tense if day or tense else -1)
        elif not anchors.narrative:
            year = nearest_year(base, lambda yy: clip_day(yy, month, day or 15), 0)
        else:
            year = base.day.year
        if rel == "none" and not anchors.history and anchors.dct is not None and q.firm_past:
            year, confidence = _gone_by(anchors, year, month, day)
        elif day is not None and not use_tense and base != anchors.dct_point():
            anchors.days_named[(month, day)] = year  # read from the story's stated time
    elif day is not None:
        anchors.days_named[(month, day)] = year
    if day is not None:
        d = clip_day(year, month, day)
        if d is None:
            return None
        p = Point(d, "day")
    elif 1 <= year <= 9999:
        p = Point(dt.date(year, month, 1), "month")
    else:
        return None
    # a doubted year is not where the story is: the dates read after it keep their own
    return Resolution("DATE", p.value(), None, None if confidence == DOUBTFUL else p, confidence=confidence)


#: A day gone by that the clause's tense took against a nearer one to come is doubted when it
#: lies this far back: news names the year of a day of nearly a year ago ("last March 17"), so
#: "The March 17 answer was ..." in a February article more likely tells of an older year. A
#: month alone is not: "In March, the estimate was half that" is last March in a January article.
_GONE_BY_DOUBT_DAYS = 270


def _gone_by(anchors: Anchors, year: int, month: int, day: int | None) -> tuple[int, float | None]:
    """The year of a date the clause puts in the past (``firm_past``), and a confidence when the
    tense had to overrule the year read from the article: not after the DCT; the year the article
    gave that day before ("On March 17, 2003 ... The March 17 answer was ..."); else the previous
    occurrence, a day doubted when far."""
    dct = anchors.dct
    assert dct is not None
    first = clip_day(year, month, day or 1)
    if first is None or first <= dct:
        return year, None
    named = anchors.days_named.get((month, day)) if day is not None else None
    if named is not None and (clip_day(named, month, day or 1) or dct) < dct:
        return named, None
    year = dct.year if (month, day or 1) <= (dct.month, dct.day) else dct.year - 1
    if day is None:
        return year, None
    gone_by = clip_day(year, month, day)
    far = gone_by is None or (dct - gone_by).days > _GONE_BY_DOUBT_DAYS
    return year, DOUBTFUL if far else None


def _season_year(q: DateQuery, code: str) -> int | None:
    anchors, rel = q.anchors, q.rel
    base = anchors.dct_point() if rel in ("prev", "next", "this") else anchors.anchor_for_year()
    if base is None:
        return None
    start_month = SEASON_START[code]
    y = base.day.year
    current = base.day.month >= start_month
    if rel == "prev":
        return y if base.day.month >= start_month + 3 else y - 1
    if rel == "next":
        return y if not current else y + 1
    if rel == "this" or not anchors.ref_is_dct:
        return y
    if q.tense < 0 and not current:
        return y - 1
    return y


def _dct_day(q: DateQuery, offset: int) -> Resolution:
    dct = q.anchors.dct
    if dct is None:
        return Resolution("DATE", "XXXX-XX-XX")
    p = Point(dct + dt.timedelta(days=offset), "day")
    return Resolution("DATE", p.value(), None, p, deictic=True)


#: A form of date: a test of the query, and the handler that resolves the query with what
#: the test found (a regex match, mostly).
DateForm = tuple[Callable[[DateQuery], Any], Callable[[DateQuery, Any], Resolution | None]]

DATE_FORMS: tuple[DateForm, ...] = (
    (lambda q: _ORDINAL_DAY_RE.fullmatch(q.span), _ordinal_day),  # not a unit: "the eighth day"
    (lambda q: _SHIFTED_DAY_RE.match(q.span), _shifted_day),  # the rest of the span is the date shifted
    (lambda q: _THE_YEAR_RE.fullmatch(q.span) and _PERIOD_ENDED_RE.match(q.text, q.end), _year_long_period),
    (lambda q: q.span == "the full year" and q.anchors.dct, _full_year),
    (lambda q: _YEAR_END_RE.fullmatch(q.span), _year_end),  # "by year-end": the end of the current year
    # forms that state their year, before the bare year they contain
    (lambda q: _ISO_RE.search(q.span), _iso),
    (lambda q: _NUMERIC_RE.search(q.span), _numeric),
    (lambda q: _DAY_MONTH_SHORT_YEAR_RE.match(q.span), _day_month_short_year),
    (lambda q: _BC_RE.search(q.span), _bc),
    (lambda q: _AD_RE.search(q.span), _ad),
    (lambda q: q.month is None and DECADE_RE.search(q.span), _decade),
    (lambda q: CENTURY_RE.search(q.span), _century),
    # quarters, halves and fiscal years; "the 1988 period" is the reported quarter, in 1988
    (lambda q: periods.PERIOD_END_RE.search(q.span) and q.year is not None and q.quarter is None
     and q.anchors.recent_quarter(), periods.reported_quarter_in_year),
    (lambda q: q.span in ("the latest period", "latest period"), periods.latest_period),
    (lambda q: q.quarter or periods.QUARTER_WORD_RE.search(q.span), periods.quarter),
    (lambda q: periods.YEAR_EARLIER_RE.search(q.span), periods.year_earlier),
    (lambda q: (q.year or periods.YEAR_WORD_RE.search(q.span)) and periods.HALF_RE.search(q.span), periods.half),
    (lambda q: periods.FISCAL_RE.search(q.span) or periods.FY_RE.search(q.span), periods.fiscal_year),
    # holidays, months and seasons, which may state a year, then a year alone
    (lambda q: HOLIDAY_RE.search(q.span), _holiday),
    (_names_the_attacks, _attacks),  # "the Sept. 11 attacks", "since 9/11": a day known by its name
    (lambda q: q.month and q.year is None and _ENDS_WITH_DAY_RE.search(q.span)
     and _RANGE_YEAR_AFTER_RE.match(q.text, q.end), _range_with_year),
    (lambda q: q.month, _month),
    (lambda q: SEASON_RE.search(q.span), _season),
    (lambda q: q.year, _year),  # a stated year is never 0
    # days named from the DCT
    (lambda q: _TODAY_RE.search(q.span), _today),
    (lambda q: _BEFORE_YESTERDAY_RE.search(q.span), _day_before_yesterday),
    (lambda q: _AFTER_TOMORROW_RE.search(q.span), _day_after_tomorrow),
    (lambda q: _YESTERDAY_RE.search(q.span), _yesterday),
    (lambda q: _TOMORROW_RE.search(q.span), _tomorrow),
    (lambda q: _TONIGHT_RE.search(q.span), _tonight),
    # weekdays and units counted from the DCT or the story's time
    (lambda q: q.weekday, _weekday),
    (lambda q: UNIT_RE.search(q.span), _relative_unit),
)
