"""Plain text out of an HTML fragment (feed summaries and contents)."""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError

__all__ = ["flatten_deep_html", "html_to_text"]

_BLOCK = re.compile(r"\n\s*\n+")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# libxml2 stops building the tree 256 elements deep and drops what is below: a page nested
# deeper (a broken or hostile one) loses all its text unless flattened first.
_MAX_DEPTH = 200
# Tags that carry the text's structure; every other tag goes when a page is flattened.
_KEEP = re.compile(r"</?(?:p|br|h[1-6]|li|title|meta|head|body|html|time|script|style)\b[^>]*>", re.I)


def _too_deep(html: str) -> bool:
    depth = 0
    for m in _TAG.finditer(html):
        if m[1]:
            depth = max(0, depth - 1)
        elif not m[3] and m[2].lower() not in _VOID:
            depth += 1
            if depth > _MAX_DEPTH:
                return True
    return False


def flatten_deep_html(html: str) -> str:
    """The page as is, or, when it nests deeper than the parser goes, with its containers removed."""
    if not _too_deep(html):
        return html
    return _TAG.sub(lambda m: m[0] if _KEEP.fullmatch(m[0]) else " ", html)


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, paragraphs kept apart; scripts and styles dropped."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(flatten_deep_html(fragment), create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3|//h4|//h5|//h6"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    return _BLOCK.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()
