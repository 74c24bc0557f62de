"""Grouping claims across outlets and flagging disagreements, on claims written for the test."""

from __future__ import annotations

from typing import Literal

import pytest

from chronicle.link.claims import figures, group_claims, link_claims
from chronicle.models import Claim

Stance = Literal["asserts", "denies", "condemns"]


def claim(speaker: str, text: str, article: str, stance: Stance = "asserts", date: str = "2025-03-03") -> Claim:
    return Claim(speaker=speaker, cue="said", text=text, stance=stance, article=article, date=date)


def test_same_statement_from_two_outlets_is_one_group() -> None:
    groups = group_claims([
        claim("the union", "more than 4,000 dockworkers had joined the strike at the port", "courier"),
        claim("The Union", "more than 4,000 dockworkers joined the strike at the port", "wire"),
        claim("the union", "talks with the port authority would resume next week", "wire"),
    ])
    assert [g.sources for g in groups] == [("courier", "wire"), ("wire",)]


def test_one_article_quoting_twice_is_not_two_sources() -> None:
    groups = group_claims([
        claim("Mayor Lund", "the bridge will reopen in May", "a"),
        claim("Mayor Lund", "the bridge will reopen in May", "a"),
    ])
    assert len(groups) == 2


def test_denial_is_flagged_against_the_accusation() -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("the ministry", "accusations that it shipped artillery shells to the rebels", "a1", "denies",
              "2024-05-01"),
        claim("the United Nations panel", "the shipment of artillery shells to the rebels", "a2", "condemns",
              "2024-06-10"),
        claim("the ministry", "the harvest was the largest in a decade", "a3", "asserts", "2024-06-10"),
    ])
    (disagreement,) = disagreements
    assert disagreement.kind == "denial"
    assert [side.claims[0].article for side in disagreement.sides] == ["a1", "a2"]
    assert {"artillery", "shells", "rebels"} <= set(disagreement.topic.split())


def test_different_head_counts_are_flagged() -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("the union", "more than 4,000 members walked out on Monday", "a"),
        claim("the port authority", "about 1,200 workers walked out", "b"),
        claim("the port authority", "the terminal handled 1,200 containers", "c"),
    ])
    assert [(d.kind, d.topic) for d in disagreements] == [("figures", "people")]
    assert [s.sources for s in disagreements[0].sides] == [("a",), ("b",)]


def test_same_speaker_or_far_apart_figures_do_not_clash() -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("the union", "4,000 members walked out", "a", date="2025-03-03"),
        claim("the union", "1,200 members returned", "b", date="2025-03-04"),
        claim("the port authority", "1,000 workers were on site", "c", date="2025-04-20"),
    ])
    assert disagreements == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 4,000 members", [(4000.0, "people")]),
        ("2.5 million barrels of oil", [(2_500_000.0, "barrel")]),
        ("a 15 percent rise", []),
        ("12 ships waiting", [(12.0, "ship")]),
    ],
)
def test_figures(text: str, expected: list[tuple[float, str]]) -> None:
    assert figures(text) == expected


def test_a_party_does_not_disagree_with_itself_under_a_shorter_name() -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("The port authority", "claims that it had hired replacement crews for the port", "a", "denies"),
        claim("The Valmora Port Authority", "the port remained open with replacement crews", "b"),
        claim("the union", "replacement crews were hired for the port", "c"),
    ])
    (denial,) = disagreements
    assert [side.claims[0].article for side in denial.sides] == ["a", "c"]


