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

__all__ = ["clause_tense", "firm_past", "nearest_year"]

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
    r"stole|swore|tore|woke|wore|fled|slid|sprang|swam|wept|won|dealt|felt|sought|taught|sat|died)\b)"
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
    before, after = _clause_around(text, start, end)
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


# -- a date the clause puts in the past ----------------------------------------------------

# The date is the time of the clause's event ("took office on April 28", "In March, the firm was
# taken over"); after "by", "until", "to" or "for" it is a limit or a plan ("extended to May 17",
# "set a hearing for March 17").
_TIME_OF_EVENT_RE = re.compile(r"(?:\b(?:on|in|during)(?:\s+[\w.]+){1,2}\s+(?:and|or)|\b(?:on|in|during)|^|[,:;(]|--)\s*$",
                               re.IGNORECASE)
# ... and it opens its clause ("In March, ...", "May 6: ...", "A few weeks later, on June 11, ..."):
# the clause's verb comes after it
_OPENS_CLAUSE_RE = re.compile(r"(?:^|[,:;(]|--)\s*(?:\b(?:on|in|during)\s+)?$", re.IGNORECASE)
# Or it names a thing the clause tells of: "The March 17 answer was", "did not draw up the March
# 17 answer"; "the Jan. 14 deadline", "a May 11 launch date" are plans, "until the Nov. election" a limit.
_DETERMINER_RE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|this|that)|['’]s)\s+$", re.IGNORECASE)
_LIMIT_RE = re.compile(r"\b(?:until|till|by|before|after|for|to|ahead\s+of)\s+\S+\s+$", re.IGNORECASE)
_NOUN_AFTER_RE = re.compile(r"\s+(?!\w*(?:ed|ing)\b)(?!(?:deadline|target|expiry|expiration|date|start|launch"
                            r"|opening|timetable|schedule)\b)(?-i:[a-z])\w+", re.IGNORECASE)
# forms that tell what happened: not a report of it ("said"), not the present perfect ("has
# set"), not a past plan ("had been due to")
_FIRM_PAST_RE = re.compile(
    r"(?:was|were|had|did|ended|came|went|took|made|gave|got|saw|met|won|lost|left|held|fell|rose|sold|bought"
    r"|paid|spent|ran|led|became|brought|caught|fought|found|heard|kept|knew|meant|sent|shot|spoke|stood|struck"
    r"|thought|threw|wrote|broke|chose|drove|flew|forgot|froze|grew|hid|rode|rang|sang|sank|stole|swore|tore"
    r"|woke|wore|fled|slid|sprang|swam|wept|dealt|felt|sought|taught|sat|began|died|\w{3,}(?<!e)ed)",
    re.IGNORECASE,
)
# a participle after "is", "be", "has" ("is published on April 18", "to be completed in August",
# "she's got a runoff on June 22"), or after a determiner ("the disputed vote"), tells no past
_NOT_A_PAST_BEFORE_RE = re.compile(
    r"(?:\b(?:is|are|be|being|been|has|have|get|gets|the|a|an|its|his|her|their|this|that|these|those)|['’](?:s|re|ve))"
    r"\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a regular past form is more often an adjective or a participle ("Geneva-based", ", published on
# July 4 by"): it counts only after a word of its own clause, and near the date
_WEAK_NEAR = 60
_CLAUSE_BREAK_RE = re.compile(r"(?:[,:;|(]|--|``|''|\b(?:that|which|who|since|when|because|while|where|although"
                              r"|though|once|if)\b)", re.IGNORECASE)
# "was arrested in May", "had fled in March": a regular past form after "was" tells the past; after
# another verb it is a participle ("I've got a holiday booked in July"), unless that verb reports
# ("said the bureau started a programme in May")
_PAST_AUX_RE = re.compile(r"\b(?:was|were|had|had\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "was postponed", "had been moved", "was leading": a plan changed, or a story still running
_PLAN_AFTER_RE = re.compile(
    r"\s+(?:(?:not|also|then|already|later|since|been|formally|officially|finally)\s+){0,3}"
    r"(?:postponed|delayed|put\s+off|pushed\s+back|put\s+back|moved|rescheduled|cancell?ed|called|announced|set"
    r"|scheduled|fixed|confirmed|extended|brought\s+forward|planned|expected|due|slated|agreed|approved|[a-z]+ing)\b",
    re.IGNORECASE,
)
# a modal, an infinitive or a word of plans in the clause points ahead ("agreed to buy it in
# February", "could be held in May", "a meeting expected on June 10", "the season starting on 1 June")
_AHEAD_RE = re.compile(
    r"\b(?i:can|could|may|might|ca|expected|scheduled|planned|slated|due|deadline|starting|beginning|upcoming"
    r"|until|till|pending)\b|\b(?i:to)\s+(?!the\b|a\b|an\b)[a-z]+\b")
_REPORTING_RE = re.compile(r"(?:said|told)$", re.IGNORECASE)


def firm_past(text: str, start: int, end: int) -> bool:
    """Whether the clause around the date ``text[start:end]`` puts it firmly in the past: the date
    is the time of what the clause tells in a past form, or names a thing the clause tells of in
    the past ("The March 17 answer was ..."), and nothing in the clause points ahead.

    A past clause in news often gives a date still to come ("approved a dividend payable Dec. 7",
    "extended the ban to May 17", "the March 17 vote was postponed"): those are not firm.
    """
    before, after = _clause_around(text, start, end)
    noun = (bool(_DETERMINER_RE.search(before)) and bool(_NOUN_AFTER_RE.match(after))
            and not _LIMIT_RE.search(before))
    if not (noun or _TIME_OF_EVENT_RE.search(before)) or _AHEAD_RE.search(before):
        return False
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    cues = list(_TENSE_RE.finditer(clause))
    if any(m.group("fut") for m in cues):
        return False
    if noun and cues and _REPORTING_RE.match(cues[-1].group()):
        cues = []  # "said the March 17 vote had been rigged": the vote's own verb comes after
    if cues:
        last = cues[-1]
        if last.group("weak") and len(cues) > 1 and not (_PAST_AUX_RE.search(clause, 0, last.start())
                                                         or _REPORTING_RE.match(cues[-2].group())):
            return False
        return _tells_the_past(clause, last)
    if not (noun or _OPENS_CLAUSE_RE.search(before)):
        return False
    for m in _TENSE_RE.finditer(after):
        # "The March 17 answer was ...", "In March, the firm was taken over"; a regular past form
        # after the date is too often a participle ("Posted by")
        return (not m.group("fut") and not m.group("weak") and _tells_the_past(after, m)
                and not _AHEAD_RE.search(after, 0, m.start()) and not _PLAN_AFTER_RE.match(after, m.end()))
    return False


def _tells_the_past(clause: str, cue: re.Match[str]) -> bool:
    """Whether the tense ``cue`` found in ``clause`` is a past form that tells what happened."""
    if not _FIRM_PAST_RE.fullmatch(cue.group()) or _NOT_A_PAST_BEFORE_RE.search(clause, 0, cue.start()):
        return False
    if cue.group("weak"):
        at = cue.start()
        own_clause = bool(clause[:at].strip()) and clause[max(0, at - 1)] != "-"
        return own_clause and len(clause) - cue.end() <= _WEAK_NEAR
    return True


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the date's sentence before it (at most 90 characters) and after it (40)."""
    # the break's look-ahead sees the expression's first letter: a date opening its sentence has
    # nothing before it
    breaks = list(_SENT_BREAK_RE.finditer(text, max(0, start - 90), min(len(text), start + 1)))
    before = text[breaks[-1].end() if breaks and breaks[-1].end() <= start else max(0, start - 90):start]
    after = text[end:end + 40]
    cut = _SENT_BREAK_RE.search(after)
    if cut:
        after = after[:cut.start()]
    return before, after


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
