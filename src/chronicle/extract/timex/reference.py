"""The anchors a document is read against, kept while it is read from top to bottom.

* The document creation time (DCT) anchors deictic expressions, those that point from
  the moment of writing: "today", "last week", "next year", "two years ago", a bare
  weekday ("on Tuesday").
* The narrative reference time anchors anaphoric ones, those that point from the time
  the text is currently talking about: "the next day", "two days later", "that year".
  It starts at the DCT and moves to every date the text states or resolves
  anaphorically; deictic expressions and backward comparisons ("a year earlier") leave
  it where it is, except a named weekday (:meth:`Anchors.note`).
* In earnings reports, the quarter last talked about: "a year earlier" compares with it,
  unless a multi-month period ("the first nine months") was read after it.
"""

from __future__ import annotations

import datetime as dt
import re

from chronicle.extract.timex.calendar import YEAR_RE
from chronicle.extract.timex.intervals import ORDER, Point
from chronicle.extract.timex.values import Resolution

__all__ = ["Anchors"]

_WEEKDAY_NAME_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")
_COMPARED_RE = re.compile(r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?|against|from)\s+(?:the\s+)?(?:same\s+\w+\s+(?:of|in)\s+)?$",
                          re.IGNORECASE)
_FROM_NOW_RE = re.compile(r"\b(?:ago|from\s+now|hence|back)$")
#: Sentence breaks after the date that set the story's time within which a yearless date
#: still belongs to that story: the same sentence or the next one. Further on, news has
#: usually come back to its own days (on Timeline17, two sentences put 1.4% of the default
#: timeline's events years away, one sentence 0.9%, at the same date accuracy).
_LIVE = 1


