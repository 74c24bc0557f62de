"""Events of one article: who did what to whom, where, when, and how the article asserts it.

Each clause whose verb names a happening (a visit, a launch, a condemnation...) gives one
:class:`~chronicle.models.EventMention`; so does an event noun ("the transfer", "a
three-day inspection") that carries its own time. Reporting verbs ("said", "according
to") make claims, not events: attribution handles them, and the events inside their
complements are kept. The time is the temporal tagger's expression that the dependency
tree attaches to the trigger, else the sentence's, else the article's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from chronicle.extract.components import doc_text
from chronicle.extract.entities import entity_spans
from chronicle.models import Entity, EventMention, Granularity, Timex

__all__ = ["events_component", "extract_events"]

Modality = Literal["asserted", "planned", "denied", "alleged", "hypothetical"]

# Verbs that report speech or writing: their complements hold the events.
_REPORTING = frozenset({
    "say", "tell", "report", "state", "add", "note", "write", "quote", "accord", "claim", "allege",
    "accuse", "insist", "argue", "assert", "explain", "remark", "comment", "describe", "deny",
    "reiterate", "stress", "emphasize", "emphasise", "highlight", "underscore", "urge", "suggest",
    "acknowledge", "admit", "reply", "cite", "tweet", "indicate", "predict", "estimate", "brief",
    "disclose", "reveal", "recall", "caution", "contend", "maintain", "tout", "dismiss", "reject",
})
# Reporting only when they take a clause ("announced that ..."); with an object they are
# happenings ("announced sanctions").
_REPORTING_WITH_CLAUSE = frozenset({"announce", "confirm", "warn", "declare", "agree", "vow", "pledge",
                                    "promise", "threaten", "decide", "show"})
# States, attitudes and perceptions: not happenings.
_NON_EVENTS = frozenset({
    "be", "have", "seem", "appear", "become", "remain", "stay", "know", "think", "believe", "want",
    "need", "like", "love", "wish", "mean", "include", "involve", "contain", "consist", "comprise",
    "see", "show", "look", "feel", "sound", "consider", "regard", "define", "portray", "come", "go",
    "get", "let", "tend", "require", "face", "concern", "relate", "depend", "exist", "lack", "own",
    "belong", "matter", "deserve", "understand", "learn", "remember", "forget", "realize", "realise",
    "worry", "fear", "doubt", "wonder", "suppose", "guess", "imagine", "monitor", "try", "attempt",
    "manage", "dare", "seek", "hope", "expect", "plan", "intend", "aim", "allow", "enable", "help",
    "do", "make", "take", "give", "keep", "put", "call", "ask", "continue", "mark", "cope",
})
# Heads whose infinitive complement names the event: "plans to visit", "is set to meet".
_PLANNING_HEADS = frozenset({"plan", "set", "expect", "schedule", "intend", "due", "prepare", "aim",
                             "vow", "pledge", "promise", "threaten", "decide", "agree", "seek", "hope",
                             "want", "poise", "go", "wish", "offer", "propose", "mean", "likely"})
_NEGATING_HEADS = frozenset({"fail", "refuse", "decline", "neglect", "avoid"})
_LIGHT_VERBS = frozenset({"conduct", "hold", "carry", "stage", "make", "have", "give", "take", "pay",
                          "undertake", "host", "begin", "start", "complete", "wrap", "end", "finish"})
_EVENT_NOUNS = frozenset({
    "visit", "tour", "trip", "inspection", "transfer", "shipment", "delivery", "sale", "purchase",
    "launch", "test", "attack", "strike", "airstrike", "raid", "bombing", "explosion", "blast",
    "shelling", "invasion", "offensive", "assault", "meeting", "talk", "summit", "call", "conference",
    "negotiation", "agreement", "deal", "treaty", "accord", "election", "vote", "referendum", "parade",
    "drill", "exercise", "ceasefire", "truce", "arrest", "killing", "assassination", "resignation",
    "appointment", "speech", "address", "protest", "rally", "demonstration", "crash", "spill", "leak",
    "fire", "earthquake", "flood", "storm", "hurricane", "outbreak", "merger", "acquisition",
    "takeover", "bankruptcy", "bailout", "hearing", "trial", "verdict", "ruling", "sentencing",
    "execution", "operation", "mission", "landing", "collapse", "coup", "uprising", "evacuation",
    "withdrawal", "deployment", "release", "ban", "embargo", "meltdown", "shutdown", "closure",
    "announcement", "crackdown", "clash", "battle", "incursion", "hijacking", "kidnapping",
    "shooting", "stabbing", "sinking", "eruption", "wildfire", "landslide", "tsunami", "cyclone",
})
# Object-control verbs: in "accused Pyongyang of supplying", Pyongyang does the supplying.
_OBJECT_CONTROL = frozenset({"accuse", "urge", "ask", "force", "order", "help", "allow", "persuade",
                             "push", "press", "pressure", "encourage", "invite", "suspect", "blame",
                             "charge", "convict", "tell", "warn"})
_SPAN_VERBS = frozenset({"start", "begin", "end", "last", "run", "continue", "stretch", "span"})
_DEMANDS = frozenset({"call", "urge", "ask", "demand", "press", "push", "encourage", "appeal", "need"})
_DENIAL = frozenset({"deny", "reject", "dismiss", "refute", "disavow", "denial", "rebuff"})
_ALLEGATION = frozenset({"accuse", "allege", "claim", "accusation", "allegation", "suspect", "charge",
                         "suspicion", "rumor", "rumour"})
_ALLEGED_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly", "apparently",
                              "alleged", "suspected", "reported", "purported"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PLANNED_MODIFIERS = frozenset({"planned", "upcoming", "scheduled", "proposed", "forthcoming", "expected"})
_MOTION_VERBS = frozenset({"visit", "tour", "travel", "arrive", "fly", "return", "go", "come", "head",
                           "land", "inspect"})
_AIMING_VERBS = frozenset({"fire", "shoot", "aim", "launch", "throw", "point", "lob", "hurl", "direct"})
_PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "across", "throughout"})
_PATIENT_PREPS = ("to", "on", "against", "with", "into", "at", "for", "of", "over", "toward", "towards")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "themselves"})
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "pcomp", "parataxis",
                          "csubj", "dep"})
_ARTICLES = frozenset({"the", "a", "an"})
_BRACKETS = frozenset({"(", ")", "[", "]", "\"", "“", "”"})
_GROUP_WINDOW = 400  # characters back that "it"/"they" may reach for its referent
_PHRASE_MAX = 8
_DAY_DURATION = re.compile(r"^P(\d+)D$")


@dataclass(slots=True)
class _Trigger:
    anchor: Token  # the clause's verb; the noun itself for a nominal event
    word: Token  # the word naming the happening
    nominal: bool
    times: list[tuple[int, Timex, Token]] = field(default_factory=list)
    durations: list[Timex] = field(default_factory=list)


class _Article:
    """What one article's events are resolved against; lives for one call."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.token_entity: dict[int, Entity] = {}
        starts: list[tuple[int, Entity, bool]] = []
        for span, entity in entity_spans(doc, entities):
            for tok in span:
                self.token_entity.setdefault(tok.i, entity)
            starts.append((span.start_char, entity, span.root.dep_ in ("nsubj", "nsubjpass")))
        starts.sort(key=lambda p: p[0])
        self.mention_starts = [s for s, _, _ in starts]
        self.mention_entities = [e for _, e, _ in starts]
        self.mention_is_subject = [subj for _, _, subj in starts]
        self.names = frozenset(e.name for e in entities)
        self.text = doc_text(doc)
        self.newlines = [m.start() for m in re.finditer("\n", self.text)]

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.newlines, char)

    def resolve_pronoun(self, tok: Token) -> str | None:
        lower = tok.lower_
        if lower in _PERSON_PRONOUNS:
            types: tuple[str, ...] = ("PERSON",)
            window = 10**9
        elif lower in _GROUP_PRONOUNS:
            types, window = ("ORG", "GPE"), _GROUP_WINDOW
        else:
            return None
        # The most recent subject of the right type is the likeliest referent ("Pyongyang
        # has denied US accusations that it ..."); else the most recent mention.
        k = bisect.bisect_left(self.mention_starts, tok.idx) - 1
        candidates: list[tuple[Entity, bool]] = []
        while k >= 0 and tok.idx - self.mention_starts[k] <= window and len(candidates) < 6:
            entity = self.mention_entities[k]
            if entity.type in types:
                candidates.append((entity, self.mention_is_subject[k]))
            k -= 1
        if not candidates:
            return None
        return next((e.name for e, subject in candidates if subject), candidates[0][0].name)

    def entity_of(self, tok: Token) -> Entity | None:
        return self.token_entity.get(tok.i)

    def value(self, tok: Token | None) -> str | None:
        """The canonical entity name for a phrase's head, else the phrase, compactly."""
        if tok is None:
            return None
        if tok.lower_ in _RELATIVES and tok.tag_ in ("WDT", "WP", "WP$") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        entity = self.entity_of(tok)
        if entity is not None:
            return entity.name
        if tok.pos_ == "PRON":
            return self.resolve_pronoun(tok) or tok.text
        return _phrase(tok)


