"""Questions about the dependency parse that both the cue model and the constructions ask."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.attribution.lexicon import CUE_LEMMAS, NOUN_CONTENT_PREPS, PASSIVE_SOURCE_LEMMAS


def copula_adjective(tok: Token) -> Token | None:
    """The adjective of a copula ("are concerned" -> "concerned"), if ``tok`` is one."""
    if tok.pos_ != "AUX" or tok.lemma_ != "be":
        return None
    return next((c for c in tok.children if c.dep_ == "acomp"), None)


def subject(verb: Token) -> Token | None:
    """Who does the reporting, one step up the tree at most."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    if verb.lemma_.lower() in PASSIVE_SOURCE_LEMMAS:
        # "X was quoted as saying": the passive subject is the speaker.
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return c
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # Shared subjects: "He called ... and proposed ...", "..., adding that ..." and
    # "Trump, who said ..." all report the head clause's subject.
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_ in CUE_LEMMAS:
            return None
        for c in head.children:
            if c.dep_ == "nsubj":
                return c
    if verb.dep_ == "relcl":
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
    return None


def chained_subject(verb: Token) -> Token | None:
    """The subject shared down a chain of coordinated and adverbial clauses ("Kim highlighted
    ... and called for ... while emphasizing ..."), which :func:`subject` follows one step only
    (its answer is also a feature of the cue model, fit with that one step)."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("conj", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return None


def report_of_misattached(verb: Token) -> Token | None:
    """The reporting verb whose subject a coordinated report shares when the parser hung it on
    that report's content ("X said the offer was fair and urged the union to ...": "urged" is
    parsed as coordinated with "was", but X urged)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head
    if clause.dep_ != "ccomp" or clause.i > verb.i or verb.lemma_.lower() not in CUE_LEMMAS:
        return None
    outer = clause.head
    if outer.lemma_.lower() not in CUE_LEMMAS or outer.i > clause.i:
        return None
    return outer


def prep_object(prep: Token) -> Token | None:
    for g in prep.children:
        if g.dep_ in ("pobj", "pcomp"):
            return g
    return None


def content_object(tok: Token) -> Token | None:
    """The object of a preposition that introduces what is said ("concern about X", "took
    issue with X"), if ``tok`` is one."""
    if tok.dep_ != "prep" or tok.lower_ not in NOUN_CONTENT_PREPS:
        return None
    return prep_object(tok)


def made_clear_clause(verb: Token, clear: Token) -> Token | None:
    """The clause reported by "made (it) clear", if ``verb`` and its dependent ``clear`` are that."""
    if verb.lemma_.lower() != "make" or clear.lower_ not in ("clear", "plain") or clear.i < verb.i:
        return None
    return next((c for c in clear.children if c.i > clear.i and c.dep_ in ("ccomp", "advcl", "csubj", "xcomp")), None)