class Anchors:
    """The DCT, the narrative reference time ``ref`` and the reported quarter of one document."""

    def __init__(self, dct: dt.date | None, narrative: bool, text: str = "", *, passages: bool = False) -> None:
        self.dct = dct
        self.text = text
        self._ref: Point | None = Point(dct, "day") if dct else None
        self.ref_is_dct = True
        # A history text (``narrative``) resolves yearless dates from the story's time. News
        # resolves them from the DCT, unless a fully dated expression was just read; news that
        # tells history in passages (``passages``) reads them in the story's time only while
        # the story is being told: within a few sentences of the date that set the time, and
        # until the text speaks from the present again ("now", "yesterday", "this year").
        self.history = narrative or dct is None
        self.passages = passages
        self.ref_strong = False
        #: whether the story's time was set by a date that states its year, or from one that was
        self.ref_supported = False
        self.ref_pos = 0
        #: where the text last spoke from the moment of writing
        self.present_pos = -1
        #: whether the expression being resolved was read from the story's firm time
        self.read_from_ref = False
        #: where the expression being resolved starts
        self.pos = 0
        # earnings reports compare "the quarter" with "a year earlier": the same quarter of the
        # year before, so the last quarter mentioned is kept apart from the narrative time
        self.quarter: Point | None = None
        self.quarter_pos = -(10**9)
        # "for the nine months, ... compared with a year earlier": a period of several months
        # read after the quarter is compared with the year before, not with a quarter
        self.period_pos = -(10**9)
        #: whether the text has named the 2001 attacks ("the Sept. 11 attacks"): a later
        #: "since September 11" names them too
        self.attacks_named = False
        #: the year of each (month, day) the text dated with a stated year, or in a story told
        #: from one: a later "The March 17 answer was ..." that the tense puts in the past is
        #: that day again
        self.days_named: dict[tuple[int, int], int] = {}

    @property
    def ref(self) -> Point | None:
        """The story's time; a handler that reads it reads the date it resolves from the story."""
        self.read_from_ref = True
        return self._ref

    @property
    def narrative(self) -> bool:
        """Whether a yearless date at :attr:`pos` is read in the story's time, not the DCT's."""
        if self.dct is None or self.history:
            return True
        return self.passages and self.present_pos < self.ref_pos and self.sentences_since(self.ref_pos) <= _LIVE

    def supported(self) -> bool:
        """Whether the story's time rests on a stated year read within the last few sentences,
        with no word from the present since: a yearless date read from it is well founded."""
        return (self.ref_supported and not self.ref_is_dct and self.present_pos < self.ref_pos
                and self.sentences_since(self.ref_pos) <= _LIVE)

    def _near_ref(self) -> bool:
        """A fully dated expression was just read, and the text has not spoken from the present since."""
        return self.pos - self.ref_pos < 600 and self.present_pos < self.ref_pos

    def sentences_since(self, pos: int) -> int:
        """Sentence breaks between ``pos`` and the expression being resolved (a blank line counts double)."""
        between = self.text[pos:self.pos]
        return len(_SENTENCE_BREAK_RE.findall(between)) + between.count("\n\n")

    # -- what moves them -------------------------------------------------------------------

    def note(self, res: Resolution, span: str, kind: str) -> None:
        """Take in what the expression ``span`` at :attr:`pos` resolved to."""
        if res.point is not None and res.point.gran == "quarter" and (self.dct is None or res.point.day <= self.dct):
            # a quarter still to come ("a loss in the third quarter of 1990") is a forecast,
            # not the reported quarter that "a year earlier" compares with
            self.quarter, self.quarter_pos = res.point, self.pos
        if res.value == "PRESENT_REF" or (res.deictic and not (kind == "ago" and not _FROM_NOW_RE.search(span))):
            # "now", "yesterday", "this year", "two weeks ago": the text speaks from the present
            # ("a year earlier" also leaves the story's time be, but from inside the story)
            self.present_pos = self.pos
        if res.point is not None and (
            not res.deictic or (res.point.gran in ("day", "time") and _WEEKDAY_NAME_RE.search(span))
        ):
            # A named weekday ("on Monday") is where the story now is, even though it is found
            # from the DCT: "Two days later" after it counts from that Monday.
            self._move_ref(res.point, explicit=kind == "date" and bool(YEAR_RE.search(span)), deictic=res.deictic)

    def _move_ref(self, p: Point, explicit: bool, deictic: bool) -> None:
        # "down 2.5 percent compared with September 2007": a base of comparison, not the story's time
        compared = bool(_COMPARED_RE.search(self.text, max(0, self.pos - 25), self.pos))
        strong = explicit and p.gran != "year" and not compared
        if p.gran in ("decade", "century"):
            return
        if p.gran == "year" and self._ref is not None and not explicit:
            return
        if (p.gran == "year" and self._ref is not None and p.day.year == self._ref.day.year
                and ORDER.index(self._ref.gran) < ORDER.index("year")):
            return
        # A date read from a fully dated expression keeps the story's time as firm as it was
        # ("On March 9, 2020 ... By March 20 ... By March 25"), and so does a stated year; a
        # date read from anything else (a weekday, a number that looked like a year) does not.
        kept = self.history or explicit or (self.read_from_ref and not deictic)
        self.ref_strong = strong or (self.ref_strong and kept and self.pos - self.ref_pos < 1500)
        self.ref_supported = explicit or self.supported()
        self._ref = p
        self.ref_pos = self.pos
        self.ref_is_dct = self.dct is not None and p.gran in ("day", "time") and p.day == self.dct

    def start_period(self) -> None:
        """A multi-month period ("the nine months") is read at :attr:`pos`."""
        self.period_pos = self.pos

    # -- what they give ------------------------------------------------------------------

    def calendar_base(self, tense: int = 0) -> tuple[Point | None, bool]:
        """The anchor of a date written without its year, and whether tense picks the side."""
        dct = self.dct_point()
        if self.narrative and not (tense == 2 and dct is not None):
            if self._ref is None:
                return dct, True
            return self.ref, self.ref_is_dct
        if self._ref is not None and self.ref_strong and not self.ref_is_dct and tense != 2 and self._near_ref():
            return self.ref, False
        return dct, True

    def day_ref(self) -> Point | None:
        """The day the story is at, for "the next morning": the narrative time if it is a day."""
        if self._ref is not None and self._ref.gran in ("day", "time"):
            return self.ref
        return self.dct_point()

    def dct_point(self) -> Point | None:
        return Point(self.dct, "day") if self.dct else None

    def anchor_for_year(self) -> Point | None:
        return self.ref or self.dct_point()

    def recent_quarter(self) -> Point | None:
        if self.quarter is not None and self.pos - self.quarter_pos < 600 and self.period_pos < self.quarter_pos:
            return self.quarter
        return None

    def recent_period_year(self) -> int | None:
        """The year of the multi-month period ("the first nine months") last talked about, if any."""
        if self.pos - self.period_pos >= 600 or self.period_pos < self.quarter_pos:
            return None
        if self.quarter is not None and self.pos - self.quarter_pos < 1500:
            return self.quarter.day.year
        return self.dct.year if self.dct else None
