"""Sample candidate date expressions from the Timeline17 dev articles for hand annotation.

The gold table ``tests/extract/real_news_dates.tsv`` was made from this sample. To keep the
sample from leaning towards what chronicle's tagger already finds, candidates come from two
sources, merged:

* a broad, recall-oriented regex of this script's own (month names and abbreviations with or
  without day and year, weekdays, today/yesterday/tomorrow/tonight, this/last/next + unit or
  weekday, "N days ago/later/earlier", "earlier this month", seasons, "the day before",
  4-digit numbers 1000-2099 and 1,000-2,099, which are often not years at all);
* every span of ``chronicle.extract.timex.tag(article.text, article.published)``.

Overlapping spans are merged into one candidate. Candidates are put in strata (month names,
weekdays and day words, relative periods, expressions with a year, bare 4-digit numbers,
numbers 1,000-2,099, spans only the tagger found) and each
topic's sample takes a fixed quota from each stratum at random (fixed seed), at most two
candidates per article. The sample depends on the tagger's spans too: it is the table's sample
only with the tagger the table was made with (the ``date-gold`` branch, before the tagger fix);
once the tagger changes, keep the table and do not re-sample.

Usage::

    python scripts/sample_date_candidates.py ../shared/bench/t17 > /tmp/candidates.tsv
    python scripts/sample_date_candidates.py ../shared/bench/t17 --show H1N1_bbc --window 300

``--show`` prints each sampled candidate of a topic in its context (for the annotator's eyes
only: article text never goes into the repository). The TSV output holds offsets and the
candidate's own text only.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from chronicle.extract.timex import tag
from chronicle.ingest import ReadOptions, read_articles
from chronicle.models import Article

SEED = 20240917
#: Candidates drawn per topic from each stratum.
QUOTAS = {"month": 10, "dayword": 8, "relative": 7, "year": 7, "number": 5, "comma": 3, "tagger": 2}
PER_ARTICLE = 2

_MONTHS = (
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_WEEKDAYS = (
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?"
)
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|20\d\d|'\d\d)"
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|weekends?|quarters?)"
_SEASON = r"(?:spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)"
_NUMWORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|a few|several|a couple of|some)"
)
_EDGE = r"(?:early|mid|late|the end of|end of|the beginning of|the start of|the middle of)"

_PATTERNS = [
    # month names, with an optional day before or after, an optional year, an optional edge
    rf"(?:{_EDGE}[\s-]*)?(?:{_WEEKDAYS}\s*,?\s*)?(?:{_DAYNUM}\s+(?:of\s+)?)?{_MONTHS}"
    rf"(?:\s+{_DAYNUM}(?![\d,]))?(?:\s*,?\s*{_YEAR}(?!\d))?",
    # weekdays, with this/last/next and a part of the day
    rf"(?:(?:last|next|this|coming|previous)\s+)?{_WEEKDAYS}(?:\s+(?:morning|afternoon|evening|night))?",
    r"\b(?:today|yesterday|tomorrow|tonight|Today|Yesterday|Tomorrow|Tonight)\b",
    r"\b(?:this|last|next|past|coming|previous|following|That|This|Last|Next)\s+"
    r"(?:week|weekend|month|year|quarter|morning|afternoon|evening|night|decade|fortnight|" + _SEASON[3:-1] + r")\b",
    rf"\b{_NUMWORD}\s+{_UNIT}\s+(?:ago|later|earlier|before|after|previously|beforehand|on)\b",
    rf"\b(?:earlier|later|Earlier|Later)\s+(?:this|that|in the|next|last)\s+(?:{_UNIT}|day)\b",
    rf"\b(?:the|The)\s+(?:previous|next|following|same|preceding)\s+(?:{_UNIT}|day|night|morning)\b",
    r"\b(?:the|The)\s+(?:day|night|week|month|year)\s+(?:before|after)\b",
    rf"\b(?:{_EDGE}\s+)?{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?\b",
    rf"\b(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+of\s+{_YEAR})?\b",
    r"(?<![\d.,])(?:1\d{3}|20\d\d)(?![\d,])(?:s\b)?",
    r"(?<![\d.,])(?:1,\d{3}|2,0\d\d)(?![\d,])",
]
CANDIDATE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_HAS_YEAR = re.compile(r"(?<![\d,])(?:1\d{3}|20\d\d)(?![\d,])|'\d\d\b")
_BARE_NUMBER = re.compile(r"^\d+s?$")
_COMMA_NUMBER = re.compile(r"^\d,\d{3}$")
_MONTH_RE = re.compile(_MONTHS)
_DAYWORD_RE = re.compile(rf"{_WEEKDAYS}|\b(?:today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    file: str
    start: int
    end: int
    published: str
    expression: str
    stratum: str


def stratum(expression: str, by_regex: bool) -> str:
    """The sampling stratum of a candidate: its text, or ``tagger`` when only the tagger found it."""
    if not by_regex:
        return "tagger"
    if _COMMA_NUMBER.match(expression):
        return "comma"
    if _BARE_NUMBER.match(expression):
        return "number"
    if _HAS_YEAR.search(expression):
        return "year"
    if _MONTH_RE.search(expression):
        return "month"
    if _DAYWORD_RE.search(expression):
        return "dayword"
    return "relative"


def spans(article: Article) -> list[tuple[int, int, bool]]:
    """Regex and tagger spans of one article, overlapping ones merged; True if the regex found it."""
    found = [(m.start(), m.end(), True) for m in CANDIDATE_RE.finditer(article.text) if m.group().strip()]
    found += [(t.start, t.end, False) for t in tag(article.text, article.published)]
    merged: list[tuple[int, int, bool]] = []
    for start, end, by_regex in sorted(found):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(end, last[1]), last[2] or by_regex)
        else:
            merged.append((start, end, by_regex))
    return merged


def topic_candidates(root: Path, topic: str) -> dict[str, list[Candidate]]:
    """All candidates of a topic, by article path (relative to ``root``)."""
    out: dict[str, list[Candidate]] = {}
    for item in read_articles([root / topic], ReadOptions(format="t17")):
        if not isinstance(item, Article) or item.path is None or item.published is None:
            continue
        rel = Path(item.path).relative_to(root).as_posix()
        out[rel] = [
            Candidate(rel, s, e, item.published.isoformat(), item.text[s:e], stratum(item.text[s:e], r))
            for s, e, r in spans(item)
        ]
    return out


def sample_topic(root: Path, topic: str, rng: random.Random) -> list[Candidate]:
    """The topic's sample: a quota per stratum, at most PER_ARTICLE candidates an article."""
    by_article = topic_candidates(root, topic)
    pools: dict[str, list[Candidate]] = defaultdict(list)
    for rel in sorted(by_article):
        for cand in by_article[rel]:
            pools[cand.stratum].append(cand)
    taken: dict[str, int] = defaultdict(int)
    chosen: list[Candidate] = []
    for name, quota in QUOTAS.items():
        pool = pools[name][:]
        rng.shuffle(pool)
        got = 0
        for cand in pool:
            if got == quota:
                break
            if taken[cand.file] >= PER_ARTICLE:
                continue
            taken[cand.file] += 1
            chosen.append(cand)
            got += 1
    return sorted(chosen, key=lambda c: (c.file, c.start))


