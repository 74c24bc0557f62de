"""The source and the cue of a reporting verb, as PolNeAR marks them."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.attribution.lexicon import WEEKDAYS, WH_ADVERBS
from chronicle.extract.attribution.quotes import is_quote_mark
from chronicle.extract.attribution.spans import contiguous, trim


def source_tokens(subj: Token, verb: Token) -> list[Token]:
    """The subject noun phrase as PolNeAR marks it.

    An appositive or relative clause set off by commas keeps its closing comma ("Evans, the
    Georgia committeeman, said"), which is how the annotators marked such sources.
    """
    doc = verb.doc
    # A subject subtree may swallow the verb's own material when the parse is off; keep only
    # the contiguous block around the subject head, and never cross a paragraph break.
    toks = [t for t in subj.subtree if (t.i < verb.i) == (subj.i < verb.i)]
    run = next((r for r in contiguous(toks) if any(t.i == subj.i for t in r)), [subj])
    breaks = [k for k, t in enumerate(run) if "\n" in t.text and t.i < subj.i]
    if breaks:
        run = run[breaks[-1] + 1 :]
    while run and (is_quote_mark(run[0]) or run[0].is_space):
        run = run[1:]
    had_comma = any(t.text == "," for t in run[1:-1])
    run = trim(run)
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


def cue_tokens(
    verb: Token, subj: Token | None, content_prep: Token | None, last: Token | None = None
) -> list[Token]:
    """The verb with the material PolNeAR puts in a cue: auxiliaries, negation, adjacent adverbs
    ("has repeatedly said"), particles, a following colon, a bare weekday ("said Sunday") and
    "in a statement" directly after the verb (48 to 23 on the training split; "in an interview"
    is left out of the cue 27 to 20)."""
    doc = verb.doc
    start, end = _verb_group(verb, subj)
    # Right-hand extensions, each only when directly adjacent to what is already in the cue.
    end = _adjunct_after(verb, end)
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


def _verb_group(verb: Token, subj: Token | None) -> tuple[int, int]:
    """Token range of the verb with its auxiliaries, negation and adverbs before it and its
    particles after it, as far as they are adjacent and not part of the subject."""
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
    return start, end


def _adjunct_after(verb: Token, end: int) -> int:
    """The cue's end past an adverb, a bare weekday or "in a statement" right after it."""
    doc = verb.doc
    if end >= len(doc):
        return end
    nxt = doc[end]
    if nxt.dep_ == "advmod" and nxt.head.i == verb.i and nxt.lower_ not in WH_ADVERBS and nxt.pos_ == "ADV":
        return end + 1
    if nxt.dep_ == "npadvmod" and nxt.head.i == verb.i and nxt.lower_ in WEEKDAYS:
        return end + 1
    if (
        nxt.lower_ == "in"
        and end + 2 < len(doc)
        and doc[end + 1].lower_ in ("a", "an", "the")
        and doc[end + 2].lower_ in ("statement",)
    ):
        return end + 3
    return end
