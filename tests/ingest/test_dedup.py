"""Near-copy detection on texts written for the test."""

from __future__ import annotations

from chronicle.ingest import DuplicateFinder, minhash_signature

WIRE = (
    "Port workers in the city of Lenmark walked off the job on Monday after talks over pay and "
    "shift patterns broke down, halting the loading of grain ships for the first time in a decade. "
    "The union said about 3,000 members had joined the stoppage, while the port operator put the "
    "figure at 1,100 and said contingency crews were keeping the container terminal open."
)
EDITED = WIRE.replace("on Monday", "on Monday morning") + " Talks are due to resume on Thursday."
OTHER = (
    "The central bank of Lenmark left its main interest rate unchanged at 4.5 percent on Thursday, "
    "saying inflation had eased but wage growth remained too strong to cut borrowing costs yet."
)


def test_lightly_edited_copy_is_found() -> None:
    finder = DuplicateFinder()
    finder.add("wire-1", minhash_signature(WIRE))
    match = finder.find(minhash_signature(EDITED))
    assert match is not None
    assert match[0] == "wire-1" and 0.8 <= match[1] < 1.0


def test_unrelated_story_is_not_a_copy() -> None:
    finder = DuplicateFinder()
    finder.add("wire-1", minhash_signature(WIRE))
    assert finder.find(minhash_signature(OTHER)) is None


def test_signature_is_stable_bytes() -> None:
    assert minhash_signature(WIRE) == minhash_signature(WIRE)
    assert isinstance(minhash_signature(WIRE), bytes) and len(minhash_signature(WIRE)) == 128 * 8
