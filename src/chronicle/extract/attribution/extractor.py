"""The extractor: every construction over one parsed article, then the finishing steps."""

from __future__ import annotations

from spacy.tokens import Doc

from chronicle.extract.attribution.constructions import TEXT_CONSTRUCTIONS, TOKEN_CONSTRUCTIONS, Context
from chronicle.extract.attribution.cues import cue_model
from chronicle.extract.attribution.datelines import without_dateline
from chronicle.extract.attribution.quotes import QuoteIndex
from chronicle.extract.attribution.record import Attribution
from chronicle.extract.attribution.speakers import resolve_speakers
from chronicle.extract.components import doc_text


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions found in an article parsed by spaCy (parser and NER required)."""
    ctx = Context(doc, QuoteIndex(doc_text(doc)), cue_model())
    out = _by_token(ctx)
    for construction in TEXT_CONSTRUCTIONS:
        taken = frozenset(a.cue_index for a in out)
        for m in construction.triggers(ctx):
            att = construction.build(m, ctx, taken)
            if att is not None:
                out.append(att)
    return resolve_speakers(doc, [without_dateline(a, ctx.text) for a in out])


def _by_token(ctx: Context) -> list[Attribution]:
    """The attributions that single tokens open, in token order."""
    out: list[Attribution] = []
    for tok in ctx.doc:
        construction = next((c for c in TOKEN_CONSTRUCTIONS if c.matches(tok, ctx)), None)
        if construction is None:
            continue
        att = construction.build(tok, ctx)
        if att is not None:
            out.append(att)
    return out
