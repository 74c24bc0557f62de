"""What a reporting verb reports: complements past catenative verbs and light objects, copular
adjectives, and complements the parser misattached.
"""

from __future__ import annotations

from typing import Any

import pytest

from chronicle.extract.attribution import find_attributions

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

# Cues that run past the reporting verb, and copular constructions.
EXTENDED: list[Case] = [
    ("The senator continued to say that the bill would fail.", "continued to say",
     {"source": "The senator", "content": "that the bill would fail"}),
    ("The governor expressed confidence that the budget would pass.", "expressed confidence",
     {"source": "The governor", "content": "that the budget would pass"}),
    ("Republican leaders are worried about the cost of the plan.", "are worried about",
     {"source": "Republican leaders", "content": "the cost of the plan"}),
    ("The mayor was confident that the vote would pass.", "was confident",
     {"source": "The mayor", "content": "that the vote would pass"}),
    ("He appeared to suggest that the ferry fares would rise again.", "appeared to suggest",
     {"source": "He", "content": "that the ferry fares would rise again"}),
    ("The ministry issued a statement calling the test a clear violation of the treaty.",
     "issued a statement calling", {"source": "The ministry", "content": "the test a clear violation of the treaty"}),
    ("The union made a statement about the pay offer.", "made a statement about",
     {"source": "The union", "content": "the pay offer"}),
    ("The old minister used to say that the port would never close.", "used to say",
     {"source": "The old minister", "content": "that the port would never close"}),
    ("The union continued to insist that the offer was too low.", "continued to insist",
     {"source": "The union", "content": "that the offer was too low"}),
    ("The council took issue with the harbour master's figures.", "took issue with",
     {"source": "The council", "content": "the harbour master's figures"}),
    ("The mayor made the case that the port needs new cranes.", "made the case",
     {"source": "The mayor", "content": "that the port needs new cranes"}),
    # "called on X to Y": the preposition is in the cue, X with its infinitive is the content.
    ("The shippers' federation called on the government to step in.", "called on",
     {"source": "The shippers' federation", "content": "the government to step in"}),
    ("The harbour master sounded a cautious note about the winter schedule.", "sounded a cautious note about",
     {"source": "The harbour master", "content": "the winter schedule"}),
    ("The mayor made it clear that the port would reopen.", "made it clear",
     {"source": "The mayor", "content": "that the port would reopen"}),
    ("The union refused to say who would lead the talks.", "refused to say",
     {"source": "The union", "content": "who would lead the talks"}),
]

# Complements the parser hung elsewhere, and a clause that is not the complement.
MISPARSED: list[Case] = [
    # A clause before a semicolon is not what the verb after it reports.
    ("The union is asking for a 15 percent rise over three years; the port authority has offered 6 percent.",
     "has offered", {"source": "the port authority", "content": "6 percent"}),
    ("The mayor tweeted in the early hours that the strike was over.", "tweeted",
     {"source": "The mayor", "content": "that the strike was over"}),
    ("The harbour master said after the storm the channel would stay closed.", "said",
     {"source": "The harbour master", "content": "the channel would stay closed"}),
    ("The union has not said when the dockers would return to work.", "has not said",
     {"source": "The union", "content": "when the dockers would return to work"}),
]

CASES = EXTENDED + MISPARSED


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)


def test_trailing_location_is_not_content(nlp: Any) -> None:
    # "in the capital" is where the minister spoke, not what he said.
    atts = find_attributions(nlp("The minister spoke in the capital on Friday."))
    assert not [a for a in atts if a.content_text.startswith("in the capital")]
