"""Fuzzing the readers: whatever the bytes, a reader yields articles or rejections, never raises.

The catch-all in ``read_file`` would hide a reader's exception as a rejection "cannot be read
(SomeError: ...)", so these tests also require that no rejection is of that kind: each reader
must know what can go wrong with its format. Articles that come out must be storable and inert.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.ingest import FORMATS, ReadOptions, parse_date, read_file
from chronicle.ingest.decode import DecodeError, decode_bytes
from chronicle.models import Article, Rejection
from chronicle.store import Store

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
SUFFIX = {"seed": ".txt", "text": ".txt", "jsonl": ".jsonl", "t17": ".txt", "html": ".html", "feed": ".rss"}


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def read_all(path: Path, fmt: str | None) -> list[Article | Rejection]:
    items = list(read_file(path, ReadOptions(format=fmt, max_bytes=1 << 20)))
    assert items, "a file must give an article or a rejection"
    for item in items:
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Rejection):
            assert item.reason and not item.reason.startswith("cannot be read ("), item.reason
        else:
            assert item.text.strip() and not UNSAFE.search(item.text) and not UNSAFE.search(item.id)
    return items


def store_all(workdir: Path, items: list[Article | Rejection]) -> None:
    with Store(workdir / "fuzz.db") as store, store.transaction():
        for item in items:
            if isinstance(item, Article):
                store.add_article(item)


@FUZZ
@given(st.one_of(st.text(max_size=80), st.integers(), st.floats(), st.none(), st.lists(st.text(max_size=5))))
def test_parse_date_never_raises(value: object) -> None:
    parse_date(value)


@FUZZ
@given(st.binary(max_size=2048))
def test_decode_raises_only_its_own_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str)


ANY_FORMAT = st.sampled_from([None, *sorted(FORMATS)])
# Bytes shaped like text: mostly printable ASCII and markup, with some of everything else.
TEXTISH = st.lists(st.one_of(st.sampled_from([b"<", b">", b"&", b"\n", b"\r", b" date 2024-03-05 ", b"{", b"}",
                                              b'"', b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"]),
                             st.binary(min_size=1, max_size=8), st.text(max_size=20).map(str.encode)),
                   max_size=200).map(b"".join)


def read_bytes_as(workdir: Path, fmt: str | None, data: bytes) -> None:
    path = workdir / f"bytes{SUFFIX.get(fmt or 'text')}"
    path.write_bytes(data)
    store_all(workdir, read_all(path, fmt))


@FUZZ
@given(fmt=ANY_FORMAT, data=st.binary(max_size=4096) | TEXTISH)
def test_any_bytes_in_any_format(workdir: Path, fmt: str | None, data: bytes) -> None:
    read_bytes_as(workdir, fmt, data)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=ANY_FORMAT, data=st.binary(max_size=4096) | TEXTISH)
def test_any_bytes_in_any_format_at_length(workdir: Path, fmt: str | None, data: bytes) -> None:
    read_bytes_as(workdir, fmt, data)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELD_VALUES = JSON | st.sampled_from(["2024-03-05", "0000-00-00", "2024-02-30", "9999-12-31", "10000-01-01",
                                       "2024-03-05T23:59:59-05:00", "\ud800", "\x1b]0;x\x07", ""])


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "date", "published", "time", "title", "url", "source"]),
                                FIELD_VALUES, max_size=6), min_size=1, max_size=5))
def test_jsonl_records_of_any_shape(workdir: Path, records: list[dict[str, object]]) -> None:
    path = workdir / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = read_all(path, None)
    assert len(items) == len(records)
    store_all(workdir, items)


DATE_TEXT = st.one_of(
    st.sampled_from(["0000-00-00T00:00:00Z", "0001-01-01T00:00:00+14:00", "10000-12-01T00:00:00Z",
                     "Tue, 05 Mar 2024 23:30:00 -0500", "Sat, 30 Feb 2024 10:00:00 GMT", "2024-03-05",
                     "Mon, 99 Foo 99999 99:99:99 +9999", "-0001-01-01"]),
    st.text(alphabet="0123456789-:TZ+ ,MonTueMarFebGMT", max_size=40),
)
HTML_BITS = st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<br>", "&amp;",
                                      "&lt;div&gt;", "<!--", "-->", "<![CDATA[", "]]>", "The pier closed. ", "\x00",
                                      "\ud800", "\u202e", "\x1b[2J"]), max_size=30).map("".join)


@FUZZ
@given(st.lists(st.tuples(st.text(max_size=12), DATE_TEXT, HTML_BITS), min_size=1, max_size=6),
       st.booleans())
def test_feeds_with_any_dates_and_content(workdir: Path, entries: list[tuple[str, str, str]], atom: bool) -> None:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;")

    if atom:
        body = "".join(f"<entry><id>{esc(i)}</id><updated>{esc(d)}</updated><summary>{esc(t)}</summary></entry>"
                       for i, d, t in entries)
        feed = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>w</title>{body}</feed>'
    else:
        body = "".join(f"<item><guid>{esc(i)}</guid><pubDate>{esc(d)}</pubDate><description>{esc(t)}</description></item>"
                       for i, d, t in entries)
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>{body}</channel></rss>'
    path = workdir / "feed.rss"
    path.write_bytes(feed.encode("utf-8", "surrogatepass"))
    store_all(workdir, read_all(path, None))


@FUZZ
@given(HTML_BITS, st.sampled_from(["", '<meta property="article:published_time" content="0000-00-00">',
                                   '<meta property="article:published_time" content="2024-03-05">']))
def test_html_pages_of_any_shape(workdir: Path, body: str, head: str) -> None:
    path = workdir / "page.html"
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body * 3}</body></html>"
    path.write_bytes(page.encode("utf-8", "surrogatepass"))
    store_all(workdir, read_all(path, None))
