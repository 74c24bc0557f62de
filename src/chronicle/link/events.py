"""Cross-document event linking: one happening, however many sentences report it.

Two stages, as in entity resolution:

1. **Blocking by compatible dates.** Two mentions can only be one happening if their
   intervals overlap: a day inside a week or a month can join it, two different days
   cannot. A group must keep a common interval, and its first mention (the one the
   timeline dates the event by) is its finest-dated one.
2. **A same-event decision from combined features** on each candidate pair:
   content-word overlap, shared names (or the extractor's ``actors``), shared or
   conflicting numbers, and the event words: a small table of synonyms ("visited" /
   "toured" / "inspection") and antonyms ("condemned" / "welcomed") that no bag of
   words or sentence embedding gets right on its own (see ``/work/shared/STACK.md``:
   "Sullivan condemned" vs "Sullivan welcomed" embed at cosine 0.70 while a true
   paraphrase scores 0.43). An optional sentence embedding adds paraphrase recall.

Groups are then formed by average-linkage agglomerative clustering over candidate
pairs only, which keeps a topic of a few thousand mentions well under a second. Mentions whose
dates cannot meet, even through a week or month between them, are in different date windows
(:func:`date_windows`), each linked on its own in memory that follows its size.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from chronicle.models import EventMention, Granularity, LinkedEvent

__all__ = [
    "EVENT_CLASSES",
    "PairFeatures",
    "compatible",
    "date_windows",
    "link_events",
    "mention_features",
    "pair_features",
    "pair_score",
]

Embed = Callable[[list[str]], npt.NDArray[np.floating]]

# ---------------------------------------------------------------------------------------
# Lexicon

_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at for from by with as is are was were be been being has have had "
    "that this these those it its his her their they them he she we you i our us not no said says say "
    "told will would could should may might can also after before about over into than then there which "
    "who whom what when where while up out new more most other some such only just very so if do did does "
    "according all both each any own per via amid among against during since until "
    "week month year day today yesterday tomorrow morning afternoon evening night earlier later last next "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "him me my mr mrs ms dr".split()
)
# Capitalized words that are not names: sentence starters, titles and calendar words.
_NOT_NAMES = _FUNCTION_WORDS | frozenset(
    "president minister secretary chief leader spokesman spokeswoman adviser general state states "
    "government officials official reuters ap afp".split()
)

#: Event words by class (stems, see :func:`_stem`): reports of one happening use words of
#: one class even when they share no word ("visited" / "conducted his tour").
EVENT_CLASSES: dict[str, frozenset[str]] = {
    "visit": frozenset("visit tour inspect inspection trip".split()),
    "launch": frozenset("fire launch test-fire testfire".split()),
    "condemn": frozenset("condemn denounce criticise criticize decry slam deplore rebuke".split()),
    "welcome": frozenset("welcome praise hail applaud commend".split()),
    "strike": frozenset("strike walkout walk stoppage picket".split()),
    "vote": frozenset("vote ballot poll referendum".split()),
    "approve": frozenset("approve ratify endorse adopt pass accept".split()),
    "reject": frozenset("reject veto refuse oppose".split()),
    "deal": frozenset("deal agreement settlement accord pact agree".split()),
    "talks": frozenset("talk negotiation negotiate meet meeting summit".split()),
    "breakdown": frozenset("pause collapse suspend stall break breakdown".split()),
    "attack": frozenset("attack bomb bombing shell shelling airstrike raid blast explosion".split()),
    "die": frozenset("kill dead die death toll casualty".split()),
    "court": frozenset("court injunction ruling rule judge verdict order".split()),
    "arrest": frozenset("arrest detain custody".split()),
    "resign": frozenset("resign resignation quit".split()),
    "elect": frozenset("elect election win victory".split()),
    "raise": frozenset("raise hike lift increase rise".split()),
    "cut": frozenset("cut lower reduce decrease fall".split()),
    "sanction": frozenset("sanction embargo".split()),
    "begin": frozenset("begin began begun start open".split()),
    "return": frozenset("return resume".split()),
    "statement": frozenset("statement declaration communique".split()),
}
#: Classes that cannot name the same happening: an event condemned is not one welcomed.
_ANTONYMS = frozenset(
    frozenset(p)
    for p in (("condemn", "welcome"), ("approve", "reject"), ("raise", "cut"), ("deal", "breakdown"))
)
_OPPOSITE: dict[str, frozenset[str]] = {
    c: frozenset(x for pair in _ANTONYMS if c in pair for x in pair if x != c) for pair in _ANTONYMS for c in pair
}
_POLAR = frozenset(_OPPOSITE)
_CLASS_OF: dict[str, frozenset[str]] = {}
for _name, _stems in EVENT_CLASSES.items():
    for _stem_word in _stems:
        _CLASS_OF[_stem_word] = _CLASS_OF.get(_stem_word, frozenset()) | {_name}
del _name, _stems, _stem_word

_WORD = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*\d|\d")
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "hundred": "100",
}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _stem(word: str) -> str:
    """A crude suffix stripper: enough to meet "visited", "visits" and "visit"."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2] if not w.endswith("eed") else w[:-1]
        if w.endswith("i"):
            w = w[:-1] + "y"
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxzh":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    # Undo consonant doubling ("stopped" -> "stopp" -> "stop") and restore a lost final e
    # only where it matters for the lexicon ("welcom" -> "welcome", "rais" -> "raise").
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return _E_RESTORE.get(w, w)


