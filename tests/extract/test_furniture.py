"""Page furniture: lines of our own in each outlet's style that must be marked, prose that must not.

Every name, place and text here is invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronicle import Chronicle
from chronicle.extract import analyse
from chronicle.extract.furniture import article_body_end, find_furniture, furniture_spans, in_furniture
from chronicle.models import Article

LEAD = "The dockers' union ended its strike at Portville harbour on Wednesday after a new pay offer."

#: (furniture, the rule expected to find it). Each stands as a line between two article sentences.
FURNITURE = [
    # readers' comments: each header starts the tail of the page
    ("At 4:12 pm on 04 Mar 2021 , quaywatcher wrote : I was at the gates.", "comments"),
    ("At 16:12 4th Mar 2021, quaywatcher wrote: I was at the gates.", "comments"),
    ("Posted by : quaywatcher | March 4 , 2021 4:12 PM | Report abuse", "comments"),
    ("Great news for the town Posted by: quaywatcher | March 4, 2021 4:12 PM | Report abuse", "comments"),
    ("Posted by Jane Roe on March 4 , 2021 04:12 PM .", "comments"),
    ("The ferry is cheap Posted by roamer22 14 Feb 2021", "comments"),
    ("March 4, 2021 at 4:52 pm | Reply", "comments"),
    ("We welcome comments that advance the story through relevant opinion, anecdotes and links.", "comments"),
    ("Views expressed in the comments do not represent those of the Gazette.", "comments"),
    ("This discussion is now closed.", "comments"),
    ("This topic has now closed . Thank you for taking part .", "comments"),
    ("We welcome comments on our articles until the thread closes.", "comments"),
    ("A version appeared on p12 of the Main section of the Gazette on Thursday 4 March 2021", "page trailer"),
    ("This article appeared on p10 of the Review section of the Gazette on 23.56 GMT on Saturday 6 March 2021 .",
     "page trailer"),
    # times a page was published or updated (BBC, Guardian, Washington Post, Reuters, Fox styles)
    ("Page last updated at 14:03 GMT, Thursday, 4 March 2021", "last updated"),
    ("Page last updated at 14:03 GMT , Thursday , 4 March 2021 15:03 UK", "last updated"),
    ("4 March 2021 Last updated at 14:03 GMT Help", "last updated"),
    ("Last updated: 4 March 2021 14:03 GMT", "last updated"),
    ("First published on Thursday 4 March 2021 14.03 GMT", "last updated"),
    ("Thursday 4 March 2021 14.03 GMT", "timestamp"),
    ("Thursday , March 4 , 2021 ; 9:30 PM", "byline with time"),
    ("PORTVILLE | Thu Mar 4 , 2021 3:36 am EST", "byline with time"),
    ("Jane Roe | 08:17 UK time , Thursday , 4 March 2021", "byline with time"),
    ("March 4 , 2021 - 7:48 AM | by : Jane Roe", "byline with time"),
    ("By Jane Roe | March 4 , 2021 ; 9:30 PM ET | Permalink | Comments (2)", "blog byline"),
    ("Posted by Jane Roe at 01:12 PM | Comments (10) | Permalink", "blog byline"),
    ("By Jane Roe", "byline"),
    ("By Jane Roe and John Doe, Staff Writers", "byline"),
    # photo credits and captions
    ("Photograph: Jane Roe/AP", "photo credit"),
    ("Photograph : Jane Roe\\/Reuters", "photo credit"),
    ("Photograph: Mark Doe/AFP/Getty Images", "photo credit"),
    ("Photograph: Sam Poe for the Gazette", "photo credit"),
    ("Photo: Getty Images", "photo credit"),
    ("Photo credit: Jane Roe/Example Agency", "photo credit"),
    ("REUTERS/Jane Roe", "photo credit"),
    ("AP Photo/Jane Roe", "photo credit"),
    ("(Reuters)", "photo credit"),
    ("PHOTO : A docker walks past a closed gate in Portville March 2 , 2021 .", "caption"),
    ("Picture credit : A crane stands idle at the quay in Portville , March 2 , 2021 .", "caption"),
    ("Image caption Dockers gather at the harbour gates", "caption"),
    ("A crane stands idle at the harbour on Tuesday. (AP Photo/Jane Roe)", "caption"),
    ("GRAPHIC : Jane Roe - The Portville Gazette , March 4 , 2021", "caption"),
    ("Editor's note: Gazette moderators choose the questions for our guests.", "editor's note"),
    # buttons, prompts and links
    ("Share this article", "share"),
    ("Share on Facebook", "share"),
    ("Reply Retweet Favorite", "share"),
    ("Facebook | Twitter | Email", "share"),
    ("RT @quaywatch : The gates are open again", "tweet"),
    ("Comments (12)", "comment count"),
    ("Comments -LRB- 2 -RRB-", "comment count"),
    ("12 comments", "comment count"),
    ("View comments", "comment count"),
    ("Click here to see the gallery.", "click here"),
    ("For a complete list of ferry times, please click here.", "click here"),
    ("- - - For a map of the harbour , click here - - -", "click here"),
    ("Related stories", "related"),
    ("Related: Harbour strike ends after nine days", "related"),
    ("More on this story", "related"),
    ("Read more: Dockers vote on the offer", "related"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Sign up for free e-mail news alerts from Example.com and ExampleBusiness.com.", "newsletter"),
    ("Follow the latest business news, comment and analysis on Twitter", "follow"),
    ("© 2021 Example Media Ltd. All rights reserved.", "copyright"),
    ("Content and Programming Copyright 2021 Example News Network, Inc.", "copyright"),
    ("All rights reserved.", "copyright"),
    ("Advertisement", "advertisement"),
    # credits and notes about the article itself
    ("The Associated Press contributed to this report.", "contributed"),
    ("Staff writer Jane Roe in Portville contributed to this report .", "contributed"),
    ("Additional reporting by Jane Roe in Portville.", "contributed"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "reporting by"),
    ("-LRB- Reporting by Jane Roe ; Editing by John Doe -RRB-", "reporting by"),
    ("This article was amended on 6 March 2021 to correct the name of the union.", "correction note"),
    ("You can email the author at jane.roe@example.com", "email the author"),
    # where to write or call: a sentence that holds an e-mail address, a switchboard
    ("Letters to the editor go to : letters@gazette.example For help with the site : "
     "help@gazette.example Call the main Gazette switchboard :", "contact"),
    ("His e-mail address is jroe@gazette.example .", "contact"),
    ("Jane Roe can be reached at roej@gazette.example.", "contact"),
    ("Send us your photos at pics@gazette.example or by text to 70707 -LRB- UK only -RRB- .", "contact"),
    ("To contact the Gazette news desk email desk@gazette.example or phone 02079460000", "contact"),
    ("Call the main Gazette switchboard : 020 7946 0000", "contact"),
    # where else the article appeared
    ("This article was published on gazette.example .", "published note"),
    ("This article was first published on Harbour Weekly.", "published note"),
    ("A version of this article appears in the spring issue of Harbour Monthly .", "published note"),
    ("This content has been removed as our licence has expired.", "removed"),
    ("BACK {current} of {total} NEXT", "slideshow"),
]

#: Article sentences that only use a furniture word: never marked.
PROSE = [
    "The company posted a loss of $2bn on Tuesday.",
    "Shares fell 5% after the report.",
    "He replied that the plan was sound.",
    "The union posted a statement on its website on Monday.",
    "Police shared the photograph with reporters on March 3, 2021.",
    "A video posted by activists on March 3 showed the blast.",
    "Posted by the union on March 3, 2021, the video shows dockers at the gates.",
    "By the end of the day on March 3, 2021, the port had reopened.",
    "By Tuesday the ships were moving again.",
    "At 9.30 am on Monday the minister wrote to the union.",
    "At 9:30 on 3 March 2021 the harbour master wrote to the union, which replied within the hour.",
    "April 20, 2010 - 9:45 p.m.: The rig explodes.",
    "Related talks will resume next week, officials said.",
    "Copyright law was not the issue, the judge said.",
    "Comments by the minister angered the union.",
    "Reporting by the Gazette revealed the deal on Monday.",
    "The photograph shows the crowd at the gate.",
    "Click, the local software firm, said it would hire 40 workers.",
    "Like many ports, Portville lost trade in 2020.",
    "Print runs were cut in May.",
    "Subscribers will get updates by email, the company said.",
    "Last updated in 2019, the plan sets out how the quay is run.",
    "Thursday 4 March 2021 was the first day of the strike.",
    "Reader comments on the plan closed on Friday.",
    "Follow-up talks are planned for April.",
    "Photographers were kept away from the gates.",
    "The harbour was built in 1889 by Jane Roe's great-grandfather.",
    "Mr Roe said: \"We share the same goal.\"",
    "More than 200 workers joined the strike.",
    "Sign language interpreters were at the meeting.",
    "The editor's note to staff said the paper would close in June.",
    "This content was removed from the site on Friday, the council said.",
    "@portville is the harbour's account on the site.",
    "The union's account @portville_dockers posted the result of the vote on Monday.",
    "Call the union, the minister told the port authority on Tuesday.",
    "The book was published on Monday by Harbour Press.",
    "This article of the treaty was published in the official journal on Monday.",
    "A version of the plan was approved by the council on Monday.",
    "Dockers will call a vote on the offer next week.",
]


def _text(line: str) -> tuple[str, int, int]:
    """``line`` between two article sentences, and where it is."""
    head = LEAD + "\n"
    return head + line + "\nThe first ships were unloaded on Thursday, the harbour master said.\n", len(head), len(head) + len(line)


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_is_marked(line: str, rule: str) -> None:
    text, start, end = _text(line)
    marks = find_furniture(text)
    assert rule in {m.rule for m in marks if m.start < end and m.end > start}, marks
    spans = furniture_spans(text)
    assert not in_furniture(spans, 0, len(LEAD)), "the article sentence before it is not furniture"
    if rule not in ("comments", "page trailer"):
        assert in_furniture(spans, start, end)
        assert not in_furniture(spans, end + 1, len(text)), "the article sentence after it is not furniture"


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_is_not_marked(sentence: str) -> None:
    for text in (sentence, LEAD + "\n" + sentence + "\n", LEAD + " " + sentence + " " + LEAD):
        assert find_furniture(text) == [], text
        assert article_body_end(text) == len(text)


BODY = ("The dockers' union ended its strike at Portville harbour on Wednesday after the port authority "
        "raised its pay offer.")


@pytest.mark.parametrize("glued", [
    "Photograph: Jane Roe/AP",  # Guardian
    "Photograph : Jane Roe\\/Reuters",
    "Thursday 4 March 2021 14.03 GMT",
    "PORTVILLE | Thu Mar 4 , 2021 3:36 am EST",  # Reuters
    "Thursday , March 4 , 2021 ; 9:30 PM",  # Washington Post
    "4 March 2021 Last updated at 14:03 GMT Help",  # BBC
    "Jane Roe | 08:17 UK time , Thursday , 4 March 2021",
    "March 4 , 2021 - 7:48 AM | by : Jane Roe",  # Fox
    "(AP Photo/Jane Roe) (Jane Roe - AP)",
])
def test_furniture_glued_to_the_first_sentence_is_cut_off_it(glued: str) -> None:
    text = f"Dockers end strike\n{glued} {BODY}\n"
    article = Article(id="a", text=text, published=dt.date(2021, 3, 4))
    ((_, analysis),) = analyse([article], language=False)
    assert [s.text for s in analysis.sentences] == ["Dockers end strike", glued, BODY]
    assert [m.sentence for m in analysis.mentions] == [BODY]


def test_a_contact_footer_glued_to_the_last_sentence_leaves_the_sentence_to_the_article() -> None:
    last = "His book on the strike is published this month by Harbour Press"
    footer = ("Letters to the editor go to : letters@gazette.example For help with the "
              "site : help@gazette.example Call the main Gazette and Sunday Gazette switchboard : Jane Roe : "
              "Why the quay matters This article was published on gazette.example .")
    text = f"{LEAD}\n{last} {footer}\n"
    start = text.index(footer)
    assert furniture_spans(text) == ((start, start + len(footer)),)
    article = Article(id="a", text=text, published=dt.date(2021, 3, 4))
    ((_, analysis),) = analyse([article], language=False)
    assert [s.text for s in analysis.sentences] == [LEAD, last, footer]
    assert not any("letters@" in m.sentence or "switchboard" in m.sentence for m in analysis.mentions)


def test_a_gallery_caption_before_its_credit_is_furniture() -> None:
    text = (LEAD + "\nMarch 2 : A crane stands idle at the quay in Portville .\n"
            "AP PORTVILLE -- Ships were unloaded again on Thursday .\n")
    assert [(m.rule, text[m.start:m.end]) for m in find_furniture(text)] == [
        ("caption", "March 2 : A crane stands idle at the quay in Portville ."), ("photo credit", "AP")]


def test_dated_comment_lines_start_the_comments_when_there_are_several() -> None:
    one = LEAD + "\n30th March 2021 - 16:05 I was at the gates .\n"
    assert find_furniture(one) == []
    several = one + "It was cold .\n30th March 2021 - 14:41 So was I .\n"
    assert article_body_end(several) == len(LEAD) + 1


def test_comments_whose_header_follows_them_start_after_the_post_byline() -> None:
    text = (LEAD + "\nBy Jane Roe | March 4 , 2021 ; 2:58 PM ET Great news for the town .\n"
            "I hope it lasts .\nPosted by : quaywatcher | March 4 , 2021 4:12 PM | Report abuse\n")
    assert text[article_body_end(text):].startswith("Great news")
    assert [m.rule for m in find_furniture(text)] == ["blog byline", "comments"]


def test_in_furniture_needs_most_of_the_span() -> None:
    spans = ((10, 20), (30, 40))
    assert in_furniture(spans, 10, 20) and in_furniture(spans, 12, 18) and in_furniture(spans, 8, 20)
    assert not in_furniture(spans, 0, 10) and not in_furniture(spans, 15, 30) and not in_furniture((), 0, 5)
    assert not in_furniture(spans, 15, 35)  # 5 + 5 of 20: half is not most
    assert in_furniture(spans, 14, 36)


ARTICLE = """date: 2021-03-04
source: Portville Gazette

