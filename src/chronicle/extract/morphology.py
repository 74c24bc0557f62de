"""POS, morphology and lemmas as en_core_web_sm's attribute ruler and lemmatizer give them, faster.

The stock ``attribute_ruler`` runs its Matcher over every token with all of its ~180 patterns,
and the rule lemmatizer visits every token in Python: together they took a quarter of the
spaCy time on news (3.4 s of 14.5 s per 100 Timeline17 articles), more than the tagger and
parser.  Yet for nearly all tokens their result is a function of the token's form, tag and
dependency label, which repeat endlessly.  :class:`MemoizedMorphology` computes each distinct
case once, with the stock components' own code, and copies the result to every later token
of the same kind.

It is exact by construction:

* single-token patterns are matched by a Matcher holding exactly those patterns, on a
  one-token span, and the result is cached under (form, tag, dependency label), the only
  inputs a single-token pattern of the stock ruler reads;
* multi-token patterns ("there is", "gon na") are matched on the whole Doc by a Matcher
  holding exactly those, and the tokens they touch are never served from the cache;
* attributes are applied in the stock rule order by the stock ruler's ``set_annotations``,
  and lemmas by the stock lemmatizer, on the first token of each kind.

If the model's ruler ever holds a pattern this reasoning does not cover (one that reads
anything but LOWER, ORTH, TAG, DEP or IS_SPACE), :func:`memoizable` says no and the stock
components stay in place.  ``tests/extract/test_morphology.py`` checks token-for-token equality
with the stock components.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

__all__ = ["MemoizedMorphology", "memoizable"]

#: Token attributes whose value is fixed by (form, tag, dependency label): what a cached
#: single-token pattern may read.
_KEYED_ATTRS = frozenset({"LOWER", "ORTH", "TAG", "DEP", "IS_SPACE"})

#: Distinct token kinds remembered before the caches start again (about 100 MB).
_MAX_CACHED = 300_000

#: What one distinct case resolves to: POS, MORPH, LEMMA, TAG and DEP, as hashes/ids.
_Result = tuple[int, int, int, int, int]


def memoizable(nlp: Language) -> bool:
    """Whether the pipeline's attribute ruler and lemmatizer can be replaced exactly."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    names = nlp.pipe_names
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    return all(
        set(spec) <= _KEYED_ATTRS
        for entry in ruler.patterns
        for pattern in entry["patterns"]
        for spec in pattern
    )


