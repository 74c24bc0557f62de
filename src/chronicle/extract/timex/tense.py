"""The tense of the clause around an expression, and the year it picks for a yearless date.

A date written without its year ("Dec. 30", "in May") or a bare weekday can lie before or
after the moment it is seen from. The nearest candidate wins, and the tense of the clause
(:func:`clause_tense`) outweighs a difference of up to ``_TENSE_PENALTY_DAYS``: a future
clause ("will visit on Monday", "is set for Friday") takes the coming date, a past clause
the last one, while "approved a dividend payable Dec. 7" still gets the coming Dec. 7.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from chronicle.extract.timex.intervals import Point

__all__ = ["clause_tense", "nearest_year"]

_MODAL_CHUNK = r"(?:not\s+|n't\s+|also\s+|then\s+|soon\s+|likely\s+)?(?:be\s+|have\s+|get\s+)?\w+"
_TENSE_RE = re.compile(
    # a future auxiliary takes its verb with it, so "will be announced" is not a past cue
    rf"(?P<fut>(?P<strong>\b(?:will|shall)\s+{_MODAL_CHUNK}|'ll\s+\w+|\bwon't\b|\bgoing\s+to\b|\b(?:is|are)\s+to\b"
    r"|\bcome\s+$"
    r"|\b(?:is|are|be|'s|'re)\s+(?:set|scheduled|due|expected|slated|planned|poised|likely|supposed|going|about)\b"
    r"|\bplans?\s+to\b|\bset\s+to\b|\bintends?\s+to\b|\bas\s+soon\s+as\b|\bas\s+early\s+as\b)"
    rf"|\b(?:would|must|should)\s+{_MODAL_CHUNK}|\b(?:was|were)\s+to\b|\b(?:was|were|been)\s+(?:set|scheduled|"
    r"due|expected|slated|planned)\b|\bplanning\b|\bexpects?\b|\bhopes?\s+to\b"
    r"|\bupcoming\b|\bscheduled\b|\bslated\b|\bplanned\s+to\b|\bdue\s+(?!to\b)|\b(?:until|till)\s+$"
    r"|\b(?:takes?\s+effect|begins|starts|resumes|opens|expires|kicks?\s+off)\b|\bunless\b)"
    # "had been due to expire Friday": a plan seen from the past, for a day now gone by
    r"|(?P<past>\b(?:had\s+(?:previously\s+)?been\s+(?:set|scheduled|due|expected|slated|planned)|ended|(?:has|have|'ve)\s+(?:not\s+|already\s+|also\s+)?(?:been\s+)?(?!scheduled|planned|set\b|agreed\s+to)\w+|was|were|had|did|said|told|ago|last|earlier|began|came|"
    r"went|took|made|gave|got|saw|met|won|lost|left|held|fell|rose|sold|bought|paid|spent|ran|led|"
    r"became|brought|caught|fought|found|heard|kept|knew|meant|sent|shot|spoke|stood|"
    r"struck|thought|threw|wrote|broke|chose|drove|flew|forgot|froze|grew|hid|rode|rang|sang|sank|"
    r"stole|swore|tore|woke|wore|fled|slid|sprang|swam|wept|won|dealt|felt|sought|taught|sat)\b)"
    r"|(?P<weak>\b\w{3,}ed\b)",
    re.IGNORECASE,
)
_TENSE_PENALTY_DAYS = 120
# "will", "is set to": seen from the moment of writing, the date is one to come.
_STRONG_FUTURE_PENALTY_DAYS = 240
# With no tense cue at all, news talks a little more often of a day gone by than of one to come.
_UNMARKED_FUTURE_DAYS = 15
_SENT_BREAK_RE = re.compile(r"(?:[.!?]\s+(?=[A-Z\"'])|\n\s*\n|;\s)")
# A regular past form may be an adjective ("the flooded towns"): it counts only from nearer.
_WEAK_PENALTY = 20


def clause_tense(text: str, start: int, end: int) -> int:
    """The tense of the clause around ``text[start:end]``: -1 past, 0 unclear, +1 future, +2 future
    seen from the moment of writing ("will", "is set to"; not "would").

    The cue nearest to the expression wins, looking within its sentence only; the first
    cue after the expression counts only when it is close (the governing verb of an
    adverbial usually comes before it).
    """
    before = text[max(0, start - 90):start]
    breaks = list(_SENT_BREAK_RE.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    after = text[end:end + 40]
    cut = _SENT_BREAK_RE.search(after)
    if cut:
        after = after[:cut.start()]
    best = 0
    best_dist = 10**6
    for m in _TENSE_RE.finditer(before):
        dist = len(before) - m.end() + (_WEAK_PENALTY if m.group("weak") else 0)
        if dist <= best_dist:
            best_dist = dist
            best = (2 if m.group("strong") else 1) if m.group("fut") else -1
    if best:
        return best
    for m in _TENSE_RE.finditer(after):
        return (2 if m.group("strong") else 1) if m.group("fut") else -1
    return 0


def nearest_year(base: Point, make: Callable[[int], dt.date | None], tense: int) -> int:
    """The year, of the one before ``base``'s, its own and the one after, whose date ``make``
    gives nearest to ``base``, the clause's ``tense`` weighing in."""
    candidates = []
    for y in (base.day.year - 1, base.day.year, base.day.year + 1):
        d = make(y)
        if d is not None:
            candidates.append((y, d))
    if not candidates:
        return base.day.year
    ref_day = base.day

    # nearest wins; the tense only outweighs a difference of a few months, since a
    # past-tense clause in news often gives a coming date ("approved a dividend payable Dec. 7")
    def cost(c: tuple[int, dt.date]) -> int:
        days = (c[1] - ref_day).days
        against = (tense < 0 and days > 0) or (tense > 0 and days < 0)
        penalty = _STRONG_FUTURE_PENALTY_DAYS if tense > 1 else _TENSE_PENALTY_DAYS
        return abs(days) + (penalty if against else 0) + (_UNMARKED_FUTURE_DAYS if tense == 0 and days > 0 else 0)

    return min(candidates, key=cost)[0]
