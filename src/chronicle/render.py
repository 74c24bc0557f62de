"""The timeline as text in one of the output formats (kept for callers of ``render``).

The formats live in :mod:`chronicle.exports`, whose :func:`~chronicle.exports.export` also gives
each one's media type and file extension.
"""

from __future__ import annotations

from chronicle.exports import FORMATS as _FORMATS
from chronicle.exports import export, sources_line, to_html, to_json, to_markdown, to_text, to_tls
from chronicle.models import Timeline
from chronicle.serialize import SCHEMA

__all__ = ["FORMATS", "SCHEMA", "render", "sources_line", "to_html", "to_json", "to_markdown", "to_text", "to_tls"]

#: The names of the output formats.
FORMATS = tuple(_FORMATS)


def render(timeline: Timeline, fmt: str) -> str:
    """The timeline in one of :data:`FORMATS` (an unknown one is an :class:`~chronicle.errors.InputError`)."""
    return export(timeline, fmt).content
