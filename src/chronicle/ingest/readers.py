"""Readers: one per input format, each turning a file into articles or rejections.

A reader never raises for bad content: it yields a :class:`Rejection` naming the file
(and line) and the reason, so the rest of a batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from chronicle.ingest.decode import DecodeError, content_hash, decode_bytes
from chronicle.models import Article, Rejection
from chronicle.settings import DEFAULTS

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ReadOptions",
    "detect_format",
    "parse_date",
    "read_file",
]

#: Files larger than this are refused (a JSON Lines file is streamed, and the limit
#: applies to each of its lines instead): news articles are kilobytes, and a huge file
#: is far more likely a mistake or an attack than an article.
DEFAULT_MAX_BYTES = DEFAULTS.max_bytes

Result = Article | Rejection

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SEED_HEAD = re.compile(r"\A\s?date (\d{4}-\d{2}-\d{2}) ")
# "date: 2024-01-02" as the first line, optionally with more "key: value" header lines.
_HEADER_LINES = re.compile(
    r"\A(?:[ \t]*(?:date|published|source|title|url|id|author)[ \t]*:[^\n]*(?:\n|\Z))+", re.IGNORECASE
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_T17_DAY_DIR = re.compile(r"\d{4}-\d{2}-\d{2}")


class ReadOptions:
    """What the user told us about the inputs."""

    __slots__ = ("date", "format", "max_bytes")

    def __init__(
        self, *, format: str | None = None, date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self.format = format
        self.date = date
        self.max_bytes = max_bytes


def parse_date(value: object) -> dt.date | None:
    """The calendar date of an ISO 8601 date or date-time (in its own time zone)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def detect_format(path: Path, head: bytes) -> str:
    """Choose a reader from the file's place, name and first bytes."""
    name = path.name.lower()
    if path.parent.parent.name == "InputDocs" and _T17_DAY_DIR.fullmatch(path.parent.name):
        return "t17"
    if name.endswith((".jsonl", ".ndjson", ".jsonl.txt")):
        return "jsonl"
    if name.endswith((".rss", ".atom")):
        return "feed"
    lead = head.lstrip()[:512].lower()
    is_xml = name.endswith(".xml") or lead.startswith(b"<?xml")
    if is_xml and (b"<rss" in lead or b"<feed" in lead or b"<rdf:rdf" in lead):
        return "feed"
    if name.endswith((".html", ".htm", ".xhtml")) or lead.startswith((b"<!doctype html", b"<html")):
        return "html"
    if _SEED_HEAD.match(head[:40].decode("utf-8", "replace")):
        return "seed"
    return "text"


def _too_big(path: Path, size: int, limit: int) -> Rejection:
    return Rejection(str(path), f"file is {size:,} bytes, over the {limit:,}-byte limit (--max-bytes)")


