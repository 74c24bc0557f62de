"""Verb reports: direct, mixed and indirect speech, media and documents as sources, and the
subject that speaks when the parse hangs it elsewhere.
"""

from __future__ import annotations

from typing import Any

import pytest

# (text, cue_text, expected fields).  Fields: source, content, kind, stance, speaker.
Case = tuple[str, str, dict[str, str | None]]

DIRECT: list[Case] = [
    ('“We will not back down,” Mayor Ortiz said.', "said",
     {"source": "Mayor Ortiz", "content": "“We will not back down,”", "kind": "direct"}),
    ('"The bridge is safe," the engineer said on Monday.', "said",
     {"source": "the engineer", "content": '"The bridge is safe,"', "kind": "direct"}),
    ('“Prices will keep rising,” said Anna Weber, an economist at the central bank.', "said",
     {"content": "“Prices will keep rising,”", "kind": "direct"}),
    ('The senator said: “This bill is dead on arrival.”', "said:",
     {"source": "The senator", "content": "“This bill is dead on arrival.”", "kind": "direct"}),
    ('“We lost. We have to accept it,” Garcia told supporters.', "told",
     {"source": "Garcia", "content": "“We lost. We have to accept it,”", "kind": "direct"}),
    ('“The talks failed,” the envoy said. “Nobody wanted to move first.”', "said",
     {"source": "the envoy", "content": "“The talks failed,” ... “Nobody wanted to move first.”"}),
    ('“Our troops are ready,” the general said, “and they know their mission.”', "said",
     {"source": "the general", "content": "“Our troops are ready,” ... “and they know their mission.”"}),
    ('“I am proud of this team,” Coach Miller added.', "added",
     {"source": "Coach Miller", "content": "“I am proud of this team,”", "kind": "direct"}),
    ('“The numbers do not add up,” wrote the columnist.', "wrote",
     {"content": "“The numbers do not add up,”", "kind": "direct"}),
    ('“Water supplies are running low,” the aid agency warned.', "warned",
     {"source": "the aid agency", "content": "“Water supplies are running low,”"}),
    ('“It was a mistake,” Johnson admitted in an interview.', "admitted",
     {"source": "Johnson", "content": "“It was a mistake,”"}),
    ('"This is a dark day for democracy," the opposition leader declared.', "declared",
     {"source": "the opposition leader", "content": '"This is a dark day for democracy,"'}),
    ('“We have done nothing wrong,” the company insisted.', "insisted",
     {"source": "the company", "content": "“We have done nothing wrong,”"}),
    ('“The vote was rigged,” he claimed.', "claimed",
     {"source": "he", "content": "“The vote was rigged,”"}),
    ('The minister added: “Schools will reopen next week.”', "added:",
     {"source": "The minister", "content": "“Schools will reopen next week.”"}),
    ('“Stay home if you can,” the health officer urged residents.', "urged",
     {"source": "the health officer", "content": "“Stay home if you can,”"}),
    ('“There is no plan B,” the chancellor said at a press conference in Berlin.', "said",
     {"source": "the chancellor", "content": "“There is no plan B,”"}),
    ('“We expect a decision soon,” a spokesman for the court said.', "said",
     {"source": "a spokesman for the court", "content": "“We expect a decision soon,”"}),
    ('“I never met him,” Patel said. “Not once.”', "said",
     {"source": "Patel", "content": "“I never met him,” ... “Not once.”"}),
    ('“The fire is contained,” the fire chief said Tuesday.', "said Tuesday",
     {"source": "the fire chief", "content": "“The fire is contained,”"}),
]

MIXED: list[Case] = [
    ('Kim said the country had “no intention of avoiding a war.”', "said",
     {"source": "Kim", "content": "the country had “no intention of avoiding a war.”", "kind": "mixed"}),
    ('The president said the deal was “the best in history.”', "said",
     {"source": "The president", "content": "the deal was “the best in history.”", "kind": "mixed"}),
    ('Critics said the reform would “gut the middle class.”', "said",
     {"source": "Critics", "content": "the reform would “gut the middle class.”", "kind": "mixed"}),
    ('Rivera said that the plan was “reckless and dangerous.”', "said",
     {"source": "Rivera", "content": "that the plan was “reckless and dangerous.”", "kind": "mixed"}),
    ('The union warned that strikes would “spread across the country.”', "warned",
     {"source": "The union", "content": "that strikes would “spread across the country.”", "kind": "mixed"}),
    ('The judge wrote that the law was "plainly unconstitutional."', "wrote",
     {"source": "The judge", "content": 'that the law was "plainly unconstitutional."', "kind": "mixed"}),
    ('She said the campaign had “always run a lean operation.”', "said",
     {"source": "She", "content": "the campaign had “always run a lean operation.”", "kind": "mixed"}),
    ('The governor called the storm “a once-in-a-century event.”', "called",
     {"source": "The governor", "content": "the storm “a once-in-a-century event.”"}),
    ('Officials described the damage as “catastrophic.”', "described",
     {"source": "Officials", "content": "the damage as “catastrophic.”"}),
    ('Lopez argued that voters wanted "a clean break with the past."', "argued",
     {"source": "Lopez", "content": 'that voters wanted "a clean break with the past."', "kind": "mixed"}),
]

