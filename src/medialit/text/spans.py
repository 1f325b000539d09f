"""Spans: stretches of a text as exact half-open character offsets.

>>> Span(4, 9, "quick").overlaps(Span(8, 12, "k br"))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ConcordanceLine", "Paragraph", "ParagraphKind", "Span"]

#: The kinds of :class:`Paragraph`.
ParagraphKind = Literal["heading", "paragraph", "quote"]


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, order=True)
class Paragraph(Span):
    """A paragraph span with its ``kind``: ``"heading"``, ``"paragraph"`` or ``"quote"``."""

    kind: ParagraphKind = "paragraph"


@dataclass(frozen=True)
class ConcordanceLine:
    """One keyword-in-context line: the match with ``width`` characters either side."""

    start: int
    end: int
    left: str
    match: str
    right: str

    def __str__(self) -> str:
        return f"{self.left} [{self.match}] {self.right}"
