"""Events of one article (placeholder while the extractor is written)."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["events_component"]


def events_component(doc: Doc) -> Doc:
    """spaCy component: set ``doc._.events``."""
    doc._.events = []
    return doc
