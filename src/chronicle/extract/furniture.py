"""Page furniture: the parts of a page that are not the article.

Readers' comments under the article, and the single lines a page puts around it: bylines with
timestamps ("Page last updated at 14:03 GMT, Monday, 20 April 2009"), photo credits and
caption markers ("Photograph: Jane Roe/AP"), share and reply buttons, "Related stories",
"Click here", newsletter prompts, copyright lines, comment counts, where to write or call
("Letters to the editor go to : letters@..."), where else the article was
published. Their dates are not references to events and their words are not the story's, so
no date mention, claim or event is taken from them.

Everything here is found without the language model, by anchored patterns: a comment header
or a page trailer starts the *tail* of the page, which runs to its end (:func:`article_body_end`,
where the language model's Doc stops); a furniture line is a short line of its own
(:data:`_LINE_RULES`); and a few patterns distinctive enough to be furniture wherever they
stand mark only their own text (:data:`_SPAN_RULES`), since pages flattened to text often glue
a credit or a timestamp to the headline or to the first sentence after it; a sentence that holds
an e-mail address is a contact line (:func:`_contact_marks`). A sentence that merely uses a
furniture word ("The company posted a loss", "Shares fell") is prose: generic words count only
as a whole short line.

Not imported with spaCy: the store's reader rebuilds date mentions with it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Mark",
    "Span",
    "article_body_end",
    "find_furniture",
    "furniture_component",
    "furniture_spans",
    "in_furniture",
    "page_furniture",
]

#: A character span ``(start, end)``, end exclusive.
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mark:
    """A piece of furniture: where it is, and the rule that found it."""

    start: int
    end: int
    rule: str


# --- building blocks -------------------------------------------------------------------------
# Pages come both as ordinary text and as tokenized text ("Photograph : Jane Roe\/AP",
# "-LRB- 2 -RRB-"): separators may stand apart, slashes may be escaped, brackets spelled out.
_SP = r"[^\S\n]*"
_SP1 = r"[^\S\n]+"
_COMMA = rf"{_SP},{_SP}"
_COLON = rf"{_SP}:{_SP}"
_BAR = rf"{_SP}\|{_SP}"
_LP = r"(?:\(|-LRB-)"
_RP = r"(?:\)|-RRB-)"
_SLASH = r"\\?/"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_ZONE = rf"(?:[ECMP][DS]?T|GMT|BST|UTC|CES?T|UK(?:{_SP1}time)?)"
_TIME = rf"\d{{1,2}}[:.]\d{{2}}(?:{_SP}[AaPp]\.?[Mm]\.?)?(?:{_SP1}{_ZONE}\b)?"
_DATE = (rf"(?:{_WEEKDAY}(?:{_COMMA}|{_SP1}))?"
         rf"(?:{_DAY}{_SP1}{_MONTH}(?:{_COMMA}|{_SP1}){_YEAR}|{_MONTH}{_SP1}{_DAY}(?:{_COMMA}|{_SP1}){_YEAR})")
#: A date with an optional time, either way round ("June 3 , 2010 ; 9:30 PM", "09:23 UTC").
_STAMP = rf"(?:{_DATE}(?:{_SP}[,;]?{_SP}(?:at{_SP1})?{_TIME})?|{_TIME}(?:{_SP}[,;]?{_SP}(?:on{_SP1})?{_DATE})?)"
_COUNT = rf"(?:{_LP}{_SP}\d[\d,]*{_SP}{_RP}|:{_SP}\d[\d,]*)"
#: The rest of a sentence: up to its final mark (not the dots of a web address), else the line's end.
_TO_SENTENCE_END = r"[^\n]*?(?:[.!?](?=\s|$)|$)"
_BLOG_LINK = rf"(?:Permalink|Comments?(?:{_SP}{_COUNT})?|E-?mail|Share|Print|Link)"
# A photographer's or an agency's name in a credit: "Jane Roe/AP", "AFP/Getty Images",
# "Ho/Reuters", "Rex Features", "Staff for the Guardian".
_NAME_WORD = r"(?:[A-Z][\w.'’&-]*|(?:al|el|de|da|di|du|van|von|der|le|la|bin)-?[A-Z]?[\w'’-]*)"
# The second word of a name, unless it is more likely the first word of the next sentence.
_NAME_AFTER = rf"(?!(?:The|A|An|This|That|These|In|On|At|It|He|She|We|They|I|But|And|As|If|When|With|For)\b){_NAME_WORD}"
_AGENCY = (rf"(?:AP|Associated{_SP1}Press|Reuters|REUTERS|PA|AFP|EPA|Getty(?:{_SP1}Images)?|Corbis|Rex(?:{_SP1}Features)?"
           rf"|Alamy|Bloomberg|Xinhua|Polaris|Sipa(?:{_SP1}Press)?|Public{_SP1}Domain|Nasa|NASA|Handout|Supplied"
           rf"|PA{_SP1}Wire|Press{_SP1}Association|Guardian|Observer|guardian\s*\.\s*co\.?\s*\.?\s*uk)")
_CREDIT_TAIL = r"(?:Images|Features|Press|Pictures|Photos?|Studios|Agency|Broadcasting|Wire|House|TV)"
_CREDIT = (
    # names and agencies joined by slashes, ending at the last one: "Mark Roe/AFP/Getty Images"
    rf"(?:(?:(?:{_NAME_WORD}|for|of|the|and){_SP1}){{0,4}}[\w.'’&-]+(?:{_SLASH}[A-Za-z][\w.'’&-]*(?:{_SP1}{_CREDIT_TAIL}\b)?)+"
    rf"|(?:{_NAME_WORD}{_SP1}){{1,3}}for{_SP1}the{_SP1}(?:Guardian|Observer|Washington{_SP1}Post|[A-Z]\w+)"
    rf"|(?:{_NAME_WORD}{_SP1}){{1,4}}via{_SP1}{_AGENCY}\b"
    rf"|{_AGENCY}\b"
    # a bare name: at most two words, the page having glued the first sentence after it
    rf"|{_NAME_WORD}(?:{_SP1}{_NAME_AFTER})?)"
)


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.MULTILINE)


# --- the tail: readers' comments and page trailers -------------------------------------------
#: The header of a reader comment that comes before the comment ("At 12:32 pm on 09 Jun 2010 ,
#: dancer54 wrote :", "January 31, 2011 at 4:52 pm | Reply"), or the line that opens a thread
#: ("We welcome comments that advance the story ..."): the tail starts where it does.
_STAMPED_COMMENT = rf"\d{{1,2}}(?:st|nd|rd|th){_SP1}{_MONTH}{_SP1}{_YEAR}{_SP}-{_SP}\d{{1,2}}:\d{{2}}\b"
_HEADERS_BEFORE: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_rx(rf"(?:\bAt{_SP1})?\b\d{{1,2}}[:.]\d{{2}}(?:{_SP}[ap]m)?{_SP1}(?:on{_SP1})?{_DATE}{_COMMA}[^\n,]{{1,60}}?{_SP1}"
         rf"wrote{_SP}:"), ("wrote",)),
    (_rx(rf"^{_SP}--{_SP}[A-Z][a-z]+\.?{_SP1}\d{{1,2}}{_SP},{_SP}\d{{4}}{_SP},?{_SP}\d{{1,2}}:\d{{2}}"), ("--",)),
    (_rx(rf"^{_SP}(?:[^\n]{{1,60}}?{_SP1}says{_SP}:?{_SP}\n{_SP})?{_STAMP}{_BAR}Reply\b"), ("Reply",)),
    (_rx(rf"\bWe{_SP1}welcome{_SP1}comments{_SP1}that{_SP1}advance{_SP1}the{_SP1}story\b"), ("We welcome",)),
    # A wire service's thread opens on its disclaimer; a closed one may show only its closing
    # lines ("This discussion is now closed . We welcome comments on our articles ...").
    (_rx(rf"\bViews{_SP1}expressed{_SP1}in{_SP1}(?:the{_SP1})?comments{_SP1}do{_SP1}not{_SP1}represent\b"),
     ("Views expressed",)),
    (_rx(rf"\bThis{_SP1}(?:discussion|topic|debate|thread){_SP1}(?:is|has){_SP1}(?:now{_SP1})?closed\b"),
     ("This discussion", "This topic", "This debate", "This thread")),
    (_rx(rf"\bWe{_SP1}welcome{_SP1}comments{_SP1}on{_SP1}our{_SP1}articles\b"), ("We welcome",)),
    # "30th June 2012 - 14:41 I think ...": the first of at least two such lines
    (_rx(rf"^{_SP}{_STAMPED_COMMENT}(?=[\s\S]*\n{_SP}{_STAMPED_COMMENT})"), ("th ", "st ", "nd ", "rd ")),
)
#: The header of a reader comment that comes after the comment ("Posted by : K | September 24
#: , 2008 3:54 PM | Report abuse", "Posted by Jane Roe on April 3 , 2005 02:13 PM .", a
#: traveller's tip "Posted by roamer22 22 Jan 2012"): the tail starts with the line it is on.
_HEADERS_AFTER: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_rx(rf"\bPosted{_SP1}by{_SP}:"), ("Posted",)),
    (_rx(rf"{_BAR}Report{_SP1}abuse\b"), ("Report abuse",)),
    (_rx(rf"\bPosted{_SP1}by{_SP1}[^\n|:]{{1,60}}?{_SP1}on{_SP1}{_DATE}{_SP},?{_SP}{_TIME}"), ("Posted",)),
    (_rx(rf"\bPosted{_SP1}by{_SP1}[^\s|:]{{1,40}}{_SP1}{_DAY}{_SP1}{_MONTH}{_SP1}{_YEAR}\b"), ("Posted",)),
)
#: Where a page's trailer begins: print-edition notes ("A version appeared on p12 of the Main
#: section", "This article appeared on p10 of the Review section"), followed by feeds and
#: promotions, never by the article.
_TRAILER = _rx(rf"\b(?:A{_SP1}version{_SP1}(?:of{_SP1}this{_SP1}article{_SP1})?|This{_SP1}article{_SP1})appeared{_SP1}on"
               rf"{_SP1}p\d+{_SP1}of{_SP1}the\b")
#: Back from a header that follows its comment to the start of its line, unless that line is
#: long: a page given as one paragraph keeps its article.
_LONGEST_COMMENT_LINE = 600
_TAIL_RULES = frozenset({"comments", "page trailer"})


# --- single furniture lines -------------------------------------------------------------------
#: Whole lines that are furniture: the pattern must match all of the line (leading and trailing
#: spaces aside), and the line is at most :data:`_LONGEST_LINE` characters.
_LONGEST_LINE = 300
_WEEKDAY_KEYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_BUTTON_KEYS = ("share", "tweet", "reply", "like", "favo", "mail", "print", "save", "pin", "whatsapp", "facebook",
                "twitter", "linkedin", "reddit", "messenger", "copy", "permalink", "comment", "report", "recommend")
_BUTTONS = (r"(?:share|tweet|retweet|reply|like|favou?rite|e-?mail|print|save|pin|whatsapp|facebook|twitter"
            rf"|linkedin|reddit|messenger|copy{_SP1}link|permalink|comments?|report(?:{_SP1}abuse)?|recommend)"
            )
#: A rule that scans its line from the start ("... click here") has words (lower case) one of which
#: the line must hold for the rule to be tried; the others are tried on every line, as one pattern.
_LINE_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    # "Comments (12)", "12 comments", "View comments", "Show 40 replies"
    ("comment count", re.compile(
        rf"(?:(?:view|show|hide|read|see|load(?:{_SP1}more)?|all){_SP1})?(?:\d[\d,]*{_SP1})?(?:comments?|replies)"
        rf"(?:{_SP}{_COUNT})?{_SP}[:.]?", re.I), ()),
    # "Share this article", "Reply Retweet Favorite", "Facebook | Twitter | Email"
    ("share", re.compile(
        rf"(?:share{_SP1}(?:this|on|via){_SP1}[\w ]{{1,30}}|{_BUTTONS}(?:(?:{_SP}[|·•,/]{_SP}|{_SP1}){_BUTTONS}){{0,8}}"
        rf"(?:{_SP}{_COUNT})?)[^\w\n]{{0,3}}", re.I), ()),
    # "Related stories", "More on this story", "Read more: <headline>", "See also"
    ("related", re.compile(
        rf"(?:related(?:{_SP1}(?:stories|articles|links|content|coverage|topics|news|videos?|posts|items|pages?))?"
        rf"|more{_SP1}on{_SP1}this{_SP1}(?:story|topic)|more{_SP1}from{_SP1}[\w ]{{1,30}}|see{_SP1}also|read{_SP1}more"
        rf"|read{_SP1}next|most{_SP1}(?:read|popular|viewed|shared)|top{_SP1}stories|you{_SP1}may{_SP1}also{_SP1}like"
        rf"|recommended(?:{_SP1}(?:stories|for{_SP1}you))?|further{_SP1}reading)"
        rf"(?:{_SP}:{_SP}[^\n]{{0,150}})?", re.I), ()),
    # "Sign up for our daily newsletter", "Subscribe to our alerts"
    ("newsletter", re.compile(
        rf"(?:sign{_SP1}up|subscribe)\b[^\n]{{0,80}}\b(?:newsletters?|e-?mail{_SP1}(?:news{_SP1})?alerts?"
        rf"|alerts?|updates|briefings?|feeds?)\b[^\n]{{0,80}}", re.I), ()),
    ("advertisement", re.compile(r"(?:advertisement|advert|sponsored(?:\s+content)?|promoted(?:\s+stories)?)", re.I), ()),
    # "Photograph: Jane Roe/AP", "Picture by Jane Roe", "AP Photo/Jane Roe", "(Reuters)"
    ("photo credit", re.compile(
        rf"(?:(?i:photo(?:graph)?s?|pictures?|images?|illustrations?|graphics?|credits?)(?:{_SP1}(?i:credits?))?"
        rf"(?:{_COLON}(?:by{_SP1})?|{_SP1}by{_SP1})|{_LP}?{_SP}(?=(?:AP|AFP|REUTERS|Reuters){_SP1}Photo|{_AGENCY}{_SP}{_RP}?$))"
        rf"{_CREDIT}(?:{_SP1}Photo(?:{_SLASH}{_CREDIT})?)?{_SP}{_RP}?[^\w\n]{{0,3}}"), ()),
    # "PHOTO : A guard walks past ...", "Image caption A crowd at the gates", "Bottom : A crane ...",
    # "Photo : A crowd ...", "GRAPHIC : Jane Roe - The Example Post"
    ("caption", re.compile(
        rf"(?:PHOTOS?|PICTURES?|GRAPHICS?|VIDEO){_SP}(?::|--)[^\n]+"
        rf"|(?:Image|Media){_SP1}(?:caption|copyright|source)\b[^\n]*"
        rf"|(?:(?:Photo|Picture)s?(?:{_SP1}credits?)?(?:{_COMMA}(?:Top|Bottom|Left|Right))?|Caption|Top|Bottom|Inset"
        rf"|Pictured){_COLON}(?:(?:A|An|The|This|These)\b[^\n]*|[^\n]*{_YEAR}{_SP}(?:\.|{_RP}[^\w\n]*))"), ()),
    # "By Jane Roe" alone on its line, or "By Jane Roe, Staff Writer"
    ("byline", re.compile(
        rf"By{_SP1}{_NAME_WORD}(?:{_SP1}(?:{_NAME_WORD}|and)){{0,5}}(?:{_COMMA}[A-Z][\w ]{{2,40}})?"), ()),
    # "This content has been removed as our copyright has expired."
    ("removed", re.compile(rf"This{_SP1}(?:content|article|page){_SP1}(?:has{_SP1}been{_SP1}removed|is{_SP1}no{_SP1}longer"
                           rf"{_SP1}available)\b[^\n]*"), ()),
    # A caption that ends with its credit: "A crane at the quay. (AP Photo/Jane Roe)"
    ("caption", re.compile(
        rf"[^\n]+{_LP}{_SP}(?:(?:AP|AFP|Reuters|REUTERS){_SP1}Photo|REUTERS{_SLASH}|Photo{_SP}:|Getty{_SP1}Images)"
        rf"[^\n]{{0,60}}{_RP}[^\w\n]{{0,3}}"), ("photo", "reuters", "getty")),
    # "Click here to see the gallery", "For a full list, please click here."
    ("click here", re.compile(r"[^\n]{0,150}\b(?:click|tap)\s+here\b[^\n]{0,100}", re.I), ("here",)),
    # "© 2024 Example Media", "Copyright 2010 Example Network, Inc.", "All rights reserved."
    ("copyright", re.compile(
        rf"[^\n]{{0,60}}(?:©|\(c\){_SP}\d{{4}}|copyright{_SP}(?:©|\(c\)|{_YEAR}))[^\n]{{0,200}}"
        rf"|[^\n]{{0,200}}\ball{_SP1}rights{_SP1}reserved\b[^\n]{{0,40}}", re.I), ("©", "(c)", "copyright", "rights reserved")),
    # A retweet or a tweet in a feed: "RT @janeroe : The port is open"
    ("tweet", re.compile(rf"(?:[^\n]{{0,80}}\bRT{_SP1})?@\w{{1,30}}{_SP}:[^\n]*"), ("@",)),
    # "Jane Roe contributed to this report.", "Additional reporting by Jane Roe"
    ("contributed", re.compile(
        rf"[^\n]{{0,120}}\bcontributed{_SP1}(?:reporting{_SP1})?to{_SP1}this{_SP1}(?:report|story|article)[^\w\n]{{0,3}}"
        rf"|additional{_SP1}reporting{_SP1}by{_SP1}[^\n]{{1,120}}"
        rf"|reporting{_SP1}by{_SP1}[^\n]{{1,80}}?[;,]{_SP}(?:writing|editing){_SP1}by\b[^\n]*", re.I),
     ("contributed", "reporting by")),
)
#: The rules tried on every line, as one pattern, each a group ``r<index>``: the first that matches wins.
_EVERY_LINE = re.compile("|".join(
    f"(?P<r{i}>{'(?i:' + p.pattern + ')' if p.flags & re.IGNORECASE else p.pattern})"
    for i, (_, p, keys) in enumerate(_LINE_RULES) if not keys))
_KEYED_LINE_RULES = tuple((name, p, keys) for name, p, keys in _LINE_RULES if keys)

# --- furniture wherever it stands -------------------------------------------------------------
#: Patterns distinctive enough to be furniture anywhere in a line; they mark only their match.
#: Each runs only on a text that holds one of its keywords (a regular expression costs a scan
#: of the whole text even where it cannot match).
_SPAN_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    # "Page last updated at 14:03 GMT , Monday , 20 April 2009 15:03 UK"
    ("last updated", _rx(
        rf"\bPage{_SP1}last{_SP1}updated{_SP1}at{_SP1}{_TIME}(?:{_COMMA}{_DATE})?(?:{_SP1}\d{{1,2}}:\d{{2}}{_SP1}UK\b)?"
        # "20 April 2009 Last updated at 14:03 GMT Help" (the date before it: see _DATE_BEFORE)
        rf"|\bLast{_SP1}(?:updated|modified){_SP}(?:at|on|:){_SP}{_STAMP}(?:{_SP1}Help\b)?"
        # "First published on Monday 20 April 2009 14.03 BST", "Published : 10:15 AM , March 3 , 2011"
        rf"|^{_SP}(?:First{_SP1}published|Published|Updated|Posted|Modified){_SP}(?:on|at|:)?{_SP}{_STAMP}"), ("updated", "Last", "ublished", "Updated", "Posted", "Modified")),
    # Guardian timestamps: "Monday 20 April 2009 14.03 BST"
    ("timestamp", _rx(rf"\b{_WEEKDAY}{_SP1}{_DAY}{_SP1}{_MONTH}{_SP1}{_YEAR}{_SP1}\d{{1,2}}[.:]\d{{2}}{_SP1}{_ZONE}\b"), _WEEKDAY_KEYS),
    # A byline with its time at the start of a line: "Tuesday , June 15 , 2010 ; 9:30 PM",
    # "NEW YORK | Sat May 1 , 2010 3:36 am EDT", "Jane Roe | 08:17 UK time , Tuesday , 30 June 2009",
    # "July 15 , 2010 - 7:48 AM | by : Jane Roe"
    ("byline with time", _rx(
        rf"^{_SP}{_WEEKDAY}{_COMMA}{_MONTH}{_SP1}{_DAY}{_COMMA}{_YEAR}{_SP};{_SP}{_TIME}"
        rf"|^{_SP}[^\n|]{{1,60}}{_BAR}(?:{_WEEKDAY}{_SP1})?{_MONTH}{_SP1}{_DAY}{_COMMA}{_YEAR}{_SP1}{_TIME}"
        rf"|^{_SP}[^\n|]{{1,60}}{_BAR}{_TIME}(?:{_SP1}time)?{_COMMA}{_DATE}"
        rf"|^{_SP}{_DATE}{_SP}-{_SP}{_TIME}{_BAR}by{_SP}:?{_SP}{_NAME_WORD}(?:{_SP1}{_NAME_AFTER})?"), ("|", *_WEEKDAY_KEYS)),
    # "By Jane Roe | June 3 , 2010 ; 9:30 PM ET | Permalink | Comments (2)",
    # "Posted by Jane Roe at 01:12 PM | Comments (10) | Permalink", "Apr 29 , 2009 09:23 UTC By Jane Roe"
    ("blog byline", _rx(
        rf"\bBy{_SP1}{_NAME_WORD}(?:{_SP1}(?:{_NAME_WORD}|and)){{0,5}}{_BAR}{_STAMP}(?:{_BAR}{_BLOG_LINK})*"
        rf"|\bPosted{_SP1}by{_SP1}[^\n|]{{1,60}}?{_SP1}at{_SP1}{_TIME}(?:{_BAR}{_BLOG_LINK})+"
        rf"|\b{_MONTH}{_SP1}{_DAY}{_COMMA}{_YEAR}{_SP1}\d{{1,2}}:\d{{2}}{_SP1}{_ZONE}{_SP1}By{_SP1}{_NAME_WORD}"
        rf"(?:{_SP1}(?:{_NAME_WORD}|and)){{1,6}}"), ("By", "Posted")),
    # "Photograph : Jane Roe\/AP" before the first sentence, or after a caption
    ("photo credit", _rx(rf"\b(?:Photograph|Photo|Picture)s?(?:{_SP1}credits?)?{_COLON}{_CREDIT}"), ("Photo", "Picture")),
    # "REUTERS\/Jane Roe" at the start of a line
    ("photo credit", _rx(rf"^{_SP}REUTERS(?:{_SLASH}{_NAME_WORD}(?:{_SP1}{_NAME_AFTER})?)+"), ("REUTERS",)),
    # "AP WASHINGTON -- ...", "AP2010 The port ...": an agency's credit glued to the next line
    ("photo credit", _rx(rf"^{_SP}AP(?:{_YEAR}\b|(?={_SP1}[A-Z]{{2,}}\b))"), ("AP",)),
    # "(AP Photo/Jane Roe) (Jane Roe - AP)"
    ("photo credit", _rx(rf"{_LP}{_SP}(?:AP|AFP){_SP1}Photo{_SLASH}[^\n()]{{1,60}}?{_RP}"
                         rf"(?:{_SP}{_LP}[^\n()]{{1,60}}?-{_SP}(?:AP|AFP){_SP}{_RP})?"), ("Photo",)),
    # "Editor's note: Gazette moderators choose the questions ..." to the end of its line
    ("editor's note", _rx(rf"\b(?i:editor{_SP}[’']?{_SP}s{_SP1}note){_SP}(?::|--)[^\n]*"), ("ditor",)),
    # "For a graphic of the route, click here" inside a line
    ("click here", _rx(rf"\bFor{_SP1}(?:a|an|more|the)\b[^\n.]{{0,100}}?(?:please{_SP1})?(?:click|tap){_SP1}here\b"),
     ("click", "tap")),
    # "This article was amended on 6 May 2010 .", "This post was last changed at 06:36 PM , April 2 2005 , ..."
    ("correction note", _rx(
        rf"\bThis{_SP1}(?:article|story|post|blog{_SP1}post){_SP1}(?:was|has{_SP1}been){_SP1}"
        rf"(?:amended|corrected|updated|edited|last{_SP1}changed){_SP1}(?:on|at){_SP1}[^\n]*"), ("amended", "corrected", "updated", "edited", "changed")),
    # "You can email the author at jane.roe@example.com"
    ("email the author", _rx(rf"\bYou{_SP1}can{_SP1}e-?mail{_SP1}(?:the{_SP1}author|me|us){_SP1}at{_SP1}\S+"), ("mail",)),
    # Where else the article was published, to the end of its sentence: "This article was published
    # on guardian.co.uk .", "A version of this article appears in the spring issue of Harbour Monthly ."
    ("published note", _rx(
        rf"\b(?:This{_SP1}(?:article|story|post|piece){_SP1}was{_SP1}(?:first{_SP1}|originally{_SP1})?published{_SP1}"
        rf"(?:on|in|by)|A{_SP1}version{_SP1}of{_SP1}this{_SP1}(?:article|story|piece){_SP1}(?:appears|appeared|was"
        rf"{_SP1}published|first{_SP1}appeared){_SP1}in)\b{_TO_SENTENCE_END}"), ("published", "version")),
    # A newsroom's telephone line, its number taken out or not: "Call the main Gazette switchboard : 020 ..."
    ("contact", _rx(rf"\bCall{_SP1}(?:the|our)\b[^\n.:]{{0,60}}?\b(?:switchboard|news{_SP}desk|hotline){_SP}:?"
                    rf"(?:{_SP}\+?\d[\d -]{{5,20}}\d)?"), ("Call",)),
    # "Sign up for free e-mail news alerts from Example.com" at the end of a line
    ("newsletter", _rx(
        rf"\b(?:Sign{_SP1}up|Subscribe){_SP1}(?:for|to){_SP1}(?:free{_SP1}|our{_SP1})?(?:e-?mail|newsletters?|daily)[^\n]*"), ("Sign up", "Subscribe")),
    # "(Reporting by Jane Roe ; Editing by John Doe)"
    ("reporting by", _rx(rf"{_LP}{_SP}(?:Additional{_SP1})?(?:Reporting|Writing|Editing)\b[^\n]{{0,200}}?{_RP}"), ("Reporting", "Writing", "Editing")),
    # "Follow the latest business news , comment and analysis on Twitter"
    ("follow", _rx(rf"\bFollow{_SP1}(?:us|the{_SP1}latest|all{_SP1}the)\b[^\n]{{0,100}}?{_SP1}on{_SP1}(?:Twitter|Facebook)\b"), ("Follow",)),
    # A slideshow's controls: "BACK {current} of {total} NEXT"
    ("slideshow", _rx(rf"\bBACK{_SP}(?:\{{|-LCB-){_SP}current{_SP}(?:\}}|-RCB-){_SP}of{_SP}(?:\{{|-LCB-){_SP}total"
                      rf"{_SP}(?:\}}|-RCB-){_SP}NEXT\b"), ("BACK",)),
)


# --- contact addresses --------------------------------------------------------------------------
#: An e-mail address: whatever sentence holds one tells readers where to write ("Letters for
#: publication should be sent to : letters@example.com", "His e-mail address is jroe@example.com",
#: "Send your pictures to yourpics@example.com"), not what happened.
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]+(?:\.[\w-]+)+")
#: Where a sentence ends: its final mark, closing quotes or brackets after it, then a space.
_SENTENCE_BREAK = re.compile(r"[.!?](?:[^\S\n]*(?:''|[\"”’)]|-RRB-))*[^\S\n]+(?=\S)")
#: A sentence's final mark, where it ends a word (not the dots inside a web address).
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD = re.compile(r"\S+")


#: How far a contact sentence is followed back and forward from its address: a page flattened to
#: one line is not one sentence.
_CONTACT_REACH = 400
#: A label before a colon ("If you need help using the site :"): at most this many words.
_LABEL_WORDS = 10


def _contact_marks(text: str) -> Iterator[Mark]:
    """Each sentence that holds an e-mail address, from its start to its end.

    A page flattened to text may glue a contact footer to the article's last sentence ("... is
    published this month by Harbour Press Letters to the editor go to :
    letters@example.com"): where the address follows a colon, the furniture starts at the
    label's first capitalised word, and the clause before it is left to the article.
    """
    for m in _EMAIL.finditer(text):
        reach = max(0, m.start() - _CONTACT_REACH)
        line_start = text.rfind("\n", reach, m.start()) + 1
        # Back to the line's start when it is near, else no further than the address.
        start = line_start if line_start or reach == 0 else m.start()
        for b in _SENTENCE_BREAK.finditer(text, max(reach, line_start), m.start()):
            start = b.end()
        before = text[start : m.start()].rstrip()
        if before.endswith(":"):
            start = _label_start(text, start, start + len(before) - 1)
        limit = min(len(text), m.end() + _CONTACT_REACH)
        line_end = text.find("\n", m.end(), limit)
        limit = limit if line_end < 0 else line_end
        end = _SENTENCE_END.search(text, m.end(), limit)
        near_end = line_end >= 0 or limit == len(text)
        s, e = _trim(text, start, end.end() if end else (limit if near_end else m.end()))
        yield Mark(s, e, "contact")


def _label_start(text: str, start: int, colon: int) -> int:
    """Where the label before ``colon`` starts: its first capitalised word, counting back from the
    colon (a sentence start at ``start`` if none is near)."""
    words = list(_WORD.finditer(text, start, colon))[-_LABEL_WORDS:]
    for w in reversed(words):
        if w.group()[0].isupper():
            return w.start()
    return start


def _has(text: str, keywords: tuple[str, ...]) -> bool:
    return any(k in text for k in keywords)


def _first(text: str, headers: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]) -> int | None:
    """Where the first of ``headers`` is found in ``text``, if anywhere."""
    found = [m.start() for pattern, keywords in headers if _has(text, keywords) and (m := pattern.search(text))]
    return min(found) if found else None


#: A date just before "Last updated at ..." is part of it (a pattern that began with the
#: optional date would try it at every character of every text).
_DATE_BEFORE = re.compile(rf"\b{_DATE}{_SP1}$")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Each line's span, leading and trailing spaces trimmed; blank lines left out."""
    start = 0
    for m in re.finditer(r"\n|$", text):
        s, e = start, m.start()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        start = m.end()
        if m.end() == len(text):
            break


