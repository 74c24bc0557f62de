"""Where sources disagree: the system's disagreements against a hand-labelled set of claim pairs.

The set (``tests/link/disagreement_pairs.tsv``) holds claim pairs from the sample corpus
(``examples/harbor-strike``), the seed story (``../shared/seeds``) and the Timeline17 dev
topics (``../shared/bench/t17/<topic>/InputDocs``), each labelled by a careful reader:

* ``true``: a real conflict between the sources, of kind ``denial`` (one explicitly denies or
  rejects what the other asserts or accuses) or ``figures`` (incompatible values for the same
  quantity of the same thing at the same time);
* ``false``: no conflict (a toll against a projection, counts of different things, a count
  that rose from one day to the next, a denial of something else).

A claim is named by its article id and the offsets of its first content span, as
``chronicle claims --format json`` gives them (stable across runs of the same code). Each
story (the sample, the seeds, each Timeline17 topic) is scored on its own: its claims go
through :func:`chronicle.link.claims.link_claims`, and a system disagreement pairs each claim
of its first side (the denial, or the first figure) with each claim of every other side (two
claims both denied by one denial are not in conflict with each other).

A labelled pair is *found* when the system pairs its two claims, whichever way round.
Precision counts labelled pairs only: found true pairs over all found labelled pairs.
Recall is found true pairs over all true pairs. System pairs that are not in the set are
counted and listed as *unlabelled*, so that they can be labelled and added. :func:`count`
scores disagreements already made (by a candidate rule, say); :func:`score` links each
story's claims first, as chronicle does.

Run ``python -m chronicle.evaluation.disagreements tests/link/disagreement_pairs.tsv ../shared``
for the report (``--db-dir DIR`` keeps one analysed store per story there, so that a second
run skips the language pipeline; ``--unlabelled-tsv FILE`` writes the unlabelled pairs as
rows of the set, ready to be labelled).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

from chronicle.link.claims import link_claims
from chronicle.models import Claim, Disagreement
from chronicle.settings import DEFAULTS, Settings

__all__ = [
    "COLUMNS",
    "ClaimKey",
    "LabelledPair",
    "Report",
    "Unlabelled",
    "article_file",
    "claim_key",
    "count",
    "evaluate",
    "format_report",
    "load_pairs",
    "main",
    "score",
    "store_claims",
    "story_folder",
    "system_pairs",
    "unlabelled_rows",
]

COLUMNS = ("corpus", "article_a", "content_start_a", "content_end_a", "article_b", "content_start_b",
           "content_end_b", "kind", "label", "reason")
CORPORA = ("sample", "seeds", "t17")
KINDS = ("denial", "figures")

#: A claim as the set names it: article id, start and end of its first content span.
ClaimKey: TypeAlias = tuple[str, int, int]
PairKey: TypeAlias = frozenset[ClaimKey]
Kind = Literal["denial", "figures"]
#: The claims of one story (``sample``, ``seeds`` or ``t17/<topic>``).
ClaimsOf = Callable[[str], Sequence[Claim]]


def claim_key(claim: Claim) -> ClaimKey:
    """Article and first content span: how the labelled set names a claim."""
    start, end = claim.content_spans[0] if claim.content_spans else (0, 0)
    return claim.article, start, end


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """One row of the set: two claims, the kind of conflict asked about, and the verdict."""

    corpus: str
    a: ClaimKey
    b: ClaimKey
    kind: Kind
    label: bool
    reason: str = ""

    @property
    def key(self) -> PairKey:
        return frozenset((self.a, self.b))

    @property
    def story(self) -> str:
        """The story whose claims hold this pair: ``sample``, ``seeds`` or ``t17/<topic>``."""
        if self.corpus == "t17":
            return "t17/" + self.a[0].split("/", 1)[0]
        return self.corpus


def load_pairs(path: str | Path) -> list[LabelledPair]:
    """Read the set: ``#`` comment lines, the header line, then one tab-separated row a line."""
    rows: list[LabelledPair] = []
    header_seen = False
    seen: dict[PairKey, int] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        where = f"{path}:{number}"
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise ValueError(f"{where}: expected the header {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{where}: expected {len(COLUMNS)} tab-separated cells, got {len(cells)}")
        corpus, art_a, sa, ea, art_b, sb, eb, kind, label, reason = cells
        if corpus not in CORPORA:
            raise ValueError(f"{where}: corpus {corpus!r} is not one of {', '.join(CORPORA)}")
        if kind not in KINDS:
            raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if label not in ("true", "false"):
            raise ValueError(f"{where}: label {label!r} is not true or false")
        try:
            a, b = (art_a, int(sa), int(ea)), (art_b, int(sb), int(eb))
        except ValueError:
            raise ValueError(f"{where}: offsets must be integers") from None
        if a[1] >= a[2] or b[1] >= b[2]:
            raise ValueError(f"{where}: a content span must end after it starts")
        if a == b:
            raise ValueError(f"{where}: a pair needs two different claims")
        if corpus == "t17" and art_a.split("/", 1)[0] != art_b.split("/", 1)[0]:
            raise ValueError(f"{where}: both claims of a Timeline17 pair must be of one topic")
        pair = LabelledPair(corpus, a, b, "denial" if kind == "denial" else "figures", label == "true", reason)
        if pair.key in seen:
            raise ValueError(f"{where}: the same pair as line {seen[pair.key]}")
        seen[pair.key] = number
        rows.append(pair)
    if not header_seen:
        raise ValueError(f"{path}: no header line")
    return rows