def _phrase(tok: Token) -> str:
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "quantmod", "advmod", "nmod", "npadvmod"):
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                right = max(right, pobj.i)
        if child.dep_ in ("compound", "case"):
            right = max(right, child.i)
    doc = tok.doc
    while left < tok.i and (doc[left].lower_ in _ARTICLES or doc[left].is_punct):
        left += 1
    right = min(right, left + _PHRASE_MAX - 1)
    parts = [t.text + t.whitespace_ for t in doc[left:right + 1] if t.text not in _BRACKETS]
    return " ".join("".join(parts).split())


def _has_clause_child(tok: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in tok.children)


def _xcomp(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def _dobj(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ == "dobj"), None)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children)


def _is_event_verb(tok: Token) -> bool:
    """Whether a verb names a happening in its own right (not a report, state or plan)."""
    lemma = tok.lemma_.lower()
    if lemma in _REPORTING:
        return False
    if lemma in _REPORTING_WITH_CLAUSE and _has_clause_child(tok):
        return False
    if lemma in _PLANNING_HEADS | _NEGATING_HEADS and _xcomp(tok) is not None:
        return False
    if lemma in _NON_EVENTS:
        obj = _dobj(tok)
        if lemma == "take" and obj is not None and obj.lower_ == "place":
            return True
        return lemma in _LIGHT_VERBS and obj is not None and obj.lemma_.lower() in _EVENT_NOUNS
    return True