class MemoizedMorphology:
    """The stock attribute ruler followed by the stock rule lemmatizer, memoized per token kind."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self._ruler = ruler
        self._lemmatizer = lemmatizer
        # The lemmatizer only ever asks whether a form is in its word index, which the model
        # ships as lists: as sets, each new word costs microseconds instead of ~70.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            if isinstance(index[pos], list):
                index[pos] = frozenset(index[pos])
        vocab = ruler.vocab
        self._single = Matcher(vocab)
        self._multi: list[_Sequence] = []
        self._rule_index: dict[int, int] = {}
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self._single.add(str(attr_id), [pattern])
                else:
                    self._multi.append(_Sequence(vocab, str(attr_id), pattern))
            self._rule_index[attr_id] = int(entry["index"])
        self._strings = vocab.strings
        single = [p[0] for e in ruler.patterns for p in e["patterns"] if len(p) == 1]
        # Rules read the lower-cased form unless some rule reads the exact one.
        self._rule_form = ORTH if any("ORTH" in spec for spec in single) else LOWER
        # A single-token rule names the words it applies to, so every other word is the same
        # to the rules: keying those as one ("the word is not named") makes the rule lookup
        # a few hundred (tag, label) cases instead of one per word.
        self._named = _named_words(single)
        self._rule_forms: dict[int, int] = {}
        self._rules: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self._results: dict[tuple[int, int, int], _Result] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        extra = self._multi_token_rules(doc)
        if len(self._results) > _MAX_CACHED:
            # A bound on memory over millions of articles; the cost is a cold start.
            self._rules.clear()
            self._rule_forms.clear()
            self._results.clear()
        rows = doc.to_array([ORTH, self._rule_form, IS_SPACE, TAG, DEP]).tolist()
        rule_forms = self._rule_forms
        results = self._results
        out: list[list[int]] = []
        fixups: list[tuple[int, int, int]] = []
        for i, (orth, form, space, tag, dep) in enumerate(rows):
            result = None if i in extra else results.get((orth, tag, dep))
            if result is None:
                rule_form = rule_forms.get(form)
                if rule_form is None:
                    rule_form = rule_forms[form] = self._rule_form_of(form)
                key = (rule_form, space, tag, dep)
                rules = self._rules.get(key)
                if rules is None:
                    rules = self._rules[key] = self._single_token_rules(doc, i)
                if i in extra:
                    rules = tuple(sorted(rules + extra[i]))
                result = self._resolve(doc, i, rules)
                if i not in extra:
                    results[(orth, tag, dep)] = result
            pos, morph, lemma, new_tag, new_dep = result
            out.append([pos, morph, lemma])
            if new_tag != tag or new_dep != dep:
                fixups.append((i, new_tag, new_dep))
        # Fix-ups first: a whitespace token's new tag must not be overwritten afterwards.
        for i, new_tag, new_dep in fixups:
            token = doc[i]
            token.tag = new_tag
            token.dep = new_dep
        doc.from_array([POS, MORPH, LEMMA], _as_array(out))
        return doc

    def _rule_form_of(self, form: int) -> int:
        """The form itself if some rule names it, else 0 (the same to every rule)."""
        if self._named is None:
            return form
        words, patterns = self._named
        text = self._strings[form]
        return form if text in words or any(p.search(text) for p in patterns) else 0

    def _single_token_rules(self, doc: Doc, i: int) -> tuple[int, ...]:
        matches = self._single(doc[i : i + 1], as_spans=False, allow_missing=True)
        return tuple(sorted({int(self._strings[m_id]) for m_id, _, _ in matches}))

    def _multi_token_rules(self, doc: Doc) -> dict[int, tuple[int, ...]]:
        found: dict[int, list[int]] = {}
        lower = doc.to_array(LOWER)
        matches = [m for sequence in self._multi for m in sequence.matches(doc, lower)]
        for m_id, start, end in matches:
            attr_id = int(self._strings[m_id])
            index = self._rule_index[attr_id]
            target = start + index if index >= 0 else end + index
            found.setdefault(target, []).append(attr_id)
        return {i: tuple(ids) for i, ids in found.items()}

    def _resolve(self, doc: Doc, i: int, rules: Sequence[int]) -> _Result:
        """Apply the stock ruler's rules and the stock lemmatizer to token ``i``, and read back."""
        # The stock ruler applies a rule to ``span[index]`` of its match: give it the span
        # that puts this token there.
        matches = []
        for attr_id in rules:
            index = self._rule_index[attr_id]
            start, end = (i - index, i + 1) if index >= 0 else (i, i - index)
            matches.append((attr_id, self._strings[str(attr_id)], start, end))
        token = doc[i]
        self._ruler.set_annotations(doc, matches)
        if token.lemma == 0:
            token.lemma_ = self._lemmatizer.lemmatize(token)[0]
        morph: int = token.morph.key  # type: ignore[attr-defined]  # spaCy stubs lack it
        return (token.pos, morph, token.lemma, token.tag, token.dep)


class _Sequence:
    """One multi-token rule, matched only where its most selective word occurs.

    Rules are fixed-length (no operators), so matching the rule's own Matcher on the window
    around each occurrence of a word the rule names finds exactly its matches in the Doc,
    without the Matcher walking every token.
    """

    def __init__(self, vocab: Any, key: str, pattern: list[dict[str, Any]]) -> None:
        self._matcher = Matcher(vocab)
        self._matcher.add(key, [pattern])
        self._length = len(pattern)
        self._anchor: tuple[int, Any] | None = None
        for offset, spec in enumerate(pattern):
            value = spec.get("LOWER")
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if words:
                self._anchor = (offset, numpy.array([vocab.strings.add(w) for w in words], dtype="uint64"))
                break

    def matches(self, doc: Doc, lower: Any) -> list[tuple[int, int, int]]:
        if self._anchor is None:
            return list(self._matcher(doc, as_spans=False, allow_missing=True))
        offset, words = self._anchor
        found: list[tuple[int, int, int]] = []
        for i in numpy.flatnonzero(numpy.isin(lower, words)).tolist():
            start = i - offset
            if start < 0 or start + self._length > len(doc):
                continue
            window = doc[start : start + self._length]
            found.extend((m_id, start + s, start + e) for m_id, s, e in
                         self._matcher(window, as_spans=False, allow_missing=True))
        return found


def _named_words(specs: Sequence[dict[str, Any]]) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]] | None:
    """The forms single-token rules name (as words and as patterns), or None when a rule reads
    the form in some other way (``NOT_IN``: then every form may differ)."""
    words: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for spec in specs:
        for attr in ("LOWER", "ORTH"):
            value = spec.get(attr)
            if value is None:
                continue
            if isinstance(value, str):
                words.add(value)
            elif isinstance(value, dict) and set(value) == {"IN"}:
                words.update(value["IN"])
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                patterns.append(re.compile(value["REGEX"]))
            else:
                return None
    return frozenset(words), tuple(patterns)


def _as_array(rows: list[list[int]]) -> Any:
    # Typed Any: spaCy's stubs ask for thinc's Ints2d, which a numpy array is at run time.
    return numpy.asarray(rows, dtype="uint64")
