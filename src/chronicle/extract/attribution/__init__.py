"""Who said what: rule-and-parse attribution (quote) extraction on top of spaCy's dependency parse.

An attribution is a (source, cue, content) triple in the PolNeAR sense: ``Kim said the country had
"no intention of avoiding a war"`` has source ``Kim``, cue ``said`` and content ``the country had
"no intention of avoiding a war"``.  Span conventions follow the PolNeAR annotation guidelines as
observed on its training articles, because that is what the extractor is measured against:

* the source is the whole subject noun phrase ("White House spokesman John Kirby"), pronouns
  included as written ("He"); the person meant is given separately as ``speaker``;
* the cue is the reporting verb with its auxiliaries, negation, "also" and particles ("has also
  called on"), plus the preposition that introduces a prepositional content ("talked about"); it
  runs on through a few catenative verbs ("continued to say") and light objects ("expressed
  confidence that"), and a copula takes its adjective ("are worried about");
* the subject of a raising verb ("The figures appear to be wrong") is part of the content;
* the content is the complement clause, *including* the complementiser "that", without the
  sentence-final full stop; a direct quote keeps its quotation marks (and any punctuation inside
  them), and a quote that the cue interrupts or that goes on in the next sentences of the same
  paragraph becomes a discontinuous content;
* a passive cue with no complement reports on its subject ("The plan was endorsed by the union");
  a fronted "In a ... poll" is a cue ("In") with the poll as source and the sentence as content;
  "Name: ..." at the start of a line (headlines, transcripts) has the colon as cue.

Which verbs and nouns are cues is decided by a small learned model: a logistic regression over
:func:`cue_features` (lemma, dependency frame, subject kind, membership in the hand lexicon
``CUE_LEMMAS``, position inside a quotation), fit on PolNeAR's training split and shipped as
``chronicle/data/attribution_cues.json``.  PolNeAR's notion of attribution is broad (endorsing,
opposing, showing, "her criticism of", "support for"), which a lexicon alone does not capture.
Span building stays rule-based.  Nothing downloads anything, and no global state is mutable
(the model is read once and cached).

The package is laid out by construction (:mod:`.constructions`, listed in the order they are
tried in ``constructions/__init__.py``), with the word lists in :mod:`.lexicon`, quotation
finding in :mod:`.quotes`, span helpers in :mod:`.spans`, the cue model in :mod:`.cues`, stance
in :mod:`.stance` and speaker resolution in :mod:`.speakers`; :mod:`.extractor` runs them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronicle.extract.attribution.cues import cue_features
from chronicle.extract.attribution.extractor import find_attributions
from chronicle.extract.attribution.lexicon import CUE_LEMMAS
from chronicle.extract.attribution.quotes import find_quotes
from chronicle.extract.attribution.record import Attribution, CharSpan

__all__ = [
    "CUE_LEMMAS",
    "Attribution",
    "CharSpan",
    "attribution_component",
    "cue_features",
    "ensure_extensions",
    "find_attributions",
    "find_quotes",
]


def ensure_extensions() -> None:
    """Register ``Doc._.attributions`` once; safe to call any number of times."""
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", default=None)


def attribution_component(doc: Doc) -> Doc:
    """spaCy pipeline component: store :func:`find_attributions` results on ``doc._.attributions``."""
    ensure_extensions()
    doc._.attributions = find_attributions(doc)
    return doc
