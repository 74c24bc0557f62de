"""Full extraction speed (spaCy + chronicle's components) on Timeline17 articles.

    python benchmarks/extract.py [--data ../shared/bench/t17] [--limit 300] [--json]

Reads articles with chronicle's own readers, then times the extraction pipeline with the
language model (sentences, time expressions, entities, claims, events, date mentions) over
them, the way the engine runs it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import T17, peak_rss_mb, print_result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17)
    parser.add_argument("--limit", type=int, default=300, help="articles to process (0: all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    from chronicle.extract import analyse
    from chronicle.extract.pipeline import build_nlp
    from chronicle.ingest import read_articles
    from chronicle.models import Article

    articles = [a for a in read_articles([args.data]) if isinstance(a, Article)]
    # Spread the sample over all topics rather than taking the first folder only.
    step = max(1, len(articles) // args.limit) if args.limit else 1
    sample = articles[::step][: args.limit or None]
    started = time.perf_counter()
    nlp = build_nlp()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    counts = {"entities": 0, "claims": 0, "events": 0}
    for _, analysis in analyse(sample, language=True, nlp=nlp):
        counts["entities"] += len(analysis.entities)
        counts["claims"] += len(analysis.claims)
        counts["events"] += len(analysis.events)
    seconds = time.perf_counter() - started
    result = {
        "articles": len(sample),
        "characters": sum(len(a.text) for a in sample),
        "pipeline": nlp.pipe_names,
        "load_seconds": round(load_seconds, 2),
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(sample) / seconds, 1),
        **counts,
        "peak_rss_mb": peak_rss_mb(),
    }
    print_result(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
