"""TimeML reading/writing and the TempEval-3 Task A scorer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli.timeml import timeml
from chronicle.evaluation.timeml import (
    GoldTimex,
    Scores,
    parse_timeml,
    read_directory,
    render_timeml,
    score,
)
from chronicle.extract.timex import tag

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-01-10" temporalFunction="false" functionInDocument="CREATION_TIME">2024-01-10</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1" class="OCCURRENCE">spoke</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-01-09">Tuesday</TIMEX3> &amp; said rents rose for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.<SIGNAL sid="s1">Then</SIGNAL> nothing.
</TEXT>
</TimeML>
"""

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "timeml"


def test_parse_strips_tags_and_keeps_text() -> None:
    doc = parse_timeml(DOC)
    assert doc.docid == "demo_1"
    assert doc.dct == dt.date(2024, 1, 10)
    assert doc.text == "\nThe mayor spoke on Tuesday & said rents rose for three years.Then nothing.\n"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2024-01-09"), ("three years", "DURATION", "P3Y")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text


def test_render_round_trip() -> None:
    doc = parse_timeml(DOC)
    out = render_timeml(doc, tag(doc.text, doc.dct))
    assert out.startswith(DOC[:DOC.index("<TEXT>")])  # everything before TEXT untouched
    assert "<EVENT" not in out and "&amp;" in out
    again = parse_timeml(out)
    assert again.text == doc.text
    assert [(t.text, t.value) for t in again.timexes] == [("Tuesday", "2024-01-09"), ("three years", "P3Y")]
    assert 'tid="t1"' in out


def test_scores_follow_tempeval3() -> None:
    gold = [GoldTimex(0, 10, "", "DATE", "2024"), GoldTimex(20, 25, "", "DURATION", "P1D"),
            GoldTimex(40, 45, "", "DATE", "PAST_REF")]
    system = [GoldTimex(0, 10, "", "DATE", "2024"), GoldTimex(22, 30, "", "DATE", "P1D"),
              GoldTimex(50, 55, "", "DATE", "2023")]
    s = score(gold, system)
    assert (s.strict_p, s.strict_r) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert (s.relaxed_p, s.relaxed_r) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert s.value_f1 == pytest.approx(2 / 3 * 1.0)
    assert s.type_f1 == pytest.approx(2 / 3 * 0.5)
    total = Scores()
    total.add(s)
    total.add(s)
    assert total.relaxed_f1 == pytest.approx(s.relaxed_f1)
    assert "relaxed" in total.report()


def test_empty_scores_are_zero() -> None:
    s = score([], [])
    assert s.relaxed_f1 == 0.0 and s.value_f1 == 0.0


def test_cli_annotate_and_score(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "demo.tml").write_text(DOC, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(timeml, ["annotate", str(gold), str(tmp_path / "pred")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(timeml, ["score", str(gold), str(tmp_path / "pred")])
    assert result.exit_code == 0, result.output
    assert "relaxed" in result.output and "value F1" in result.output


@pytest.mark.skipif(not (SHARED / "TimeBank").is_dir(), reason="shared TimeML corpora not present")
def test_reads_shared_corpora_consistently() -> None:
    docs = read_directory(SHARED / "TimeBank")
    assert len(docs) > 100
    for doc in docs:
        assert doc.dct is not None
        for t in doc.timexes:
            assert doc.text[t.start:t.end] == t.text
        again = parse_timeml(render_timeml(doc, doc.timexes))
        assert again.text == doc.text
        assert [(t.start, t.end, t.value) for t in again.timexes if t.end > t.start] == [
            (t.start, t.end, t.value) for t in doc.timexes if t.end > t.start]
