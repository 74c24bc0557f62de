"""Signed quotations: '"...." ― Ana Ruiz', '"..." — Jo Bell (@jobell)', the way pull quotes,
reader voices and embedded posts are set.  The dash is the cue, the name the source and the
quotation (with its marks) the content."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from chronicle.extract.attribution.constructions.base import Context
from chronicle.extract.attribution.record import Attribution

#: A dash and a name ending its line.
_SIGNATURE_RE = re.compile(
    r"(?P<dash>―|—|–|--|-)[^\S\n]*(?P<name>[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,4}"
    r"(?:[^\S\n]*\(@\w+\))?)[^\S\n]*\.?[^\S\n]*(?=\n|$)"
)


@dataclass(frozen=True)
class SignedQuote:
    """A quotation signed on its own line or right after the closing mark, by a name that no
    other attribution has taken for its cue."""

    def triggers(self, ctx: Context) -> Iterable[re.Match[str]]:
        return _SIGNATURE_RE.finditer(ctx.text)

    def build(self, m: re.Match[str], ctx: Context, taken: frozenset[int]) -> Attribution | None:
        text = ctx.text
        ds, de = m.span("dash")
        before = text[:ds].rstrip()
        qs = ctx.quotes.start_of_quote_ending_at(len(before))
        # The dash must follow the quotation directly or start the next line.
        if qs is None or "\n\n\n" in text[len(before) : ds]:
            return None
        line_start = text.rfind("\n", 0, ds) + 1
        if text[line_start:ds].strip() and text[len(before) : ds].count("\n"):
            return None
        name_s, name_e = m.span("name")
        name = text[name_s:name_e].rstrip(".")
        name_e = name_s + len(name)
        span = ctx.doc.char_span(name_s, name_e, alignment_mode="expand")
        if span is None or span.start in taken:
            return None
        # A name, not the start of a sentence: a person or organisation, or a short run of
        # capitalised words.
        words = name.split()
        if not (any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span) or len(words) <= 3):
            return None
        return Attribution.from_spans(
            text,
            source=((name_s, name_e),),
            cue=((ds, de),),
            content=((qs, len(before)),),
            kind="direct",
            cue_index=span.start,
        )
