"""Quotations for attributions: which quoted words a cue introduces or closes.

The quoted regions themselves come from the shared text basis
(:attr:`medialit.text.Document.quotes`), so attribution, stance and framing
agree on what is quoted; here they are indexed by where they start and end.

>>> from medialit.text import as_document
>>> doc = as_document('He said: "We will win," and left.')
>>> spans = Quotes([(q.start, q.end) for q in doc.quotes])
>>> list(spans), inner(doc.text, *spans[0]).text
([(9, 23)], 'We will win')
"""

from __future__ import annotations

import bisect
import re

from ..document import Span
from .phrases import Phrase
from .tokens import CLOSE_QUOTES, OPEN_QUOTES, Tok

__all__ = ["Quotes", "inner", "quote_for"]

class Quotes(list):
    """Quotation spans as a list of (start, end), with lookups by start and by end."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        super().__init__(spans)
        self.by_start = {a: b for a, b in spans}
        self.by_end = {b: a for a, b in spans}
        self._starts = [a for a, _ in spans]

    def strictly_inside(self, at: int) -> bool:
        """True when ``start < at < end`` for some quotation (bisect: the spans are sorted and
        do not overlap)."""
        k = bisect.bisect_left(self._starts, at) - 1
        return k >= 0 and at < self[k][1]


def inner(text: str, a: int, b: int) -> Span:
    """The quoted words of the quotation ``text[a:b]``, without marks, spaces or a final comma."""
    s, e = a + (2 if text[a:a + 2] in {"''", "``"} else 1), b
    if e - 2 > s and text[e - 2:e] == "''":
        e -= 2
    elif e > s and text[e - 1] in CLOSE_QUOTES:
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    if s >= e:
        s, e = a, b
    return Span(s, e, text[s:e])


_AFTER_CUE = re.compile(r"[\s,:]*(?:that\s+)?")
_BLOCK_START = re.compile(r":?\s*\n\s*")


def _block_quote(text: str, cue: Span, para_by_start: dict[int, Span]) -> Span | None:
    """The block quote after a cue that ends its paragraph with a colon."""
    if not (cue.text.endswith(":") or text[cue.end:cue.end + 1] == ":"):
        return None
    m = _BLOCK_START.match(text, cue.end)
    if not m or m.end() not in para_by_start:
        return None
    p = para_by_start[m.end()]
    s, e = p.start, p.end
    if text[s] in OPEN_QUOTES:
        return inner(text, s, e)
    return Span(s, e, text[s:e])


def quote_for(text: str, toks: list[Tok], cue: Span, src: Phrase | None, quotes: Quotes,
              para_by_start: dict[int, Span]) -> tuple[Span | None, bool]:
    """The quotation this attribution introduces or closes, if any, and whether it is direct."""
    # after the cue: ': "..."', ', "..."', ' that "..."'
    after = _AFTER_CUE.match(text[cue.end:cue.end + 12])
    pos = cue.end + (after.end() if after else 0)
    if pos in quotes.by_start:
        return inner(text, pos, quotes.by_start[pos]), True
    # block quote: the cue ends its paragraph with a colon, the next paragraph is a quote
    block = _block_quote(text, cue, para_by_start)
    if block is not None:
        return block, True
    # before the frame: '"...," he said' / '"..." said Tan'
    frame_start = min(cue.start, toks[src[0]].start if src else cue.start)
    b = frame_start
    while b > 0 and text[b - 1] in " \t\n\r,—–-":
        b -= 1
    for end in range(frame_start, b - 1, -1):
        if end in quotes.by_end:
            return inner(text, quotes.by_end[end], end), True
    return None, False
