"""Stance: whether a cue asserts, denies or condemns what it reports."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.attribution.lexicon import (
    CLAIM_NOUNS,
    CONDEMN,
    CONDEMNATION_NOUNS,
    DENIAL_NOUNS,
    DENY,
    PROPOSAL_NOUNS,
    REJECT,
)


def verb_stance(verb: Token, head: Token | None) -> str:
    """"denies", "condemns" or "asserts" from the cue verb and the head of what it governs."""
    lemma = verb.lemma_.lower()
    if lemma in CONDEMN:
        return "condemns"
    if lemma not in DENY and lemma not in REJECT:
        return "asserts"
    if head is None or head.dep_ in ("ccomp", "parataxis") or any(
        c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in head.children
    ):
        # A clause ("denied that ...") or a quotation is a claim.
        return "denies"
    noun = head.lemma_.lower()
    if noun in CLAIM_NOUNS:
        return "denies"
    if lemma in DENY and noun not in PROPOSAL_NOUNS and not any(c.dep_ == "dative" for c in verb.children):
        # "denied wrongdoing", "disputed the results"; but "denied him entry" is a refusal.
        return "denies"
    return "asserts"


def noun_stance(noun: Token) -> str:
    """The stance of a nominal cue: "her denial of", "their criticism of"."""
    lemma = noun.lemma_.lower()
    if lemma in DENIAL_NOUNS:
        return "denies"
    if lemma in CONDEMNATION_NOUNS:
        return "condemns"
    return "asserts"
