"""The learned cue model: which verbs and nouns head a cue.

A logistic regression over :func:`cue_features`, fit on PolNeAR's training split by
``scripts/fit_cue_model.py`` and shipped as ``chronicle/data/attribution_cues.json``.  PolNeAR's
notion of attribution is broad (endorsing, opposing, showing, "her criticism of", "support
for"), which the hand lexicon ``CUE_LEMMAS`` alone does not capture; the lexicon is one of the
model's features instead.  The file is read on first use and cached.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from chronicle.extract.attribution.lexicon import CHAIN_VERBS, CLAUSE_CUE_LEMMAS, CUE_LEMMAS, SAYING
from chronicle.extract.attribution.quotes import quote_mark_indices
from chronicle.extract.attribution.syntax import copula_adjective, made_clear_clause, subject

_MODEL_FILE = "attribution_cues.json"

#: Dependents whose presence (per lemma) tells a reporting use from another: "found that ..."
#: against "found the car".
_FRAME_DEPS = frozenset(
    "nsubj nsubjpass csubj ccomp xcomp dobj agent prt poss acl relcl advcl mark neg parataxis attr "
    "oprd dative acomp".split()
)


@dataclass(frozen=True)
class CueModel:
    """Feature weights of a logistic regression and its decision threshold, both as log-odds."""

    weights: Mapping[str, float]
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        """The model's log-odds that a token heads a cue (compared with the threshold's log-odds)."""
        return sum(self.weights.get(f, 0.0) for f in feats)

    def heads_cue(self, tok: Token) -> bool:
        """Whether a candidate outside any quotation heads a cue: the model says so, or the
        candidate leads to a saying the model cannot see from where it stands."""
        return self.score(cue_features(tok, False)) >= self.threshold or _chains_to_saying(tok) or _makes_clear(tok)


@functools.lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The learned cue model, read once from package data.

    Fit on PolNeAR's training split over :func:`cue_features` of every verb and noun (label:
    the token heads an annotated cue), pruned to the larger weights."""
    raw = resources.files("chronicle").joinpath("data", _MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return CueModel(weights, _logit(float(data["threshold"])))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def is_candidate(tok: Token) -> bool:
    """Whether the learned cue model is asked about ``tok``: verbs, nouns and a copula with an
    adjective ("were critical of", "is confident that")."""
    return tok.pos_ in ("VERB", "NOUN") or copula_adjective(tok) is not None


def is_cue_verb(tok: Token) -> bool:
    """Whether the hand lexicon takes ``tok`` for a reporting verb."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in CUE_LEMMAS:
        # Verbs of cognition and evidence report only with a clausal complement: "the study
        # found that ...", but not "police found the car".
        return lemma in CLAUSE_CUE_LEMMAS and any(c.dep_ == "ccomp" for c in tok.children)
    # Attributive participles ("the reported case") and infinitival purposes are not reports.
    return tok.dep_ not in ("amod", "compound")


def _chains_to_saying(tok: Token) -> bool:
    """ "used to say", "went on to claim": the model, trained on cue heads, sees only the
    catenative verb, rarely a cue by itself."""
    return tok.lemma_.lower() in CHAIN_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in SAYING and any(g.lower_ == "to" for g in c.children)
        for c in tok.children
    )


def _makes_clear(tok: Token) -> bool:
    """ "made it clear that ...": a report whatever the model thinks of "made" alone."""
    return any(made_clear_clause(tok, c) is not None for c in tok.children)


def cue_features(tok: Token, in_quote: bool) -> list[str]:
    """Features of a candidate cue head (a verb or noun) for the learned cue model.

    Lemma, part of speech and tag, the token's own dependency, its dependents (per lemma too:
    "believe" with a clausal complement reports, without one rarely does), the adjective of a
    copula and its dependents ("were critical of"), the kind of subject, whether the hand lexicon
    knows it and whether it stands inside a quotation.
    """
    lem = tok.lemma_.lower()
    pos = tok.pos_
    feats = [
        "b",
        "P=" + pos,
        "L=" + lem + "|" + pos,
        "T=" + tok.tag_,
        "D=" + tok.dep_,
        "LD=" + lem + "|" + tok.dep_,
        "LT=" + lem + "|" + tok.tag_,
        "PD=" + pos + "|" + tok.dep_,
    ]
    feats.extend(_frame_features(tok, lem, pos))
    if pos != "NOUN":
        feats.extend(_subject_features(tok, lem))
    head = tok.head
    if head is not tok:
        feats.append("H=" + head.lemma_.lower() + "|" + tok.dep_)
        if head.lemma_.lower() in CUE_LEMMAS:
            feats.append("Hcue")
    if in_quote:
        feats.append("Q")
        feats.append("LQ=" + lem)
    feats.extend(_context_features(tok, lem))
    return feats


def _frame_features(tok: Token, lem: str, pos: str) -> list[str]:
    """The candidate's dependents, and those of a copula's adjective ("were critical of")."""
    feats: list[str] = []
    for c in tok.children:
        d = c.dep_
        if d == "prep":
            d = "prep:" + c.lower_
        elif d == "prt":
            d = "prt:" + c.lower_
        elif d not in _FRAME_DEPS:
            continue
        feats.append("C=" + pos + "|" + d)
        feats.append("LC=" + lem + "|" + d)
    adj = copula_adjective(tok)
    if adj is not None:
        alem = adj.lemma_.lower()
        feats.append("A=" + alem)
        for c in adj.children:
            d = c.dep_
            if d == "prep":
                d = "prep:" + c.lower_
            elif d not in _FRAME_DEPS:
                continue
            feats.append("AC=" + d)
            feats.append("ALC=" + alem + "|" + d)
    return feats


def _subject_features(tok: Token, lem: str) -> list[str]:
    """The kind of a verb's subject, and whether the hand lexicon knows the verb."""
    feats: list[str] = []
    subj = subject(tok)
    if subj is None:
        feats.append("S=none")
    else:
        kind = subj.ent_type_ or subj.pos_
        feats.append("S=" + kind)
        feats.append("LS=" + lem + "|" + kind)
    if is_cue_verb(tok):
        feats.append("R")
    return feats


