"""Entities of one article: spaCy's named entities grouped into one record per referent.

spaCy finds mentions; this component decides which mentions name the same thing within
the article ("Kim Jong Un" ... "Kim"; "North Korea" ... "the DPRK" ... "North Korean" ...
"Pyongyang" when the capital stands for the state) and gives each referent a canonical
name. Countries and the best-known organisations get the same canonical name in every
article (from the tables below), so that linking across articles can match on names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from chronicle.extract.components import doc_text
from chronicle.models import Entity, EntityType, Mention

__all__ = ["COUNTRIES", "ORGANISATIONS", "entities_component", "entity_spans", "extract_entities", "names_a_place"]

#: (standard name, capital, demonyms, other names and acronyms). Demonym plurals
#: ("Americans") are derived. A capital is read as its state only in a state-like role
#: (see ``_capital_is_state``). Capitals whose status is disputed are left out.
COUNTRIES: tuple[tuple[str, str | None, tuple[str, ...], tuple[str, ...]], ...] = (
    ("United States", "Washington", ("American", "U.S.", "US"),
     ("United States of America", "USA", "U.S.A.", "US", "U.S.", "America", "the States")),
    ("North Korea", "Pyongyang", ("North Korean",),
     ("DPRK", "D.P.R.K.", "Democratic People's Republic of Korea")),
    ("South Korea", "Seoul", ("South Korean",), ("Republic of Korea", "ROK", "R.O.K.")),
    ("Russia", "Moscow", ("Russian",), ("Russian Federation",)),
    ("China", "Beijing", ("Chinese",), ("People's Republic of China", "PRC", "mainland China")),
    ("Taiwan", "Taipei", ("Taiwanese",), ()),
    ("Japan", "Tokyo", ("Japanese",), ()),
    ("Ukraine", "Kyiv", ("Ukrainian",), ("the Ukraine",)),
    ("United Kingdom", "London", ("British", "Briton"),
     ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland")),
    ("France", "Paris", ("French",), ("French Republic",)),
    ("Germany", "Berlin", ("German",), ("Federal Republic of Germany",)),
    ("Italy", "Rome", ("Italian",), ()),
    ("Spain", "Madrid", ("Spanish", "Spaniard"), ()),
    ("Portugal", "Lisbon", ("Portuguese",), ()),
    ("Netherlands", "Amsterdam", ("Dutch",), ("Holland", "the Netherlands")),
    ("Belgium", None, ("Belgian",), ()),
    ("Switzerland", "Bern", ("Swiss",), ()),
    ("Austria", "Vienna", ("Austrian",), ()),
    ("Ireland", "Dublin", ("Irish",), ("Republic of Ireland",)),
    ("Poland", "Warsaw", ("Polish", "Pole"), ()),
    ("Czech Republic", "Prague", ("Czech",), ("Czechia",)),
    ("Hungary", "Budapest", ("Hungarian",), ()),
    ("Romania", "Bucharest", ("Romanian",), ()),
    ("Greece", "Athens", ("Greek",), ()),
    ("Serbia", "Belgrade", ("Serbian", "Serb"), ()),
    ("Sweden", "Stockholm", ("Swedish", "Swede"), ()),
    ("Norway", "Oslo", ("Norwegian",), ()),
    ("Denmark", "Copenhagen", ("Danish", "Dane"), ()),
    ("Finland", "Helsinki", ("Finnish", "Finn"), ()),
    ("Belarus", "Minsk", ("Belarusian",), ()),
    ("Georgia", "Tbilisi", ("Georgian",), ()),
    ("Armenia", "Yerevan", ("Armenian",), ()),
    ("Azerbaijan", "Baku", ("Azerbaijani",), ()),
    ("Kazakhstan", "Astana", ("Kazakh",), ()),
    ("Turkey", "Ankara", ("Turkish", "Turk"), ("Türkiye", "Turkiye")),
    ("Iran", "Tehran", ("Iranian",), ("Islamic Republic of Iran",)),
    ("Iraq", "Baghdad", ("Iraqi",), ()),
    ("Syria", "Damascus", ("Syrian",), ()),
    ("Israel", None, ("Israeli",), ()),
    ("Palestine", None, ("Palestinian",), ("State of Palestine",)),
    ("Lebanon", "Beirut", ("Lebanese",), ()),
    ("Jordan", "Amman", ("Jordanian",), ()),
    ("Egypt", "Cairo", ("Egyptian",), ()),
    ("Saudi Arabia", "Riyadh", ("Saudi",), ("Kingdom of Saudi Arabia",)),
    ("United Arab Emirates", "Abu Dhabi", ("Emirati",), ("UAE", "U.A.E.")),
    ("Qatar", "Doha", ("Qatari",), ()),
    ("Kuwait", None, ("Kuwaiti",), ()),
    ("Yemen", "Sanaa", ("Yemeni",), ()),
    ("Afghanistan", "Kabul", ("Afghan",), ()),
    ("Pakistan", "Islamabad", ("Pakistani",), ()),
    ("India", "New Delhi", ("Indian",), ()),
    ("Bangladesh", "Dhaka", ("Bangladeshi",), ()),
    ("Sri Lanka", "Colombo", ("Sri Lankan",), ()),
    ("Myanmar", "Naypyidaw", ("Burmese",), ("Burma",)),
    ("Thailand", "Bangkok", ("Thai",), ()),
    ("Vietnam", "Hanoi", ("Vietnamese",), ("Viet Nam",)),
    ("Philippines", "Manila", ("Filipino", "Philippine"), ("the Philippines",)),
    ("Indonesia", "Jakarta", ("Indonesian",), ()),
    ("Malaysia", "Kuala Lumpur", ("Malaysian",), ()),
    ("Singapore", None, ("Singaporean",), ()),
    ("Mongolia", "Ulaanbaatar", ("Mongolian",), ()),
    ("Australia", "Canberra", ("Australian",), ()),
    ("New Zealand", "Wellington", ("New Zealander",), ()),
    ("Canada", "Ottawa", ("Canadian",), ()),
    ("Mexico", "Mexico City", ("Mexican",), ()),
    ("Cuba", "Havana", ("Cuban",), ()),
    ("Venezuela", "Caracas", ("Venezuelan",), ()),
    ("Colombia", "Bogota", ("Colombian",), ()),
    ("Brazil", "Brasilia", ("Brazilian",), ()),
    ("Argentina", "Buenos Aires", ("Argentine", "Argentinian"), ()),
    ("Chile", "Santiago", ("Chilean",), ()),
    ("Peru", "Lima", ("Peruvian",), ()),
    ("South Africa", "Pretoria", ("South African",), ()),
    ("Nigeria", "Abuja", ("Nigerian",), ()),
    ("Kenya", "Nairobi", ("Kenyan",), ()),
    ("Ethiopia", "Addis Ababa", ("Ethiopian",), ()),
    ("Sudan", "Khartoum", ("Sudanese",), ()),
    ("Libya", "Tripoli", ("Libyan",), ()),
    ("Algeria", "Algiers", ("Algerian",), ()),
    ("Morocco", "Rabat", ("Moroccan",), ()),
    ("Somalia", "Mogadishu", ("Somali",), ()),
)

#: (canonical name, other names and acronyms) of organisations that recur in world news.
ORGANISATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("United Nations", ("UN", "U.N.")),
    ("United Nations Security Council", ("UN Security Council", "U.N. Security Council", "UNSC",
                                         "Security Council")),
    ("United Nations General Assembly", ("UN General Assembly", "UNGA", "General Assembly")),
    ("European Union", ("EU", "E.U.")),
    ("NATO", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato")),
    ("International Atomic Energy Agency", ("IAEA",)),
    ("International Monetary Fund", ("IMF",)),
    ("World Health Organization", ("WHO", "World Health Organisation")),
    ("World Trade Organization", ("WTO",)),
    ("OPEC", ("Organization of the Petroleum Exporting Countries",)),
    ("ASEAN", ("Association of Southeast Asian Nations",)),
    ("African Union", ("AU",)),
    ("Korean Central News Agency", ("KCNA",)),
    ("Yonhap", ("Yonhap News Agency",)),
    ("Associated Press", ("AP",)),
    ("Agence France-Presse", ("AFP",)),
    ("Reuters", ("REUTERS",)),
    ("US State Department", ("State Department", "U.S. State Department", "Department of State")),
    ("Pentagon", ("US Department of Defense", "Department of Defense")),
    ("Federal Bureau of Investigation", ("FBI",)),
    ("Central Intelligence Agency", ("CIA",)),
    ("Federal Reserve", ("Fed", "US Federal Reserve")),
    ("Environmental Protection Agency", ("EPA",)),
)

_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s'"})
_PERSON_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame",
                            "president", "prime", "minister", "gen.", "general", "leader"})
# Single-word ORG spans that are fragments of job titles ("Secretary of State").
_TITLE_FRAGMENTS = frozenset({"state", "defence", "defense", "foreign", "interior", "treasury", "justice",
                              "finance", "commerce", "energy", "health", "labor", "labour", "education"})
# Expanded before comparing organisation names so that "UN Security Council" meets
# "United Nations Security Council".
_ORG_PREFIX_EXPANSIONS = MappingProxyType({"us": ("united", "states"), "u.s.": ("united", "states"),
                                           "un": ("united", "nations"), "u.n.": ("united", "nations"),
                                           "uk": ("united", "kingdom"), "eu": ("european", "union")})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "de", "du", "des", "la", "&"})

# A capital in one of these roles stands for its state.
_STATE_PREPS = frozenset({"with", "against", "between", "toward", "towards", "by", "on", "over"})
_STATE_OBJECT_VERBS = frozenset({
    "accuse", "urge", "warn", "criticize", "criticise", "condemn", "blame", "sanction", "pressure",
    "ask", "tell", "support", "back", "threaten", "punish", "reassure", "persuade", "defy",
    "provoke", "engage", "recognize", "recognise", "call", "join", "help", "oppose", "challenge"})
_STATE_HEAD_NOUNS = frozenset({"government", "regime", "administration", "officials", "official",
                               "authorities", "leadership", "policy", "diplomats", "envoy"})
_CITY_HEAD_NOUNS = frozenset({"streets", "street", "residents", "mayor", "airport", "suburbs", "outskirts",
                              "centre", "center", "population", "subway", "skyline", "districts",
                              "district", "neighborhoods", "neighbourhoods", "downtown", "hotel", "port"})
_MAX_WINDOW = 8


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese")) or "." in demonym or demonym.isupper():
        return None
    return demonym + "s"


def _key(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def _country_tables() -> tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for name, capital, dems, others in COUNTRIES:
        for form in (name, *others):
            names[_key(form)] = name
            if form.startswith("the "):
                names[_key(form[4:])] = name
        for dem in dems:
            demonyms[_key(dem)] = name
            plural = _plural(dem)
            if plural:
                demonyms[_key(plural)] = name
        if capital:
            capitals[_key(capital)] = name
    # "US" is both a name and a modifier; as a name it wins.
    for key in list(demonyms):
        if key in names:
            del demonyms[key]
    return MappingProxyType(names), MappingProxyType(demonyms), MappingProxyType(capitals)


def _org_table() -> Mapping[str, str]:
    table: dict[str, str] = {}
    for name, others in ORGANISATIONS:
        for form in (name, *others):
            table[_key(form)] = name
    return MappingProxyType(table)


def _scan_table() -> Mapping[str, tuple[str, str]]:
    # Case-sensitive surface forms looked for where NER found nothing; case matters
    # ("US" the country, "us" the pronoun; "WHO" the agency).
    forms: dict[str, tuple[str, str]] = {}
    for name, _capital, dems, others in COUNTRIES:
        for form in (name, *others):
            forms[form.removeprefix("the ")] = ("country", name)
        for dem in dems:
            if dem not in forms:
                forms[dem] = ("country", name)
            plural = _plural(dem)
            if plural:
                forms[plural] = ("country", name)
    for name, others in ORGANISATIONS:
        for form in (name, *others):
            forms.setdefault(form, ("org", name))
    return MappingProxyType(forms)


_COUNTRY_NAMES, _DEMONYMS, _CAPITALS = _country_tables()
_ORGS = _org_table()
_SCAN = _scan_table()
_SCAN_FIRST_WORDS = frozenset(form.split()[0] for form in _SCAN)
# Words that may start a country/org name but are too common alone to look up blindly.
_CONTEXTUAL = MappingProxyType({"north": "North Korea", "south": "South Korea"})


def names_a_place(text: str) -> bool:
    """Whether ``text`` is the name of a country or of a capital, in any case ("SEOUL", "the DPRK")."""
    key = _key(text)
    return any(k in _COUNTRY_NAMES or k in _CAPITALS for k in (key, key.removeprefix("the ")))


@dataclass(slots=True)
class _Cluster:
    kind: str  # "country", "org", "person", "other"
    type: EntityType
    fixed_name: str | None = None
    forms: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    token_keys: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, mention: Mention, tokens: tuple[str, ...] = ()) -> None:
        self.mentions.append(mention)
        if all(_key(f) != _key(mention.text) for f in self.forms):
            self.forms.append(mention.text)
        if tokens and tokens not in self.token_keys:
            self.token_keys.append(tokens)

    @property
    def longest(self) -> tuple[str, ...]:
        return max(self.token_keys, key=len) if self.token_keys else ()

    def name(self) -> str:
        if self.fixed_name:
            return self.fixed_name

        def rank(form: str) -> tuple[int, int, int]:
            # Full names beat acronyms and SHOUTED datelines; then more words, then length.
            shouted = form.isupper()
            return (0 if shouted else 1, len(form.split()), len(form))

        return max(self.forms, key=rank)


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    text: str
    label: str
    tokens: list[Token]


#: The Penn Treebank's bracket tokens, as tokenized corpora write "(" and ")": punctuation, not
#: words of a name ("LONDON -LRB- Reuters -RRB- - BP said" made "-RRB- - BP" a company).
_OPENING_BRACKETS = frozenset(["(", "[", "{", "-LRB-", "-LSB-", "-LCB-"])
_CLOSING_BRACKETS = frozenset([")", "]", "}", "-RRB-", "-RSB-", "-RCB-"])
_TREEBANK_BRACKETS = frozenset(b for b in _OPENING_BRACKETS | _CLOSING_BRACKETS if b.startswith("-"))


def _punctuation(token: Token) -> bool:
    return token.is_punct or token.text in _TREEBANK_BRACKETS


def _bracket_parts(tokens: list[Token]) -> Iterator[tuple[bool, list[Token]]]:
    """The parts of a recognized span between the brackets inside it, each with whether it is
    inside a bracket opened in the span: "KKR & Co LP -LRB- KKR" is the company and, in
    brackets, its acronym; "Reuters -RRB- - Leading" runs out of a dateline's brackets into the
    sentence after them. What follows a bracket closed in the span goes on a name that a
    mention (one stretch of text) cannot give without its aside ("Karimullah (Sword of Dawn)
    Brigades"): left out."""
    part: list[Token] = []
    inside = closed = False
    for token in tokens:
        if token.text in _OPENING_BRACKETS or token.text in _CLOSING_BRACKETS:
            if part and not closed:
                yield inside, part
            closed = inside and token.text in _CLOSING_BRACKETS
            part, inside = [], token.text in _OPENING_BRACKETS
        else:
            part.append(token)
    if part and not closed:
        yield inside, part


# A dateline's time stamp the recognizer took for a name ("Fri Jun 10 , 2011 11:51", "Tue Mar"):
# weekdays, months, numbers, clock times and time zones, with nothing else.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_WEEKDAY_WORDS = frozenset(w for day in _WEEKDAYS for w in (day, day[:3], day[:3] + "."))
_STAMP_WORDS = _WEEKDAY_WORDS | frozenset(
    w for month in _MONTHS for w in (month, month[:3], month[:3] + ".", month[:4], month[:4] + "."))
_ZONES = frozenset({"GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
                    "ET", "PT", "IST", "JST", "AEST", "AEDT", "HKT", "SGT", "MSK"})
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d+|[ap]\.?m\.?", re.IGNORECASE)


def _time_stamp(tokens: list[Token]) -> bool:
    """Whether the span is a date and time and nothing else: weekdays, months, numbers, times,
    zones; a month alone may be a name ("June", "May"), so a weekday, a number or a time is needed."""
    dated = False
    for token in tokens:
        lower = token.lower_
        if lower in _WEEKDAY_WORDS or _CLOCK.fullmatch(token.text):
            dated = True
        elif not (lower in _STAMP_WORDS or token.text in _ZONES or token.is_punct):
            return False
    return dated


#: A wire's story code or a file name, not a name: a word that starts in lower case and holds a
#: digit ("nLDE73J1DG").
_CODE = re.compile(r"[a-z]\w*\d\w*")


def _after_a_time(tokens: list[Token]) -> list[Token]:
    """Without the time zone that starts the span when a time comes before it ("11:51 pm IST
    AMMAN" made "IST AMMAN" a company)."""
    while len(tokens) > 1 and tokens[0].text in _ZONES and tokens[0].i > 0 and (
            _CLOCK.fullmatch(tokens[0].nbor(-1).text)):
        tokens = tokens[1:]
    return tokens


def _strip(tokens: list[Token], label: str) -> list[Token]:
    while tokens and (tokens[-1].text in _POSSESSIVES or _punctuation(tokens[-1])):
        tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or _punctuation(tokens[0])):
        tokens = tokens[1:]
    if label == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in _PERSON_TITLES:
            tokens = tokens[1:]
    return tokens


