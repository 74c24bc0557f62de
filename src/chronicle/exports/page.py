"""The standalone HTML page: one file that works offline, with the timeline, the actors, who said
what and where sources disagree, every claim and event tied to its sources.

Article text is untrusted. Every piece of it goes through ``html.escape`` (quotes included, so
it is safe in attributes too); element ids are made by chronicle, never taken from articles;
a link leads out only to an http(s) URL; and the Content-Security-Policy allows no script, no
external resource at all, and only the page's own inline style.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from chronicle.exports.common import (
    Statement,
    disagreement_reason,
    key_statements,
    one_line,
    set_aside_note,
    source_name,
    statement,
    top_actors,
)
from chronicle.exports.timelinejs import safe_url
from chronicle.models import Article, StoryEntity, Timeline, TimelineEvent

__all__ = ["to_html"]

_ACTORS_SHOWN = 25
_STATEMENTS_SHOWN = 40
_SOURCES_SHOWN = 6
_EVIDENCE_SHOWN = 5

_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>
body{{font:16px/1.5 system-ui,sans-serif;max-width:54rem;margin:2rem auto;padding:0 1rem;color:#222}}
h1{{font-size:1.6rem;margin-bottom:.2rem}} h2{{font-size:1.3rem;border-bottom:1px solid #ccc;margin-top:2.5rem}}
h3{{font-size:1.05rem;color:#36c;margin:1.2rem 0 .3rem}} nav a{{margin-right:1rem}}
.meta,.note,.sources,.facts,small{{font-size:.85rem;color:#666}} p{{margin:.2rem 0}}
.event{{border-left:3px solid #36c;margin:0 0 1rem;padding:0 0 0 .8rem}}
.claim{{border-left:3px solid #999;margin:0 0 1rem;padding:0 0 0 .8rem}}
.denies{{border-color:#c33}} .condemns{{border-color:#939}}
.stance{{font-style:italic}} blockquote{{margin:.2rem 0 .2rem 1rem;color:#444}}
.dispute{{border:1px solid #e99;border-radius:4px;padding:.5rem .8rem;margin:0 0 1rem}}
details{{font-size:.9rem;color:#444}} table{{border-collapse:collapse;font-size:.9rem}}
th,td{{text-align:left;padding:.15rem .6rem;border-bottom:1px solid #eee;vertical-align:top}}
</style></head><body>
"""


def _e(text: str | None) -> str:
    return html.escape(one_line(text or ""))