def topics(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "InputDocs").is_dir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the Timeline17 folder (../shared/bench/t17)")
    parser.add_argument("--show", metavar="TOPIC", help="print the topic's candidates in context")
    parser.add_argument("--window", type=int, default=300, help="characters shown either side")
    parser.add_argument("--first", type=int, default=0, help="with --show: first candidate to print")
    parser.add_argument("--count", type=int, default=1000, help="with --show: how many to print")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    # every topic is sampled, in order, so one topic's sample does not depend on --show
    samples = {topic: sample_topic(args.root, topic, rng) for topic in topics(args.root)}
    if args.show:
        texts: dict[str, str] = {}
        for number, cand in enumerate(samples[args.show]):
            if number < args.first or number >= args.first + args.count:
                continue
            if cand.file not in texts:
                art = next(iter(read_articles([args.root / cand.file], ReadOptions(format="t17"))))
                assert isinstance(art, Article)
                texts[cand.file] = art.text
            text = texts[cand.file]
            left = text[max(0, cand.start - args.window):cand.start].replace("\n", " / ")
            right = text[cand.end:cand.end + args.window].replace("\n", " / ")
            print(f"#{number} {cand.file} {cand.start}-{cand.end} pub={cand.published} [{cand.stratum}]")
            print(f"   ...{left}[[{text[cand.start:cand.end]}]]{right}...\n")
        return 0
    out = sys.stdout
    out.write("topic\tn\tfile\tstart\tend\tpublished\tstratum\texpression\n")
    for topic, cands in samples.items():
        for number, cand in enumerate(cands):
            out.write(f"{topic}\t{number}\t{cand.file}\t{cand.start}\t{cand.end}\t{cand.published}\t"
                      f"{cand.stratum}\t{cand.expression}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
