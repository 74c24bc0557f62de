"""Plain text out of an HTML fragment (feed summaries and contents)."""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

__all__ = ["html_to_text"]

_BLOCK = re.compile(r"\n\s*\n+")


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, paragraphs kept apart; scripts and styles dropped."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3|//h4|//h5|//h6"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    return _BLOCK.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()
