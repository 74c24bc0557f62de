"""Speaker resolution: the named person or organisation that a source refers to.

Deliberately simple: a pronoun refers to the latest PERSON (he/she) or ORG/GPE (it/they)
mentioned before it; a definite description refers to the latest mention with the same head
noun, or to the latest PERSON for role nouns like "the leader".
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from chronicle.extract.attribution.lexicon import (
    GENERIC_ORG_NOUNS,
    NOBODY,
    ORG_PRONOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    TOPIC_PREPS,
    WORK_NOUNS,
)
from chronicle.extract.attribution.record import Attribution

#: Entity types that can speak; "nearly 50 countries" is not spoken by its number.
_SPEAKER_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
_RELATIVE = frozenset("who whom that which".split())


def resolve_speakers(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Fill ``speaker`` of every attribution that has a source."""
    if not atts:
        return atts
    ents: list[Span] = list(doc.ents)
    out = [_with_speaker(doc, att, ents) for att in atts]
    # "..., said the statement. They called on ...": a plural or impersonal pronoun that opens
    # the next report goes on with the speaker just reported, not with whichever organisation or
    # state was named last (here the DPRK, which the statement is about).
    order = sorted(range(len(out)), key=lambda k: (out[k].source or out[k].content)[0][0])
    for prev, k in itertools.pairwise(order):
        att, before = out[k], out[prev]
        if _goes_on_with(doc, before, att, ents):
            out[k] = replace(att, speaker=before.speaker)
    return out


def _goes_on_with(doc: Doc, before: Attribution, att: Attribution, ents: list[Span]) -> bool:
    """Whether the pronoun source of ``att`` means the speaker of the report just before it."""
    pronoun = (att.source_text or "").lower()
    if (
        pronoun not in ("they", "it", "he", "she")
        or not att.source
        or not before.source
        or not before.speaker
        or (before.source_text or "").lower() in PERSON_PRONOUNS | ORG_PRONOUNS
        or _sentences_apart(doc, before, att) > 2
    ):
        return False
    if pronoun in ("they", "it"):
        return True
    # "he" after someone else is named ("Kim's stops also included a factory, where he
    # stressed ...") means that person, not the speaker of the report before.
    return _named_after_last_person(doc, before, ents) and not _person_between(doc, before, att, ents)


def _person_between(doc: Doc, before: Attribution, att: Attribution, ents: list[Span]) -> bool:
    """Whether a person is named between the source of one report and the source of the next."""
    assert before.source and att.source
    lo, hi = before.source[-1][1], att.source[0][0]
    return any(e.label_ == "PERSON" and lo <= e.start_char and e.end_char <= hi for e in ents)


def _named_after_last_person(doc: Doc, att: Attribution, ents: list[Span]) -> bool:
    """Whether a report's source is a name given after the last person NER found: "Lina
    Costaver, a spokeswoman, said ..." when NER took the name for an organisation, so that
    "she" in the next sentence is not someone named before her."""
    if not att.source:
        return False
    span = doc.char_span(att.source[0][0], att.source[-1][1], alignment_mode="expand")
    if span is None or span.root.pos_ != "PROPN":
        return False
    # A person's name has a given name and a surname; "KCNA" or "Reuters" is no one's.
    name = [t for t in span if t.pos_ == "PROPN" and (t.i <= span.root.i)]
    if len(name) < 2 or any(t.is_upper and len(t) > 1 for t in name):
        return False
    last = _latest_ent(ents, span.start, ("PERSON",))
    return last is None or last.end <= span.start


def _sentences_apart(doc: Doc, first: Attribution, second: Attribution) -> int:
    """How many sentence starts lie between the end of one report and the source of the next."""
    lo = max(e for _, e in (first.cue or first.content))
    hi = second.source[0][0] if second.source else lo
    if hi <= lo:
        return 0
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return sum(1 for t in span if t.is_sent_start) if span is not None else 99


def _with_speaker(doc: Doc, att: Attribution, ents: list[Span]) -> Attribution:
    if not att.source:
        return att
    s, e = att.source[0][0], att.source[-1][1]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return att
    speaker = _speaker_of(doc, span, ents)
    return replace(att, speaker=speaker)


def _relative_antecedent(span: Span) -> Token | None:
    """The noun a relative pronoun source stands for: "the officials who said" -> officials."""
    root = span.root
    if root.lower_ not in _RELATIVE:
        return None
    verb = root.head
    if verb.dep_ in ("relcl", "acl") and verb.head.i != root.i:
        return verb.head
    return None


def _nobody(root: Token) -> bool:
    """Whether a source's head is no one in particular ("anyone who says", "No one said")."""
    doc = root.doc
    return root.lower_ in NOBODY or (root.lower_ == "one" and root.i > 0 and doc[root.i - 1].lower_ == "no")


def _speaker_of(doc: Doc, span: Span, ents: list[Span]) -> str:
    root = span.root
    antecedent = _relative_antecedent(span)
    if antecedent is not None:
        # The relative clause's noun with what precedes it: "the ministry officials who said".
        return _speaker_of(doc, doc[antecedent.left_edge.i : antecedent.i + 1], ents)
    if _nobody(root):
        # Said as no one's: the claim stage leaves it out (a reader is owed a speaker).
        return span.text
    if root.pos_ == "PRON" or root.lower_ in PERSON_PRONOUNS | ORG_PRONOUNS:
        return _antecedent(span, ents)
    named = _named_inside(doc, span, ents)
    if named is not None:
        return named
    described = _described(doc, span, ents)
    return described if described is not None else span.text