def _context_features(tok: Token, lem: str) -> list[str]:
    """Surroundings of a candidate: the words next to it, the kind of its subject and object,
    the complementiser of its clause and whether a quotation touches its sentence."""
    doc = tok.doc
    feats: list[str] = []
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    pw = prev.lower_ if prev is not None else "<s>"
    nw = nxt.lower_ if nxt is not None else "</s>"
    feats.append("NW=" + nw)
    feats.append("PW=" + pw)
    feats.append("LNW=" + lem + "|" + nw)
    feats.append("LPW=" + lem + "|" + pw)
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "acl"):
            mark = next((g.lower_ for g in c.children if g.dep_ in ("mark", "aux") and g.i < c.i), "-")
            feats.append("M=" + c.dep_ + "|" + mark)
            feats.append("LM=" + lem + "|" + c.dep_ + "|" + mark)
        elif c.dep_ in ("nsubj", "nsubjpass", "poss"):
            kind = c.ent_type_ or ("PRP" if c.tag_ in ("PRP", "PRP$") else c.pos_)
            feats.append("SK=" + c.dep_ + "|" + kind)
            if c.pos_ == "NOUN":
                feats.append("SL=" + c.lemma_.lower())
        elif c.dep_ == "dobj":
            feats.append("OL=" + lem + "|" + c.lemma_.lower())
            # "has doubts about", "voiced concern that": the object's complement marks a report.
            for g in c.children:
                if g.i > c.i and g.dep_ in ("prep", "acl", "ccomp"):
                    d = g.lower_ if g.dep_ == "prep" else g.dep_
                    feats.append("OP=" + d)
                    feats.append("LOP=" + lem + "|" + d)
    feats.extend(_quotation_features(tok))
    if tok.pos_ == "NOUN":
        feats.append("NH=" + tok.head.lemma_.lower() + "|" + tok.dep_ + "|" + lem)
    return feats


def _quotation_features(tok: Token) -> list[str]:
    """Whether a quotation touches the candidate's sentence, and whether it stands inside or
    just after one ('"...," said X')."""
    sent = tok.sent
    every = quote_mark_indices(tok.doc)
    marks = every[bisect.bisect_left(every, sent.start) : bisect.bisect_left(every, sent.end)]
    if not marks:
        return []
    if marks[0] < tok.i < marks[-1]:
        return ["SQ", "SQ=both"]
    if marks[-1] < tok.i and tok.i - marks[-1] <= 4:
        return ["SQ", "SQ=after"]
    return ["SQ"]