def _raw(text_of_doc: str, tokens: list[Token], label: str) -> _Raw | None:
    tokens = _after_a_time(_strip(tokens, label))
    if not tokens or _time_stamp(tokens) or _CODE.fullmatch(tokens[0].text):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = " ".join(text_of_doc[start:end].split())
    if text.endswith(("'s", "’s")) and len(text) > 2:
        text, end = text[:-2], end - 2
    if not any(c.isalpha() for c in text):
        return None
    return _Raw(start, end, text, label, tokens)


#: Tags of words that are not names: common nouns, verbs, adjectives, adverbs.
_NOT_NAME_TAGS = frozenset({"NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS",
                            "RB", "RBR", "RBS"})


def _not_a_name(tokens: list[Token], label: str) -> bool:
    """A one-word "person" or "organisation" the tagger reads as a common noun, a verb or an
    adjective: a capital that only starts a sentence ("Leading ferry unions boycotted ...")
    or a caption run into the next sentence ("... in pigs Infection control experts are ..."),
    which the recognizer takes for a name. Asked after the tables (a country's adjective,
    "Syrian", is the country's) and unless the word is a surname the article has named ("Born",
    after "Brooksley Born")."""
    if label not in ("PERSON", "ORG") or len(tokens) != 1:
        return False
    token = tokens[0]
    return token.tag_ in _NOT_NAME_TAGS and not token.text.isupper()


