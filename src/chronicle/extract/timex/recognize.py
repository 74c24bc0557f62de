"""Finding the extents of temporal expressions (TimeML TIMEX3 conventions).

Each pattern family is one compiled regex with a *kind* (``date``, ``time``,
``duration``, ``set``, ``ago``, ``ref``); every family scans the whole text, and
overlapping candidates are settled by keeping the longest (then the leftmost). The
extents follow the TempEval-3 annotation: determiners and modifiers that belong to the
expression are inside ("the past two months", "late last year", "about three years
ago"), the preposition that introduces it is not ("on Tuesday" -> "Tuesday").

Words that are temporal only in some uses are guarded here, in the patterns: "May"
and "March" must be capitalised and stand with a day, a year or a temporal
preposition; weekdays that name newspapers ("Sunday Times") are refused; "a second"
is an ordinal, not a duration; a four-digit number is a year only when it is not an
amount or part of a longer number; "a year" or "annually" after an amount is a rate
("$2 million a year"), and "This Week" or "60 Minutes" capitalised inside a sentence is a
title; TimeBank tags neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronicle.extract.timex.lexicon import NUMBER, ORDINALS, alternation

__all__ = ["Candidate", "find_candidates"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A recognised extent and the family of pattern that found it."""

    start: int
    end: int
    kind: str


# A word starts here (a hyphenated word is one word); the leading \b lets the regex
# engine skip most positions fast.
_B = r"\b(?<!\w)(?<![^\W\d]-)"
_E = r"(?![\w])"

_MONTH_FULL = "january|february|april|june|july|august|september|october|november|december"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
# An abbreviation without its period needs a number after it: "Sept 22", "24th Mar 2010",
# "22 Sept , 1862" (Timeline17's tokenized text puts a space before the comma).
_NUMBER_NEXT = r"(?=\s*\d|\s*,\s*(?:1\d{3}|20\d\d)(?!\d))"
# "May"/"March" only capitalised: the modal verb and the noun "march" are lower case; so is
# the verb "mar".
MONTH = (
    rf"(?:(?:{_MONTH_FULL}){_E}|(?-i:May|MAY|March|MARCH){_E}|{_MONTH_ABBR}\.(?!\w)"
    rf"|(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec|(?-i:Mar|MAR)){_E}{_NUMBER_NEXT})"
)
_MONTH_SAFE = rf"(?:(?:{_MONTH_FULL}){_E}|{_MONTH_ABBR}\.)"
_WD_FULL = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY = rf"(?:{_WD_FULL}|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.){_E}"
# Without its period, only capitalised and in a dated timestamp ("Wed Mar 16 , 2011").
_WD_BARE = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?!\w)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1\d{3}|20\d\d)(?![\d])(?!,\d)(?!\.\d)"
_YEAR_OR_SHORT = rf"(?:{YEAR}|'\d\d(?!\w))"
# Between a day and its year: a comma or not, and in tokenized text a space before it
# ("March 5 , 2011").
_COMMA = r"\s*,?\s*"
_YEAR_WORDS = (
    r"(?:nineteen|eighteen|seventeen)[-\s]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|hundred|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve))?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
# "fall" and "spring" are verbs too: alone they need a determiner or "in" (see _DATE_CORE).
_SEASON_ALONE = (
    r"(?:summer|winter|autumn|(?:"
    + "|".join(rf"(?<=\b{w}\s)" for w in ("the", "in", "last", "this", "next", "early", "late", "past", "that",
                                           "coming", "previous", "following", "same", "mid"))
    + r")(?:fall|spring)|(?:fall|spring)(?=\s+(?:of\s+)?\d))"
)
_TZ = (r"(?:\s+(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|CT|MT|IST|JST)(?!\w)"
       r"|\s+local\s+time|\s+(?:eastern|pacific|central|mountain)(?:\s+(?:standard|daylight))?\s+time)")
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.]?[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|(?:[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock"
    rf"|noon{_E}|midnight{_E}|midday{_E})(?:{_TZ})?"
)
_POD = r"(?:mid-?morning|mid-?afternoon|late-?night|morning|afternoon|evening|night|overnight)"
_DEICTIC_DAY = r"(?:today|tonight|yesterday|tomorrow|tmrw|tmr|tdy)"
_UNIT_SING = r"(?:day|week|weekend|month|year|decade|century|quarter|hour|minute|morning|afternoon|evening|night)"
_UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?"
         r"|months?|quarters?|years?|yrs?|decades?|century|centuries|millenni(?:um|a|ums))")
_UNIT_PLURAL = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|years|decades|centuries)"
_APPROX = (r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than"
           r"|fewer\s+than|over(?!\s+the\b)|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|close\s+to"
           r"|just|only|barely|well\s+over|just\s+over|just\s+under|upwards\s+of|the\s+better\s+part\s+of"
           r"|more\s+or\s+less)\s+)")
