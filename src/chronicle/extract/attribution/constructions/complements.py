"""What a reporting verb reports: its complement, found past catenative verbs ("continued to
say") and light objects ("expressed confidence that"), or failing that what its clause goes on
to say after the cue."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.attribution.constructions.verb_spans import cue_tokens
from chronicle.extract.attribution.lexicon import (
    ADJ_CONTENT_PREPS,
    CHAIN_VERBS,
    COMPLEMENT_MARKS,
    CONTENT_PREPS,
    CUE_LEMMAS,
    CUE_OBJ_NOUNS,
    LIGHT_VERBS,
    OBJ_PREPS,
    RAISING_VERBS,
    TOPIC_OPENERS,
)
from chronicle.extract.attribution.quotes import is_quote_mark
from chronicle.extract.attribution.syntax import (
    content_object,
    copula_adjective,
    made_clear_clause,
    prep_object,
    report_of_misattached,
)

#: Dependencies that may stand between a catenative verb and the verb it chains to.
_CHAIN_GAP_DEPS = frozenset(["aux", "neg", "advmod"])

#: Dependents after a cue that never belong to its content: a coordinated verb is a report of
#: its own, and a subordinate clause ("..., because ...") is the writer's.
_NOT_TRAILING = frozenset("conj cc punct advcl mark dep".split())

#: (content head, its preposition, the last token the cue must reach).
Complement = tuple[Token, Token | None, Token | None]


def content_head(verb: Token) -> tuple[Token | None, Token | None]:
    """The token heading the reported content and, if prepositional, its preposition."""
    adj = copula_adjective(verb)
    if adj is not None:
        return _adjective_complement(adj)
    kids = list(verb.children)
    for dep in ("ccomp", "parataxis"):
        for c in kids:
            if c.dep_ == dep and c.i > verb.i:
                return c, None
    for c in kids:
        # "The union wants 15 percent; the authority has offered 6": a clause before a semicolon
        # is the writer's, not what the verb reports.
        if c.dep_ == "ccomp" and not any(t.text == ";" for t in verb.doc[c.right_edge.i + 1 : verb.i]):
            return c, None
    for c in kids:
        if c.dep_ in ("dobj",) and c.i > verb.i:
            return c, None
    for c in kids:
        if c.dep_ == "advcl" and c.i > verb.i and _misparsed_complement(c):
            return c, None
    for c in kids:
        if c.dep_ == "xcomp" and c.i > verb.i:
            on = next((p for p in kids if p.dep_ == "prep" and p.lower_ == "on" and verb.i < p.i < c.i), None)
            obj = prep_object(on) if on is not None else None
            if on is not None and obj is not None:
                # "called on the government to step in": PolNeAR's cue is "called on" and its
                # content "the government to step in" (19 of 22 on the training split).
                return obj, on
            return c, None
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and c.i > verb.i:
            obj = prep_object(c)
            if obj is not None:
                return obj, c
    return None, None


def _adjective_complement(adj: Token) -> tuple[Token | None, Token | None]:
    """The complement of a copula's adjective: "were critical of X", "is confident that X",
    "was eager to X"."""
    for c in adj.children:
        if c.i < adj.i:
            continue
        if c.dep_ in ("ccomp", "xcomp"):
            return c, None
        if c.dep_ == "prep" and c.lower_ in ADJ_CONTENT_PREPS:
            obj = prep_object(c)
            if obj is not None:
                return obj, c
    return None, None


def _misparsed_complement(clause: Token) -> bool:
    """Whether an adverbial clause after a cue is really what is reported: opened by one of
    ``COMPLEMENT_MARKS``, or a finite clause with its own subject and no opener at all. A
    participle ("..., adding that ...") is a report of its own."""
    if clause.tag_ in ("VBG", "VBN"):
        return False
    opener = clause.left_edge
    marks = [c for c in clause.children if c.dep_ == "mark" or (c.i == opener.i and c.tag_ in ("WRB", "WP", "WDT"))]
    if marks:
        return all(m.lower_ in COMPLEMENT_MARKS for m in marks)
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def chain_content(verb: Token, head: Token, prep: Token | None) -> Complement:
    """Follow the content past a catenative verb or a light object into the cue.

    "continued to say he had ..." has cue "continued to say" and content "he had ...";
    "has taken a position on the bill" has cue "has taken a position on" and content "the bill".
    Returns the new content head, its preposition and the last token the cue must reach.
    """
    clause = made_clear_clause(verb, head) if prep is None else None
    if clause is not None:
        # "made it clear that ...": PolNeAR's cue is "made it clear" (and "made clear").
        return clause, None, head
    last: Token | None = None
    cur = verb
    for _ in range(3):
        if prep is not None:
            break
        if _chains_through(cur, head, last):
            inner, iprep = content_head(head)
            if inner is None or inner.i < head.i:
                break
            last, cur, head, prep = head, head, inner, iprep
            continue
        if _cue_keeps_object(cur, head):
            past = _content_past_object(cur, head)
            if past is not None:
                return past
        break
    return head, prep, last


def _chains_through(cur: Token, head: Token, last: Token | None) -> bool:
    """Whether the cue runs from ``cur`` on through its catenative complement ``head``, with
    nothing but "to", auxiliaries, negation, adverbs and particles in between."""
    if not (
        head.dep_ == "xcomp"
        and head.pos_ == "VERB"
        and head.head.i == cur.i
        and (
            cur.lemma_.lower() in CHAIN_VERBS
            # "appeared to suggest that ...": the saying is the cue, the raising verb hedges it.
            or (cur.lemma_.lower() in RAISING_VERBS and head.lemma_.lower() in CUE_LEMMAS)
            # "refused to say", "went on to say": the cue runs through the saying.
            or head.lemma_.lower() == "say"
        )
    ):
        return False
    gap = cur.doc[(last or cur).i + 1 : head.i]
    if not gap or not all(
        (t.head.i == head.i and t.dep_ in _CHAIN_GAP_DEPS) or (t.head.i == cur.i and t.dep_ == "prt")
        for t in gap
    ):
        return False
    return any(t.lower_ == "to" for t in gap)


def _cue_keeps_object(cur: Token, head: Token) -> bool:
    """Whether an object noun belongs in the cue: a noun PolNeAR keeps there, the object of a
    light verb, or a noun followed by the preposition of its topic."""
    return head.dep_ == "dobj" and head.pos_ == "NOUN" and (
        head.lower_ in CUE_OBJ_NOUNS
        or cur.lemma_.lower() in LIGHT_VERBS
        or any(c.dep_ == "prep" and c.lower_ in TOPIC_OPENERS and c.i > head.i for c in head.children)
    )


def _content_past_object(cur: Token, obj_noun: Token) -> Complement | None:
    """The content that follows an object kept in the cue: its prepositional object, its
    that-clause or what a participle after it says; or the verb's preposition right after it."""
    for c in obj_noun.children:
        if c.i < obj_noun.i:
            continue
        obj = content_object(c)
        if obj is not None:
            return obj, c, c
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c, None, obj_noun
        if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in CUE_LEMMAS:
            # "issued a statement calling the test a violation": the cue runs on to the
            # saying, and what it says is the content.
            inner, iprep = content_head(c)
            if inner is not None and inner.i > c.i:
                return inner, iprep, c
        break
    # "took issue with X" parsed with the preposition on the verb, right after the object.
    after = next((c for c in cur.children if c.i == obj_noun.right_edge.i + 1), None)
    obj = content_object(after) if after is not None else None
    if obj is not None:
        return obj, after, after
    return None