def _in_clause(tok: Token) -> bool:
    """Whether a verb heads a clause that can report a happening.

    Participles and infinitives that modify nouns ("missiles designed to ...", "efforts to
    improve ...", "the struggle for attaining ...") describe, they do not report; a
    conjunct stands where its first conjunct stands.
    """
    first = tok
    for _ in range(12):
        dep, head = tok.dep_, tok.head
        if dep == "ROOT" or head.i == tok.i:
            return True
        if dep in ("relcl", "parataxis"):
            return True
        if dep == "acl":
            # "accusations that it has been providing arms": a noun's complement clause.
            return _has_subject(tok) and tok.pos_ in ("VERB", "AUX")
        if dep == "conj":
            if head.pos_ not in ("VERB", "AUX"):
                return False
        elif dep in ("xcomp", "advcl", "pcomp", "ccomp", "csubj", "dep"):
            gov = head.head if dep == "pcomp" else head
            if dep == "pcomp" and (head.pos_ != "ADP" or gov.pos_ not in ("VERB", "AUX")):
                return False
            if tok is not first or dep != "ccomp":
                lemma = gov.lemma_.lower()
                controlled = not _has_subject(tok)
                if controlled and dep in ("xcomp", "pcomp") and lemma in _DEMANDS:
                    return False  # "called for expanding production": a demand, not a happening
                if dep == "xcomp" and lemma in _PLANNING_HEADS:
                    pass  # "vowed to boost": the aim is the (planned) event
                elif controlled and dep in ("advcl", "xcomp", "pcomp") and lemma not in _ALLEGATION and (
                        lemma in _REPORTING or (lemma in _REPORTING_WITH_CLAUSE and _has_clause_child(gov))):
                    return False  # "said, describing the visits as ...": part of the report
            if dep == "pcomp":
                tok = gov
                continue
        elif dep == "prep":
            pass
        else:
            return False
        tok = head
    return False


