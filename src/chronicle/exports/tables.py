"""CSV exports: one row per timeline event, or one row per claim.

The cells are the fields of the JSON contract (:mod:`chronicle.serialize`), lists joined with
``"; "`` and text on one line. Spreadsheets run a cell that starts with ``=``, ``+``, ``-``,
``@`` (or a tab or carriage return) as a formula, and article text is untrusted: such a cell
gets a leading ``'``, which spreadsheets show as text. The files are UTF-8 with CRLF line
ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from chronicle.exports.common import article_index, one_line
from chronicle.models import Timeline
from chronicle.serialize import timeline_dict

__all__ = ["CLAIM_COLUMNS", "EVENT_COLUMNS", "claims_csv", "events_csv", "safe_cell"]

EVENT_COLUMNS = ("date", "granularity", "event_id", "summary", "actors", "place", "sources", "outlets",
                 "evidence_sentence", "evidence_article", "time_expression")
CLAIM_COLUMNS = ("date_said", "said_when", "published", "speaker", "speaker_entity", "cue", "stance", "text",
                 "article", "outlet", "group", "via", "kind")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell's text, on one line, that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    text = one_line(str(value))
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([safe_cell(row.get(c)) for c in columns] for row in rows)
    return out.getvalue()


def events_csv(timeline: Timeline) -> str:
    """One row per timeline event, with the first report's sentence as its evidence."""
    outlets = {a.id: a.source for a in timeline.articles}
    rows = []
    for entry in timeline_dict(timeline)["entries"]:
        for event in entry["events"]:
            evidence = event["evidence"][0] if event["evidence"] else {}
            rows.append({
                "date": entry["date"], "granularity": entry["granularity"], "event_id": event["id"],
                "summary": event["summary"], "actors": event["actors"], "place": event["place"],
                "sources": event["sources"],
                "outlets": list(dict.fromkeys(o for s in event["sources"] if (o := outlets.get(s)))),
                "evidence_sentence": evidence.get("sentence"), "evidence_article": evidence.get("article"),
                "time_expression": evidence.get("time_expression"),
            })
    return _table(EVENT_COLUMNS, rows)


def claims_csv(timeline: Timeline) -> str:
    """One row per claim, in the timeline's order, with the statement group it belongs to."""
    by_id = article_index(timeline)
    rows = []
    for claim in timeline_dict(timeline)["claims"]:
        article = by_id.get(claim["article"])
        rows.append({**claim, "date_said": claim["date"], "outlet": article.source if article else None})
    return _table(CLAIM_COLUMNS, rows)
