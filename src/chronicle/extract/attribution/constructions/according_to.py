"""The "according to X" construction: the cue is "according to", the source X and the content
the rest of the sentence ("The ship sank in less than an hour, according to the coast guard")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronicle.extract.attribution.constructions.base import Context, rest_of_sentence
from chronicle.extract.attribution.record import Attribution
from chronicle.extract.attribution.spans import trim
from chronicle.extract.attribution.syntax import prep_object


@dataclass(frozen=True)
class AccordingTo:
    def matches(self, tok: Token, ctx: Context) -> bool:
        return tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to"

    def build(self, tok: Token, ctx: Context) -> Attribution | None:
        doc = ctx.doc
        to = doc[tok.i + 1]
        obj = prep_object(to) or next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        src = trim([t for t in obj.subtree])
        # Parsed as the sentence's root ("According to X, the plan ..."), "according" heads the
        # whole sentence: only the phrase itself and its comma are left out of the content.
        head_of_all = tok.dep_ == "ROOT"
        phrase = ({tok.i} if head_of_all else {t.i for t in tok.subtree}) | {to.i} | {t.i for t in src}
        if head_of_all and src and src[-1].i + 1 < len(doc) and doc[src[-1].i + 1].text == ",":
            phrase.add(src[-1].i + 1)
        cue = ((tok.idx, to.idx + len(to.text)),)
        return rest_of_sentence(tok, src, phrase, cue, "according_to", ctx)
