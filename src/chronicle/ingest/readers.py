"""Readers: one per input format, each turning a file into articles or rejections.

A reader never raises for bad content: it yields a :class:`Rejection` naming the file
(and line) and the reason, so the rest of a batch goes on.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Any

from chronicle.ingest.decode import DecodeError, clean_text, content_hash, decode_bytes, decode_head
from chronicle.models import Article, Rejection
from chronicle.settings import DEFAULTS, Settings

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ReadOptions",
    "detect_format",
    "file_parts",
    "parse_date",
    "path_text",
    "read_file",
    "read_part",
    "whole_file",
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
_PARQUET_MAGIC = b"PAR1"


class ReadOptions:
    """What the user told us about the inputs, and the limits every reader keeps to."""

    __slots__ = ("date", "format", "max_bytes", "settings")

    def __init__(
        self,
        *,
        format: str | None = None,
        date: dt.date | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        settings: Settings = DEFAULTS,
    ) -> None:
        self.format = format
        self.date = date
        self.max_bytes = max_bytes
        self.settings = settings

    def using(self, settings: Settings) -> ReadOptions:
        """The same options under other settings (their article, sentence and feed limits)."""
        return ReadOptions(format=self.format, date=self.date, max_bytes=self.max_bytes, settings=settings)


def path_text(path: Path | str) -> str:
    """A path as printable, storable text: bytes that are not UTF-8 shown as ``\\xff`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _show(value: object, limit: int = 60) -> str:
    """A value quoted for a reason, cut short: a reason must not repeat a hostile megabyte."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
    if name.endswith(".parquet") or head.startswith(_PARQUET_MAGIC):
        return "parquet"
    if name.endswith((".rss", ".atom")):
        return "feed"
    # Decoded first, so that a byte-order mark or UTF-16 hides neither a seed's head nor a tag.
    text = decode_head(head)
    lead = text.lstrip()[:512].lower()
    is_xml = name.endswith(".xml") or lead.startswith("<?xml")
    if is_xml and ("<rss" in lead or "<feed" in lead or "<rdf:rdf" in lead):
        return "feed"
    if name.endswith((".html", ".htm", ".xhtml")) or lead.startswith(("<!doctype html", "<html")):
        return "html"
    if _SEED_HEAD.match(text[:40]):
        return "seed"
    return "text"


_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket"}
# Opening a named pipe for reading waits for a writer; O_NONBLOCK returns at once, and has no
# effect on the regular files that are all we go on to read.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_regular(path: Path) -> int | Rejection:
    """A file descriptor of the regular file a path leads to, or why not.

    The type is checked on the opened file itself, after symbolic links are followed: a link
    named ``*.txt`` to ``/dev/zero`` or ``/dev/urandom`` would otherwise be read for ever.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return Rejection(path_text(path), f"cannot read: {exc.strerror or exc}")
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        return Rejection(path_text(path), f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'special file')})")
    return fd


def _read_prefix(path: Path, size: int) -> bytes | Rejection:
    """The first ``size`` bytes of a regular file (all of it when shorter), never more."""
    fd = _open_regular(path)
    if isinstance(fd, Rejection):
        return fd
    try:
        with os.fdopen(fd, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        return Rejection(path_text(path), f"cannot read: {exc.strerror or exc}")


def _read_bytes(path: Path, limit: int) -> bytes | Rejection:
    """A regular file's bytes, up to ``limit``: one more is read to tell a file over the limit,
    whatever its size says (a special file's size says nothing)."""
    data = _read_prefix(path, limit + 1)
    if isinstance(data, bytes) and len(data) > limit:
        return Rejection(path_text(path), f"file is over the {limit:,}-byte limit (max_bytes, --max-bytes)")
    return data


def _read_text(path: Path, options: ReadOptions) -> str | Rejection:
    data = _read_bytes(path, options.max_bytes)
    if isinstance(data, Rejection):
        return data
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return Rejection(path_text(path), str(exc))
    text = clean_text(text)
    if not text.strip():
        return Rejection(path_text(path), "empty file")
    return text


_SENTENCE_RUN = re.compile(r"[^.!?\n\u3002\uff01\uff1f\u0964]+")


def _limit_reason(text: str, published: dt.date | None, settings: Settings) -> str | None:
    """Why an article breaks one of the limits that bound what later stages hold, if it does."""
    if len(text) > settings.max_article_chars:
        return (f"article is {len(text):,} characters, over the {settings.max_article_chars:,}-character "
                "limit (max_article_chars)")
    if len(text) > settings.max_sentence_chars:
        longest = max((m.end() - m.start() for m in _SENTENCE_RUN.finditer(text)), default=0)
        if longest > settings.max_sentence_chars:
            return (f"has a {longest:,}-character run without a sentence end, over the "
                    f"{settings.max_sentence_chars:,}-character limit (max_sentence_chars)")
    # A day of slack: the writer's time zone may be ahead of ours.
    if published is not None and (
        published.year < settings.earliest_year or published > dt.date.today() + dt.timedelta(days=1)
    ):
        return (f"implausible publication date {published.isoformat()} (before {settings.earliest_year} "
                "or in the future; earliest_year)")
    return None


def _article(
    path: Path, options: ReadOptions, article_id: str, text: str, published: dt.date | None,
    line: int | None = None, **meta: Any,
) -> Article | Rejection:
    body = clean_text(text).strip()
    if not body:
        return Rejection(path_text(path), "no article text", line=line)
    reason = _limit_reason(body, published, options.settings)
    if reason is not None:
        return Rejection(path_text(path), reason, line=line)
    fields = {k: clean_text(str(v)).strip() or None if v else None for k, v in meta.items()}
    return Article(
        # An id made only of control characters is no id: the file's name serves.
        id=clean_text(article_id) or path_text(path.stem),
        text=body,
        published=published,
        title=fields.get("title"),
        source=fields.get("source"),
        url=fields.get("url"),
        path=path_text(path),
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
        yield Rejection(path_text(path), "not in seed format: expected ' date YYYY-MM-DD ' at the start")
        return
    published = parse_date(m[1])
    if published is None:
        yield Rejection(path_text(path), f"invalid date {m[1]!r}")
        return
    yield _article(path, options, path_text(path.stem), text[m.end() :], published)


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
        yield Rejection(path_text(path), f"invalid date {_show(raw)}")
        return
    yield _article(path, options, fields.get("id") or path_text(path.stem), text, published,
                   title=fields.get("title"), source=fields.get("source"), url=fields.get("url"))


def _json_lines(handle: Any, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary file, each read with a cap: ``None`` for a line over ``limit`` bytes,
    whose rest is skipped without ever being held in memory."""
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(1 << 20)
            yield None
        else:
            yield raw


def _jsonl_record(raw: bytes) -> dict[str, Any] | str:
    """One JSON Lines record, or what is wrong with the line."""
    try:
        record = json.loads(decode_bytes(raw))
    except RecursionError:
        return "malformed JSON: nested too deeply"
    except (DecodeError, ValueError) as exc:
        return f"malformed JSON: {_show(str(exc), 120)}"
    if not isinstance(record, dict):
        return f"line is not a JSON object but {type(record).__name__}"
    return record


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Result]:
    """JSON Lines, one article a line (also the news-tls ``articles.jsonl`` shape)."""
    fd = _open_regular(path)
    if isinstance(fd, Rejection):
        yield fd
        return
    name, empty = path_text(path), True
    with os.fdopen(fd, "rb") as handle:
        for number, raw in enumerate(_json_lines(handle, options.max_bytes), start=1):
            if raw is None:
                yield Rejection(name, f"line is over the {options.max_bytes:,}-byte limit (max_bytes)", line=number)
                continue
            if not raw.strip():
                continue
            empty = False
            record = _jsonl_record(raw)
            if isinstance(record, str):
                yield Rejection(name, record, line=number)
                continue
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                why = "no 'text'" if text is None or isinstance(text, str) else f"'text' is a {type(text).__name__}"
                yield Rejection(name, why, line=number)
                continue
            raw_date = next((record[k] for k in ("published", "date", "time") if record.get(k)), None)
            published = parse_date(raw_date) if raw_date is not None else options.date
            if raw_date is not None and published is None:
                yield Rejection(name, f"invalid date {_show(raw_date)}", line=number)
                continue
            given = record.get("id")
            if (given is not None and not isinstance(given, str | int)) or isinstance(given, bool):
                yield Rejection(name, f"'id' is a {type(given).__name__}, not a string", line=number)
                continue
            article_id = str(given or f"{path_text(path.stem)}-{number}")
            meta = {k: record.get(k) if isinstance(record.get(k), str) else None for k in ("title", "url", "source")}
            yield _article(path, options, article_id, text, published, line=number, **meta)
    if empty:
        yield Rejection(name, "empty file")


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
    yield _article(path, options, f"{topic}/{path.parent.name}/{number}", text, published, source=source)


# What a cookie notice, sign-in wall or page footer says, in the words of a notice (not of an article
# about cookies or copyright): a page made mostly of these holds no article.
_BOILERPLATE = re.compile(
    r"we use cookies|this (?:site|website) uses cookies|by continuing to (?:browse|use)|"
    r"privacy (?:policy|settings|notice)|terms (?:of|and) (?:use|service|conditions)|"
    r"all rights reserved|accept all|reject all|manage (?:your )?preferences|subscribe to (?:read|continue)|"
    r"already a subscriber|sign (?:in|up)\b|log ?in\b|create an account|enable javascript|your browser is|"
    r"ad ?blocker|skip to (?:main )?content|\u00a9",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_COPYRIGHT_YEAR = re.compile(r"(?:\u00a9|&copy;|copyright)\s*(?:\d{4}\s*[-\u2013]\s*)?(\d{4})", re.IGNORECASE)


# Less text than this is a page's navigation, an error page or a stub: no news article is shorter
# (counted in characters, as Chinese or Japanese has no spaces between words).
_MIN_PAGE_CHARS = 60


# A page with more text than this is not a notice alone, whatever it speaks of: an article about
# a copyright case or cookie law names them in most of its sentences.
_MAX_NOTICE_CHARS = 1500


def _is_boilerplate(text: str) -> bool:
    """Whether a short page's text is mostly (by characters) sentences of notices, not news."""
    if len(text) > _MAX_NOTICE_CHARS:
        return False
    sentences = [s for s in (m[0].strip() for m in _SENTENCE.finditer(text)) if s]
    notice = sum(len(s) for s in sentences if _BOILERPLATE.search(s))
    return notice * 2 >= sum(len(s) for s in sentences)


def _page_date(html: str, tree: Any, today: str) -> dt.date | None:
    """A page's publication date: from its metadata and markup, else from its text, where a date
    that is only a copyright notice's year ("(c) 2024" read as 2024-01-01) does not count."""
    from htmldate import find_date  # heavy: imported only when an HTML page is read

    for extensive in (False, True):
        found = parse_date(find_date(tree, extensive_search=extensive, max_date=today, original_date=True))
        if found is None:
            continue
        if extensive and (found.month, found.day) == (1, 1) and any(
            int(m[1]) == found.year for m in _COPYRIGHT_YEAR.finditer(html)
        ):
            return None
        return found
    return None


def read_html(path: Path, options: ReadOptions) -> Iterator[Result]:
    """A web page: main text with trafilatura, publication date with htmldate."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    import trafilatura  # heavy: imported only when an HTML page is read
    from trafilatura.utils import load_html

    from chronicle.ingest.html_text import flatten_deep_html

    html = flatten_deep_html(text)
    tree = load_html(html)
    doc = trafilatura.bare_extraction(tree, with_metadata=True) if tree is not None else None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        yield Rejection(path_text(path), "no article text found in the HTML page")
        return
    if len(body) < _MIN_PAGE_CHARS:
        yield Rejection(path_text(path), f"no article in the HTML page: only {len(body)} characters of text")
        return
    if _is_boilerplate(body):
        yield Rejection(path_text(path), "no article in the HTML page: only notices (cookies, sign-in, copyright)")
        return
    # Never date a page in the future: a page cannot be published after we read it.
    published = _page_date(html, load_html(html), dt.date.today().isoformat()) or options.date
    yield _article(
        path,
        options,
        path_text(path.stem),
        body,
        published,
        title=getattr(doc, "title", None),
        source=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
    )


def _entry_date(entry: Any) -> tuple[dt.date | None, str | None]:
    """A feed entry's date in its own time zone, and the text it was read from.

    feedparser's own parsed dates are shifted to UTC (a late-evening entry moves to the next day)
    and read "10000-12-01" as 2010-12-01, so the date's text is parsed here: ISO 8601 (Atom),
    RFC 822 (RSS), and only then feedparser's reading of other forms, when it kept the stated year.
    """
    key = next((k for k in ("published", "updated", "created") if entry.get(k)), None)
    if key is None:
        return None, None
    raw = str(entry.get(key))
    found = parse_date(raw)
    if found is not None:
        return found, raw
    parts = email.utils.parsedate_tz(raw)
    if parts is not None:
        try:
            return dt.date(*parts[:3]), raw
        except ValueError:
            return None, raw
    parsed = entry.get(f"{key}_parsed")
    if parsed and re.search(rf"(?<!\d){parsed[0]}(?!\d)", raw):
        try:
            return dt.date(*parsed[:3]), raw
        except ValueError:
            return None, raw
    return None, raw


def read_feed(path: Path, options: ReadOptions) -> Iterator[Result]:
    """An RSS or Atom feed file: one article per entry."""
    text = _read_text(path, options)
    if isinstance(text, Rejection):
        yield text
        return
    import feedparser  # imported only when a feed is read

    from chronicle.ingest.html_text import html_to_text

    name = path_text(path)
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f"not a feed: {_show(str(feed.bozo_exception), 120)}" if feed.get("bozo") else "feed has no entries"
        yield Rejection(name, reason)
        return
    limit = options.settings.max_feed_entries
    if len(feed.entries) > limit:
        yield Rejection(name, f"feed has {len(feed.entries):,} entries, over the {limit:,}-entry limit (max_feed_entries)")
        return
    source = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        published, raw = _entry_date(entry)
        if raw is not None and published is None:
            yield Rejection(name, f"feed entry {number}: invalid date {_show(raw)}", line=number)
            continue
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        body = html_to_text(html or "")
        if not body.strip():
            yield Rejection(name, f"feed entry {number} has no text", line=number)
            continue
        article_id = entry.get("id") or entry.get("link") or f"{path_text(path.stem)}-{number}"
        yield _article(
            path, options, str(article_id), body, published or options.date, line=number,
            title=entry.get("title"), source=source, url=entry.get("link"),
        )


def read_parquet(path: Path, options: ReadOptions) -> Iterator[Result]:
    """Parquet, one article a row, columns named as JSON Lines fields (:mod:`chronicle.ingest.parquet`,
    a module of its own: it needs the optional pyarrow)."""
    from chronicle.ingest.parquet import read_parquet as read

    return read(path, options)


Reader = Callable[[Path, ReadOptions], Iterator[Result]]

#: Every reader, by the name ``--format`` takes.
FORMATS: dict[str, Reader] = {
    "seed": read_seed,
    "text": read_text,
    "jsonl": read_jsonl,
    "t17": read_t17,
    "html": read_html,
    "feed": read_feed,
    "parquet": read_parquet,
}


def _detect(path: Path, options: ReadOptions) -> str | Rejection:
    if options.format is not None:
        return options.format
    head = _read_prefix(path, 4096)
    return head if isinstance(head, Rejection) else detect_format(path, head)


def _unique_ids(items: Iterator[Result]) -> Iterator[Result]:
    """Items of one file, an id it repeats (twenty feed entries with one guid) made distinct by
    its occurrence, so that no entry overwrites another as an "update"."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article):
            article_id, n = item.id, 1
            while article_id in seen:
                n += 1
                article_id = f"{item.id}#{n}"
            seen.add(article_id)
            if article_id != item.id:
                item = replace(item, id=article_id)
        yield item


def read_file(path: Path, options: ReadOptions) -> Iterator[Result]:
    """Read one file with the reader chosen by ``options.format`` or by detection.

    Never raises for what a file holds: whatever goes wrong reading it becomes one rejection
    naming the file, after the articles read from it before the fault.
    """
    return whole_file(path, [_guarded(path, _read_detected(path, options))])


def _read_detected(path: Path, options: ReadOptions) -> Iterator[Result]:
    fmt = _detect(path, options)
    if isinstance(fmt, Rejection):
        yield fmt
        return
    yield from FORMATS[fmt](path, options)


def _guarded(path: Path, items: Iterator[Result]) -> Iterator[Result]:
    try:
        yield from items
    except Exception as exc:  # a hostile file must cost one rejection, never the batch
        yield Rejection(path_text(path), f"cannot be read ({type(exc).__name__}: {_show(str(exc), 120)})")


def whole_file(path: Path, parts: Iterable[Iterable[Result]]) -> Iterator[Result]:
    """A file's items from those of its parts in order (one part: the whole file), as
    :func:`read_file` gives them: an id the file repeats made distinct, a file that gave nothing named."""
    found = False
    for item in _unique_ids(chain.from_iterable(parts)):
        found = True
        yield item
    if not found:
        yield Rejection(path_text(path), "no articles in the file")


def file_parts(path: Path, options: ReadOptions, rows: int) -> list[range]:
    """The parts a file can be read in as separate tasks, each of about ``rows`` rows: runs of
    row groups of a Parquet file; every other file is one part (``range(0)``, all of it)."""
    # Only a file read as Parquet has its first bytes read here: the driver of a run plans every file.
    named = options.format is None and path.name.lower().endswith(".parquet")
    if not (options.format == "parquet" or named) or _detect(path, options) != "parquet":
        return [range(0)]
    from chronicle.ingest.parquet import row_group_parts

    return row_group_parts(path, rows)


def read_part(path: Path, options: ReadOptions, row_groups: range) -> Iterator[Result]:
    """The items of one part of a Parquet file (of :func:`file_parts`); :func:`whole_file` over
    the parts in order gives what :func:`read_file` gives for the file."""
    from chronicle.ingest.parquet import read_parquet as read

    return _guarded(path, read(path, options, row_groups))
