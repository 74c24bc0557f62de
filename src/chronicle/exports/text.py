"""The plain formats: the versioned JSON contract, the terminal's text, the Timeline17 text."""

from __future__ import annotations

import json

from chronicle.exports.common import (
    disagreement_reason,
    key_statements,
    one_line,
    set_aside_note,
    sources_line,
    statement,
)
from chronicle.models import Timeline
from chronicle.serialize import timeline_dict

__all__ = ["to_json", "to_text", "to_tls"]

#: Statements the terminal shows; ``chronicle claims`` and the exports list them all.
_STATEMENTS_SHOWN = 10


def to_json(timeline: Timeline) -> str:
    return json.dumps(timeline_dict(timeline), ensure_ascii=False, indent=2) + "\n"


def to_tls(timeline: Timeline) -> str:
    """The Timeline17 text format: a date line, one sentence a line, 32 dashes."""
    blocks = []
    for entry in timeline.entries:
        if entry.granularity != "day":
            continue
        blocks.append("\n".join([entry.date, *(one_line(e.summary) for e in entry.events), "-" * 32]))
    return "\n".join(blocks) + ("\n" if blocks else "")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(one_line(text))


def _reports(timeline: Timeline, reports: tuple[tuple[str, str | None], ...]) -> str:
    line = sources_line(timeline, [article for article, _ in reports])
    relays = list(dict.fromkeys(via for _, via in reports if via))
    return line + (f" (via {', '.join(relays)})" if relays else "")


def to_text(timeline: Timeline, *, markup: bool = False) -> str:
    """The timeline as the terminal shows it; with ``markup``, in rich's markup (text escaped)."""
    esc = _escape if markup else one_line

    def styled(style: str, text: str) -> str:
        return f"[{style}]{text}[/{style}]" if markup else text

    def said(side_text: str, speaker: str, stance: str, date: str | None, sources: str) -> str:
        return (f"{esc(speaker)} {styled('italic', esc(stance))} ({esc(date or 'undated')}): {esc(side_text)} — "
                f"{styled('dim', esc(sources))}")

    lines: list[str] = []
    note = set_aside_note(timeline)
    if note:
        lines += ["", styled("dim", esc(note))]
    for entry in timeline.entries:
        lines += ["", styled("bold blue", esc(entry.date))]
        for event in entry.events:
            lines.append(f"  • {esc(event.summary)}")
            if event.actors:
                lines.append(f"    {styled('yellow', 'who:')} {esc(', '.join(event.actors))}")
            lines.append(f"    {styled('dim', esc(sources_line(timeline, event.sources)))}")
    if not timeline.entries:
        lines.append(styled("yellow", "no dated events found"))
    shown, left_out = key_statements(timeline.claim_groups, _STATEMENTS_SHOWN)
    if shown:
        lines += ["", styled("bold", "Who said what") + (f" (the {len(shown)} most reported)" if left_out else "")]
        for group in shown:
            s = statement(group)
            lines.append("  " + said(s.text, s.speaker, s.verb, s.date, _reports(timeline, s.reports)))
        if left_out:
            lines.append(styled("dim", f"  and {left_out} more statements: chronicle claims lists them all"))
    if timeline.disagreements:
        lines += ["", styled("bold red", "Where sources disagree")]
        for d in timeline.disagreements:
            kind = "denial" if d.kind == "denial" else "different figures"
            lines.append(f"  {styled('bold', kind)}: {esc(disagreement_reason(d))}")
            for side in d.sides:
                s = statement(side)
                lines.append("    " + said(s.text, s.speaker, s.verb, s.date, _reports(timeline, s.reports)))
    return "\n".join(lines) + "\n"
