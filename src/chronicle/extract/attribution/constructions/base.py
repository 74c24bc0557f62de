"""What the constructions share: the article they work on and the two shapes a construction
takes, one opened by a token of the parse and one found in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Token

from chronicle.extract.attribution.cues import CueModel
from chronicle.extract.attribution.quotes import QuoteIndex
from chronicle.extract.attribution.record import Attribution, CharSpan
from chronicle.extract.attribution.spans import char_span, contiguous, merge, spans_of, trim


@dataclass(frozen=True)
class Context:
    """One parsed article as the constructions see it."""

    doc: Doc
    quotes: QuoteIndex
    model: CueModel

    @property
    def text(self) -> str:
        return self.quotes.text

    def judged_cue(self, tok: Token) -> bool:
        """Whether the cue model takes ``tok`` for the head of a cue.  It is never asked inside
        a quotation: a reporting word there is part of someone's words, not the article's report."""
        return not self.quotes.contains_token(tok) and self.model.heads_cue(tok)


class TokenConstruction(Protocol):
    """A construction opened by one token ("according", "said", "criticism").

    Tried in order on every token; the first whose ``matches`` holds owns the token, whether or
    not ``build`` then finds an attribution."""

    def matches(self, tok: Token, ctx: Context) -> bool: ...

    def build(self, tok: Token, ctx: Context) -> Attribution | None: ...


class TextConstruction(Protocol):
    """A construction found by a pattern over the text ("Name: ...", a signed quotation), after
    every token construction has run; ``taken`` holds the cue heads found so far."""

    def triggers(self, ctx: Context) -> Iterable[re.Match[str]]: ...

    def build(self, m: re.Match[str], ctx: Context, taken: frozenset[int]) -> Attribution | None: ...


def rest_of_sentence(
    tok: Token, src: list[Token], phrase: set[int], cue: CharSpan, kind: str, ctx: Context
) -> Attribution | None:
    """An attribution made by a phrase ("according to X", "in a poll") whose content is the
    rest of its sentence."""
    content = trim([t for t in tok.sent if t.i not in phrase and not t.is_space])
    if not src or not content:
        return None
    runs = [trim(r) for r in contiguous(content)]
    spans = tuple(cs for cs in (char_span(r) for r in runs if r) if cs)
    if not spans:
        return None
    return Attribution.from_spans(
        ctx.text,
        source=spans_of(src) or None,
        cue=cue,
        content=merge(ctx.text, spans),
        kind=kind,
        cue_index=tok.i,
    )
