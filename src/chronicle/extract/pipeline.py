"""The extraction pipeline: spaCy's English model plus chronicle's own components.

Every chronicle component is a small ``Doc -> Doc`` step registered here, in one place, with
what it needs, what it sets and whether it needs the language model, the way spaCy's own
components are. One sequence serves both ways of running:

* with the language model (:func:`build_nlp`): the model's pipeline, then every component;
* without it (``--no-language``, :func:`text_steps`): only the components that need no model,
  on Docs that carry the article but no tokens (tokenizing costs as much as the time tagger).

Registration with spaCy happens in :func:`build_nlp`, never at import time.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronicle.extract.components import remember_text
from chronicle.extract.furniture import page_furniture
from chronicle.extract.morphology import MemoizedMorphology, memoizable
from chronicle.extract.nlp import load_spacy_model
from chronicle.models import Article

__all__ = [
    "COMPONENTS",
    "MAX_PARSED_CHARS",
    "MAX_WORD_CHARS",
    "MORPHOLOGY",
    "PARAGRAPHS",
    "ComponentSpec",
    "build_nlp",
    "ensure_extensions",
    "make_doc",
    "make_text_doc",
    "text_steps",
    "tokenize",
]

#: The language model reads at most this many characters of an article (the rest keeps its
#: dates and sentences, from the model-free steps, but gives no entities, claims or events).
#: A news article is a few thousand characters; parsing costs memory in proportion to length,
#: and 200,000 characters keeps one article's parse well under a gigabyte.
MAX_PARSED_CHARS = 200_000
#: A run of this many characters without a space is no word the tokenizer should split: it is
#: cut into tokens of this length instead (spaCy's prefix and suffix search on one such run
#: costs the square of its length: 50,000 emoji in a row took 280 s and a gigabyte).
MAX_WORD_CHARS = 150
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """A chronicle component: its spaCy name, where its function lives, needs and sets."""

    name: str
    target: str  # "module:function", imported when the pipeline is built
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    #: Whether it reads what the language model sets (tokens, tags, parse, entities).
    model: bool = True


#: chronicle's components, in pipeline order.
COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        "chronicle_furniture",
        "chronicle.extract.furniture:furniture_component",
        requires=("doc._.article",),
        assigns=("doc._.furniture",),
        model=False,
    ),
    ComponentSpec(
        "chronicle_timex",
        "chronicle.extract.components:timex_component",
        requires=("doc._.article", "doc._.dct"),
        assigns=("doc._.timexes",),
        model=False,
    ),
    ComponentSpec(
        "chronicle_sentences",
        "chronicle.extract.components:sentences_component",
        requires=("doc._.article", "doc._.timexes", "doc._.furniture"),
        assigns=("doc._.sentences",),
        model=False,
    ),
    ComponentSpec(
        "chronicle_entities",
        "chronicle.extract.entities:entities_component",
        requires=("token.ent_type", "doc.ents"),
        assigns=("doc._.entities",),
    ),
    ComponentSpec(
        "chronicle_attribution",
        "chronicle.extract.attribution:attribution_component",
        requires=("token.dep", "doc.ents"),
        assigns=("doc._.attributions",),
    ),
    ComponentSpec(
        "chronicle_events",
        "chronicle.extract.events:events_component",
        requires=("doc._.timexes", "doc._.entities"),
        assigns=("doc._.events",),
    ),
    ComponentSpec(
        "chronicle_mentions",
        "chronicle.extract.mentions:mentions_component",
        requires=("doc._.article", "doc._.sentences", "doc._.furniture"),
        assigns=("doc._.mentions",),
        model=False,
    ),
)

#: The memoized stand-in for the model's attribute ruler and lemmatizer (not in COMPONENTS: it is
#: built from the loaded model's own components rather than imported).
MORPHOLOGY = "chronicle_morphology"

#: Sentence starts at line breaks, set before the model's parser (not in COMPONENTS: it must run
#: inside the model's pipeline, and every parse needs it, whichever components are chosen).
PARAGRAPHS = ComponentSpec(
    "chronicle_paragraphs",
    "chronicle.extract.components:paragraph_component",
    requires=("token.is_space",),
    assigns=("token.is_sent_start",),
)

#: Custom attributes chronicle components read and write on a Doc.
_DOC_EXTENSIONS = ("article", "dct", "article_id", "furniture", "timexes", "sentences", "entities", "attributions",
                   "claims", "events", "mentions")


def ensure_extensions() -> None:
    """Declare chronicle's ``Doc._`` attributes (idempotent)."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _load(target: str) -> Callable[[Doc], Doc]:
    module_name, _, attr = target.partition(":")
    func: Callable[[Doc], Doc] = getattr(importlib.import_module(module_name), attr)
    return func


