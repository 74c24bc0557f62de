"""Attribution checks on the shared seed articles (skipped when ``../shared`` is absent).

The seed texts are read at test time and never copied here; the assertions name only short
phrases of them.  Seed format: `` date YYYY-MM-DD `` and then the article text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from chronicle.extract.attribution import Attribution
from chronicle.models import Article

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")

_HEADER = re.compile(r"^\s*date (\d{4})-(\d{2})-(\d{2})\s+")


@pytest.fixture(scope="module")
def nlp() -> Any:
    from chronicle.extract.pipeline import build_nlp

    return build_nlp()


def _attributions(nlp: Any, prefix: str) -> list[Attribution]:
    from chronicle.extract.pipeline import make_doc

    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not available")
    raw = paths[0].read_text(encoding="utf-8")
    m = _HEADER.match(raw)
    dct = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    text = raw[m.end() :] if m else raw
    doc = nlp(make_doc(nlp, Article(id=prefix, text=text, published=dct)))
    atts: list[Attribution] = doc._.attributions
    return atts


def _quoting(atts: list[Attribution], phrase: str) -> list[Attribution]:
    return [a for a in atts if phrase in a.content_text]


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_kims_war_quote_is_attributed_to_kim(nlp: Any, prefix: str) -> None:
    atts = _quoting(_attributions(nlp, prefix), "no intention of avoiding a war")
    assert atts, "the quote is not the content of any attribution"
    # "according to KCNA" may attribute the sentence to the agency as well; Kim must be among
    # the speakers, as the one who said it.
    assert any(a.speaker is not None and "Kim" in a.speaker for a in atts), [
        (a.source_text, a.cue_text, a.speaker) for a in atts
    ]


def test_kirbys_statement_is_attributed_to_kirby(nlp: Any) -> None:
    atts = _attributions(nlp, "000")
    kirby = [a for a in atts if a.speaker is not None and "Kirby" in a.speaker]
    assert kirby
    assert any(a.cue_text is not None and "said" in a.cue_text for a in kirby)


def test_pyongyangs_denial_is_a_denial(nlp: Any) -> None:
    atts = _attributions(nlp, "004")
    denials = [a for a in atts if a.stance == "denies"]
    assert denials
    assert any(
        a.speaker is not None and ("Pyongyang" in a.speaker or "North Korea" in a.speaker) for a in denials
    )
    assert any("providing arms to Russia" in a.content_text for a in denials)
