"""From tokens to character spans, trimmed the way PolNeAR's annotators marked them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from chronicle.extract.attribution.quotes import is_quote_mark
from chronicle.extract.attribution.record import CharSpan


def trim(tokens: Sequence[Token]) -> list[Token]:
    """Drop edge punctuation that the annotators leave out (quote marks are handled elsewhere)."""
    toks = list(tokens)
    while toks and (
        ((toks[-1].is_punct or toks[-1].is_space) and not is_quote_mark(toks[-1]) and not _closes_inside(toks))
        or (toks[-1].dep_ == "cc" and len(toks) > 1)
    ):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space) and not is_quote_mark(toks[0]):
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


def char_span(tokens: Sequence[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def contiguous(tokens: Iterable[Token]) -> list[list[Token]]:
    """Split sorted tokens into runs of consecutive indices."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda x: x.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def spans_of(tokens: Iterable[Token], trim_edges: bool = True) -> CharSpan:
    out: list[tuple[int, int]] = []
    for run in contiguous(tokens):
        run = trim(run) if trim_edges else run
        cs = char_span(run)
        if cs:
            out.append(cs)
    return tuple(out)


def tokens_in(doc: Doc, span: tuple[int, int]) -> list[Token]:
    """The tokens that a character span touches."""
    return list(doc.char_span(span[0], span[1], alignment_mode="expand") or [])


def merge(text: str, spans: Iterable[tuple[int, int]]) -> CharSpan:
    """Sorted spans, those that overlap or lie only whitespace apart made one."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and (s <= merged[-1][1] or text[merged[-1][1] : s].strip() == ""):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


def fill_punct_gaps(toks: list[Token]) -> list[Token]:
    """Close gaps made only of punctuation ("hopefuls: Jeb!, Carson"): the parser hangs such
    colons and dashes on the verb, but they sit inside the annotated content."""
    if not toks:
        return toks
    doc = toks[0].doc
    out: list[Token] = [toks[0]]
    for t in toks[1:]:
        gap = doc[out[-1].i + 1 : t.i]
        if 0 < len(gap) <= 2 and all(g.is_punct and not is_quote_mark(g) and g.text not in ".?!" for g in gap):
            out.extend(gap)
        out.append(t)
    return out
