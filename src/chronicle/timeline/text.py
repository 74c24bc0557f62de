"""Bag-of-words vectors for sentences: tokens, TF-IDF weights, cosine.

Sparse vectors are plain dicts: a date's candidate sentences number in the tens or
hundreds, where dict arithmetic beats building matrices.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from chronicle.treebank import readable

__all__ = ["Vector", "add_into", "clean_summary", "cosine", "idf_weights", "normalized", "readable", "terms", "tfidf"]

Vector = dict[str, float]

_WORD = re.compile(r"[a-z0-9][a-z0-9'’\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Function words and reporting boilerplate: they say nothing about what happened.
_STOPWORDS = frozenset(
    """a an the and or but nor of to in on at for from by with as is are was were be been being
    has have had having that this these those it its his her hers their theirs they them he she
    we you i me my our your not no said says say saying will would could should may might can
    must shall also after before about over into than then there here which who whom whose what
    when where while up out more most other some such only just very so if do did does doing
    -lrb- -rrb- -lsb- -rsb- 's n't us mr mrs ms dr one two per cent percent according told
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month
    year years months weeks day days january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec last next this
    since until all any both each few many much own same too now again against between during
    because through under further once off down how why""".split()
)


_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    stem = _STEMS.get(word)
    if stem is None:
        stem = _STEMS[word] = _strip_suffix(word)
    return stem


def _strip_suffix(word: str) -> str:
    # A light suffix strip so "talks"/"talk" and "killed"/"kill" meet; a full stemmer would
    # buy little for the clustering and centroid distances it feeds.
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + keep
    return word


def terms(text: str) -> list[str]:
    """The content terms of a sentence, lower-cased and lightly stemmed, in order."""
    words = (_POSSESSIVE.sub("", w) for w in _WORD.findall(text.lower()))
    return [_stem(w) for w in words if w not in _STOPWORDS and len(w) > 1]


def idf_weights(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over the given term lists."""
    df: Counter[str] = Counter()
    n = 0
    for document in documents:
        n += 1
        df.update(set(document))
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def tfidf(tokens: Iterable[str], idf: Mapping[str, float], default_idf: float) -> Vector:
    """The unit-length TF-IDF vector of a term list (sublinear term frequency)."""
    counts = Counter(tokens)
    return normalized({t: (1.0 + math.log(c)) * idf.get(t, default_idf) for t, c in counts.items()})


def normalized(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    if norm == 0.0:
        return {}
    return {t: v / norm for t, v in vector.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit-length (or empty) vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def add_into(total: Vector, vector: Mapping[str, float], weight: float = 1.0) -> None:
    for t, v in vector.items():
        total[t] = total.get(t, 0.0) + weight * v


# Page furniture glued to a lead by sentence splitting: a wire dateline with whatever byline
# or slug precedes it ("By Maggie Fox , Editor WASHINGTON | Tue Apr 21 , 2009 10:19 pm BST
# WASHINGTON (Reuters) - ", "VALMORA, Estrany (NWS) — "), or a chronology's date ("May 14 - ").
_OPEN_PAREN = r"(?:\(|-LRB-)"
_CLOSE_PAREN = r"(?:\)|-RRB-)"
_DATELINE = re.compile(
    r"^(?:.{0,80}?\|\s*)?(?:[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} ?, \d{4} \d{1,2}:\d{2} [ap]m [A-Z]{2,4}\s+)?"
    r"(?:[A-Z][A-Za-z.\\/' ]{1,40}(?:,[^-|]{1,40})?\s*)?" + _OPEN_PAREN + r"\s*(?:Reuters|Bloomberg|[A-Z]{2,5})\s*"
    + _CLOSE_PAREN + r"\s*(?:-+|—|–)\s*"
)
_DATE_PREFIX = re.compile(
    r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?: ?, \d{4})?|\d{4})\s*(?:-+|—|–|:)\s+"
    r"(?=[A-Z])"
)


# A sentence the page split inside a parenthesis ("KKR & Co LP (KKR." / "N) is increasing ..."):
# a closing bracket within its first words with no opening one before it.
_STARTS_INSIDE = re.compile(r"^[^()]{0,20}\)")


def clean_summary(sentence: str) -> str:
    """The sentence as a timeline shows it: without the dateline, byline or date that a page put
    before it, and :func:`readable`. Empty when the sentence starts inside a parenthesis (the
    page split it there): it has lost its subject, and no summary is made of it."""
    text = _DATELINE.sub("", sentence, count=1)
    text = _DATE_PREFIX.sub("", text, count=1)
    text = readable(text if len(text.split()) >= 4 else sentence)
    return "" if _STARTS_INSIDE.match(text) else text
