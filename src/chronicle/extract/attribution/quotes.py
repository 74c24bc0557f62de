"""Quotations: where they are in the text, and the quotation marks among a parse's tokens."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from chronicle.extract.attribution.record import CharSpan
from chronicle.extract.components import doc_text

_QUOTE_RE = re.compile(r"“|”|\"|''|``")
_CLOSERS = frozenset(["”", "\"", "''"])
#: The one-character quotation marks.
MARK_CHARS = frozenset("\"“”")
#: Quotation marks as spaCy tokenises them.
QUOTE_MARKS = ("“", "”", '"', "''", "``")
_QUOTE_MARKS_KEY = "chronicle.quote_marks"


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
    return para[:start].count(" ") >= 2 and not any(q in para[:start] for q in MARK_CHARS)


class QuoteIndex:
    """The quotations of one article, with the questions the extractor asks about them."""

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

    def contains_token(self, tok: Token) -> bool:
        """Whether ``tok`` stands inside a quotation: someone's words, not the article's."""
        return self.containing(tok.idx, tok.idx + len(tok.text)) is not None

    def starting_in(self, s: int, e: int) -> tuple[int, int] | None:
        """The first quote that opens inside [s, e), if any."""
        for qs, qe in self.spans:
            if s <= qs < e:
                return (qs, qe)
            if qs >= e:
                break
        return None

    def next_after(self, pos: int) -> tuple[int, int] | None:
        """The first quote that opens at or after ``pos``, if any."""
        for qs, qe in self.spans:
            if qs >= pos:
                return (qs, qe)
        return None

    def start_of_quote_ending_at(self, end: int) -> int | None:
        """Where the quotation that ends at ``end`` starts, if one does."""
        return self._starts_by_end.get(end)

    @functools.cached_property
    def _starts_by_end(self) -> dict[int, int]:
        return {qe: qs for qs, qe in self.spans}

    def kind(self, content: CharSpan) -> str:
        """Whether a content is quoted: "direct" when quotations cover it (give or take two
        characters), "mixed" when they cover part of it, "indirect" otherwise."""
        inside = 0
        total = 0
        for s, e in content:
            total += e - s
            for qs, qe in self.spans:
                inside += max(0, min(e, qe) - max(s, qs))
        if total and inside >= total - 2:
            return "direct"
        return "mixed" if inside else "indirect"


def is_quote_mark(tok: Token) -> bool:
    return tok.text in QUOTE_MARKS


def quote_mark_indices(doc: Doc) -> list[int]:
    """Token indices of the article's quotation marks, in order; found once per Doc, because
    every cue candidate asks about its sentence."""
    found = doc.user_data.get(_QUOTE_MARKS_KEY)
    if not isinstance(found, list):
        text = doc_text(doc)
        found = []
        if any(m in text for m in QUOTE_MARKS):
            found = [t.i for t in doc if t.text in QUOTE_MARKS]
        doc.user_data[_QUOTE_MARKS_KEY] = found
    return found