_E_RESTORE = {
    s[:-1]: s for stems in EVENT_CLASSES.values() for s in stems if s.endswith("e") and len(s) > 3
}


# ---------------------------------------------------------------------------------------
# Per-mention features


@dataclass(frozen=True, slots=True)
class _Features:
    words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    classes: frozenset[str]
    #: Adjacent content-word pairs that contain an event word ("joint statement", "pay
    #: deal"): the name a story gives its happening, which outlets repeat.
    phrases: frozenset[str]
    negated: bool


def _number(token: str) -> str | None:
    raw = token.replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return None
    return f"{value:g}"


def mention_features(mention: EventMention) -> _Features:
    """Content-word stems, names, numbers and event classes of one mention's sentence."""
    text = mention.sentence
    words: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    classes: set[str] = set()
    phrases: set[str] = set()
    previous: str | None = None
    tokens = [m.group(0) for m in _WORD.finditer(text)]
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = _number(token)
            previous = None
            if value is not None:
                nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
                if nxt in _SCALE:  # "4 million" and "4,000,000" are one number
                    value = f"{float(value) * _SCALE[nxt]:g}"
                numbers.add(value)
            continue
        lower = token.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        lower = lower.strip("'")
        if lower in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS[lower])
            previous = None
            continue
        if len(lower) < 2 or lower in _FUNCTION_WORDS:
            previous = None
            continue
        stem = _stem(lower)
        words.add(stem)
        if previous is not None and (previous in _CLASS_OF or stem in _CLASS_OF):
            phrases.add(f"{previous} {stem}")
        previous = stem
        # Names are capitalized words that are neither sentence starters nor titles; an
        # all-caps acronym (KCNA, VDU) is a name too.
        if token[0].isupper() and lower not in _NOT_NAMES and (i > 0 or token.isupper() or len(tokens) == 1):
            names.add(stem)
        for part in (stem, *stem.split("-")):
            found = _CLASS_OF.get(part)
            if found:
                classes.update(found)
    if mention.trigger:
        trigger = _stem(mention.trigger.lower())
        words.add(trigger)
        classes.update(_CLASS_OF.get(trigger, ()))
    for actor in mention.actors:
        names.update(_stem(w.lower()) for w in _WORD.findall(actor) if w.lower() not in _NOT_NAMES)
    return _Features(
        frozenset(words), frozenset(names), frozenset(numbers), frozenset(classes), frozenset(phrases), mention.negated
    )


