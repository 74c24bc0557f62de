"""A fast rule-based sentence splitter for news text.

It only has to be good enough to give each time expression its sentence; the spaCy
pipeline's own sentence boundaries replace it where that pipeline runs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

__all__ = ["split_sentences"]

# Abbreviations after which a full stop does not end a sentence in news copy.
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "st", "jr", "sr", "co", "corp", "inc", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "vs", "etc", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "ft", "gov't", "mt"]
)
_BOUNDARY = re.compile(
    r"""([.!?]+['"’”)\]]*)(\s+)(?=['"“‘(\[]?[A-Z0-9])"""
    r"""|\n\s*\n|\n(?=\s*[-•*]\s)|(?P<line>[ \t]*\n)(?=[ \t]*[A-Z“"‘'])"""
)
# A short unpunctuated line (a headline, a section label) stands alone; longer ones may
# be hard-wrapped prose and are joined to the next line.
_HEADLINE_MAX = 80
_PREV_WORD = re.compile(r"([\w.’']+)[.!?]+['\"’”)\]]*$")


def split_sentences(text: str, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """End-exclusive character spans of the sentences of ``text``, whitespace trimmed.

    A sentence also ends at each offset in ``breaks`` (where page furniture glued to it starts
    or ends, say).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("line"):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[line_start : m.start()].strip()
            if not line or len(line) > _HEADLINE_MAX or line[-1] in ".!?,;:":
                continue
            end = m.start()
        elif m.group(1):
            prev = _PREV_WORD.search(text, max(0, m.start() - 20), m.end(1))
            word = prev.group(1).lower().rstrip(".") if prev else ""
            # "U.S." or an initial like "J." is an abbreviation, not the end of a sentence.
            if m.group(1) == "." and (word in _ABBREVIATIONS or len(word) == 1 or "." in word):
                continue
            end = m.end(1)
        else:
            end = m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return _cut(text, spans, sorted(set(breaks))) if breaks else spans


def _cut(text: str, spans: list[tuple[int, int]], breaks: list[int]) -> list[tuple[int, int]]:
    """``spans`` cut at every break inside one."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for cut in breaks[bisect.bisect_right(breaks, start) : bisect.bisect_left(breaks, end)]:
            _add(text, start, cut, out)
            start = cut
        _add(text, start, end, out)
    return out


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