#: Single-word places English names with "the" ("the Hague", "the Bronx"), besides acronyms ("the
#: USSR") and plurals ("the Carolinas", "the Balkans"); any other capitalised word after "the" that
#: the recognizer calls a place is a name of something else ("on the Trail", a newspaper's
#: campaign blog). Countries and capitals are in the tables above.
_PLACES_WITH_THE = frozenset({
    "hague", "bronx", "congo", "gambia", "crimea", "punjab", "caribbean", "vatican", "kremlin", "levant",
    "maghreb", "sahel", "sahara", "caucasus", "donbas", "donbass", "golan", "ruhr", "algarve", "riviera",
    "yukon", "midwest", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "gulf", "arctic", "antarctic", "amazon", "thames", "rhine", "nile", "danube", "euphrates", "tigris", "seine",
    "volga", "yangtze", "ganges", "indus", "hudson", "potomac", "mississippi", "missouri"})


def _unknown_place_after_the(raw: _Raw) -> bool:
    """A one-word "place" with "the" before it that English does not say so. A word that
    modifies a noun after it is not what "the" goes with ("the Jamaica-born sprinter", "the
    Texas senator", "the Selma march")."""
    token = raw.tokens[0]
    if (raw.label != "GPE" or len(raw.tokens) != 1 or token.i == 0 or token.nbor(-1).lower_ != "the"
            or token.text.isupper() or (token.lower_.endswith("s") and not token.lower_.endswith("ss"))):
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    modifies = token.head.i > token.i or (after is not None and (
        after.text == "-" or (after.is_lower and after.pos_ in ("NOUN", "PROPN") and not after.ent_type_)))
    return not modifies and token.lower_ not in _PLACES_WITH_THE


