"""Regexes over a normalised span (lower case, single spaces) read by more than one step
of the resolver: the names of units, weekdays, months, seasons and parts of the day.
"""

from __future__ import annotations

import re

__all__ = [
    "APPROX_RE",
    "MONTH_RE",
    "NUMBER_UNIT_RE",
    "POD_CODE",
    "POD_RE",
    "SEASON_RE",
    "UNIT_RE",
    "WEEKDAY_RE",
    "norm",
]

_WS_RE = re.compile(r"\s+")
# Tokenized text (Timeline17) detaches commas and the possessive: "May 29 , 2009", "Valentine 's Day".
_DETACHED_RE = re.compile(r" (?=,|'s\b)")
MONTH_RE = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|"
                        r"thurs|thur|thu|fri|sat|sun)\b")
POD_RE = re.compile(r"\b(morning|afternoon|evening|night|tonight|overnight)s?\b")
POD_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
            "overnight": "NI"}
UNIT_RE = re.compile(
    r"\b(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a|ums))\b"
)
SEASON_RE = re.compile(r"\b(spring|summer|fall|autumn|winter)\b")
NUMBER_UNIT_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|[a-z]+(?:[-\s][a-z]+)*?)[-\s]*"
    r"(?:(?:more|additional|full|straight|consecutive|long|short|calendar|fiscal|business|working|successive)\s+)?"
    r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a|ums))\b"
    r"(?:\s+and\s+(?P<half>a\s+half)|\s+and\s+(?P<num2>[\w.]+(?:[-\s][a-z]+)?)[-\s]+(?P<unit2>[a-z]+))?"
)
APPROX_RE = re.compile(
    r"^(?:(?P<approx>about|around|approximately|roughly|some|close\s+to|more\s+or\s+less)"
    r"|(?P<lt>nearly|almost|less\s+than|fewer\s+than|under|barely|just\s+under|up\s+to|no\s+more\s+than|at\s+most)"
    r"|(?P<gt>more\s+than|over|well\s+over|just\s+over|upwards\s+of)|(?P<ge>at\s+least))\s+"
)


def norm(text: str) -> str:
    """``text`` as the patterns read it: lower case, one space for any run of white space,
    commas and possessives attached to their word."""
    return _DETACHED_RE.sub("", _WS_RE.sub(" ", text.lower()).replace("’", "'"))