class _Page:
    """The page being written, with the numbered list of the sources it cites."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.by_id = {a.id: a for a in timeline.articles}
        # Anchors are numbered by publication date, never made from an article's id.
        ordered = sorted(timeline.articles, key=lambda a: (a.published or dt.date.max, a.id))
        self.numbers = {a.id: n for n, a in enumerate(ordered, 1)}
        self.cited: dict[str, int] = {}
        self.parts: list[str] = []

    def add(self, *parts: str) -> None:
        self.parts.extend(parts)

    def source(self, article_id: str, via: str | None = None) -> str:
        number = self.cited.setdefault(article_id, self.numbers.get(article_id, len(self.numbers) + len(self.cited) + 1))
        name = _e(source_name(self.by_id.get(article_id), article_id))
        relay = f" (via {_e(via)})" if via else ""
        return f'<a href="#src-{number}">{name}</a>{relay}'

    def sources(self, reports: Sequence[tuple[str, str | None]]) -> str:
        shown = "; ".join(self.source(a, via) for a, via in reports[:_SOURCES_SHOWN])
        more = len(reports) - _SOURCES_SHOWN
        return shown + (f"; and {more} more" if more > 0 else "")


def _event(page: _Page, event: TimelineEvent) -> None:
    page.add(f'<div class="event"><p>{_e(event.summary)}</p>')
    facts = ([f"Who: {_e(', '.join(event.actors))}"] if event.actors else []) + (
        [f"Where: {_e(event.place)}"] if event.place else [])
    if facts:
        page.add(f'<p class="facts">{" · ".join(facts)}</p>')
    page.add(f'<p class="sources">Sources: {page.sources([(s, None) for s in event.sources])}</p>')
    reports = "report" if len(event.evidence) == 1 else "reports"
    page.add(f"<details><summary>Evidence ({len(event.evidence)} {reports})</summary>")
    for ev in event.evidence[:_EVIDENCE_SHOWN]:
        when = f" · date from “{_e(ev.time_expression)}”" if ev.time_expression else ""
        page.add(f"<blockquote>{_e(ev.sentence)}<br><small>{page.source(ev.article)}{when}</small></blockquote>")
    if len(event.evidence) > _EVIDENCE_SHOWN:
        page.add(f'<p class="note">and {len(event.evidence) - _EVIDENCE_SHOWN} more reports</p>')
    page.add("</details></div>")


def _statement(page: _Page, s: Statement) -> None:
    when = f"said {_e(s.date)}" if s.date else "undated"
    if s.said_when:
        when += f" (“{_e(s.said_when)}”)"
    page.add(f'<div class="claim {_e(s.stance)}"><p><b>{_e(s.speaker)}</b> <span class="stance">{_e(s.verb)}</span>'
             f' <small>· {when}</small></p>',
             f"<blockquote>{_e(s.text)}</blockquote>",
             f'<p class="sources">Reported by {page.sources(s.reports)}</p></div>')


def _summary(timeline: Timeline) -> str:
    dated = sorted(a.published for a in timeline.articles if a.published)
    outlets = {a.source for a in timeline.articles if a.source}
    events = sum(len(e.events) for e in timeline.entries)
    text = f"{events} events on {len(timeline.entries)} dates, from {len(timeline.articles)} articles"
    text += f" by {len(outlets)} outlets" if len(outlets) > 1 else ""
    return text + (f" published {dated[0].isoformat()} to {dated[-1].isoformat()}" if dated else "")


def _sources_section(page: _Page) -> None:
    page.add('<section id="sources"><h2>Sources</h2><ul>')
    for article_id, number in sorted(page.cited.items(), key=lambda item: item[1]):
        article: Article | None = page.by_id.get(article_id)
        published = article.published.isoformat() if article and article.published else "undated"
        url = safe_url(article.url if article else None)
        link = f' · <a href="{html.escape(url)}" rel="noopener noreferrer">{_e(url)}</a>' if url else ""
        page.add(f'<li id="src-{number}">{published} · {_e(source_name(article, article_id))} '
                 f"<small>({_e(article_id)})</small>{link}</li>")
    page.add("</ul></section>")


def to_html(timeline: Timeline, entities: Sequence[StoryEntity] = ()) -> str:
    """A self-contained page; every piece of article text is escaped."""
    page = _Page(timeline)
    page.add(_HEAD.format(title="Timeline"), "<header><h1>Timeline</h1>",
             f'<p class="meta">{_e(_summary(timeline))}</p>',
             '<nav><a href="#timeline">Timeline</a><a href="#actors">Actors</a><a href="#claims">Who said what</a>'
             '<a href="#disagreements">Where sources disagree</a><a href="#sources">Sources</a></nav></header>',
             '<section id="timeline"><h2>Timeline</h2>')
    note = set_aside_note(timeline)
    if note:
        page.add(f'<p class="note">{_e(note)}</p>')
    if not timeline.entries:
        page.add('<p class="note">No dated events found.</p>')
    for entry in timeline.entries:
        page.add(f"<h3>{_e(entry.date)}</h3>")
        for event in entry.events:
            _event(page, event)
    page.add("</section>", '<section id="actors"><h2>Actors</h2>')
    actors, more_actors = top_actors(entities, _ACTORS_SHOWN)
    if actors:
        page.add("<table><tr><th>Name</th><th>Type</th><th>Articles</th><th>Mentions</th><th>Also called</th></tr>")
        page.add(*(f"<tr><td>{_e(a.name)}</td><td>{_e(a.type)}</td><td>{len(a.articles)}</td><td>{a.mentions}</td>"
                   f"<td>{_e(', '.join(a.aliases))}</td></tr>" for a in actors))
        page.add("</table>" + (f'<p class="note">and {more_actors} more</p>' if more_actors else ""))
    else:
        page.add('<p class="note">No actors: the language pipeline did not run.</p>')
    page.add("</section>", '<section id="claims"><h2>Who said what</h2>')
    shown, more = key_statements(timeline.claim_groups, _STATEMENTS_SHOWN)
    if more:
        page.add(f'<p class="note">The {len(shown)} most reported of {len(timeline.claim_groups)} statements, by '
                 "the day they were said; the claims CSV and the JSON have them all.</p>")
    if not shown:
        page.add('<p class="note">No statements found.</p>')
    for group in shown:
        _statement(page, statement(group))
    page.add("</section>", '<section id="disagreements"><h2>Where sources disagree</h2>')
    if not timeline.disagreements:
        page.add('<p class="note">No disagreement between sources found.</p>')
    for d in timeline.disagreements:
        kind = "Denial" if d.kind == "denial" else "Different figures"
        page.add(f'<div class="dispute"><p><b>{kind}</b>: {_e(disagreement_reason(d))}</p>')
        for side in d.sides:
            _statement(page, statement(side))
        page.add("</div>")
    page.add("</section>")
    _sources_section(page)
    page.add("</body></html>\n")
    return "\n".join(page.parts)
