"""The extraction pipeline: spaCy's English model plus chronicle's own components.

Every chronicle component is a small ``Doc -> Doc`` step registered here, in one
place, with what it needs and what it sets, the way spaCy's own components are.
Registration happens in :func:`build_nlp`, never at import time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc

from chronicle.extract.morphology import MemoizedMorphology, memoizable
from chronicle.extract.nlp import load_spacy_model

__all__ = ["COMPONENTS", "MORPHOLOGY", "PARAGRAPHS", "ComponentSpec", "build_nlp", "ensure_extensions", "make_doc", "pipeline_version"]


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """A chronicle component: its spaCy name, where its function lives, needs and sets."""

    name: str
    target: str  # "module:function", imported when the pipeline is built
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


#: chronicle's components, in pipeline order.
COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        "chronicle_timex",
        "chronicle.extract.components:timex_component",
        requires=("doc._.dct",),
        assigns=("doc._.timexes",),
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
_DOC_EXTENSIONS = ("dct", "article_id", "timexes", "entities", "attributions", "claims", "events")


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


def make_doc(nlp: Language, text: str, *, dct: dt.date | None, article_id: str | None = None) -> Doc:
    """A tokenized Doc carrying the article's creation date, ready for ``nlp.pipe``.

    spaCy runs components on Docs passed in, so the date is on the Doc before any
    component (the temporal tagger needs it) sees it.
    """
    doc = nlp.make_doc(text)
    doc._.dct = dct
    doc._.article_id = article_id
    return doc


def pipeline_version() -> str:
    """A fingerprint of the language pipeline: the model and the code of every component.

    Stored analyses carry it, so any change to a component's code makes the store redo
    them instead of serving stale results; nobody has to remember to bump a number.
    """
    from chronicle.extract.nlp import MODEL_PACKAGES

    digest = hashlib.sha1()
    for spec in COMPONENTS:
        digest.update(spec.name.encode())
        module = importlib.import_module(spec.target.partition(":")[0])
        digest.update(_source_bytes(module))
    drivers = ("chronicle.extract.timex", "chronicle.extract.analysis", "chronicle.extract.boilerplate",
               "chronicle.extract.morphology", "chronicle.extract.nlp")
    for driver in drivers:
        digest.update(_source_bytes(importlib.import_module(driver)))
    digest.update(Path(__file__).read_bytes())
    digest.update(",".join(MODEL_PACKAGES).encode())
    return "nlp/" + digest.hexdigest()[:16]


def _source_bytes(module: ModuleType) -> bytes:
    """The source of a module, or of every module of a package."""
    path = Path(module.__file__ or "")
    files = sorted(path.parent.glob("*.py")) if path.name == "__init__.py" else [path]
    return b"".join(f.read_bytes() for f in files if f.is_file())
