"""The text basis: one reading of a text that every detector shares.

Every detector (hedges, attributions, loaded language, perspective, claims,
sentiment) reads a text through this package, so that they agree on where the
paragraphs, sentences, words and quotations are. Each is defined once, here:

``as_document(text_or_doc) -> Document``
    The str-or-Document coercion. Every detector function accepts either.
``Document``
    A text with its ``paragraphs``, ``sentences``, ``tokens``, ``words`` and
    ``quotes``, all computed once (cached) as exact offsets:
    ``doc.text[s.start:s.end] == s.text`` for every span ``s``.
``Document.sentences`` / ``Document.sentence_of(offset)`` / ``Document.sentence_index(offset)``
    The only sentence splitter (NLTK Punkt with medialit's abbreviations, never
    crossing a paragraph); lookups by offset use bisect (O(log n)).
``Document.tokens`` / ``Document.token_offsets`` / ``token_spans(text, start, end)``
    The only word tokenizer: NLTK's Treebank rules (its ``span_tokenize``
    offsets, curly apostrophes read as straight ones), run over all sentences
    at once by :mod:`medialit.text.tokens`; ``Document.words`` are the tokens
    with a letter or digit.
``quote_regions(text) -> QuoteRegions`` / ``Document.quotes``
    Quoted regions (:class:`Quote`, ``kind`` ``"marks"`` or ``"block"``):
    straight and curly double quotes, guillemets, the ASCII pairs \\`\\` '', and
    block-quote paragraphs. Linear time; an unclosed quotation stops at the
    end of its paragraph. See :mod:`medialit.text.quotes` for the rules.
``quote_at(regions, start, end) -> Quote | None`` / ``in_quote(regions, start, end) -> bool``
    Is this stretch quoted? O(log n) with the regions above
    (also ``Document.quote_at(start, end)``).
``Result``
    The protocol every detector result follows: ``start``, ``end``, ``text``,
    ``label`` and ``rule``.
``Span``, ``Paragraph``, ``ConcordanceLine``, ``paragraph_spans``, ``sentence_spans``
    The building blocks (also importable from :mod:`medialit.document`, as before).

>>> from medialit.text import as_document, quote_regions, in_quote, Result
>>> doc = as_document('Officials said: "We may win." It rained in Paris. (Dr. Lee agreed.)')
>>> [s.text for s in doc.sentences]
['Officials said: "We may win."', 'It rained in Paris.', '(Dr. Lee agreed.)']
>>> doc.sentence_of(doc.text.index("Paris")).text
'It rained in Paris.'
>>> [q.text for q in doc.quotes]
['"We may win."']
>>> start = doc.text.index("may")
>>> doc.quote_at(start, start + 3).kind
'marks'
>>> in_quote(quote_regions(doc.text), 0, 9)
False
>>> [t.text for t in doc.tokens][:4]
['Officials', 'said', ':', '"']
>>> as_document(doc) is doc
True
>>> from medialit.text import Span
>>> isinstance(Span(0, 1, "O"), Result)  # a bare span has no label or rule
False
"""

from __future__ import annotations

from .document import Document, as_document, paragraph_spans, sentence_spans, token_spans
from .quotes import QUOTE_KINDS, Quote, QuoteKind, QuoteRegions, in_quote, quote_at, quote_regions
from .result import Result
from .spans import ConcordanceLine, Paragraph, ParagraphKind, Span

__all__ = [
    "QUOTE_KINDS",
    "ConcordanceLine",
    "Document",
    "Paragraph",
    "ParagraphKind",
    "Quote",
    "QuoteKind",
    "QuoteRegions",
    "Result",
    "Span",
    "as_document",
    "in_quote",
    "paragraph_spans",
    "quote_at",
    "quote_regions",
    "sentence_spans",
    "token_spans",
]