_REL = (r"(?:this|last|next|past|previous|coming|current|following|same|prior|that|upcoming"
        r"|preceding|ensuing|subsequent|present)")
_PREMOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|dawn|first\s+half|second\s+half"
    r"|latter\s+half|last\s+half|first\s+part|latter\s+part|early\s+part|later\s+part|rest|remainder"
    r"|balance|course|spring|summer|fall|autumn|winter)\s+of\s+(?:the\s+)?"
    r"|(?:early|late|mid|middle|earlier|later)[-\s]+|mid-?)"
)
_ORD_WORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ORD_DAY = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
            r"\d{1,3}(?:st|nd|rd|th))")
_QMOD = (r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|same|previous|preceding"
         r"|prior|year-earlier|year-ago|comparable|recent|fiscal|calendar|last|past|this|next|ended"
         r"|just-ended|year-before|corresponding|latest\s+fiscal|fiscal-first|fiscal-second"
         r"|fiscal-third|fiscal-fourth)")
_REL_YEAR = r"(?:(?:this|last|next|the\s+current|the\s+previous|the\s+following|that)\s+year|" + YEAR + ")"
_DECADE = (
    r"(?:\d{3}0'?s|'\d0s|(?:nineteen[-\s]+)?(?:twenties|thirties|forties|fifties|sixties|seventies"
    r"|eighties|nineties))(?!\w)"
)
_CENTURY = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|twenty-first|twenty\s+first)[-\s]+century(?!\w)"
)
_HOLIDAY = alternation([
    "christmas day", "christmas eve", "christmas", "xmas", "new year's day", "new year's eve",
    "new years day", "new years eve", "thanksgiving day", "thanksgiving", "independence day",
    "halloween", "valentine's day", "veterans day", "veterans' day", "boxing day", "bastille day",
    "st. patrick's day", "armistice day", "labor day", "memorial day", "easter sunday", "easter day", "easter",
]).replace("'", r"\s?['’]")  # also "Valentine 's Day" of tokenized text
_NUM = NUMBER

# A day of a month, its year stated or not: "March 5", "the 3rd of May", "the first of May",
# "24th Mar 2010", "May 29 , 2009"; a year given relative to the DCT belongs to it ("25 June
# last year").
_DAY_OF_MONTH = (rf"(?:{MONTH}\s*{DAY}|(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"
                 rf"|the\s+{alternation(list(ORDINALS))}\s+of\s+{MONTH})")
_STATED_YEAR = rf"(?:{_COMMA}{_YEAR_OR_SHORT}{_E}|\s+(?:of\s+)?(?:last|next|this)\s+year(?!\w))"
_WD_LEAD = rf"(?:{WEEKDAY}\s*,?\s+(?:the\s+)?)"
# A day with its year, as web pages and captions write them: "Wed Mar 16 , 2011",
# "Thu , 11 Jun 2009", "Saturday , Oct. 11 , 2008", "in this Tuesday, Feb. 10, 2009 file photo".
_DATED_DAY = (rf"(?:(?:this\s+)?{_WD_LEAD}?{_DAY_OF_MONTH}|{_WD_BARE}\s*,?\s+{_DAY_OF_MONTH})"
              rf"{_COMMA}{YEAR}{_E}")
_CAL_DAY = (
    rf"(?:{_WD_LEAD}?{_DAY_OF_MONTH}{_STATED_YEAR}?"
    rf"|{_DATED_DAY}"
    rf"|\d{{4}}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?(?!\d)"
    rf"|(?<![\d/])[01]?\d/[0-3]?\d/(?:\d{{4}}|\d\d)(?![\d/]))"
)
_AFTER_INTRO = "(?:" + "|".join(
    rf"(?<=\b{w}\s)" for w in ("in", "of", "by", "since", "until", "till", "from", "through", "to", "early",
                                "late", "mid", "last", "next", "this", "during", "before", "after", "and",
                                "or", "between")
) + ")"
# A bare month needs a day, a year or an introducing word, so that names and verbs stay out.
_MONTH_ALONE = (
    rf"(?:{_MONTH_SAFE}(?:\s*,?\s+(?:of\s+)?{_YEAR_OR_SHORT}{_E})?"
    rf"|{MONTH}\s*,?\s+(?:of\s+)?{_YEAR_OR_SHORT}{_E}"
    rf"|{_AFTER_INTRO}"
    rf"(?-i:May|March)(?!\s+(?-i:[A-Z])))"
)

