"""Parts of a page that are not the article: readers' comments under it."""

from __future__ import annotations

import re

__all__ = ["COMMENT_HEADER", "article_body_end"]

#: The header of a reader comment under an online article ("At 12:32 pm on 09 Jun 2010 ,
#: dancer54 wrote :", "Posted by : K | September 24 , 2008 3:54 PM | Report abuse"). What
#: follows it is readers' talk, and its timestamps are not references to events.
COMMENT_HEADER = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b[^.!?]{0,60}?\bwrote\s*:|\bPosted by\s*:|\|\s*Report abuse\b"
    r"|(?:^|\n)\s*--\s*[A-Z][a-z]+\.? \d{1,2} ?, \d{4},? \d{1,2}:\d{2}",
    re.IGNORECASE,
)


def article_body_end(text: str) -> int:
    """Where readers' comments start (the text's length if there are none).

    The language pipeline stops there: commenters are not sources of the story, and on
    some pages their talk is most of the text.
    """
    m = COMMENT_HEADER.search(text)
    return m.start() if m else len(text)
