"""spaCy component wrappers around chronicle functions that work on plain text."""

from __future__ import annotations

from spacy.tokens import Doc

from chronicle.extract.timex import tag

__all__ = ["timex_component"]


def timex_component(doc: Doc) -> Doc:
    """Tag the whole article at once so the narrative reference time moves through it."""
    doc._.timexes = tag(doc.text, doc._.dct)
    return doc
