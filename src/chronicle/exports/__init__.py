"""Every output format of a timeline, for the CLI, the REST API and Python callers.

>>> content, media_type, extension = export(timeline, "csv-claims")   # doctest: +SKIP

:func:`export` gives the content, its media type and the file extension to save it under;
:func:`format_for_path` decides the format of an output file from its name and checks that a
file is never given a format its name says it is not.

The formats: ``text`` (what the terminal shows), ``json`` (the versioned contract
``chronicle.timeline/1``), ``markdown`` (a brief), ``html`` (a standalone page that works
offline), ``tls`` (Timeline17 text), ``timelinejs`` (a TimelineJS3 data file), ``csv-events``
and ``csv-claims``. Article text is untrusted: each format escapes it for its own syntax.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from chronicle.errors import InputError
from chronicle.exports.common import sources_line
from chronicle.exports.markdown import to_markdown
from chronicle.exports.page import to_html
from chronicle.exports.tables import claims_csv, events_csv
from chronicle.exports.text import to_json, to_text, to_tls
from chronicle.exports.timelinejs import to_timelinejs
from chronicle.models import StoryEntity, Timeline

__all__ = [
    "FORMATS",
    "Export",
    "Format",
    "claims_csv",
    "events_csv",
    "export",
    "format_for_path",
    "format_spec",
    "sources_line",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "to_timelinejs",
    "to_tls",
]


class Export(NamedTuple):
    """An exported timeline: its content, its media type, and the extension to save it under."""

    content: str
    media_type: str
    extension: str


Renderer = Callable[[Timeline, Sequence[StoryEntity]], str]


@dataclass(frozen=True, slots=True)
class Format:
    """An output format: its media type, the file extensions it may be saved under (the first
    is its own), whether it shows the story's actors, and whether it uses the language pipeline
    at all (actors, places, claims)."""

    name: str
    media_type: str
    extensions: tuple[str, ...]
    render: Renderer
    actors: bool = False
    language: bool = True


_TEXT = "text/plain; charset=utf-8"
_CSV = "text/csv; charset=utf-8; header=present"

FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", _TEXT, (".txt", ".text"), lambda t, _: to_text(t)),
    Format("json", "application/json", (".json",), lambda t, _: to_json(t)),
    Format("markdown", "text/markdown; charset=utf-8", (".md", ".markdown"), to_markdown, actors=True),
    Format("html", "text/html; charset=utf-8", (".html", ".htm"), to_html, actors=True),
    Format("tls", _TEXT, (".txt", ".tls"), lambda t, _: to_tls(t), language=False),
    Format("timelinejs", "application/json", (".json",), lambda t, _: to_timelinejs(t)),
    Format("csv-events", _CSV, (".csv",), lambda t, _: events_csv(t)),
    Format("csv-claims", _CSV, (".csv",), lambda t, _: claims_csv(t)),
)}

#: The format a file name asks for when no format is named: the first format that owns it.
_BY_EXTENSION = {ext: f.name for f in reversed(FORMATS.values()) for ext in f.extensions}


def format_spec(fmt: str) -> Format:
    """The format called ``fmt``; :class:`~chronicle.errors.InputError` if there is none."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise InputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    return spec


def export(timeline: Timeline, fmt: str, *, entities: Sequence[StoryEntity] = ()) -> Export:
    """The timeline in format ``fmt``; ``entities`` (:meth:`chronicle.Chronicle.entities`) are
    the actors the ``html`` and ``markdown`` formats list, and are ignored by the others."""
    spec = format_spec(fmt)
    return Export(spec.render(timeline, entities), spec.media_type, spec.extensions[0])


def format_for_path(path: str | Path, fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt`` if given, else the one its extension names (text
    when it has none).

    Raises :class:`~chronicle.errors.InputError` when the extension names no format and none is
    given, or names another format than ``fmt`` (a CSV file named ``.json``): a file is never
    written in one format under another's name.
    """
    suffix = Path(path).suffix.lower()
    if fmt is None:
        if not suffix:
            return "text"
        if suffix not in _BY_EXTENSION:
            raise InputError(f"{path}: no format has the extension {suffix!r} (known: "
                             f"{', '.join(sorted(_BY_EXTENSION))}); name the format")
        return _BY_EXTENSION[suffix]
    spec = format_spec(fmt)
    if suffix in _BY_EXTENSION and suffix not in spec.extensions:
        raise InputError(f"{path}: a {suffix} file cannot hold the {fmt} format; name the file "
                         f"*{spec.extensions[0]} or choose the {_BY_EXTENSION[suffix]} format")
    return fmt