def _verb_trigger(tok: Token) -> _Trigger | None:
    if tok.pos_ != "VERB" or not _is_event_verb(tok) or not _in_clause(tok):
        return None
    if tok.lemma_.lower() in _SPAN_VERBS and tok.tag_ == "VBG" and not _has_subject(tok) and _dobj(tok) is None:
        return None  # "an inspection starting August 3": dates the event, is not one
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    head = first.head
    if first.dep_ == "xcomp" and head.pos_ == "VERB" and _is_event_verb(head):
        return None  # "vowed to boost": the vow is the event, reported with its aim
    obj = _dobj(tok)
    if tok.lemma_.lower() == "take" and obj is not None and obj.lower_ == "place":
        # "The summit took place in Singapore": the summit is the event.
        subject = _subject(tok, ("nsubj",))
        if subject is not None and subject.lemma_.lower() in _EVENT_NOUNS:
            return _Trigger(tok, subject, nominal=True)
        return _Trigger(tok, tok, nominal=False)
    if tok.lemma_.lower() in _LIGHT_VERBS and obj is not None and obj.lemma_.lower() in _EVENT_NOUNS:
        return _Trigger(tok, obj, nominal=True)  # "conducted his tour": the tour is the event
    return _Trigger(tok, tok, nominal=False)


def _timex_heads(doc: Doc, timexes: list[Timex]) -> list[tuple[Timex, Token]]:
    out: list[tuple[Timex, Token]] = []
    # The time tagger read the whole article; the Doc holds its body only.
    body_end = len(doc_text(doc))
    for timex in timexes:
        if timex.end > body_end:
            break
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append((timex, span.root))
    return out


def _attach(timex_head: Token, triggers: dict[int, _Trigger], sent: Span) -> tuple[int, _Trigger] | None:
    tok = timex_head
    depth = 0
    while depth < 12:
        trigger = triggers.get(tok.i)
        if trigger is not None and tok.i != timex_head.i:
            return depth, trigger
        if tok.head.i == tok.i or not (sent.start <= tok.head.i < sent.end):
            return None
        # A time inside a reported clause does not date the report, and vice versa.
        if tok.head.lemma_.lower() in _REPORTING and tok.dep_ in ("ccomp", "xcomp"):
            return None
        tok = tok.head
        depth += 1
    return None


def _subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    # The parser may take a dateline ("SEOUL: Kim visited ...") for a second subject.
    found = [c for c in verb.children if c.dep_ in deps and not (
        c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":")]
    return found[-1] if found else None


def _agent_token(verb: Token, depth: int = 0) -> Token | None:
    if depth > 5:
        return None
    subject = _subject(verb, ("nsubj", "csubj"))
    if subject is not None:
        return subject
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    dep = verb.dep_
    if dep == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _agent_token(verb.head, depth + 1)
    if dep == "relcl":
        return verb.head
    if dep in ("xcomp", "advcl", "pcomp", "acl"):
        gov = verb.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head
        if gov.pos_ not in ("VERB", "AUX"):
            return None
        obj = _dobj(gov)
        if gov.lemma_.lower() in _OBJECT_CONTROL and obj is not None:
            return obj
        # "Kim was joined by Shoigu while rolling out missiles": Kim rolls them out.
        return _subject(gov, ("nsubj", "nsubjpass", "csubj")) or _agent_token(gov, depth + 1)
    return None


def _nominal_agent(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "during" and head.head.pos_ == "VERB":
        return _agent_token(head.head)
    return None


def _patient_token(trigger: _Trigger, place_tokens: set[int]) -> Token | None:
    """The direct object, the passive subject, or a prepositional object that is not a time or place."""

    def usable(pobj: Token | None) -> bool:
        return pobj is not None and pobj.i not in place_tokens and pobj.ent_type_ not in ("DATE", "TIME")

    word = trigger.word
    if trigger.nominal:
        for prep in ("of", "on", "against", "to", "with"):
            for child in word.children:
                if child.dep_ == "prep" and child.lower_ == prep:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and usable(pobj):
                        return pobj
        return None
    for child in word.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    preps = [c for c in word.children if c.dep_ in ("prep", "dative")]
    for prep in _PATIENT_PREPS:
        for child in preps:
            if child.lower_ != prep:
                continue
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and usable(pobj):
                return pobj
    xcomp = _xcomp(word)
    return _dobj(xcomp) if xcomp is not None else None


def _place(trigger: _Trigger, article: _Article) -> tuple[str | None, set[int]]:
    """A GPE/LOC/FAC in an "in"/"at" phrase of the trigger (or the object of "visited")."""
    heads = [trigger.word] if trigger.anchor is trigger.word else [trigger.word, trigger.anchor]
    aiming = trigger.word.lemma_.lower() in _AIMING_VERBS
    motion = trigger.word.lemma_.lower() in _MOTION_VERBS
    for head in heads:
        for child in head.children:
            target: Token | None = None
            if child.dep_ == "prep" and ((child.lower_ in _PLACE_PREPS and not (aiming and child.lower_ == "at"))
                                         or (motion and child.lower_ == "to")):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif motion and child.dep_ == "dobj":
                target = child
            elif child.dep_ == "dobj":
                # "killed 12 people in Florida": the object's place is the event's.
                prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ in ("in", "at")), None)
                target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if target is None:
                continue
            found = _place_in(target, article)
            if found is not None:
                return found, {t.i for t in target.subtree}
    return None, set()


