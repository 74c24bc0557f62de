"""Entities per article: one record per referent, canonical names, aliases, types.

The sentences are written for these tests (news-style, varied topics and constructions).
Each case lists entities that must be found: (canonical name, type, aliases that must be
among the entity's aliases). ``absent`` lists names that must not be entities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from chronicle.extract.entities import names_a_place
from chronicle.extract.pipeline import build_nlp, make_doc
from chronicle.ingest import read_articles
from chronicle.models import Article, Entity

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
DCT = dt.date(2024, 3, 15)

Expected = tuple[str, str, tuple[str, ...]]

CASES: list[tuple[str, str, list[Expected], tuple[str, ...]]] = [
    ("kim-surname", "North Korean leader Kim Jong Un visited a tank factory. Kim praised the workers there.",
     [("Kim Jong Un", "PERSON", ("Kim",)), ("North Korea", "GPE", ("North Korean",))], ()),
    ("dprk-north", "The DPRK fired a missile on Monday, and the North warned of more launches to come.",
     [("North Korea", "GPE", ("DPRK", "North"))], ()),
    ("dprk-full-name", "The Democratic People's Republic of Korea said it would respond to the drills.",
     [("North Korea", "GPE", ("Democratic People's Republic of Korea",))], ()),
    ("capital-subject", "Pyongyang said the joint drills were a rehearsal for an invasion.",
     [("North Korea", "GPE", ("Pyongyang",))], ()),
    ("capital-possessive", "Pyongyang's missile tests have worried its neighbours for years.",
     [("North Korea", "GPE", ("Pyongyang",))], ()),
    ("capital-as-city", "Thousands of soldiers marched through the streets in Pyongyang.",
     [("Pyongyang", "GPE", ())], ("North Korea",)),
    ("us-forms", "U.S. officials said the United States would send more aid. Washington has denied the report.",
     [("United States", "GPE", ("U.S.", "Washington"))], ()),
    ("us-city-visit", "US President Joe Biden met South Korean President Yoon Suk Yeol in Washington.",
     [("Joe Biden", "PERSON", ()), ("South Korea", "GPE", ("South Korean",)),
      ("Yoon Suk Yeol", "PERSON", ()), ("United States", "GPE", ("US",))], ()),
    ("seoul-state", "Seoul said it would respond firmly, and South Korea's military raised its alert level.",
     [("South Korea", "GPE", ("Seoul",))], ()),
    ("rok", "Officials from the ROK met Japanese diplomats in Tokyo on Tuesday.",
     [("South Korea", "GPE", ("ROK",)), ("Japan", "GPE", ("Japanese",))], ()),
    ("putin-xi", "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow.",
     [("Russia", "GPE", ("Russian",)), ("China", "GPE", ("Chinese",)), ("Vladimir Putin", "PERSON", ()),
      ("Xi Jinping", "PERSON", ())], ()),
    ("moscow-denies", "Moscow has denied supplying weapons to the rebels.",
     [("Russia", "GPE", ("Moscow",))], ()),
    ("beijing-envoy", "Beijing's envoy to the UN called for restraint on both sides.",
     [("China", "GPE", ("Beijing",)), ("United Nations", "ORG", ("UN",))], ()),
    ("kcna-acronym", "The Korean Central News Agency (KCNA) reported the launch. KCNA said the test succeeded.",
     [("Korean Central News Agency", "ORG", ("KCNA",))], ()),
    ("kcna-only", "KCNA said the leader inspected the new submarine.",
     [("Korean Central News Agency", "ORG", ("KCNA",))], ()),
    ("iaea", "The International Atomic Energy Agency said its inspectors left. The IAEA gave no reason.",
     [("International Atomic Energy Agency", "ORG", ("IAEA",))], ()),
    ("blinken", "Secretary of State Antony Blinken arrived in Seoul on Sunday. Blinken met the foreign minister.",
     [("Antony Blinken", "PERSON", ("Blinken",))], ("State",)),
    ("scholz-macron", "German Chancellor Olaf Scholz and French President Emmanuel Macron held talks in Paris.",
     [("Germany", "GPE", ("German",)), ("France", "GPE", ("French",)), ("Olaf Scholz", "PERSON", ()),
      ("Emmanuel Macron", "PERSON", ())], ()),
    ("ukraine", "Ukrainian forces pushed back the attack, Ukraine's military said on Friday.",
     [("Ukraine", "GPE", ("Ukrainian",))], ()),
    ("iran-tehran", "Iranian officials met the inspectors, and Tehran said the talks were useful.",
     [("Iran", "GPE", ("Iranian", "Tehran"))], ()),
    ("uk", "British Prime Minister Rishi Sunak said the UK would stand by its allies.",
     [("United Kingdom", "GPE", ("British", "UK")), ("Rishi Sunak", "PERSON", ())], ()),
    ("eu", "The European Union imposed new sanctions on Monday. The EU said more would follow.",
     [("European Union", "ORG", ("EU",))], ()),
    ("nato", "NATO Secretary General Jens Stoltenberg said the alliance would meet next week.",
     [("NATO", "ORG", ()), ("Jens Stoltenberg", "PERSON", ())], ()),
    ("two-people", "Jake Sullivan spoke with Chang Ho-jin by phone. Sullivan said the call was productive.",
     [("Jake Sullivan", "PERSON", ("Sullivan",)), ("Chang Ho-jin", "PERSON", ())], ()),
    ("short-name-first", "Kim inspected the launch site. Later, Kim Jong Un told officials to prepare.",
     [("Kim Jong Un", "PERSON", ("Kim",))], ()),
    ("two-kims", "Kim Yo Jong, the sister of Kim Jong Un, issued a statement on Sunday.",
     [("Kim Yo Jong", "PERSON", ()), ("Kim Jong Un", "PERSON", ())], ()),
    ("americans", "Two Americans were detained at the border, American officials said.",
     [("United States", "GPE", ("Americans", "American"))], ()),
    ("capitals-conjoined", "Washington and Seoul condemned the launch in the strongest terms.",
     [("United States", "GPE", ("Washington",)), ("South Korea", "GPE", ("Seoul",))], ()),
    ("unsc", "The UN Security Council met on Wednesday. The Security Council issued no statement.",
     [("United Nations Security Council", "ORG", ("UN Security Council", "Security Council"))], ()),
    ("taiwan", "Taiwanese officials reported drills, and Taipei said it was watching closely.",
     [("Taiwan", "GPE", ("Taiwanese", "Taipei"))], ()),
    ("saudi", "Saudi officials said the kingdom would raise output, and Riyadh confirmed the plan.",
     [("Saudi Arabia", "GPE", ("Saudi", "Riyadh"))], ()),
    ("modi", "Indian Prime Minister Narendra Modi visited Washington in June. Modi met business leaders.",
     [("India", "GPE", ("Indian",)), ("Narendra Modi", "PERSON", ("Modi",))], ()),
    ("japan-tokyo", "Japan's prime minister spoke by phone with allies, and Tokyo lodged a protest.",
     [("Japan", "GPE", ("Tokyo",))], ()),
    ("apple", "Apple said on Thursday that its chief executive Tim Cook would visit China.",
     [("Apple", "ORG", ()), ("Tim Cook", "PERSON", ()), ("China", "GPE", ())], ()),
    ("bp-hayward", "BP chief executive Tony Hayward apologised for the spill. Hayward said BP would pay.",
     [("Tony Hayward", "PERSON", ("Hayward",)), ("BP", "ORG", ())], ()),
    ("peninsula", "Tensions on the Korean Peninsula rose after North Korea's latest launch.",
     [("Korean Peninsula", "LOC", ()), ("North Korea", "GPE", ())], ()),
    ("the-south", "North Korea threatened the South after the drills began on Monday.",
     [("North Korea", "GPE", ()), ("South Korea", "GPE", ("South",))], ()),
    ("white-house", "The White House said the president would travel to Ohio on Friday.",
     [("White House", "ORG", ())], ()),
    ("gulf-spill", "Oil from the well reached the coast of Louisiana, officials in the Gulf of Mexico said.",
     [("Louisiana", "GPE", ())], ()),
    ("israel", "Israeli troops entered the town as Israel's cabinet met in Jerusalem.",
     [("Israel", "GPE", ("Israeli",))], ()),
    ("mr-honorific", "President Joe Biden spoke on Monday. Mr. Biden said the deal was fair.",
     [("Joe Biden", "PERSON", ("Biden",))], ()),
    ("southern-rok", "The talks involved the southern Republic of Korea and its allies.",
     [("South Korea", "GPE", ("Republic of Korea",))], ()),
    ("un-full", "The United Nations Security Council voted on Friday to extend the mission.",
     [("United Nations Security Council", "ORG", ())], ()),
    ("norp-kept", "Muslim leaders and Catholic bishops met in Rome on Sunday.",
     [("Muslim", "NORP", ())], ()),
    # A tokenized wire dateline: the treebank's brackets are punctuation, not part of a name.
    ("treebank-dateline", "LONDON -LRB- Reuters -RRB- - BP said on Monday it would cap the well .",
     [("BP", "ORG", ()), ("Reuters", "ORG", ())], ("-RRB- - BP",)),
    # A photo caption run into the sentence after it: its capital is not a name.
    ("caption-run-in", "Cholera causes outbreaks in camps Infection control teams are scrambling to respond "
     "to cases in Haiti and the US .", [("Haiti", "GPE", ())], ("Infection",)),
    # Brackets inside a recognized span: a company and, in brackets, its acronym; a ticker, a senator's
    # state or the sentence after a dateline's brackets are not part of the name.
    ("treebank-acronym", "NEW YORK -LRB- Reuters -RRB- - Buyout group HBR & Co LP -LRB- HBR . \nN -RRB- "
     "is raising money from new sources , the company said on Tuesday .",
     [("HBR & Co LP", "ORG", ("HBR",)), ("Reuters", "ORG", ())], ("HBR & Co LP -LRB- HBR", "N")),
    ("treebank-initials", "The International Harbour Organisation -LRB- IHO -RRB- met in Portville on Monday .",
     [("International Harbour Organisation", "ORG", ("IHO",))], ()),
    ("treebank-ticker", "Private equity firm Blackridge Capital LP -LRB- BRC.N -RRB- said on Tuesday it would raise "
     "a new fund .", [("Blackridge Capital LP", "ORG", ())], ("BRC.N",)),
    ("treebank-ticker-root", "NEW YORK -LRB- Reuters -RRB- - Drinks maker Fizzco Inc -LRB- FZD . N -RRB- said on "
     "Tuesday its sales rose .", [("Fizzco Inc", "ORG", ())], ("FZD", "Fizzco Inc -LRB- FZD")),
    ("treebank-acronym-after", "The Portville Harbour Authority -LRB- PHA -RRB- said on Monday it would reopen the "
     "quay . The PHA gave no date .", [("Portville Harbour Authority", "ORG", ("PHA",))], ("PHA",)),
    ("treebank-kcna", "The Korean Central News Agency -LRB- KCNA -RRB- reported the launch .",
     [("Korean Central News Agency", "ORG", ("KCNA",))], ()),
    ("treebank-aside", "The Karimullah -LRB- Sword of Dawn -RRB- Brigades said on Monday it had fired the flares .",
     [], ("Brigades", "Sword of Dawn", "Karimullah -LRB- Sword of Dawn -RRB- Brigades")),
    ("wire-story-code", "For more on the vote , see : -LRB- ID : nLDE74M0SK -RRB- Merkel won the vote on Monday .",
     [], ("nLDE74M0SK",)),
    ("treebank-senator-state", "Senator Jim Bunning -LRB- R-Ky . -RRB- said the plan was a mistake .",
     [("Jim Bunning", "PERSON", ())], ("R-Ky", "-RRB-")),
    ("treebank-dateline-adjective", "BEIRUT -LRB- Reuters -RRB- - Syrian troops fired on protesters in the "
     "southern city on Tuesday , witnesses said .", [("Syria", "GPE", ("Syrian",)), ("Reuters", "ORG", ())],
     ("Reuters -RRB- - Syrian",)),
    # A Reuters dateline's time stamp is not a person, its time zone not part of the city's name.
    ("dateline-stamp", "AMMAN | Fri Mar 4 , 2022 10:07 pm IST AMMAN -LRB- Reuters -RRB- - Jordanian dockers "
     "blocked the port gates on Friday .", [("Amman", "GPE", ()), ("Jordan", "GPE", ("Jordanian",))],
     ("Fri Mar", "Fri Mar 4 , 2022 10:07", "IST AMMAN")),
    ("dateline-stamp-date", "BEIRUT | Tue Mar 8 , 2022 9:12 am GMT BEIRUT -LRB- Reuters -RRB- - Syrian ferries "
     "stayed in port on Tuesday .", [("Syria", "GPE", ())], ("Tue Mar 8 , 2022", "GMT BEIRUT")),
    ("month-first-name", "June Carter sang at the festival in Portville on Saturday .", [("June Carter", "PERSON", ())],
     ()),
    # A capitalised adjective or verb that starts a sentence is not a name ...
    ("sentence-initial-adjective", "LONDON -LRB- Reuters -RRB- - Leading ferry unions boycotted the opening on "
     "Tuesday of a new terminal .", [("London", "GPE", ()), ("Reuters", "ORG", ())], ("Leading",)),
    # ... a name that starts one is.
    ("sentence-initial-name", "Hamas said on Tuesday the talks had failed .", [("Hamas", "ORG", ())], ()),
    ("sentence-initial-bank", "Lehman Brothers filed for bankruptcy on Monday .", [("Lehman Brothers", "ORG", ())],
     ()),
    ("surname-that-is-a-word", "Regulator Brooksley Born spoke in 1998 . Later , Born and Gregg met .",
     [("Brooksley Born", "PERSON", ("Born",)), ("Gregg", "PERSON", ())], ()),
    # One capitalised word after "the" is a place only if English names that place with "the".
    ("the-blog", "Both candidates talked about the housing market on the Trail yesterday .", [], ("Trail",)),
    ("the-hague", "Judges at the Hague ruled on Monday that the ban was lawful .", [("Hague", "GPE", ())], ()),
    ("the-bronx", "Residents of the Bronx protested on Monday against the closure .", [("Bronx", "GPE", ())], ()),
    ("the-acronym", "He lived in the USSR until 1991 .", [("USSR", "GPE", ())], ()),
    ("the-plural", "Storms hit the Carolinas on Monday .", [("Carolinas", "GPE", ())], ()),
    ("town-without-the", "Rebels seized the town of Zabadani on Sunday .", [("Zabadani", "GPE", ())], ()),
    ("the-modified-noun", "The Jamaica-born sprinter won the final on Saturday , and the Texas senator watched .",
     [("Jamaica", "GPE", ()), ("Texas", "GPE", ())], ()),
    ("the-modified-noun-misparsed", "He had not taken a holiday since before the Selma march -LRB- `` There was no "
     "time '' -RRB- , he said .", [("Selma", "GPE", ())], ()),
    ("the-blog-at-the-end", "Both candidates talked about jobs on the Trail .", [], ("Trail",)),
]


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield build_nlp()


def _entities(nlp: Language, text: str, dct: dt.date | None = DCT) -> list[Entity]:
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published=dct)))
    entities: list[Entity] = doc._.entities
    return entities


@pytest.mark.parametrize(("case_id", "text", "expected", "absent"), CASES, ids=[c[0] for c in CASES])
def test_entities(nlp: Language, case_id: str, text: str, expected: list[Expected], absent: tuple[str, ...]) -> None:
    entities = _entities(nlp, text)
    by_name = {e.name: e for e in entities}
    for name, type_, aliases in expected:
        assert name in by_name, f"{name!r} not in {[(e.name, e.aliases) for e in entities]}"
        entity = by_name[name]
        assert entity.type == type_
        normalised = {a.replace("’", "'") for a in entity.aliases}
        for alias in aliases:
            assert alias in normalised, f"{alias!r} not an alias of {name}: {entity.aliases}"
    for name in absent:
        assert name not in by_name, f"{name!r} should not be an entity"
    names = [e.name for e in entities]
    assert len(names) == len(set(names)), "one entity per referent"


@pytest.mark.parametrize(("text", "name"), [
    ("NEW YORK -LRB- Reuters -RRB- - Drinks maker Fizzco Inc -LRB- FZD . N -RRB- said on Tuesday its sales rose .",
     "Fizzco Inc"),
    ("Private equity firm Blackridge Capital LP -LRB- BRC.N -RRB- said on Tuesday it would raise a new fund .",
     "Blackridge Capital LP"),
])
def test_a_ticker_in_brackets_is_not_another_name(nlp: Language, text: str, name: str) -> None:
    (company,) = [e for e in _entities(nlp, text) if e.name == name]
    assert company.aliases == ()


def test_ids_follow_first_mention(nlp: Language) -> None:
    entities = _entities(nlp, "Russia and China signed the deal. Chinese officials said Russia would pay.")
    assert [e.id for e in entities] == [f"e{n}" for n in range(1, len(entities) + 1)]
    starts = [e.mentions[0].start for e in entities]
    assert starts == sorted(starts)
    assert entities[0].name == "Russia"


def test_mentions_strip_possessive_and_article(nlp: Language) -> None:
    text = "The United States said North Korea's launch was a provocation."
    entities = _entities(nlp, text)
    by_name = {e.name: e for e in entities}
    assert [m.text for m in by_name["United States"].mentions] == ["United States"]
    assert [m.text for m in by_name["North Korea"].mentions] == ["North Korea"]
    for entity in entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_dateline_capital_is_the_city(nlp: Language) -> None:
    entities = _entities(nlp, "SEOUL: North Korea fired two missiles into the sea on Monday, officials said.")
    by_name = {e.name: e for e in entities}
    assert "Seoul" in by_name and by_name["Seoul"].type == "GPE"
    assert "South Korea" not in by_name


def test_empty_and_no_entities(nlp: Language) -> None:
    assert _entities(nlp, "") == []
    assert _entities(nlp, "it rained all day and nobody came.") == []


def _seed(name: str) -> tuple[str, dt.date]:
    """A seed article's text and date, read the way the product reads it."""
    (article,) = [a for a in read_articles([SEEDS / name]) if isinstance(a, Article)]
    assert article.published is not None
    return article.text, article.published


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo")
def test_seed_articles(nlp: Language) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text, dct = _seed(path.name)
        entities = _entities(nlp, text, dct)
        by_name = {e.name: e for e in entities}
        assert len([e for e in entities if e.name == "North Korea"]) == 1
        nk = by_name["North Korea"]
        assert nk.type == "GPE"
        if "North Korean" in text:
            assert "North Korean" in nk.aliases
        if "DPRK" in text:
            assert "DPRK" in nk.aliases
        assert "United States" in by_name
        assert "Russia" in by_name
        if "Kim Jong Un" in text:
            kims = [e for e in entities if "Kim" in e.name]
            assert [e.name for e in kims] == ["Kim Jong Un"]
            assert "Kim" in kims[0].aliases
            assert len(kims[0].mentions) >= 4
        if "Korean Central News Agency" in text or "KCNA" in text:
            assert "KCNA" in by_name["Korean Central News Agency"].aliases or "KCNA" not in text


@pytest.mark.parametrize(
    ("text", "place"),
    [("SEOUL", True), ("Pyongyang", True), ("the DPRK", True), ("North Korea", True), ("HOST", False),
     ("PENCE", False), ("Valmora", False)],
)
def test_names_a_place(text: str, place: bool) -> None:
    assert names_a_place(text) is place