_DATE_CORE = (
    rf"(?:{_CAL_DAY}"
    rf"|{MONTH}\s+(?:of\s+)?(?:last|next|this)\s+year"
    # before the bare month: the first branch that matches wins ("January nineteen ninety-seven")
    rf"|{MONTH},?\s+(?:of\s+)?(?:{_YEAR_WORDS})"
    rf"|{_MONTH_ALONE}"
    rf"|(?:the\s+)?{_SEASON}\s+(?:of\s+)?{YEAR}{_E}"
    rf"|(?:(?:the\s+|{_REL}\s+|early\s+|late\s+)+|(?<=\bin\s))?{_SEASON_ALONE}(?!\s+(?:in|of)\s+(?:love|the|a)\b)(?=[\s,.;:)!?]|$)"
    rf"|(?:the\s+)?(?:early|mid|late)?[-\s]?{_DECADE}"
    rf"|(?:the\s+)?(?:early|mid|late)?[-\s]?{_CENTURY}"
    rf"|(?:the\s+)?(?:{_QMOD}[-\s]+){{1,3}}quarters?(?!ly)(?!\s+of\s+(?!{YEAR}|the\s+year|this\s+year|last\s+year|next\s+year|fiscal))"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?:{YEAR}|the\s+year|this\s+year|last\s+year|next\s+year))?"
    rf"|(?:the|this|that)\s+quarter(?!\s+of\b)(?![\w-])|(?:the\s+)?latest\s+period(?![\w-])"
    rf"|(?-i:Q[1-4])(?:[\s/']*(?:{YEAR}|\d\d(?!\d)))?{_E}|{YEAR}\s?(?-i:Q[1-4]|H[12]){_E}(?!\s*\d)"
    rf"|(?:the\s+)?(?:first|second|latter|last|back)\s+half\s+of\s+(?:fiscal\s+)?(?:{YEAR}|the\s+year|this\s+year|last\s+year|next\s+year)"
    rf"|(?:the\s+)?{YEAR}\s+(?:(?:{_QMOD}|fiscal)[-\s]+)*(?:quarter|period|half|first\s+half|second\s+half)(?!\s+of\b)"
    rf"|(?:the\s+)?(?:corresponding|comparable|same|year-earlier|year-ago)\s+(?:period|quarter)\s+(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+prior)\s+year"
    rf"|last\s+year's\s+(?:{_QMOD}[-\s]+)?(?:quarter|period)"
    rf"|(?:{_REL_YEAR}'s|{YEAR}'s)\s+(?:{_ORD_WORD}[-\s]+quarter|(?:first|second)\s+half)"
    rf"|(?:the\s+)?(?:{_REL}\s+|latest\s+)?(?:fiscal|financial)\s+year(?:\s+{YEAR})?"
    rf"|(?:fiscal|financial|calendar)\s+(?:year\s+)?{YEAR}{_E}|(?-i:FY)\s*'?(?:{YEAR}|\d\d(?!\d))"
    rf"|(?:the\s+)?(?:year|years)\s+{YEAR}{_E}|{_YEAR_WORDS}"
    rf"|{YEAR}{_E}(?:-\d\d(?!\d)|\s*(?:/|-|to)\s*{YEAR}(?=\s+(?:season|period|fiscal|school|academic)))?"
    rf"|\d{{1,4}}\s*(?:B\.?C\.?E?|A\.?D\.?|BCE|CE)(?!\w)|(?-i:AD)\s+\d{{1,4}}(?!\d)"
    # "the Easter holidays" or "the Christmas break" is weeks around the day, not the day; "Christmas
    # parties" or "a Christmas tree" is a kind of thing, on no day in particular (and "Christmas Eve
    # carols" is not "Christmas" either)
    rf"|{_HOLIDAY}(?:\s*,?\s+(?:of\s+|in\s+)?{YEAR}|\s+(?:last|next|this)\s+year)?{_E}(?!\s+(?:holidays?|break|vacation|recess|season|period|term"
    rf"|week|weeks|weekends?|parties|party|cards?|lights|trees?|carols|decorations|spirit|songs?|markets?|specials?"
    rf"|movies?|films?|cheer|bonus(?:es)?|day|eve|sunday)\b)"
    rf"|(?:the\s+)?(?:same\s+)?(?:year|month|week)(?=\s+(?:ended|ending|before|earlier|ago|to\s+date))"
    rf"|(?:the\s+)?{_REL}\s+(?:{_UNIT_SING}|{WEEKDAY}|{MONTH}(?:\s*{DAY}(?:{_COMMA}{YEAR})?)?|(?:fiscal\s+)?year)(?!\w)"
    rf"|(?:the\s+)?(?:day|night|week|month|year)\s+(?:before|after)\s+(?:last|next|yesterday|tomorrow)(?:\s+{WEEKDAY})?"
    rf"|(?:the\s+)?weekend(?!\s+of\s)"
    rf"|(?:year|month|week|day)-(?:earlier|ago|before)(?=\s|$)"
    rf"|(?:the\s+)?(?:{_QMOD}[-\s]+)*(?:year|month|quarter)-(?:earlier|ago|before)(?:\s+(?:{_QMOD}[-\s]+)?(?:period|quarter|months|month|year|half))?"
    rf"|(?:the\s+)?(?:{_QMOD}[-\s]+)?(?:period|months)(?=\s+ended)"
    rf"|(?:the\s+)?(?:earlier|later)\s+(?:this|that|last|next)\s+(?:{_UNIT_SING}|year)"
    rf"|(?<=\bof\s)the\s+(?:year|month|week|decade|century|day|quarter)(?!-)(?=\s*[,.;:)]|\s+(?:and|but|when|as|in|on|at|to|with)\b)"
    # the period a report covers: "For the year, volume was flat", "a high for the year of $42"
    rf"|(?<=\bfor\s)the\s+year(?![\w-])(?=\s*[,.;:)]|\s+of\s+[$\d])"
    rf"|(?:earlier|later)\s+in\s+the\s+year(?![\w-])(?!\s+(?:of|in|when|that|before|after|since)\b)"
    rf"|{_DEICTIC_DAY}{_E}"
    # "by year-end", "since year's end" (the noun; "a year-end party" is no timex)
    rf"|(?:the\s+)?year[-\s]end(?![\w-])(?!\s+[a-z])|year['’]s\s+end{_E}"
    rf"|(?<![\w.,])\d{{4}}\s*(?:-|/)\s*\d{{2}}(?=\s+(?:season|fiscal|school))"
    rf")"
)