INDIRECT: list[Case] = [
    ("The mayor said the city would cut taxes next year.", "said",
     {"source": "The mayor", "content": "the city would cut taxes next year", "kind": "indirect"}),
    ("The mayor said that the city would cut taxes next year.", "said",
     {"source": "The mayor", "content": "that the city would cut taxes next year"}),
    ("Police said three people were injured in the blast.", "said",
     {"source": "Police", "content": "three people were injured in the blast"}),
    ("The company has said it will appeal the ruling.", "has said",
     {"source": "The company", "content": "it will appeal the ruling"}),
    ("Witnesses told reporters that the gunman fled on foot.", "told",
     {"source": "Witnesses", "content": "that the gunman fled on foot"}),
    ("The minister told parliament the army was ready.", "told",
     {"source": "The minister", "content": "the army was ready"}),
    ("The agency warned that the drought could last until spring.", "warned",
     {"source": "The agency", "content": "that the drought could last until spring"}),
    ("Economists expect the central bank to raise rates again.", "expect",
     {"source": "Economists", "content": "the central bank to raise rates again"}),
    ("The opposition accused the government of rigging the election.", "accused",
     {"source": "The opposition", "content": "the government of rigging the election"}),
    ("Russia accused Ukraine of shelling the plant.", "accused",
     {"source": "Russia", "content": "Ukraine of shelling the plant"}),
    ("The coach also said the team had trained hard all week.", "also said",
     {"source": "The coach", "content": "the team had trained hard all week"}),
    ("Prosecutors argued that the defendant had planned the attack for months.", "argued",
     {"source": "Prosecutors", "content": "that the defendant had planned the attack for months"}),
    ("The report found that air pollution had fallen by a third.", "found",
     {}),
    ("Doctors noted that the patient had no history of heart disease.", "noted",
     {"source": "Doctors", "content": "that the patient had no history of heart disease"}),
    ("The ministry announced that the border would reopen on Friday.", "announced",
     {"source": "The ministry", "content": "that the border would reopen on Friday"}),
    ("The senator suggested the vote could be delayed.", "suggested",
     {"source": "The senator", "content": "the vote could be delayed"}),
    ("Analysts predicted that oil prices would climb.", "predicted",
     {"source": "Analysts", "content": "that oil prices would climb"}),
    ("Residents complained that the water smelled of chlorine.", "complained",
     {"source": "Residents", "content": "that the water smelled of chlorine"}),
    ("The airline confirmed that two flights had been cancelled.", "confirmed",
     {"source": "The airline", "content": "that two flights had been cancelled"}),
    ("The general acknowledged that mistakes had been made.", "acknowledged",
     {"source": "The general", "content": "that mistakes had been made"}),
    ("Union leaders insisted the strike would go ahead.", "insisted",
     {"source": "Union leaders", "content": "the strike would go ahead"}),
    ("The defense minister has repeatedly said the army will not withdraw.", "has repeatedly said",
     {"source": "The defense minister", "content": "the army will not withdraw"}),
    ("Scientists believe the virus jumped from bats to humans.", "believe",
     {}),
    ("The president promised that no one would be left behind.", "promised",
     {"source": "The president", "content": "that no one would be left behind"}),
    ("The board revealed that the chief executive had resigned.", "revealed",
     {"source": "The board", "content": "that the chief executive had resigned"}),
    ("The chairman called for an independent inquiry into the crash.", "called for",
     {"source": "The chairman", "content": "an independent inquiry into the crash"}),
    ("Protesters demanded the release of the detained journalists.", "demanded",
     {"source": "Protesters", "content": "the release of the detained journalists"}),
    ("The ambassador urged both sides to return to the table.", "urged",
     {"source": "The ambassador", "content": "both sides to return to the table"}),
    ("The pilot reported that one engine had failed.", "reported",
     {"source": "The pilot", "content": "that one engine had failed"}),
    ("Investigators concluded that the fire was started deliberately.", "concluded",
     {"source": "Investigators", "content": "that the fire was started deliberately"}),
    ("The bank estimated that growth would slow to 1 percent.", "estimated",
     {"source": "The bank", "content": "that growth would slow to 1 percent"}),
    ("The candidate vowed to raise the minimum wage.", "vowed",
     {"source": "The candidate", "content": "to raise the minimum wage"}),
    ("The teachers' union threatened to strike in September.", "threatened",
     {"source": "The teachers' union", "content": "to strike in September"}),
    ("The senator criticized the administration for its handling of the crisis.", "criticized",
     {"source": "The senator"}),
    ("The regulator questioned whether the merger would benefit consumers.", "questioned",
     {"source": "The regulator", "content": "whether the merger would benefit consumers"}),
    ("Health officials recommended that people wear masks indoors.", "recommended",
     {"source": "Health officials", "content": "that people wear masks indoors"}),
    ("The mayor, who took office in January, said the budget was balanced.", "said",
     {"source": "The mayor, who took office in January,", "content": "the budget was balanced"}),
    ("Maria Chen, a spokeswoman for the hospital, said two patients had died.", "said",
     {"source": "Maria Chen, a spokeswoman for the hospital,", "content": "two patients had died"}),
    ("White House spokesman John Kirby said the talks would continue.", "said",
     {"source": "White House spokesman John Kirby", "content": "the talks would continue",
      "speaker": "John Kirby"}),
    ("Some lawmakers said privately that the bill had no chance.", "said privately",
     {"source": "Some lawmakers", "content": "that the bill had no chance"}),
]

