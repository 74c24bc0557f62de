"""Verb reports: "Kim said the country had ...", '"We will win," the coach said', "The union
warned that ...".

The source is the verb's subject, the cue the verb with its auxiliaries and whatever PolNeAR
keeps with it, and the content its complement; failing a complement, the main clause the
reporting clause hangs on, the passive subject, an adjacent quotation, the paragraph after a
colon or what the clause goes on to say after the cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronicle.extract.attribution.constructions.base import Context
from chronicle.extract.attribution.constructions.complements import (
    chain_content,
    complement_tokens,
    content_head,
    trailing_content,
)
from chronicle.extract.attribution.constructions.passives import (
    passive_content,
    passive_subject,
    raised_subject,
    reported_subject_prefix,
)
from chronicle.extract.attribution.constructions.reporting_clauses import (
    main_clause_tokens,
    parenthetical_prefix,
    reports_main_clause,
)
from chronicle.extract.attribution.constructions.verb_spans import cue_tokens, source_tokens
from chronicle.extract.attribution.cues import is_candidate, is_cue_verb
from chronicle.extract.attribution.lexicon import CONDEMN, DENY
from chronicle.extract.attribution.quoted_content import (
    adjacent_quote,
    fit_to_quotes,
    paragraph_after_colon,
    quote_edges,
)
from chronicle.extract.attribution.quotes import QuoteIndex
from chronicle.extract.attribution.record import Attribution, CharSpan
from chronicle.extract.attribution.spans import fill_punct_gaps, spans_of, tokens_in, trim
from chronicle.extract.attribution.stance import verb_stance
from chronicle.extract.attribution.syntax import (
    chained_subject,
    copula_adjective,
    report_of_misattached,
    subject,
)


@dataclass(frozen=True)
class VerbReport:
    """A verb, or a copula with its adjective ("were critical of"), that the cue model takes for
    a cue."""

    def matches(self, tok: Token, ctx: Context) -> bool:
        return is_candidate(tok) and tok.pos_ != "NOUN"

    def build(self, tok: Token, ctx: Context) -> Attribution | None:
        stance = _takes_a_stance(tok, ctx)
        if not ctx.judged_cue(tok) and not stance:
            return None
        return verb_attribution(tok, ctx, quoted_verb=stance)


def _takes_a_stance(tok: Token, ctx: Context) -> bool:
    """A condemnation or a denial with a subject and an object ("Sullivan condemned the transfer,
    the White House said") is a statement of its own, also inside another report."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DENY | CONDEMN:
        return False
    if subject(tok) is None and joined_speaker(tok) is None:
        return False
    quote = ctx.quotes.containing(tok.idx, tok.idx + len(tok))
    # A quotation that opens on the verb ('Sullivan "condemned in the strongest terms" the
    # transfer') quotes how the speaker put it; one that merely contains it is someone's words.
    if quote is not None and ctx.quotes.text[quote[0]:tok.idx].strip(" \"“‘'") != "":
        return False
    return any(c.dep_ in ("dobj", "ccomp") for c in tok.children)


@dataclass(frozen=True)
class LexiconVerbReport:
    """A reporting verb of the hand lexicon that the cue model is never asked about: a token
    tagged as an auxiliary (the model sees verbs, nouns and copulas with an adjective)."""

    def matches(self, tok: Token, ctx: Context) -> bool:
        return is_cue_verb(tok)

    def build(self, tok: Token, ctx: Context) -> Attribution | None:
        return verb_attribution(tok, ctx)


def verb_attribution(verb: Token, ctx: Context, *, quoted_verb: bool = False) -> Attribution | None:
    """The attribution that reporting verb ``verb`` makes, if it has a content (``quoted_verb``:
    the verb opens a quotation of how the speaker put it, see :func:`_takes_a_stance`)."""
    quotes = ctx.quotes
    # A reporting verb inside a quotation is part of someone's words, not the article's report.
    if quotes.contains_token(verb) and not quoted_verb:
        return None
    subj = _speaker(verb, quotes)
    reported = passive_subject(verb, subj)
    head, prep, cue_last = _complement(verb, subj, quotes)
    content_toks, subj = _content_tokens(verb, subj, reported, head, prep)
    paragraph: tuple[int, int] | None = None
    if not content_toks:
        content_toks, paragraph = _content_elsewhere(verb, subj, prep, cue_last, quotes)
    if not content_toks:
        return None
    content = _content_spans(verb, subj, content_toks, paragraph, quotes)
    if not content:
        return None
    src_toks = source_tokens(subj, verb) if subj is not None else []
    return Attribution.from_spans(
        ctx.text,
        source=spans_of(src_toks, trim_edges=False) or None,
        cue=spans_of(cue_tokens(verb, subj, prep, cue_last), trim_edges=False) or None,
        content=content,
        kind=quotes.kind(content),
        stance=verb_stance(verb, head),
        cue_index=verb.i,
    )


# "X joined Y in condemning Z": the verbs whose subject also speaks the gerund after "in".
_JOIN_VERBS = frozenset({"join", "lead"})


def joined_speaker(verb: Token) -> Token | None:
    """The speaker of a condemnation or denial said together with others: "Blinken was joined by
    Borrell and 47 ministers in condemning the transfer", "France joined Germany in denying it".
    The gerund has no subject of its own, and the parser often hangs "in" on the last of the
    others, so the way up passes through them to "join"."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "in":
        return None
    node = verb.head.head
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in _JOIN_VERBS:
            return next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if node.dep_ not in ("dobj", "pobj", "conj", "agent", "prep") or node.head is node:
            return None
        node = node.head
    return None


def _speaker(verb: Token, quotes: QuoteIndex) -> Token | None:
    """The subject that says it: that of the report a misattached coordinated report shares,
    else the verb's own or one shared down a chain of clauses."""
    outer = report_of_misattached(verb)
    subj = subject(outer) if outer is not None else subject(verb) or chained_subject(verb) or joined_speaker(verb)
    if subj is not None and subj.i < verb.i and quotes.contains_token(subj):
        # '"Full panic mode," said Ms. Wimes' parsed with the quoted words as the subject: the
        # speaker is the subject after the verb, if any, and the quotation is what was said.
        subj = min(
            (c for c in verb.children if c.dep_ == "nsubj" and not quotes.contains_token(c)),
            key=lambda c: abs(c.i - verb.i),
            default=None,
        )
    return subj


def _complement(
    verb: Token, subj: Token | None, quotes: QuoteIndex
) -> tuple[Token | None, Token | None, Token | None]:
    """The head of the verb's complement, its preposition and the last token the cue must reach
    (a chained verb or light object, or a copula's adjective)."""
    head, prep = content_head(verb)
    if head is not None and _quotation_instead(verb, head, subj, quotes):
        head, prep = None, None
    cue_last = copula_adjective(verb)
    if head is not None and head.i > verb.i and cue_last is None:
        head, prep, cue_last = chain_content(verb, head, prep)
    return head, prep, cue_last


def _quotation_instead(verb: Token, head: Token, subj: Token | None, quotes: QuoteIndex) -> bool:
    """'"Stay home," the officer urged residents': the quotation, not the object, is said.
    Not when the subject is borrowed ('"...," she said, referring to X': she said the
    quotation and referred to X)."""
    return (
        head.dep_ != "ccomp"
        and head.i > verb.i
        and (subj is None or subj.head.i == verb.i)
        and adjacent_quote(verb, subj, quotes, after=False) is not None
    )


def _content_tokens(
    verb: Token, subj: Token | None, reported: Token | None, head: Token | None, prep: Token | None
) -> tuple[list[Token], Token | None]:
    """The content's tokens as the parse gives them, and the speaking subject, which is none
    when the subject turns out to be part of the content."""
    if head is not None:
        content_toks = complement_tokens(verb, head, prep)
    elif reports_main_clause(verb):
        content_toks = main_clause_tokens(verb)
    else:
        content_toks = passive_content(verb, reported)
    # A raising verb's subject is what is reported on, not who speaks.
    raised = raised_subject(verb, subj, head)
    if raised is not None:
        return list(raised.subtree) + content_toks, None
    if not content_toks or head is None or head.i <= verb.i:
        return content_toks, subj
    # A reporting clause set off by commas reports the start of its sentence too.
    if subj is not None and subj.i < verb.i:
        return parenthetical_prefix(verb, subj) + content_toks, subj
    if subj is None:
        return reported_subject_prefix(verb, reported, content_toks) + content_toks, subj
    return content_toks, subj


def _content_elsewhere(
    verb: Token, subj: Token | None, prep: Token | None, cue_last: Token | None, quotes: QuoteIndex
) -> tuple[list[Token], tuple[int, int] | None]:
    """A content the parse did not hang on the verb: an adjacent quotation, the paragraph after
    a colon (returned as well, to be marked whole) or what the clause goes on to say."""
    quote = adjacent_quote(verb, subj, quotes)
    paragraph = None
    if quote is None:
        quote = paragraph = paragraph_after_colon(verb, quotes)
    if quote is not None:
        return tokens_in(verb.doc, quote), paragraph
    return trailing_content(verb, subj, prep, cue_last), None


def _content_spans(
    verb: Token,
    subj: Token | None,
    content_toks: list[Token],
    paragraph: tuple[int, int] | None,
    quotes: QuoteIndex,
) -> CharSpan:
    """The content's tokens as char spans, fitted to the quotations they touch."""
    # The content must not contain the reporting clause itself.
    content_toks = [t for t in content_toks if t.i != verb.i and (subj is None or t not in subj.subtree)]
    content_toks = trim(fill_punct_gaps(sorted(content_toks, key=lambda t: t.i)))
    if not content_toks:
        return ()
    content = quote_edges(fit_to_quotes(verb, content_toks, quotes), quotes)
    if content and paragraph is not None and paragraph[0] < content[-1][1] < paragraph[1]:
        # A paragraph reported after a colon is marked whole, its full stop included.
        content = (*content[:-1], (content[-1][0], paragraph[1]))
    return content
