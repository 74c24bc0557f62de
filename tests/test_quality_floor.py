"""The pinned quality floor: benchmark figures may not drop below what was reached.

Like trafilatura's evaluation gate: the figures in benchmarks/quality_floor.json were
measured with the evaluation commands; a change that lowers one fails CI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chronicle.evaluation.timeml import read_directory, score
from chronicle.extract.timex import tag

ROOT = Path(__file__).resolve().parents[1]
FLOOR: dict[str, Any] = json.loads((ROOT / "benchmarks" / "quality_floor.json").read_text())
TOLERANCE = FLOOR["tolerance"]
CORPORA = {"TimeBank+AQUAINT": ("TimeBank", "AQUAINT"), "wikiwars-train": ("wikiwars-train",),
           "tweets-train": ("tweets-train",)}


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(FLOOR["timeml"]))
def test_timex_figures_hold(shared: Path, corpus: str) -> None:
    from chronicle.evaluation.timeml import Scores

    total = Scores()
    for folder in CORPORA[corpus]:
        for doc in read_directory(shared / "bench" / "timeml" / folder):
            total.add(score(doc.timexes, tag(doc.text, doc.dct)))
    measured = total.as_dict()
    for metric, floor in FLOOR["timeml"][corpus].items():
        assert measured[metric] >= floor - TOLERANCE, f"{corpus} {metric}: {measured[metric]:.4f} < {floor}"


@pytest.mark.slow
def test_quote_attribution_figures_hold(shared: Path) -> None:
    from chronicle.evaluation.polnear import load_jsonl, predict, score_articles
    from chronicle.extract.pipeline import build_nlp

    gold = load_jsonl(shared / "bench" / "polnear" / "dev.jsonl")
    predictions = list(predict(gold, build_nlp(components=())))
    roles = score_articles(gold, predictions)["roles"]
    for role, floors in FLOOR["polnear_dev"].items():
        for kind, floor in floors.items():
            measured = roles[role][kind]["f"]
            assert measured >= floor - TOLERANCE, f"{role} {kind} F1: {measured:.4f} < {floor}"


@pytest.mark.slow
def test_real_news_dates_hold(shared: Path) -> None:
    from chronicle.evaluation.dates import far_dated_events, load_gold, product_resolve, score_dates

    pinned = FLOOR["real_news_dates"]
    scores = score_dates(load_gold(ROOT / "tests" / "extract" / "real_news_dates.tsv"), shared / "bench" / "t17",
                         product_resolve)
    assert scores.overall.accuracy >= pinned["accuracy"] - TOLERANCE, scores.overall.accuracy
    assert scores.overall.wrong_year_rate <= pinned["wrong_year_rate_max"] + TOLERANCE, scores.overall.wrong_year_rate
    far = far_dated_events(shared / "bench" / "t17")
    assert far.share <= pinned["far_events_max"] + TOLERANCE, (far.share, far.examples[:10])