def _head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return tokens[-1]


def _capital_is_state(tokens: list[Token]) -> bool:
    """Whether a capital's mention stands for its government ("Seoul said", "Pyongyang's missiles")."""
    tok = _head(tokens)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.is_upper or (tok.is_sent_start and nxt is not None and nxt.text in (":", "(", "—", "-")):
        return False  # a dateline ("SEOUL:") says where the story was filed
    for _ in range(3):  # "with Washington and Seoul": a conjunct takes its first conjunct's role
        if tok.dep_ != "conj":
            break
        tok = tok.head
    dep, head = tok.dep_, tok.head
    if dep == "poss":
        return head.lower_ not in _CITY_HEAD_NOUNS
    if dep in ("nsubj", "nsubjpass"):
        return head.pos_ == "VERB"
    if dep == "dobj":
        return head.lemma_.lower() in _STATE_OBJECT_VERBS
    if dep == "pobj":
        return head.lower_ in _STATE_PREPS
    if dep == "compound":
        return head.lower_ in _STATE_HEAD_NOUNS
    return False


def _initials(tokens: Iterable[str]) -> str:
    return "".join(t[0] for t in tokens if t and t not in _ACRONYM_SKIP and t[0].isalpha()).lower()


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def _org_tokens(raw: _Raw) -> tuple[str, ...]:
    words = [_key(t.text) for t in raw.tokens]
    if words and words[0] in _ORG_PREFIX_EXPANSIONS:
        words = [*_ORG_PREFIX_EXPANSIONS[words[0]], *words[1:]]
    return tuple(words)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