# The day a clock time falls on. The dated day comes first: the first alternative that
# reaches the clock wins. "05 February 12 01:10 GMT" is BBC's stamp: day, month, 2-digit year.
_DAY_REF = (
    rf"(?:{_DEICTIC_DAY}|{_DATED_DAY}|{_WD_LEAD}?{_DAY_OF_MONTH}|{WEEKDAY}"
    rf"|{DAY}\s+{MONTH}\s+\d\d(?=\s+[0-2]?\d:[0-5]\d)"
    rf"|(?:the\s+)?(?:next|following|previous|same)\s+day|(?:this|last|next)\s+{WEEKDAY})"
)

_NEWSPAPER = r"(?!\s+(?:Live|Lights|Fever|Football|Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Independent|Mail|Star|Age|Sport|Business|Bloody|People|Observer|School|Service|Night\s+(?:Live|Football)))"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # clock times, possibly with the day they fall on
    ("time", rf"{_B}(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|before|after)\s+)?"
             rf"{CLOCK}(?:,?\s+(?:on\s+)?{_DAY_REF})?(?:\s+{_POD})?"),
    # "June 14 , 2010 6:04 PM"; "at" joins a clock only to a day with its year (a web
    # stamp: "January 30 , 2011 at 12:11 pm"); "today at 9am" are two expressions
    ("time", rf"{_B}(?:{_DAY_REF}\s*,?|{_DATED_DAY}\s*,?\s+at)\s+{CLOCK}"),
    # part of a day
    ("time", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?:(?:this|last|tomorrow|yesterday|that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding|{_WD_FULL}|{MONTH}\s*{DAY}(?:{_COMMA}{YEAR})?)\s+)(?:early\s+|late\s+)?(?:{_POD}){_E}{_NEWSPAPER}"),
    ("time", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?:{_POD})\s+(?:yesterday|today|tomorrow|{_WD_FULL}){_E}"),
    ("time", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?:tonight|overnight(?=\s*[,.;]))(?!\w)"),
    ("time", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?:this|that)\s+(?:{_POD})(?!\w)"),
    # "by mid afternoon, the shelling had stopped": the part of the day the story is in
    ("time", rf"{_B}(?:by|at|in|until|till|since)\s+mid[-\s]?(?:morning|afternoon)(?=\s*[,.;])"),
    # calendar and relative dates, with their modifiers
    ("date", rf"{_B}(?:{_PREMOD})*{_DATE_CORE}(?:\s+or\s+(?:later|earlier|before|after)(?!\s+\w+\s+than))?"),
    ("date", r"(?<![\w'])'\d0s(?!\w)"),
    ("date", rf"{_B}(?:this|next|last|coming)\s+(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun){_E}"),
    ("date", rf"{_B}(?:(?:early|late|earlier|later)\s+)?{_WD_FULL}{_E}(?!\s*-){_NEWSPAPER}(?!\s+(?:{_POD})\b)"),
    ("date", rf"{_B}(?:the\s+)?(?:day|night|week|month|year)\s+(?:before|after|earlier|later)(?=\s*[,.;:)]|\s*$)"),
    ("duration", rf"{_B}(?:day|week|month|year|hour|minute|decade|century)-long{_E}"),
    ("date", rf"{_B}(?:{_PREMOD})?(?:the\s+)?(?:day|week)\s+before\s+(?:last\s+)?{WEEKDAY}"),
    # "two years ago", "a week later"
    ("ago", rf"{_B}{_APPROX}?(?:{_NUM}|{_UNIT_PLURAL})[-\s]+(?:{_UNIT}(?:\s+and\s+(?:a\s+half|{_NUM}\s+{_UNIT}))?[-\s]+)?"
            rf"(?:ago|from\s+now|hence|back|earlier|later(?!\s+than\b))(?![\w-])"),
    ("ago", rf"{_B}(?:some|many|a\s+few|several)\s+{_UNIT_PLURAL}\s+(?:ago|earlier|later)(?!\w)"),
    # the first day of "12-14 July", "May 4 and 5"; the first year of "499-493 BC"
    ("dpart", rf"(?<![\w.,-])[0-3]?\d(?=\s*(?:-|–|and|to|through)\s*{DAY}\s+(?:of\s+)?{MONTH})"),
    ("dpart", rf"(?:(?<=\d-)|(?<=\d–)|(?<=\d\sand\s)|(?<=\d\sto\s))[0-3]?\d(?![\d:])(?!\s*(?:{MONTH}|%|percent))"),
    ("bcpart", r"(?<![\w.,-])\d{1,4}(?=\s*(?:-|–|to)\s*\d{1,4}\s*(?:B\.?C\.?E?|BCE)(?!\w))"),
    # durations
    ("duration", rf"{_B}{_APPROX}?(?:the\s+)?(?:(?:past|last|next|first|final|coming|previous|following|latest"
                 rf"|preceding|remaining|other|entire|whole|full|same|initial|ensuing|subsequent|additional|further|better\s+part\s+of\s+(?:the|a))\s+)?"
                 rf"(?:{_NUM}[-\s]+|\d+(?:\.\d+)?(?=[a-z]))(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+|long\s+|short\s+|calendar\s+|fiscal\s+|business\s+|working\s+|successive\s+)?"
                 rf"{_UNIT}(?:\s+and\s+(?:a\s+half|{_NUM}[-\s]+{_UNIT}))?(?![\w-])"),
    ("duration", rf"{_B}(?:(?:over|for|in|within|during|throughout|past|recent|coming|next|last|of|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+recent)\s+)"
                 rf"(?:{_UNIT_PLURAL}|(?:several|many|a\s+few|few|some)\s+{_UNIT_PLURAL})(?!\s+(?:of\s+)?(?:ago|earlier|later))(?!\w)(?!-)"),
    ("duration", rf"{_B}(?:{_UNIT_PLURAL}|decades?|centuries)(?=\s+(?:ago|of\s+(?:war|fighting|conflict|talks|negotiations|tension|research|work|effort|struggle)))"),
    ("duration", rf"{_B}(?:the\s+)?(?:whole|entire|full)\s+(?:day|night|week|month|year|weekend)(?!\w)"),
    # sets
    ("set", rf"{_B}(?:every|each|per)\s+(?:other\s+|single\s+|few\s+)?(?:{_NUM}[-\s]+)?(?:{_UNIT}|{_WD_FULL}|{_POD}|{_SEASON}|{MONTH})(?:\s+(?:morning|afternoon|evening|night))?(?!\w)"),
    ("set", rf"{_B}(?:daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|bimonthly|fortnightly){_E}(?!\s+(?:Mail|Telegraph|News|Star|Beast|Show|Express|Record|Planet)\b)"),
    ("set", rf"{_B}(?:{_WD_FULL}s)(?:\s+and\s+{_WD_FULL}s)?(?:\s+(?:mornings|afternoons|evenings|nights))?{_E}"),
    ("set", rf"{_B}{_WD_FULL}\s+(?:mornings|afternoons|evenings|nights){_E}"),
    ("set", r"(?:(?<=\btimes\s)|(?<=\btwice\s)|(?<=\bonce\s))(?:a|an|per)\s+(?:day|week|month|year)(?![\w-])"),
    # generic references to the present, past and future
    ("ref", rf"{_B}(?:(?:right|just|until|till|by|from|for|since)\s+)?now{_E}(?!\s+that['’]s\b)"),
    ("ref", rf"{_B}(?:currently|nowadays|presently|at\s+present|the\s+present(?:\s+(?:day|time))?|these\s+days|recently|lately|"
            rf"the\s+past(?!\s+(?:{_NUM}|{_UNIT}|tense|participle|president|champion|decade))|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future(?!\s+of\b)|formerly"
            rf"|(?<!\bas\s)soon(?!\s+(?:as|after|afterwards?|thereafter|before)\b)"
            rf"|(?:then[-\s]+)?current(?=\s+[a-z])(?!\s+(?:account|accounts|events|affairs|density|flow|flows|of|and|or)\b)"
            # the adjective: "a recent filing", "the recent sale" point to the past (PAST_REF)
            rf"|recent(?=\s+[a-z])(?!\s+(?:and|or|as|than)\b)){_E}"),
    ("ref", rf"{_B}(?:recent|coming|past)\s+(?:{_UNIT_PLURAL}){_E}"),
    # "9/11" without a year: the name of the 2001 attacks ("post-9/11", "the 9/11 hijackers"; Timeline17
    # escapes the slash); a longer number ("9/11/2003", "19/11") is not it
    ("date", r"(?<![\w/.\\])9\\?/11(?![\w/\\]|-\d)"),
    # "today is the eighth day of the blockade", "Monday was the third day of protests"
    ("date", rf"(?:(?<=\bis\s)|(?<=\bit's\s)|(?<=\bit’s\s)|(?<=\bwas\s)|(?<=\bmarks\s)|(?<=\bmarked\s))(?:the\s+)?{_ORD_DAY}\s+(?:straight\s+|consecutive\s+|full\s+)?day(?=\s+of\s)"),
)

