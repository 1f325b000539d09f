"""Lexicon terms in a text: the matcher behind loaded language, perspective and evaluative words.

A term is written in the lexicon syntax of ``medialit/data/*.tsv``: words
separated by spaces (any whitespace matches), a word ending in ``*`` matches
any word that begins so, and a straight apostrophe also matches a curly one.
A term may start only at a run of letters inside a token of the text
(:attr:`medialit.Document.tokens`), and never inside a hyphenated word. Where terms overlap, the longest
wins, left to right.

>>> from medialit.text import as_document
>>> matcher = TermMatcher([("bloody", "violence"), ("war*", "violence"), ("cold war", "history")])
>>> doc = as_document("A bloody, warlike cold war.")
>>> [(doc.text[s:e], value) for s, e, value in matcher.find(doc)]
[('bloody', 'violence'), ('warlike', 'violence'), ('cold war', 'history')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..data import DataFileError
from .document import Document
from .spans import Span

__all__ = ["TermMatcher", "term_regex"]

_LEAD = re.compile(r"\w+")


def term_regex(term: str) -> str:
    """A lexicon term as a regular expression: spaces match any whitespace, ``word*`` a prefix."""
    parts = []
    for word in term.split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.sub(r"['’]", "['’]", re.escape(word)))
    return r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])"


class TermMatcher:
    """Find (term, value) pairs in a document: longest match first, left to right, no overlaps.

    Terms are indexed by their first run of letters, so each token of the text is
    compared with the few entries that could start there (linear in the text).
    """

    def __init__(self, entries: list[tuple[str, Any]]) -> None:
        self.exact: dict[str, list[tuple[int, re.Pattern[str], Any]]] = {}
        self.prefix: dict[str, list[tuple[str, int, re.Pattern[str], Any]]] = {}
        for term, value in entries:
            lead = _LEAD.match(term)
            if lead is None:
                raise DataFileError(f"term {term!r} must start with a letter or digit")
            rx = re.compile(term_regex(term), re.IGNORECASE)
            head = lead.group().lower()
            if term[lead.end() : lead.end() + 1] == "*":
                self.prefix.setdefault(head[:2], []).append((head, len(term), rx, value))
            else:
                self.exact.setdefault(head, []).append((len(term), rx, value))

    def _candidates(self, low: str) -> list[tuple[int, re.Pattern[str], Any]]:
        candidates = list(self.exact.get(low, ()))
        candidates += [(n, rx, v) for head, n, rx, v in self.prefix.get(low[:2], ()) if low.startswith(head)]
        return sorted(candidates, key=lambda c: -c[0])

    def find(self, doc: Document, within: Span | None = None) -> Iterator[tuple[int, int, Any]]:
        """Yield ``(start, end, value)`` for each term found in ``doc`` (or in the span ``within``)."""
        text = doc.text
        end = len(text) if within is None else within.end
        tokens = doc.tokens if within is None else doc.tokens_in(within)
        position = 0
        for token in tokens:
            for lead in _LEAD.finditer(text, token.start, min(token.end, end)):
                if lead.start() < position:
                    continue
                best = self._longest(text, lead.start(), end)
                if best:
                    yield best
                    position = best[1]

    def _longest(self, text: str, start: int, end: int) -> tuple[int, int, Any] | None:
        """The longest term that matches at ``start``, as (start, end, value), or None."""
        word = _LEAD.match(text, start, end).group().lower()  # the whole run, even where the tokenizer split it
        best = None
        for _, rx, value in self._candidates(word):
            match = rx.match(text, start, end)
            if match and (best is None or match.end() > best[1]):
                best = (match.start(), match.end(), value)
        return best
