"""Word lists of the temporal tagger and the regex fragments built from them.

Everything here is an immutable constant: the fragments are joined into the
recognizer's patterns (``recognize.py``) and the tables are read by the resolver
(``normalize.py`` and the modules it drives). Fragments carry no capturing groups so
they compose freely.
"""

from __future__ import annotations

import re
from types import MappingProxyType

__all__ = [
    "DIGIT_NUMBER",
    "HOLIDAYS",
    "MONTHS",
    "NUMBER",
    "NUMBER_WORDS",
    "ORDINALS",
    "SEASONS",
    "UNITS",
    "WEEKDAYS",
    "alternation",
    "parse_number",
]


def alternation(words: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """A non-capturing regex alternation of ``words``, longest first so prefixes lose."""
    return "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                                   key=len, reverse=True)) + ")"


MONTHS = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
})

WEEKDAYS = MappingProxyType({
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "thur": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
})

SEASONS = MappingProxyType({
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
})

# Month of the year (1-12), day: a fixed-date holiday; weekday rules are in calendar.py.
HOLIDAYS = MappingProxyType({
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "xmas": (12, 25), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new year": (1, 1), "new years": (1, 1), "new years eve": (12, 31), "new years day": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "veterans' day": (11, 11), "boxing day": (12, 26),
    "bastille day": (7, 14), "st. patrick's day": (3, 17), "armistice day": (11, 11),
    "thanksgiving": (11, 0), "thanksgiving day": (11, 0), "labor day": (9, 0),
    "memorial day": (5, 0), "easter": (0, 0), "easter sunday": (0, 0), "easter day": (0, 0),
})

_UNITS = {
    "second": "S", "seconds": "S", "sec": "S", "secs": "S",
    "minute": "MIN", "minutes": "MIN", "min": "MIN", "mins": "MIN",
    "hour": "H", "hours": "H", "hr": "H", "hrs": "H",
    "day": "D", "days": "D", "night": "N", "nights": "N",
    "week": "W", "weeks": "W", "fortnight": "FN", "fortnights": "FN",
    "weekend": "WE", "weekends": "WE",
    "month": "M", "months": "M", "quarter": "Q", "quarters": "Q",
    "year": "Y", "years": "Y", "yr": "Y", "yrs": "Y",
    "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
    "millennium": "ML", "millennia": "ML", "millenniums": "ML",
}
UNITS = MappingProxyType(_UNITS)

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_words: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
_words.update({w: float(v) for w, v in _TENS.items()})
_words.update({"hundred": 100.0, "thousand": 1000.0, "dozen": 12.0, "a": 1.0, "an": 1.0,
               "half": 0.5, "couple": 2.0})
NUMBER_WORDS = MappingProxyType(_words)

_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
        "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
        "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"]
ORDINALS = MappingProxyType({w: i + 1 for i, w in enumerate(_ORD)})

# A cardinal written in words ("twenty-four", "one hundred") or digits ("5 1/2", "1.5").
_CARD_WORD = (
    rf"(?:{alternation(list(_TENS))}(?:[-\s]{alternation(_SMALL[1:10])})?"
    rf"|{alternation(_SMALL[1:])}|(?:a\s+|one\s+)?hundred|(?:a\s+)?dozen)"
)
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?)"
NUMBER = (
    rf"(?:{DIGIT_NUMBER}|{_CARD_WORD}(?:\s+and\s+a\s+half)?"
    r"|a\s+(?:few|couple(?:\s+of)?)|(?:a|an|one)(?:\s+and\s+a\s+half)?|half\s+an?|a\s+half"
    r"|several|few|some|many|couple\s+of|a\s+number\s+of)"
)

_NUM_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|[a-z]+")


def parse_number(text: str) -> float | None:
    """The value of a NUMBER match, or ``None`` for vague amounts ("several", "a few")."""
    t = text.lower().replace(",", "").replace("-", " ")
    t = re.sub(r"^(?:a|an)\s+(?=half|couple|dozen|hundred|thousand|few)", "", t.strip())
    if re.search(r"\b(?:few|several|some|many|number)\b", t):
        return None
    if "1/2" in t:
        whole = re.match(r"\d+", t)
        return (float(whole.group()) if whole else 0.0) + 0.5
    total = 0.0
    current = 0.0
    seen = False
    for tok in _NUM_TOKEN_RE.findall(t):
        if tok[0].isdigit():
            current += float(tok)
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok == "thousand":
            total += (current or 1.0) * 1000
            current = 0.0
            seen = True
        elif tok == "half":
            current = current + 0.5 if seen else 0.5
            seen = True
        elif tok in ("and", "of"):
            continue
        elif tok in NUMBER_WORDS:
            if tok in ("a", "an") and seen:
                continue
            current += NUMBER_WORDS[tok]
            seen = True
    return total + current if seen else None
