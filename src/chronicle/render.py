"""Output formats of a timeline: the versioned JSON contract, Markdown, HTML, tls text.

Article text is untrusted: everything that reaches HTML goes through ``html.escape``.
"""

from __future__ import annotations

import html
import json
from typing import Any

from chronicle.models import Article, Claim, ClaimGroup, Timeline

__all__ = ["FORMATS", "SCHEMA", "claim_dict", "render", "sources_line", "to_dict", "to_html", "to_json", "to_markdown", "to_tls"]

#: The JSON contract's name and version. Later versions add fields, never rename them.
SCHEMA = "chronicle.timeline/1"


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
    }


def to_dict(timeline: Timeline) -> dict[str, Any]:
    """The timeline as the ``chronicle.timeline/1`` JSON object."""
    return {
        "schema": SCHEMA,
        "entries": [
            {
                "date": entry.date,
                "granularity": entry.granularity,
                "events": [
                    {
                        "id": event.id,
                        "summary": event.summary,
                        "sources": list(event.sources),
                        "actors": list(event.actors),
                        "place": event.place,
                        "evidence": [
                            {
                                "article": ev.article,
                                "sentence": ev.sentence,
                                "time_expression": ev.time_expression,
                                "start": ev.start,
                                "end": ev.end,
                            }
                            for ev in event.evidence
                        ],
                    }
                    for event in entry.events
                ],
            }
            for entry in timeline.entries
        ],
        "articles": [_article_dict(a) for a in timeline.articles],
        "claims": [claim_dict(c) for c in timeline.claims],
        "disagreements": [
            {
                "kind": d.kind,
                "topic": d.topic,
                "sides": [_side_dict(side) for side in d.sides],
            }
            for d in timeline.disagreements
        ],
    }


def claim_dict(claim: Claim) -> dict[str, Any]:
    """A claim in the JSON contract (offsets let a page highlight it in the article)."""
    return {
        "speaker": claim.speaker,
        "cue": claim.cue,
        "text": claim.text,
        "stance": claim.stance,
        "article": claim.article,
        "date": claim.date,
        "kind": claim.kind,
        "content_spans": [list(s) for s in claim.content_spans],
    }


def _side_dict(side: ClaimGroup) -> dict[str, Any]:
    head = side.claims[0]
    return {
        "speaker": head.speaker,
        "stance": head.stance,
        "text": head.text,
        "date": head.date,
        "sources": list(side.sources),
    }


def to_json(timeline: Timeline) -> str:
    return json.dumps(to_dict(timeline), ensure_ascii=False, indent=2) + "\n"


def sources_line(timeline: Timeline, ids: tuple[str, ...]) -> str:
    by_id = {a.id: a for a in timeline.articles}
    names = []
    for article_id in ids:
        article = by_id.get(article_id)
        outlet = article.source if article and article.source else None
        names.append(f"{outlet} ({article_id})" if outlet else article_id)
    return ", ".join(names)


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


def render(timeline: Timeline, fmt: str) -> str:
    """The timeline in a file format (``text`` is rendered by the CLI with rich)."""
    if fmt == "json":
        return to_json(timeline)
    if fmt == "markdown":
        return to_markdown(timeline)
    if fmt == "html":
        return to_html(timeline)
    if fmt in ("tls", "text"):
        return to_tls(timeline) if fmt == "tls" else to_markdown(timeline)
    raise ValueError(f"unknown format {fmt!r}")