def _place_in(tok: Token, article: _Article, depth: int = 0) -> str | None:
    # The phrase's own name, its apposition ("the capital, Pyongyang"), its owner
    # ("North Korea's capital"), or a nested "in"/"of" place ("factories in North Korea").
    entity = article.entity_of(tok)
    if entity is not None:
        return entity.name if entity.type in ("GPE", "LOC", "FAC") and tok.pos_ == "PROPN" else None
    children = list(tok.children)
    ordered = [c for c in children if c.dep_ == "appos"] + [c for c in children if c.dep_ in ("poss", "compound")]
    for child in ordered:
        entity = article.entity_of(child)
        if entity is not None and entity.type in ("GPE", "LOC", "FAC") and child.pos_ == "PROPN":
            return entity.name
    if depth < 2:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "at", "near"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    found = _place_in(pobj, article, depth + 1)
                    if found:
                        return found
    return None


def _negated(trigger: _Trigger) -> bool:
    for tok in {trigger.anchor, trigger.word}:
        for child in tok.children:
            if child.dep_ == "neg" or (child.lower_ in ("never", "neither", "nor") and child.dep_ in (
                    "advmod", "preconj", "cc")):
                return True
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
                    g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
        if tok.dep_ in ("det",) and tok.lower_ == "no":
            return True
    if trigger.nominal and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.word.children):
        return True
    anchor = trigger.anchor
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in _NEGATING_HEADS


def _governors(tok: Token, sent: Span) -> list[tuple[Token, Token]]:
    """(ancestor, child on the path) pairs from the trigger up to the sentence root."""
    out: list[tuple[Token, Token]] = []
    child = tok
    while child.head.i != child.i and sent.start <= child.head.i < sent.end and len(out) < 12:
        out.append((child.head, child))
        child = child.head
    return out


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _modality(trigger: _Trigger, sent: Span, first: dt.date, dct: dt.date | None,
              dated_by_trigger: bool) -> Modality:
    anchor, word = trigger.anchor, trigger.word
    path = _governors(anchor, sent)
    if any(g.lemma_.lower() in _DENIAL and c.dep_ not in ("nsubj", "nsubjpass", "csubj") for g, c in path):
        return "denied"
    modifiers = {c.lower_ for tok in (anchor, word) for c in tok.children if c.dep_ in ("advmod", "amod", "acl")}
    if modifiers & _ALLEGED_ADVERBS or any(
            g.lemma_.lower() in _ALLEGATION and c.dep_ not in ("nsubj", "nsubjpass", "csubj") for g, c in path):
        return "alleged"
    # Controlled clauses ("will raise ... and discuss", "to strike") share their governor's mood.
    clause_chain = [anchor]
    for gov, child in path:
        if child.dep_ not in ("conj", "xcomp", "pcomp", "prep") or (_has_subject(child) and child is not anchor):
            break
        clause_chain.append(gov)
    auxes = set().union(*(_aux_lemmas(t) for t in clause_chain))
    marks = {c.lower_ for g, _ in [(anchor, anchor), *path] for c in g.children if c.dep_ == "mark"}
    if auxes & _HYPOTHETICAL_AUX or marks & _HYPOTHETICAL_MARKS:
        return "hypothetical"
    if auxes & _FUTURE_AUX:
        return "planned"
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in _PLANNING_HEADS:
        return "planned"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in anchor.children) and any(
            g.lemma_.lower() in _PLANNING_HEADS for g, _ in path[:2]):
        return "planned"
    if trigger.nominal and modifiers & _PLANNED_MODIFIERS:
        return "planned"
    if dated_by_trigger and dct is not None and first > dct:
        return "planned"
    return "asserted"