# ---------------------------------------------------------------------------------------
# Pair features and the decision


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """What two mentions share, each in [0, 1] (numbers and events: -1 conflict, +1 agree)."""

    words: float
    names: float
    numbers: float
    events: float
    phrase: float
    antonym: bool
    cosine: float | None = None


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _agreement(a: frozenset[str], b: frozenset[str]) -> float:
    """+1 when both sets are known and share something, -1 when they share nothing, else 0."""
    if not a or not b:
        return 0.0
    return 1.0 if a & b else -1.0


def _words(a: frozenset[str], b: frozenset[str]) -> float:
    """Mean of the overlap coefficient and the Dice coefficient: the first alone calls a
    short sentence the same as any longer one containing its three words."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (shared / min(len(a), len(b)) + 2 * shared / (len(a) + len(b))) / 2


def pair_features(a: _Features, b: _Features, cosine: float | None = None) -> PairFeatures:
    """Compare two mentions' features."""
    numbers = _agreement(a.numbers, b.numbers)
    opposite = frozenset().union(*(_OPPOSITE.get(c, frozenset()) for c in a.classes)) if a.classes else frozenset()
    antonym = bool(opposite & b.classes) and not (a.classes & b.classes & _POLAR)
    # Both name who was involved and nobody is in common: a conflict, not just no evidence.
    names = _overlap(a.names, b.names) if _agreement(a.names, b.names) >= 0 else -1.0
    events = _agreement(a.classes, b.classes)
    if a.negated != b.negated:  # "did not sign" and "signed" are not one happening
        antonym = True
    phrase = 1.0 if a.phrases & b.phrases else 0.0
    return PairFeatures(_words(a.words, b.words), names, numbers, events, phrase, antonym, cosine)


#: Weights of the lexical score. Set by hand from what each feature means (word overlap
#: is the main evidence, names and the event word corroborate, numbers mostly veto), then
#: the threshold was chosen on the dev half of ``tests/link/event_pairs.py``.
_W_WORDS, _W_NAMES, _W_NUMBERS, _W_EVENTS, _W_PHRASE = 0.55, 0.25, 0.2, 0.15, 0.25
_W_NAME_CONFLICT = 0.15
#: Weight of the embedding cosine in the combined score (the rest is the lexical score).
_W_COSINE = 0.5
#: Decision thresholds (chosen on the dev half; see ``benchmarks/event_linking.py``).
LEXICAL_THRESHOLD = 0.25
COMBINED_THRESHOLD = 0.35
#: Two mentions of one article are one happening only when nearly everything agrees
#: (a headline or lead restated in the body), never on a mere shared topic.
SAME_ARTICLE_MARGIN = 0.2
#: Lexical scores between which the embedding is worth computing (see :func:`link_events`).
EMBED_FLOOR, EMBED_CEILING = 0.1, 0.7


def lexical_score(f: PairFeatures) -> float:
    """A same-event score in about [-0.3, 1] from the lexical features."""
    if f.antonym:
        return -1.0
    names = _W_NAMES * f.names if f.names >= 0 else _W_NAME_CONFLICT * f.names
    return (
        _W_WORDS * f.words + names + _W_NUMBERS * f.numbers + _W_EVENTS * f.events
        + _W_PHRASE * f.phrase
    )


def pair_score(f: PairFeatures, mode: str = "auto") -> float:
    """The same-event score of a pair: ``lexical``, ``embedding`` or ``combined``
    (``auto``: combined when a cosine is known, lexical otherwise)."""
    if mode == "embedding":
        return f.cosine if f.cosine is not None else 0.0
    lexical = lexical_score(f)
    if mode == "lexical" or f.cosine is None:
        return lexical
    if f.antonym:
        return -1.0
    return (1 - _W_COSINE) * lexical + _W_COSINE * f.cosine


def threshold_for(mode: str) -> float:
    return {"lexical": LEXICAL_THRESHOLD, "combined": COMBINED_THRESHOLD}.get(mode, COMBINED_THRESHOLD)


# ---------------------------------------------------------------------------------------
# Dates

