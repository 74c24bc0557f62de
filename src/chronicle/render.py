"""Output formats of a timeline: the versioned JSON contract, text, Markdown, HTML, tls text.

The JSON is :func:`chronicle.serialize.timeline_dict`. Article text is untrusted: everything
that reaches HTML goes through ``html.escape``, and everything that reaches the terminal's
markup through rich's ``escape``.
"""

from __future__ import annotations

import html
import json

from chronicle.models import ClaimGroup, Timeline
from chronicle.serialize import SCHEMA, timeline_dict

__all__ = ["FORMATS", "SCHEMA", "render", "sources_line", "to_html", "to_json", "to_markdown", "to_text", "to_tls"]


def to_json(timeline: Timeline) -> str:
    return json.dumps(timeline_dict(timeline), ensure_ascii=False, indent=2) + "\n"


#: Sources named on a line of text output; the JSON keeps them all.
_SOURCES_SHOWN = 4


def sources_line(timeline: Timeline, ids: tuple[str, ...]) -> str:
    by_id = {a.id: a for a in timeline.articles}
    names = []
    more = len(ids) - _SOURCES_SHOWN if len(ids) > _SOURCES_SHOWN + 1 else 0
    for article_id in ids[: len(ids) - more]:
        article = by_id.get(article_id)
        outlet = article.source if article and article.source else None
        names.append(f"{outlet} ({article_id})" if outlet else article_id)
    return ", ".join(names) + (f" and {more} more" if more else "")


def _side_line(timeline: Timeline, side: ClaimGroup) -> str:
    head = side.claims[0]
    return f"{head.speaker or 'unknown speaker'} {head.stance}: {head.text} ({sources_line(timeline, side.sources)})"


def to_markdown(timeline: Timeline) -> str:
    lines = ["# Timeline", ""]
    for entry in timeline.entries:
        lines.append(f"## {entry.date}")
        lines.append("")
        for event in entry.events:
            lines.append(f"- {event.summary}")
            if event.actors:
                lines.append(f"  - who: {', '.join(event.actors)}")
            lines.append(f"  - sources: {sources_line(timeline, event.sources)}")
        lines.append("")
    if timeline.disagreements:
        lines += ["# Where sources disagree", ""]
        for d in timeline.disagreements:
            lines.append(f"- **{'denial' if d.kind == 'denial' else 'different figures'}** ({d.topic})")
            lines.extend(f"  - {_side_line(timeline, side)}" for side in d.sides)
        lines.append("")
    return "\n".join(lines)


def to_tls(timeline: Timeline) -> str:
    """The Timeline17 text format: a date line, one sentence a line, 32 dashes."""
    blocks = []
    for entry in timeline.entries:
        if entry.granularity != "day":
            continue
        blocks.append("\n".join([entry.date, *(e.summary for e in entry.events), "-" * 32]))
    return "\n".join(blocks) + ("\n" if blocks else "")


_HTML_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>chronicle timeline</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem} .entry{border-left:3px solid #36c;margin:0 0 1.2rem;padding:0 0 0 1rem}
.date{font-weight:700;color:#36c} .event{margin:.3rem 0} .sources{font-size:.85rem;color:#666}
details{font-size:.85rem;color:#444} blockquote{margin:.2rem 0 .2rem 1rem;color:#555}
</style></head><body>
<h1>Timeline</h1>
"""


def to_html(timeline: Timeline) -> str:
    """A self-contained page; every piece of article text is escaped."""
    esc = html.escape
    parts = [_HTML_HEAD]
    for entry in timeline.entries:
        parts.append(f'<section class="entry" id="d-{esc(entry.date)}"><div class="date">{esc(entry.date)}</div>')
        for event in entry.events:
            parts.append(f'<div class="event" id="{esc(event.id)}"><div>{esc(event.summary)}</div>')
            parts.append(f'<div class="sources">{esc(sources_line(timeline, event.sources))}</div>')
            parts.append("<details><summary>evidence</summary>")
            for ev in event.evidence:
                when = f" ({esc(ev.time_expression)})" if ev.time_expression else ""
                parts.append(f"<blockquote>{esc(ev.sentence)}<br><small>{esc(ev.article)}{when}</small></blockquote>")
            parts.append("</details></div>")
        parts.append("</section>")
    if timeline.disagreements:
        parts.append("<h2>Where sources disagree</h2>")
        for d in timeline.disagreements:
            kind = "Denial" if d.kind == "denial" else "Different figures"
            parts.append(f'<div class="entry"><div class="date">{esc(kind)}: {esc(d.topic)}</div>')
            parts.extend(f"<div>{esc(_side_line(timeline, side))}</div>" for side in d.sides)
            parts.append("</div>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


FORMATS = ("text", "json", "markdown", "html", "tls")


def _stance_line(head_speaker: str | None, stance: str, date: str | None, text: str, sources: str,
                 markup: bool) -> str:
    esc = _escape if markup else _same
    speaker = esc(head_speaker or "unknown speaker")
    body = f"{esc(' '.join(text.split()))} "
    if markup:
        return f"{speaker} [italic]{stance}[/italic] ({esc(date or '')}): {body}[dim]{esc(sources)}[/dim]"
    return f"{speaker} {stance} ({date or ''}): {body}{sources}"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _same(text: str) -> str:
    return text


def to_text(timeline: Timeline, *, markup: bool = False) -> str:
    """The timeline as the terminal shows it; with ``markup``, in rich's markup (text escaped)."""
    esc = _escape if markup else _same

    def styled(style: str, text: str) -> str:
        return f"[{style}]{text}[/{style}]" if markup else text

    lines: list[str] = []
    for entry in timeline.entries:
        lines += ["", styled("bold blue", esc(entry.date))]
        for event in entry.events:
            lines.append(f"  • {esc(event.summary)}")
            if event.actors:
                lines.append(f"    {styled('yellow', 'who:')} {esc(', '.join(event.actors))}")
            lines.append(f"    {styled('dim', esc(sources_line(timeline, event.sources)))}")
    if not timeline.entries:
        lines.append(styled("yellow", "no dated events found"))
    if timeline.disagreements:
        lines += ["", styled("bold red", "Where sources disagree")]
        for d in timeline.disagreements:
            kind = "denial" if d.kind == "denial" else "different figures"
            lines.append(f"  {styled('bold', kind)} ({esc(d.topic)})")
            for side in d.sides:
                head = side.claims[0]
                lines.append("    " + _stance_line(head.speaker, head.stance, head.date, head.text,
                                                  ", ".join(side.sources), markup))
    return "\n".join(lines) + "\n"


_RENDERERS = {"json": to_json, "markdown": to_markdown, "html": to_html, "tls": to_tls, "text": to_text}


def render(timeline: Timeline, fmt: str) -> str:
    """The timeline in one of :data:`FORMATS`."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown format {fmt!r}")
    return renderer(timeline)
