"""TLS evaluation: hand-computed scores, the Timeline17 format, and equality with tilse 0.2.1."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chronicle.evaluation.tls import (
    DATE_BLOCK_END,
    PRF,
    TlsScores,
    TlsTimeline,
    average_scores,
    date_f1,
    evaluate_tls,
    format_tls,
    parse_tls,
    pubcount_lead_baseline,
    read_tls,
    score_timeline,
    write_tls,
)


def d(month: int, day: int) -> dt.date:
    return dt.date(2010, month, day)


def approx(prf: PRF, precision: float, recall: float) -> None:
    assert prf.precision == pytest.approx(precision)
    assert prf.recall == pytest.approx(recall)


# --- Date-F1 and averaging, by hand -----------------------------------------------------------


def test_date_f1_counts_exact_day_matches() -> None:
    prf = date_f1([d(1, 1), d(1, 2), d(1, 3)], [d(1, 2), d(1, 3), d(1, 4), d(1, 5)])
    approx(prf, 2 / 3, 2 / 4)
    assert prf.f1 == pytest.approx(4 / 7)  # 2 * (2/3) * (1/2) / (2/3 + 1/2)


def test_date_f1_of_disjoint_or_empty_prediction_is_zero() -> None:
    assert date_f1([d(1, 1)], [d(1, 2)]).f1 == 0.0
    assert date_f1([], [d(1, 2)]) == PRF(0.0, 0.0)


def test_average_takes_f1_of_mean_precision_and_mean_recall() -> None:
    def only_dates(prf: PRF) -> TlsScores:
        zero = PRF(0.0, 0.0)
        return TlsScores(prf, zero, zero, zero, zero, zero, zero)

    average = average_scores([only_dates(PRF(1.0, 0.5)), only_dates(PRF(0.0, 0.5))])
    approx(average.date, 0.5, 0.5)
    # The mean of the two F1 values would be (2/3 + 0) / 2; news-tls reports F1 of the means.
    assert average.date.f1 == pytest.approx(0.5)


# --- ROUGE variants, by hand ------------------------------------------------------------------
# Content tokens are chosen so Porter stemming leaves them as they are (rig, fire, oil, leak,
# cap); "The" is a stopword and "," "." are ignored punctuation.

GOLD: TlsTimeline = {d(4, 20): ["The rig fire ."], d(4, 22): ["Oil leak ."]}
PREDICTED: TlsTimeline = {d(4, 20): ["Rig fire , oil ."], d(4, 23): ["Oil leak cap ."]}


@pytest.fixture(scope="module")
def hand_scores() -> TlsScores:
    pytest.importorskip("nltk")
    return score_timeline(PREDICTED, GOLD)


def test_concat_rouge_by_hand(hand_scores: TlsScores) -> None:
    # predicted: rig fire oil oil leak cap; gold: rig fire oil leak. Bigrams cross dates.
    approx(hand_scores.concat_r1, 4 / 6, 4 / 4)
    approx(hand_scores.concat_r2, 3 / 5, 3 / 3)


def test_agreement_rouge_by_hand(hand_scores: TlsScores) -> None:
    # Only 04-20 is shared: rig, fire match; bigram (rig, fire) matches.
    approx(hand_scores.agreement_r1, 2 / 6, 2 / 4)
    approx(hand_scores.agreement_r2, 1 / 4, 1 / 2)


def test_alignment_rouge_by_hand(hand_scores: TlsScores) -> None:
    # 04-20 aligns with 04-20 (cost 0). 04-23 aligns with gold 04-22, one day off, so its
    # matches (oil, leak; bigram oil-leak) count 1/2: cost 1/2 * (1 - 0.8) beats 3/4 * 1.
    approx(hand_scores.align_r1, (2 + 2 / 2) / 6, (2 + 2 / 2) / 4)
    approx(hand_scores.align_r2, (1 + 1 / 2) / 4, (1 + 1 / 2) / 2)
    approx(hand_scores.date, 1 / 2, 1 / 2)


def test_empty_prediction_scores_zero_instead_of_failing() -> None:
    pytest.importorskip("nltk")
    scores = score_timeline({}, GOLD)
    assert all(getattr(scores, name) == PRF(0.0, 0.0) for name in TlsScores.__slots__)


# --- The Timeline17 format --------------------------------------------------------------------


def test_format_round_trip(tmp_path: Path) -> None:
    timeline: TlsTimeline = {
        d(5, 2): ["Second day , one sentence ."],
        d(5, 1): ["First day .", "`` Quoted '' -LRB- bracketed -RRB- ."],
        d(5, 3): [],
    }
    path = tmp_path / "tl.txt"
    write_tls(timeline, path)
    assert read_tls(path) == timeline
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:4] == ["2010-05-01", "First day .", "`` Quoted '' -LRB- bracketed -RRB- .", "-" * 32]
    assert lines.count(DATE_BLOCK_END) == 3


def test_writer_keeps_each_sentence_on_one_line() -> None:
    text = format_tls({d(5, 1): ["split\nover  lines", "   "]})
    assert parse_tls(text) == {d(5, 1): ["split over lines"]}


def test_repeated_date_keeps_last_block_like_tilse_or_merges() -> None:
    text = "2010-05-01\na .\n" + DATE_BLOCK_END + "\n2010-05-01\nb .\n" + DATE_BLOCK_END + "\n"
    assert parse_tls(text) == {d(5, 1): ["b ."]}
    assert parse_tls(text, duplicate_dates="merge") == {d(5, 1): ["a .", "b ."]}


# --- Baseline and the evaluation loop on a synthetic corpus -----------------------------------


def _article(root: Path, day: str, number: int, text: str) -> None:
    folder = root / "InputDocs" / day
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{number}.htm.txt").write_text(text, encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    topic = tmp_path / "data" / "spill_wire"
    _article(topic, "2010-04-20", 2, "Rig fire in the gulf .\nCrew missing .\n")
    _article(topic, "2010-04-20", 10, "Oil rig burns .\n")
    _article(topic, "2010-04-21", 1, "Rig sinks .\n")
    _article(topic, "2010-04-21", 3, "")  # empty files occur in Timeline17; they are no article
    _article(topic, "2010-04-22", 1, "Oil leak found .\n")
    _article(topic, "2010-04-22", 2, "Leak grows .\n")
    _article(topic, "2010-05-30", 1, "Outside the gold span .\n")
    _article(topic, "2010-05-30", 2, "Also outside .\n")
    _article(topic, "2010-05-30", 3, "Still outside .\n")
    (topic / "timelines").mkdir()
    write_tls(
        {d(4, 20): ["Rig fire .", "Crew missing ."], d(4, 22): ["Oil leak ."]}, topic / "timelines" / "g.txt"
    )
    return tmp_path / "data"


def test_pubcount_picks_busiest_days_in_span_with_lead_sentences(corpus: Path) -> None:
    timeline = pubcount_lead_baseline(corpus / "spill_wire" / "InputDocs", 2, 2, d(4, 20), d(4, 22))
    # 05-30 is busiest but outside the span; 04-21 has one real article and an empty file.
    assert timeline == {
        d(4, 20): ["Rig fire in the gulf .", "Oil rig burns ."],
        d(4, 22): ["Oil leak found .", "Leak grows ."],
    }
    # With more sentences asked than articles, second sentences follow the leads.
    assert pubcount_lead_baseline(corpus / "spill_wire" / "InputDocs", 1, 3, d(4, 20), d(4, 22)) == {
        d(4, 20): ["Rig fire in the gulf .", "Oil rig burns .", "Crew missing ."]
    }


def test_evaluate_tls_asks_for_gold_size_and_writes_predictions(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("nltk")
    calls: list[tuple[Any, ...]] = []

    def builder(docs: Path, n: int, k: int, since: dt.date, until: dt.date) -> TlsTimeline:
        calls.append((docs.name, n, k, since, until))
        return {d(4, 20): ["Rig fire ."], d(4, 25): ["Oil leak ."]}

    report = evaluate_tls(corpus, builder, tmp_path / "predictions")
    # K is 3 sentences over 2 dates, 1.5, rounded half to even like news-tls's round(np.mean()).
    assert calls == [("InputDocs", 2, 2, d(4, 20), d(4, 22))]
    (result,) = report.timelines
    assert result.name == "spill_wire/g.txt"
    approx(result.scores.date, 1 / 2, 1 / 2)
    assert report.average == result.scores
    assert read_tls(tmp_path / "predictions" / "spill_wire__g.txt") == builder(corpus, 0, 0, d(1, 1), d(1, 1))


def test_cli_scores_the_baseline(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("nltk")
    from chronicle.cli.eval_tls import tls

    result = CliRunner().invoke(
        tls, [str(corpus), "--baseline", "pubcount", "--predictions-dir", str(tmp_path / "p")]
    )
    assert result.exit_code == 0, result.output
    assert "spill_wire/g.txt" in result.output
    assert "AR-1" in result.output
    assert (tmp_path / "p" / "spill_wire__g.txt").is_file()


# --- Equality with tilse 0.2.1 on real Timeline17 gold timelines ------------------------------

SMALL_TIMELINES = [
    ("H1N1_bbc", "influenza_A_h1n1_scotland_bbc.txt"),  # repeats dates: tilse keeps the last block
    ("SyrianCrisis_bbc", "tl1.txt"),
    ("bpoil_foxnews", "foxnews.txt"),
    ("bpoil_washingtonpost", "washingtonpost.txt"),
]


def _t17(shared: Path) -> Path:
    data = shared / "bench" / "t17"
    if not data.is_dir():
        pytest.skip("Timeline17 data is not in ../shared/bench/t17")
    return data


def _tilse_scores(predicted: TlsTimeline, gold_path: Path) -> dict[str, dict[str, float]]:
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import dates, rouge

    with gold_path.open(encoding="utf-8") as f:
        gold = GroundTruth([Timeline.from_file(f)])
    pred = Timeline(predicted)
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    variants = {
        "concat": evaluator.evaluate_concat(pred, gold),
        "agreement": evaluator.evaluate_agreement(pred, gold),
        "align": evaluator.evaluate_align_date_content_costs_many_to_one(pred, gold),
    }
    out = {"date": dates.evaluate_dates(pred, gold)}
    for variant, by_measure in variants.items():
        for n in (1, 2):
            out[f"{variant}_r{n}"] = by_measure[f"rouge_{n}"]
    return out


def _assert_equal_to_tilse(data: Path, timelines: list[tuple[str, str]]) -> None:
    pytest.importorskip("tilse")
    for topic, gold_name in timelines:
        gold_path = data / topic / "timelines" / gold_name
        gold = read_tls(gold_path)
        k = max(1, round(sum(map(len, gold.values())) / len(gold)))
        predicted = pubcount_lead_baseline(data / topic / "InputDocs", len(gold), k, min(gold), max(gold))
        # Moving every other date by a day makes the alignment match across distant dates more.
        predicted = {
            day + dt.timedelta(days=i % 2): sentences
            for i, (day, sentences) in enumerate(sorted(predicted.items()))
        }
        ours = score_timeline(predicted, gold)
        for metric, expected in _tilse_scores(predicted, gold_path).items():
            prf: PRF = getattr(ours, metric)
            got = (prf.precision, prf.recall, prf.f1)
            want = (expected["precision"], expected["recall"], expected["f_score"])
            assert got == pytest.approx(want, abs=1e-3), f"{topic}/{gold_name} {metric}"


# Tokens that exercise each preprocessing rule: case, stems, stopwords, tilse's punctuation list,
# and strings that are substrings of string.punctuation ("()", "./") only for the alignment cost.
_VOCABULARY = [
    "oil",
    "Oil",
    "OIL",
    "leak",
    "leaks",
    "leaking",
    "rig",
    "cap",
    "capped",
    "BP",
    "bp",
    "the",
    "The",
    "'s",
    ".",
    ",",
    "``",
    "''",
    "-",
    "--",
    "()",
    "./",
    "?",
    "-LRB-",
]


def _random_timeline(rng: random.Random, n_dates: int) -> TlsTimeline:
    # Every sentence has a content bigram: tilse divides by zero on a timeline without one.
    days = rng.sample(range(12), n_dates)
    return {
        d(6, 1 + day): [
            " ".join(["oil", "rig", *rng.choices(_VOCABULARY, k=rng.randint(0, 7))])
            for _ in range(rng.randint(1, 3))
        ]
        for day in days
    }


def test_equal_to_tilse_on_random_small_timelines() -> None:
    pytest.importorskip("tilse")
    rng = random.Random(17)
    for case in range(200):
        gold, predicted = _random_timeline(rng, rng.randint(1, 5)), _random_timeline(rng, rng.randint(1, 5))
        ours = score_timeline(predicted, gold)
        with tempfile.TemporaryDirectory() as tmp:
            gold_path = Path(tmp) / "gold.txt"
            write_tls(gold, gold_path)
            theirs = _tilse_scores(predicted, gold_path)
        for metric, expected in theirs.items():
            prf: PRF = getattr(ours, metric)
            got = (prf.precision, prf.recall, prf.f1)
            want = (expected["precision"], expected["recall"], expected["f_score"])
            assert got == pytest.approx(want, abs=1e-9), f"case {case} {metric}: {predicted} vs {gold}"


def test_equal_to_tilse_on_small_gold_timelines(shared: Path) -> None:
    _assert_equal_to_tilse(_t17(shared), SMALL_TIMELINES)


@pytest.mark.slow
def test_equal_to_tilse_on_every_gold_timeline(shared: Path) -> None:
    data = _t17(shared)
    everything = [(p.parents[1].name, p.name) for p in sorted(data.glob("*/timelines/*.txt"))]
    assert len(everything) == 14
    _assert_equal_to_tilse(data, everything)
