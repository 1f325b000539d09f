"""Quoted text: where a text gives someone else's words, found once for every detector.

Two kinds of region count as quoted:

* ``marks``: words between quotation marks. Curly double quotes (“ ”),
  straight double quotes ("), guillemets (« »), the low German opener („)
  and the ASCII pairs of converted corpora (\\`\\` and ''). Any closing mark
  closes the open quotation; a second opening mark inside an open quotation
  is ignored. A quotation never crosses a paragraph: an unclosed one runs to
  the end of its paragraph (news writing leaves a quotation open when it goes
  on in the next paragraph, which opens it again). Two apostrophes after a
  letter ("rock''n''roll") are not a quotation mark. Single quotes (‘ ’) are
  not quotation marks here: they are apostrophes, scare quotes or quotes
  inside quotes, and the last are inside a double-quoted region anyway.
* ``block``: a paragraph of kind ``quote`` (see
  :func:`medialit.text.paragraph_spans`): one wholly inside quotation marks,
  or one that follows a paragraph ending in a colon ("... and added:").

Regions of the same kind never overlap; a ``marks`` region may lie inside a
``block`` one. The scan visits each character once, so the cost is linear in
the text, whatever the marks (unclosed, nested, or none).

>>> text = 'He said: "We will win." Then he left.'
>>> regions = quote_regions(text)
>>> [(q.text, q.kind) for q in regions]
[('"We will win."', 'marks')]
>>> in_quote(regions, text.index("win"), text.index("win") + 3)
True
>>> quote_at(regions, 0, 2) is None
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .spans import Paragraph, Span

__all__ = ["QUOTE_KINDS", "Quote", "QuoteKind", "QuoteRegions", "in_quote", "quote_at", "quote_regions"]

#: ``marks`` (between quotation marks) or ``block`` (a block-quote paragraph).
QuoteKind = Literal["marks", "block"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("marks", "block")

#: Marks that open a quotation, and marks that close one.
OPENING_MARKS = frozenset({"“", "«", "„", '"', "``"})
CLOSING_MARKS = frozenset({"”", "»", '"', "''"})

_MARK = re.compile(r"''|``|[“”«»„\"]")


@dataclass(frozen=True, order=True)
class Quote(Span):
    """A quoted region, marks included: ``text == source[start:end]``; ``kind`` is marks or block."""

    kind: QuoteKind = "marks"

    @property
    def label(self) -> str:
        """The kind, for highlights."""
        return self.kind

    @property
    def rule(self) -> str:
        """Why this region counts as quoted."""
        if self.kind == "block":
            return "a block-quote paragraph"
        return "between quotation marks"


class QuoteRegions(list):
    """Quote regions in text order (a list of :class:`Quote`), with lookups by offset in O(log n)."""

    def __init__(self, quotes: Iterable[Quote] = ()) -> None:
        super().__init__(sorted(quotes, key=lambda q: (q.start, -q.end)))
        self._index = {
            kind: ([q.start for q in self if q.kind == kind], [q for q in self if q.kind == kind])
            for kind in QUOTE_KINDS
        }

    def around(self, start: int, end: int | None = None) -> list[Quote]:
        """Every region holding ``start:end`` (``end`` defaults to ``start + 1``), innermost first."""
        end = start + 1 if end is None else end
        out = []
        for kind in QUOTE_KINDS:  # marks first: they lie inside blocks
            starts, quotes = self._index[kind]
            k = bisect.bisect_right(starts, start) - 1
            if k >= 0 and quotes[k].start <= start and end <= quotes[k].end:
                out.append(quotes[k])
        return out

    def at(self, start: int, end: int | None = None) -> Quote | None:
        """The innermost region holding ``start:end`` (``end`` defaults to ``start + 1``), or None."""
        around = self.around(start, end)
        return around[0] if around else None


def _mark_regions(text: str, para: Span) -> list[Quote]:
    """Quotation-mark regions of one paragraph (marks included)."""
    out = []
    open_at = None
    for m in _MARK.finditer(text, para.start, para.end):
        mark = m.group()
        if open_at is None:
            if mark == "''" and m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # two apostrophes inside a word, not a quotation
            if mark in OPENING_MARKS or mark == "''":
                open_at = m.start()
        elif mark in CLOSING_MARKS or (mark == "“" and text[open_at] == "„"):
            out.append(Quote(open_at, m.end(), text[open_at : m.end()], "marks"))
            open_at = None
    if open_at is not None and para.end - open_at > 1:
        out.append(Quote(open_at, para.end, text[open_at : para.end], "marks"))
    return out


def quote_regions(text: str, paragraphs: Sequence[Paragraph] | None = None) -> QuoteRegions:
    """Every quoted region of ``text``: quotation marks and block quotes, in text order.

    ``paragraphs`` are ``text``'s paragraphs when you already have them
    (:attr:`medialit.Document.paragraphs`); otherwise they are found here.
    The result is a list of :class:`Quote` with fast lookups (:meth:`QuoteRegions.at`).

    >>> [q.text for q in quote_regions("“Unclosed, she said.\\n\\nA new paragraph.")]
    ['“Unclosed, she said.']
    >>> [(q.kind, q.text) for q in quote_regions("He added:\\nWe stay.")]
    [('block', 'We stay.')]
    """
    if paragraphs is None:
        from .document import paragraph_spans

        paragraphs = paragraph_spans(text)
    quotes: list[Quote] = []
    for para in paragraphs:
        quotes.extend(_mark_regions(text, para))
        if para.kind == "quote":
            quotes.append(Quote(para.start, para.end, para.text, "block"))
    return QuoteRegions(quotes)


def _index(regions: Sequence[Quote]) -> QuoteRegions:
    return regions if isinstance(regions, QuoteRegions) else QuoteRegions(regions)


def quote_at(regions: Sequence[Quote], start: int, end: int | None = None) -> Quote | None:
    """The innermost quoted region holding ``start:end``, or None.

    ``regions`` is what :func:`quote_regions` or :attr:`medialit.Document.quotes`
    returned (lookups then take O(log n)); any list of :class:`Quote` also works.
    """
    return _index(regions).at(start, end)


def in_quote(regions: Sequence[Quote], start: int, end: int | None = None) -> bool:
    """True when ``start:end`` lies wholly inside a quoted region."""
    return quote_at(regions, start, end) is not None
