"""Speaker resolution: the second sentence's source is resolved against the first, and who
speaks for a source phrase.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

RESOLUTION: list[Case] = [
    ("Angela Merkel met the delegation on Monday. She said the meeting was productive.", "said",
     {"source": "She", "speaker": "Angela Merkel"}),
    ("Boris Johnson arrived late. He said the traffic was terrible.", "said",
     {"source": "He", "speaker": "Boris Johnson"}),
    ("Microsoft released its earnings on Tuesday. It said cloud revenue grew by 20 percent.", "said",
     {"source": "It", "speaker": "Microsoft"}),
    ("Kim Jong Un inspected the missile site. The leader said the tests would continue.", "said",
     {"source": "The leader", "speaker": "Kim Jong Un"}),
    ("Japan's foreign ministry issued a statement on Friday. The statement said the border was calm.",
     "said", {"source": "The statement", "speaker": "Japan's foreign ministry"}),
    ("The Japanese foreign ministry protested. The ministry said the ship had entered its waters.",
     "said", {"source": "The ministry", "speaker": "The Japanese foreign ministry"}),
    ("Senator Elizabeth Warren spoke in Boston. She told the crowd that the banks had won.", "told",
     {"source": "She", "speaker": "Senator Elizabeth Warren"}),
    ("Toyota recalled 50,000 cars. The company said no injuries had been reported.", "said",
     {"source": "The company", "speaker": "Toyota"}),
    ("Pope Francis visited the camp. He urged world leaders to act.", "urged",
     {"source": "He", "speaker": "Pope Francis"}),
    ("“We are not afraid,” Maria Lopez said. She added that the march would go on.", "added",
     {"source": "She", "speaker": "Maria Lopez"}),
    # "They"/"it" opening the next report goes on with the speaker just reported, not with the
    # state named in the quotation.
    ('The port authority and the city council issued a joint statement on Monday. "We are watching what '
     'Portugal pays the union," said the statement. They called on both sides to return to talks.', "called on",
     {"source": "They", "speaker": "The port authority and the city council"}),
    ('The dockers met on Friday. "We will not move," said the union. It added that the strike would go on.',
     "added", {"source": "It", "speaker": "the union"}),
    # "she" after a name NER took for an organisation is that name, not the last person it found.
    ('Marta Quellin said the union would strike. Lina Costaver, a spokeswoman for the port authority, '
     'said the pay offer was fair. "A strike helps nobody," she added.', "added",
     {"source": "she", "speaker": "Lina Costaver"}),
    # A relative pronoun stands for the noun its clause hangs on, not the last name before it.
    ("The port was shut on Monday. Dock workers who said the strike would go on were cheered by the crowd.",
     "said", {"source": "who", "speaker": "Dock workers"}),
    ("Doctors prescribe Ostavir for the fever. Nurses who told the inquiry that stocks ran out were thanked.",
     "told", {"source": "who", "speaker": "Nurses"}),
    # A nationality describing the source is not its speaker.
    ("Syrian and foreign rights groups say the navy has seized three fishing boats.",
     "say", {"source": "Syrian and foreign rights groups", "speaker": "Syrian and foreign rights groups"}),
    # The person the source is about, not the one its relative clause names.
    ("Port Minister Daniel Hughes, who has had friendly relations with Peter Walsh, has urged Walsh to call off "
     "the strike.", "has urged", {"speaker": "Port Minister Daniel Hughes"}),
    # A possessive pronoun names no one: the offer is the authority's.
    ("The port authority published its offer on Monday. The offer said wages would rise by six percent.",
     "said", {"source": "The offer", "speaker": "The port authority"}),
    # Who speaks for a source phrase: not its number, not the topic of a piece of work, but an
    # entity it is affiliated with.
    ("Nearly 30 countries condemned the blockade of the harbour.", "condemned",
     {"source": "Nearly 30 countries", "speaker": "Nearly 30 countries"}),
    ("Reuters photos of Ana Ruiz's visit to the port showed her greeting the crane operators.", "showed",
     {"speaker": "Reuters", "content": "her greeting the crane operators"}),
    ("An adviser to Mayor Ortiz said the quay would reopen.", "said",
     {"source": "An adviser to Mayor Ortiz", "speaker": "Mayor Ortiz"}),
    ("The Democrats won the state. They said the result was a mandate.", "said",
     {"source": "They", "speaker": "Democrats"}),
    # The examples a group gives are not who speaks for it.
    ("Portugal and a dozen partners, including Spain and Greece, have accused the shipping line of "
     "breaking the embargo.", "have accused", {"speaker": "Portugal"}),
    # "he" after a person named since the last report is that person, not the agency that relayed.
    ("The mayor inspected the harbour, the Estrany Press Agency said. Mayor Ortiz's tour also took in a "
     "shipyard, where he praised the welders.", "praised", {"source": "he", "speaker": "Mayor Ortiz"}),
    ("John Miller said the talks would resume, EPA reported. He rejected the offer.", "rejected",
     {"source": "He", "speaker": "John Miller"}),
]

CASES = RESOLUTION


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)