_CLOCK_GATE = re.compile(r"\d\s*[ap]\.?m|\d[:.]\d\d|noon|midnight|midday|o'clock", re.IGNORECASE)
_POD_WORDS = ("morning", "afternoon", "evening", "night")
_UNIT_WORDS = ("sec", "min", "hour", "hr", "day", "night", "week", "fortnight", "month", "quarter", "year", "yr",
               "decade", "centur", "millenni")
_RANGE_GATE = re.compile(r"\d\s*(?:-|–|and|to|through)\s*\d", re.IGNORECASE)
# One gate per entry of _PATTERNS, in the same order. A family of patterns is tried in a window only when a word it cannot do without is
# there (a substring of the lower-cased window, or a regex): most windows then skip most
# families. A gate may let through more than needed, never less.
_GATES: tuple[tuple[str, ...] | re.Pattern[str] | None, ...] = (
    _CLOCK_GATE, _CLOCK_GATE, _POD_WORDS, _POD_WORDS, ("tonight", "overnight"), _POD_WORDS, ("mid",),
    None, ("0s",), ("this", "next", "last", "coming"), ("day",), ("before", "after", "earlier", "later"), ("-long",), ("before",),
    ("ago", "earlier", "later", "hence", "back", "from now"), ("ago", "earlier", "later"),
    _RANGE_GATE, _RANGE_GATE, ("bc", "b.c"),
    _UNIT_WORDS, _UNIT_WORDS, _UNIT_WORDS, ("whole", "entire", "full"),
    ("every", "each", "per"), ("ly",), ("days",), ("day ",), ("times", "twice", "once"),
    ("now",), ("current", "now", "present", "these", "recent", "late", "past", "future", "former", "previous",
               "meant", "soon"),
    ("recent ", "coming ", "past "),
    ("/11",),
    ("day ",),
)
assert len(_GATES) == len(_PATTERNS)
_COMPILED = tuple((kind, re.compile(p, re.IGNORECASE), g) for (kind, p), g in zip(_PATTERNS, _GATES, strict=True))

