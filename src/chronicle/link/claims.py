"""Claims across articles: the same statement grouped, disagreements flagged.

Two reports of one statement share its speaker and most of its content words. A
disagreement is either a denial of what another speaker asserts or condemns ("has
denied US accusations that it supplied arms" against "condemned the arms transfers"),
or two speakers giving different figures for the same kind of thing ("more than 4,000
workers" against "about 1,200"), within a few days of each other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from chronicle.models import Claim, ClaimGroup, Disagreement
from chronicle.settings import DEFAULTS

__all__ = ["figures", "group_claims", "link_claims"]

_WORD = re.compile(r"[\w’']+")
_STOPWORDS = frozenset(
    """a an the and or but of to in on at for from by with as is are was were be been being has have had
    that this these those it its his her their they them he she we you i not no said says say will would
    could should may might can also after before about over into than then there which who whom what when
    where while up out more most other some such only just very so if do did does had its it's any all""".split()
)
# Accusations and denials name their subject in these words; they are not the subject.
_DETERMINERS = frozenset("the a an its their his her".split())
_FRAME_WORDS = frozenset("accusations accusation accused claims claim allegations allegation reports report".split())
#: Share of a story's claims above which a word is the story's, not a claim's.
_COMMON_SHARE = 0.15

_NUMBER = re.compile(
    r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<scale>\s+(?:thousand|million|billion))?"
    r"\s+(?P<unit>[a-z-]+)(?:\s+(?P<next>[a-z]+))?",
    re.IGNORECASE,
)
_MODIFIERS = frozenset(
    "more new other extra additional striking foreign local migrant more-than former armed young".split()
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Counted nouns that all count people: "4,000 members" and "1,200 workers" measure one thing.
#: Soldiers and police counted apart from civilians: "120 soldiers killed" and "27 people killed"
#: are two tolls.
_COMBATANTS = frozenset("soldiers troops police policemen officers personnel fighters rebels militants".split())
_PEOPLE = frozenset(
    """people persons workers members employees staff dockworkers strikers protesters demonstrators
    civilians soldiers troops residents voters children adults men women students patients""".split()
)


def _content(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (m.group(0).casefold().strip("’'") for m in _WORD.finditer(text))
        if len(w) > 1 and w not in _STOPWORDS and not w.isdigit()
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _speaker(claim: Claim) -> str:
    return " ".join((claim.speaker or "").casefold().split())


def _same_side(a: str, b: str) -> bool:
    """Whether two speaker names can be one party: "the port authority" and "The Valmora Port
    Authority" are; "the union" and "the port authority" are not."""
    wa, wb = set(a.split()) - _DETERMINERS, set(b.split()) - _DETERMINERS
    return bool(wa and wb) and (wa <= wb or wb <= wa)


_FRAMED = re.compile(
    r"^\W*(?:the\s+|any\s+)?(?:accusations?|allegations?|claims?|charges?|reports?|suggestions?)\s+(?:that|of)\b",
    re.IGNORECASE,
)
# What may come is not contradicted by a denial of what is: "denied that Syria was in civil
# war" against "the crackdown could lead to civil war".
_HEDGED = re.compile(r"\b(?:could|might|may|would|risks?|fears?|afraid|likely|warn\w*|threaten\w*)\b", re.IGNORECASE)
_ACCUSER_BEFORE = re.compile(
    r"\b(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s|’s)?\s+(?:accusations?|claims?|allegations?|charges?|reports?)\b"
)
_ACCUSER_AFTER = re.compile(
    r"\b(?:accusations?|claims?|allegations?|charges?|reports?)\s+(?:by|from)\s+(?:the\s+)?(\w+(?:\s+\w+)?)",
    re.IGNORECASE,
)
# Short forms news uses for a state's government.
_STATE_ALIASES = {"us": "united states", "u.s.": "united states", "america": "united states",
                  "washington": "united states", "uk": "united kingdom", "britain": "united kingdom"}


def _alias(name: str) -> str:
    words = [_STATE_ALIASES.get(w, w) for w in name.casefold().split()]
    return " ".join(words)


def _accuser(text: str) -> str | None:
    """Whose claims a denial denies, when it says so: "US accusations that ..." gives "us"."""
    m = _ACCUSER_AFTER.search(text) or _ACCUSER_BEFORE.search(text)
    return _alias(m.group(1)) if m else None


def group_claims(claims: Iterable[Claim], threshold: float = DEFAULTS.same_statement_overlap) -> list[ClaimGroup]:
    """Group reports of the same statement by the same speaker (across articles)."""
    groups: list[list[Claim]] = []
    # Only claims of one speaker and stance can be one statement: compare within that block.
    blocks: dict[tuple[str, str], list[tuple[list[Claim], frozenset[str], frozenset[str]]]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.date or "", c.article)):
        words = _content(claim.text)
        quoted = _quoted_shingles(claim.text)
        block = blocks[(_speaker(claim), claim.stance)]
        for members, head_words, head_quoted in block:
            if all(m.article != claim.article for m in members) and (
                _overlap(words, head_words) >= threshold
                or bool(quoted & _shingles(members[0].text)) or bool(head_quoted & _shingles(claim.text))
            ):
                members.append(claim)
                break
        else:
            members = [claim]
            block.append((members, words, quoted))
            groups.append(members)
    return [ClaimGroup(tuple(members)) for members in groups]


_QUOTED = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
#: Words in a row two outlets must share from a quotation to be quoting one statement.
_QUOTE_SHINGLE = 4


def _shingles(text: str) -> frozenset[str]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return frozenset(" ".join(words[i : i + _QUOTE_SHINGLE]) for i in range(len(words) - _QUOTE_SHINGLE + 1))


def _quoted_shingles(text: str) -> frozenset[str]:
    """Runs of words inside the claim's quotation marks: the speaker's own words, which two
    outlets quoting one statement share however differently they paraphrase the rest."""
    return frozenset().union(*(_shingles(m.group(1)) for m in _QUOTED.finditer(text)))


_PROJECTION = re.compile(
    r"\b(?:could|would|might|may|expects?|expected|forecasts?|projected|predicts?|predicted|"
    r"up\s+to|as\s+many\s+as|estimates?\s+(?:that|of)|if)\b",
    re.IGNORECASE,
)
#: Words around a figure that say what it counts, apart from its noun ("walked out",
#: "stopped work", "killed"): two figures clash only if they share one.
_FIGURE_WINDOW = 6


def _figure_subjects(text: str) -> frozenset[str]:
    """The common words within a few words of each figure of ``text`` (what is counted and
    what happened to it; names and places say where, not what)."""
    words = [w.strip("’'") if w[:1].islower() or w[:1].isdigit() else "" for w in _WORD.findall(text)]
    near: set[str] = set()
    for i, word in enumerate(words):
        if word[:1].isdigit():
            # The counted noun itself ("cases", "workers") is matched by unit already.
            near.update(w for k, w in enumerate(words[max(0, i - _FIGURE_WINDOW) : i + _FIGURE_WINDOW + 1],
                                                start=max(0, i - _FIGURE_WINDOW)) if k not in (i + 1, i + 2))
    return frozenset(_stem(w) for w in near if len(w) > 2 and w not in _STOPWORDS and not w[:1].isdigit()
                     and w not in _PEOPLE and w not in _MODIFIERS and w not in _TIME_WORDS)


#: Words of time around a figure ("a day", "each year") say when, not what is counted.
_TIME_WORDS = frozenset("day days daily week weeks month months year years per each every hour hours".split())


#: Figures further apart than this factor count different things.
_FAR_APART = 5.0
#: Below this many claims a story has no words of its own to discount.
_STORY_MIN_CLAIMS = 20
#: ... and below this many, none that a denial's words should not count.
_DENIAL_STORY_CLAIMS = 100
_CUMULATIVE = re.compile(r"\b(?:since|so\s+far|in\s+total|a\s+total|in\s+all|overall|altogether|to\s+date|toll)\b",
                         re.IGNORECASE)
_ONE_DAY = re.compile(r"\b(?:today|yesterday|tonight|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:in|at|near|around|across|from|of)\s+((?:[A-Z][\w'-]+\s?){1,3})")


def _figure_scope(text: str) -> tuple[bool, frozenset[str]]:
    """What a count covers: a running total or not, and where. "24 killed on Saturday in Homs"
    and "3,500 killed since March" are different counts, not a conflict."""
    cumulative = bool(_CUMULATIVE.search(text)) and not _ONE_DAY.search(text)
    return cumulative, frozenset(m.group(1).strip().casefold() for m in _PLACE.finditer(text))


def _same_scope(a: tuple[bool, frozenset[str]], b: tuple[bool, frozenset[str]]) -> bool:
    """Both running totals or neither, and the same places where both name one."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def figures(text: str) -> list[tuple[float, str]]:
    """Numbers with what they count, people-nouns folded together: [(4000.0, "people")]."""
    out = []
    for m in _NUMBER.finditer(text):
        value = float(m.group("value").replace(",", ""))
        if m.group("scale"):
            value *= _SCALES[m.group("scale").strip().lower()]
        unit = m.group("unit").lower()
        # "4,000 striking workers": the counted noun is after the modifier.
        if unit in _MODIFIERS and m.group("next"):
            unit = m.group("next").lower()
        if unit in _NOT_COUNTED or unit in _STOPWORDS:
            continue
        unit = "combatants" if unit in _COMBATANTS else "people" if unit in _PEOPLE else unit.rstrip("s")
        # 5,000 barrels a day and 7 million gallons so far measure different things.
        if _RATE.match(text, m.end("unit")):
            unit += "/day"
        out.append((value, unit))
    return out


_RATE = re.compile(r"(?:\s+\S+){0,7}?\s*(?:a|per|each|every)\s+day\b|\s*(?:\S+\s+){0,3}?daily\b", re.IGNORECASE)
#: Words after a number that measure time or ratios, not a count of something.
_NOT_COUNTED = frozenset(
    "percent per cent years year days day hours hour minutes minute weeks week months month am pm times".split()
)


def _days_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def link_claims(
    claims: Iterable[Claim],
    *,
    same_statement: float = DEFAULTS.same_statement_overlap,
    denial_overlap: float = DEFAULTS.denial_overlap,
    figures_window_days: int = DEFAULTS.figures_window_days,
    compare_figures: bool = DEFAULTS.compare_figures,
) -> tuple[list[ClaimGroup], list[Disagreement]]:
    """Claim groups, and the disagreements between them (with ``compare_figures``, different
    figures for one thing too: off by default, see the ``compare_figures`` setting)."""
    groups = group_claims(claims, same_statement)
    heads = [g.claims[0] for g in groups]
    speakers = [_speaker(h) for h in heads]
    words = [_content(h.text) - _FRAME_WORDS for h in heads]
    # The story's own words ("oil spill" in an oil-spill story) are in every other claim: sharing
    # them is not speaking of the same thing ("denied claims that the worst of the oil spill is
    # over" against "the worst oil spill in American history").
    spread = Counter(w for ws in words for w in ws)
    # A small story's claims are few and all about it: there, "arms" and "Russia" are what a
    # denial and an accusation share, not the story's background.
    story_words = {w for w, n in spread.items() if len(heads) >= _DENIAL_STORY_CLAIMS and n > _COMMON_SHARE * len(heads)}
    words = [ws - story_words for ws in words]
    # A denial that names whose claims it denies ("US accusations", "claims by the union")
    # disagrees with that party, not with anyone who used the same words.
    accusers = [_accuser(h.text) if h.stance == "denies" else None for h in heads]
    hedged = [bool(_HEDGED.search(h.text)) for h in heads]
    texts = [" ".join(h.text.casefold().split()) for h in heads]
    disagreements: list[Disagreement] = []
    for i, head in enumerate(heads):
        if head.stance != "denies":
            continue
        accuser = accusers[i]
        # Precision first: a denial is set against another party's claim only when it says
        # whose claim it denies ("US accusations that ...", "claims by the union that ..."), or
        # denies an accusation it states ("denied accusations that it shipped shells to the
        # rebels") that the other claim makes in many of the same words.
        framed = accuser is None and bool(_FRAMED.match(heads[i].text))
        if accuser is None and not framed:
            continue
        # The accuser's own name is not what is denied: "the White House claim" against "the
        # White House changes" shares only the name.
        denied = words[i] - _content(accuser) if accuser else words[i]
        opposed = [
            j for j, other in enumerate(heads)
            if j != i and other.stance != "denies" and not _same_side(speakers[i], speakers[j])
            and (accuser is None or _same_side(accuser, _alias(speakers[j])))
            and len(denied & words[j]) >= (3 if framed else 2)
            and _overlap(denied, words[j]) >= (max(denial_overlap, 0.5) if framed else denial_overlap)
            # A stated accusation is met by a claim making most of it, in most of its words, not
            # by one sharing a phrase: "denied the suggestion that Syria was in civil war" is
            # not contradicted by "Libya has descended into civil war".
            and (not framed or len(denied & words[j]) >= 0.5 * max(len(denied), len(words[j])))
            # Word for word the same: one statement reported twice with a speaker misread
            # ("Transocean dismissed the BP report as self-serving" also given as BP's).
            and texts[i] != texts[j]
            and not (hedged[j] and not hedged[i])
        ]
        if opposed:
            topic = " ".join(sorted(set().union(*(words[i] & words[j] for j in opposed))))
            disagreements.append(Disagreement("denial", topic, (groups[i], *(groups[j] for j in opposed))))
    if not compare_figures:
        return groups, disagreements
    # Two claims can clash on figures only if they count the same thing: pair them by unit.
    counted = [figures(h.text) for h in heads]
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(counted):
        for unit in dict.fromkeys(u for _, u in found):
            by_unit[unit].append(i)
    pairs = sorted({(i, j) for members in by_unit.values() for n, i in enumerate(members) for j in members[n + 1 :]})
    subjects = [_figure_subjects(h.text) for h in heads]
    # The story's own words ("oil" in an oil spill) are near every figure: they say nothing of
    # what a figure counts.
    spread = Counter(w for s in subjects for w in s)
    common = {w for w, n in spread.items() if len(heads) >= _STORY_MIN_CLAIMS and n > _COMMON_SHARE * len(heads)}
    subjects = [s - common for s in subjects]
    scopes = [_figure_scope(h.text) for h in heads]
    for i, j in pairs:
        if _same_side(speakers[i], speakers[j]) or _days_apart(heads[i].date, heads[j].date) > figures_window_days:
            continue
        # A forecast is not a count, and two counts of different things are not a conflict:
        # "at least 60 people killed in Mexico" against "10 students infected in New Zealand".
        if _PROJECTION.search(heads[i].text) or _PROJECTION.search(heads[j].text):
            continue
        if not subjects[i] & subjects[j] or not _same_scope(scopes[i], scopes[j]):
            continue
        for value_a, unit_a in counted[i]:
            others = [v for v, u in counted[j] if u == unit_a]
            # One figure both give ("11 killed" in each) is agreement, whatever else they count.
            if any(abs(v - value_a) <= 0.1 * max(v, value_a) for v in others):
                break
            # Far apart ("40 killed on Thursday", "3,500 killed in the uprising") counts cover
            # different spans of time or place, whatever the words say; rates say their span.
            far = _FAR_APART if not unit_a.endswith("/day") else float("inf")
            if any(0.1 * max(v, value_a) < abs(v - value_a) and max(v, value_a) <= far * min(v, value_a)
                   for v in others):
                disagreements.append(Disagreement("figures", unit_a, (groups[i], groups[j])))
                break
    return groups, disagreements
