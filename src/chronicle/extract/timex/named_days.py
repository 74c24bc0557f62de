"""Days the news knows by their name: "the Sept. 11 attacks", "9/11", "post-9/11".

Written without its year, "Sept. 11" in a 2008 article is that year's Sept. 11 ("markets fell on
Sept. 11") unless the words around make it the name of the 2001 attacks ("the Sept. 11 attacks",
"the attacks of September 11", "a Sept. 11-style attack"). "9/11" written in prose without a
year is that name ("the 9/11 hijackers", "since 9/11", "the carnage of 9/11"; news writes a day
of its own year out), unless it is a score ("went 9/11 from the field").

Once an article has named the attacks, a later "September 11" in it names them too ("Following
September 11th, our leaders came together"), unless it is "on September 11", the day of
something told in the article's own year; so does "since September 11" before this year's has
come. A Sept. 11 attack in Benghazi (2012) is not the 2001 attacks.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["ATTACKS_DAY", "names_the_attacks", "september_11"]

#: The day "9/11" names.
ATTACKS_DAY = dt.date(2001, 9, 11)

# "following" without "the" is the preposition the recognizer keeps ("Following September 11th, ...")
_SEPTEMBER_11_RE = re.compile(
    r"(?:following\s+)?(?:(?:sept?\.?|september)\s*11(?:th)?|(?:the\s+)?11(?:th)?\s+(?:of\s+)?(?:sept?\.?|september))")

# the words that follow the name: "the Sept. 11 attacks", "9/11 hijackers", "a Sept. 11-style attack"
_NAME_AFTER_RE = re.compile(
    r"\s*(?:-\s*(?:style|type|like)\b|(?:terror(?:ist)?\s+|al-qa['e]?ida\s+)?"
    r"(?:attacks?|attackers|strikes|bombings|hijack\w*|plot\w*|terrorists?|mastermind|commission|era"
    r"|generation|victims?|widows|survivors|families|(?:victim\s+)?compensation|memorial|anniversary|truth\w*"
    r"|world|wars?)(?!\w)|fund(?![\w-]))",  # "the Sept. 11 fund", not "the Sept. 11 fund-raiser"
    re.IGNORECASE,
)
# the words before it: "the attacks of Sept. 11", "the lessons of September 11", "post-9/11",
# "al-Qaida attacks, including September 11", "another attack like September 11"
_NAME_BEFORE_RE = re.compile(
    r"(?:\b(?:attacks?|outrages?|atrocit(?:y|ies)|lessons|aftermath|wake|horrors?|tragedy|memory|anniversary"
    r"|hijackers|victims|perpetrators|ground)(?:\s*(?:''|[\"”']))?\s+of\s+(?:the\s+)?|\b(?:attacks?|strikes?)\s+like\s+"
    r"|\battacks?\s*,?\s+(?:including|such\s+as)\s+|\b(?:post|pre)\s*-\s*)$",
    re.IGNORECASE,
)
# "went 9/11 from the field", "hit 7-of-9, 9/11": a score
_SCORE_RE = re.compile(r"\s+(?:from|shooting)\b")
_SCORE_BEFORE_RE = re.compile(r"\d\s*(?:-|,|and|to)?\s*$")
# "Fahrenheit 9/11" is a film
_FILM_BEFORE_RE = re.compile(r"\bfah?ren?heit\s+$", re.IGNORECASE)
# "another 9/11", "America's environmental 9/11": an event like it, not the day
_LIKE_IT_BEFORE_RE = re.compile(r"(?:\b(?:another|a|an)|['’]s)(?:\s+[a-z]+)?\s+$", re.IGNORECASE)
# "the Sep 11 campaign suspension": a day of its own, named after the attacks only by the words above
_NOUN_NEXT_RE = re.compile(
    r"\s+(?!(?:was|were|is|are|has|had|and|or|that|which|to|in|as|a|an|the|its|his|her|their|this|it|he|she|they"
    r"|we|i|you|one|two|three|four|five|six|seven|eight|nine|ten|many|several|some|no)\b)(?![a-z]+ed\b)[a-z]")
# "since September 11" in a July article: not this year's, still to come
_GONE_BY_BEFORE_RE = re.compile(r"\b(?:since|after|following)\s+(?:the\s+)?$", re.IGNORECASE)
# "on September 11": a day of the article's year, even where the attacks were named before
_ON_BEFORE_RE = re.compile(r"\bon\s+(?:the\s+)?$", re.IGNORECASE)
# another Sept. 11 attack (Benghazi, 2012)
_OTHER_ATTACK_RE = re.compile(r"\b(?:benghazi|consulate|embassy)\b", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[\"'`(]*[A-Z0-9])|\n")


def september_11(span: str) -> bool:
    """Whether the normalised ``span`` is Sept. 11 written without its year, "9/11" included."""
    return _numeric(span) or bool(_SEPTEMBER_11_RE.fullmatch(span))


def _numeric(span: str) -> bool:
    return span in ("9/11", "9\\/11")


def names_the_attacks(text: str, start: int, end: int, span: str, named_before: bool, dct: dt.date | None) -> bool:
    """Whether the Sept. 11 ``span`` at ``text[start:end]`` names the 2001 attacks;
    ``named_before``: the text has named them already; ``dct``: the article's date."""
    sentence_start = max((m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, start - 300), start)),
                         default=max(0, start - 300))
    sentence_end = m.start() if (m := _SENTENCE_END_RE.search(text, end, end + 300)) else min(len(text), end + 300)
    if _OTHER_ATTACK_RE.search(text, sentence_start, sentence_end):
        return False
    before = text[max(sentence_start, start - 60):start]
    if _numeric(span) and _FILM_BEFORE_RE.search(before):
        return False
    if _NAME_AFTER_RE.match(text, end) or _NAME_BEFORE_RE.search(before):
        return True
    if _numeric(span):
        return not (_SCORE_RE.match(text, end) or _SCORE_BEFORE_RE.search(before)
                    or _LIKE_IT_BEFORE_RE.search(before))
    if dct is not None and (dct.month, dct.day) < (9, 11) and _GONE_BY_BEFORE_RE.search(before):
        return True
    return named_before and not _ON_BEFORE_RE.search(before) and not _NOUN_NEXT_RE.match(text, end)
