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
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from spacy.tokens import Doc, Span, Token

from chronicle.extract.attribution.lexicon import (
    ABBREVIATION_RE,
    ADJ_CONTENT_PREPS,
    CHAIN_VERBS,
    CLAIM_NOUNS,
    CLAUSE_CUE_LEMMAS,
    COMPLEMENT_MARKS,
    CONDEMN,
    CONDEMNATION_NOUNS,
    CONTENT_PREPS,
    CUE_LEMMAS,
    CUE_OBJ_NOUNS,
    DENIAL_NOUNS,
    DENY,
    GENERIC_ORG_NOUNS,
    HEADLINE_SOURCE_NOUNS,
    LABELS,
    LIGHT_VERBS,
    NOUN_CONTENT_PREPS,
    OBJ_PREPS,
    ORG_PRONOUNS,
    PASSIVE_SOURCE_LEMMAS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PROPOSAL_NOUNS,
    RAISING_PASSIVES,
    RAISING_VERBS,
    REJECT,
    SAYING,
    SURVEY_NOUNS,
    TOPIC_OPENERS,
    TOPIC_PREPS,
    WEEKDAYS,
    WH_ADVERBS,
    WORK_NOUNS,
)
from chronicle.extract.components import doc_text
from chronicle.extract.entities import names_a_place

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

CharSpan = tuple[tuple[int, int], ...]


_QUOTE_RE = re.compile(r"“|”|\"|''|``")
_CLOSERS = frozenset(["”", "\"", "''"])
#: The one-character quotation marks.
_MARK_CHARS = frozenset("\"“”")


@dataclass(frozen=True)
class Attribution:
    """One attributed statement.  Spans are end-exclusive character offsets into ``doc.text``."""

    source: CharSpan | None
    cue: CharSpan | None
    content: CharSpan
    kind: str  # "direct" | "indirect" | "mixed" | "according_to" | "headline"
    stance: str = "asserts"  # "asserts" | "denies" | "condemns"
    source_text: str | None = None
    cue_text: str | None = None
    content_text: str = ""
    speaker: str | None = None
    #: Token index of the cue head; kept for ordering and de-duplication, not compared.
    cue_index: int = field(default=-1, compare=False)


def ensure_extensions() -> None:
    """Register ``Doc._.attributions`` once; safe to call any number of times."""
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", default=None)


def attribution_component(doc: Doc) -> Doc:
    """spaCy pipeline component: store :func:`find_attributions` results on ``doc._.attributions``."""
    ensure_extensions()
    doc._.attributions = find_attributions(doc)
    return doc


# --------------------------------------------------------------------------------------------
# quotations


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted passages as (start, end) spans that include the quotation marks.

    Quotes never cross a line break: news style reopens a quote on each paragraph of a
    multi-paragraph quotation and leaves the earlier ones unclosed, so an unclosed quote simply
    ends with its paragraph.
    """
    quotes: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        open_at = -1
        for m in _QUOTE_RE.finditer(para):
            mark = m.group()
            if open_at < 0:
                if _closes_unopened(para, m.start(), m.end(), quotes_before=bool(quotes) and quotes[-1][0] >= pos):
                    # 'the entire Congress," Rep. Cummings said': the paragraph continues a quote
                    # opened in an earlier one (news style leaves those unclosed), and ends it here.
                    lead = len(para) - len(para.lstrip())
                    quotes.append((pos + lead, pos + m.end()))
                    continue
                # A closing mark opens a quote only where nothing else could: at the start of a
                # word after a space or the line start (some outlets set ” for both marks).
                if mark != "”" or (
                    (m.start() == 0 or para[m.start() - 1] in " \t\xa0(") and para[m.end() : m.end() + 1].isalpha()
                ):
                    open_at = m.start()
                continue
            if mark == "“":
                open_at = m.start()
            elif mark in _CLOSERS or mark == "``":
                if mark == "``":
                    open_at = m.start()
                    continue
                quotes.append((pos + open_at, pos + m.end()))
                open_at = -1
        if open_at >= 0:
            end = len(para.rstrip())
            if end - open_at > 1:
                quotes.append((pos + open_at, pos + end))
        pos += len(para) + 1
    return quotes


def _closes_unopened(para: str, start: int, end: int, *, quotes_before: bool) -> bool:
    """Whether a mark with no quote open ends one that began before the paragraph: it is the
    paragraph's first mark, comes right after the end of a phrase (',”' '."' '?”') and is
    followed by a space or the line end, after at least a few words."""
    if quotes_before or start < 2 or para[start - 1] not in ",.?!" or para[end : end + 1] not in ("", " ", "\xa0"):
        return False
    return para[:start].count(" ") >= 2 and not any(q in para[:start] for q in _MARK_CHARS)


class _QuoteIndex:
    def __init__(self, text: str) -> None:
        # ``Doc.text`` is rebuilt from the tokens on every access, so it is read once here.
        self.text = text
        self.spans = find_quotes(text)

    def containing(self, s: int, e: int) -> tuple[int, int] | None:
        """The quote that covers [s, e) (apart from surrounding marks), if any."""
        for qs, qe in self.spans:
            if qs <= s and e <= qe:
                return (qs, qe)
            if qs > e:
                break
        return None

    def starting_in(self, s: int, e: int) -> tuple[int, int] | None:
        for qs, qe in self.spans:
            if s <= qs < e:
                return (qs, qe)
            if qs >= e:
                break
        return None

    def next_after(self, pos: int) -> tuple[int, int] | None:
        for qs, qe in self.spans:
            if qs >= pos:
                return (qs, qe)
        return None


# --------------------------------------------------------------------------------------------
# span helpers


def _trim(tokens: Sequence[Token]) -> list[Token]:
    """Drop edge punctuation that the annotators leave out (quote marks are handled elsewhere)."""
    toks = list(tokens)
    while toks and (
        ((toks[-1].is_punct or toks[-1].is_space) and not _is_quote_mark(toks[-1]) and not _closes_inside(toks))
        or (toks[-1].dep_ == "cc" and len(toks) > 1)
    ):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space) and not _is_quote_mark(toks[0]):
        toks.pop(0)
    return toks


def _closes_inside(toks: Sequence[Token]) -> bool:
    """Whether the last token belongs to the span: a percent sign, or a bracket that closes one
    opened inside it ("Rep. John Culberson (R-TX)")."""
    last = toks[-1].text
    if last == "%":
        return True
    if last in (")", "]"):
        opener = "(" if last == ")" else "["
        texts = [t.text for t in toks]
        return texts.count(opener) >= texts.count(last)
    return False


def _is_quote_mark(tok: Token) -> bool:
    return tok.text in _QUOTE_MARKS


_QUOTE_MARKS = ("“", "”", '"', "''", "``")
_QUOTE_MARKS_KEY = "chronicle.quote_marks"


def _quote_mark_indices(doc: Doc) -> list[int]:
    """Token indices of the article's quotation marks, in order; found once per Doc, because
    every cue candidate asks about its sentence."""
    found = doc.user_data.get(_QUOTE_MARKS_KEY)
    if not isinstance(found, list):
        text = doc_text(doc)
        found = []
        if any(m in text for m in _QUOTE_MARKS):
            found = [t.i for t in doc if t.text in _QUOTE_MARKS]
        doc.user_data[_QUOTE_MARKS_KEY] = found
    return found


def _char_span(tokens: Sequence[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _contiguous(tokens: Iterable[Token]) -> list[list[Token]]:
    """Split sorted tokens into runs of consecutive indices."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda x: x.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _spans_of(tokens: Iterable[Token], trim: bool = True) -> CharSpan:
    out: list[tuple[int, int]] = []
    for run in _contiguous(tokens):
        run = _trim(run) if trim else run
        cs = _char_span(run)
        if cs:
            out.append(cs)
    return tuple(out)