_FINENESS: dict[Granularity, int] = {
    "day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "century": 6,
}


def compatible(a_first: dt.date, a_last: dt.date, b_first: dt.date, b_last: dt.date) -> bool:
    """Intervals overlap: the same day, or a day inside a week or month, or nested periods."""
    return a_first <= b_last and b_first <= a_last


@dataclass(slots=True)
class _Unit:
    """Mentions linked before any scoring: one sentence's coordinated dates ("on Monday
    and Tuesday") are one happening spread over days, not two happenings."""

    mentions: list[EventMention]
    first: dt.date
    last: dt.date
    fineness: int
    article: str
    sentences: frozenset[int]


_COORDINATED = re.compile(r"^\W*(?:and|to|through|till|until|or|[-–])\W*(?:on\s+)?$", re.IGNORECASE)


def _units(mentions: Sequence[EventMention]) -> list[_Unit]:
    by_sentence: dict[tuple[str, int], list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.article_id, m.sentence_index)].append(m)
    units: list[_Unit] = []
    for (article, index), group in by_sentence.items():
        group.sort(key=lambda m: (m.first, m.last))
        current = [group[0]]
        for m in group[1:]:
            prev = current[-1]
            if _coordinated(prev, m):
                current.append(m)
            else:
                units.append(_unit(current, article, index))
                current = [m]
        units.append(_unit(current, article, index))
    return units


def _coordinated(a: EventMention, b: EventMention) -> bool:
    """Consecutive days written as one phrase: "Monday and Tuesday", "March 3 to 4"."""
    if a.granularity != "day" or b.granularity != "day" or (b.first - a.last).days != 1:
        return False
    if not a.time_expression or not b.time_expression:
        return False
    text = a.sentence
    i = text.find(a.time_expression)
    j = text.find(b.time_expression, i + len(a.time_expression)) if i >= 0 else -1
    return i >= 0 and j >= 0 and bool(_COORDINATED.match(text[i + len(a.time_expression) : j]))


def _unit(mentions: list[EventMention], article: str, index: int) -> _Unit:
    return _Unit(
        mentions=list(mentions),
        first=min(m.first for m in mentions),
        last=max(m.last for m in mentions),
        fineness=min(_FINENESS[m.granularity] for m in mentions),
        article=article,
        sentences=frozenset({index}),
    )


# ---------------------------------------------------------------------------------------
# Linking


#: Above this many date-compatible mentions at once, a mention is no longer compared with all
#: of them. The busiest Timeline17 topic (bpoil_bbc, bpoil_foxnews) peaks at 236, so stories
#: of news articles are linked exactly; a feed of thousands of one day's entries is not, since
#: every pair of them made memory grow with the square of the feed (10,000 entries: 23 GB).
EXACT_BLOCK = 300
#: In a block above :data:`EXACT_BLOCK`, each mention is compared with at most this many others:
#: those sharing most of its content words, among the latest :data:`POSTINGS_SCANNED` holders of
#: each of its words. Reports of one happening share their words, so the candidates a mention
#: loses are those with the least evidence of being its event.
BLOCK_CANDIDATES = 20
POSTINGS_SCANNED = 50
#: The most sentences one linked event gathers. The largest on Timeline17 has 141 (the oil
#: spill's flow, reported daily); without a bound, a feed repeating one phrase merges into one
#: event whose every merge revisits all its neighbours, a cost that grows with its square.
MAX_EVENT_UNITS = 500


