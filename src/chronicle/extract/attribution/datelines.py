"""Datelines ("SEOUL: ..."): the place a story was filed from, which nobody said."""

from __future__ import annotations

import re
from dataclasses import replace

from chronicle.extract.attribution.record import Attribution, text_of
from chronicle.extract.entities import names_a_place

_DATELINE_RE = re.compile(r"([A-Z][A-Z.'’ -]{1,30}): ")


def without_dateline(att: Attribution, text: str) -> Attribution:
    """A content that starts with the article's dateline ("SEOUL: North Korean leader ...")
    starts after it: the place the story was filed from is not part of what was said."""
    if not att.content:
        return att
    s, e = att.content[0]
    m = _DATELINE_RE.match(text, s, e)
    if m is None or not names_a_place(m.group(1)):
        return att
    content = ((m.end(), e), *att.content[1:])
    return replace(att, content=content, content_text=text_of(text, content) or "")

