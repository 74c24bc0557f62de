"""Fit the attribution cue model shipped as ``src/chronicle/data/attribution_cues.json``.

    .venv/bin/python scripts/fit_cue_model.py ../shared/bench/polnear/train.jsonl \\
        -o src/chronicle/data/attribution_cues.json

The model is a logistic regression (numpy only, full-batch Adam on the L2-penalised log loss)
over :func:`chronicle.extract.attribution.cue_features` of every cue candidate of the training
articles, as spaCy parses them in chronicle's own pipeline (:func:`chronicle.extract.pipeline.build_nlp`).
A candidate is labelled positive when it is the syntactic head of an annotated cue: of the tokens
a gold cue span covers, the one whose head lies outside it (the first candidate among them when
several do).  Candidates inside a quotation are left out, since the extractor never asks the
model about them.  Weights smaller than ``--prune`` are dropped to keep the file small.

``--holdout K`` leaves out every K-th article (sorted by article id, starting with the first)
and ``--write-heldout`` writes those articles out, so that a model can be scored on articles it
has not seen: fit with ``--holdout 6``, put the model in place of the shipped one, and run
``chronicle eval quotes`` on the held-out file.  Parsing the 840 training articles takes about
two minutes on two cores; fitting takes under a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from chronicle.evaluation.polnear import fragments, load_jsonl, write_jsonl
from chronicle.extract.attribution.cues import cue_features, is_candidate
from chronicle.extract.attribution.quotes import QuoteIndex

#: Probability above which a candidate is taken for a cue: the best end-to-end cue F1 of a model
#: fit on 700 training articles and scored on the other 140 (``--holdout 6``), among 0.30-0.40.
DEFAULT_THRESHOLD = 0.35


def cue_heads(doc: Doc, record: dict[str, Any]) -> set[int]:
    """Token indices of the heads of the record's gold cues."""
    heads: set[int] = set()
    starts = [t.idx for t in doc]
    for att in record.get("attributions", []):
        frags = fragments(att.get("cue"))
        if not frags:
            continue
        toks: list[Token] = []
        for s, e in frags:
            lo = max(0, int(np.searchsorted(starts, s, side="right")) - 1)
            for t in doc[lo:]:
                if t.idx >= e:
                    break
                if t.idx + len(t.text) > s and not t.is_space:
                    toks.append(t)
        ids = {t.i for t in toks}
        tops = [t for t in toks if t.head.i == t.i or t.head.i not in ids]
        cands = [t for t in tops if is_candidate(t)] or [t for t in toks if is_candidate(t)]
        if cands:
            heads.add(cands[0].i)
    return heads


def examples(doc: Doc, record: dict[str, Any]) -> Iterable[tuple[list[str], int]]:
    """(features, label) of every candidate the extractor would score."""
    heads = cue_heads(doc, record)
    quotes = QuoteIndex(doc.text)
    for tok in doc:
        if not is_candidate(tok):
            continue
        if quotes.contains_token(tok):
            continue
        yield cue_features(tok, False), int(tok.i in heads)


def collect(docs: Sequence[Doc], records: Sequence[dict[str, Any]]) -> tuple[list[list[str]], np.ndarray]:
    feats: list[list[str]] = []
    labels: list[int] = []
    for doc, rec in zip(docs, records, strict=True):
        for f, y in examples(doc, rec):
            feats.append(f)
            labels.append(y)
    return feats, np.asarray(labels, dtype=np.float64)


def fit(
    feats: Sequence[Sequence[str]],
    y: np.ndarray,
    *,
    l2: float = 1e-5,
    epochs: int = 300,
    lr: float = 0.1,
    min_count: int = 1,
) -> dict[str, float]:
    """Logistic-regression weights by full-batch Adam on the mean log loss plus ``l2``·|w|²."""
    counts: dict[str, int] = {}
    for fs in feats:
        for f in set(fs):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: k for k, f in enumerate(names)}
    rows: list[int] = []
    cols: list[int] = []
    for r, fs in enumerate(feats):
        for f in set(fs):
            k = index.get(f)
            if k is not None:
                rows.append(r)
                cols.append(k)
    row = np.asarray(rows, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    n, d = len(feats), len(names)
    w = np.zeros(d)
    m = np.zeros(d)
    v = np.zeros(d)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        z = np.bincount(row, weights=w[col], minlength=n)
        p = 1.0 / (1.0 + np.exp(-z))
        g = np.bincount(col, weights=(p - y)[row], minlength=d) / n + 2 * l2 * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + eps)
    return {f: float(w[j]) for f, j in index.items()}


def model_json(weights: dict[str, float], threshold: float, prune: float) -> dict[str, Any]:
    kept = {f: round(x, 4) for f, x in sorted(weights.items()) if abs(x) >= prune}
    return {
        "about": (
            "Logistic-regression cue model (token heads a PolNeAR cue), fit on the PolNeAR training "
            "split with chronicle.extract.attribution.cue_features by scripts/fit_cue_model.py; "
            "threshold is a probability."
        ),
        "threshold": threshold,
        "weights": kept,
    }


def split(records: Sequence[dict[str, Any]], holdout: int) -> tuple[list[int], list[int]]:
    """Indices of the fitting and the held-out records (every ``holdout``-th article id)."""
    if holdout <= 0:
        return list(range(len(records))), []
    ids = sorted({r["article_id"] for r in records})
    held = {a for k, a in enumerate(ids) if k % holdout == 0}
    fit_ix = [i for i, r in enumerate(records) if r["article_id"] not in held]
    held_ix = [i for i, r in enumerate(records) if r["article_id"] in held]
    return fit_ix, held_ix


def parse(records: Sequence[dict[str, Any]]) -> list[Doc]:
    from chronicle.extract.pipeline import build_nlp

    # The parse is all the model needs; chronicle's own components would only cost time.
    nlp = build_nlp(components=())
    return list(nlp.pipe((r["text"] for r in records), batch_size=16))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, help="PolNeAR-style JSONL with gold attributions")
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--holdout", type=int, default=0, help="leave out every K-th article (0: none)")
    ap.add_argument("--write-heldout", type=Path, default=None, help="write the held-out records here")
    args = ap.parse_args(argv)

    records = load_jsonl(args.train)
    fit_ix, held_ix = split(records, args.holdout)
    if args.write_heldout is not None:
        write_jsonl(args.write_heldout, (records[i] for i in held_ix))
    chosen = [records[i] for i in fit_ix]
    docs = parse(chosen)
    feats, y = collect(docs, chosen)
    print(f"{len(chosen)} articles, {len(y)} candidates, {int(y.sum())} cue heads", file=sys.stderr)
    weights = fit(feats, y, l2=args.l2, epochs=args.epochs)
    model = model_json(weights, args.threshold, args.prune)
    args.output.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(model['weights'])} weights to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
