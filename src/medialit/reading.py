"""Read articles from files: plain text, Markdown, and saved HTML pages.

HTML is turned into text with the standard library's parser: scripts, styles
and navigation are dropped, block elements become paragraph breaks, and
entities are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .document import Document
from .errors import MAX_FILE_BYTES, check_text, decode_bytes, read_limited

__all__ = ["SUFFIXES", "html_to_text", "read_document"]

#: File types read_document understands.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "figure",
    "figcaption", "pre", "hr", "br", "dd", "dt", "dl",
}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "nav", "form", "button"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in _SKIP and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def _extract(html: str) -> tuple[str, str | None]:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in paragraphs if p), parser.title


def html_to_text(html: str) -> str:
    """The readable text of an HTML page or fragment, paragraphs separated by blank lines.

    >>> html_to_text("<p>One &amp; two.</p><script>alert(1)</script><p>Three.</p>")
    'One & two.\\n\\nThree.'
    """
    return _extract(html)[0]


def read_document(path: str | Path, title: str | None = None) -> Document:
    """Read a ``.txt``, ``.md`` or saved ``.html`` file into a :class:`Document`.

    UTF-8 with or without a byte-order mark, or UTF-16 with one. Raises
    ``FileNotFoundError`` for a missing path and ``ValueError`` (one line,
    saying what to do) for a file that is empty, binary, not UTF-8, of an
    unknown type, not a regular file (a device or pipe), a symbolic-link loop
    or over ``MAX_FILE_BYTES`` (5 MB).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and path.is_file():
        raise ValueError(
            f"{path.name}: medialit reads {', '.join(SUFFIXES)} files; "
            "save the article as plain text or HTML"
        )
    text = decode_bytes(read_limited(path, path.name, MAX_FILE_BYTES), name=path.name)
    page_title = None
    if suffix in (".html", ".htm"):
        text, page_title = _extract(text)
    if not text.strip():
        raise ValueError(f"{path.name} has no text in it: check that you saved the article")
    try:
        check_text(text)
    except ValueError as exc:
        raise ValueError(f"{path.name}: {exc}") from None
    return Document(text, title=title or page_title, metadata={"path": str(path)})
