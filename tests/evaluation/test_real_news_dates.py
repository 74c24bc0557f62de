"""The real-news date gold (tests/extract/real_news_dates.tsv) and its scorer.

The table is checked against the Timeline17 articles in ../shared (skipped when that folder is
missing); the scorer's counting is checked on made-up articles and hand-made timexes. There is
no quality floor here on purpose: the tagger is about to change.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from chronicle.evaluation.dates import (
    DateScores,
    GoldDate,
    format_report,
    judge,
    load_gold,
    score_dates,
)
from chronicle.extract.timex.intervals import value_interval
from chronicle.ingest import ReadOptions, read_articles
from chronicle.models import Article, Timex

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "extract" / "real_news_dates.tsv"
T17 = ROOT.parent / "shared" / "bench" / "t17"
TOPICS = {
    "Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "IraqWar_guardian",
    "SyrianCrisis_bbc", "SyrianCrisis_reuters", "bpoil_bbc", "bpoil_foxnews", "bpoil_guardian",
    "bpoil_reuters", "bpoil_washingtonpost",
}

needs_t17 = pytest.mark.skipif(not T17.is_dir(), reason=f"Timeline17 articles not found at {T17} (../shared)")


@pytest.fixture(scope="module")
def gold() -> list[GoldDate]:
    return load_gold(GOLD)


def test_table_parses_with_valid_answers(gold: list[GoldDate]) -> None:
    for item in gold:
        assert item.answer in ("NONE", "UNKNOWN") or value_interval(item.answer) is not None, item
        assert item.end - item.start == len(item.expression) > 0
        assert len(item.expression) <= 40, f"expression too long for the table: {item}"
        assert item.published == dt.date.fromisoformat(item.file.split("/")[2]), item


def test_table_size_and_spread(gold: list[GoldDate]) -> None:
    assert len(gold) >= 450
    topics = Counter(item.topic for item in gold)
    assert set(topics) == TOPICS
    assert min(topics.values()) >= 30, topics
    assert sum(item.answer == "NONE" for item in gold) >= 40
    assert sum(item.yearless for item in gold) > len(gold) / 2
    assert len({item.file for item in gold}) >= 300
    assert len({(item.file, item.start) for item in gold}) == len(gold), "duplicate rows"


@needs_t17
def test_offsets_point_at_the_expression(gold: list[GoldDate]) -> None:
    texts: dict[str, str] = {}
    for item in gold:
        if item.file not in texts:
            articles = list(read_articles([T17 / item.file], ReadOptions(format="t17")))
            assert len(articles) == 1 and isinstance(articles[0], Article), item.file
            assert articles[0].published == item.published
            texts[item.file] = articles[0].text
        assert texts[item.file][item.start:item.end] == item.expression, item


# --- the scorer on made-up articles ------------------------------------------------------------

TEXT = "On 16 April the team met. It rained at 1950 GMT. In March 2009 sales fell. Then last week."


def _timex(start: int, end: int, value: str, type_: str = "DATE") -> Timex:
    found = value_interval(value)
    first, last, gran = found if found else (None, None, None)
    return Timex(start, end, TEXT[start:end], type_, value, None, first, last, gran)


def _gold(expression: str, answer: str, file: str = "T_x/InputDocs/2009-05-12/1.htm.txt") -> GoldDate:
    start = TEXT.index(expression)
    return GoldDate(file, start, start + len(expression), dt.date(2009, 5, 12), expression, answer)


def test_judge_counts_each_outcome() -> None:
    april = _gold("16 April", "2009-04-16")
    s = TEXT.index("16 April")
    assert judge(april, [_timex(s, s + 8, "2009-04-16")])[0] == "correct"
    assert judge(april, [_timex(s, s + 8, "1957-04-16")])[0] == "wrong_year"
    assert judge(april, [_timex(s, s + 8, "2009-04-17")])[0] == "wrong_other"
    assert judge(april, [_timex(s + 3, s + 8, "2009-04")])[0] == "wrong_other"  # coarser than the answer
    assert judge(april, [])[0] == "missed"
    assert judge(april, [_timex(s, s + 8, "XXXX-04-16")])[0] == "missed"  # no calendar date
    # a finer system value read at the answer's granularity
    march = _gold("March 2009", "2009-03")
    m = TEXT.index("March 2009")
    assert judge(march, [_timex(m, m + 5, "2009-03-01")])[0] == "correct"
    # the dated, most overlapping timex is the one judged
    kind, chosen = judge(april, [_timex(s, s + 2, "P1D", "DURATION"), _timex(s + 3, s + 8, "1918-04"),
                                 _timex(s, s + 8, "2009-04-16")])
    assert kind == "correct" and chosen is not None and chosen.value == "2009-04-16"


def test_judge_none_gold() -> None:
    clock = _gold("1950", "NONE")
    c = TEXT.index("1950")
    assert judge(clock, [])[0] == "correct"
    assert judge(clock, [_timex(c, c + 8, "T19:50", "TIME")])[0] == "correct"  # a clock time without a day
    assert judge(clock, [_timex(c, c + 4, "1950")])[0] == "false_date"


def test_judge_week_and_weekend_answers() -> None:
    week = _gold("last week", "2009-W19")
    w = TEXT.index("last week")
    assert judge(week, [_timex(w, w + 9, "2009-W19")])[0] == "correct"
    assert judge(week, [_timex(w, w + 9, "2009-W18")])[0] == "wrong_other"
    weekend = GoldDate(week.file, w, w + 9, week.published, "last week", "2009-W19-WE")
    assert judge(weekend, [_timex(w, w + 9, "2009-05-09")])[0] == "correct"  # the Saturday
    assert judge(weekend, [_timex(w, w + 9, "2009-05-08")])[0] == "wrong_other"


def test_score_dates_on_made_up_articles(tmp_path: Path) -> None:
    folder = tmp_path / "T_x" / "InputDocs" / "2009-05-12"
    folder.mkdir(parents=True)
    (folder / "1.htm.txt").write_text(TEXT, encoding="utf-8")
    items = [
        _gold("16 April", "2009-04-16"),       # yearless, wrong year
        _gold("1950", "NONE"),                 # falsely dated
        _gold("March 2009", "2009-03"),        # correct
        _gold("last week", "2009-W19"),        # missed
        _gold("the team", "UNKNOWN"),          # left out
    ]
    s, c, m = TEXT.index("16 April"), TEXT.index("1950"), TEXT.index("March 2009")
    system = [_timex(s, s + 8, "1957-04-16"), _timex(c, c + 4, "1950"), _timex(m, m + 10, "2009-03")]

    def resolve(article: Article) -> list[Timex]:
        assert article.text == TEXT and article.published == dt.date(2009, 5, 12)
        return system

    scores = score_dates(items, tmp_path, resolve)
    assert isinstance(scores, DateScores)
    o = scores.overall
    assert (o.items, o.dated, o.correct, o.wrong_year, o.wrong_other, o.missed, o.false_date) == (4, 3, 1, 1, 0, 1, 1)
    assert o.accuracy == pytest.approx(0.25) and o.wrong_year_rate == pytest.approx(1 / 3)
    y = scores.yearless  # "16 April", "1950" is a year-like number, so not yearless; "last week"
    assert (y.items, y.wrong_year, y.missed) == (2, 1, 1)
    assert scores.unknown == 1
    assert [mm.kind for mm in scores.mismatches] == ["wrong_year", "false_date", "missed"]
    assert scores.by_topic["T_x"].items == 4
    report = format_report(scores)
    assert "yearless" in report and "1957-04-16" in report


def test_score_dates_rejects_offsets_that_miss(tmp_path: Path) -> None:
    folder = tmp_path / "T_x" / "InputDocs" / "2009-05-12"
    folder.mkdir(parents=True)
    (folder / "1.htm.txt").write_text(TEXT, encoding="utf-8")
    wrong = GoldDate("T_x/InputDocs/2009-05-12/1.htm.txt", 0, 8, dt.date(2009, 5, 12), "16 April", "2009-04-16")
    with pytest.raises(ValueError, match="not '16 April'"):
        score_dates([wrong], tmp_path, lambda article: [])


def test_load_gold_rejects_bad_answers(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    head = "# comment\nfile\tstart\tend\tpublished\texpression\tanswer\tnote\n"
    path.write_text(head + "a/InputDocs/2009-05-12/1.htm.txt\t0\t5\t2009-05-12\tMarch\tsoon\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a date value"):
        load_gold(path)
    path.write_text(head + "a/InputDocs/2009-05-12/1.htm.txt\t0\t6\t2009-05-12\tMarch\t2009-03\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="do not fit"):
        load_gold(path)