def _antecedent(span: Span, ents: list[Span]) -> str:
    """Whom a pronoun source means, by number and animacy, cheaply: "he"/"she" a person, "it"
    an organisation or a place, "they" an organisation, a place or a (plural) group such as
    "Democrats"."""
    low = span.root.lower_
    labels = (
        ("PERSON",) if low in PERSON_PRONOUNS else ("ORG", "GPE") if low in ("it", "its") else ("ORG", "GPE", "NORP")
    )
    ant = _latest_ent(ents, span.start, labels)
    if ant is None and low in ("they", "them"):
        ant = _latest_ent(ents, span.start, ("PERSON",))
    return _name(ant) if ant is not None else span.text


def _named_inside(doc: Doc, span: Span, ents: list[Span]) -> str | None:
    """Who a source that names someone means: the last person in it, else its possessor ("North
    Korea's joint statement said"), else the last other entity that can speak."""
    root = span.root
    inner = [
        e for e in ents
        if e.start >= span.start and e.end <= span.end and e.label_ in _SPEAKER_LABELS
        and not (root.lemma_.lower() in WORK_NOUNS and _topic_of(e, root))
        and not _example_of(e, root)
    ]
    persons = [e for e in inner if e.label_ == "PERSON"]
    if persons:
        # The person the source is about, not one its relative clause names: "Turkey's President
        # Tayyip Erdogan, who has had friendly relations with Assad, has urged ..." is Erdogan.
        own = next((e for e in persons if e.start <= root.i < e.end), None)
        return _name(own or persons[-1])
    # "The United States and dozens of allies, including South Korea and Japan, have accused":
    # the source's own head names it, not the last name in it.
    head = next((e for e in inner if e.start <= root.i < e.end), None)
    if head is not None:
        return _name(head)
    owner = _possessor(doc, root)
    if owner:
        return owner
    # A nationality only describing the source's head is not who speaks: "Syrian and
    # international rights groups say" is said by the groups, not by "Syrian".
    named = [e for e in inner if e.label_ != "NORP"]
    if named:
        return _name(named[-1])
    return None


def _described(doc: Doc, span: Span, ents: list[Span]) -> str | None:
    """Who a definite description ("the leader", "the statement", "the ministry") means."""
    root = span.root
    det = next((c for c in root.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("the", "this", "that"):
        return None
    low = root.lower_
    if low in PERSON_NOUNS:
        ant = _latest_ent(ents, span.start, ("PERSON",))
        if ant is not None:
            return _name(ant)
    earlier = _earlier_mention(doc, span)
    if earlier is not None:
        return earlier
    # "the authority" is the latest organisation named with that word ("Valmora Port
    # Authority"); only a generic noun ("the government", "the ministry") may stand for
    # whichever organisation or state came last.
    named = next(
        (e for e in reversed(ents)
         if e.start < span.start and e.label_ in ("ORG", "GPE", "NORP") and low in e.text.lower().split()),
        None,
    )
    if named is not None:
        return _name(named)
    if low in GENERIC_ORG_NOUNS:
        ant = _latest_ent(ents, span.start, ("ORG", "GPE", "NORP"))
        if ant is not None:
            return _name(ant)
    return None


def _earlier_mention(doc: Doc, span: Span) -> str | None:
    """Who an earlier mention of the description's noun names: its possessor, the subject of
    the verb it was the object of, or the fuller noun phrase it was."""
    root = span.root
    lemma = root.lemma_.lower()
    for t in reversed(doc[max(0, span.start - 400) : span.start]):
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        owner = _possessor(doc, t)
        if owner:
            return owner
        if t.dep_ == "dobj":
            # "X issued a statement. The statement said ...": X speaks.
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return doc[subj.left_edge.i : subj.right_edge.i + 1].text
        np = doc[t.left_edge.i : t.i + 1]
        if np.text.lower() != span.text.lower() and len(np) > 2:
            return np.text
    return None


def _latest_ent(ents: list[Span], before: int, labels: tuple[str, ...]) -> Span | None:
    best: Span | None = None
    for ent in ents:
        if ent.start >= before:
            break
        if ent.label_ in labels:
            best = ent
    return best


def _name(ent: Span) -> str:
    """An entity with the title words NER leaves out ("Pope" Francis, "Senator" Warren)."""
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
        start -= 1
    return doc[start : ent.end].text


def _possessor(doc: Doc, tok: Token) -> str | None:
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ == "PRON":
        # "its pay offer": a pronoun names no one by itself.
        return None
    return doc[poss.left_edge.i : poss.i + 1].text.removesuffix("'s").removesuffix("’s").strip()


#: Prepositions that give examples of a group: who they name is not who speaks.
_EXAMPLE_PREPS = frozenset({"including", "like", "among", "excluding"})


def _example_of(ent: Span, root: Token) -> bool:
    """Whether an entity inside a source phrase is one of the examples it gives ("including Japan")."""
    tok = ent.root
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in _EXAMPLE_PREPS:
            return True
        tok = tok.head
    return False


def _topic_of(ent: Span, root: Token) -> bool:
    """Whether an entity inside a source phrase sits under a preposition of its topic."""
    tok = ent.root
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in TOPIC_PREPS:
            return True
        tok = tok.head
    return False