def system_pairs(disagreements: Iterable[Disagreement]) -> dict[PairKey, tuple[Disagreement, Claim, Claim]]:
    """Every claim pair the system calls a disagreement: each claim of the first side with each
    claim of each other side (with the first disagreement that pairs them)."""
    out: dict[PairKey, tuple[Disagreement, Claim, Claim]] = {}
    for d in disagreements:
        first, *others = d.sides
        for side in others:
            for x in first.claims:
                for y in side.claims:
                    if claim_key(x) != claim_key(y):
                        out.setdefault(frozenset((claim_key(x), claim_key(y))), (d, x, y))
    return out


@dataclass(frozen=True, slots=True)
class Unlabelled:
    """A pair the system flags that the set does not hold."""

    story: str
    kind: str
    topic: str
    a: Claim
    b: Claim


@dataclass
class Report:
    """The outcome of scoring: which labelled pairs the system found, and what else it flagged."""

    pairs: list[LabelledPair] = field(default_factory=list)
    #: Labelled pairs the system flags, with the kind of the system's disagreement.
    found: dict[PairKey, str] = field(default_factory=dict)
    #: Labelled pairs one of whose claims the system's claims do not have (never found).
    missing: list[LabelledPair] = field(default_factory=list)
    unlabelled: list[Unlabelled] = field(default_factory=list)
    #: System disagreements per story (each counted once however many pairs it makes).
    disagreements: Counter[str] = field(default_factory=Counter)

    def is_found(self, pair: LabelledPair) -> bool:
        return pair.key in self.found

    @property
    def true_positives(self) -> list[LabelledPair]:
        return [p for p in self.pairs if p.label and self.is_found(p)]

    @property
    def false_positives(self) -> list[LabelledPair]:
        return [p for p in self.pairs if not p.label and self.is_found(p)]

    @property
    def false_negatives(self) -> list[LabelledPair]:
        return [p for p in self.pairs if p.label and not self.is_found(p)]

    @property
    def true_negatives(self) -> list[LabelledPair]:
        return [p for p in self.pairs if not p.label and not self.is_found(p)]

    def precision(self, kind: str | None = None) -> float | None:
        """Found true pairs over found labelled pairs (``None`` when none is found); ``kind``
        keeps the pairs labelled with that kind."""
        tp = sum(1 for p in self.true_positives if kind is None or p.kind == kind)
        fp = sum(1 for p in self.false_positives if kind is None or p.kind == kind)
        return tp / (tp + fp) if tp + fp else None

    def recall(self, kind: str | None = None) -> float | None:
        """Found true pairs over true pairs (``None`` when there is no true pair)."""
        tp = sum(1 for p in self.true_positives if kind is None or p.kind == kind)
        true = sum(1 for p in self.pairs if p.label and (kind is None or p.kind == kind))
        return tp / true if true else None