def _tail_start(text: str) -> tuple[Mark, bool] | None:
    """Where the comments or the page trailer begin, if anywhere, and whether the first
    comment's header comes after its text (so that the comment began before it)."""
    found: list[tuple[Mark, bool]] = []
    before = _first(text, _HEADERS_BEFORE)
    if before is not None:
        start, _ = _trim(text, before, len(text))
        found.append((Mark(start, len(text), "comments"), False))
    after = _first(text, _HEADERS_AFTER)
    if after is not None:
        line_start = text.rfind("\n", 0, after) + 1
        start = line_start if after - line_start <= _LONGEST_COMMENT_LINE else after
        found.append((Mark(start, len(text), "comments"), True))
    trailer = _TRAILER.search(text) if "appeared" in text else None
    if trailer:
        found.append((Mark(trailer.start(), len(text), "page trailer"), False))
    return min(found, key=lambda f: f[0].start) if found else None


def find_furniture(text: str) -> list[Mark]:
    """Every piece of furniture in ``text``, in text order, with the rule that found it.

    The tail (comments, page trailer) is one mark from its start to the end of the text; the
    marks before it may overlap each other.
    """
    tail = _tail_start(text)
    body = text[: tail[0].start] if tail else text
    marks: list[Mark] = []
    lines = list(_lines(body))
    lower = body.lower()
    keyed = [rule for rule in _KEYED_LINE_RULES if _has(lower, rule[2])]
    for start, stop in lines:
        if stop - start > _LONGEST_LINE:
            continue
        m = _EVERY_LINE.fullmatch(body, start, stop)
        if m and m.lastgroup:
            marks.append(Mark(start, stop, _LINE_RULES[int(m.lastgroup[1:])][0]))
            continue
        line = lower[start:stop]
        for name, pattern, keys in keyed:
            if _has(line, keys) and pattern.fullmatch(body, start, stop):
                marks.append(Mark(start, stop, name))
                break
    for name, pattern, keywords in _SPAN_RULES:
        if not _has(body, keywords):
            continue
        for m in pattern.finditer(body):
            s, e = _trim(body, m.start(), m.end())
            if name == "last updated" and (before := _DATE_BEFORE.search(body, max(0, s - 40), s)):
                s = before.start()
            if e > s:
                marks.append(Mark(s, e, name))
    if "@" in body:
        marks.extend(_contact_marks(body))
    marks.extend(_captions_before_credits(body, lines, marks))
    if tail:
        mark, header_after = tail
        if header_after:
            # The first comment began after the post's last furniture, if that is close.
            ends = [m.end for m in marks if m.rule in _POST_END and mark.start - m.end <= _POST_END_REACH]
            if ends:
                mark = Mark(_trim(text, max(ends), len(text))[0], len(text), mark.rule)
                marks = [m for m in marks if m.end <= mark.start]
        marks.append(mark)
    marks.sort(key=lambda m: (m.start, -m.end))
    return marks


