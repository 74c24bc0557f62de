"""Contents and the quotations around them: quotation marks at the edges, and quotations split
around the reporting clause or running on over paragraphs.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

QUOTED: list[Case] = [
    ('"We will win," Jones told reporters in May. "Nobody can stop us."', "told",
     {"source": "Jones", "content": '"We will win," ... "Nobody can stop us."', "kind": "direct"}),
    ("The senator said “it makes me angry” every time the bridge closes.", "said",
     {"source": "The senator", "content": "“it makes me angry” every time the bridge closes", "kind": "mixed"}),
    ("The mayor said the plan was ''dead on arrival.'' The council disagreed.", "said",
     {"source": "The mayor", "content": "the plan was ''dead on arrival.''"}),
    ('“The port will reopen,” the minister said on Sept. 12 in Valmora. “The talks are over.”', "said",
     {"source": "the minister", "content": "“The port will reopen,” ... “The talks are over.”"}),
    ('“We will win,” Ortiz said in an interview on “Meet the Press” Sunday. “Nobody can stop us.”',
     "said", {"source": "Ortiz", "content": "“We will win,” ... “Nobody can stop us.”"}),
    ("“We will not go back,” Rosa Klein said after the vote.\n\n“The offer is an insult to every docker.”\n\nNo comment.",
     "said", {"source": "Rosa Klein", "content": "“We will not go back,” ... “The offer is an insult to every docker.”"}),
    # After a quoted paragraph the stock parser runs the sentence on over the line break, and
    # the quotation after "she continued" was lost from the content.
    ('The dockers waited. "We stood in the rain all night."\n\n"I walked the whole length of the quay, and '
     'there were empty ships everywhere," she continued. "I think forty ships are waiting to unload."', "continued",
     {"source": "she", "content": '"I walked the whole length of the quay, and there were empty ships everywhere,"'
      ' ... "I think forty ships are waiting to unload."'}),
    ("“We will not go back,” Rosa Klein said.\n\n“The offer is an insult,” the port authority replied.", "said",
     {"source": "Rosa Klein", "content": "“We will not go back,”"}),
    ("The port director added:\n\nWe will reopen the north quay on Monday and the south quay when it is safe.\n\n"
     "The strike ended at noon.", "added:",
     {"source": "The port director",
      "content": "We will reopen the north quay on Monday and the south quay when it is safe."}),
]

CASES = QUOTED


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