def count(pairs: Sequence[LabelledPair], disagreements: Mapping[str, Sequence[Disagreement]],
          claims: Mapping[str, Sequence[Claim]] | None = None) -> Report:
    """Score each story's system disagreements against the labelled pairs of that story.

    With ``claims`` (each story's claims), labelled pairs naming a claim the story does not
    have are reported as ``missing``.
    """
    report = Report(pairs=list(pairs))
    labelled: dict[str, set[PairKey]] = {}
    for p in pairs:
        labelled.setdefault(p.story, set()).add(p.key)
    if claims is not None:
        keys = {story: {claim_key(c) for c in found} for story, found in claims.items()}
        report.missing = [p for p in pairs if not {p.a, p.b} <= keys.get(p.story, set())]
    for story, found in sorted(disagreements.items()):
        report.disagreements[story] = len(found)
        for pair_key, (d, x, y) in system_pairs(found).items():
            if pair_key in labelled.get(story, ()):
                report.found[pair_key] = d.kind
            else:
                report.unlabelled.append(Unlabelled(story, d.kind, d.topic, x, y))
    return report


def score(pairs: Sequence[LabelledPair], claims: Mapping[str, Sequence[Claim]], *,
          settings: Settings = DEFAULTS) -> Report:
    """Link each story's claims as chronicle does, and count its disagreements against the set."""
    disagreements = {
        story: link_claims(
            found,
            same_statement=settings.same_statement_overlap,
            denial_overlap=settings.denial_overlap,
            figures_window_days=settings.figures_window_days,
        )[1]
        for story, found in claims.items()
    }
    return count(pairs, disagreements, claims)


def story_folder(story: str, shared: Path, sample: Path) -> Path:
    """Where a story's articles are: the sample folder, ``shared/seeds`` or a topic's InputDocs."""
    if story == "sample":
        return sample
    if story == "seeds":
        return shared / "seeds"
    corpus, _, topic = story.partition("/")
    if corpus != "t17" or not topic:
        raise ValueError(f"unknown story {story!r}")
    return shared / "bench" / "t17" / topic / "InputDocs"


def article_file(corpus: str, article: str, shared: Path, sample: Path) -> Path:
    """The file an article id of the set was read from (``<topic>/<day>/<n>`` is Timeline17's
    ``<topic>/InputDocs/<day>/<n>.htm.txt``)."""
    if corpus == "t17":
        topic, day, number = article.split("/")
        return shared / "bench" / "t17" / topic / "InputDocs" / day / f"{number}.htm.txt"
    return (sample if corpus == "sample" else shared / "seeds") / f"{article}.txt"


def store_claims(shared: Path, sample: Path, *, db_dir: Path | None = None,
                 settings: Settings = DEFAULTS) -> ClaimsOf:
    """A function giving each story's claims as ``chronicle claims`` finds them: the story's
    folder ingested into a store (kept as ``<db_dir>/<name>.db`` when ``db_dir`` is given,
    else in memory) and analysed."""
    from chronicle.api import Chronicle  # the language pipeline: imported only when used

    def claims_of(story: str) -> Sequence[Claim]:
        db: Path | str = ":memory:"
        if db_dir is not None:
            db_dir.mkdir(parents=True, exist_ok=True)
            db = db_dir / f"{story.rsplit('/', 1)[-1]}.db"
        with Chronicle(db, settings=settings) as chronicle:
            chronicle.ingest([story_folder(story, shared, sample)])
            return chronicle.claims()

    return claims_of


def evaluate(pairs: Sequence[LabelledPair], claims_of: ClaimsOf, *, settings: Settings = DEFAULTS) -> Report:
    """Score the set with each story's claims from ``claims_of``."""
    stories = sorted({p.story for p in pairs})
    return score(pairs, {story: claims_of(story) for story in stories}, settings=settings)


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _row(story: str, a: ClaimKey, b: ClaimKey) -> str:
    corpus = story.split("/", 1)[0]
    return "\t".join(str(v) for v in (corpus, *a, *b))


def _claim_line(claim: Claim) -> str:
    text = " ".join(claim.text.split())
    return f"{claim.date} {claim.speaker or '(unknown)'} [{claim.stance}]: {text[:160]}"


def unlabelled_rows(report: Report) -> list[str]:
    """The unlabelled system pairs as rows of the set, label and reason left blank."""
    return [f"{_row(u.story, claim_key(u.a), claim_key(u.b))}\t{u.kind}\t\t" for u in report.unlabelled]


