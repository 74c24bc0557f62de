"""Table-driven regression test of the temporal tagger on hand-written news sentences.

The table lives in ``timex_cases.py`` next to this file (see its docstring for the TIMEX3
conventions it follows). One test per sentence, with the case id as the test id; a failure
lists every missing or wrong expression, and every extra one for ``exact`` cases.

``test_case_table_is_consistent`` checks the table itself (no tagger involved): spans are
present in order, values are well formed, weekdays and simple deictic expressions agree with
a calendar computation.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from chronicle.extract.timex import tag
from chronicle.models import Timex


def _load_cases() -> ModuleType:
    name = "chronicle_tests_timex_cases"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("timex_cases.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


cases = _load_cases()
ANY = cases.ANY
CASES = cases.CASES


def _span(case: Any, exp: Any, cursor: int) -> tuple[int, int]:
    start = case.text.find(exp.text, cursor)
    if start < 0:
        raise AssertionError(f"table error in {case.id}: {exp.text!r} not found after offset {cursor}")
    return start, start + len(exp.text)


def _spans(case: Any) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for exp in case.expected:
        start, end = _span(case, exp, cursor)
        out.append((start, end))
        cursor = end
    return out


def _fmt(t: Timex) -> str:
    extra = f" mod={t.mod}" if t.mod else ""
    interval = f" [{t.first}..{t.last} {t.granularity}]" if t.first or t.last or t.granularity else ""
    return f"{t.text!r}@{t.start}:{t.end} {t.type} {t.value}{extra}{interval}"


def _mod_ok(expected: Any, got: str | None) -> bool:
    if expected is ANY:
        return True
    if isinstance(expected, tuple):
        return got in expected
    return got == expected


def _check(case: Any, exp: Any, span: tuple[int, int], t: Timex) -> list[str]:
    problems: list[str] = []
    where = f"{exp.text!r}"
    if t.text != exp.text or case.text[t.start:t.end] != exp.text:
        problems.append(f"{where}: text {t.text!r} / text[start:end] {case.text[t.start:t.end]!r}")
    readings = [(exp.type, exp.value), *exp.alts]
    if (t.type, t.value) not in readings:
        want = " or ".join(f"{ty} {va}" for ty, va in readings)
        problems.append(f"{where}: got {t.type} {t.value}, want {want}")
    if not _mod_ok(exp.mod, t.mod):
        problems.append(f"{where}: mod {t.mod!r}, want {exp.mod!r}")
    if (t.type, t.value) == (exp.type, exp.value):
        interval = cases.expected_interval(exp)
        if interval is not None:
            first, last, gran = interval
            if (t.first, t.last) != (first, last):
                problems.append(f"{where}: interval {t.first}..{t.last}, want {first}..{last}")
            if gran is not ANY and t.granularity != gran:
                problems.append(f"{where}: granularity {t.granularity!r}, want {gran!r}")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_timex_regression(case: Any) -> None:
    got = tag(case.text, case.dct)
    problems: list[str] = []
    used: set[int] = set()
    for exp, span in zip(case.expected, _spans(case), strict=True):
        hits = [i for i, t in enumerate(got) if (t.start, t.end) == span]
        if not hits:
            near = [_fmt(t) for t in got if t.start < span[1] and span[0] < t.end]
            problems.append(
                f"missing {exp.type} {exp.value} {exp.text!r}@{span[0]}:{span[1]}"
                + (f" (overlapping: {', '.join(near)})" if near else "")
            )
            continue
        used.add(hits[0])
        problems += _check(case, exp, span, got[hits[0]])
    if case.exact:
        problems += [f"unexpected {_fmt(t)}" for i, t in enumerate(got) if i not in used]
    if problems:
        report = "\n  ".join(problems)
        dct = case.dct.isoformat() if case.dct else "None"
        all_got = "\n    ".join(_fmt(t) for t in got) or "(nothing)"
        pytest.fail(
            f"{case.id} (DCT {dct}): {case.text!r}\n  {report}\n  tagger returned:\n    {all_got}",
            pytrace=False,
        )


# --- the table checks itself ---------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_VALUE_SHAPE = re.compile(
    r"\d{2,4}|\d{4}-(\d\d(-\d\d(T(\d\d:\d\d|MO|AF|EV|NI))?)?|W\d\d(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)"
    r"|XXXX(-\d\d-\d\d|-WXX-[1-7]|-SU)|P(\d+[YMWD]|T\d+[HM])|P(X)Y|(PRESENT|PAST|FUTURE)_REF"
)
_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])} | {"a": 1}


def _deictic(text: str, dct: dt.date) -> str | None:
    """The value of a plain deictic expression, computed independently of the table."""
    t = text.lower()
    simple = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2}
    if t in simple:
        return (dct + dt.timedelta(days=simple[t])).isoformat()
    if t in ("last week", "this week", "next week"):
        shift = {"last": -7, "this": 0, "next": 7}[t.split()[0]]
        y, w, _ = (dct + dt.timedelta(days=shift)).isocalendar()
        return f"{y}-W{w:02d}"
    if t in ("last month", "this month", "next month"):
        shift = {"last": -1, "this": 0, "next": 1}[t.split()[0]]
        m = dct.year * 12 + dct.month - 1 + shift
        return f"{m // 12:04d}-{m % 12 + 1:02d}"
    if t in ("last year", "this year", "next year"):
        return str(dct.year + {"last": -1, "this": 0, "next": 1}[t.split()[0]])
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", t)
    if m and m.group(1) in _NUMBERS:
        n = _NUMBERS[m.group(1)]
        if m.group(2) == "day":
            return (dct - dt.timedelta(days=n)).isoformat()
        if m.group(2) == "week":
            y, w, _ = (dct - dt.timedelta(weeks=n)).isocalendar()
            return f"{y}-W{w:02d}"
        if m.group(2) == "month":
            k = dct.year * 12 + dct.month - 1 - n
            return f"{k // 12:04d}-{k % 12 + 1:02d}"
        return str(dct.year - n)
    return None


def test_case_table_is_consistent() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len(CASES) >= 170
    for case in CASES:
        _spans(case)  # every expected text is present, in order
        if case.category == "neg":
            assert not case.expected and case.exact, case.id
        for exp in case.expected:
            for _, value in [(exp.type, exp.value), *exp.alts]:
                assert _VALUE_SHAPE.fullmatch(value), f"{case.id}: odd value {value!r}"
            cases.expected_interval(exp)  # parses the value
            words = exp.text.lower().split()
            day = re.match(r"\d{4}-\d\d-\d\d", exp.value)
            named = [d for d in _WEEKDAYS if any(w.startswith(d) for w in words)]
            if day and named:
                weekday = dt.date.fromisoformat(day.group(0)).weekday()
                assert _WEEKDAYS[weekday] == named[0], f"{case.id}: {exp.value} is not a {named[0]}"
            if case.dct is not None and exp.mod is None:
                want = _deictic(exp.text, case.dct)
                if want is not None:
                    assert exp.value == want, f"{case.id}: {exp.text!r} should be {want}"
            if case.dct is not None and exp.type in ("DATE", "TIME") and day and named:
                # a bare weekday is within a week of the publication date
                gap = abs((dt.date.fromisoformat(day.group(0)) - case.dct).days)
                assert 0 < gap <= 7, f"{case.id}: {exp.value} is {gap} days from the DCT"
