"""The story the project started from must come out right (the seed articles in ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

import chronicle
from chronicle.models import Timeline

JANUARY = {"000_831979c3fa717d63", "002_d9aafe5014e64ef1"}


@pytest.fixture(scope="module")
def story(shared: Path) -> Timeline:
    result, report = chronicle.timeline([shared / "seeds"])
    assert report.ok and len(report.added) == 3
    return result


def events_on(story: Timeline, date: str) -> list[chronicle.TimelineEvent]:
    return [event for entry in story.entries if entry.date == date for event in entry.events]


def test_january_factory_tour_is_one_event_with_both_sources(story: Timeline) -> None:
    tours = [e for e in events_on(story, "2024-01-08") if "factor" in e.summary]
    assert len(tours) == 1 and set(tours[0].sources) == JANUARY
    assert "Kim Jong Un" in tours[0].actors


def test_joint_statement_is_one_event_with_both_sources(story: Timeline) -> None:
    statements = [e for e in events_on(story, "2024-01-09")
                  if any("joint statement" in ev.sentence for ev in e.evidence)]
    assert len(statements) == 1 and set(statements[0].sources) == JANUARY


def test_august_inspection_is_on_its_day(story: Timeline) -> None:
    assert any("three-day inspection" in e.summary for e in events_on(story, "2023-08-03"))


def test_pyongyang_denial_is_shown_against_the_later_accusations(story: Timeline) -> None:
    denials = [d for d in story.disagreements if d.kind == "denial"]
    assert denials
    denial, *accusations = denials[0].sides
    assert "Pyongyang" in (denial.claims[0].speaker or "") and denial.claims[0].stance == "denies"
    assert denial.claims[0].date == "2023-08-06"
    assert any(side.claims[0].date == "2024-01-10" for side in accusations)


def test_kim_quote_is_attributed_to_kim_in_both_january_articles(story: Timeline) -> None:
    quoted = {c.article for c in story.claims
              if "no intention of avoiding a war" in c.text and "Kim" in (c.speaker or "")}
    assert quoted == JANUARY


def test_kirby_and_the_joint_statement_are_dated_when_they_were_said(story: Timeline) -> None:
    kirby = [c for c in story.claims if "Kirby" in (c.speaker or "") and "Kharkiv" in c.text]
    joint = [c for c in story.claims if "joint statement" in (c.speaker or "") and "technical and military" in c.text]
    assert kirby and joint
    for claim in (*kirby, *joint):
        assert (claim.date, claim.published, claim.said_when) == ("2024-01-09", "2024-01-10", "Tuesday")


def test_the_denial_is_found_under_the_entity_north_korea(shared: Path, tmp_path: Path) -> None:
    with chronicle.Chronicle(tmp_path / "seeds.db") as story:
        story.ingest([shared / "seeds"])
        denials = story.claims(speaker="North Korea", stance="denies")
    assert [(c.speaker, c.date) for c in denials] == [("Pyongyang", "2023-08-06")]
    assert denials[0].speaker_entity is not None


def test_kims_quote_is_one_statement_with_both_sources(story: Timeline) -> None:
    quoted = [g for g in story.claim_groups
              if any("no intention of avoiding a war" in c.text and "Kim" in (c.speaker or "") for c in g.claims)]
    assert [set(g.sources) for g in quoted] == [JANUARY]
    from chronicle.serialize import timeline_dict

    data = timeline_dict(story)
    ids = {g["id"] for g in data["claim_groups"] if set(g["sources"]) == JANUARY}
    assert ids and {c["group"] for c in data["claims"] if "no intention of avoiding a war" in c["text"]
                    and "Kim" in (c["speaker"] or "")} <= ids


def test_the_speaker_is_who_the_text_names(story: Timeline) -> None:
    said = {(c.cue, " ".join(c.text.split())[:30]): c.speaker for c in story.claims}
    accused = [v for (cue, _), v in said.items() if cue == "have accused"]
    assert accused == ["The United States"], "the US and dozens of allies, not Japan, their example"
    assert [v for (cue, text), v in said.items() if cue == "stressed" and text.startswith("the need")] == ["Kim"]
    assert [v for (cue, text), v in said.items() if cue == "accused" and "Seoul" in text] == ["Kim"]


def test_blinkens_condemnation_with_47_ministers_is_found_and_dated_when_made(story: Timeline) -> None:
    blinken = [c for c in story.claims if "Blinken" in (c.speaker or "") and c.stance == "condemns"]
    assert [(c.date, c.said_when) for c in blinken] == [("2024-01-09", "Tuesday")]
    assert "alleged transfer" in blinken[0].text


def test_sullivans_condemnation_is_found_and_dated_when_he_made_it(story: Timeline) -> None:
    sullivan = [c for c in story.claims if "Sullivan" in (c.speaker or "") and c.stance == "condemns"]
    assert [(c.date, c.said_when) for c in sullivan] == [("2024-01-09", "Tuesday")]
    assert "transfer of the missiles" in sullivan[0].text
