"""chronicle's own pipeline components that work on an article's text, not on the model's parse.

They run inside the spaCy pipeline when the language model is used, and on their own (on Docs
that carry only the article) when it is not: see :mod:`chronicle.extract.pipeline`.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import numpy as np
from spacy.tokens import Doc

from chronicle.extract.sentences import split_sentences
from chronicle.extract.timex import tag
from chronicle.models import Article, Sentence, Timex

__all__ = [
    "MAX_SENTENCE_TOKENS",
    "article_text",
    "doc_text",
    "paragraph_component",
    "remember_text",
    "sentences_component",
    "timex_component",
]

#: The longest sentence the parser reads, in tokens: a longer run without a full stop, a
#: question or exclamation mark or a line break is cut into pieces of this length. Real
#: sentences are far shorter (news averages about 25 tokens); a run-on "sentence" of 100,000
#: characters took the parser and the event steps minutes, since the work on one sentence
#: grows with the square of its length.
MAX_SENTENCE_TOKENS = 200
_TERMINALS = (".", "!", "?", "\n")

_TEXT_KEY = "chronicle.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc.

    spaCy rebuilds ``Doc.text`` from every token on each read (about 2 ms for a news article),
    and every component needs it; a plain string in ``user_data`` survives Doc serialization.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell :func:`doc_text` the Doc's text when it is known already (the text it was made from)."""
    doc.user_data[_TEXT_KEY] = text


def article_text(doc: Doc) -> str:
    """The whole article's text: the Doc holds only its body (readers' comments are cut off)."""
    article: Article | None = doc._.article
    return article.text if article is not None else doc_text(doc)


def timex_component(doc: Doc) -> Doc:
    """Tag the whole article at once so the narrative reference time moves through it.

    The whole article, comments included, as the dates of every sentence were always read:
    the body's offsets are the same in both, since the body is the article's beginning.
    """
    doc._.timexes = tag(article_text(doc), doc._.dct)
    return doc


def sentences_component(doc: Doc) -> Doc:
    """The article's sentences (the fast rule splitter's, cut at the edges of page furniture),
    each with its time expressions."""
    text = article_text(doc)
    article: Article | None = doc._.article
    article_id = article.id if article is not None else (doc._.article_id or "")
    timexes: list[Timex] = doc._.timexes or []
    # Furniture glued to a sentence ("Photograph: Jane Roe/AP The port reopened ...") is a
    # sentence of its own, so that a sentence is all furniture or none.
    breaks = [offset for span in doc._.furniture or () for offset in span]
    sentences: list[Sentence] = []
    cursor = 0
    for index, (start, end) in enumerate(split_sentences(text, breaks)):
        inside: list[Timex] = []
        while cursor < len(timexes) and timexes[cursor].start < end:
            if timexes[cursor].start >= start:
                inside.append(timexes[cursor])
            cursor += 1
        sentences.append(Sentence(article_id, index, start, end, text[start:end], tuple(inside)))
    doc._.sentences = tuple(sentences)
    return doc


def paragraph_component(doc: Doc) -> Doc:
    """Start a sentence after each paragraph break, before the parser runs.

    The model's parser often runs a sentence on across a paragraph break, most of all after a
    quoted paragraph: the closing mark and the next paragraph's opening become one sentence,
    and the quotation after them is read as part of it. A blank line always ends a sentence;
    a single line break does unless it sits inside hard-wrapped prose (a line that does not end
    like a sentence, then a lower-case word).
    """
    text = doc_text(doc)
    # Token starts from one array read: a Python loop over every token cost 2 ms an article.
    starts = doc.to_array("IDX")
    for m in _BREAK_RE.finditer(text):
        i = _token_starting_at(doc, starts, m.end())
        if i is None:
            continue
        if m.group().count("\n") == 1 and text[m.end()].islower():
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].rstrip()
            if line and line[-1] not in _LINE_ENDS:
                continue
        doc[i].is_sent_start = True
    _cap_sentences(doc)
    # A dateline or a transcript speaker ("SEOUL: ...", "HOST: ...") is a unit of its own: the
    # parser otherwise takes "SEOUL" for the subject of the sentence after it.
    for m in _LABEL_RE.finditer(text):
        i = _token_starting_at(doc, starts, m.end())
        if i is not None:
            doc[i].is_sent_start = True
    return doc


def _token_starting_at(doc: Doc, starts: Any, char: int) -> int | None:
    """The index of the token that starts at ``char``, unless it is the first or there is none."""
    i = int(np.searchsorted(starts, char))
    return i if 0 < i < len(doc) and starts[i] == char else None


_BREAK_RE = re.compile(r"\n\s*")
_LABEL_RE = re.compile(r"^[\"“]?[A-Z][A-Z.'’ -]{1,30}:[^\S\n]+(?=\S)", re.MULTILINE)
#: A single line break after a line that ends with none of these, before a lower-case word, is
#: a line of hard-wrapped prose.
_LINE_ENDS = frozenset(".!?:;\"'”’)")


def _cap_sentences(doc: Doc) -> None:
    """Start a sentence every :data:`MAX_SENTENCE_TOKENS` tokens of a run with no sentence end."""
    n = len(doc)
    if n <= MAX_SENTENCE_TOKENS:
        return
    ends = np.isin(doc.to_array("ORTH"), [doc.vocab.strings.add(t) for t in _TERMINALS])
    boundary = doc.to_array("SENT_START") == 1
    boundary[1:] |= ends[:-1]
    boundary[0] = True
    edges = [*np.flatnonzero(boundary).tolist(), n]
    for start, stop in itertools.pairwise(edges):
        for i in range(start + MAX_SENTENCE_TOKENS, stop, MAX_SENTENCE_TOKENS):
            doc[i].is_sent_start = True
