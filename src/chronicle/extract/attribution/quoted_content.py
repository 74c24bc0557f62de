"""A content and the quotations around it: quotations that are the content, and contents
stretched to the whole quotations they touch, the pieces of a split quotation included."""

from __future__ import annotations

import re

from spacy.tokens import Token

from chronicle.extract.attribution.lexicon import ABBREVIATION_RE
from chronicle.extract.attribution.quotes import MARK_CHARS, QuoteIndex
from chronicle.extract.attribution.record import CharSpan
from chronicle.extract.attribution.spans import char_span, contiguous, merge, trim

#: How far (in characters) the next piece of a quotation may follow its reporting clause.
_CLAUSE_GAP = 200

#: A quoted title: a few capitalised words in quotation marks ('on “Meet the Press.”').
_TITLE_RE = re.compile(
    r"[“\"][A-Z][\w’'.&-]*(?:[ ,:]+(?:[A-Z][\w’'.&-]*|of|the|and|a|an|in|on|for|to|with)){0,6}[”\"]"
)


def adjacent_quote(
    verb: Token, subj: Token | None, quotes: QuoteIndex, after: bool = True
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


def paragraph_after_colon(verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
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


def fit_to_quotes(cue: Token, toks: list[Token], quotes: QuoteIndex) -> CharSpan:
    """Char spans of the content, stretched to whole quotations where it is quoted."""
    runs = [r for r in (trim(r) for r in contiguous(toks)) if r]
    spans: list[tuple[int, int]] = []
    for run in runs:
        cs = char_span(run)
        if cs is not None:
            spans.append(_fit_run(cs, quotes))
    if not spans:
        return ()
    merged = merge(quotes.text, spans)
    if any(q in merged for q in quotes.spans):
        merged = _extend_quote(cue, merged, quotes)
    return merged


def _fit_run(cs: tuple[int, int], quotes: QuoteIndex) -> tuple[int, int]:
    """One contiguous piece of a content, as the quotation it lies in or runs into."""
    s, e = cs
    q = quotes.containing(s, e) or quotes.containing(s + 1, e - 1)
    if q is not None:
        return q
    # A content that runs into a quotation ends with the quotation's closing mark.
    q = quotes.starting_in(s, e)
    if q is not None and q[0] > s and q[1] >= e - 1 and quotes.text[s : q[0]].rstrip().endswith((",", ":")):
        # 'telling Mic in an interview, "..."': a quotation set off by a comma or colon is
        # the whole content; the words before it are the reporting clause's adjuncts.
        return q
    if q is not None and q[1] > e:
        e = q[1]
    elif e < len(quotes.text) and quotes.text[e : e + 2].strip() in ("”", '"', "''", ".”", '."', ".'", ",'"):
        # The closing mark of a quotation the content ends in, with the stop before it
        # ('...allegations are false.\'\'' in papers that set quotes as two apostrophes).
        nxt = quotes.text[e : e + 3].rstrip()
        e += len(nxt) if nxt.endswith(("”", '"', "''")) else 0
    return (s, e)


def quote_edges(content: CharSpan, quotes: QuoteIndex) -> CharSpan:
    """Quotation marks at the edges of a content, as PolNeAR has them: 'said “it gets me mad”
    every time' starts at the opening mark the parse leaves out, and a closing mark left over
    from the paragraph before is not part of it."""
    if not content:
        return content
    text = quotes.text
    s, e = content[0]
    if text[s : s + 1] in MARK_CHARS and "\n" in text[s + 1 : s + 3]:
        s += 1
        while s < e and text[s].isspace():
            s += 1
    elif s > 0 and text[s - 1] in "“\"" and any(qs == s - 1 for qs, _ in quotes.spans):
        s -= 1
    if s >= e:
        return content[1:]
    return ((s, e), *content[1:])


def _extend_quote(verb: Token, spans: CharSpan, quotes: QuoteIndex) -> CharSpan:
    """Add the other pieces of a quotation that the reporting clause interrupts or precedes.

    News style splits one quotation around its attribution ('"A," he said. "B."' or
    '"A," he said, "B."'); PolNeAR annotates all pieces, up to the end of the paragraph, as one
    discontinuous content.
    """
    text = quotes.text
    clause_lo, clause_hi = _reporting_clause(verb)
    para_end = _line_end(text, clause_hi)
    out = list(spans)
    if spans[0][0] > clause_hi:
        opening = _piece_before(quotes, clause_lo)
        if opening is not None:
            out.append(opening)
    pos = max(e for _, e in out)
    if pos <= clause_lo:
        following = _piece_after(quotes, clause_hi, para_end)
        if following is not None:
            out.append(following)
            pos = following[1]
    out.extend(_pieces_from(quotes, pos, para_end))
    return merge(text, out)


def _reporting_clause(verb: Token) -> tuple[int, int]:
    """Character extent of the reporting clause: the verb with its subject and the auxiliaries,
    negation and adverbs just before it."""
    clause_lo = verb.idx
    clause_hi = verb.idx + len(verb.text)
    for t in verb.children:
        if t.i < verb.i and t.dep_ in ("aux", "auxpass", "neg", "advmod") and t.i > verb.i - 4:
            clause_lo = min(clause_lo, t.idx)
        if t.dep_ in ("nsubj", "nsubjpass") and t.i > verb.i:
            clause_hi = max(clause_hi, t.right_edge.idx + len(t.right_edge.text))
        if t.dep_ in ("nsubj", "nsubjpass") and t.i < verb.i:
            clause_lo = min(clause_lo, t.left_edge.idx)
    return clause_lo, clause_hi


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _piece_before(quotes: QuoteIndex, clause_lo: int) -> tuple[int, int] | None:
    """'X said, "B."' preceded by '"A,"': the opening piece sits right before the clause."""
    text = quotes.text
    para_start = text.rfind("\n", 0, clause_lo) + 1
    for qs, qe in reversed(quotes.spans):
        if qe <= clause_lo:
            if qs >= para_start and text[qe:clause_lo].strip(" ,") == "":
                return (qs, qe)
            break
    return None


def _piece_after(quotes: QuoteIndex, clause_hi: int, para_end: int) -> tuple[int, int] | None:
    """'"A," he said on Thursday. "B."': the next piece follows the clause and its adjuncts."""
    text = quotes.text
    q = quotes.next_after(clause_hi)
    # A quoted title among the adjuncts ('said on “Meet the Press.”') is not the next piece.
    while q is not None and q[1] < para_end and _TITLE_RE.fullmatch(text, q[0], q[1]):
        q = quotes.next_after(q[1])
    if q is None or q[0] >= para_end or q[0] - clause_hi >= _CLAUSE_GAP:
        return None
    gap = _TITLE_RE.sub(_title_stand_in, ABBREVIATION_RE.sub("A", text[clause_hi : q[0]].rstrip()))
    # Only the end of the clause's own sentence, and nothing quoted or said in between.
    if gap.endswith((",", ".", ":")) and not any(m in gap for m in ("“", '"', "''", ". ", "? ", "! ")):
        return q
    return None


def _pieces_from(quotes: QuoteIndex, pos: int, para_end: int) -> list[tuple[int, int]]:
    """The pieces that go on from ``pos``: the rest of the paragraph's quotation, and following
    paragraphs that are nothing but a quotation (news style attributes a run of quoted
    paragraphs once)."""
    text = quotes.text
    out: list[tuple[int, int]] = []
    while True:
        q = quotes.next_after(pos)
        if q is None:
            break
        gap = text[pos : q[0]]
        if q[0] < para_end and gap.strip(" \t.,;:") == "":
            out.append(q)
            pos = q[1]
            continue
        line_end = _line_end(text, q[1])
        rest = text[q[1] : line_end]
        between = text[para_end : q[0]]
        if q[0] >= para_end and between.strip() == "" and between.count("\n") <= 2 and rest.strip() == "":
            out.append(q)
            pos = q[1]
            para_end = line_end
            continue
        break
    return out


def _title_stand_in(m: re.Match[str]) -> str:
    """A quoted title as a plain word, keeping a full stop set inside its marks ('“Report.”')."""
    return "T." if m.group()[:-1].endswith(".") else "T"