def _candidate_pairs(
    units: Sequence[_Unit], features: Mapping[int, _Features] | Sequence[_Features], window: Sequence[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Date-compatible pairs that share at least one content word, by a sweep over start dates
    (bounded per mention in blocks of more than :data:`EXACT_BLOCK` mentions).

    ``window`` (unit numbers, default all) limits the sweep to one date window: the units
    outside it are never active while its units are, so its pairs are the same as in a sweep
    over everything.
    """
    order = sorted(range(len(units)) if window is None else window, key=lambda i: units[i].first)
    # Active units in the order they came (a dict keeps it), retired by a heap of end dates.
    active: dict[int, None] = {}
    ending: list[tuple[dt.date, int]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i in order:
        u = units[i]
        while ending and ending[0][0] < u.first:
            active.pop(heapq.heappop(ending)[1], None)
        wi = features[i].words
        others = active if len(active) <= EXACT_BLOCK else _blocked(wi, active, postings)
        for j in others:
            if units[j].mentions[0] is u.mentions[0]:
                continue
            same_sentence = units[j].article == u.article and units[j].sentences & u.sentences
            # One sentence with two separate dates reports two happenings by construction.
            if same_sentence or not (wi & features[j].words):
                continue
            yield min(i, j), max(i, j)
        active[i] = None
        heapq.heappush(ending, (u.last, i))
        for word in wi:
            postings[word].append(i)


def _blocked(words: frozenset[str], active: dict[int, None], postings: dict[str, list[int]]) -> list[int]:
    """The active units sharing most of ``words``, at most :data:`BLOCK_CANDIDATES` of them."""
    shared: dict[int, int] = defaultdict(int)
    for word in sorted(words):
        holders = postings.get(word)
        if not holders:
            continue
        live = retired = 0
        # Latest first; retired units are skipped (and dropped when many are in the way).
        for j in reversed(holders):
            if j in active:
                shared[j] += 1
                live += 1
                if live >= POSTINGS_SCANNED:
                    break
            else:
                retired += 1
        if retired > 2 * POSTINGS_SCANNED:
            holders[:] = [j for j in holders if j in active]
    best = heapq.nlargest(BLOCK_CANDIDATES, shared.items(), key=lambda kv: (kv[1], kv[0]))
    return sorted(j for j, _ in best)


def date_windows(units: Sequence[_Unit]) -> list[list[int]]:
    """The units' numbers (ascending) in date windows that cannot link to each other.

    A window is a run of units, by start date, each of which starts on or before the last
    day any earlier unit of the run covers; the next unit starting later overlaps none of
    them, nor anything the run could be merged with (a merge keeps a common interval). A month
    or a week mention joins the days it covers, and through them the next window.
    """
    order = sorted(range(len(units)), key=lambda i: units[i].first)
    windows: list[list[int]] = []
    reach = dt.date.min
    for i in order:
        u = units[i]
        if not windows or u.first > reach:
            windows.append([])
            reach = u.last
        windows[-1].append(i)
        reach = max(reach, u.last)
    return [sorted(w) for w in windows]


def link_events(
    mentions: list[EventMention],
    *,
    embed: Embed | None = None,
    threshold: float | None = None,
    mode: str = "auto",
) -> list[LinkedEvent]:
    """Group mentions of one happening; every mention ends in exactly one event.

    ``embed`` (texts -> L2-normalised rows, e.g. :func:`chronicle.link.embeddings.load_embedder`)
    adds sentence similarity to the decision; only mentions with a date-compatible
    candidate are embedded. Each event's first mention is its finest-dated one.

    Each date window (:func:`date_windows`) is linked on its own, its word features, candidate
    pairs and scores let go before the next: memory follows the largest window, not the story.
    Units keep their numbers across windows, so every order and tie is the one a single pass over
    all mentions would see, and the events are the same.
    """
    if not mentions:
        return []
    units = _units(mentions)
    if mode == "auto":
        mode = "combined" if embed is not None else "lexical"
    cut = threshold if threshold is not None else threshold_for(mode)
    return _events(units, [c for window in date_windows(units) for c in _link_window(units, window, embed, mode, cut)])


def _events(units: Sequence[_Unit], found: list[tuple[int, list[list[int]]]]) -> list[LinkedEvent]:
    """The events of connected components' groups, by date: components are taken in the order of
    their first unit, as one pass over all units finds them, so that every tie falls the same way."""
    found.sort(key=lambda component: component[0])
    events: list[LinkedEvent] = []
    for _, groups in found:
        for group in groups:
            members = [m for i in group for m in units[i].mentions]
            # The representative (the timeline's summary) is the finest-dated report written on or
            # after the day, not an announcement made before it ("the strike will begin Monday"),
            # and the earliest in its article: a lead states the event, later sentences details.
            members.sort(key=lambda m: (_FINENESS[m.granularity], m.first, m.published < m.first, m.published,
                                        m.sentence_index, m.article_id))
            events.append(LinkedEvent(tuple(members)))
    events.sort(key=lambda e: (e.mentions[0].first, e.mentions[0].article_id, e.mentions[0].sentence_index))
    return events


@dataclass(slots=True)
class _Scores:
    """Candidate pairs and their scores in the order they were found, as flat arrays: a dict of
    tuples and floats took 150 bytes a pair, and a date window can hold most of a story's pairs."""

    first: array[int] = field(default_factory=lambda: array("q"))
    second: array[int] = field(default_factory=lambda: array("q"))
    score: array[float] = field(default_factory=lambda: array("d"))

    def add(self, i: int, j: int, score: float) -> None:
        self.first.append(i)
        self.second.append(j)
        self.score.append(score)

    def pairs(self, positions: Iterable[int]) -> Iterator[tuple[int, int, float]]:
        first, second, score = self.first, self.second, self.score
        return ((first[k], second[k], score[k]) for k in positions)


def _link_window(
    units: Sequence[_Unit], window: list[int], embed: Embed | None, mode: str, cut: float
) -> list[tuple[int, list[list[int]]]]:
    """The groups of one date window's units, by connected component (keyed by its first unit)."""
    features = {i: mention_features(units[i].mentions[0]) for i in window}
    scores = _Scores()
    for i, j in _candidate_pairs(units, features, window):
        scores.add(i, j, lexical_score(pair_features(features[i], features[j])))
    if embed is not None and mode != "lexical":
        # Embedding is the slow part: only pairs the cosine could still decide are
        # embedded (below the floor a pair needs an implausibly high cosine to pass; above
        # the ceiling any cosine passes), and each distinct sentence once.
        uncertain = [k for k, s in enumerate(scores.score) if EMBED_FLOOR <= s < EMBED_CEILING]
        texts = sorted({units[i].mentions[0].sentence for k in uncertain for i in (scores.first[k], scores.second[k])})
        if texts:
            row = {t: r for r, t in enumerate(texts)}
            vectors = np.asarray(embed(texts), dtype=np.float32)
            for k in uncertain:
                i, j = scores.first[k], scores.second[k]
                cosine = float(vectors[row[units[i].mentions[0].sentence]] @ vectors[row[units[j].mentions[0].sentence]])
                scores.score[k] = pair_score(pair_features(features[i], features[j], cosine), mode)
    del features
    for k, (i, j) in enumerate(zip(scores.first, scores.second, strict=True)):
        if units[i].article == units[j].article:
            scores.score[k] -= SAME_ARTICLE_MARGIN
    return _cluster(units, scores, cut, window)


def _cluster(units: Sequence[_Unit], scores: _Scores, cut: float, numbers: Iterable[int]) -> list[tuple[int, list[list[int]]]]:
    """Average-linkage agglomerative clustering over scored pairs (unscored pairs count 0).

    Two passes: first only across articles (two outlets agreeing is the evidence this
    stage exists for), then within articles, so that a week-dated lead ("visited
    factories this week") joins another outlet's dated report of the visit before it can
    be absorbed by a photo caption of its own article dated by the photo's release. A
    merge must keep a common date interval for the whole group, so a week mention never
    glues together two different days of that week.

    Returns each connected component's groups with the component's first unit (in the order
    of ``numbers``).
    """
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j, s in scores.pairs(range(len(scores.score))):
        if s >= cut:
            neighbours[i].add(j)
            neighbours[j].add(i)
    # Connected components of the above-threshold graph are independent problems, and small.
    seen: set[int] = set()
    components: list[list[int]] = []
    for start in numbers:
        if start in seen:
            continue
        component = []
        stack = [start]
        seen.add(start)
        while stack:
            i = stack.pop()
            component.append(i)
            for j in neighbours.get(i, ()):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        components.append(component)
    del neighbours, seen
    # Each component's own pairs, in the order they were scored, sorted out in one pass (a pass
    # over all scores per component was 113 of 117 s on 23,700 mentions of 3,149 articles).
    home = {i: k for k, c in enumerate(components) if len(c) > 1 for i in c}
    inside: dict[int, array[int]] = defaultdict(lambda: array("q"))
    for position, (i, j) in enumerate(zip(scores.first, scores.second, strict=True)):
        k = home.get(i)
        if k is not None and home.get(j) == k:
            inside[k].append(position)
    del home
    found: list[tuple[int, list[list[int]]]] = []
    for k, component in enumerate(components):
        if len(component) == 1:
            found.append((component[0], [component]))
            continue
        own = inside.pop(k)
        clusters = _agglomerate([[i] for i in component], units, scores.pairs(own), cut, across_only=True)
        found.append((component[0], _agglomerate(clusters, units, scores.pairs(own), cut, across_only=False)))
    return found


def _agglomerate(
    clusters_in: list[list[int]],
    units: Sequence[_Unit],
    scores: Iterable[tuple[int, int, float]],
    cut: float,
    *,
    across_only: bool,
) -> list[list[int]]:
    clusters: dict[int, list[int]] = {k: list(c) for k, c in enumerate(clusters_in)}
    spans: dict[int, tuple[dt.date, dt.date]] = {
        k: (max(units[i].first for i in c), min(units[i].last for i in c)) for k, c in clusters.items()
    }
    articles: dict[int, set[str]] = {k: {units[i].article for i in c} for k, c in clusters.items()}
    # Sums of member-pair scores between clusters, kept up to date on each merge (the
    # Lance-Williams update for average linkage), so a merge costs the number of
    # neighbouring clusters rather than a full recomputation.
    home = {i: k for k, c in clusters.items() for i in c}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for i, j, score in scores:
        if i in home and j in home and home[i] != home[j]:
            a, b = home[i], home[j]
            # Both directions hold one float: the sums are equal, and a component can have
            # hundreds of thousands of them.
            sums[a][b] = sums[b][a] = sums[a].get(b, 0.0) + score

    version = dict.fromkeys(clusters, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(ka: int, kb: int) -> None:
        fa, la = spans[ka]
        fb, lb = spans[kb]
        if not compatible(fa, la, fb, lb) or (across_only and articles[ka] & articles[kb]):
            return
        avg = sums[ka][kb] / (len(clusters[ka]) * len(clusters[kb]))
        if avg >= cut:
            heapq.heappush(heap, (-avg, ka, kb, version[ka], version[kb]))

    for ka, row in sums.items():
        for kb in row:
            if ka < kb:
                push(ka, kb)
    # A heap of candidate merges, with stale entries skipped on pop (a merged cluster gets
    # a new version), keeps a few-hundred-mention component well under a second.
    while heap:
        _, ka, kb, va, vb = heapq.heappop(heap)
        if ka not in clusters or kb not in clusters or version[ka] != va or version[kb] != vb:
            continue
        if len(clusters[ka]) + len(clusters[kb]) > MAX_EVENT_UNITS:
            continue
        clusters[ka].extend(clusters.pop(kb))
        articles[ka] |= articles.pop(kb)
        fa, la = spans[ka]
        fb, lb = spans.pop(kb)
        spans[ka] = (max(fa, fb), min(la, lb))
        version[ka] += 1
        for kc, total in sums.pop(kb).items():
            if kc == ka:
                continue
            sums[ka][kc] = sums[ka].get(kc, 0.0) + total
            sums[kc][ka] = sums[ka][kc]
            del sums[kc][kb]
        sums[ka].pop(kb, None)
        for kc in sums[ka]:
            push(ka, kc) if ka < kc else push(kc, ka)
    return list(clusters.values())
