"""Cross-document event linking: pairwise same-event decisions and whole-corpus checks.

1. **Pairs** (``tests/link/event_pairs.py``, written for this benchmark): precision, recall
   and F1 of the same-event decision for ``lexical`` (words, names, numbers, event-word
   table), ``embedding`` (MiniLM cosine only) and ``combined``. Each method's threshold is
   chosen on the ``dev`` half (best F1) and reported on the ``test`` half and on all pairs.
2. **Seeds** (``../shared/seeds``): the January 2024 factory tour and the joint statement
   must each be one event with both sources.
3. **harbor-strike** (``examples/harbor-strike``, copies left out as the store does): each
   multi-source event of ``EXPECTED.md`` must be one linked event, and listed different
   happenings of one day must stay apart.
4. **Speed** on a Timeline17 topic (``../shared/bench/t17``): mentions -> events.

    .venv/bin/python benchmarks/event_linking.py            # all, with embeddings if installed
    .venv/bin/python benchmarks/event_linking.py --no-embeddings
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "link"))
try:
    import chronicle  # noqa: F401
except ImportError:  # running from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))

from event_pairs import PAIRS, mention, split  # noqa: E402

from chronicle.errors import ChronicleError  # noqa: E402
from chronicle.extract import analyse  # noqa: E402
from chronicle.ingest import read_articles  # noqa: E402
from chronicle.link.events import (  # noqa: E402
    link_events,
    mention_features,
    pair_features,
    pair_score,
)
from chronicle.models import Article, EventMention, LinkedEvent  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
HARBOR = ROOT / "examples" / "harbor-strike"
T17 = ROOT.parent / "shared" / "bench" / "t17"
# The two copies of A6 (EXPECTED.md "Duplicates"): the store keeps them out of the timeline.
HARBOR_COPIES = ("2025-03-14-epr-court-orders-partial-return", "2025-03-14-judge-orders-dockers-back")

Key = tuple[str, str]  # (article id prefix, sentence substring)
#: EXPECTED.md events reported by several articles, as the extractor dates them.
HARBOR_SAME: dict[str, tuple[str, list[Key]]] = {
    "E1 ballot result": ("2025-02-28", [("2025-03-01-dockworkers", "voted overwhelmingly"),
                                        ("2025-03-03-dockworkers", "Friday's ballot"),
                                        ("2025-03-03-strike", "voted in favour")]),
    "E2 walkout": ("2025-03-03", [("2025-03-03-dockworkers", "walked off the job"),
                                  ("2025-03-03-strike", "went on strike"),
                                  ("2025-03-14-court", "The strike began on March 3"),
                                  ("2025-04-05-tentative", "The strike began on March 3")]),
    "E3 talks open": ("2025-03-05", [("2025-03-07-port", "talks began on Wednesday"),
                                     ("2025-03-08-port", "had begun on Wednesday")]),
    "E4 talks break down": ("2025-03-06", [("2025-03-07-port", "paused yesterday"),
                                           ("2025-03-08-port", "collapsed on Thursday"),
                                           ("2025-03-14-court", "broke down on March 6")]),
    "E6 injunction asked": ("2025-03-10", [("2025-03-08-port", "Commercial Court next week"),
                                           ("2025-03-14-court", "asked the Valmora Commercial Court")]),
    "E10 deal reached": ("2025-04-04", [("2025-04-05-tentative", "tentative agreement"),
                                        ("2025-04-05-deal", "shook hands"),
                                        ("2025-04-10-dockworkers", "reached on April 4")]),
    "E11 ratification vote": ("2025-04-08", [("2025-04-05-tentative", "will vote on the agreement"),
                                             ("2025-04-10-dockworkers", "approved the settlement")]),
    "E12 return to work": ("2025-04-10", [("2025-04-05-deal", "as early as Thursday"),
                                          ("2025-04-10-dockworkers", "returned to work")]),
}
#: Different happenings reported on one day by different outlets: must stay apart.
HARBOR_APART: list[tuple[str, Key, Key]] = [
    ("walkout vs ships at anchor", ("2025-03-03-strike", "went on strike"),
     ("2025-03-03-dockworkers", "14 ships were waiting")),
    ("walkout vs noon statement", ("2025-03-03-strike", "went on strike"),
     ("2025-03-03-dockworkers", "statement issued at noon")),
    ("talks open vs talks break down", ("2025-03-07-port", "talks began on Wednesday"),
     ("2025-03-08-port", "collapsed on Thursday")),
    ("deal vs ratification", ("2025-04-05-tentative", "tentative agreement"),
     ("2025-04-10-dockworkers", "approved the settlement")),
]
SEED_SAME: dict[str, tuple[str, list[Key]]] = {
    "factory tour": ("2024-01-08", [("000", "visited arms factories"), ("002", "conducted his tour")]),
    "joint statement": ("2024-01-09", [("000", "the joint statement said"), ("002", "In a joint statement")]),
}

Embed = Callable[[list[str]], np.ndarray]


# ---------------------------------------------------------------------------------------
# Pairs


def _prf(decisions: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(d and g for d, g in zip(decisions, gold, strict=True))
    fp = sum(d and not g for d, g in zip(decisions, gold, strict=True))
    fn = sum(g and not d for d, g in zip(decisions, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> float:
    """The cut with the best F1 (ties: the highest cut, which favours precision)."""
    candidates = sorted(set(scores))
    best, best_f = 0.0, -1.0
    for i, s in enumerate(candidates):
        cut = (s + candidates[i - 1]) / 2 if i else s - 1e-6
        f = _prf([x >= cut for x in scores], gold)[2]
        if f >= best_f:
            best, best_f = cut, f
    return best


def pair_table(embed: Embed | None) -> list[tuple[str, float, tuple[float, float, float], tuple[float, float, float]]]:
    mentions = [(mention("a", da, sa), mention("b", db, sb)) for da, sa, db, sb, _, _ in PAIRS]
    gold = [p[4] for p in PAIRS]
    cosines: list[float | None] = [None] * len(PAIRS)
    if embed is not None:
        va = embed([a.sentence for a, _ in mentions])
        vb = embed([b.sentence for _, b in mentions])
        cosines = [float(x @ y) for x, y in zip(va, vb, strict=True)]
    features = [
        pair_features(mention_features(a), mention_features(b), c) for (a, b), c in zip(mentions, cosines, strict=True)
    ]
    dev = [i for i in range(len(PAIRS)) if split(i) == "dev"]
    test = [i for i in range(len(PAIRS)) if split(i) == "test"]
    rows = []
    for mode in ("lexical", "embedding", "combined"):
        if mode != "lexical" and embed is None:
            continue
        scores = [pair_score(f, mode) for f in features]
        cut = _best_threshold([scores[i] for i in dev], [gold[i] for i in dev])
        decide = [s >= cut for s in scores]
        rows.append((
            mode,
            cut,
            _prf([decide[i] for i in test], [gold[i] for i in test]),
            _prf(decide, gold),
        ))
    return rows


def pair_errors(embed: Embed | None, mode: str, cut: float) -> list[str]:
    out = []
    for da, sa, db, sb, same, kind in PAIRS:
        a, b = mention("a", da, sa), mention("b", db, sb)
        cos = None
        if embed is not None:
            v = embed([sa, sb])
            cos = float(v[0] @ v[1])
        s = pair_score(pair_features(mention_features(a), mention_features(b), cos), mode)
        if (s >= cut) != same:
            out.append(f"  {'FN' if same else 'FP'} {kind:10} {s:+.2f}  {sa[:60]!r} / {sb[:60]!r}")
    return out


# ---------------------------------------------------------------------------------------
# Corpus checks


def _mentions(folder: Path, skip: Sequence[str] = ()) -> list[EventMention]:
    articles = [a for a in read_articles([folder]) if isinstance(a, Article) and a.id not in skip]
    return [m for _, analysis in analyse(articles, language=False) for m in analysis.mentions]


def _event_of(events: list[LinkedEvent], key: Key, date: str | None = None) -> int | None:
    prefix, text = key
    for n, event in enumerate(events):
        for m in event.mentions:
            if m.article_id.startswith(prefix) and text in m.sentence and (date is None or str(m.first) == date
                                                                          or m.granularity != "day"):
                return n
    return None


def corpus_checks(events: list[LinkedEvent], same: dict[str, tuple[str, list[Key]]],
                  apart: list[tuple[str, Key, Key]]) -> list[tuple[str, bool]]:
    results = []
    for name, (date, keys) in same.items():
        found = {_event_of(events, k, date) for k in keys}
        results.append((f"same:  {name}", len(found) == 1 and None not in found))
    for name, a, b in apart:
        ea, eb = _event_of(events, a), _event_of(events, b)
        results.append((f"apart: {name}", ea is not None and ea != eb))
    return results


def speed(embed: Embed | None) -> list[tuple[str, int, float, float | None]]:
    out: list[tuple[str, int, float, float | None]] = []
    if not T17.is_dir():
        return out
    for topic in sorted(T17.iterdir())[:3]:
        articles = [a for a in read_articles([topic / "InputDocs"]) if isinstance(a, Article) and a.published]
        mentions = [m for _, analysis in analyse(articles, language=False) for m in analysis.mentions]
        t = time.perf_counter()
        link_events(mentions)
        lexical = time.perf_counter() - t
        with_embed = None
        if embed is not None:
            t = time.perf_counter()
            link_events(mentions, embed=embed)
            with_embed = time.perf_counter() - t
        out.append((topic.name, len(mentions), lexical, with_embed))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    args = parser.parse_args(argv)
    embed: Embed | None = None
    if not args.no_embeddings:
        try:
            from chronicle.link.embeddings import load_embedder

            embed = load_embedder()
        except ChronicleError as exc:
            print(f"(embeddings unavailable: {exc})")

    n_dev = sum(split(i) == "dev" for i in range(len(PAIRS)))
    print(f"## Pairwise same-event decisions ({len(PAIRS)} pairs: {n_dev} dev, {len(PAIRS) - n_dev} test;"
          f" {sum(p[4] for p in PAIRS)} same)\n")
    print("| method | threshold (dev) | test P | test R | test F1 | all P | all R | all F1 |")
    print("|---|---|---|---|---|---|---|---|")
    rows = pair_table(embed)
    for mode, cut, (tp, tr, tf), (ap, ar, af) in rows:
        print(f"| {mode} | {cut:.3f} | {tp:.2f} | {tr:.2f} | {tf:.2f} | {ap:.2f} | {ar:.2f} | {af:.2f} |")
    if args.errors:
        for mode, cut, _, _ in rows:
            print(f"\n{mode} errors at {cut:.3f}:")
            print("\n".join(pair_errors(embed, mode, cut)))

    modes: list[tuple[str, Embed | None]] = [("lexical", None)] + ([("combined", embed)] if embed else [])
    for label, folder, same, apart, skip in (
        ("seeds", SEEDS, SEED_SAME, [], ()),
        ("harbor-strike", HARBOR, HARBOR_SAME, HARBOR_APART, HARBOR_COPIES),
    ):
        if not folder.is_dir():
            print(f"\n(skipped {label}: {folder} not found)")
            continue
        mentions = _mentions(folder, skip)
        for mode, e in modes:
            results = corpus_checks(link_events(mentions, embed=e), same, apart)
            ok = sum(r for _, r in results)
            print(f"\n## {label}, {mode}: {ok}/{len(results)} checks pass")
            for name, passed in results:
                print(f"- [{'x' if passed else ' '}] {name}")

    if not args.no_speed:
        print("\n## Speed (link_events only; mentions from sentences + time expressions)\n")
        print("| topic | mentions | lexical s | combined s |")
        print("|---|---|---|---|")
        for name, n, lex, emb in speed(embed):
            print(f"| {name} | {n} | {lex:.3f} | {'-' if emb is None else f'{emb:.2f}'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
