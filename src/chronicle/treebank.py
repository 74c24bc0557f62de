"""The escapes of tokenized news text, written back as a reader expects them.

Tokenized corpora (Timeline17, PolNeAR's sources) write brackets as the Penn Treebank's tokens
and escape slashes; whatever is shown to a reader (a summary, evidence, a claim) is written back.
"""

from __future__ import annotations

import re

__all__ = ["readable"]

# The Penn Treebank's bracket tokens, as tokenized corpora (Timeline17) write brackets: the
# opening one binds to the word after it, the closing one to the word before ("80 km -LRB- 50
# miles -RRB-" is "80 km (50 miles)").
_OPENING = re.compile(r"-(L[RSC])B-[^\S\n]*")
_CLOSING = re.compile(r"[^\S\n]*-(R[RSC])B-")
_BRACKETS = {"LR": "(", "LS": "[", "LC": "{", "RR": ")", "RS": "]", "RC": "}"}


def readable(text: str) -> str:
    """``text`` with the treebank's bracket tokens and escaped slashes written as a reader
    expects them: "5 Quick -LRB- Practical -RRB- Fixes" is "5 Quick (Practical) Fixes".

    For what is shown, never for what is looked up: the text's length changes, so offsets into
    the article (evidence ``start``/``end``) are taken from the article's own text.
    """
    if "-" in text:
        text = _OPENING.sub(lambda m: _BRACKETS[m.group(1)], text)
        text = _CLOSING.sub(lambda m: _BRACKETS[m.group(1)], text)
    return text.replace("\\/", "/")
