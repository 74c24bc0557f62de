"""The hand-labelled set of where sources disagree, and the scorer that measures chronicle on it.

The counting is tested on claims and disagreements written for the test; the set itself is
checked for shape and balance, and (slow, with ../shared) every claim it names is checked to be
one chronicle finds.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Literal

import pytest

from chronicle.evaluation.disagreements import (
    COLUMNS,
    LabelledPair,
    article_file,
    claim_key,
    count,
    format_report,
    load_pairs,
    system_pairs,
    unlabelled_rows,
)
from chronicle.models import Claim, ClaimGroup, Disagreement

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "link" / "disagreement_pairs.tsv"
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "examples" / "harbor-strike"

Stance = Literal["asserts", "denies", "condemns"]


def claim(article: str, start: int, text: str = "something", stance: Stance = "asserts") -> Claim:
    return Claim(speaker="someone", cue="said", text=text, stance=stance, article=article,
                 date="2025-03-03", content_spans=((start, start + len(text)),))


def pair(a: Claim, b: Claim, label: bool, kind: Literal["denial", "figures"] = "denial",
         corpus: str = "sample") -> LabelledPair:
    return LabelledPair(corpus, claim_key(a), claim_key(b), kind, label, "test")


# -- the table -------------------------------------------------------------------------------


def test_table_parses_and_both_labels_are_well_represented() -> None:
    pairs = load_pairs(TABLE)
    true = [p for p in pairs if p.label]
    false = [p for p in pairs if not p.label]
    assert len(true) >= 60 and len(false) >= 60
    # Both kinds on both sides, and every corpus of the set present.
    assert {(p.kind, p.label) for p in pairs} == {(k, lab) for k in ("denial", "figures") for lab in (True, False)}
    assert {p.corpus for p in pairs} == {"sample", "seeds", "t17"}


def test_table_holds_ids_offsets_and_short_reasons_only() -> None:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert tuple(lines[0].split("\t")) == COLUMNS
    for line in lines[1:]:
        reason = line.split("\t")[-1]
        # The labeller's few words, never a passage of an article.
        assert 0 < len(reason) <= 100, line


def test_malformed_rows_are_refused(tmp_path: Path) -> None:
    header = "\t".join(COLUMNS)
    bad_rows = [
        "sample\ta\t1\t5\tb\t2\t6\tdenial\tmaybe\tx",  # label
        "sample\ta\t1\t5\tb\t2\t6\tquotes\ttrue\tx",  # kind
        "news\ta\t1\t5\tb\t2\t6\tdenial\ttrue\tx",  # corpus
        "sample\ta\t5\t1\tb\t2\t6\tdenial\ttrue\tx",  # span
        "t17\tH1N1_bbc/2009-04-29/1\t1\t5\tbpoil_bbc/2010-05-01/2\t2\t6\tdenial\ttrue\tx",  # two topics
    ]
    for row in bad_rows:
        path = tmp_path / "pairs.tsv"
        path.write_text(f"{header}\n{row}\n", encoding="utf-8")
        with pytest.raises(ValueError):
            load_pairs(path)
    path.write_text(f"{header}\nsample\ta\t1\t5\tb\t2\t6\tdenial\ttrue\tx\nsample\tb\t2\t6\ta\t1\t5\tfigures\tfalse\ty\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="same pair"):
        load_pairs(path)


# -- counting ---------------------------------------------------------------------------------


def test_found_when_one_side_holds_a_and_another_side_holds_b() -> None:
    denial = claim("a1", 10, "accusations that it shipped shells", "denies")
    accusation = claim("a2", 40, "the shipment of shells")
    same_report = claim("a3", 7, "the shipment of shells")  # grouped with the accusation
    other = claim("a4", 0, "the harvest was large")
    d = Disagreement("denial", "shells", (ClaimGroup((denial,)), ClaimGroup((accusation, same_report))))
    pairs = [
        pair(denial, same_report, True),  # found through a group member, whichever way round
        pair(accusation, denial, True),
        pair(denial, other, False),  # not flagged: a true negative
    ]
    report = count(pairs, {"sample": [d]})
    assert report.true_positives == pairs[:2]
    assert report.false_positives == [] and report.false_negatives == []
    assert report.true_negatives == [pairs[2]]
    assert report.precision() == 1.0 and report.recall() == 1.0
    assert report.unlabelled == []


def test_precision_counts_labelled_pairs_only_and_the_rest_is_unlabelled() -> None:
    a, b, c, d_ = (claim(f"art{i}", 0, f"{i}00 workers walked out") for i in range(1, 5))
    flagged = [
        Disagreement("figures", "people", (ClaimGroup((a,)), ClaimGroup((b,)))),
        Disagreement("figures", "people", (ClaimGroup((a,)), ClaimGroup((c,)))),
        Disagreement("figures", "people", (ClaimGroup((c,)), ClaimGroup((d_,)))),
    ]
    pairs = [
        pair(a, b, True, "figures"),  # found: a true positive
        pair(a, c, False, "figures"),  # found: a false positive
        pair(b, d_, True, "figures"),  # not found: a false negative
    ]
    report = count(pairs, {"sample": flagged})
    assert (len(report.true_positives), len(report.false_positives), len(report.false_negatives)) == (1, 1, 1)
    assert report.precision() == 0.5 and report.recall() == 0.5
    assert report.precision("denial") is None and report.recall("denial") is None
    # c against d is flagged but not labelled: reported apart, out of precision.
    assert [(claim_key(u.a), claim_key(u.b)) for u in report.unlabelled] == [(claim_key(c), claim_key(d_))]
    assert unlabelled_rows(report) == ["sample\tart3\t0\t22\tart4\t0\t22\tfigures\t\t"]
    assert report.disagreements["sample"] == 3
    text = format_report(report)
    assert "precision  50.0%" in text and "unlabelled system pairs: 1" in text


def test_two_claims_both_denied_by_one_denial_are_not_a_pair() -> None:
    denial = claim("a1", 0, "reports of shelling and arrests", "denies")
    one, two = claim("a2", 0, "the shelling"), claim("a3", 0, "the arrests")
    d = Disagreement("denial", "shelling", (ClaimGroup((denial,)), ClaimGroup((one,)), ClaimGroup((two,))))
    assert set(system_pairs([d])) == {frozenset((claim_key(denial), claim_key(x))) for x in (one, two)}
    report = count([pair(one, two, False)], {"sample": [d]})
    assert report.false_positives == [] and len(report.unlabelled) == 2


def test_pairs_naming_claims_the_system_lacks_are_missing_and_stories_are_kept_apart() -> None:
    a, b = claim("H1N1_bbc/2009-04-29/1", 0), claim("H1N1_bbc/2009-04-29/2", 5)
    elsewhere = claim("bpoil_bbc/2010-05-01/1", 0)
    labelled = pair(a, b, True, corpus="t17")
    assert labelled.story == "t17/H1N1_bbc"
    d = Disagreement("denial", "x", (ClaimGroup((a,)), ClaimGroup((b,))))
    # The same claims flagged under another story do not count for this one.
    report = count([labelled], {"t17/bpoil_bbc": [d]}, {"t17/H1N1_bbc": [a], "t17/bpoil_bbc": [elsewhere]})
    assert report.missing == [labelled]
    assert report.false_negatives == [labelled]


# -- the table against chronicle's claims (slow: the language pipeline) -----------------------

#: Share of labelled claims the extractor may no longer give before the set must be relabelled
#: (41 of the 361 at the end of the session that made it: 11%).
MAX_ABSENT_SHARE = 0.15


@pytest.mark.slow
def test_most_labelled_claims_are_claims_chronicle_finds() -> None:
    """The labels name claims by the spans the extractor gave when they were made; the extractor
    moves on (claims dated when said, relays folded into the speaker's claim, speakerless claims
    left out), so a few no longer match. Most must: else the set measures nothing, and it is to be
    relabelled (the scorer lists the pairs it cannot find)."""
    if not SHARED.is_dir():
        pytest.skip("../shared (benchmark data) is not beside the repo")
    from chronicle.api import Chronicle

    pairs = load_pairs(TABLE)
    wanted: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    corpus_of: dict[str, str] = {}
    for p in pairs:
        wanted[p.story] |= {p.a, p.b}
        corpus_of[p.story] = p.corpus
    absent: list[tuple[str, int, int]] = []
    for story, keys in sorted(wanted.items()):
        # A claim is its article's own: analysing only the labelled articles finds the same claims.
        files = sorted({article_file(corpus_of[story], article, SHARED, SAMPLE) for article, _, _ in keys})
        with Chronicle(":memory:") as chronicle:
            chronicle.ingest(files)
            found = {claim_key(c) for c in chronicle.claims()}
        absent += sorted(keys - found)
    total = sum(len(keys) for keys in wanted.values())
    assert len(absent) <= MAX_ABSENT_SHARE * total, (
        f"{len(absent)} of {total} labelled claims are not among chronicle's claims: {absent[:10]}")
