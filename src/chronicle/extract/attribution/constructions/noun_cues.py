"""Nominal cues: "Trump's attacks on Clinton", "her support for the bill", "the claim that".

The possessor is the source (with its "'s"); the cue is the noun with its modifiers and the
preposition that introduces the content; the content is the prepositional object, or the
clause or infinitive that complements the noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronicle.extract.attribution.constructions.base import Context
from chronicle.extract.attribution.quoted_content import adjacent_quote, fit_to_quotes
from chronicle.extract.attribution.record import Attribution
from chronicle.extract.attribution.spans import spans_of, tokens_in, trim
from chronicle.extract.attribution.stance import noun_stance
from chronicle.extract.attribution.syntax import content_object


@dataclass(frozen=True)
class NounCue:
    """A noun the cue model takes for a cue."""

    def matches(self, tok: Token, ctx: Context) -> bool:
        return tok.pos_ == "NOUN"

    def build(self, tok: Token, ctx: Context) -> Attribution | None:
        if not ctx.judged_cue(tok):
            return None
        prep, content_toks = _complement(tok)
        if not content_toks:
            content_toks = _quotation_after(tok, ctx)
        content_toks = trim(content_toks)
        if not content_toks:
            return None
        content = fit_to_quotes(tok, content_toks, ctx.quotes)
        if not content:
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        src_toks = list(poss.subtree) if poss is not None else []
        return Attribution.from_spans(
            ctx.text,
            source=spans_of(src_toks, trim_edges=False) or None,
            cue=spans_of(_cue_tokens(tok, poss, prep), trim_edges=False) or None,
            content=content,
            kind=ctx.quotes.kind(content),
            stance=noun_stance(tok),
            cue_index=tok.i,
        )


def _complement(noun: Token) -> tuple[Token | None, list[Token]]:
    """The preposition (or infinitive marker) that opens the noun's content, and the content:
    the first prepositional object or clause after the noun."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        obj = content_object(c)
        if obj is not None:
            return c, list(obj.subtree)
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            sub = list(c.subtree)
            # "pledge to remove ...": the infinitive marker goes with the cue.
            if sub and sub[0].lower_ == "to" and sub[0].dep_ == "aux" and sub[0].i == noun.i + 1:
                return sub[0], sub[1:]
            return None, sub
    return None, []


def _quotation_after(noun: Token, ctx: Context) -> list[Token]:
    """'her warning: "..."': a quotation that a colon or comma sets right after the noun."""
    quote = adjacent_quote(noun, None, ctx.quotes)
    if quote is None or ctx.doc[noun.i + 1 : noun.i + 2].text not in (":", ","):
        return []
    return tokens_in(ctx.doc, quote)


def _cue_tokens(noun: Token, poss: Token | None, prep: Token | None) -> list[Token]:
    """The noun with its modifiers before it ("strong criticism"), a case marker when there is no
    possessor, and the preposition right after it."""
    doc = noun.doc
    start = noun.i
    while start - 1 >= 0 and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ in ("amod", "compound", "nmod"):
        start -= 1
    if start - 1 >= 0 and doc[start - 1].dep_ == "case" and poss is None:
        start -= 1
    end = noun.i + 1
    if prep is not None and prep.i == end:
        end += 1
    return list(doc[start:end])
