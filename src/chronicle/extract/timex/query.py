"""A date expression being resolved, and what the date forms ask about it."""

from __future__ import annotations

import re
from functools import cached_property

from chronicle.extract.timex.calendar import explicit_year
from chronicle.extract.timex.patterns import MONTH_RE, WEEKDAY_RE
from chronicle.extract.timex.reference import Anchors
from chronicle.extract.timex.tense import clause_tense, firm_past

__all__ = ["DateQuery"]

_QUARTER_RE = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\b[-\s]+(?:fiscal\s+)?quarter"
                         r"|\bfiscal-(first|second|third|fourth)|\bq([1-4])\b")


class DateQuery:
    """One date expression being resolved: its normalised ``span``, where it stands in
    ``text``, the document's anchors, and the features the forms ask about, each found once
    and only when a form needs it."""

    def __init__(self, anchors: Anchors, text: str, span: str, start: int, end: int) -> None:
        self.anchors = anchors
        self.text = text
        self.span = span
        self.start = start
        self.end = end

    def sub(self, span: str) -> DateQuery:
        """A part of the expression ("X" of "the day after X"), at the same place."""
        return DateQuery(self.anchors, self.text, span, self.start, self.end)

    @cached_property
    def year(self) -> int | None:
        return explicit_year(self.span)

    @cached_property
    def tense(self) -> int:
        # the tense only decides for dates whose year is left out
        return clause_tense(self.text, self.start, self.end) if self.year is None else 0

    @cached_property
    def firm_past(self) -> bool:
        """Whether the clause puts the date, written without its year, firmly in the past."""
        return self.year is None and firm_past(self.text, self.start, self.end)

    @cached_property
    def rel(self) -> str:
        return _relation(self.span)

    @cached_property
    def quarter(self) -> re.Match[str] | None:
        return _QUARTER_RE.search(self.span)

    @cached_property
    def month(self) -> re.Match[str] | None:
        return MONTH_RE.search(self.span)

    @cached_property
    def weekday(self) -> re.Match[str] | None:
        return WEEKDAY_RE.search(self.span)

    def rel_year(self) -> int | None:
        """The year "last year", "that year", "the following year" name."""
        base = self.anchors.dct_point()
        if re.search(r"\b(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+year", self.span):
            base = self.anchors.ref
        if base is None:
            return None
        y = base.day.year
        if self.rel in ("prev", "anaphoric_prev"):
            return y - 1
        if self.rel in ("next", "anaphoric_next"):
            return y + 1
        return y


def _relation(span: str) -> str:
    """Which way a relative expression points: prev/next/this from the DCT, anaphoric_* from the story."""
    if re.search(r"\bthe\s+(?:next|following|subsequent|ensuing)\b|\b(?:following|subsequent|ensuing)\b|\bafter\b", span):
        return "anaphoric_next"
    if re.search(r"\bthe\s+(?:previous|preceding|prior)\b|\b(?:preceding|prior)\b|\bbefore\b", span):
        return "anaphoric_prev"
    if re.search(r"\b(?:that|the\s+same|same)\b", span):
        return "anaphoric_this"
    if re.search(r"\b(?:last|past|previous|latest)\b", span):
        return "prev"
    if re.search(r"\b(?:next|coming|upcoming)\b", span):
        return "next"
    if re.search(r"\b(?:this|current|present)\b", span):
        return "this"
    return "none"
