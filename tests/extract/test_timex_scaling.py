"""The time tagger's cost grows with its input, never with the square of it.

Stated bound: ``tag`` takes at most :data:`PER_CHAR` seconds a character plus half a second
(processor time, so that a loaded machine does not fail the test),
on any text (fuzzed), including dense runs of time words; overlap settling used to be
quadratic ("Monday" x 40,000: 33 s, a 9 MB file: over 15 minutes).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.extract.timex import tag
from chronicle.extract.timex.recognize import find_candidates

#: Seconds a character the tagger may take at worst (measured: about 70 microseconds on
#: "Monday Monday ...", the densest text there is; normal news is ten times faster).
PER_CHAR = 250e-6
DCT = dt.date(2024, 1, 10)

_FRAGMENTS = st.sampled_from([
    "Monday", "on Monday", "last week", "March 3, 2024", "2024-01-09", "the 1990s", "next year", "today",
    "10:30 p.m.", "three days ago", "since 2019", "from May to June", "Q3", "the weekend", "1/2/2023",
    "said", "will", "and", ",", ".", "\n\n", "😀", "x" * 40, "9" * 12, "'s", "-", "the", "of",
])


def _budget(text: str) -> float:
    return 0.5 + PER_CHAR * len(text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), min_size=1, max_size=60),
       repeat=st.integers(min_value=1, max_value=400))
def test_no_text_is_slower_than_the_stated_bound(parts: list[str], repeat: int) -> None:
    text = " ".join(parts) * repeat
    start = time.process_time()
    found = tag(text, DCT)
    elapsed = time.process_time() - start
    assert all(0 <= t.start < t.end <= len(text) for t in found)
    assert elapsed <= _budget(text), f"{len(text):,} characters took {elapsed:.2f} s"


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        tag(text, DCT)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
def test_time_grows_linearly_with_a_run_of_one_weekday() -> None:
    small, large = _seconds("Monday " * 2_000), _seconds("Monday " * 16_000)
    # Eight times the text: linear is about 8x, quadratic 64x.
    assert large / small < 20, f"2,000 words {small:.2f} s, 16,000 words {large:.2f} s"


def test_settling_overlaps_is_no_longer_quadratic() -> None:
    text = "Monday " * 40_000
    start = time.process_time()
    found = find_candidates(text)
    assert time.process_time() - start < 10  # was 33 s
    assert len(found) == 40_000