def _text_of(text: str, span: CharSpan | None) -> str | None:
    if not span:
        return None
    return " ... ".join(text[s:e] for s, e in span)


# --------------------------------------------------------------------------------------------
# cue, source and content of a reporting verb


def _is_cue_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma not in CUE_LEMMAS:
        # Verbs of cognition and evidence report only with a clausal complement: "the study
        # found that ...", but not "police found the car".
        return lemma in CLAUSE_CUE_LEMMAS and any(c.dep_ == "ccomp" for c in tok.children)
    # Attributive participles ("the reported case") and infinitival purposes are not reports.
    return tok.dep_ not in ("amod", "compound")


#: Dependents whose presence (per lemma) tells a reporting use from another: "found that ..."
#: against "found the car".
_FRAME_DEPS = frozenset(
    "nsubj nsubjpass csubj ccomp xcomp dobj agent prt poss acl relcl advcl mark neg parataxis attr "
    "oprd dative acomp".split()
)


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
    adj = _copula_adjective(tok)
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
    if pos != "NOUN":
        subj = _subject(tok)
        if subj is None:
            feats.append("S=none")
        else:
            kind = subj.ent_type_ or subj.pos_
            feats.append("S=" + kind)
            feats.append("LS=" + lem + "|" + kind)
        if _is_cue_verb(tok):
            feats.append("R")
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
    sent = tok.sent
    every = _quote_mark_indices(doc)
    marks = every[bisect.bisect_left(every, sent.start) : bisect.bisect_left(every, sent.end)]
    if marks:
        feats.append("SQ")
        if marks[0] < tok.i < marks[-1]:
            feats.append("SQ=both")
        elif marks[-1] < tok.i and tok.i - marks[-1] <= 4:
            feats.append("SQ=after")
    if tok.pos_ == "NOUN":
        feats.append("NH=" + tok.head.lemma_.lower() + "|" + tok.dep_ + "|" + lem)
    return feats


def _is_candidate(tok: Token) -> bool:
    """Whether the learned cue model is asked about ``tok``: verbs, nouns and a copula with an
    adjective ("were critical of", "is confident that")."""
    return tok.pos_ in ("VERB", "NOUN") or _copula_adjective(tok) is not None


def _copula_adjective(tok: Token) -> Token | None:
    """The adjective of a copula ("are concerned" -> "concerned"), if ``tok`` is one."""
    if tok.pos_ != "AUX" or tok.lemma_ != "be":
        return None
    return next((c for c in tok.children if c.dep_ == "acomp"), None)


def _subject(verb: Token) -> Token | None:
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


def _report_of_misattached(verb: Token) -> Token | None:
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


