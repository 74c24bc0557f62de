"""Real-news date accuracy: the tagger's dates against a hand-made gold on Timeline17 articles.

The gold (``tests/extract/real_news_dates.tsv``) gives, for date expressions sampled from
the Timeline17 dev articles, what a careful reader decides each one refers to: a day
``2009-04-16``, a month ``2009-04``, a week ``2009-W17``, a weekend ``2009-W17-WE``, a year,
quarter, season or decade, ``NONE`` when the span is not a calendar date at all ("1950 GMT",
"1,000", "fall") and ``UNKNOWN`` when the reader cannot place it (left out of the scores).

Each gold item is matched with the system timex that overlaps its span, preferring timexes
that have a calendar interval and, among them, the largest overlap. It counts as

* ``correct``: a dated gold whose system interval lies inside the answer's interval (the
  system value read at the answer's granularity is the answer: "2009-04-16" is right for
  "2009-04", "2009-04" is not right for "2009-04-16"); a ``NONE`` gold no overlapping
  timex gives a calendar date to;
* ``wrong_year``: the system date falls in none of the answer's years;
* ``wrong_other``: a year of the answer, but another day, month or a coarser unit;
* ``missed``: a dated gold no overlapping system timex dates;
* ``false_date``: a ``NONE`` gold that a system timex dates.

Accuracy is ``correct`` over the gold items that are not ``UNKNOWN``; the wrong-year rate is
``wrong_year`` over the dated items. Both are given for all items and for the *yearless* ones
(the expression names no 4-digit year and no 'YY), where wrong years come from.

Run ``python -m chronicle.evaluation.dates tests/extract/real_news_dates.tsv ../shared/bench/t17``
for the report of the current tagger.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from chronicle.extract.timex import tag
from chronicle.extract.timex.intervals import value_interval
from chronicle.ingest import ReadOptions, read_articles
from chronicle.models import PLAUSIBLE, Article, Timex
from chronicle.settings import Settings

__all__ = [
    "DateCounts",
    "DateMismatch",
    "DateScores",
    "FarEvents",
    "GoldDate",
    "far_dated_events",
    "format_report",
    "judge",
    "load_gold",
    "main",
    "product_resolve",
    "product_resolve_shown",
    "score_dates",
]

NONE = "NONE"
UNKNOWN = "UNKNOWN"
COLUMNS = ("file", "start", "end", "published", "expression", "answer", "note")
_YEAR_RE = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d\d)(?![\d,])|'\d\d\b")

Kind = Literal["correct", "wrong_year", "wrong_other", "missed", "false_date"]
Resolver = Callable[[Article], Sequence[Timex]]


@dataclass(frozen=True, slots=True)
class GoldDate:
    """One hand-answered expression: where it is, what it says and what it refers to."""

    file: str
    start: int
    end: int
    published: dt.date
    expression: str
    answer: str
    note: str = ""

    @property
    def dated(self) -> bool:
        """The answer is a calendar date (not ``NONE`` nor ``UNKNOWN``)."""
        return self.answer not in (NONE, UNKNOWN)

    @property
    def yearless(self) -> bool:
        """The expression names no 4-digit year and no 'YY."""
        return _YEAR_RE.search(self.expression) is None

    @property
    def topic(self) -> str:
        return self.file.split("/", 1)[0]

    def interval(self) -> tuple[dt.date, dt.date] | None:
        """The inclusive calendar interval of the answer, ``None`` for NONE and UNKNOWN."""
        if not self.dated:
            return None
        found = value_interval(self.answer)
        return (found[0], found[1]) if found else None