#: Furniture that closes a post (its byline and time, a note on its changes, a credit): a
#: comment whose header comes after it starts there, when that is at most
#: :data:`_POST_END_REACH` characters before the header's line.
_POST_END = frozenset({"blog byline", "correction note", "contributed", "email the author", "contact", "published note"})
_POST_END_REACH = 2000


#: A caption that ends with where and when its picture was taken ("... in Houston June 3 , 2010 .").
_DATED_CAPTION = re.compile(rf"{_MONTH}{_SP1}{_DAY}{_COMMA}{_YEAR}{_SP}\.$")
#: A gallery's caption: "June 17 : A crane lifts ...", "In this May 26 , 2010 photo , ..."
_GALLERY_CAPTION = re.compile(rf"(?:{_MONTH}{_SP1}{_DAY}(?:{_COMMA}{_YEAR})?{_COLON}|In{_SP1}this\b[^\n]{{0,40}}\bphoto\b)")


def _captions_before_credits(text: str, lines: Sequence[Span], marks: Sequence[Mark]) -> Iterator[Mark]:
    """A picture's caption: the line just before a line that starts with its credit, when it
    ends with the picture's date or starts like a gallery's caption."""
    starts = [s for s, _ in lines]
    for mark in marks:
        if mark.rule != "photo credit":
            continue
        i = bisect.bisect_left(starts, mark.start)
        if i < len(starts) and starts[i] == mark.start and i > 0:
            s, e = lines[i - 1]
            if e - s <= _LONGEST_LINE and (_DATED_CAPTION.search(text, s, e) or _GALLERY_CAPTION.match(text, s, e)):
                yield Mark(s, e, "caption")


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def page_furniture(text: str) -> tuple[tuple[Span, ...], int]:
    """The furniture of ``text`` as sorted, disjoint spans (overlapping marks merged), and
    where the article's body ends: where readers' comments or the page trailer start (the
    text's length if nowhere)."""
    marks = find_furniture(text)
    body_end = marks[-1].start if marks and marks[-1].rule in _TAIL_RULES else len(text)
    merged: list[list[int]] = []
    for mark in marks:
        if merged and mark.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], mark.end)
        else:
            merged.append([mark.start, mark.end])
    return tuple((s, e) for s, e in merged), body_end