def _trigger_text(trigger: _Trigger) -> str:
    word = trigger.word
    doc = word.doc
    text = word.text
    # "test-fired" is split into three tokens.
    if word.i >= 2 and doc[word.i - 1].text == "-" and not doc[word.i - 1].whitespace_ and \
            not doc[word.i - 2].whitespace_:
        text = doc[word.i - 2].text + "-" + text
    if not trigger.nominal:
        prt = [c.text for c in word.children if c.dep_ == "prt"]
        if prt:
            text += " " + " ".join(prt)
    return text


def _actors(trigger: _Trigger, nested: set[int], article: _Article, first: list[str | None]) -> tuple[str, ...]:
    names: list[str] = [n for n in first if n]
    names = [n for n in names if n in article.names]
    root = trigger.anchor
    count = 0
    for tok in root.subtree:
        count += 1
        if count > 120:
            break
        if tok.i in nested:
            continue
        entity = article.entity_of(tok)
        if entity is not None:
            names.append(entity.name)
    return tuple(dict.fromkeys(names))


def _resolve_time(trigger: _Trigger, text_of_doc: str) -> tuple[Timex, Timex, str] | None:
    """The trigger's own time: the closest attached expression, or "Monday and Tuesday" as one range."""
    if not trigger.times:
        return None
    times = sorted(trigger.times, key=lambda t: (t[0], t[1].start))
    _best_depth, best, best_head = times[0]
    lo = hi = best
    for _depth, timex, head in times[1:]:
        # Conjoined expressions ("on Monday and Tuesday") make one span.
        if (head.dep_ == "conj" and head.head.i == best_head.i) or (best_head.dep_ == "conj" and \
                best_head.head.i == head.i):
            if timex.start < lo.start:
                lo = timex
            if timex.end > hi.end:
                hi = timex
    text = lo.text if lo is hi else text_of_doc[lo.start:hi.end]
    return lo, hi, " ".join(text.split())


_GRANULARITY_ORDER: tuple[Granularity, ...] = ("day", "week", "month", "quarter", "year", "decade", "century")


def _coarser(a: Granularity, b: Granularity) -> Granularity:
    return a if _GRANULARITY_ORDER.index(a) >= _GRANULARITY_ORDER.index(b) else b


def extract_events(doc: Doc) -> list[EventMention]:
    """The events of an article, in text order."""
    dct: dt.date | None = doc._.dct
    timexes = [t for t in (doc._.timexes or [])
               if t.type in ("DATE", "TIME") and t.first and t.last and t.granularity]
    if dct is None and not timexes:
        return []
    durations = [t for t in (doc._.timexes or []) if t.type == "DURATION" and _DAY_DURATION.match(t.value)]
    article = _Article(doc, list(doc._.entities or []))
    article_id = doc._.article_id or ""
    dated = _timex_heads(doc, timexes)
    spans = _timex_heads(doc, durations)
    events: list[EventMention] = []
    di = si = 0
    for sent_index, sent in enumerate(doc.sents):
        triggers: dict[int, _Trigger] = {}
        ordered: list[_Trigger] = []
        for tok in sent:
            trigger = _verb_trigger(tok)
            if trigger is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _EVENT_NOUNS:
                trigger = _Trigger(tok, tok, nominal=True)
            if trigger is None:
                continue
            if trigger.word.i in triggers:
                known = triggers[trigger.word.i]
                if known.nominal and known.anchor is known.word and trigger.anchor is not trigger.word:
                    # "The summit took place ...": the noun came first; the verb carries its time.
                    known.anchor = trigger.anchor
                    triggers[trigger.anchor.i] = known
                continue
            triggers[trigger.anchor.i] = trigger
            triggers[trigger.word.i] = trigger
            ordered.append(trigger)
        in_sentence: list[tuple[Timex, Token]] = []
        while di < len(dated) and dated[di][1].i < sent.end:
            if dated[di][1].i >= sent.start:
                in_sentence.append(dated[di])
            di += 1
        unclaimed: list[Timex] = []
        for timex, head in in_sentence:
            hit = _attach(head, triggers, sent)
            if hit is None:
                unclaimed.append(timex)
            else:
                hit[1].times.append((hit[0], timex, head))
        while si < len(spans) and spans[si][1].i < sent.end:
            timex, head = spans[si]
            if head.i >= sent.start:
                hit = _attach(head, triggers, sent)
                if hit is not None:
                    hit[1].durations.append(timex)
            si += 1
        if not ordered:
            continue
        start, end, text = _trimmed(sent)
        trigger_tokens = {t.anchor.i for t in ordered}
        for trigger in ordered:
            # A nominal event is reported only with a time of its own (else it is just a topic).
            if trigger.nominal and trigger.anchor is trigger.word and not trigger.times:
                continue
            event = _event(trigger, sent, sent_index, (start, end, text), article, article_id, dct,
                           in_sentence, unclaimed, trigger_tokens)
            if event is not None:
                events.append(event)
    return events


