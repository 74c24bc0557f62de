"""The Markdown brief: the timeline, the main actors, the key statements and the disagreements.

Article text is untrusted: Markdown renderers pass raw HTML through, so every character that
could start markup (``<``, ``&``, ``[``, ``*``, a backtick...) is backslash-escaped, which
CommonMark shows as the character itself. Line breaks inside article text become spaces, so
a sentence cannot start a heading or a list of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.exports.common import (
    article_index,
    disagreement_reason,
    key_statements,
    one_line,
    set_aside_note,
    source_name,
    statement,
    top_actors,
)
from chronicle.models import ClaimGroup, StoryEntity, Timeline

__all__ = ["escape_markdown", "to_markdown"]

_ACTORS_SHOWN = 15
_STATEMENTS_SHOWN = 25
_SOURCES_SHOWN = 5

# Intraword underscores ("000_831979c3") are not emphasis in CommonMark: leave them readable.
_SPECIAL = re.compile(r"[\\`*{}\[\]<>#|!&~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def escape_markdown(text: str) -> str:
    """Text on one line, each character that could start Markdown or HTML backslash-escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), one_line(text))


def _sources(timeline: Timeline, ids: Sequence[str], relays: dict[str, str] | None = None) -> str:
    by_id = article_index(timeline)
    names = []
    for article_id in ids[:_SOURCES_SHOWN]:
        name = escape_markdown(source_name(by_id.get(article_id), article_id))
        via = (relays or {}).get(article_id)
        names.append(name + (f" (via {escape_markdown(via)})" if via else ""))
    more = len(ids) - _SOURCES_SHOWN
    return "; ".join(names) + (f"; and {more} more" if more > 0 else "")


def _statement_line(timeline: Timeline, group: ClaimGroup) -> str:
    s = statement(group)
    relays = {article: via for article, via in s.reports if via}
    when = escape_markdown(s.date or "undated") + (f" ({escape_markdown(s.said_when)})" if s.said_when else "")
    return (f"**{escape_markdown(s.speaker)}** {escape_markdown(s.verb)}, {when}: {escape_markdown(s.text)} — "
            f"{_sources(timeline, [a for a, _ in s.reports], relays)}")


def to_markdown(timeline: Timeline, entities: Sequence[StoryEntity] = ()) -> str:
    esc = escape_markdown
    lines = ["# Timeline", ""]
    note = set_aside_note(timeline)
    if note:
        lines += [f"*{esc(note)}*", ""]
    if not timeline.entries:
        lines += ["No dated events found.", ""]
    for entry in timeline.entries:
        lines += [f"## {esc(entry.date)}", ""]
        for event in entry.events:
            lines.append(f"- {esc(event.summary)}")
            who = [f"who: {esc(', '.join(event.actors))}"] if event.actors else []
            where = [f"where: {esc(event.place)}"] if event.place else []
            if who or where:
                lines.append(f"  - {'; '.join(who + where)}")
            lines.append(f"  - sources: {_sources(timeline, event.sources)}")
        lines.append("")
    actors, more_actors = top_actors(entities, _ACTORS_SHOWN)
    if actors:
        lines += ["# Actors", "", "| name | type | articles | mentions | also called |", "|---|---|---|---|---|"]
        lines += [f"| {esc(e.name)} | {esc(e.type)} | {len(e.articles)} | {e.mentions} | {esc(', '.join(e.aliases))} |"
                  for e in actors]
        lines += (["", f"and {more_actors} more"] if more_actors else []) + [""]
    shown, more_statements = key_statements(timeline.claim_groups, _STATEMENTS_SHOWN)
    if shown:
        lines += ["# Who said what", ""]
        if more_statements:
            lines += [f"The {len(shown)} most reported of {len(timeline.claim_groups)} statements, by the day "
                      "they were said.", ""]
        lines += [f"- {_statement_line(timeline, group)}" for group in shown]
        lines.append("")
    if timeline.disagreements:
        lines += ["# Where sources disagree", ""]
        for d in timeline.disagreements:
            kind = "Denial" if d.kind == "denial" else "Different figures"
            lines.append(f"- **{kind}**: {esc(disagreement_reason(d))}")
            lines += [f"  - {_statement_line(timeline, side)}" for side in d.sides]
        lines.append("")
    return "\n".join(lines)