def furniture_spans(text: str) -> tuple[Span, ...]:
    """The furniture of ``text`` as sorted, disjoint spans."""
    return page_furniture(text)[0]


def article_body_end(text: str) -> int:
    """Where readers' comments or the page trailer start (the text's length if nowhere).

    The language pipeline stops there: commenters are not sources of the story, and on
    some pages their talk is most of the text.
    """
    return page_furniture(text)[1]


def in_furniture(spans: Sequence[Span], start: int, end: int) -> bool:
    """Whether most of ``[start, end)`` is furniture (``spans`` sorted and disjoint)."""
    if end <= start or not spans:
        return False
    i = bisect.bisect_right(spans, (end, end))
    covered = 0
    while i > 0:
        i -= 1
        s, e = spans[i]
        if e <= start:
            break
        covered += min(e, end) - max(s, start)
    return 2 * covered > end - start


def furniture_component(doc: Any) -> Any:
    """Pipeline component: ``doc._.furniture``, the furniture spans of the whole article (kept
    if the Doc was made with them, as :func:`chronicle.extract.pipeline.make_doc` does).

    Typed loosely so that this module, which the store's reader uses too, does not import spaCy.
    """
    if doc._.furniture is None:
        article = doc._.article
        doc._.furniture = furniture_spans(article.text) if article is not None else ()
    return doc