def _trimmed(sent: Span) -> tuple[int, int, str]:
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    start = sent.start_char + lead
    return start, start + len(stripped), stripped


def _event(trigger: _Trigger, sent: Span, sent_index: int, where: tuple[int, int, str], article: _Article,
           article_id: str, dct: dt.date | None, in_sentence: list[tuple[Timex, Token]],
           unclaimed: list[Timex], trigger_tokens: set[int]) -> EventMention | None:
    own = _resolve_time(trigger, article.text)
    expression: str | None
    confidence = 1.0
    if own is not None:
        lo, hi, expression = own
        first, last = lo.first, hi.last
        confidence = min(lo.confidence, hi.confidence)
        granularity: Granularity | None = lo.granularity
        if lo is not hi and lo.granularity and hi.granularity:
            granularity = _coarser(lo.granularity, hi.granularity)
        if lo is hi and lo.granularity == "day" and trigger.durations and first is not None:
            # "a three-day inspection starting August 3"
            match = _DAY_DURATION.match(trigger.durations[0].value)
            if match and int(match.group(1)) > 1:
                last = first + dt.timedelta(days=int(match.group(1)) - 1)
    else:
        # Headlines and captions run into the next sentence without a full stop: a time
        # across a line break belongs to the other line.
        para = article.paragraph(trigger.word.idx)
        near = [t for t in unclaimed if article.paragraph(t.start) == para]
        near = near or [t for t, _ in in_sentence if article.paragraph(t.start) == para]
        fallback = near[0] if near else None
        if fallback is not None:
            first, last, granularity = fallback.first, fallback.last, fallback.granularity
            expression = " ".join(fallback.text.split())
            confidence = fallback.confidence
        elif dct is not None:
            first = last = dct
            granularity, expression = "day", None
        else:
            return None
    if first is None or last is None or granularity is None:
        return None
    published = dct if dct is not None else first

    nested: set[int] = set()
    for tok in trigger.anchor.subtree:
        if tok.i != trigger.anchor.i and tok.i in trigger_tokens and tok.i != trigger.word.i:
            nested.update(t.i for t in tok.subtree)
    place, place_tokens = _place(trigger, article)
    if trigger.nominal and (trigger.anchor is trigger.word or trigger.word.dep_ == "nsubj"):
        agent_tok = _nominal_agent(trigger.word)
    else:
        agent_tok = _agent_token(trigger.anchor)
        if agent_tok is None and trigger.nominal:
            agent_tok = _nominal_agent(trigger.word)
    patient_tok = _patient_token(trigger, place_tokens)
    agent = article.value(agent_tok)
    patient = article.value(patient_tok)
    if patient is not None and patient == agent:
        patient = None  # "Kim ... inspected Kim's factories" resolved twice to Kim: not who it was done to
    start, end, text = where
    return EventMention(
        article_id=article_id,
        sentence_index=sent_index,
        sentence=text,
        start=start,
        end=end,
        first=first,
        last=last,
        granularity=granularity,
        time_expression=expression,
        published=published,
        trigger=_trigger_text(trigger),
        agent=agent,
        patient=patient,
        place=place,
        modality=_modality(trigger, sent, first, dct, own is not None),
        negated=_negated(trigger),
        actors=_actors(trigger, nested, article, [agent, patient]),
        date_confidence=confidence,
    )


def events_component(doc: Doc) -> Doc:
    """spaCy component: set ``doc._.events``."""
    doc._.events = extract_events(doc)
    return doc