def build_nlp(*, components: tuple[str, ...] | None = None, disable: tuple[str, ...] = ()) -> Language:
    """spaCy's en_core_web_sm with chronicle's components appended.

    Two chronicle steps always run inside the model's own pipeline: sentence starts at
    paragraph breaks before the parser, and the memoized attribute ruler and lemmatizer.

    ``components`` selects chronicle components by name (default: all); ``disable``
    turns off spaCy components a caller does not need (e.g. ``("ner",)``).
    """
    ensure_extensions()
    nlp: Language = load_spacy_model(disable=disable)
    _memoize_morphology(nlp)
    if "parser" in nlp.pipe_names:
        _add(nlp, PARAGRAPHS, before="parser")
    for spec in COMPONENTS:
        if components is not None and spec.name not in components:
            continue
        _add(nlp, spec)
    return nlp


def text_steps() -> list[Callable[[Doc], Doc]]:
    """The components that need no language model, in pipeline order."""
    ensure_extensions()
    return [_load(spec.target) for spec in COMPONENTS if not spec.model]


def _add(nlp: Language, spec: ComponentSpec, *, before: str | None = None) -> None:
    Language.component(spec.name, requires=list(spec.requires), assigns=list(spec.assigns),
                       func=_load(spec.target))
    nlp.add_pipe(spec.name, before=before)


def _create_morphology(nlp: Language, name: str) -> MemoizedMorphology:
    return MemoizedMorphology(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def _memoize_morphology(nlp: Language) -> None:
    """Swap the model's attribute ruler and lemmatizer for their exact, memoized equivalent.

    A quarter of spaCy's time on news went to these two (see ``extract/morphology.py``).
    """
    if not memoizable(nlp):
        return
    if not Language.has_factory(MORPHOLOGY):
        Language.factory(MORPHOLOGY, requires=["token.tag", "token.dep"],
                         assigns=["token.pos", "token.morph", "token.lemma"], func=_create_morphology)
    nlp.add_pipe(MORPHOLOGY, after="lemmatizer")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")


def _carry(doc: Doc, article: Article) -> Doc:
    doc._.article = article
    doc._.dct = article.published
    doc._.article_id = article.id
    return doc


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc of the article's body, carrying the article, ready for ``nlp.pipe``.

    The body stops where readers' comments or the page's trailer start: commenters are not
    sources of the story, and on some pages their talk is most of the text. A sentence starts
    at each edge of the furniture before that (a credit or a timestamp glued to the first
    sentence), so that the parser never joins furniture to prose. spaCy runs components on
    Docs passed in, so the article, its date and its furniture are on the Doc before any
    component sees it.
    """
    furniture, body_end = page_furniture(article.text)
    if body_end > MAX_PARSED_CHARS:  # the model reads the beginning, up to a word's end
        cut = article.text.rfind(" ", 0, MAX_PARSED_CHARS)
        body_end = cut if cut > 0 else MAX_PARSED_CHARS
    body = article.text[:body_end]
    doc = _carry(tokenize(nlp, body), article)
    # The tokenizer keeps every character, so the body is the Doc's text: spaCy would rebuild
    # it from the tokens on the first read (about 4 ms an article).
    remember_text(doc, body)
    doc._.furniture = furniture
    if furniture:
        starts = [token.idx for token in doc]
        forced = set()
        for edge in {offset for span in furniture for offset in span if offset < body_end}:
            # The first token at the edge or after the spaces that follow it.
            i = bisect.bisect_left(starts, edge)
            if 0 < i < len(doc) and not article.text[edge : starts[i]].strip():
                forced.add(i)
        for i in forced:
            doc[i].is_sent_start = True
            # Left free, the parser often cuts the forced sentence after its first word.
            if i + 1 < len(doc) and i + 1 not in forced:
                doc[i + 1].is_sent_start = False
    return doc


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, except that a run of over :data:`MAX_WORD_CHARS` characters with no
    space becomes tokens of that length without going through the tokenizer."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    docs: list[Doc] = []
    position = 0
    for run in runs:
        if run.start() > position:
            docs.append(nlp.make_doc(text[position : run.start()]))
        piece = run.group()
        words = [piece[i : i + MAX_WORD_CHARS] for i in range(0, len(piece), MAX_WORD_CHARS)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        position = run.end()
    if position < len(text):
        docs.append(nlp.make_doc(text[position:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def make_text_doc(vocab: Vocab, article: Article) -> Doc:
    """A Doc with no tokens that carries the article, for the components that need no model."""
    return _carry(Doc(vocab, words=[]), article)