@pytest.mark.parametrize(
    ("speaker", "flagged"),
    [("the United States", True), ("Washington", True), ("the conciliation office", False)],
)
def test_a_denial_naming_the_accuser_disagrees_with_that_party(speaker: str, flagged: bool) -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("the ministry", "US accusations that it shipped artillery shells to the rebels", "a", "denies"),
        claim(speaker, "the shipment of artillery shells to the rebels", "b", "condemns"),
    ])
    assert bool(disagreements) is flagged


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a toll against a projection
        ("at least 60 people have been killed in Mexico", "up to 9,000 dockers could lose their jobs in the north"),
        # two counts of different things on the same day
        ("at least 60 people have been killed in Mexico", "10 students who returned from Mexico contracted the virus"),
    ],
)
def test_figures_that_count_different_things_or_forecast_do_not_clash(first: str, second: str) -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[claim("the ministry", first, "a"), claim("the agency", second, "b")])
    assert disagreements == []


def test_the_same_count_on_different_days_is_news_not_a_conflict() -> None:
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("the ministry", "at least 60 people have been killed", "a", date="2025-03-03"),
        claim("the agency", "81 people have been killed", "b", date="2025-03-04"),
    ])
    assert disagreements == []


def test_two_outlets_quoting_one_statement_are_one_group_however_they_paraphrase() -> None:
    groups = group_claims([
        claim("the minister", "“We will not sign a deal that puts the port's future at risk,”", "a"),
        claim("the minister", "that the authority would keep talking but would not sign a deal that puts the "
                              "port's future at risk", "b"),
        claim("the minister", "that the harvest was the largest in a decade", "c"),
    ])
    assert [[c.article for c in g.claims] for g in groups] == [["a", "b"], ["c"]]


def test_a_rate_and_a_total_are_different_measures() -> None:
    assert figures("5,000 barrels a day") == [(5000.0, "barrel/day")]
    assert figures("7 million barrels so far") == [(7_000_000.0, "barrel")]
    _, disagreements = link_claims(compare_figures=True, claims=[
        claim("the company", "the well leaked 5,000 barrels a day into the gulf", "a"),
        claim("the government", "the well has leaked 7 million barrels into the gulf so far", "b"),
        claim("the scientists", "the well leaked 60,000 barrels a day into the gulf", "c"),
    ])
    assert [[s.sources for s in d.sides] for d in disagreements] == [[("a",), ("c",)]]


def test_a_denial_of_what_is_does_not_contradict_a_warning_of_what_may_come() -> None:
    _, disagreements = link_claims(claims=[
        claim("the ministry", "the suggestion that the harbour was virtually closed to shipping", "a", "denies"),
        claim("the union", "the blockade could leave the harbour closed to shipping", "b"),
        claim("the pilots", "the harbour was closed to shipping for most of the week", "c"),
    ])
    (denial,) = disagreements
    assert [side.claims[0].article for side in denial.sides] == ["a", "c"]


def test_one_statement_given_to_two_speakers_is_no_disagreement() -> None:
    # Two outlets report Halvard Shipping's dismissal of the Orrin report; one misreads the
    # speaker as Orrin. That is an extraction error, not the two firms disagreeing.
    _, disagreements = link_claims(claims=[
        claim("Halvard Shipping", "the Orrin report as `` self-serving ''", "a", "denies"),
        claim("Orrin", "the Orrin report as `` self-serving ''", "b", "condemns"),
    ])
    assert disagreements == []


@pytest.mark.parametrize(("other", "flagged"), [
    ("the ferry company hired replacement crews for the port", True),
    # a phrase in common, in a claim about something else
    ("the port of Estrany has hired replacement crews from abroad before, in 2019 and again in 2021, "
     "when the dockers struck over pensions", False),
])
def test_a_stated_accusation_is_met_only_by_a_claim_making_most_of_it(other: str, flagged: bool) -> None:
    _, disagreements = link_claims(claims=[
        claim("the ferry company", "the suggestion that it hired replacement crews for the port", "a", "denies"),
        claim("the union", other, "b"),
    ])
    assert bool(disagreements) is flagged


def test_an_accusers_name_is_not_what_is_denied() -> None:
    _, disagreements = link_claims(claims=[
        claim("the university", "the Harbour Board claim", "a", "denies"),
        claim("the Harbour Board", "the Harbour Board changes its dredging rules", "b"),
    ])
    assert disagreements == []
