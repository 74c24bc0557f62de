"""Write a corpus of hostile and broken input files into a folder, for ``chronicle ingest``.

    python scripts/hostile_corpus.py OUT_DIR [--big-mb 100]

Every file has an article ending, so a folder run reads all of them: broken encodings, binary
data, a 100 MB single line, 10,000-level nested HTML, a 10,000-entry feed, XML entity bombs,
JSON Lines and Parquet with wrong types (and Parquet files cut short, damaged or with a row
group that cannot be decoded), impossible and implausible dates, text in other languages,
boilerplate-only pages, special files (a named pipe, links to /dev/zero and /dev/urandom,
symbolic-link loops), control characters and non-UTF-8 bytes in names, and random mutations of
an article. The texts are written here; nothing is downloaded. The output is the same on every
run (seeded), and prints the number of files written.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

ARTICLE = (
    "The harbour authority of Brenmoor said on Tuesday that the eastern pier would stay closed "
    "until the spring. Engineers found cracks in two of its pillars after the storm of last week. "
    "Fishing crews will use the western quay in the meantime, the authority said. "
    "\u201cWe cannot take risks with people's lives,\u201d the harbour master told reporters."
)

# Short news-like texts in other languages and scripts, written for this corpus.
LANGUAGES = {
    "fr": "Le conseil municipal de Brenmoor a vot\u00e9 mardi la fermeture du vieux pont. Les travaux dureront un an.",
    "de": "Der Stadtrat von Brenmoor hat am Dienstag die Schlie\u00dfung der alten Br\u00fccke beschlossen. Die Arbeiten dauern ein Jahr.",
    "es": "El ayuntamiento de Brenmoor vot\u00f3 el martes cerrar el viejo puente. Las obras durar\u00e1n un a\u00f1o.",
    "ru": "\u0413\u043e\u0440\u043e\u0434\u0441\u043a\u043e\u0439 \u0441\u043e\u0432\u0435\u0442 \u043f\u0440\u043e\u0433\u043e\u043b\u043e\u0441\u043e\u0432\u0430\u043b \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a \u0437\u0430 \u0437\u0430\u043a\u0440\u044b\u0442\u0438\u0435 \u0441\u0442\u0430\u0440\u043e\u0433\u043e \u043c\u043e\u0441\u0442\u0430. \u0420\u0430\u0431\u043e\u0442\u044b \u0437\u0430\u0439\u043c\u0443\u0442 \u0433\u043e\u0434.",
    "el": "\u03a4\u03bf \u03b4\u03b7\u03bc\u03bf\u03c4\u03b9\u03ba\u03cc \u03c3\u03c5\u03bc\u03b2\u03bf\u03cd\u03bb\u03b9\u03bf \u03b1\u03c0\u03bf\u03c6\u03ac\u03c3\u03b9\u03c3\u03b5 \u03c4\u03b7\u03bd \u03a4\u03c1\u03af\u03c4\u03b7 \u03bd\u03b1 \u03ba\u03bb\u03b5\u03af\u03c3\u03b5\u03b9 \u03c4\u03b7\u03bd \u03c0\u03b1\u03bb\u03b9\u03ac \u03b3\u03ad\u03c6\u03c5\u03c1\u03b1.",
    "zh": "\u5e02\u8bae\u4f1a\u5468\u4e8c\u6295\u7968\u51b3\u5b9a\u5173\u95ed\u65e7\u6865\u3002\u5de5\u7a0b\u5c06\u6301\u7eed\u4e00\u5e74\u3002",
    "ja": "\u5e02\u8b70\u4f1a\u306f\u706b\u66dc\u65e5\u3001\u53e4\u3044\u6a4b\u3092\u9589\u9396\u3059\u308b\u3053\u3068\u3092\u6c7a\u3081\u305f\u3002\u5de5\u4e8b\u306f\u4e00\u5e74\u304b\u304b\u308b\u3002",
    "ar": "\u0635\u0648\u062a \u0645\u062c\u0644\u0633 \u0627\u0644\u0645\u062f\u064a\u0646\u0629 \u064a\u0648\u0645 \u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621 \u0639\u0644\u0649 \u0625\u063a\u0644\u0627\u0642 \u0627\u0644\u062c\u0633\u0631 \u0627\u0644\u0642\u062f\u064a\u0645.",
    "hi": "\u0928\u0917\u0930 \u092a\u0930\u093f\u0937\u0926 \u0928\u0947 \u092e\u0902\u0917\u0932\u0935\u093e\u0930 \u0915\u094b \u092a\u0941\u0930\u093e\u0928\u093e \u092a\u0941\u0932 \u092c\u0902\u0926 \u0915\u0930\u0928\u0947 \u0915\u093e \u092b\u0948\u0938\u0932\u093e \u0915\u093f\u092f\u093e\u0964",
    "ko": "\uc2dc\uc758\ud68c\ub294 \ud654\uc694\uc77c \uc624\ub798\ub41c \ub2e4\ub9ac\ub97c \ud3d0\uc1c4\ud558\uae30\ub85c \uacb0\uc815\ud588\ub2e4.",
    "tr": "Belediye meclisi sal\u0131 g\u00fcn\u00fc eski k\u00f6pr\u00fcn\u00fcn kapat\u0131lmas\u0131na karar verdi. \u00c7al\u0131\u015fmalar bir y\u0131l s\u00fcrecek.",
    "th": "\u0e2a\u0e20\u0e32\u0e40\u0e21\u0e37\u0e2d\u0e07\u0e25\u0e07\u0e21\u0e15\u0e34\u0e1b\u0e34\u0e14\u0e2a\u0e30\u0e1e\u0e32\u0e19\u0e40\u0e01\u0e48\u0e32\u0e40\u0e21\u0e37\u0e48\u0e2d\u0e27\u0e31\u0e19\u0e2d\u0e31\u0e07\u0e04\u0e32\u0e23",
}

BOILERPLATE = [
    "We use cookies to improve your experience and to show you relevant advertising. By continuing "
    "to browse you agree to our use of cookies. <button>Accept all</button> <button>Manage preferences</button>",
    "Subscribe to read this article. Already a subscriber? Sign in. Create an account to get our newsletter.",
    "Please enable JavaScript in your browser to view this site. Your browser is not supported.",
    "It looks like you are using an ad blocker. Please disable your ad blocker to support our advertising.",
    "Skip to main content. Log in. Sign up. Privacy policy. Terms of use. All rights reserved.",
    "This site uses cookies. Read our privacy policy and our terms and conditions. Reject all. Accept all.",
]

DATES = [
    "0000-00-00", "0000-00-00T00:00:00Z", "0001-01-01T00:00:00+14:00", "2024-02-30", "2023-13-01",
    "9999-12-31", "9999-12-31T23:59:59-12:00", "3024-06-01", "10000-12-01T00:00:00Z", "-0001-01-01",
    "1066-10-14", "2024-00-10", "24-01-01", "yesterday", "2024-02-29T25:61:00Z",
]


def _html(body: str, head: str = "<title>Brenmoor</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _rss(items: str) -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def _item(guid: str, date: str, text: str) -> str:
    return f"<item><guid>{guid}</guid><title>Pier</title><pubDate>{date}</pubDate><description>{text}</description></item>"


def _atom(entries: str) -> str:
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{entries}</feed>'


def _entry(eid: str, date: str, text: str) -> str:
    return f"<entry><id>{eid}</id><title>Pier</title><updated>{date}</updated><summary>{text}</summary></entry>"


class Corpus:
    """The folder being written, and how many files are in it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def write(self, name: str | bytes, data: bytes | str) -> None:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        path = os.path.join(os.fsencode(self.folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as handle:
            handle.write(raw)
        self.count += 1

    def special(self, name: str, make: Callable[[str], None]) -> None:
        try:
            make(str(self.folder / name))
        except OSError:
            return  # not possible on this system (no FIFOs, no /dev): nothing to test
        self.count += 1


def encodings(c: Corpus) -> None:
    raw = ("date: 2024-03-05\n\n" + ARTICLE + " Caf\u00e9 \u00e0 la cr\u00e8me \u2014 \u00ab\u00a0ok\u00a0\u00bb.").encode()
    for i, cut in enumerate(range(len(raw) - 1, len(raw) - 41, -2)):
        c.write(f"truncated-utf8-{i:02d}.txt", raw[:cut])
    for lang, text in LANGUAGES.items():
        body = f"date: 2024-03-05\n\n{text}\n"
        c.write(f"lang-{lang}.txt", body.encode())
        for enc, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
            c.write(f"utf16-bom-{enc}-{lang}.txt", bom + body.encode(enc))
            c.write(f"utf16-nobom-{enc}-{lang}.txt", body.encode(enc))
        c.write(f"utf32-{lang}.txt", body.encode("utf-32"))
    c.write("utf16-odd-length.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x00")
    c.write("latin1-no-declaration.txt", ("date: 2024-03-05\n\n" + ARTICLE + " Caf\u00e9.").encode("latin-1", "replace"))
    c.write("cp1252-quotes.txt", "date: 2024-03-05\n\n\u201cQuoted\u201d text \u2013 dash.".encode("cp1252"))
    c.write("shift-jis.txt", LANGUAGES["ja"].encode("shift_jis"))
    c.write("bom-only.txt", codecs.BOM_UTF8)
    c.write("bom-then-space.txt", codecs.BOM_UTF8 + b"   \n\n")
    c.write("double-bom.txt", codecs.BOM_UTF8 * 2 + b"date: 2024-03-05\n\n" + ARTICLE.encode())
    c.write("utf8-overlong.txt", b"date: 2024-03-05\n\n\xc0\xaf\xe0\x80\xaf " + ARTICLE.encode())
    c.write("utf8-surrogate-bytes.txt", b"date: 2024-03-05\n\n\xed\xa0\x80 " + ARTICLE.encode())


def nul_and_binary(c: Corpus, rng: random.Random) -> None:
    text = ("date: 2024-03-05\n\n" + ARTICLE).encode()
    for i in range(8):
        at = rng.randrange(len(text))
        c.write(f"nul-{i}.txt", text[:at] + b"\x00" * (i + 1) + text[at:])
    c.write("nul-only.txt", b"\x00" * 4096)
    c.write("nul-in-jsonl.jsonl", b'{"id": "n1", "text": "Pier\x00 closed."}\n')
    c.write("nul-escaped-jsonl.jsonl", b'{"id": "n2", "text": "Pier\\u0000 closed on Tuesday."}\n')
    c.write("nul-html.html", _html("<p>Pier\x00closed.</p>").encode())
    for i in range(6):
        c.write(f"random-bytes-{i}.txt", rng.randbytes(512 * (i + 1)))
    c.write("png-header.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000))
    c.write("elf.txt", b"\x7fELF\x02\x01\x01" + bytes(200))
    c.write("zip.txt", b"PK\x03\x04" + rng.randbytes(300))
    # Compressed input is not read: a gzip bomb is only ever a binary file here.
    c.write("gzip-bomb.txt", gzip.compress(b"\x00" * (20 * 1024 * 1024), compresslevel=9))
    c.write("gzip-text.txt", gzip.compress(ARTICLE.encode()))
    c.write("control-bytes.txt", bytes(range(1, 32)) * 50)
    c.write("escape-sequences.txt", ("date: 2024-03-05\n\n\x1b]0;PWNED\x07\x1b[2J" + ARTICLE).encode())


def sizes(c: Corpus, big_mb: int) -> None:
    chunk = b"a" * (1 << 20)
    for name in ("single-line-100mb.txt", "single-line-100mb.jsonl"):
        with open(c.folder / name, "wb") as handle:
            for _ in range(big_mb):
                handle.write(chunk)
        c.count += 1
    sentence = (ARTICLE + " ").encode()
    c.write("just-over-max-bytes.txt", b"date: 2024-03-05\n\n" + sentence * (10 * 1024 * 1024 // len(sentence) + 1))
    c.write("article-2m-chars.txt", b"date: 2024-03-05\n\n" + sentence * (2_000_000 // len(sentence)))
    c.write("run-of-50k-chars.txt", b"date: 2024-03-05\n\n" + b"word " * 10_000)
    c.write("zalgo.txt", ("date: 2024-03-05\n\nH" + "\u0336\u0301" * 20_000 + ". Pier closed.").encode())
    c.write("many-lines.txt", b"date: 2024-03-05\n\n" + b"\n" * 500_000 + sentence)
    jsonl = "".join(json.dumps({"id": f"bulk-{i}", "text": f"Report number {i} on the pier. {ARTICLE}",
                                "date": "2024-03-05"}) + "\n" for i in range(300))
    c.write("many-records.jsonl", jsonl)
    c.write("long-jsonl-line.jsonl", json.dumps({"id": "long", "text": "x" * (11 * 1024 * 1024)}) + "\n")


def nesting(c: Corpus) -> None:
    body = f"<p>{ARTICLE}</p>"
    for tag in ("div", "span", "b", "section", "table", "blockquote", "li", "font"):
        c.write(f"nested-10000-{tag}.html", _html(f"<{tag}>" * 10_000 + body + f"</{tag}>" * 10_000))
    c.write("nested-10000-unclosed.html", _html("<div>" * 10_000 + body))
    c.write("nested-100000-div.html", _html("<div>" * 100_000 + body + "</div>" * 100_000))
    c.write("nested-feed-entry.rss", _rss(_item("n1", "Tue, 05 Mar 2024 10:00:00 +0000",
                                                 "&lt;div&gt;" * 10_000 + ARTICLE + "&lt;/div&gt;" * 10_000)))
    c.write("nested-xml-feed.rss", _rss("<x>" * 10_000 + "</x>" * 10_000))
    c.write("unclosed-comment.html", _html("<!--" + body))
    c.write("unclosed-script.html", _html("<script>" + body))
    c.write("huge-attribute.html", _html(f'<p title="{"a" * 2_000_000}">{ARTICLE}</p>'))
    c.write("many-paragraphs.html", _html(f"<p>{ARTICLE}</p>" * 2000))


def feeds(c: Corpus) -> None:
    items = "".join(_item(f"e{i}", "Tue, 05 Mar 2024 10:00:00 +0000", f"Entry {i}. {ARTICLE}") for i in range(10_000))
    c.write("feed-10000-entries.rss", _rss(items))
    entries = "".join(_entry(f"a{i}", "2024-03-05T10:00:00Z", f"Entry {i}.") for i in range(10_000))
    c.write("feed-10000-entries.atom", _atom(entries))
    same = "".join(_item("same-guid", "Tue, 05 Mar 2024 10:00:00 +0000", f"Story {i}: the pier {i} reopened.")
                   for i in range(20))
    c.write("feed-one-guid.rss", _rss(same))
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i else "&lol;" * 10}">' for i in range(9))
            + ']><rss version="2.0"><channel><title>&lol8;</title>'
            + _item("b", "Tue, 05 Mar 2024 10:00:00 +0000", "&lol8;") + "</channel></rss>")
    c.write("billion-laughs.rss", bomb)
    c.write("xxe.rss", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + _rss(_item("x", "Tue, 05 Mar 2024 10:00:00 +0000", "&x;")))
    quad = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + "a" * 50_000 + '">]>'
    c.write("quadratic-blowup.rss", quad + _rss(_item("q", "Tue, 05 Mar 2024 10:00:00 +0000", "&a;" * 2000)))
    c.write("feed-no-entries.rss", _rss(""))
    c.write("feed-not-xml.rss", "this is not a feed at all")
    c.write("feed-truncated.rss", _rss(_item("t", "Tue, 05 Mar 2024", ARTICLE))[:-40])
    c.write("feed-empty-entries.rss", _rss(_item("e", "Tue, 05 Mar 2024 10:00:00 +0000", "") * 3))
    c.write("feed-script-only.rss", _rss(_item("s", "Tue, 05 Mar 2024 10:00:00 +0000", "&lt;script&gt;alert(1)&lt;/script&gt;")))
    c.write("feed-late-evening.atom", _atom(_entry("late", "2024-03-05T23:30:00-05:00", ARTICLE)))
    c.write("feed-rdf.xml", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/"><item><title>t</title><description>d</description></item></rdf:RDF>')


def dates(c: Corpus) -> None:
    for i, date in enumerate(DATES):
        c.write(f"date-{i:02d}-text.txt", f"date: {date}\n\n{ARTICLE}")
        c.write(f"date-{i:02d}-front.md", f"---\ndate: {date}\ntitle: Pier\n---\n{ARTICLE}")
        c.write(f"date-{i:02d}-seed.txt", f" date {date} {ARTICLE}")
        c.write(f"date-{i:02d}.jsonl", json.dumps({"id": f"d{i}-jsonl", "text": ARTICLE, "date": date}) + "\n")
        c.write(f"date-{i:02d}.atom", _atom(_entry(f"d{i}-atom", date, ARTICLE)))
        c.write(f"date-{i:02d}.rss", _rss(_item(f"d{i}-rss", date, ARTICLE)))
        c.write(f"date-{i:02d}.html", _html(f"<article><p>{ARTICLE}</p></article>",
                                            f'<title>Pier</title><meta property="article:published_time" content="{date}">'))


def jsonl(c: Corpus) -> None:
    cases: list[str] = [
        '{"id": "t1", "text": 42}', '{"id": "t2", "text": ["a", "b"]}', '{"id": "t3", "text": null}',
        '{"id": "t4", "text": {"body": "x"}}', '{"id": ["x"], "text": "Pier closed on Tuesday."}',
        '{"id": {"a": 1}, "text": "Pier closed on Tuesday."}', '{"id": true, "text": "Pier closed on Tuesday."}',
        '{"id": 1.5, "text": "Pier closed on Tuesday."}', '{"id": "t9", "text": "Pier closed.", "date": 20240305}',
        '{"id": "t10", "text": "Pier closed.", "date": ["2024-03-05"]}', '{"id": "t11", "text": "Pier closed.", "date": true}',
        '{"id": "t12", "text": "Pier closed.", "title": 5, "url": [], "source": {}}', "[1, 2, 3]", '"just a string"',
        "42", "null", "true", '{"id": "t18", "text": NaN}', '{"id": "t19", "text": "a", "text": "Pier closed."}',
        '{"id": "t20", "text": "Pier closed.", "date": "' + "9" * 5000 + '"}', "{" * 100_000, "[" * 100_000,
        '{"a":' * 50_000, '{"id": "t24", "text": "' + "1" * 5000 + '", "n": ' + "1" * 5000 + "}",
        '{"id": "\\ud800", "text": "Lone surrogate in the id of this article."}',
        '{"id": "t26", "text": "Lone surrogate \\udfff in the text of this article."}',
        '{"id": "\\u001b]0;PWNED\\u0007", "text": "An id that would retitle the terminal."}',
        '{"id": "t28", "title": "\\u001b[31mred\\u001b[0m", "text": "A title with colour codes."}',
        '{"id": "[bold]markup[/bold]", "text": "An id that is rich markup."}',
        '{"id": "\\u202eevil", "text": "An id with a right-to-left override."}', "{not json}", "",
        '{"id": "t33", "text": "   "}', '{"id": "t34"}', "\ufeff" + '{"id": "t35", "text": "BOM before a line."}',
    ]
    for i, line in enumerate(cases):
        c.write(f"jsonl-case-{i:02d}.jsonl", line + "\n")
    c.write("jsonl-empty.jsonl", b"")
    c.write("jsonl-blank-lines.jsonl", b"\n\n   \n")
    c.write("jsonl-crlf.jsonl", b'{"id": "crlf", "text": "Windows line ends."}\r\n{"id": "crlf2", "text": "Two."}\r\n')
    c.write("jsonl-same-id.jsonl", "".join(json.dumps({"id": "dup", "text": f"Version {i} of the pier story."}) + "\n"
                                           for i in range(5)))
    c.write("jsonl-no-final-newline.jsonl", '{"id": "nf", "text": "No newline at the end."}')


def _parquet_bytes(columns: dict[str, Any], **options: Any) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    arrays = {k: v if isinstance(v, pa.Array) else pa.array(v) for k, v in columns.items()}
    pq.write_table(pa.table(arrays), sink, **options)
    return bytes(sink.getvalue().to_pybytes())


def parquet(c: Corpus, big_mb: int) -> None:
    """Parquet files of wrong types and broken bytes (skipped without pyarrow, the optional extra)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return
    rng = random.Random(20261204)  # its own: the other sections' files stay as they were
    good = _parquet_bytes({"id": [f"p{i}" for i in range(30)], "date": ["2024-03-05"] * 30,
                           "text": [f"Report {i}. {ARTICLE}" for i in range(30)]}, row_group_size=7)
    c.write("parquet-empty.parquet", b"")
    c.write("parquet-magic-only.parquet", b"PAR1PAR1")
    c.write("parquet-cut-short.parquet", good[:-30])
    c.write("parquet-not-parquet.parquet", f"date: 2024-03-05\n\n{ARTICLE}")
    c.write("parquet-no-rows.parquet", _parquet_bytes({"text": pa.array([], pa.string())}))
    c.write("parquet-no-text-column.parquet", _parquet_bytes({"body": [ARTICLE]}))
    c.write("parquet-text-int.parquet", _parquet_bytes({"text": [1, 2, 3]}))
    c.write("parquet-text-list.parquet", _parquet_bytes({"text": [[ARTICLE]]}))
    c.write("parquet-text-struct.parquet", _parquet_bytes({"text": [{"body": ARTICLE}]}))
    c.write("parquet-id-float.parquet", _parquet_bytes({"id": [1.5], "text": [ARTICLE]}))
    c.write("parquet-date-bool.parquet", _parquet_bytes({"date": [True], "text": [ARTICLE]}))
    c.write("parquet-dates.parquet", _parquet_bytes({"id": [f"pd{i}" for i in range(len(DATES))], "date": DATES,
                                                     "text": [ARTICLE] * len(DATES)}))
    c.write("parquet-date32-year-10000.parquet", _parquet_bytes(
        {"text": [ARTICLE], "date": pa.array([3_000_000], pa.int32()).cast(pa.date32())}))
    schema = pa.schema([("text", pa.string()), ("text", pa.string())])
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_arrays([pa.array([ARTICLE]), pa.array([ARTICLE])], schema=schema), sink)
    c.write("parquet-two-text-columns.parquet", sink.getvalue().to_pybytes())
    plain = _parquet_bytes({"text": [ARTICLE], "zzzz": [1]}, compression="none", store_schema=False)
    c.write("parquet-invalid-utf8.parquet", plain.replace(b"harbour", b"harb\xffur"))
    c.write("parquet-column-name-not-utf8.parquet", plain.replace(b"zzzz", b"\xff\xfe\xfd\xfc"))
    # A huge row beside a good one: the row is refused, the good one read.
    huge = "word " * (big_mb * 1024 * 1024 // 50)
    c.write("parquet-huge-row.parquet", _parquet_bytes({"id": ["huge", "ok"], "text": [huge, ARTICLE]}))
    c.write("parquet-many-row-groups.parquet", _parquet_bytes(
        {"id": [f"g{i}" for i in range(2000)], "text": [f"Row {i}. {ARTICLE}" for i in range(2000)]},
        row_group_size=1))
    for i in range(20):
        data = bytearray(good)
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(data))
            data[at : at + rng.randint(0, 8)] = rng.randbytes(rng.randint(0, 8))
        c.write(f"parquet-damaged-{i:02d}.parquet", bytes(data))


def texts(c: Corpus) -> None:
    c.write("empty.txt", b"")
    c.write("spaces.txt", b"   \t  \n\n ")
    c.write("cr-only.txt", ("date: 2024-03-05\r\r" + ARTICLE.replace(". ", ".\r")).encode())
    c.write("crlf.txt", ("date: 2024-03-05\r\n\r\n" + ARTICLE).encode())
    c.write("seed-bom.txt", codecs.BOM_UTF8 + f" date 2024-03-05 {ARTICLE}".encode())
    c.write("seed-utf16.txt", f" date 2024-03-05 {ARTICLE}".encode("utf-16"))
    c.write("seed-cr.txt", f" date 2024-03-05 {ARTICLE}\r\rMore.\r".encode())
    c.write("front-matter-unclosed.md", f"---\ndate: 2024-03-05\ntitle: x\n{ARTICLE}")
    c.write("front-matter-only.md", "---\ndate: 2024-03-05\n---\n")
    c.write("header-only.txt", "date: 2024-03-05\ntitle: Nothing else\n")
    c.write("huge-title.md", f"---\ndate: 2024-03-05\ntitle: {'T' * 100_000}\n---\n{ARTICLE}")
    c.write("form-feeds.txt", ("date: 2024-03-05\f\f" + ARTICLE).encode())
    c.write("bidi-override.txt", "date: 2024-03-05\n\n\u202e" + ARTICLE)
    c.write("only-punctuation.txt", "." * 5000)
    c.write("private-use.txt", "date: 2024-03-05\n\n" + "\ue000" * 300)
    c.write("emoji-flood.txt", "date: 2024-03-05\n\n" + "\U0001f600\u200d" * 6000)


def pages(c: Corpus) -> None:
    for i, text in enumerate(BOILERPLATE):
        c.write(f"boilerplate-{i}.html", _html(f"<div class='notice'><p>{text}</p></div>"
                                              "<footer><p>\u00a9 2024 Example Media Group. All rights reserved.</p></footer>"))
    c.write("page-empty-body.html", _html(""))
    c.write("page-nav-only.html", _html("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"))
    c.write("page-404.html", _html("<h1>404</h1><p>Page not found.</p>"))
    c.write("page-script-only.html", _html("<script>document.write('news')</script>"))
    c.write("page-not-html.html", "plain words in a file called html")
    c.write("page-iframe.html", _html("<iframe src='https://example.invalid/'></iframe>"))


def special(c: Corpus) -> None:
    c.special("fifo.txt", os.mkfifo)
    c.special("dev-zero.txt", lambda p: os.symlink("/dev/zero", p))
    c.special("dev-urandom.txt", lambda p: os.symlink("/dev/urandom", p))
    c.special("dev-null.txt", lambda p: os.symlink("/dev/null", p))
    c.special("loop-a.txt", lambda p: os.symlink("loop-b.txt", p))
    c.special("loop-b.txt", lambda p: os.symlink("loop-a.txt", p))
    c.special("loop-self.txt", lambda p: os.symlink("loop-self.txt", p))
    c.special("dangling.txt", lambda p: os.symlink("does-not-exist.txt", p))
    c.special("folder-loop.txt", lambda p: os.symlink(".", p))
    c.special("dir-named.txt", os.mkdir)
    c.special("fifo.jsonl", os.mkfifo)
    c.special("fifo.html", os.mkfifo)
    c.special("fifo.parquet", os.mkfifo)


def names(c: Corpus) -> None:
    body = f"date: 2024-03-05\n\n{ARTICLE}"
    c.write(b"latin1-\xe9t\xe9.txt", body + " Name in Latin-1.")
    c.write(b"invalid-\xff\xfe.txt", body + " Name with bytes that are no UTF-8.")
    c.write(b"surrogate-\xed\xa0\x80.txt", body + " Name with an encoded surrogate.")
    c.write("\x1b]0;PWNED\x07.txt", body + " Name with a terminal escape.")
    c.write("[red]markup[bold].txt", body + " Name that is rich markup.")
    c.write("new\nline.txt", body + " Name with a newline.")
    c.write("\u202etxt.evil.txt", body + " Name with a right-to-left override.")
    c.write(" leading space.txt", body + " Name with a leading space.")


def mutations(c: Corpus, rng: random.Random, count: int) -> None:
    """Random damage to good files of each format: flipped, dropped and inserted bytes."""
    originals = {
        "txt": f"date: 2024-03-05\n\n{ARTICLE}",
        "jsonl": json.dumps({"id": "m", "text": ARTICLE, "date": "2024-03-05"}) + "\n",
        "html": _html(f"<article><p>{ARTICLE}</p></article>"),
        "rss": _rss(_item("m", "Tue, 05 Mar 2024 10:00:00 +0000", ARTICLE)),
        "atom": _atom(_entry("m", "2024-03-05T10:00:00Z", ARTICLE)),
    }
    kinds = sorted(originals)
    for i in range(count):
        kind = kinds[i % len(kinds)]
        data = bytearray(originals[kind].encode())
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(data))
            action = rng.randrange(3)
            if action == 0:
                data[at] = rng.randrange(256)
            elif action == 1:
                del data[at : at + rng.randint(1, 40)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 8))
        c.write(f"mutated-{i:03d}.{kind}", bytes(data))


def write_corpus(folder: Path, *, big_mb: int = 100, mutated: int = 60) -> int:
    """Write every hostile file into ``folder`` (created if needed); the number of files written."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261203)
    c = Corpus(folder)
    encodings(c)
    nul_and_binary(c, rng)
    sizes(c, big_mb)
    nesting(c)
    feeds(c)
    dates(c)
    jsonl(c)
    parquet(c, big_mb)
    texts(c)
    pages(c)
    special(c)
    names(c)
    mutations(c, rng, mutated)
    return c.count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--big-mb", type=int, default=100, help="Size of the single-line files (MB).")
    parser.add_argument("--mutated", type=int, default=60, help="Randomly damaged copies of good files.")
    args = parser.parse_args()
    print(write_corpus(args.folder, big_mb=args.big_mb, mutated=args.mutated))


if __name__ == "__main__":
    main()
