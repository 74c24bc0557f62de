"""The constructions that make an attribution, in the order the extractor tries them.

A token construction owns every token its trigger matches, in the order listed, whether or not
it then finds an attribution there: "according" before "to" is never asked about as a verb, and
a verb the cue model turns down is not asked about again as a lexicon verb.  The text
constructions run after them, in order, over the article's text.
"""

from __future__ import annotations

from chronicle.extract.attribution.constructions.according_to import AccordingTo
from chronicle.extract.attribution.constructions.base import Context, TextConstruction, TokenConstruction
from chronicle.extract.attribution.constructions.headlines import HeadlineColon
from chronicle.extract.attribution.constructions.noun_cues import NounCue
from chronicle.extract.attribution.constructions.signatures import SignedQuote
from chronicle.extract.attribution.constructions.surveys import InSurvey
from chronicle.extract.attribution.constructions.verb_reports import LexiconVerbReport, VerbReport

__all__ = ["TEXT_CONSTRUCTIONS", "TOKEN_CONSTRUCTIONS", "Context", "TextConstruction", "TokenConstruction"]

TOKEN_CONSTRUCTIONS: tuple[TokenConstruction, ...] = (
    AccordingTo(),  # "according to the coast guard"
    InSurvey(),  # "In a survey of 900 farmers, ..."
    NounCue(),  # "her criticism of the deal" (the cue model decides)
    VerbReport(),  # "Kim said ...", "were critical of" (the cue model decides)
    LexiconVerbReport(),  # reporting verbs of the hand lexicon the model never sees
)

TEXT_CONSTRUCTIONS: tuple[TextConstruction, ...] = (
    HeadlineColon(),  # "Poll: ...", "HOST: ..."
    SignedQuote(),  # '"..." ― Ana Ruiz' (not a name another attribution already cues)
)