def complement_tokens(verb: Token, head: Token, prep: Token | None) -> list[Token]:
    """The tokens of the complement headed by ``head``."""
    content_toks = list(head.subtree)
    if prep is not None and prep.lower_ == "on":
        # "called on X to Y": the infinitive belongs with its subject X.
        content_toks += [t for c in verb.children if c.dep_ == "xcomp" and c.i > head.i for t in c.subtree]
    # "said the offer was fair and urged the union to ...": the second report is not part
    # of what the first one says.
    for c in head.children:
        shared = report_of_misattached(c)
        if shared is not None and shared.i == verb.i:
            cut = {t.i for t in c.subtree} | {g.i for g in head.children if g.dep_ == "cc" and g.i < c.i}
            content_toks = [t for t in content_toks if t.i not in cut]
    if head.dep_ == "dobj":
        content_toks.extend(_object_predicates(head))
    return content_toks


def _object_predicates(obj: Token) -> list[Token]:
    """What is predicated of a direct object: "accused Y of Z", "called Y a liar", "described Y
    as Z", "criticized Y for Z".  PolNeAR's content is the object together with these and the
    verb's prepositional phrases that directly follow it (mostly inside the content on
    PolNeAR's training split)."""
    out: list[Token] = []
    end = obj.right_edge.i
    for c in sorted(obj.head.children, key=lambda x: x.i):
        if c.i <= obj.i:
            continue
        if c.left_edge.i != end + 1:
            break
        if c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS):
            out.extend(c.subtree)
            end = c.right_edge.i
        else:
            break
    return out


def trailing_content(verb: Token, subj: Token | None, prep: Token | None, last: Token | None) -> list[Token]:
    """What follows the cue in its clause, when the parse gives the cue no complement.

    The parser often hangs the complement elsewhere ("said in a statement that ..." with the
    clause on "statement"); the model has already judged the verb a cue, and PolNeAR's content
    is then what the clause goes on to say after the cue."""
    cue_end = cue_tokens(verb, subj, prep, last)[-1].i
    out: list[Token] = []
    for c in verb.children:
        if c.i <= verb.i or c.dep_ in _NOT_TRAILING:
            continue
        out.extend(t for t in c.subtree if t.i > cue_end)
    out.sort(key=lambda t: t.i)
    # Only a clause ("that ...") or a quotation reads as what was said; a bare adjunct ("in
    # Ohio", "by the committee") is the circumstance of the saying.
    if not out:
        return []
    if (out[0].lower_ == "that" and out[0].dep_ == "mark") or is_quote_mark(out[0]):
        return out
    # "tweeted in the early hours that ...": a that-clause hung on the adjunct still says it.
    for t in out[1:8]:
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.pos_ in ("VERB", "AUX"):
            return [x for x in out if x.i >= t.i]
    return []
