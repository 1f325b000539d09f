"""Text in, :class:`Document` out: the names of :mod:`medialit.text`, where they are defined.

Kept so that ``from medialit.document import Document, Span, token_spans`` keeps
working; new code imports from :mod:`medialit.text`.

>>> Document.from_text("One. Two.").sentences[1].text
'Two.'
"""

from __future__ import annotations

from .text import (
    ConcordanceLine,
    Document,
    Paragraph,
    Span,
    as_document,
    paragraph_spans,
    sentence_spans,
    token_spans,
)

__all__ = [
    "ConcordanceLine",
    "Document",
    "Paragraph",
    "Span",
    "as_document",
    "paragraph_spans",
    "sentence_spans",
    "token_spans",
]
