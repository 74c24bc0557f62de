"""Turning the bytes of an untrusted file into text, or a reason why not."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["DecodeError", "content_hash", "decode_bytes", "normalize_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab/newline/carriage return/form feed: a text file has almost none.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
_SPACE = re.compile(r"\s+")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode_bytes(data: bytes) -> str:
    """Decode file contents, detecting the charset when it is not UTF-8.

    Raises :class:`DecodeError` with a reason fit for the user for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"declares {encoding} by its byte-order mark but is not valid {encoding}") from exc
    head = data[:65536]
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise DecodeError("binary file (control bytes): not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not UTF-8 and no other text encoding fits")
    return str(best)


def normalize_text(text: str) -> str:
    """The form of a text used to recognise copies: case, accents' encoding and spacing folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's text (exact-copy detection)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
