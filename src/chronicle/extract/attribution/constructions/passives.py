"""Passive and raising cues, whose subject is what is reported on rather than who speaks:
"The housing plan was endorsed by the union", "Trump is expected to win", "The new figures
appear to be wrong"."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.attribution.lexicon import RAISING_PASSIVES, RAISING_VERBS


def passive_subject(verb: Token, subj: Token | None) -> Token | None:
    """The passive subject when it is not the speaker: what a passive cue reports on.
    (Tokens are compared by index: spaCy makes a new Token object on every access.)"""
    return next(
        (c for c in verb.children if c.dep_ == "nsubjpass" and (subj is None or c.i != subj.i)), None
    )


def passive_content(verb: Token, reported: Token | None) -> list[Token]:
    """With no complement, what a passive cue reports on is its subject ("The bill was endorsed
    by the union")."""
    if reported is None or verb.lemma_.lower() in RAISING_PASSIVES:
        return []
    content_toks = list(reported.subtree)
    # "X was identified as the protester", "will be dubbed the Y": what the subject is
    # called is reported with it.
    for c in verb.children:
        if c.i > verb.i and ((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in ("oprd", "attr")):
            content_toks.extend(c.subtree)
    return content_toks


def raised_subject(verb: Token, subj: Token | None, head: Token | None) -> Token | None:
    """The subject of a raising verb with an infinitive ("The statistics appear to be
    fabricated", "X is believed to ..."), which belongs to what is reported."""
    if (
        head is not None
        and head.dep_ == "xcomp"
        and subj is not None
        and subj.dep_ in ("nsubj", "nsubjpass")
        and subj.i < verb.i
        and (verb.lemma_.lower() in RAISING_VERBS or (subj.dep_ == "nsubjpass" and verb.lemma_.lower() in RAISING_PASSIVES))
    ):
        return subj
    return None


def reported_subject_prefix(verb: Token, reported: Token | None, content_toks: list[Token]) -> list[Token]:
    """With no one named as saying it, a passive cue's subject before it is part of what is
    reported ("Trump is expected to win", "Ginsburg is known for ...")."""
    if reported is not None and reported.i < verb.i and reported not in content_toks:
        return list(reported.subtree)
    return []