def format_report(report: Report, *, unlabelled: int | None = 20) -> str:
    """The counts, precision and recall, the errors, and up to ``unlabelled`` unlabelled system
    pairs of each story (all of them with ``None``), as text."""
    lines: list[str] = []
    by: Counter[tuple[str, str, bool]] = Counter((p.corpus, p.kind, p.label) for p in report.pairs)
    lines.append("labelled pairs (corpus, kind: true / false)")
    for corpus in CORPORA:
        for kind in KINDS:
            if by[(corpus, kind, True)] or by[(corpus, kind, False)]:
                lines.append(f"  {corpus:7} {kind:8} {by[(corpus, kind, True)]:4} / {by[(corpus, kind, False)]:4}")
    true = sum(1 for p in report.pairs if p.label)
    lines.append(f"  {'all':16} {true:4} / {len(report.pairs) - true:4}")
    lines.append("")
    tp, fp, fn = report.true_positives, report.false_positives, report.false_negatives
    lines.append(f"system disagreements: {sum(report.disagreements.values())} in {len(report.disagreements)} stories, "
                 f"{len(report.found) + len(report.unlabelled)} claim pairs")
    lines.append(f"labelled pairs found: {len(tp) + len(fp)} ({len(tp)} true, {len(fp)} false); "
                 f"true pairs missed: {len(fn)}")
    for which in (None, *KINDS):
        name = "all" if which is None else which
        lines.append(f"  {name:8} precision {_ratio(report.precision(which)):>6}  "
                     f"recall {_ratio(report.recall(which)):>6}")
    if report.missing:
        lines.append(f"\n{len(report.missing)} labelled pairs name a claim the system does not find (never found):")
        lines += [f"  {_row(p.story, p.a, p.b)}\t{p.kind}\t{'true' if p.label else 'false'}" for p in report.missing]
    for title, items in (("false positives", fp), ("false negatives", fn)):
        lines.append(f"\n{title}: {len(items)}")
        lines += [f"  {_row(p.story, p.a, p.b)}\t{p.kind}\t{p.reason}"
                  + (f" (found as {report.found[p.key]})" if p.key in report.found and report.found[p.key] != p.kind
                     else "") for p in items]
    per_story = Counter(u.story for u in report.unlabelled)
    lines.append(f"\nunlabelled system pairs: {len(report.unlabelled)}"
                 + (" (" + ", ".join(f"{s} {n}" for s, n in sorted(per_story.items())) + ")" if per_story else ""))
    shown: Counter[str] = Counter()
    for u in report.unlabelled:
        if unlabelled is not None and shown[u.story] >= unlabelled:
            continue
        shown[u.story] += 1
        lines.append(f"  {_row(u.story, claim_key(u.a), claim_key(u.b))}\t{u.kind}\t?\t({u.topic})")
        lines.append(f"      A {_claim_line(u.a)}")
        lines.append(f"      B {_claim_line(u.b)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronicle.evaluation.disagreements",
                                     description="Score where sources disagree against a labelled set of claim pairs.")
    parser.add_argument("pairs", type=Path, help="the labelled set (tests/link/disagreement_pairs.tsv)")
    parser.add_argument("shared", type=Path, help="the shared folder (seeds/, bench/t17/)")
    parser.add_argument("--sample", type=Path, help="the sample corpus (default: examples/harbor-strike "
                        "beside the source tree, else under the current folder)")
    parser.add_argument("--db-dir", type=Path, help="keep each story's analysed store here (reused next time)")
    parser.add_argument("--unlabelled", type=int, default=20, metavar="N",
                        help="list at most N unlabelled system pairs a story (default 20; -1: all)")
    parser.add_argument("--unlabelled-tsv", type=Path, metavar="FILE",
                        help="write every unlabelled system pair to FILE as rows of the set, to be labelled")
    args = parser.parse_args(None if argv is None else list(argv))
    pairs = load_pairs(args.pairs)
    report = evaluate(pairs, store_claims(args.shared, args.sample or _default_sample(), db_dir=args.db_dir))
    print(format_report(report, unlabelled=None if args.unlabelled < 0 else args.unlabelled))
    if args.unlabelled_tsv is not None:
        args.unlabelled_tsv.write_text("\t".join(COLUMNS) + "\n" + "".join(r + "\n" for r in unlabelled_rows(report)),
                                       encoding="utf-8")
    return 0


def _default_sample() -> Path:
    beside = Path(__file__).resolve().parents[3] / "examples" / "harbor-strike"
    return beside if beside.is_dir() else Path("examples") / "harbor-strike"


if __name__ == "__main__":
    raise SystemExit(main())
