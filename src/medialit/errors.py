"""Checks on input text, each failing with a one-line message that says what to fix."""

from __future__ import annotations

import re

__all__ = ["MAX_CHARS", "MAX_FILE_BYTES", "check_text", "decode_bytes", "looks_like_html"]

#: Largest text medialit accepts: 20 million characters (about 3 million words,
#: far more than any article; a book-length file still fits).
MAX_CHARS = 20_000_000
#: Largest file :func:`medialit.read_document` opens: 40 MB.
MAX_FILE_BYTES = 40_000_000

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|script|style|img|h[1-6]|li|ul|table|meta)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than prose."""
    if _HTML_START.search(text[:2000]):
        return True
    tags = len(_HTML_TAG.findall(text[:20000]))
    words = len(text[:20000].split())
    return tags >= 3 and tags * 8 > words


def decode_bytes(data: bytes, name: str = "the text") -> str:
    """Decode UTF-8 (with or without a byte-order mark) or say which byte is wrong."""
    if b"\x00" in data[:8192]:
        raise ValueError(f"{name} looks like a binary file, not text: save it as plain text (.txt)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{name} is not UTF-8 text: byte 0x{data[exc.start]:02X} at position {exc.start} "
            "cannot be read; save the file as UTF-8 and try again"
        ) from None


def check_text(text: object) -> str:
    """Return ``text`` if medialit can analyse it, else raise a one-line ValueError."""
    if isinstance(text, (bytes, bytearray)):
        text = decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"expected text (a str), got {type(text).__name__}: pass the article's text")
    if not text.strip():
        raise ValueError("the text is empty: paste or load an article with some words in it")
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"the text has {len(text):,} characters, over medialit's limit of {MAX_CHARS:,}: "
            "split it into smaller files"
        )
    if "\x00" in text:
        raise ValueError("the text contains NUL characters, as binary files do: load a plain-text file")
    if looks_like_html(text):
        raise ValueError(
            "this looks like HTML, not plain text: use medialit.html_to_text(text) "
            "or save the page and call medialit.read_document('page.html')"
        )
    return text
