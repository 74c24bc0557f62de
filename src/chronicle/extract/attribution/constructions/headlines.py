"""A name and a colon at the start of a line: headline style ('Graham: Trump's Rhetoric Is
Destroying the GOP') and transcript speakers ("HOST: ...").  The colon is the cue, the name the source and
the rest of the line the content."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from chronicle.extract.attribution.constructions.base import Context
from chronicle.extract.attribution.lexicon import HEADLINE_SOURCE_NOUNS, LABELS
from chronicle.extract.attribution.record import Attribution
from chronicle.extract.entities import names_a_place

_HEADLINE_RE = re.compile(r"^[\"“]?([A-Z][^:\n“”\"]{1,40}): (\S[^\n]*)$", re.MULTILINE)


@dataclass(frozen=True)
class HeadlineColon:
    """Only when the part before the colon is a short name (an entity, in title case), a noun
    that speaks in headlines ("Poll:", "Report:") or an upper-case transcript speaker ("HOST:"),
    so that labels such as 'UPDATE:' or 'Read more:' are not taken for speakers."""

    def triggers(self, ctx: Context) -> Iterable[re.Match[str]]:
        return _HEADLINE_RE.finditer(ctx.text)

    def build(self, m: re.Match[str], ctx: Context, taken: frozenset[int]) -> Attribution | None:
        text = ctx.text
        name_s, name_e = m.span(1)
        label = m.group(1)
        words = label.split()
        if len(words) > 5 or not all(w[:1].isupper() for w in words):
            return None
        span = ctx.doc.char_span(name_s, name_e)
        if span is not None and label.isupper() and (
            names_a_place(label) or any(t.ent_type_ in ("GPE", "LOC") for t in span)
        ):
            # "SEOUL: North Korean leader ...": a dateline, not a speaker.
            return None
        if span is None or not (
            any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span)
            or words[-1].lower().rstrip("s") in HEADLINE_SOURCE_NOUNS
            or (len(words) <= 3 and label.isupper() and label.strip() not in LABELS)
        ):
            return None
        cs, ce = m.span(2)
        content = text[cs:ce].rstrip()
        while content and content[-1] in ".,;":
            content = content[:-1]
        if not content:
            return None
        return Attribution.from_spans(
            text,
            source=((name_s, name_e),),
            cue=((name_e, name_e + 1),),
            content=((cs, cs + len(content)),),
            kind="headline",
            cue_index=span.end,
        )