# Cues that a verb lexicon alone misses: PolNeAR counts support, plans laid out, and so on.
BROAD: list[Case] = [
    ("Most voters support the plan to raise taxes.", "support",
     {"source": "Most voters", "content": "the plan to raise taxes"}),
    ("Trump laid out his vision for America.", "laid out",
     {"source": "Trump", "content": "his vision for America"}),
    ("“We will win,” the coach was quoted as saying.", "was quoted as saying",
     {"source": "the coach", "content": "“We will win,”"}),
]

REPORTED: list[Case] = [
    ("The Washington Post reported that the agency had ignored warnings.", "reported",
     {"source": "The Washington Post", "content": "that the agency had ignored warnings"}),
    ("State media reported the launch was a success.", "reported",
     {"source": "State media", "content": "the launch was a success"}),
    ("Local television reported that dozens of homes were destroyed.", "reported",
     {"source": "Local television"}),
    ("North Korea's joint statement said the drills were a rehearsal for invasion.", "said",
     {"source": "North Korea's joint statement", "content": "the drills were a rehearsal for invasion",
      "speaker": "North Korea"}),
    ("The company's annual report said profits had doubled.", "said",
     {"source": "The company's annual report", "content": "profits had doubled"}),
    ("A statement from the palace said the king was resting.", "said",
     {"source": "A statement from the palace", "content": "the king was resting"}),
    ("The ministry said in a statement that the talks had collapsed.", "said in a statement",
     {"source": "The ministry", "content": "that the talks had collapsed"}),
    ("The newspaper wrote that the minister had lied.", "wrote",
     {"source": "The newspaper", "content": "that the minister had lied"}),
    ("The senator tweeted that the vote would be held on Friday.", "tweeted",
     {"source": "The senator", "content": "that the vote would be held on Friday"}),
    ("The study showed that children slept less during the pandemic.", "showed",
     {"source": "The study", "content": "that children slept less during the pandemic"}),
]

# Who speaks when the parse hangs the subject elsewhere.
SUBJECTS: list[Case] = [
    # A subject shared down a chain of clauses: "emphasizing" hangs on "called", which is
    # coordinated with "highlighted".
    ("The minister highlighted recent delays at the port and called for changes while emphasizing the "
     "importance of the new quay.", "emphasizing",
     {"source": "The minister", "content": "the importance of the new quay"}),
    # "urged" parsed as coordinated with "was" inside what was said: the harbour master urged.
    ("The harbour master said the channel was clear and urged the pilots to resume work.", "urged",
     {"source": "The harbour master", "content": "the pilots to resume work"}),
    ('"We need steady hands," she said, referring to the harbour master.', "referring to",
     {"source": "she", "content": "the harbour master"}),
    # The by-phrase inside the content is not the source: the subject of the cue verb is.
    ("Dock workers struck on Monday. The port authority denied claims by the union that it had "
     "brought in replacement crews.", "denied",
     {"source": "The port authority", "speaker": "The port authority", "stance": "denies",
      "content": "claims by the union that it had brought in replacement crews"}),
    ("The strike had gone on for weeks.\nWe are not moving an inch,” said Rosa Klein, a crane operator.",
     "said", {"source": "Rosa Klein, a crane operator", "content": "We are not moving an inch,”"}),
]

# A condemnation or denial inside another report is a statement of its own, even when the
# reporter quotes how it was put.
STANCES: list[Case] = [
    ("The harbour master condemned the blockade of the port, the ministry said.", "condemned",
     {"source": "The harbour master", "content": "the blockade of the port", "stance": "condemns"}),
    ("Mayor Ortiz on Tuesday “condemned in the strongest terms” the attack on the ferry, her office said.",
     "condemned", {"source": "Mayor Ortiz", "content": "the attack on the ferry", "stance": "condemns"}),
    # Said together with others: the gerund after "joined ... in" is the subject's statement too,
    # also when the parser hangs "in" on the last of the others.
    ("The harbour master was joined by the mayor and 12 captains in condemning the blockade.",
     "condemning", {"source": "The harbour master", "content": "the blockade", "stance": "condemns"}),
    ("The ferry company joined the union in denying the report.", "denying",
     {"source": "The ferry company", "content": "the report", "stance": "denies"}),
]

CASES = DIRECT + MIXED + INDIRECT + BROAD + REPORTED + SUBJECTS + STANCES


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[t[:40] for t, _, _ in CASES])
def test_sentence(check_sentence: Any, text: str, cue: str, expected: dict[str, str | None]) -> None:
    check_sentence(text, cue, expected)