def _chained_subject(verb: Token) -> Token | None:
    """The subject shared down a chain of coordinated and adverbial clauses ("Kim highlighted
    ... and called for ... while emphasizing ..."), which :func:`_subject` follows one step only
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


def _source_tokens(subj: Token, verb: Token) -> list[Token]:
    """The subject noun phrase as PolNeAR marks it.

    An appositive or relative clause set off by commas keeps its closing comma ("Evans, the
    Georgia committeeman, said"), which is how the annotators marked such sources.
    """
    doc = verb.doc
    # A subject subtree may swallow the verb's own material when the parse is off; keep only
    # the contiguous block around the subject head, and never cross a paragraph break.
    toks = [t for t in subj.subtree if (t.i < verb.i) == (subj.i < verb.i)]
    run = next((r for r in _contiguous(toks) if any(t.i == subj.i for t in r)), [subj])
    breaks = [k for k, t in enumerate(run) if "\n" in t.text and t.i < subj.i]
    if breaks:
        run = run[breaks[-1] + 1 :]
    while run and (_is_quote_mark(run[0]) or run[0].is_space):
        run = run[1:]
    had_comma = any(t.text == "," for t in run[1:-1])
    run = _trim(run)
    if not run:
        return [subj]
    nxt = run[-1].i + 1
    if (
        had_comma
        and nxt < len(doc)
        and doc[nxt].text == ","
        and nxt < verb.i
    ):
        run.append(doc[nxt])
    return run


def _cue_tokens(
    verb: Token, subj: Token | None, content_prep: Token | None, last: Token | None = None
) -> list[Token]:
    """The verb with the material PolNeAR puts in a cue: auxiliaries, negation, adjacent adverbs
    ("has repeatedly said"), particles, a following colon, a bare weekday ("said Sunday") and
    "in a statement" directly after the verb (48 to 23 on the training split; "in an interview"
    is left out of the cue 27 to 20)."""
    doc = verb.doc
    cue = {verb.i}
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("aux", "auxpass", "neg"):
            cue.add(c.i)
        elif c.i < verb.i and c.dep_ == "advmod" and c.lower_ not in WH_ADVERBS:
            cue.add(c.i)
        elif c.i > verb.i and c.dep_ == "prt":
            cue.add(c.i)
    if subj is not None and subj.i < verb.i:
        cue = {i for i in cue if i > subj.right_edge.i}
    start = verb.i
    while start - 1 in cue:
        start -= 1
    end = verb.i + 1
    while end in cue:
        end += 1
    # Right-hand extensions, each only when directly adjacent to what is already in the cue.
    if end < len(doc):
        nxt = doc[end]
        if nxt.dep_ == "advmod" and nxt.head.i == verb.i and nxt.lower_ not in WH_ADVERBS and nxt.pos_ == "ADV":
            end += 1
        elif nxt.dep_ == "npadvmod" and nxt.head.i == verb.i and nxt.lower_ in WEEKDAYS:
            end += 1
        elif (
            nxt.lower_ == "in"
            and end + 2 < len(doc)
            and doc[end + 1].lower_ in ("a", "an", "the")
            and doc[end + 2].lower_ in ("statement",)
        ):
            end += 3
    if (
        end + 1 < len(doc)
        and doc[end].lower_ == "as"
        and doc[end].head.i == verb.i
        and doc[end + 1].lemma_.lower() in ("say", "tell", "write")
    ):
        # "was quoted as saying"
        end += 2
    if last is not None and last.i >= end:
        # "tends to hold", "took a position on": the cue runs on to a chained verb or noun.
        end = last.i + 1
    if content_prep is not None and content_prep.i == end:
        end += 1
    if end < len(doc) and doc[end].text == ":":
        end += 1
    return list(doc[start:end])


def _content_head(verb: Token) -> tuple[Token | None, Token | None]:
    """The token heading the reported content and, if prepositional, its preposition."""
    adj = _copula_adjective(verb)
    if adj is not None:
        # "were critical of X", "is confident that X", "was eager to X".
        for c in adj.children:
            if c.i < adj.i:
                continue
            if c.dep_ in ("ccomp", "xcomp"):
                return c, None
            if c.dep_ == "prep" and c.lower_ in ADJ_CONTENT_PREPS:
                obj = _prep_object(c)
                if obj is not None:
                    return obj, c
        return None, None
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
            obj = _prep_object(on) if on is not None else None
            if on is not None and obj is not None:
                # "called on the government to step in": PolNeAR's cue is "called on" and its
                # content "the government to step in" (19 of 22 on the training split).
                return obj, on
            return c, None
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and c.i > verb.i:
            obj = _prep_object(c)
            if obj is not None:
                return obj, c
    return None, None


_CHAIN_GAP_DEPS = frozenset(["aux", "neg", "advmod"])


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


def _chain_content(verb: Token, head: Token, prep: Token | None) -> tuple[Token, Token | None, Token | None]:
    """Follow the content past a catenative verb or a light object into the cue.

    "continued to say he had ..." has cue "continued to say" and content "he had ...";
    "has taken a position on the bill" has cue "has taken a position on" and content "the bill".
    Returns the new content head, its preposition and the last token the cue must reach.
    """
    doc = verb.doc
    clause = _made_clear_clause(verb, head) if prep is None else None
    if clause is not None:
        # "made it clear that ...": PolNeAR's cue is "made it clear" (and "made clear").
        return clause, None, head
    last: Token | None = None
    cur = verb
    for _ in range(3):
        if prep is not None:
            break
        if (
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
            gap = doc[(last or cur).i + 1 : head.i]
            if not gap or not all(
                (t.head.i == head.i and t.dep_ in _CHAIN_GAP_DEPS) or (t.head.i == cur.i and t.dep_ == "prt")
                for t in gap
            ):
                break
            if not any(t.lower_ == "to" for t in gap):
                break
            inner, iprep = _content_head(head)
            if inner is None or inner.i < head.i:
                break
            last, cur, head, prep = head, head, inner, iprep
            continue
        if head.dep_ == "dobj" and head.pos_ == "NOUN" and (
            head.lower_ in CUE_OBJ_NOUNS
            or cur.lemma_.lower() in LIGHT_VERBS
            or any(c.dep_ == "prep" and c.lower_ in TOPIC_OPENERS and c.i > head.i for c in head.children)
        ):
            for c in head.children:
                if c.i < head.i:
                    continue
                obj = _content_object(c)
                if obj is not None:
                    return obj, c, c
                if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                    return c, None, head
                if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in CUE_LEMMAS:
                    # "issued a statement calling the test a violation": the cue runs on to the
                    # saying, and what it says is the content.
                    inner, iprep = _content_head(c)
                    if inner is not None and inner.i > c.i:
                        return inner, iprep, c
                break
            # "took issue with X" parsed with the preposition on the verb, right after the object.
            after = next((c for c in cur.children if c.i == head.right_edge.i + 1), None)
            obj = _content_object(after) if after is not None else None
            if obj is not None:
                return obj, after, after
        break
    return head, prep, last


def _chains_to_saying(tok: Token) -> bool:
    return tok.lemma_.lower() in CHAIN_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in SAYING and any(g.lower_ == "to" for g in c.children)
        for c in tok.children
    )


def _made_clear_clause(verb: Token, clear: Token) -> Token | None:
    """The clause reported by "made (it) clear", if ``verb`` and its dependent ``clear`` are that."""
    if verb.lemma_.lower() != "make" or clear.lower_ not in ("clear", "plain") or clear.i < verb.i:
        return None
    return next((c for c in clear.children if c.i > clear.i and c.dep_ in ("ccomp", "advcl", "csubj", "xcomp")), None)


def _makes_clear(tok: Token) -> bool:
    """ "made it clear that ...": a report whatever the model thinks of "made" alone."""
    return any(_made_clear_clause(tok, c) is not None for c in tok.children)


def _content_object(tok: Token) -> Token | None:
    """The object of a preposition that introduces what is said ("concern about X", "took
    issue with X"), if ``tok`` is one."""
    if tok.dep_ != "prep" or tok.lower_ not in NOUN_CONTENT_PREPS:
        return None
    return _prep_object(tok)


def _prep_object(prep: Token) -> Token | None:
    for g in prep.children:
        if g.dep_ in ("pobj", "pcomp"):
            return g
    return None


# --------------------------------------------------------------------------------------------
# the extractor


_MODEL_FILE = "attribution_cues.json"


@functools.lru_cache(maxsize=1)
def _cue_model() -> tuple[dict[str, float], float]:
    """The learned cue model: feature weights of a logistic regression and its decision threshold.

    Fit on PolNeAR's training split over :func:`cue_features` of every verb and noun (label:
    the token heads an annotated cue), pruned to the larger weights; shipped as package data
    (``chronicle/data/attribution_cues.json``) and read once."""
    raw = resources.files("chronicle").joinpath("data", _MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return weights, _logit(float(data["threshold"]))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _cue_score(feats: Iterable[str], weights: dict[str, float]) -> float:
    """The model's log-odds that a token heads a cue (compared with the threshold's log-odds)."""
    return sum(weights.get(f, 0.0) for f in feats)


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions found in an article parsed by spaCy (parser and NER required)."""
    quotes = _QuoteIndex(doc_text(doc))
    out: list[Attribution] = []
    used_quotes: set[tuple[int, int]] = set()
    weights, threshold = _cue_model()
    for tok in doc:
        att: Attribution | None = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = _according_to(doc, tok, quotes)
        elif tok.lower_ == "in" and tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX"):
            att = _in_survey(doc, tok, quotes)
        elif _is_candidate(tok):
            in_quote = quotes.containing(tok.idx, tok.idx + len(tok.text)) is not None
            if in_quote:
                continue
            if (
                _cue_score(cue_features(tok, in_quote), weights) < threshold
                and not _chains_to_saying(tok)
                and not _makes_clear(tok)
            ):
                continue
            if tok.pos_ != "NOUN":
                att = _verb_attribution(doc, tok, quotes, used_quotes)
            else:
                att = _noun_attribution(doc, tok, quotes, used_quotes)
        elif _is_cue_verb(tok):
            att = _verb_attribution(doc, tok, quotes, used_quotes)
        if att is not None:
            out.append(att)
    out.extend(_headline_colons(doc, quotes))
    out.extend(_signed_quotes(doc, quotes, {a.cue_index for a in out}))
    return _resolve_speakers(doc, [_without_dateline(a, quotes.text) for a in out])


_HEADLINE_RE = re.compile(r"^[\"“]?([A-Z][^:\n“”\"]{1,40}): (\S[^\n]*)$", re.MULTILINE)


_DATELINE_RE = re.compile(r"([A-Z][A-Z.'’ -]{1,30}): ")


def _without_dateline(att: Attribution, text: str) -> Attribution:
    """A content that starts with the article's dateline ("SEOUL: North Korean leader ...")
    starts after it: the place the story was filed from is not part of what was said."""
    if not att.content:
        return att
    s, e = att.content[0]
    m = _DATELINE_RE.match(text, s, e)
    if m is None or not names_a_place(m.group(1)):
        return att
    content = ((m.end(), e), *att.content[1:])
    return replace(att, content=content, content_text=_text_of(text, content) or "")


def _headline_colons(doc: Doc, quotes: _QuoteIndex) -> list[Attribution]:
    """Headline style 'Graham: Trump's Rhetoric Is Destroying the GOP'.

    Only when the part before the colon is a short name (an entity, in title case), a noun that
    speaks in headlines ("Poll:", "Report:") or an upper-case transcript speaker ("HOST:"), so
    that labels such as 'UPDATE:' or 'Read more:' are not taken for speakers.
    """
    text = quotes.text
    out: list[Attribution] = []
    for m in _HEADLINE_RE.finditer(text):
        name_s, name_e = m.span(1)
        words = m.group(1).split()
        if len(words) > 5 or not all(w[:1].isupper() for w in words):
            continue
        span = doc.char_span(name_s, name_e)
        if span is not None and m.group(1).isupper() and (
            names_a_place(m.group(1)) or any(t.ent_type_ in ("GPE", "LOC") for t in span)
        ):
            # "SEOUL: North Korean leader ...": a dateline, not a speaker.
            continue
        if span is None or not (
            any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span)
            or words[-1].lower().rstrip("s") in HEADLINE_SOURCE_NOUNS
            or (len(words) <= 3 and m.group(1).isupper() and m.group(1).strip() not in LABELS)
        ):
            continue
        cs, ce = m.span(2)
        content = text[cs:ce].rstrip()
        while content and content[-1] in ".,;":
            content = content[:-1]
        if not content:
            continue
        source = ((name_s, name_e),)
        cue = ((name_e, name_e + 1),)
        body = ((cs, cs + len(content)),)
        out.append(
            Attribution(
                source=source,
                cue=cue,
                content=body,
                kind="headline",
                source_text=text[name_s:name_e],
                cue_text=":",
                content_text=text[cs : cs + len(content)],
                cue_index=span.end,
            )
        )
    return out


#: A quotation signed with a dash and a name: '"...." ― Ana Ruiz', '"..." — Jo Bell (@jobell)',
#: the way pull quotes, reader voices and embedded posts are set.
_SIGNATURE_RE = re.compile(
    r"(?P<dash>―|—|–|--|-)[^\S\n]*(?P<name>[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,4}"
    r"(?:[^\S\n]*\(@\w+\))?)[^\S\n]*\.?[^\S\n]*(?=\n|$)"
)


def _signed_quotes(doc: Doc, quotes: _QuoteIndex, taken: set[int]) -> list[Attribution]:
    """Quotations signed on their own line or right after the closing mark: the dash is the cue,
    the name the source, the quotation (with its marks) the content."""
    text = quotes.text
    out: list[Attribution] = []
    ends = {qe: qs for qs, qe in quotes.spans}
    for m in _SIGNATURE_RE.finditer(text):
        ds, de = m.span("dash")
        before = text[:ds].rstrip()
        qs = ends.get(len(before))
        # The dash must follow the quotation directly or start the next line.
        if qs is None or "\n\n\n" in text[len(before) : ds]:
            continue
        line_start = text.rfind("\n", 0, ds) + 1
        if text[line_start:ds].strip() and text[len(before) : ds].count("\n"):
            continue
        name_s, name_e = m.span("name")
        name = text[name_s:name_e].rstrip(".")
        name_e = name_s + len(name)
        span = doc.char_span(name_s, name_e, alignment_mode="expand")
        if span is None or span.start in taken:
            continue
        # A name, not the start of a sentence: a person or organisation, or a short run of
        # capitalised words.
        words = name.split()
        if not (any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span) or len(words) <= 3):
            continue
        out.append(
            Attribution(
                source=((name_s, name_e),),
                cue=((ds, de),),
                content=((qs, len(before)),),
                kind="direct",
                source_text=name,
                cue_text=text[ds:de],
                content_text=text[qs : len(before)],
                cue_index=span.start,
            )
        )
    return out


def _verb_attribution(
    doc: Doc, verb: Token, quotes: _QuoteIndex, used_quotes: set[tuple[int, int]]
) -> Attribution | None:
    # A reporting verb inside a quotation is part of someone's words, not the article's report.
    if quotes.containing(verb.idx, verb.idx + len(verb.text)) is not None:
        return None
    outer = _report_of_misattached(verb)
    subj = _subject(outer) if outer is not None else _subject(verb) or _chained_subject(verb)
    if subj is not None and subj.i < verb.i and quotes.containing(subj.idx, subj.idx + len(subj.text)) is not None:
        # '"Full panic mode," said Ms. Wimes' parsed with the quoted words as the subject: the
        # speaker is the subject after the verb, if any, and the quotation is what was said.
        subj = min(
            (c for c in verb.children
             if c.dep_ == "nsubj" and quotes.containing(c.idx, c.idx + len(c.text)) is None),
            key=lambda c: abs(c.i - verb.i),
            default=None,
        )
    # The passive subject when it is not the speaker: what a passive cue reports on.
    # (Tokens are compared by index: spaCy makes a new Token object on every access.)
    reported = next(
        (c for c in verb.children if c.dep_ == "nsubjpass" and (subj is None or c.i != subj.i)), None
    )
    head, prep = _content_head(verb)
    if head is not None and head.dep_ != "ccomp" and head.i > verb.i and (subj is None or subj.head.i == verb.i):
        # '"Stay home," the officer urged residents': the quotation, not the object, is said.
        # Not when the subject is borrowed ('"...," she said, referring to X': she said the
        # quotation and referred to X).
        quote = _adjacent_quote(verb, subj, quotes, after=False)
        if quote is not None:
            head, prep = None, None
    cue_last = _copula_adjective(verb)
    if head is not None and head.i > verb.i and cue_last is None:
        head, prep, cue_last = _chain_content(verb, head, prep)
    content_toks: list[Token] = []
    if head is not None:
        content_toks = list(head.subtree)
        if prep is not None and prep.lower_ == "on":
            # "called on X to Y": the infinitive belongs with its subject X.
            content_toks += [t for c in verb.children if c.dep_ == "xcomp" and c.i > head.i for t in c.subtree]
        # "said the offer was fair and urged the union to ...": the second report is not part
        # of what the first one says.
        for c in head.children:
            shared = _report_of_misattached(c)
            if shared is not None and shared.i == verb.i:
                cut = {t.i for t in c.subtree} | {g.i for g in head.children if g.dep_ == "cc" and g.i < c.i}
                content_toks = [t for t in content_toks if t.i not in cut]
        if head.dep_ == "dobj":
            # "accused Y of Z", "called Y a liar", "described Y as Z", "criticized Y for Z":
            # PolNeAR's content is the object together with what is predicated of it and the
            # verb's prepositional phrases that directly follow it (mostly inside the content on
            # PolNeAR's training split).
            end = head.right_edge.i
            for c in sorted(head.head.children, key=lambda x: x.i):
                if c.i <= head.i:
                    continue
                if c.left_edge.i != end + 1:
                    break
                if c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS):
                    content_toks.extend(c.subtree)
                    end = c.right_edge.i
                else:
                    break
    elif (verb.dep_ in ("parataxis", "ccomp") or _as_clause(verb)) and verb.head is not verb:
        # '"...," he said' parsed with the quote as the head of the reporting clause, and
        # "As the experts have pointed out, X is free to ...": what was said is the main clause.
        clause = {t.i for t in verb.subtree}
        content_toks = [t for t in verb.head.subtree if t.i not in clause]
    else:
        # "The bill was endorsed by the union": what a passive cue reports on is its subject.
        if reported is not None and verb.lemma_.lower() not in RAISING_PASSIVES:
            content_toks = list(reported.subtree)
            # "X was identified as the protester", "will be dubbed the Y": what the subject is
            # called is reported with it.
            for c in verb.children:
                if c.i > verb.i and ((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in ("oprd", "attr")):
                    content_toks.extend(c.subtree)
    if (
        head is not None
        and head.dep_ == "xcomp"
        and subj is not None
        and subj.dep_ in ("nsubj", "nsubjpass")
        and subj.i < verb.i
        and (verb.lemma_.lower() in RAISING_VERBS or (subj.dep_ == "nsubjpass" and verb.lemma_.lower() in RAISING_PASSIVES))
    ):
        # "The statistics appear to be fabricated": the subject belongs to what is reported.
        content_toks = list(subj.subtree) + content_toks
        subj = None
    elif content_toks and head is not None and head.i > verb.i and subj is not None and subj.i < verb.i:
        content_toks = _parenthetical_prefix(verb, subj) + content_toks
    elif (
        content_toks and subj is None and head is not None and head.i > verb.i
        and reported is not None and reported.i < verb.i and reported not in content_toks
    ):
        # "Trump is expected to win", "Ginsburg is known for ...": with no one named as saying
        # it, a passive cue's subject is part of what is reported.
        content_toks = list(reported.subtree) + content_toks
    paragraph: tuple[int, int] | None = None
    if not content_toks:
        quote = _adjacent_quote(verb, subj, quotes)
        if quote is None:
            quote = paragraph = _paragraph_after_colon(verb, quotes)
        if quote is not None:
            content_toks = list(doc.char_span(quote[0], quote[1], alignment_mode="expand") or [])
        else:
            content_toks = _trailing_content(verb, subj, prep, cue_last)
        if not content_toks:
            return None
    if not content_toks:
        return None
    # The content must not contain the reporting clause itself.
    content_toks = [t for t in content_toks if t.i != verb.i and (subj is None or t not in subj.subtree)]
    content_toks = _trim(_fill_punct_gaps(sorted(content_toks, key=lambda t: t.i)))
    if not content_toks:
        return None
    content = _quote_edges(_fit_to_quotes(doc, verb, content_toks, quotes, used_quotes), quotes)
    if not content:
        return None
    if paragraph is not None and content[-1][1] < paragraph[1] and content[-1][1] > paragraph[0]:
        # A paragraph reported after a colon is marked whole, its full stop included.
        content = (*content[:-1], (content[-1][0], paragraph[1]))
    src_toks = _source_tokens(subj, verb) if subj is not None else []
    cue_toks = _cue_tokens(verb, subj, prep, cue_last)
    source = _spans_of(src_toks, trim=False) or None
    cue = _spans_of(cue_toks, trim=False) or None
    kind = _kind(doc, content, quotes)
    stance = _stance(verb, head)
    return Attribution(
        source=source,
        cue=cue,
        content=content,
        kind=kind,
        stance=stance,
        source_text=_text_of(quotes.text, source),
        cue_text=_text_of(quotes.text, cue),
        content_text=_text_of(quotes.text, content) or "",
        cue_index=verb.i,
    )


#: Dependents after a cue that never belong to its content: a coordinated verb is a report of
#: its own, and a subordinate clause ("..., because ...") is the writer's.
_NOT_TRAILING = frozenset("conj cc punct advcl mark dep".split())


def _as_clause(verb: Token) -> bool:
    """'..., as police have said' / 'As X pointed out, ...': a reporting clause marked by "as"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _trailing_content(verb: Token, subj: Token | None, prep: Token | None, last: Token | None) -> list[Token]:
    """What follows the cue in its clause, when the parse gives the cue no complement.

    The parser often hangs the complement elsewhere ("said in a statement that ..." with the
    clause on "statement"); the model has already judged the verb a cue, and PolNeAR's content
    is then what the clause goes on to say after the cue."""
    cue_end = _cue_tokens(verb, subj, prep, last)[-1].i
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
    if (out[0].lower_ == "that" and out[0].dep_ == "mark") or _is_quote_mark(out[0]):
        return out
    # "tweeted in the early hours that ...": a that-clause hung on the adjunct still says it.
    for t in out[1:8]:
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.pos_ in ("VERB", "AUX"):
            return [x for x in out if x.i >= t.i]
    return []


def _noun_attribution(
    doc: Doc, noun: Token, quotes: _QuoteIndex, used_quotes: set[tuple[int, int]]
) -> Attribution | None:
    """A nominal cue: "Trump's attacks on Clinton", "her support for the bill", "the claim that".

    The possessor is the source (with its "'s"); the cue is the noun with its modifiers and the
    preposition that introduces the content; the content is the prepositional object, or the
    clause or infinitive that complements the noun.
    """
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    prep: Token | None = None
    content_toks: list[Token] = []
    for c in noun.children:
        if c.i < noun.i:
            continue
        obj = _content_object(c)
        if obj is not None:
            prep = c
            content_toks = list(obj.subtree)
            break
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            sub = list(c.subtree)
            # "pledge to remove ...": the infinitive marker goes with the cue.
            if sub and sub[0].lower_ == "to" and sub[0].dep_ == "aux" and sub[0].i == noun.i + 1:
                prep = sub[0]
                sub = sub[1:]
            content_toks = sub
            break
    if not content_toks:
        quote = _adjacent_quote(noun, None, quotes)
        if quote is None or doc[noun.i + 1 : noun.i + 2].text not in (":", ","):
            return None
        content_toks = list(doc.char_span(quote[0], quote[1], alignment_mode="expand") or [])
    content_toks = _trim(content_toks)
    if not content_toks:
        return None
    content = _fit_to_quotes(doc, noun, content_toks, quotes, used_quotes)
    if not content:
        return None
    start = noun.i
    while start - 1 >= 0 and doc[start - 1].head.i == noun.i and doc[start - 1].dep_ in ("amod", "compound", "nmod"):
        start -= 1
    if start - 1 >= 0 and doc[start - 1].dep_ == "case" and poss is None:
        start -= 1
    end = noun.i + 1
    if prep is not None and prep.i == end:
        end += 1
    cue_toks = list(doc[start:end])
    src_toks = list(poss.subtree) if poss is not None else []
    source = _spans_of(src_toks, trim=False) or None
    cue = _spans_of(cue_toks, trim=False) or None
    lemma = noun.lemma_.lower()
    return Attribution(
        source=source,
        cue=cue,
        content=content,
        kind=_kind(doc, content, quotes),
        stance="denies" if lemma in DENIAL_NOUNS else "condemns" if lemma in CONDEMNATION_NOUNS else "asserts",
        source_text=_text_of(quotes.text, source),
        cue_text=_text_of(quotes.text, cue),
        content_text=_text_of(quotes.text, content) or "",
        cue_index=noun.i,
    )


def _stance(verb: Token, head: Token | None) -> str:
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


def _fill_punct_gaps(toks: list[Token]) -> list[Token]:
    """Close gaps made only of punctuation ("hopefuls: Jeb!, Carson"): the parser hangs such
    colons and dashes on the verb, but they sit inside the annotated content."""
    if not toks:
        return toks
    doc = toks[0].doc
    out: list[Token] = [toks[0]]
    for t in toks[1:]:
        gap = doc[out[-1].i + 1 : t.i]
        if 0 < len(gap) <= 2 and all(g.is_punct and not _is_quote_mark(g) and g.text not in ".?!" for g in gap):
            out.extend(gap)
        out.append(t)
    return out


def _parenthetical_prefix(verb: Token, subj: Token) -> list[Token]:
    """Words before a reporting clause set off by commas: 'The two nations, Xi said, now have'.

    PolNeAR's content then runs around the clause, so the opening part of the sentence is
    returned to be added to the content (empty when the clause starts its sentence)."""
    doc = verb.doc
    left = min(subj.left_edge.i, verb.i)
    sent_start = verb.sent.start
    if left <= sent_start + 1 or doc[left - 1].text != ",":
        return []
    after = verb.i + 1
    while after < len(doc) and doc[after].dep_ in ("advmod", "npadvmod") and doc[after].head.i == verb.i:
        after += 1
    if after >= len(doc) or doc[after].text != ",":
        return []
    prefix = list(doc[sent_start : left - 1])
    if any(_is_quote_mark(t) for t in prefix) or any(t.dep_ == "mark" and t.head.i == verb.i for t in prefix):
        return []
    return prefix


def _adjacent_quote(
    verb: Token, subj: Token | None, quotes: _QuoteIndex, after: bool = True
) -> tuple[int, int] | None:
    """A quotation right before ('"...," said X') or right after ('X said: "..."') the clause.

    Used when the parser attached the quotation elsewhere (often a separate sentence)."""
    doc = verb.doc
    left = verb.i if subj is None else min(verb.i, subj.left_edge.i)
    right = verb.i if subj is None else max(verb.i, subj.right_edge.i)
    start = doc[left].idx
    for qs, qe in reversed(quotes.spans):
        if qe <= start:
            if quotes.text[qe:start].strip(" ,") == "":
                return (qs, qe)
            break
    if not after:
        return None
    end = doc[right].idx + len(doc[right].text)
    q = quotes.next_after(end)
    if q is not None and quotes.text[end : q[0]].strip(" ,:") == "" and "\n" not in quotes.text[end : q[0]]:
        return q
    return None


def _paragraph_after_colon(verb: Token, quotes: _QuoteIndex) -> tuple[int, int] | None:
    """'The governor added:' ending its paragraph: what is said is the next paragraph (PolNeAR
    marks it whole, quotation marks included)."""
    last = next((t for t in reversed(verb.sent) if not t.is_space), None)
    if last is None or last.text != ":" or last.head.i != verb.i:
        return None
    text = quotes.text
    end = last.idx + 1
    start = end + len(text[end:]) - len(text[end:].lstrip())
    if start >= len(text) or "\n" not in text[end:start]:
        return None
    stop = text.find("\n", start)
    return (start, len(text) if stop < 0 else stop)


def _fit_to_quotes(
    doc: Doc,
    verb: Token,
    toks: list[Token],
    quotes: _QuoteIndex,
    used_quotes: set[tuple[int, int]],
) -> CharSpan:
    """Char spans of the content, stretched to whole quotations where it is quoted."""
    runs = [r for r in (_trim(r) for r in _contiguous(toks)) if r]
    spans: list[tuple[int, int]] = []
    for run in runs:
        cs = _char_span(run)
        if cs is None:
            continue
        s, e = cs
        q = quotes.containing(s, e) or quotes.containing(s + 1, e - 1)
        if q is not None:
            spans.append(q)
            continue
        # A content that runs into a quotation ends with the quotation's closing mark.
        q = quotes.starting_in(s, e)
        if q is not None and q[0] > s and q[1] >= e - 1 and quotes.text[s : q[0]].rstrip().endswith((",", ":")):
            # 'telling Mic in an interview, "..."': a quotation set off by a comma or colon is
            # the whole content; the words before it are the reporting clause's adjuncts.
            spans.append(q)
            continue
        if q is not None and q[1] > e:
            e = q[1]
        elif e < len(quotes.text) and quotes.text[e : e + 2].strip() in ("”", '"', "''", ".”", '."', ".'", ",'"):
            # The closing mark of a quotation the content ends in, with the stop before it
            # ('...allegations are false.\'\'' in papers that set quotes as two apostrophes).
            nxt = quotes.text[e : e + 3].rstrip()
            e += len(nxt) if nxt.endswith(("”", '"', "''")) else 0
        spans.append((s, e))
    if not spans:
        return ()
    merged = _merge(quotes.text, spans)
    direct = [q for q in quotes.spans if q in merged]
    if direct:
        merged = _extend_quote(verb, merged, quotes)
    used_quotes.update(direct)
    return merged


_CLAUSE_GAP = 200

#: A quoted title: a few capitalised words in quotation marks ('on “Meet the Press.”').
_TITLE_RE = re.compile(
    r"[“\"][A-Z][\w’'.&-]*(?:[ ,:]+(?:[A-Z][\w’'.&-]*|of|the|and|a|an|in|on|for|to|with)){0,6}[”\"]"
)

def _title_stand_in(m: re.Match[str]) -> str:
    """A quoted title as a plain word, keeping a full stop set inside its marks ('“Report.”')."""
    return "T." if m.group()[:-1].endswith(".") else "T"


def _quote_edges(content: CharSpan, quotes: _QuoteIndex) -> CharSpan:
    """Quotation marks at the edges of a content, as PolNeAR has them: 'said “it gets me mad”
    every time' starts at the opening mark the parse leaves out, and a closing mark left over
    from the paragraph before is not part of it."""
    if not content:
        return content
    text = quotes.text
    s, e = content[0]
    if text[s : s + 1] in _MARK_CHARS and "\n" in text[s + 1 : s + 3]:
        s += 1
        while s < e and text[s].isspace():
            s += 1
    elif s > 0 and text[s - 1] in "“\"" and any(qs == s - 1 for qs, _ in quotes.spans):
        s -= 1
    if s >= e:
        return content[1:]
    return ((s, e), *content[1:])


def _extend_quote(verb: Token, spans: CharSpan, quotes: _QuoteIndex) -> CharSpan:
    """Add the other pieces of a quotation that the reporting clause interrupts or precedes.

    News style splits one quotation around its attribution ('"A," he said. "B."' or
    '"A," he said, "B."'); PolNeAR annotates all pieces, up to the end of the paragraph, as one
    discontinuous content.
    """
    text = quotes.text
    clause_lo = verb.idx
    clause_hi = verb.idx + len(verb.text)
    for t in verb.children:
        if t.i < verb.i and t.dep_ in ("aux", "auxpass", "neg", "advmod") and t.i > verb.i - 4:
            clause_lo = min(clause_lo, t.idx)
        if t.dep_ in ("nsubj", "nsubjpass") and t.i > verb.i:
            clause_hi = max(clause_hi, t.right_edge.idx + len(t.right_edge.text))
        if t.dep_ in ("nsubj", "nsubjpass") and t.i < verb.i:
            clause_lo = min(clause_lo, t.left_edge.idx)
    out = list(spans)
    para_end = text.find("\n", clause_hi)
    if para_end < 0:
        para_end = len(text)
    para_start = text.rfind("\n", 0, clause_lo) + 1
    if spans[0][0] > clause_hi:
        # 'X said, "B."' preceded by '"A,"': the opening piece sits right before the clause.
        for qs, qe in reversed(quotes.spans):
            if qe <= clause_lo:
                if qs >= para_start and text[qe:clause_lo].strip(" ,") == "":
                    out.append((qs, qe))
                break
    pos = max(e for _, e in out)
    if pos <= clause_lo:
        # '"A," he said on Thursday. "B."': the next piece follows the clause and its adjuncts.
        q = quotes.next_after(clause_hi)
        # A quoted title among the adjuncts ('said on “Meet the Press.”') is not the next piece.
        while q is not None and q[1] < para_end and _TITLE_RE.fullmatch(text, q[0], q[1]):
            q = quotes.next_after(q[1])
        if q is not None and q[0] < para_end and q[0] - clause_hi < _CLAUSE_GAP:
            gap = _TITLE_RE.sub(_title_stand_in, ABBREVIATION_RE.sub("A", text[clause_hi : q[0]].rstrip()))
            if gap.endswith((",", ".", ":")) and not any(m in gap for m in ("“", '"', "''", ". ", "? ", "! ")):
                out.append(q)
                pos = q[1]
    while True:
        q = quotes.next_after(pos)
        if q is None:
            break
        gap = text[pos : q[0]]
        if q[0] < para_end and gap.strip(" \t.,;:") == "":
            out.append(q)
            pos = q[1]
            continue
        # The next paragraph is nothing but a quotation: the same speaker goes on (news style
        # attributes a run of quoted paragraphs once).
        line_end = text.find("\n", q[1])
        rest = text[q[1] : line_end if line_end >= 0 else len(text)]
        between = text[para_end : q[0]]
        if q[0] >= para_end and between.strip() == "" and between.count("\n") <= 2 and rest.strip() == "":
            out.append(q)
            pos = q[1]
            para_end = line_end if line_end >= 0 else len(text)
            continue
        break
    return _merge(text, out)


def _merge(text: str, spans: Iterable[tuple[int, int]]) -> CharSpan:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and (s <= merged[-1][1] or text[merged[-1][1] : s].strip() == ""):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


def _kind(doc: Doc, content: CharSpan, quotes: _QuoteIndex) -> str:
    inside = 0
    total = 0
    for s, e in content:
        total += e - s
        for qs, qe in quotes.spans:
            inside += max(0, min(e, qe) - max(s, qs))
    if total and inside >= total - 2:
        return "direct"
    return "mixed" if inside else "indirect"


def _in_survey(doc: Doc, tok: Token, quotes: _QuoteIndex) -> Attribution | None:
    """'In the latest poll, Clinton leads by five points': PolNeAR's cue is "In", its source the
    poll and its content the rest of the sentence."""
    obj = _prep_object(tok)
    # Only a fronted phrase: "trailing in the polls" is no attribution.
    if obj is None or obj.lemma_.lower() not in SURVEY_NOUNS or tok.i > tok.head.i:
        return None
    if quotes.containing(tok.idx, tok.idx + len(tok.text)) is not None:
        return None
    src = _trim(list(obj.subtree))
    cue = ((tok.idx, tok.idx + len(tok.text)),)
    return _sentence_attribution(tok, src, {t.i for t in tok.subtree}, cue, "indirect", quotes)


def _according_to(doc: Doc, tok: Token, quotes: _QuoteIndex) -> Attribution | None:
    to = doc[tok.i + 1]
    obj = _prep_object(to) or next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    src = _trim([t for t in obj.subtree])
    # Parsed as the sentence's root ("According to X, the plan ..."), "according" heads the
    # whole sentence: only the phrase itself and its comma are left out of the content.
    head_of_all = tok.dep_ == "ROOT"
    phrase = ({tok.i} if head_of_all else {t.i for t in tok.subtree}) | {to.i} | {t.i for t in src}
    if head_of_all and src and src[-1].i + 1 < len(doc) and doc[src[-1].i + 1].text == ",":
        phrase.add(src[-1].i + 1)
    cue = ((tok.idx, to.idx + len(to.text)),)
    return _sentence_attribution(tok, src, phrase, cue, "according_to", quotes)


def _sentence_attribution(
    tok: Token, src: list[Token], phrase: set[int], cue: CharSpan, kind: str, quotes: _QuoteIndex
) -> Attribution | None:
    """An attribution made by a phrase ("according to X", "in a poll") whose content is the
    rest of its sentence."""
    content = _trim([t for t in tok.sent if t.i not in phrase and not t.is_space])
    if not src or not content:
        return None
    runs = [_trim(r) for r in _contiguous(content)]
    spans = tuple(cs for cs in (_char_span(r) for r in runs if r) if cs)
    if not spans:
        return None
    source = _spans_of(src) or None
    content_span = _merge(quotes.text, spans)
    return Attribution(
        source=source,
        cue=cue,
        content=content_span,
        kind=kind,
        source_text=_text_of(quotes.text, source),
        cue_text=_text_of(quotes.text, cue),
        content_text=_text_of(quotes.text, content_span) or "",
        cue_index=tok.i,
    )


# --------------------------------------------------------------------------------------------
# speaker resolution


def _resolve_speakers(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Fill ``speaker``: the named person or organisation a source refers to.

    Deliberately simple: a pronoun refers to the latest PERSON (he/she) or ORG/GPE (it/they)
    mentioned before it; a definite description refers to the latest mention with the same head
    noun, or to the latest PERSON for role nouns like "the leader".
    """
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
        pronoun = (att.source_text or "").lower()
        if (
            pronoun not in ("they", "it", "he", "she")
            or not att.source
            or not before.source
            or not before.speaker
            or (before.source_text or "").lower() in PERSON_PRONOUNS | ORG_PRONOUNS
            or _sentences_apart(doc, before, att) > 2
        ):
            continue
        if pronoun in ("they", "it") or _named_after_last_person(doc, before, ents):
            out[k] = replace(att, speaker=before.speaker)
    return out


def _named_after_last_person(doc: Doc, att: Attribution, ents: list[Span]) -> bool:
    """Whether a report's source is a name given after the last person NER found: "Lina
    Costaver, a spokeswoman, said ..." when NER took the name for an organisation, so that
    "she" in the next sentence is not someone named before her."""
    if not att.source:
        return False
    span = doc.char_span(att.source[0][0], att.source[-1][1], alignment_mode="expand")
    if span is None or span.root.pos_ != "PROPN":
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


#: Entity types that can speak; "nearly 50 countries" is not spoken by its number.
_SPEAKER_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])


def _topic_of(ent: Span, root: Token) -> bool:
    """Whether an entity inside a source phrase sits under a preposition of its topic."""
    tok = ent.root
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in TOPIC_PREPS:
            return True
        tok = tok.head
    return False


def _speaker_of(doc: Doc, span: Span, ents: list[Span]) -> str:
    root = span.root
    low = root.lower_
    inner = [
        e for e in ents
        if e.start >= span.start and e.end <= span.end and e.label_ in _SPEAKER_LABELS
        and not (root.lemma_.lower() in WORK_NOUNS and _topic_of(e, root))
    ]
    if root.pos_ == "PRON" or low in PERSON_PRONOUNS | ORG_PRONOUNS:
        # Number and animacy, cheaply: "he"/"she" a person, "it" an organisation or a place,
        # "they" an organisation, a place or a (plural) group such as "Democrats".
        labels = (
            ("PERSON",) if low in PERSON_PRONOUNS else ("ORG", "GPE") if low in ("it", "its") else ("ORG", "GPE", "NORP")
        )
        ant = _latest_ent(ents, span.start, labels)
        if ant is None and low in ("they", "them"):
            ant = _latest_ent(ents, span.start, ("PERSON",))
        return _name(ant) if ant is not None else span.text
    persons = [e for e in inner if e.label_ == "PERSON"]
    if persons:
        return _name(persons[-1])
    # "North Korea's joint statement said": the possessor speaks.
    owner = _possessor(doc, root)
    if owner:
        return owner
    if inner:
        return _name(inner[-1])
    det = next((c for c in root.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ in ("the", "this", "that"):
        if low in PERSON_NOUNS:
            ant = _latest_ent(ents, span.start, ("PERSON",))
            if ant is not None:
                return _name(ant)
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
    return span.text
