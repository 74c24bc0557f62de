"""Events per article: trigger, agent, patient, time, place, negation and modality.

The sentences are written for these tests. The document creation time is Friday
2024-03-15 unless a case says otherwise. Each case names the trigger of the event it
checks and the fields that must hold; ``None`` means "must be None".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from chronicle.extract.pipeline import build_nlp, make_doc
from chronicle.ingest import read_articles
from chronicle.models import Article, EventMention

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
DCT = dt.date(2024, 3, 15)
D = dt.date

CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("visit-monday", "Kim Jong Un visited a munitions factory on Monday.", "visited",
     {"agent": "Kim Jong Un", "patient": "munitions factory", "first": D(2024, 3, 11), "time_expression": "Monday",
      "modality": "asserted", "negated": False}),
    ("launch-reported", "North Korea launched a ballistic missile on Thursday, South Korea's military said.",
     "launched", {"agent": "North Korea", "patient": "ballistic missile", "first": D(2024, 3, 14)}),
    ("condemn-dct", "The United States condemned the launch.", "condemned",
     {"agent": "United States", "first": DCT, "last": DCT, "granularity": "day", "time_expression": None}),
    ("fire-at-target", "Russia fired missiles at Ukraine on Tuesday.", "fired",
     {"agent": "Russia", "patient": "missiles", "place": None, "first": D(2024, 3, 12)}),
    ("meet-place", "The two leaders met in Moscow on Wednesday.", "met",
     {"place": "Moscow", "first": D(2024, 3, 13)}),
    ("will-visit", "Kim will visit Russia next month.", "visit",
     {"agent": "Kim", "modality": "planned", "first": D(2024, 4, 1), "granularity": "month"}),
    ("plans-to", "The president plans to travel to Japan in May.", "travel",
     {"modality": "planned", "place": "Japan"}),
    ("did-not", "The army did not attack the town.", "attack", {"negated": True, "agent": "army"}),
    ("never", "North Korea never tested the new missile.", "tested", {"negated": True, "agent": "North Korea"}),
    ("denied-that", "Pyongyang denied that it had supplied arms to Russia.", "supplied",
     {"modality": "denied", "agent": "North Korea", "patient": "arms"}),
    ("rejected-claims", "The company rejected claims that it had dumped waste into the river.", "dumped",
     {"modality": "denied"}),
    ("allegedly", "Russia allegedly used North Korean missiles in Ukraine.", "used",
     {"modality": "alleged", "agent": "Russia", "place": "Ukraine"}),
    ("accused-of", "Washington accused Pyongyang of shipping artillery shells to Moscow.", "shipping",
     {"modality": "alleged", "agent": "North Korea", "patient": "artillery shells"}),
    ("reportedly", "The rebels reportedly seized the airport on Saturday.", "seized",
     {"modality": "alleged", "patient": "airport", "first": D(2024, 3, 9)}),
    ("if-would", "If the talks collapse, the army would invade the region.", "invade",
     {"modality": "hypothetical"}),
    ("could", "The ministry said the plant could close next year.", "close", {"modality": "hypothetical"}),
    ("according-to", "Troops entered the city on Sunday, according to witnesses.", "entered",
     {"first": D(2024, 3, 10), "patient": "city"}),
    ("added-that", "He added that the police arrested three suspects on Friday.", "arrested",
     {"agent": "police", "patient": "three suspects", "first": D(2024, 3, 15)}),
    ("pronoun-he", "Antony Blinken arrived in Seoul on Sunday. He met President Yoon Suk Yeol.", "met",
     {"agent": "Antony Blinken", "patient": "Yoon Suk Yeol"}),
    ("arrive-place", "Antony Blinken arrived in Seoul on Sunday.", "arrived",
     {"agent": "Antony Blinken", "place": "Seoul", "first": D(2024, 3, 10)}),
    ("passive-by", "The missile was launched by North Korea on Monday.", "launched",
     {"agent": "North Korea", "patient": "missile", "first": D(2024, 3, 11)}),
    ("passive-no-agent", "Three soldiers were killed in an attack on Tuesday.", "killed",
     {"agent": None, "patient": "Three soldiers", "first": D(2024, 3, 12)}),
    ("nominal-visit", "Kim's visit to the factory on Tuesday drew praise from state media.", "visit",
     {"agent": "Kim", "first": D(2024, 3, 12)}),
    ("light-verb-test", "The navy conducted a missile test on Friday.", "test",
     {"agent": "navy", "first": D(2024, 3, 15)}),
    ("light-verb-talks", "Kim held talks with Putin on Wednesday.", "talks",
     {"agent": "Kim", "first": D(2024, 3, 13)}),
    ("three-day", "Kim began a three-day inspection starting March 3.", "inspection",
     {"agent": "Kim", "first": D(2024, 3, 3), "last": D(2024, 3, 5), "granularity": "day"}),
    ("day-range", "Kim conducted his tour of the factories on Monday and Tuesday.", "tour",
     {"agent": "Kim", "first": D(2024, 3, 11), "last": D(2024, 3, 12), "time_expression": "Monday and Tuesday"}),
    ("reported-on", "KCNA reported on Wednesday that Kim had inspected the plant.", "inspected",
     {"agent": "Kim", "patient": "plant", "first": D(2024, 3, 13)}),
    ("this-week", "Kim Jong Un visited arms factories this week, KCNA reported.", "visited",
     {"agent": "Kim Jong Un", "first": D(2024, 3, 11), "last": D(2024, 3, 17), "granularity": "week"}),
    ("signed-year", "Japan and South Korea signed a defence agreement in Tokyo last year.", "signed",
     {"agent": "Japan", "place": "Tokyo", "granularity": "year", "first": D(2023, 1, 1)}),
    ("rally", "Protesters rallied outside parliament on Saturday.", "rallied",
     {"agent": "Protesters", "first": D(2024, 3, 9)}),
    ("spill-began", "The oil spill began on March 2.", "began", {"agent": "oil spill", "first": D(2024, 3, 2)}),
    ("shares-fell", "BP shares fell 5% on Monday.", "fell", {"agent": "BP shares", "first": D(2024, 3, 11)}),
    ("set-to", "The government is set to raise taxes.", "raise", {"modality": "planned", "patient": "taxes"}),
    ("failed-to", "The rebels failed to capture the town.", "capture", {"negated": True, "agent": "rebels"}),
    ("no-missiles", "No missiles were fired during the exercise.", "fired", {"negated": True}),
    ("storm-killed", "The storm killed 12 people in Florida on Sunday.", "killed",
     {"agent": "storm", "patient": "12 people", "place": "Florida", "first": D(2024, 3, 10)}),
    ("joined-by", "Putin was joined by Kim at the ceremony.", "joined", {"agent": "Kim", "patient": "Putin"}),
    ("agreed-to", "The ministers agreed to lift the sanctions.", "lift", {"modality": "planned", "agent": "ministers"}),
    ("vowed-to", "Kim vowed to boost the country's war readiness.", "boost", {"modality": "planned", "agent": "Kim"}),
    ("rates", "The central bank raised interest rates by a quarter point on Wednesday.", "raised",
     {"agent": "central bank", "patient": "interest rates", "first": D(2024, 3, 13)}),
    ("struck-gaza", "Israeli forces struck targets in Gaza on Thursday.", "struck",
     {"agent": "Israeli forces", "place": "Gaza", "first": D(2024, 3, 14)}),
    ("took-place", "The summit took place in Singapore on June 12, 2018.", "summit",
     {"place": "Singapore", "first": D(2018, 6, 12)}),
    ("relcl-landed", "Russia fired more drones at Ukraine, including one that landed in Odesa.", "landed",
     {"place": "Odesa", "agent": "one"}),
    ("eu-sanctions", "The European Union imposed new sanctions on Russia on Friday.", "imposed",
     {"agent": "European Union", "patient": "new sanctions", "first": D(2024, 3, 15)}),
    ("capital-agent", "Seoul summoned the Russian ambassador on Tuesday.", "summoned",
     {"agent": "South Korea", "first": D(2024, 3, 12)}),
    ("will-raise", "The United States will raise the issue at the UN Security Council on Wednesday.", "raise",
     {"agent": "United States", "modality": "planned"}),
    ("pronoun-it", "North Korea fired a cruise missile on Sunday. It also launched a drone.", "launched",
     {"agent": "North Korea"}),
]


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield build_nlp()


def _events(nlp: Language, text: str, dct: dt.date | None = DCT, article_id: str = "t") -> list[EventMention]:
    doc = nlp(make_doc(nlp, Article(id=article_id, text=text, published=dct)))
    events: list[EventMention] = doc._.events
    return events


@pytest.mark.parametrize(("case_id", "text", "trigger", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp: Language, case_id: str, text: str, trigger: str, expected: dict[str, Any]) -> None:
    events = _events(nlp, text)
    found = [e for e in events if e.trigger == trigger]
    assert found, f"no event {trigger!r}; got {[(e.trigger, e.agent, e.patient) for e in events]}"
    event = found[0]
    for name, value in expected.items():
        assert getattr(event, name) == value, f"{name}: {getattr(event, name)!r} != {value!r} in {event}"
    assert event.published == DCT
    assert event.article_id == "t"
    assert text[event.start:event.end] == event.sentence
    assert len(event.actors) == len(set(event.actors))


REPORTING_ONLY = [
    "The spokesman said the situation was stable.",
    "Officials told reporters that the talks were going well.",
    "The minister stated that the country remained committed to peace.",
    "According to the agency, the figures are accurate.",
]


@pytest.mark.parametrize("text", REPORTING_ONLY)
def test_reporting_verbs_are_not_events(nlp: Language, text: str) -> None:
    triggers = [e.trigger for e in _events(nlp, text)]
    assert not {"said", "told", "stated", "According", "according", "added", "reported"} & set(triggers), triggers


def test_reported_event_is_kept_not_the_report(nlp: Language) -> None:
    events = _events(nlp, "Police said they arrested two men near the embassy on Thursday.")
    assert [e.trigger for e in events] == ["arrested"]


def test_no_dct_needs_an_absolute_date(nlp: Language) -> None:
    dated = _events(nlp, "The treaty was signed on March 3, 2021.", dct=None)
    assert [(e.trigger, e.first) for e in dated] == [("signed", D(2021, 3, 3))]
    assert _events(nlp, "The treaty was signed in the capital.", dct=None) == []


def test_base_fields(nlp: Language) -> None:
    text = "Rain fell all night. The dam burst on Sunday, flooding three villages."
    events = _events(nlp, text, article_id="a1")
    burst = next(e for e in events if e.trigger == "burst")
    assert burst.article_id == "a1"
    assert burst.sentence_index == 1
    assert burst.sentence == "The dam burst on Sunday, flooding three villages."
    assert (burst.start, burst.end) == (text.index("The dam"), len(text))
    assert burst.time_expression == "Sunday"


def _seed(name: str) -> tuple[str, dt.date]:
    """A seed article's text and date, read the way the product reads it."""
    (article,) = [a for a in read_articles([SEEDS / name]) if isinstance(a, Article)]
    assert article.published is not None
    return article.text, article.published


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo")
def test_seed_factory_visits(nlp: Language) -> None:
    events: list[EventMention] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text, dct = _seed(path.name)
        events += _events(nlp, text, dct, path.stem)
    # January 2024: "visited arms factories this week" (published Wednesday 2024-01-10) and
    # "conducted his tour ... on Monday and Tuesday", i.e. 8-9 January.
    week_start, week_end = D(2024, 1, 8), D(2024, 1, 14)
    january = [e for e in events if e.trigger in ("visited", "tour", "toured", "visits")
               and e.agent is not None and e.agent.startswith("Kim")
               and week_start <= e.first and e.last <= week_end]
    assert any(e.agent == "Kim Jong Un" for e in january), [(e.trigger, e.agent, e.first) for e in events]
    tour = [e for e in january if e.trigger == "tour"]
    if tour:
        assert (tour[0].first, tour[0].last) == (D(2024, 1, 8), D(2024, 1, 9))
    # August 2023: "a three-day inspection starting August 3, 2023".
    august = [e for e in events if e.trigger == "inspection" and e.first == D(2023, 8, 3)]
    assert august, [(e.trigger, e.first) for e in events]
    assert august[0].last == D(2023, 8, 5)
    assert august[0].agent == "Kim Jong Un"
    assert august[0].time_expression == "August 3, 2023"
    # Pyongyang's denial of supplying arms is reported as denied, not asserted.
    supplying = [e for e in events if e.trigger == "providing"]
    assert all(e.modality == "denied" for e in supplying)
    for e in events:
        assert e.trigger not in ("said", "reported", "told", "according", "stated", "added")
