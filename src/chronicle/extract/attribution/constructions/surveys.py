"""Surveys and polls: 'In the latest poll, Clinton leads by five points'.  PolNeAR's cue is
"In", its source the poll and its content the rest of the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronicle.extract.attribution.constructions.base import Context, rest_of_sentence
from chronicle.extract.attribution.lexicon import SURVEY_NOUNS
from chronicle.extract.attribution.record import Attribution
from chronicle.extract.attribution.spans import trim
from chronicle.extract.attribution.syntax import prep_object


@dataclass(frozen=True)
class InSurvey:
    def matches(self, tok: Token, ctx: Context) -> bool:
        return tok.lower_ == "in" and tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX")

    def build(self, tok: Token, ctx: Context) -> Attribution | None:
        obj = prep_object(tok)
        # Only a fronted phrase: "trailing in the polls" is no attribution.
        if obj is None or obj.lemma_.lower() not in SURVEY_NOUNS or tok.i > tok.head.i:
            return None
        if ctx.quotes.contains_token(tok):
            return None
        src = trim(list(obj.subtree))
        cue = ((tok.idx, tok.idx + len(tok.text)),)
        return rest_of_sentence(tok, src, {t.i for t in tok.subtree}, cue, "indirect", ctx)