def _read_text(path: Path, options: ReadOptions) -> str | Rejection:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            return _too_big(path, size, options.max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(str(path), f"cannot read: {exc.strerror or exc}")
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return Rejection(str(path), str(exc))
    if not text.strip():
        return Rejection(str(path), "empty file")
    return text


def _article(
    path: Path, article_id: str, text: str, published: dt.date | None, **meta: Any
) -> Article | Rejection:
    body = text.strip()
    if not body:
        return Rejection(str(path), "no article text")
    return Article(
        id=article_id,
        text=body,
        published=published,
        title=meta.get("title") or None,
        source=meta.get("source") or None,
        url=meta.get("url") or None,
        path=str(path),
        content_hash=content_hash(body),
    )


def read_seed(path: Path, options: ReadOptions) -> Iterator[Result]:
    """`` date YYYY-MM-DD `` then the text: the format of the project's seed articles."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    m = _SEED_HEAD.match(text)
    if not m:
        yield Rejection(str(path), "not in seed format: expected ' date YYYY-MM-DD ' at the start")
        return
    published = parse_date(m[1])
    if published is None:
        yield Rejection(str(path), f"invalid date {m[1]!r}")
        return
    yield _article(path, path.stem, text[m.end() :], published)


def _front_matter(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def read_text(path: Path, options: ReadOptions) -> Iterator[Result]:
    """Plain text, dated by front matter, a first ``date:`` line, or ``--date``."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    fields: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        fields = _front_matter(m[1])
        text = text[m.end() :]
    else:
        h = _HEADER_LINES.match(text)
        if h:
            fields = _front_matter(h[0])
            text = text[h.end() :]
    raw = fields.get("date") or fields.get("published")
    published = parse_date(raw) if raw else options.date
    if raw and published is None:
        yield Rejection(str(path), f"invalid date {raw!r}")
        return
    yield _article(path, fields.get("id") or path.stem, text, published, **fields)


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Result]:
    """JSON Lines, one article a line (also the news-tls ``articles.jsonl`` shape)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if len(raw) > options.max_bytes:
                yield Rejection(str(path), f"line is over the {options.max_bytes:,}-byte limit", line=number)
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw))
            except (DecodeError, ValueError) as exc:
                yield Rejection(str(path), f"malformed JSON: {exc}", line=number)
                continue
            if not isinstance(record, dict):
                yield Rejection(str(path), "line is not a JSON object", line=number)
                continue
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                yield Rejection(str(path), "no 'text'", line=number)
                continue
            raw_date = next((record[k] for k in ("published", "date", "time") if record.get(k)), None)
            published = parse_date(raw_date) if raw_date is not None else options.date
            if raw_date is not None and published is None:
                yield Rejection(str(path), f"invalid date {raw_date!r}", line=number)
                continue
            article_id = str(record.get("id") or f"{path.stem}-{number}")
            meta = {k: record.get(k) if isinstance(record.get(k), str) else None for k in ("title", "url", "source")}
            yield _article(path, article_id, text, published, **meta)


def read_t17(path: Path, options: ReadOptions) -> Iterator[Result]:
    """Timeline17: ``<topic>/InputDocs/<YYYY-MM-DD>/<n>.htm.txt``, dated by its folder."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    published = parse_date(path.parent.name)
    topic = path.parent.parent.parent.name
    number = path.name.split(".", 1)[0]
    source = topic.split("_", 1)[1] if "_" in topic else None
    yield _article(path, f"{topic}/{path.parent.name}/{number}", text, published, source=source)


def read_html(path: Path, options: ReadOptions) -> Iterator[Result]:
    """A web page: main text with trafilatura, publication date with htmldate."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    import trafilatura  # heavy: imported only when an HTML page is read

    # Never date a page in the future: a page cannot be published after we read it.
    today = dt.date.today().isoformat()
    doc = trafilatura.bare_extraction(
        text, with_metadata=True, date_extraction_params={"max_date": today, "extensive_search": True}
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        yield Rejection(str(path), "no article text found in the HTML page")
        return
    published = parse_date(getattr(doc, "date", None)) or options.date
    yield _article(
        path,
        path.stem,
        body,
        published,
        title=getattr(doc, "title", None),
        source=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
    )


def read_feed(path: Path, options: ReadOptions) -> Iterator[Result]:
    """An RSS or Atom feed file: one article per entry."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    import feedparser  # imported only when a feed is read

    from chronicle.ingest.html_text import html_to_text

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f"not a feed: {feed.bozo_exception}" if feed.get("bozo") else "feed has no entries"
        yield Rejection(str(path), reason)
        return
    source = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*parsed[:3]) if parsed else options.date
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        body = html_to_text(html or "")
        if not body.strip():
            yield Rejection(str(path), f"feed entry {number} has no text", line=number)
            continue
        article_id = entry.get("id") or entry.get("link") or f"{path.stem}-{number}"
        yield _article(
            path, str(article_id), body, published,
            title=entry.get("title"), source=source, url=entry.get("link"),
        )


Reader = Callable[[Path, ReadOptions], Iterator[Result]]

#: Every reader, by the name ``--format`` takes.
FORMATS: dict[str, Reader] = {
    "seed": read_seed,
    "text": read_text,
    "jsonl": read_jsonl,
    "t17": read_t17,
    "html": read_html,
    "feed": read_feed,
}


def read_file(path: Path, options: ReadOptions) -> Iterator[Result]:
    """Read one file with the reader chosen by ``options.format`` or by detection."""
    fmt = options.format
    if fmt is None:
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError as exc:
            yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
            return
        fmt = detect_format(path, head)
    yield from FORMATS[fmt](path, options)