# The introducing word is not part of a TIMEX3; some patterns need it to decide.
_LEAD_RE = re.compile(  # used with match(text, pos): no "^", which would not match at pos
    r"(?:(?:for|in|over|within|during|throughout|of|on|at(?!\s+(?:least|most))|by|since|until|till|from|to|right|just)\s+)+",
    re.IGNORECASE,
)
_TRAIL_RE = re.compile(r"[\s,;:'-]+$")
_REJECT_YEAR_NEXT = re.compile(
    r"\s*(?:%|percent|per\s*cent|people|persons|troops|soldiers|men|women|workers|employees|jobs|shares|"
    r"dollars|euros|pounds|yen|yuan|tons|tonnes|barrels|cars|units|miles|km|kilometers|feet|meters|metres|"
    r"votes|seats|homes|households|points|students|deaths|cases|rooms|acres|pages|words|patients|members|"
    r"children|residents|refugees|prisoners|police|officers|firms|companies|plants|copies|hectares|"
    r"victims|visitors|guests|tickets|calories|mg|kg|lbs?|ft|m|cc|hp|rpm|mph|bp|hz|mb|gb)\b"
    # a 24-hour clock: "1425 local time", "at 1950 GMT"
    rf"|{_TZ}|\s+hrs\b",
    re.IGNORECASE,
)
_REJECT_YEAR_PREV = re.compile(
    r"(?:[$£€#¥]|\b(?:no|number|nos|route|flight|room|page|pages|model|item|code|rule|chapter|section|article|"
    r"highway|interstate|bill|resolution|suite|box|unit|apartment|apt|ext|tel|phone|lot|gate|platform|"
    r"nasdaq|dow|index|about|some|nearly|over|than|approximately|roughly|around|only|just|all)\.?)\s*,?\s*$",
    re.IGNORECASE,
)
_BARE_YEAR_RE = re.compile(r"^(?:the\s+)?(?:1\d{3}|20\d\d)$", re.IGNORECASE)