class _Grouper:
    """Groups the mentions of one article; lives only for one call."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.clusters: list[_Cluster] = []
        self.by_key: dict[tuple[str, str], _Cluster] = {}
        self.covered: set[int] = set()
        self.last_person: dict[str, _Cluster] = {}

    def _keyed(self, kind: str, name: str, type_: EntityType) -> _Cluster:
        cluster = self.by_key.get((kind, name))
        if cluster is None:
            cluster = _Cluster(kind, type_, fixed_name=name if kind in ("country", "org") else None)
            self.by_key[(kind, name)] = cluster
            self.clusters.append(cluster)
        return cluster

    def _mention(self, raw: _Raw) -> Mention:
        self.covered.update(t.i for t in raw.tokens)
        return Mention(raw.start, raw.end, raw.text)

    def add(self, raw: _Raw) -> _Cluster | None:
        """File the mention under its referent's cluster, and return that (None when it is left
        out, or left until the whole article is seen)."""
        key = _key(raw.text)
        label = raw.label
        country = _COUNTRY_NAMES.get(key) or _DEMONYMS.get(key)
        if country is None and label in ("GPE", "LOC", "ORG"):
            # "the southern Republic of Korea": descriptive lowercase words before the name.
            k = 0
            while k < len(raw.tokens) and raw.tokens[k].is_lower:
                k += 1
            rest = raw.tokens[k:] if k else []
            stripped = _raw(self.text, list(rest), label) if rest else None
            if stripped is not None:
                country = _COUNTRY_NAMES.get(_key(stripped.text))
                if country is not None:
                    raw = stripped
        if country is None and key in _CAPITALS:
            if _capital_is_state(raw.tokens):
                country = _CAPITALS[key]
            else:
                city = self._keyed("other", key + "|GPE", "GPE")
                city.fixed_name = city.fixed_name or _title_if_shouted(raw.text)
                city.add(self._mention(raw))
                return city
        if country is not None:
            cluster = self._keyed("country", country, "GPE")
            cluster.add(self._mention(raw))
            return cluster
        if key in _CONTEXTUAL:
            return None  # decided once the whole article is seen
        if key in _ORGS:
            cluster = self._keyed("org", _ORGS[key], "ORG")
            cluster.add(self._mention(raw))
            return cluster
        if _not_a_name(raw.tokens, label) and not self._person_for((key,)):
            return None
        if label == "PERSON" or (len(raw.tokens) == 1 and self._person_for((key,))):
            return self._add_person(raw)
        if label == "ORG":
            return None if key in _TITLE_FRAGMENTS else self._add_org(raw)
        if _unknown_place_after_the(raw):
            return None
        type_: EntityType = label  # type: ignore[assignment]
        cluster = self._keyed("other", _key(raw.text) + "|" + label, type_)
        cluster.add(self._mention(raw))
        return cluster

    def add_bracketed(self, raw: _Raw, name: _Raw, named: _Cluster | None) -> None:
        """A name in brackets inside a recognized span, after the name ``name`` (filed under
        ``named``): its acronym ("Harbour Port Authority (HPA", "KKR & Co LP (KKR") is another name
        of it; anything else is left out: a ticker ("BX.N", "KO" for Coca-Cola), a senator's
        state ("R-Ky")."""
        if named is None or named.kind == "person" or not _is_acronym(raw.text):
            return
        letters = raw.text.replace(".", "").lower()
        words = _org_tokens(name)
        if letters == _initials(words) or (len(words) > 1 and letters in words):
            named.add(self._mention(raw), (_key(raw.text),))

    def _person_for(self, tokens: tuple[str, ...]) -> _Cluster | None:
        best: _Cluster | None = None
        for cluster in self.clusters:
            if cluster.kind != "person":
                continue
            if tokens in cluster.token_keys or _contains(cluster.longest, tokens):
                best = cluster  # later clusters are more recent referents
        return best

    def _add_person(self, raw: _Raw) -> _Cluster:
        tokens = tuple(_key(t.text) for t in raw.tokens)
        cluster = self._person_for(tokens)
        if cluster is None:
            cluster = _Cluster("person", "PERSON")
            self.clusters.append(cluster)
        cluster.add(self._mention(raw), tokens)
        return cluster

    def _add_org(self, raw: _Raw) -> _Cluster:
        tokens = _org_tokens(raw)
        acronym = _is_acronym(raw.text)
        match: _Cluster | None = None
        for cluster in self.clusters:
            if cluster.kind != "org" or cluster.fixed_name:
                continue
            for known in cluster.token_keys:
                same = known == tokens
                suffix = len(tokens) >= 2 and len(known) >= 2 and (
                    known[-len(tokens):] == tokens or tokens[-len(known):] == known)
                initials = acronym and len(known) > 1 and _initials(known) == tokens[0].replace(".", "")
                if same or suffix or initials:
                    match = cluster
        if match is None:
            match = _Cluster("org", "ORG")
            self.clusters.append(match)
        match.add(self._mention(raw), tokens)
        self._parenthesised_acronym(raw, match)
        return match

    def _parenthesised_acronym(self, raw: _Raw, cluster: _Cluster) -> None:
        # "Korean Central News Agency (KCNA)": the acronym is this organisation's.
        doc = self.doc
        i = raw.tokens[-1].i
        if (i + 3 < len(doc) and doc[i + 1].text in _OPENING_BRACKETS and doc[i + 3].text in _CLOSING_BRACKETS
                and _is_acronym(doc[i + 2].text)):
            tok = doc[i + 2]
            cluster.token_keys.append((tok.lower_,))

    def scan_missed(self) -> None:
        """Add mentions NER missed: table names and acronyms, "the North", known surnames."""
        doc = self.doc
        has_korea = any("Korea" in (c.fixed_name or "") for c in self.clusters) or (
            "Korea" in self.text and any(t.text.startswith("Korea") for t in doc if t.ent_type_))
        person_words = {w: c for c in self.clusters if c.kind == "person" for k in c.token_keys for w in k
                        if len(w) > 2}
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            if i in self.covered or not tok.text[:1].isupper():
                i += 1
                continue
            if tok.lower_ in _CONTEXTUAL and i > 0 and doc[i - 1].lower_ == "the" and has_korea and (
                    i + 1 >= n or not doc[i + 1].text[:1].isupper()):
                country = _CONTEXTUAL[tok.lower_]
                self._keyed("country", country, "GPE").add(self._mention(_Raw(
                    tok.idx, tok.idx + len(tok.text), tok.text, "GPE", [tok])))
                i += 1
                continue
            if tok.text in _SCAN_FIRST_WORDS:
                found = self._scan_at(i)
                if found:
                    i = found
                    continue
            cluster = person_words.get(tok.lower_)
            if cluster is not None and tok.pos_ == "PROPN" and not (
                    i + 1 < n and doc[i + 1].pos_ == "PROPN" and doc[i + 1].i not in self.covered):
                cluster.add(self._mention(_Raw(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", [tok])))
            i += 1

    def _scan_at(self, i: int) -> int:
        doc = self.doc
        limit = min(len(doc), i + _MAX_WINDOW)
        for j in range(limit, i, -1):
            if any(k in self.covered for k in range(i, j)):
                continue
            end_tok = doc[j - 1]
            text = " ".join(self.text[doc[i].idx:end_tok.idx + len(end_tok.text)].split())
            hit = _SCAN.get(text)
            if hit is None:
                continue
            # A capitalised form inside a longer proper name ("US Open") is not this one.
            if j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and hit[0] == "org":
                return 0
            kind, name = hit
            type_: EntityType = "GPE" if kind == "country" else "ORG"
            tokens = list(doc[i:j])
            self._keyed(kind, name, type_).add(self._mention(_Raw(
                tokens[0].idx, end_tok.idx + len(end_tok.text), text, type_, tokens)))
            return j
        return 0

    def contextual_ents(self, pending: list[_Raw]) -> None:
        has_korea = any("Korea" in (c.fixed_name or "") for c in self.clusters)
        for raw in pending:
            country = _CONTEXTUAL.get(_key(raw.text))
            if country and has_korea:
                self._keyed("country", country, "GPE").add(self._mention(raw))

    def merge_short_first(self) -> None:
        # "Kim ... Kim Jong Un": a short name seen first joins the full name seen later.
        people = [c for c in self.clusters if c.kind == "person"]
        for short in people:
            if len(short.longest) > 1:
                continue
            targets = [c for c in people if c is not short and _contains(c.longest, short.longest)]
            if len(targets) == 1:
                target = targets[0]
                target.mentions.extend(short.mentions)
                target.forms.extend(f for f in short.forms if f not in target.forms)
                self.clusters.remove(short)

    def entities(self) -> list[Entity]:
        ordered = sorted((c for c in self.clusters if c.mentions),
                         key=lambda c: min(m.start for m in c.mentions))
        out: list[Entity] = []
        for n, cluster in enumerate(ordered, start=1):
            name = cluster.name()
            mentions = tuple(sorted(cluster.mentions, key=lambda m: m.start))
            seen = {_key(name)}
            aliases: list[str] = []
            for m in mentions:
                k = _key(m.text)
                if k not in seen:
                    seen.add(k)
                    aliases.append(m.text)
            out.append(Entity(f"e{n}", name, cluster.type, tuple(aliases), mentions))
        return out


def _title_if_shouted(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 3 else text


def extract_entities(doc: Doc) -> list[Entity]:
    """The article's entities, one per referent, ``e1``... in order of first mention."""
    grouper = _Grouper(doc)
    pending: list[_Raw] = []
    for ent in doc.ents:
        if ent.label_ not in _TYPES:
            continue
        name: _Raw | None = None
        named: _Cluster | None = None
        for bracketed, tokens in _bracket_parts(list(ent)):
            raw = _raw(grouper.text, tokens, ent.label_)
            if raw is None:
                continue
            if bracketed:
                if name is not None:
                    grouper.add_bracketed(raw, name, named)
            elif _key(raw.text) in _CONTEXTUAL and _key(raw.text) not in _COUNTRY_NAMES:
                pending.append(raw)
            else:
                name, named = raw, grouper.add(raw)
    grouper.contextual_ents(pending)
    grouper.scan_missed()
    grouper.merge_short_first()
    return grouper.entities()


def entities_component(doc: Doc) -> Doc:
    """spaCy component: set ``doc._.entities``."""
    doc._.entities = extract_entities(doc)
    return doc


def entity_spans(doc: Doc, entities: Iterable[Entity]) -> list[tuple[Span, Entity]]:
    """Token spans of every mention, for components that work on tokens."""
    out: list[tuple[Span, Entity]] = []
    for entity in entities:
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.append((span, entity))
    return out