Dockers end strike at Portville harbour
Page last updated at 14:03 GMT, Thursday, 4 March 2021
Share this article
Photograph: Jane Roe/Example Agency
Image caption Dockers said they would return to work on Monday 1 March 2021
The dockers' union ended its strike at Portville harbour on Wednesday after the port authority raised its pay offer.
"We have won a fair deal for every worker on the quay," said union leader Tom Baker.
The first ships were unloaded on Thursday morning, harbour master Ann Lee said.
Comments (2)
At 4:12 pm on 04 Mar 2021 , quaywatcher wrote : I was at the gates on 28 February 2021 and nobody was working.
My cousin said the strike would last until April.
At 5:30 pm on 04 Mar 2021 , portfan wrote : The mayor told me on Tuesday that the deal was done weeks ago.
"""


def test_furniture_stays_out_of_the_timeline_and_the_claims(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    with Chronicle(tmp_path / "s.db") as story:
        assert story.ingest([tmp_path / "in"]).added == ("strike",)
        timeline = story.timeline()
        evidence = [ev.sentence for e in timeline.entries for event in e.events for ev in event.evidence]
        assert any("ended its strike" in s for s in evidence)
        for word in ("updated", "Share", "Photograph", "caption", "Comments", "wrote", "cousin", "mayor"):
            assert not any(word in s for s in evidence), (word, evidence)
        days = {e.date for e in timeline.entries}
        assert "2021-03-03" in days  # Wednesday, from the article
        assert not days & {"2021-02-28", "2021-03-01", "2021-03-02", "2021-04"}  # from furniture only
        claims = story.claims()
        assert any("fair deal" in c.text for c in claims)
        for claim in claims:
            assert "return to work" not in claim.text and "strike would last" not in claim.text, claim
            assert "deal was done" not in claim.text, claim
        said = [c.text for c in timeline.claims]
        assert not any("return to work" in text for text in said)
