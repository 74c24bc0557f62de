"""chronicle's PolNeAR scorer must give the benchmark scorer's figures on the same predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from chronicle.evaluation.polnear import (
    ROLES,
    TokenIndex,
    fragments,
    load_jsonl,
    normalize,
    predict,
    score_articles,
    write_jsonl,
)

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"


def test_normalize_strips_sorts_and_merges_whitespace_gaps() -> None:
    text = "ab  cd\n\nef gh"
    assert normalize([(9, 13), (0, 3), (4, 6)], text) == ((0, 6), (9, 13))
    assert normalize([(0, 2), (4, 6)], text, merge_ws=False) == ((0, 2), (4, 6))
    assert normalize([(2, 4)], text) == ()


def test_fragments_accepts_all_span_shapes() -> None:
    assert fragments(None) == []
    assert fragments([3, 5]) == [(3, 5)]
    assert fragments([[3, 5], [7, 9]]) == [(3, 5), (7, 9)]


def test_token_index_counts_intersecting_tokens() -> None:
    toks = TokenIndex("He said: “no.”")
    assert toks.of(((0, 2),)) == frozenset({0})
    assert len(toks.of(((9, 14),))) == 4


def test_scores_on_a_toy_article() -> None:
    gold = [{"id": "a", "text": "Kim said the war was over.", "attributions": [
        {"source": [0, 3], "cue": [4, 8], "content": [9, 25]}]}]
    pred = [{"id": "a", "attributions": [{"source": [0, 3], "cue": [4, 8], "content": [9, 20]}]}]
    res = score_articles(gold, pred)
    assert res["roles"]["source"]["exact"]["f"] == 1.0
    assert res["roles"]["content"]["exact"]["f"] == 0.0
    assert res["roles"]["content"]["overlap"]["p"] == 1.0
    assert res["roles"]["content"]["overlap"]["r"] == pytest.approx(3 / 4)


def _benchmark_scores(gold: Path, pred: Path, out: Path) -> dict[str, Any]:
    subprocess.run(
        [sys.executable, str(POLNEAR / "score.py"), str(gold), str(pred), "--json", str(out)],
        check=True,
        capture_output=True,
    )
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


@pytest.mark.slow
def test_equals_benchmark_scorer_on_dev_slice(tmp_path: Path) -> None:
    if not (POLNEAR / "score.py").is_file():
        pytest.skip("../shared/bench/polnear is not beside the repo")
    from chronicle.extract.pipeline import build_nlp

    gold = load_jsonl(POLNEAR / "dev.jsonl")[:10]
    gold_path = tmp_path / "gold.jsonl"
    write_jsonl(gold_path, gold)
    preds = list(predict(gold, build_nlp(components=()), batch_size=4))
    # Also a deliberately messy prediction set: duplicates, whitespace edges, discontinuous spans.
    messy = [{"id": p["id"], "attributions": [*p["attributions"], *[
        {"source": None, "cue": a["cue"], "content": [[a["content"][0] - 1, a["content"][0] + 3],
                                                      [a["content"][0] + 4, a["content"][0] + 9]]}
        for a in p["attributions"][:3] if a["content"] and isinstance(a["content"][0], int)]]}
        for p in preds]
    for name, pr in (("pred", preds), ("messy", messy)):
        pred_path = tmp_path / f"{name}.jsonl"
        write_jsonl(pred_path, pr)
        theirs = _benchmark_scores(gold_path, pred_path, tmp_path / f"{name}.json")
        ours = score_articles(gold, pr)
        for role in ROLES:
            assert ours["roles"][role] == theirs["roles"][role], role
        assert ours["attribution"] == theirs["attribution"]
