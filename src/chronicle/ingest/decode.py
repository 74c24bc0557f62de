"""Turning the bytes of an untrusted file into text, or a reason why not."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["DecodeError", "clean_text", "content_hash", "decode_bytes", "decode_head", "normalize_text"]

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
# Lone surrogates cannot be encoded (JSON's "\\ud800" makes one); controls other than tab and
# newline have no place in an article and some are terminal escapes.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile("\r\n?|[\x0c\x85\u2028\u2029]")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode_bytes(data: bytes) -> str:
    """Decode file contents, detecting the charset when it is not UTF-8.

    Raises :class:`DecodeError` with a reason fit for the user for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"declares {encoding} by its byte-order mark but is not valid {encoding}") from exc
    head = data[:65536]
    if b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError("binary file (control bytes): not text")
        return utf16
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not UTF-8 and no other text encoding fits")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that carries no byte-order mark, told by where its zero bytes fall.

    Latin text in UTF-16 has a zero in every other byte; text in one other script repeats one high
    byte. Binary data rarely decodes at all, and when it does its characters are spread over many
    blocks, so the text must decode strictly and keep to one block for most of its characters.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    evens, odds = sample[0::2], sample[1::2]
    # Chinese or Japanese spread over many high bytes, but the ASCII among them (digits, spaces,
    # a header) puts its zeros on the high side only.
    # (a character such as U+4E00 has a zero on the low side: one side must merely dominate).
    zeros_odd, zeros_even = odds.count(0), evens.count(0)
    one_side_zeros = max(zeros_odd, zeros_even) >= 4 * min(zeros_odd, zeros_even) + 1
    if (one_side_zeros and zeros_odd > zeros_even) or (not one_side_zeros and len(set(odds)) < len(set(evens))):
        encoding, high = "utf-16-le", odds
    else:
        encoding, high = "utf-16-be", evens
    if not one_side_zeros and max(high.count(b) for b in set(high)) < len(high) // 2:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for c in text[:2048] if c.isprintable() or c in "\t\n\r")
    if "\x00" in text or printable < 0.97 * min(len(text), 2048):
        return None
    return text


def decode_head(data: bytes) -> str:
    """The first bytes of a file as text, leniently (a multi-byte character may be cut at the end)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "ignore").lstrip("\ufeff")
    utf16 = _utf16_without_bom(data[: len(data) - len(data) % 2])
    return utf16 if utf16 is not None else data.decode("utf-8", "ignore")


def clean_text(text: str) -> str:
    """Text fit to store and show: one newline convention, no lone surrogates, no control characters."""
    text = _NEWLINES.sub("\n", text)
    return _CONTROL_CHARS.sub("", _SURROGATE.sub("\ufffd", text))


def normalize_text(text: str) -> str:
    """The form of a text used to recognise copies: case, accents' encoding and spacing folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's text (exact-copy detection)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
