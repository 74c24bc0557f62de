"""PolNeAR attribution evaluation: predictions in the benchmark's format and its article-mode scorer.

The scorer re-implements the documented article-mode definitions of the benchmark's standalone
``score.py`` (normalisation, whitespace stripping, fragment merging, the ``\\w+|[^\\w\\s]`` token
regex, exact / token-overlap / lenient P/R/F1 and attribution-level triples) so that chronicle
never imports benchmark code, while producing the same figures on the same predictions.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from chronicle.extract.attribution import Attribution, attribution_component, ensure_extensions

__all__ = [
    "ROLES",
    "Fragments",
    "TokenIndex",
    "attribution_to_json",
    "fragments",
    "load_jsonl",
    "normalize",
    "predict",
    "score_articles",
    "write_jsonl",
]

ROLES = ("source", "cue", "content")
TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)

Fragments = tuple[tuple[int, int], ...]


def fragments(value: Any) -> list[tuple[int, int]]:
    """A SPAN value (``None``, ``[s, e]`` or ``[[s, e], ...]``) as a list of ``(s, e)`` pairs."""
    if not value:
        return []
    if isinstance(value[0], int | float):
        if len(value) != 2:
            raise ValueError(f"bad span {value!r}")
        return [(int(value[0]), int(value[1]))]
    out: list[tuple[int, int]] = []
    for frag in value:
        if len(frag) != 2:
            raise ValueError(f"bad span fragment {frag!r}")
        out.append((int(frag[0]), int(frag[1])))
    return out


def normalize(
    frags: Iterable[tuple[int, int]], text: str, strip: bool = True, merge_ws: bool = True
) -> Fragments:
    """Clip, strip, sort and merge fragments the way the benchmark compares spans.

    Merging across whitespace-only gaps matters because brat splits spans at line breaks: a
    quote running over two paragraphs is one span for scoring purposes.
    """
    cleaned: list[tuple[int, int]] = []
    for s, e in frags:
        s, e = max(0, s), min(len(text), e)
        if strip:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
        if e > s:
            cleaned.append((s, e))
    cleaned.sort()
    merged: list[tuple[int, int]] = []
    for s, e in cleaned:
        if merged:
            ps, pe = merged[-1]
            if s <= pe or (merge_ws and text[pe:s].strip() == ""):
                merged[-1] = (ps, max(pe, e))
                continue
        merged.append((s, e))
    return tuple(merged)


class TokenIndex:
    """Regex tokens of an article; a token belongs to a span when their character ranges meet."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in TOKEN_RE.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, span: Fragments) -> frozenset[int]:
        ids: set[int] = set()
        for s, e in span:
            i = bisect.bisect_right(self.ends, s)
            while i < len(self.starts) and self.starts[i] < e:
                ids.add(i)
                i += 1
        return frozenset(ids)