def load_gold(path: str | Path) -> list[GoldDate]:
    """Read the gold table: ``#`` comment lines, a header line, then one row a line."""
    rows: list[GoldDate] = []
    header_seen = False
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells[: len(COLUMNS) - 1]) != COLUMNS[:-1]:
                raise ValueError(f"{path}:{number}: expected the header {'/'.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) not in (len(COLUMNS) - 1, len(COLUMNS)):
            raise ValueError(f"{path}:{number}: expected {len(COLUMNS)} tab-separated cells, got {len(cells)}")
        file, start, end, published, expression, answer = cells[:6]
        gold = GoldDate(file, int(start), int(end), dt.date.fromisoformat(published), expression,
                        answer, cells[6] if len(cells) > 6 else "")
        if gold.end - gold.start != len(expression):
            raise ValueError(f"{path}:{number}: offsets {start}-{end} do not fit the expression {expression!r}")
        if gold.dated and gold.interval() is None:
            raise ValueError(f"{path}:{number}: answer {answer!r} is not a date value, NONE or UNKNOWN")
        rows.append(gold)
    return rows


@dataclass(frozen=True, slots=True)
class DateCounts:
    """Outcome counts over a set of gold items (``UNKNOWN`` ones left out)."""

    items: int = 0
    dated: int = 0
    correct: int = 0
    wrong_year: int = 0
    wrong_other: int = 0
    missed: int = 0
    false_date: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.items if self.items else 0.0

    @property
    def wrong_year_rate(self) -> float:
        return self.wrong_year / self.dated if self.dated else 0.0

    def add(self, kind: Kind, dated: bool) -> DateCounts:
        """These counts with one more item of outcome ``kind``."""
        return replace(self, items=self.items + 1, dated=self.dated + int(dated),
                       **{kind: getattr(self, kind) + 1})


@dataclass(frozen=True, slots=True)
class DateMismatch:
    """A gold item the system got wrong, with the system timex it was matched with."""

    gold: GoldDate
    kind: Kind
    system_text: str | None = None
    system_value: str | None = None


@dataclass(frozen=True, slots=True)
class DateScores:
    overall: DateCounts
    yearless: DateCounts
    unknown: int
    by_topic: Mapping[str, DateCounts] = field(default_factory=dict)
    mismatches: tuple[DateMismatch, ...] = ()


def _default_resolve(article: Article) -> Sequence[Timex]:
    return tag(article.text, article.published)


def _overlap(t: Timex, gold: GoldDate) -> int:
    return min(t.end, gold.end) - max(t.start, gold.start)


def judge(gold: GoldDate, timexes: Iterable[Timex]) -> tuple[Kind, Timex | None]:
    """The outcome of one gold item against the system timexes of its article."""
    overlapping = [t for t in timexes if _overlap(t, gold) > 0]
    dated = [t for t in overlapping if t.first is not None and t.last is not None]
    if not gold.dated:
        if dated:
            return "false_date", max(dated, key=lambda t: _overlap(t, gold))
        return "correct", max(overlapping, key=lambda t: _overlap(t, gold)) if overlapping else None
    if not dated:
        return "missed", max(overlapping, key=lambda t: _overlap(t, gold)) if overlapping else None
    best = max(dated, key=lambda t: _overlap(t, gold))
    interval = gold.interval()
    assert interval is not None and best.first is not None and best.last is not None
    first, last = interval
    if first <= best.first and best.last <= last:
        return "correct", best
    if best.last.year < first.year or best.first.year > last.year:
        return "wrong_year", best
    return "wrong_other", best


def product_resolve(article: Article) -> list[Timex]:
    """The time expressions the product reads in the article: its extraction path, without the model."""
    from chronicle.extract import analyse

    ((_, analysis),) = analyse([article], language=False)
    return [t for sentence in analysis.sentences for t in sentence.timexes]


def product_resolve_shown(article: Article) -> list[Timex]:
    """The dates the timeline uses: a date too doubtful to be shown counts as no date."""
    return [t if t.confidence >= PLAUSIBLE else replace(t, first=None, last=None, granularity=None)
            for t in product_resolve(article)]


def score_dates(gold: Sequence[GoldDate], bench_root: str | Path, resolve: Resolver | None = None) -> DateScores:
    """Score ``resolve`` (by default chronicle's tagger) on the gold items.

    Every article is read as chronicle reads it (Timeline17 format) and resolved once; an
    item whose offsets do not point at its expression raises ``ValueError``.
    """
    resolve = resolve or _default_resolve
    root = Path(bench_root)
    by_file: dict[str, list[GoldDate]] = defaultdict(list)
    for item in gold:
        by_file[item.file].append(item)
    overall = yearless = DateCounts()
    topics: dict[str, DateCounts] = {}
    unknown = 0
    mismatches: list[DateMismatch] = []
    for file in sorted(by_file):
        articles = [a for a in read_articles([root / file], ReadOptions(format="t17")) if isinstance(a, Article)]
        if not articles:
            raise ValueError(f"{file}: no article read under {root}")
        article = articles[0]
        timexes = list(resolve(article))
        for item in by_file[file]:
            if article.text[item.start:item.end] != item.expression:
                raise ValueError(f"{file}:{item.start}-{item.end}: the text there is "
                                 f"{article.text[item.start:item.end]!r}, not {item.expression!r}")
            if item.answer == UNKNOWN:
                unknown += 1
                continue
            kind, system = judge(item, timexes)
            overall = overall.add(kind, item.dated)
            topics[item.topic] = topics.get(item.topic, DateCounts()).add(kind, item.dated)
            if item.yearless:
                yearless = yearless.add(kind, item.dated)
            if kind != "correct":
                mismatches.append(DateMismatch(item, kind, system.text if system else None,
                                               system.value if system else None))
    return DateScores(overall, yearless, unknown, dict(sorted(topics.items())), tuple(mismatches))


def _line(name: str, c: DateCounts) -> str:
    return (f"{name:<22} {c.items:>5} {c.accuracy:>8.1%} {c.correct:>8} {c.wrong_year:>6} "
            f"{c.wrong_year_rate:>7.1%} {c.wrong_other:>6} {c.missed:>7} {c.false_date:>6}")


def format_report(scores: DateScores, mismatches: int | None = 40) -> str:
    """A plain-text report: the counts, by topic, and the mismatches (``None``: all of them)."""
    head = (f"{'':<22} {'items':>5} {'accuracy':>8} {'correct':>8} {'wr-yr':>6} {'wr-yr %':>7} "
            f"{'wr-oth':>6} {'missed':>7} {'false':>6}")
    out = ["Real-news dates (Timeline17 dev, hand-made gold)", "",
           "wr-yr % = wrong years over dated items; accuracy over items (UNKNOWN left out)", "",
           head, _line("all", scores.overall), _line("yearless", scores.yearless), ""]
    out += [_line(topic, counts) for topic, counts in scores.by_topic.items()]
    out.append(f"\nUNKNOWN items left out: {scores.unknown}")
    kinds = Counter(m.kind for m in scores.mismatches)
    out.append("mismatches: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    shown = scores.mismatches if mismatches is None else scores.mismatches[:mismatches]
    for m in shown:
        g = m.gold
        system = f"{m.system_text!r} -> {m.system_value}" if m.system_text is not None else "-"
        out.append(f"  {m.kind:<11} {g.file}:{g.start} pub {g.published} {g.expression!r} "
                   f"gold {g.answer}; system {system}")
    if len(shown) < len(scores.mismatches):
        out.append(f"  ... {len(scores.mismatches) - len(shown)} more")
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class FarEvents:
    """Default-timeline events put years from their article's date by an expression naming no year."""

    events: int
    far: int
    examples: tuple[tuple[str, str, str, str], ...]  # (topic, entry date, article, expression)

    @property
    def share(self) -> float:
        return self.far / self.events if self.events else 0.0


#: How far from its article's date an event must be put to count as far.
FAR_YEARS = 3


def far_dated_events(bench_root: str | Path, *, settings: Settings | None = None) -> FarEvents:
    """Build each topic's timeline as ``chronicle timeline <topic>/InputDocs`` does by default, and
    count the events whose date lies :data:`FAR_YEARS` or more years from the publication date of
    the article that dates them, by a time expression that names no year."""
    from chronicle.api import Chronicle

    events = far = 0
    examples: list[tuple[str, str, str, str]] = []
    for topic in sorted(p for p in Path(bench_root).iterdir() if (p / "InputDocs").is_dir()):
        with Chronicle(":memory:", settings=settings or Settings()) as story:
            story.ingest([topic / "InputDocs"])
            timeline = story.timeline(language=False)
        published = {a.id: a.published for a in timeline.articles}
        for entry in timeline.entries:
            for event in entry.events:
                events += 1
                head = event.evidence[0]
                day = published.get(head.article)
                expression = head.time_expression
                if day is None or expression is None or _YEAR_RE.search(expression):
                    continue
                first = _entry_day(entry.date)
                if abs((first - day).days) >= FAR_YEARS * 365:
                    far += 1
                    examples.append((topic.name, entry.date, head.article, expression))
    return FarEvents(events, far, tuple(examples))


def _entry_day(label: str) -> dt.date:
    """The first day of a timeline entry's ISO 8601 date at any granularity."""
    interval = value_interval(label)
    return interval[0] if interval is not None else dt.date.fromisoformat(label[:4] + "-01-01")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m chronicle.evaluation.dates GOLD.tsv T17_ROOT", file=sys.stderr)
        return 2
    scores = score_dates(load_gold(args[0]), args[1], product_resolve)
    print(format_report(scores, mismatches=None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
