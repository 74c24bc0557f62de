"""Event linking stays bounded on a feed of thousands of one day's entries.

Every pair of same-date mentions used to be a candidate: 4,000 entries took 5.2 GB and a
10,000-entry feed was killed at 23 GB. Above ``EXACT_BLOCK`` date-compatible mentions each
mention meets at most ``BLOCK_CANDIDATES`` others; below it linking is exact (unchanged).
"""

from __future__ import annotations

import itertools
import random
import time

import pytest

from chronicle.link.events import (
    BLOCK_CANDIDATES,
    EXACT_BLOCK,
    _candidate_pairs,
    _units,
    link_events,
    mention_features,
)
from chronicle.models import EventMention

from .event_pairs import mention

_WHO = ["The mayor", "Union leaders", "Port officials", "The governor", "Rescue teams", "Farmers", "Police"]
_DID = ["approved", "rejected", "discussed", "postponed", "announced", "criticised"]
_WHAT = ["the harbour budget", "the pay offer", "flood defences", "the rail strike", "the water tariff"]


def one_day(n: int, seed: int = 3) -> list[EventMention]:
    rng = random.Random(seed)
    return [mention(f"entry-{k}", "2024-03-04",
                    f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)} on Monday, report {k} said.")
            for k in range(n)]


def _pairs(mentions: list[EventMention]) -> list[tuple[int, int]]:
    units = _units(mentions)
    return list(_candidate_pairs(units, [mention_features(u.mentions[0]) for u in units]))


def test_below_the_block_limit_every_pair_sharing_a_word_is_a_candidate() -> None:
    mentions = one_day(EXACT_BLOCK)
    units = _units(mentions)
    features = [mention_features(u.mentions[0]) for u in units]
    every = {(i, j) for i, j in itertools.combinations(range(len(units)), 2) if features[i].words & features[j].words}
    assert set(_pairs(mentions)) == every


def test_a_big_block_gives_a_bounded_number_of_candidates() -> None:
    n = 6_000
    pairs = _pairs(one_day(n))
    exact = (EXACT_BLOCK + 1) * EXACT_BLOCK // 2  # while at most EXACT_BLOCK are active
    assert len(pairs) <= exact + (n - EXACT_BLOCK - 1) * BLOCK_CANDIDATES
    assert len(set(pairs)) == len(pairs)


@pytest.mark.slow
def test_linking_time_grows_about_linearly_with_a_busy_day() -> None:
    timings = {}
    for n in (2_000, 8_000):
        mentions = one_day(n)
        start = time.process_time()
        events = link_events(mentions)
        timings[n] = time.process_time() - start
        assert sorted(m.article_id for e in events for m in e.mentions) == sorted(m.article_id for m in mentions)
    # Four times the mentions: about 4x when bounded, 16x with every pair.
    assert timings[8_000] / timings[2_000] < 9, timings
