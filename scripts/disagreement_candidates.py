"""List candidate claim pairs for hand-labelling where sources disagree.

The labelled set ``tests/link/disagreement_pairs.tsv`` was made from these candidates. The rule
is recall-oriented, much looser than ``chronicle.link.claims.link_claims``, so that the set
does not only hold what the system already finds:

* two claims of different speakers (a claim without a speaker differs from every other),
  in different articles, said at most ``--days`` days apart (7 by default), or any pair the
  system flags, however far apart;
* ``denial``: one of them has stance ``denies`` and the other does not, and they share at
  least one content word (the denied thing has to be named somewhere);
* ``figures``: both give a number counting the same unit, as
  ``chronicle.link.claims.figures`` reads it ("4,000 workers" and "1,200 members" both count
  people).

Each candidate is marked with whether the system flags it (``system``): some system
disagreement has one claim on its first side and the other on another side.

Usage (analyse each corpus into a store once: ``chronicle ingest <folder> --db X.db --analyse``)::

    python scripts/disagreement_candidates.py /tmp/dis/SyrianCrisis_bbc.db > /tmp/cands.tsv
    python scripts/disagreement_candidates.py /tmp/dis/bpoil_bbc.db --kind figures \\
        --grep 'barrels' --sample 20 --show --window 200

The TSV holds ids, offsets and the claims' speakers and stances; ``--show`` prints both
claims in their articles' context, for the annotator's eyes only (article text of the
benchmark never goes into the repository). The corpus of a store is ``sample`` or ``seeds``
after its file name, else ``t17``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronicle.api import Chronicle
from chronicle.evaluation.disagreements import claim_key as key
from chronicle.evaluation.disagreements import system_pairs
from chronicle.link.claims import figures, link_claims
from chronicle.models import Claim

SEED = 20250311
_WORD = re.compile(r"[\w’']+")
_STOP = frozenset(
    """a an the and or but of to in on at for from by with as is are was were be been being has have had
    that this these those it its his her their they them he she we you i not no said says say will would
    could should may might can also after before about over into than then there which who whom what when
    where while up out more most other some such only just very so if do did does any all any""".split()
)

def _speaker(claim: Claim) -> str:
    return " ".join((claim.speaker or "").casefold().split())


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).casefold() for m in _WORD.finditer(text))
                     if len(w) > 2 and w not in _STOP and not w[:1].isdigit())


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


@dataclass(frozen=True)
class Candidate:
    kind: str
    a: Claim
    b: Claim
    days: int | None
    overlap: int
    units: str
    system: bool


def candidates(claims: list[Claim], window: int) -> Iterator[Candidate]:
    _, disagreements = link_claims(claims)
    flagged = set(system_pairs(disagreements))
    words = [_words(c.text) for c in claims]
    units = [{u for _, u in figures(c.text)} for c in claims]
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.article == b.article or (_speaker(a) and _speaker(a) == _speaker(b)):
                continue
            days = _days(a.date, b.date)
            system = frozenset((key(a), key(b))) in flagged
            if days is not None and days > window and not system:
                continue
            shared = len(words[i] & words[j])
            if (a.stance == "denies") != (b.stance == "denies") and (shared or system):
                yield Candidate("denial", a, b, days, shared, "", system)
            common = units[i] & units[j]
            if common or (system and units[i] and units[j]):
                yield Candidate("figures", a, b, days, shared, ",".join(sorted(common)), system)


def corpus_of(db: Path) -> str:
    return db.stem if db.stem in ("sample", "seeds") else "t17"


def _context(store: Chronicle, claim: Claim, window: int) -> str:
    stored = store.article(claim.article)
    if stored is None:
        return claim.text
    text = stored.article.text
    start, end = claim.content_spans[0] if claim.content_spans else (0, 0)
    cue = claim.cue_span or (start, end)
    lo, hi = max(0, min(start, cue[0]) - window), min(len(text), max(end, cue[1]) + window)
    return " ".join((text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]).split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dbs", nargs="+", type=Path, help="analysed stores (chronicle ingest --analyse)")
    parser.add_argument("--days", type=int, default=7, help="at most this many days apart")
    parser.add_argument("--kind", choices=["denial", "figures"])
    parser.add_argument("--grep", help="only pairs where a claim's text matches this regex (case-insensitive)")
    parser.add_argument("--system", action="store_true", help="only pairs the system flags")
    parser.add_argument("--sample", type=int, help="at most this many pairs per store and kind, at random")
    parser.add_argument("--show", action="store_true", help="print both claims in context (not TSV)")
    parser.add_argument("--window", type=int, default=150, help="context characters each side with --show")
    args = parser.parse_args(argv)
    pattern = re.compile(args.grep, re.IGNORECASE) if args.grep else None
    rng = random.Random(SEED)
    out = sys.stdout
    if not args.show:
        out.write("corpus\tkind\tsystem\tarticle_a\tstart_a\tend_a\tarticle_b\tstart_b\tend_b\tdays\toverlap"
                  "\tunits\tspeaker_a\tstance_a\tspeaker_b\tstance_b\n")
    for db in args.dbs:
        with Chronicle(db) as store:
            claims = store.claims()
            found = [c for c in candidates(claims, args.days)
                     if (args.kind is None or c.kind == args.kind) and (not args.system or c.system)
                     and (pattern is None or pattern.search(c.a.text) or pattern.search(c.b.text))]
            if args.sample is not None:
                kept: list[Candidate] = []
                for kind in ("denial", "figures"):
                    of_kind = [c for c in found if c.kind == kind]
                    kept += rng.sample(of_kind, min(args.sample, len(of_kind)))
                found = kept
            print(f"# {db}: {len(claims)} claims, {len(found)} candidates", file=sys.stderr)
            for c in found:
                (aa, sa, ea), (ab, sb, eb) = key(c.a), key(c.b)
                if args.show:
                    out.write(f"\n=== {corpus_of(db)} {c.kind} system={c.system} days={c.days} "
                              f"overlap={c.overlap} units={c.units}\n")
                    for tag, claim in (("A", c.a), ("B", c.b)):
                        out.write(f"{tag} {claim.article} {key(claim)[1]} {key(claim)[2]} {claim.date} "
                                  f"{claim.speaker!r} {claim.stance}\n   {_context(store, claim, args.window)}\n")
                    continue
                out.write("\t".join(" ".join(str(v).split()) for v in (
                    corpus_of(db), c.kind, c.system, aa, sa, ea, ab, sb, eb, c.days, c.overlap, c.units,
                    c.a.speaker or "", c.a.stance, c.b.speaker or "", c.b.stance)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