def _prf(tp_p: float, n_p: int, tp_r: float, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def score_articles(
    gold: Sequence[dict[str, Any]],
    preds: Sequence[dict[str, Any]],
    strip: bool = True,
    merge_ws: bool = True,
) -> dict[str, Any]:
    """Micro-averaged per-role and attribution-level scores, keyed like the benchmark's JSON output."""
    pred_by: dict[str, list[dict[str, Any]]] = {}
    for rec in preds:
        if rec["id"] in pred_by:
            raise ValueError(f"duplicate prediction id {rec['id']!r}")
        pred_by[rec["id"]] = rec.get("attributions") or []
    used: set[str] = set()
    acc: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
    acc_f: dict[str, dict[str, float]] = {
        r: {"overlap_p": 0.0, "overlap_r": 0.0} for r in ROLES
    }
    trip: Counter[str] = Counter()
    for g in gold:
        text = g["text"]
        key = g["id"] if g["id"] in pred_by else g.get("article_id", g["id"])
        if key in pred_by:
            used.add(key)
        toks = TokenIndex(text)

        def norm(v: Any, text: str = text) -> Fragments:
            return normalize(fragments(v), text, strip, merge_ws)

        gatts = [{r: norm(a.get(r)) for r in ROLES} for a in g["attributions"]]
        patts = [{r: norm(a.get(r)) for r in ROLES} for a in pred_by.get(key, [])]
        for r in ROLES:
            gset = {a[r] for a in gatts if a[r]}
            pset = {a[r] for a in patts if a[r]}
            c = acc[r]
            c["n_gold"] += len(gset)
            c["n_pred"] += len(pset)
            c["exact_tp"] += len(gset & pset)
            gt = [toks.of(s) for s in gset]
            pt = [toks.of(s) for s in pset]
            for ptok in pt:
                inter = [len(ptok & gtok) for gtok in gt]
                acc_f[r]["overlap_p"] += min(1.0, sum(inter) / len(ptok)) if ptok else 0.0
                c["lenient_p"] += any(inter)
            for gtok in gt:
                inter = [len(ptok & gtok) for ptok in pt]
                acc_f[r]["overlap_r"] += min(1.0, sum(inter) / len(gtok)) if gtok else 0.0
                c["lenient_r"] += any(inter)
        trip["n_gold"] += len(gatts)
        trip["n_pred"] += len(patts)
        gkeys = Counter(tuple(a[r] for r in ROLES) for a in gatts)
        pkeys = Counter(tuple(a[r] for r in ROLES) for a in patts)
        trip["exact_tp"] += sum((gkeys & pkeys).values())
        trip["overlap_tp"] += _triple_overlap(gatts, patts, toks)
    res: dict[str, Any] = {
        "mode": "article",
        "n_gold_records": len(gold),
        "n_pred_records": len(preds),
        "n_pred_records_unmatched": len([k for k in pred_by if k not in used]),
        "normalisation": {"strip": strip, "merge_ws_gaps": merge_ws},
        "roles": {},
        "attribution": {},
    }
    for r in ROLES:
        c = acc[r]
        res["roles"][r] = {
            "n_gold": c["n_gold"],
            "n_pred": c["n_pred"],
            "exact_tp": c["exact_tp"],
            "exact": _prf(c["exact_tp"], c["n_pred"], c["exact_tp"], c["n_gold"]),
            "overlap": _prf(acc_f[r]["overlap_p"], c["n_pred"], acc_f[r]["overlap_r"], c["n_gold"]),
            "lenient": _prf(c["lenient_p"], c["n_pred"], c["lenient_r"], c["n_gold"]),
        }
    res["attribution"] = {
        "n_gold": trip["n_gold"],
        "n_pred": trip["n_pred"],
        "exact_tp": trip["exact_tp"],
        "overlap_tp": trip["overlap_tp"],
        "exact": _prf(trip["exact_tp"], trip["n_pred"], trip["exact_tp"], trip["n_gold"]),
        "overlap": _prf(trip["overlap_tp"], trip["n_pred"], trip["overlap_tp"], trip["n_gold"]),
    }
    return res


def _triple_overlap(
    gatts: list[dict[str, Fragments]], patts: list[dict[str, Fragments]], toks: TokenIndex
) -> int:
    """Greedy one-to-one matching of attributions whose cue and content (and source) share tokens."""
    gt = [{r: toks.of(a[r]) for r in ROLES} for a in gatts]
    pt = [{r: toks.of(a[r]) for r in ROLES} for a in patts]
    cands: list[tuple[int, int, int]] = []
    for i, ga in enumerate(gt):
        for j, pa in enumerate(pt):
            if not (ga["cue"] & pa["cue"]) or not (ga["content"] & pa["content"]):
                continue
            if (gatts[i]["source"] or patts[j]["source"]) and not (ga["source"] & pa["source"]):
                continue
            cands.append((-sum(len(ga[r] & pa[r]) for r in ROLES), i, j))
    cands.sort()
    gi: set[int] = set()
    pj: set[int] = set()
    for _, i, j in cands:
        if i not in gi and j not in pj:
            gi.add(i)
            pj.add(j)
    return len(gi)


def _span_json(span: Fragments | None) -> list[int] | list[list[int]] | None:
    if not span:
        return None
    if len(span) == 1:
        return [span[0][0], span[0][1]]
    return [[s, e] for s, e in span]


def attribution_to_json(att: Attribution) -> dict[str, Any]:
    """One attribution in the benchmark's prediction format (extra keys are ignored by scorers)."""
    return {
        "source": _span_json(att.source),
        "cue": _span_json(att.cue),
        "content": _span_json(att.content),
        "source_text": att.source_text,
        "cue_text": att.cue_text,
        "content_text": att.content_text,
        "kind": att.kind,
        "stance": att.stance,
        "speaker": att.speaker,
    }


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def predict(
    records: Sequence[dict[str, Any]], nlp: Any, batch_size: int = 16
) -> Iterator[dict[str, Any]]:
    """Run spaCy plus the attribution component over articles; yield one prediction line each.

    The component is applied here rather than added to ``nlp`` so that callers can pass the
    shared pipeline without it being mutated.
    """
    ensure_extensions()
    texts = (rec["text"] for rec in records)
    for rec, doc in zip(records, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc = attribution_component(doc)
        yield {
            "id": rec["id"],
            "attributions": [attribution_to_json(a) for a in doc._.attributions],
        }
