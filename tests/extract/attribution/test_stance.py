"""Stance: whether a cue asserts, denies or condemns."""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

STANCE: list[Case] = [
    ("The minister has denied accusations that he took bribes.", "has denied",
     {"source": "The minister", "content": "accusations that he took bribes", "stance": "denies"}),
    ("The company rejected claims that its products were unsafe.", "rejected",
     {"source": "The company", "content": "claims that its products were unsafe", "stance": "denies"}),
    ("The government condemned the attack on the embassy.", "condemned",
     {"source": "The government", "content": "the attack on the embassy", "stance": "condemns"}),
    ("The spokesman denied that the president was ill.", "denied",
     {"source": "The spokesman", "content": "that the president was ill", "stance": "denies"}),
    ("The army dismissed reports that soldiers had fired on civilians.", "dismissed",
     {"source": "The army", "content": "reports that soldiers had fired on civilians", "stance": "denies"}),
    ("Religious leaders denounced the violence.", "denounced",
     {"source": "Religious leaders", "content": "the violence", "stance": "condemns"}),
    ("The council decried the decision to close the library.", "decried",
     {"source": "The council", "stance": "condemns"}),
    ("The senator said the report was accurate.", "said",
     {"stance": "asserts"}),
    ("The party disputed the official results.", "disputed",
     {"source": "The party", "content": "the official results", "stance": "denies"}),
    ("Beijing has refuted allegations that it hacked the ministry.", "has refuted",
     {"source": "Beijing", "stance": "denies"}),
    ("The United Nations condemned the coup in the strongest terms.", "condemned",
     {"source": "The United Nations", "stance": "condemns"}),
    # Rejecting a proposal or an offer is not denying a claim.
    ("The club has rejected the offer.", "has rejected",
     {"source": "The club", "content": "the offer", "stance": "asserts"}),
    ("The government rejected the proposal to extend the deadline.", "rejected",
     {"source": "The government", "stance": "asserts"}),
    ("The court denied the request for bail.", "denied",
     {"source": "The court", "stance": "asserts"}),
    ("The ministry dismissed reports of casualties.", "dismissed",
     {"source": "The ministry", "content": "reports of casualties", "stance": "denies"}),
    ("He denied any wrongdoing.", "denied",
     {"source": "He", "stance": "denies"}),
    ("The senator criticized the trade deal as a giveaway.", "criticized",
     {"source": "The senator", "content": "the trade deal as a giveaway", "stance": "condemns"}),
]

CASES = STANCE


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
