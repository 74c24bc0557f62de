"""The timeline as a TimelineJS3 data file (https://timeline.knightlab.com/docs/json-format.html).

One slide per timeline event. TimelineJS shows a slide's ``headline`` and ``text`` as HTML, so
every piece of article text in them is HTML-escaped, and a source links out only when its URL
is http or https. A coarse date (a week, a month, a year) gives the slide a start and an end
date and says which it is in ``display_date``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from chronicle.exports.common import article_index, label_interval, one_line, source_name
from chronicle.models import Article, Timeline, TimelineEntry, TimelineEvent

__all__ = ["HEADLINE_CHARS", "safe_url", "to_timelinejs"]

#: A headline longer than this is cut at a word and ends with an ellipsis.
HEADLINE_CHARS = 90


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) one a link may point to, else ``None`` (``javascript:`` ...)."""
    if not url:
        return None
    url = url.strip()
    return url if url.lower().startswith(("https://", "http://")) and not any(c.isspace() for c in url) else None


def _headline(summary: str) -> str:
    text = one_line(summary)
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _date(day: dt.date, granularity: str) -> dict[str, int]:
    out = {"year": day.year}
    if granularity in ("day", "week", "month", "quarter"):
        out["month"] = day.month
    if granularity in ("day", "week"):
        out["day"] = day.day
    return out


def _display(entry: TimelineEntry) -> str | None:
    first, last = label_interval(entry.date, entry.granularity)
    if entry.granularity == "week":
        return f"week of {first.isoformat()}"
    if entry.granularity == "quarter":
        return entry.date.replace("-Q", " Q")
    if entry.granularity in ("decade", "century"):
        return f"{first.year}–{last.year}"
    return None


def _source_html(article: Article | None, article_id: str) -> str:
    name = html.escape(source_name(article, article_id))
    url = safe_url(article.url if article else None)
    return f'<a href="{html.escape(url)}" rel="noopener noreferrer">{name}</a>' if url else name


def _slide(by_id: dict[str, Article], entry: TimelineEntry, event: TimelineEvent, seen: set[str]) -> dict[str, Any]:
    first, last = label_interval(entry.date, entry.granularity)
    parts = [f"<p>{html.escape(one_line(event.summary))}</p>"]
    facts = []
    if event.actors:
        facts.append(f"Who: {html.escape(one_line(', '.join(event.actors)))}")
    if event.place:
        facts.append(f"Where: {html.escape(one_line(event.place))}")
    if facts:
        parts.append(f"<p>{'<br>'.join(facts)}</p>")
    parts.append("<p>Sources: " + "; ".join(_source_html(by_id.get(s), s) for s in event.sources) + "</p>")
    unique = event.id
    while unique in seen:
        unique += "-"
    seen.add(unique)
    slide: dict[str, Any] = {
        "start_date": _date(first, entry.granularity),
        "text": {"headline": html.escape(_headline(event.summary)), "text": "".join(parts)},
        "unique_id": unique,
        "autolink": False,
    }
    if entry.granularity not in ("day", "month", "year"):
        slide["end_date"] = _date(last, entry.granularity)
    display = _display(entry)
    if display:
        slide["display_date"] = display
    return slide


def _title(timeline: Timeline) -> dict[str, Any]:
    dated = sorted(a.published for a in timeline.articles if a.published)
    outlets = sorted({a.source for a in timeline.articles if a.source})
    span = f", {dated[0].isoformat()} to {dated[-1].isoformat()}" if dated else ""
    from_outlets = f" from {len(outlets)} outlets" if len(outlets) > 1 else ""
    return {"text": {"headline": "Timeline",
                     "text": html.escape(f"{len(timeline.articles)} articles{from_outlets}{span}")}}


def to_timelinejs(timeline: Timeline) -> str:
    seen: set[str] = set()
    by_id = article_index(timeline)
    events = [_slide(by_id, entry, event, seen) for entry in timeline.entries for event in entry.events]
    return json.dumps({"title": _title(timeline), "events": events}, ensure_ascii=False, indent=2) + "\n"
