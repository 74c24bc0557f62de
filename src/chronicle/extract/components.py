"""spaCy component wrappers around chronicle functions that work on plain text."""

from __future__ import annotations

from spacy.tokens import Doc

from chronicle.extract.timex import tag

__all__ = ["doc_text", "timex_component"]

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


def timex_component(doc: Doc) -> Doc:
    """Tag the whole article at once so the narrative reference time moves through it."""
    doc._.timexes = tag(doc_text(doc), doc._.dct)
    return doc