# Words written in lower case inside a sentence: capitalised there, as the whole of an
# expression and not in a headline ("This Week" said), they are a title or a name.
_TITLE_SPAN_RE = re.compile(
    r"(?-i:(?:This\s+Week|Today|Tonight|Noon|Midnight|\d+\s+(?:Minutes|Hours)))(?!(?:['’]s)?\s*[A-Z])"
)
_QUOTED_TITLE_RE = re.compile(r"(?-i:This\s+Week|Today|Tonight|Noon|Midnight|\d+\s+(?:Minutes|Hours))$")
_POSSESSIVE_QUOTE_RE = re.compile(r"\w['’]s?\s*[\"“`']+$")
# Inside a sentence: after a word (or a possessive) and perhaps a quote mark, not at its start.
_MID_SENTENCE_RE = re.compile(r"\w['’]?\s*[\"“`']*\s*$")


_YEARISH_BEFORE = re.compile(r"(?:1\d{3}|20\d\d|\w+ber|\w+ary|march|april|may|june|july|august)\W*\s*(?:to|and|or|-|,|through)?\s*$", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s*(?:to|and|or|-|,|through)?\s*$")


def _accept(text: str, start: int, end: int, kind: str) -> bool:
    span = text[start:end]
    if kind == "date" and _BARE_YEAR_RE.match(span):
        before = text[max(0, start - 24):start]
        if _REJECT_YEAR_PREV.search(before):
            return False
        # "from 50 to 2000" is an amount; "from 1998 to 2000" a year
        if _NUMBER_BEFORE.search(before) and not _YEARISH_BEFORE.search(before):
            return False
        if _REJECT_YEAR_NEXT.match(text, end):
            return False
        if end < len(text) and text[end] in "-/:" and end + 1 < len(text) and text[end + 1].isdigit() \
                and not re.match(r"[-–]\d{4}(?!\d)", text[end:end + 6]):
            return False  # part of a longer number, unless a range of years "1917-1918"
    if kind == "date" and re.search(r"[a-z.]\s*\d{1,2}$", span) and re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.IGNORECASE) \
            and re.match(r"\s+[A-Z][a-z]", text[end:end + 3]):
        return False  # "the April 6 Youth Movement" names something
    title = _TITLE_SPAN_RE.match(text, start)
    if title and title.end() == end and _MID_SENTENCE_RE.search(text, max(0, start - 30), start):
        return False
    if _QUOTED_TITLE_RE.match(text, start, end) and _POSSESSIVE_QUOTE_RE.search(text, max(0, start - 12), start):
        return False  # ABC's "This Week With David Brinkley": a quoted title, even in title case  # ABC's "This Week", CBS's "60 Minutes", the film "High Noon", USA Today
    if kind == "set" and re.fullmatch(r"(?:annually|yearly|monthly|weekly|daily|hourly)", span, re.IGNORECASE) \
            and (span.lower() == "annually" or not re.match(r"\s+[a-z]", text[end:end + 2])) and _RATE_BEFORE.search(text, max(0, start - 40), start):
        return False  # "to rise 8.5% annually", "10,000 units annually": a rate, as "$2 million a year"
    if kind == "duration":
        low = span.lower()
        if re.match(r"(?:a|an|one)\s+sec(?:ond)?s?$", low) or re.search(r"\d{4}\s+second$", low):
            return False
        if re.search(r"(?<!one)\s+second$", low) and not re.search(r"\b(?:1|one|a|split)\s+second$", low):
            return False
        if re.search(r"quarters?$", low) and re.match(r"\s+of\b", text[end:end + 4]):
            return False
        if re.fullmatch(r"(?:a|an)\s+\w+", low) and _RATE_BEFORE.search(text, max(0, start - 40), start):
            return False  # "$2 million a year", "four flights a week": a rate, not a duration
    return True


# An amount, then at most two words: what "a year" in "$1.76 a year", "700 seats a week",
# "$35 and $55 a night" divides. TimeBank leaves such rates untagged.
_RATE_BEFORE = re.compile(
    r"(?:[$£€¥]\s*\d|(?<![\d,.])(?!(?:1\d|20)\d\d(?!\d))\d[\d,.]*(?:\s*%)?|\b(?:twice|thrice|once|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens"
    r"|hundreds|thousands|millions|billions))"
    r"(?:\s+(?:million|billion|thousand|trillion))?(?:\s+(?!(?:a|an|the|in|within|for|of|over|after|before)\b)[a-z][\w-]*){0,2}\s+$",
    re.IGNORECASE,
)


_HYPHEN_ADJ_RE = re.compile(r"(?:the|a|an)\s+(?=\S+-\S+$)", re.IGNORECASE)
_VERB_LAST_RE = re.compile(r"\b(?:to|will|would|could|may|might|should|must|can|did|does|do|not|n't)\s+$", re.IGNORECASE)


def _trim_start(text: str, start: int, end: int, kind: str) -> int:
    """Drop words that belong to the sentence, not to the expression, from its start."""
    if kind == "duration":
        m = _HYPHEN_ADJ_RE.match(text, start, end)
        if m and end < len(text) and re.match(r"\s+[a-z]", text[end:end + 3]):
            return m.end()  # "the ten-day truce": the article belongs to "truce"
        if text[start:start + 5].lower() == "last " and _VERB_LAST_RE.search(text, max(0, start - 12), start):
            return start + 5  # "expected to last three days": "last" is the verb
    return start


# Every expression holds one of these words (or a date-like number); the patterns run
# only in windows around them. Looking words up in a set is much faster than trying a
# large alternation at every character.
_TRIGGER_WORDS = frozenset("""
jan feb mar apr may jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
saturdays sundays today tonight tomorrow yesterday tmr tmrw tdy now currently present presently recent
recently past future soon current formerly previously lately nowadays meantime meanwhile day days night nights
week weeks weekend weekends fortnight fortnights month months quarter quarters year years yr yrs
decade decades hour hours hr hrs minute minutes min mins sec secs second seconds morning mornings
afternoon afternoons evening evenings century centuries millennium millennia millenniums overnight
noon midnight midday spring summer fall autumn winter christmas xmas thanksgiving independence
halloween valentine's veterans veterans' boxing bastille patrick's armistice labor memorial easter
daily weekly monthly annually yearly hourly quarterly nightly biweekly bimonthly semiannually
semi-annually biannually fortnightly twenties thirties forties fifties sixties seventies eighties
nineties nineteen eighteen seventeen thousand half h1 h2 q1 q2 q3 q4 fy ad bc bce o'clock
year-earlier year-ago year-end latest
""".split())
_TOKEN_RE = re.compile(r"\d+(?:(?:[:.-]|\\?/)\d+)*(?:st|nd|rd|th|s|'s)?|[A-Za-z]+\d*(?:['’-][A-Za-z]+)*'?")
_DIGIT_TRIGGER_RE = re.compile(r"(?:1\d{3}|20\d\d)(?:s|'s)?$|\d+\\?[:/]\d|\d+(?:st|nd|rd|th)$|\d{2,3}0s$|\d+-\d")
_AMPM_RE = re.compile(r"\s*[ap]\.?m\b", re.IGNORECASE)
_WINDOW_BEFORE = 35
_WINDOW_AFTER = 45


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(text)
    words = _TRIGGER_WORDS
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            if not (_DIGIT_TRIGGER_RE.match(tok) or _AMPM_RE.match(text, m.end())
                    or (m.start() > 0 and text[m.start() - 1] in "'’")):
                continue
        else:
            low = tok.lower()
            if low not in words and low.rstrip("0123456789") != "fy" and not (("-" in low or "'" in low or "’" in low)
                                         and any(part in words for part in re.split(r"[-'’]", low))):
                continue
        ws, we = max(0, m.start() - _WINDOW_BEFORE), min(n, m.end() + _WINDOW_AFTER)
        if spans and ws <= spans[-1][1]:
            spans[-1] = (spans[-1][0], we)
        else:
            spans.append((ws, we))
    return spans


def find_candidates(text: str) -> list[Candidate]:
    """All temporal expressions of ``text``: sorted by start, none overlapping."""
    found: list[tuple[int, int, int, str]] = []
    windows = _windows(text)
    lowered = [text[ws:we].lower() for ws, we in windows]
    for priority, (kind, regex, gate) in enumerate(_COMPILED):
        if gate is None:
            spans = windows
        elif isinstance(gate, tuple):
            spans = [w for w, low in zip(windows, lowered, strict=True) if any(g in low for g in gate)]
        else:
            spans = [(ws, we) for ws, we in windows if gate.search(text, ws, we)]
        for m in (m for ws, we in spans for m in regex.finditer(text, ws, we)):
            start, end = m.span()
            while start < end and (text[start].isspace() or text[start] in "-,"):
                start += 1
            lead = _LEAD_RE.match(text, start, end)
            if lead:
                start = lead.end()
            trail = _TRAIL_RE.search(text, start, end)
            if trail:
                end = trail.start()
            start = _trim_start(text, start, end, kind)
            if end <= start or not _accept(text, start, end, kind):
                continue
            found.append((start, end, priority, kind))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[Candidate] = []
    # One byte per character marks what is taken: the overlap test costs the candidate's
    # length, not the number taken before it (a list of spans made "Monday" x 40,000 quadratic).
    taken = bytearray(len(text))
    for start, end, _, kind in found:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(Candidate(start, end, kind))
    chosen.sort(key=lambda c: c.start)
    return chosen
