"""Text in, :class:`Document` out: paragraphs, sentences and tokens as exact offsets.

Every span in a :class:`Document` is a half-open pair of character offsets into
``doc.text`` plus the slice itself, so ``doc.text[span.start:span.end] == span.text``
always holds. Later tools (hedges, sources, quizzes, highlights) point back into
the text through these offsets.

Sentences come from NLTK's Punkt with parameters we set ourselves (a list of
abbreviations shipped in ``medialit/data/abbreviations.txt``); tokens follow
NLTK's ``NLTKWordTokenizer`` rules (:mod:`medialit.text.tokens`). No NLTK data
is downloaded.

>>> doc = Document.from_text("Dr. Lee said it may rain. It did not.")
>>> [s.text for s in doc.sentences]
['Dr. Lee said it may rain.', 'It did not.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

from ..data import load_wordlist
from ..errors import MAX_CHARS, check_text
from .quotes import Quote, QuoteRegions, quote_regions
from .spans import ConcordanceLine, Paragraph, Span
from .tokens import gc_paused, token_offsets

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


# A heading: a short line with no closing punctuation (the case study has two).
HEADING_MAX_WORDS = 16
_CLOSING = ".!?:;,…\"'”’)»"
_WORD = re.compile(r"\w", re.UNICODE)
_QUOTE_OPEN = "\"“«„'‘"
_QUOTE_CLOSE = "\"”»“'’"


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as stripped (start, end) pairs."""
    out = []
    for match in re.finditer(r"[^\r\n]+", text[start:end]):
        s, e = match.start() + start, match.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a block looks like one paragraph wrapped at a fixed width."""
    if len(lines) < 3:
        return False
    widths = [e - s for s, e in lines[:-1]]
    return max(widths) <= 100 and min(widths) >= 0.6 * max(widths)


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and line[-1] not in _CLOSING
        and line[0].isupper()
        and bool(_WORD.search(line))
    )


def _is_quote(line: str) -> bool:
    return len(line) > 1 and line[0] in _QUOTE_OPEN and line[-1] in _QUOTE_CLOSE


# A block: from a non-blank character up to a blank line ("\n", spaces, "\n") or the end; each
# line is taken whole ([^\n]*), not one character at a time, which is ten times faster.
_BLOCK = re.compile(r"\S[^\n]*(?:\n(?![ \t\r\f\v]*\n)[^\n]*)*")


def paragraph_spans(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs, each with its kind.

    A paragraph is a block between blank lines, or a line of its own when the
    line before it ends a sentence (web pages saved as text often put one
    paragraph on each line). Blocks hard-wrapped at a fixed width stay whole.
    A short line without closing punctuation is a ``heading``; a paragraph
    that follows one ending in a colon ("... and added:"), or that is wholly
    inside quotation marks, is a ``quote``.
    """
    blocks = [m.span() for m in _BLOCK.finditer(text)]
    paragraphs: list[Paragraph] = []
    for block_start, block_end in blocks:
        lines = _line_spans(text, block_start, block_end)
        if not lines:
            continue
        if _hard_wrapped(text, lines):
            groups = [[lines[0][0], lines[-1][1]]]
        else:
            groups = []
            for s, e in lines:
                previous = text[groups[-1][0] : groups[-1][1]] if groups else ""
                if groups and not (previous[-1] in _CLOSING or _is_heading(previous)):
                    groups[-1][1] = e
                else:
                    groups.append([s, e])
        for s, e in groups:
            line = text[s:e]
            kind = "paragraph"
            if _is_heading(line):
                kind = "heading"
            elif _is_quote(line) or (paragraphs and paragraphs[-1].text.endswith(":")):
                kind = "quote"
            paragraphs.append(Paragraph(s, e, line, kind))
    return paragraphs


_sentence_tokenizer = None
_SENTENCE_END = re.compile(r"[.?!]")  # Punkt's sentence-ending characters
#: Characters no sentence starts with: a cut before one is undone.
_NO_SENTENCE_START = frozenset(")],;:")
#: A possessive right after an abbreviation is no sentence start: "Washington D.C.| ’s attorney".
_POSSESSIVE_START = re.compile(r"['’]s\b")


def _punkt():
    global _sentence_tokenizer
    if _sentence_tokenizer is None:
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

        params = PunktParameters()
        params.abbrev_types = set(load_wordlist("abbreviations.txt"))
        _sentence_tokenizer = PunktSentenceTokenizer(params)
    return _sentence_tokenizer


def sentence_spans(text: str, paragraphs: list[Paragraph] | None = None) -> list[Span]:
    """Sentences of ``text``, never crossing a paragraph break (headings are one sentence).

    Punkt's cut is undone where the next "sentence" starts with a lower-case
    letter on the same line: the cut followed an abbreviation Punkt did not know.

    >>> [s.text for s in sentence_spans("Carl Paladino, Trump campaign N.Y. co-chair, says so. Yes.")]
    ['Carl Paladino, Trump campaign N.Y. co-chair, says so.', 'Yes.']
    """
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    punkt = _punkt()
    out: list[Span] = []
    for para in paragraphs:
        if para.kind == "heading":
            out.append(Span(para.start, para.end, para.text))
            continue
        first = len(out)
        # Punkt only cuts after ".", "?" or "!" with something after it: without one, it
        # would return the whole paragraph (most paragraphs of a one-sentence-per-line text).
        cuts = punkt.span_tokenize(para.text) if _SENTENCE_END.search(para.text, 0, len(para.text) - 1) else (
            [(0, len(para.text))])
        for s, e in cuts:
            s, e = s + para.start, e + para.start
            if s >= e:
                continue
            previous = out[-1] if len(out) > first else None
            if previous is not None and (text[s].islower() or text[s] in _NO_SENTENCE_START or (
                    _POSSESSIVE_START.match(text, s))) and "\n" not in text[previous.end : s]:
                # Punkt cut after an abbreviation it did not know: "(R-Ga.) | said", "N.Y. | co-chair",
                # or inside a parenthesis: "Sen. Bo Park (R-Ky. | ), who"
                out[-1] = Span(previous.start, e, text[previous.start : e])
            else:
                out.append(Span(s, e, text[s:e]))
    return out


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Tokens of ``text[start:end]`` by NLTK's Treebank rules, offsets into ``text``.

    The rules are NLTK's ``NLTKWordTokenizer`` (see :mod:`medialit.text.tokens`,
    which runs them over many sentences at a time). Curly apostrophes are read as
    straight ones, so "Let’s" gives "Let" and "’s" as "Let's" does. Where the
    rules' tokens cannot be found again in the text a plain regular expression
    reads it, so a student never sees a traceback.

    >>> [t.text for t in token_spans("We can’t win, Dr. Lee said.")]
    ['We', 'ca', 'n’t', 'win', ',', 'Dr.', 'Lee', 'said', '.']
    """
    end = len(text) if end is None else end
    return [Span(s, e, text[s:e]) for s, e in token_offsets(text, [(start, end)])]


class Document:
    """A text with its paragraphs, sentences and tokens as exact offsets.

    Build one with :meth:`Document.from_text` or :func:`medialit.read_document`;
    :func:`medialit.load_case_study` gives the course's article.

    Attributes:
        text: the text that every offset indexes.
        title: a title, if known (not part of ``text``).
        metadata: anything else known about the text (outlet, date, byline...).
        page: the raw page the text was extracted from, if any.
    """

    def __init__(
        self,
        text: str,
        title: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        page: str | None = None,
    ) -> None:
        self.text = check_text(text)
        self.title = title
        self.metadata = dict(metadata or {})
        self.page = page

    @classmethod
    def from_text(cls, text: str, title: str | None = None, **metadata: Any) -> Document:
        """Make a Document from a string; extra keyword arguments become metadata.

        Raises ValueError with a one-line message for empty text, HTML pasted
        as text, bytes that are not UTF-8, or text over the size limit.
        """
        return cls(text, title=title, metadata=metadata)

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return f"<Document{title}: {self.word_count} words, {len(self.sentences)} sentences>"

    # --- structure -------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs in order, each with ``kind`` heading, paragraph or quote."""
        return paragraph_spans(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences in order (Punkt with medialit's abbreviations)."""
        return sentence_spans(self.text, self.paragraphs)

    @cached_property
    def token_offsets(self) -> list[tuple[int, int]]:
        """(start, end) of every token in order, sentence by sentence (what :attr:`tokens` holds)."""
        with gc_paused():
            return token_offsets(self.text, [(s.start, s.end) for s in self.sentences])

    @cached_property
    def tokens(self) -> list[Span]:
        """Word and punctuation tokens in order, sentence by sentence."""
        text = self.text
        with gc_paused():
            return [Span(s, e, text[s:e]) for s, e in self.token_offsets]

    @cached_property
    def words(self) -> list[Span]:
        """Tokens that contain a letter or digit (punctuation left out)."""
        return [t for t in self.tokens if _WORD.search(t.text)]

    @property
    def word_count(self) -> int:
        """Number of word tokens (see :attr:`words`)."""
        return len(self.words)

    @cached_property
    def quotes(self) -> QuoteRegions:
        """Quoted regions (quotation marks and block quotes), see :func:`medialit.text.quote_regions`."""
        return quote_regions(self.text, self.paragraphs)

    # --- lookups (bisect on cached start offsets: O(log n) each) ----------
    @cached_property
    def _starts(self) -> dict[str, list[int]]:
        return {
            "sentences": [s.start for s in self.sentences],
            "paragraphs": [p.start for p in self.paragraphs],
            "tokens": [t.start for t in self.tokens],
        }

    def tokens_in(self, span: Span) -> list[Span]:
        """The tokens that start inside ``span`` (a sentence, a paragraph...), by bisect.

        >>> [t.text for t in Document.from_text("One two. Three.").tokens_in(Span(0, 8, "One two."))]
        ['One', 'two', '.']
        """
        starts = self._starts["tokens"]
        return self.tokens[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]

    def _index_of(self, unit: str, offset: int) -> int | None:
        spans = getattr(self, unit)
        index = bisect.bisect_right(self._starts[unit], offset) - 1
        if index >= 0 and spans[index].start <= offset < spans[index].end:
            return index
        return None

    def sentence_index(self, offset: int) -> int | None:
        """The 0-based number of the sentence containing character ``offset``, or None."""
        return self._index_of("sentences", offset)

    def sentence_range(self, start: int, end: int) -> range:
        """The numbers of the sentences that overlap ``start:end`` (bisect: O(log n)).

        >>> Document.from_text("One. Two. Three.").sentence_range(2, 7)
        range(0, 2)
        """
        starts = self._starts["sentences"]
        lo = bisect.bisect_right(starts, start) - 1
        if lo < 0 or self.sentences[lo].end <= start:
            lo += 1
        return range(lo, bisect.bisect_left(starts, end))

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing character ``offset``, or None (e.g. a blank line).

        >>> doc = Document.from_text("One. Two.")
        >>> doc.sentence_of(6).text, doc.sentence_of(4)
        ('Two.', None)
        """
        index = self._index_of("sentences", offset)
        return None if index is None else self.sentences[index]

    def paragraph_of(self, offset: int) -> Paragraph | None:
        """The paragraph containing character ``offset``, or None."""
        index = self._index_of("paragraphs", offset)
        return None if index is None else self.paragraphs[index]

    def paragraph_index(self, offset: int) -> int | None:
        """The 0-based number of the paragraph containing ``offset``, or None."""
        return self._index_of("paragraphs", offset)

    def quote_at(self, start: int, end: int | None = None) -> Quote | None:
        """The innermost quoted region holding ``start:end`` (see :attr:`quotes`), or None."""
        return self.quotes.at(start, end)

    def concordance(self, word: str, width: int = 40) -> list[ConcordanceLine]:
        """Keyword in context: every token equal to ``word`` (any case).

        ``word`` may be several tokens ("military alliance"). Each line has the
        match's offsets and up to ``width`` characters of context either side,
        with line breaks shown as spaces.
        """
        target = [t.text.lower() for t in token_spans(word.strip())]
        if not target:
            raise ValueError("concordance needs a word to look for, e.g. doc.concordance('alliance')")
        lines = []
        tokens = self.tokens
        n = len(target)
        for i in range(len(tokens) - n + 1):
            if [t.text.lower() for t in tokens[i : i + n]] == target:
                s, e = tokens[i].start, tokens[i + n - 1].end
                left = self.text[max(0, s - width) : s].replace("\n", " ")
                right = self.text[e : e + width].replace("\n", " ")
                lines.append(ConcordanceLine(s, e, left.rjust(width), self.text[s:e], right))
        return lines

    def frequencies(self, stopwords: bool = True):
        """Word frequencies as an NLTK ``FreqDist`` of lower-cased words.

        With ``stopwords=False`` the very common function words in medialit's
        list (``medialit/data/stopwords.txt``) are left out.
        """
        from nltk import FreqDist

        stop = load_wordlist("stopwords.txt") if not stopwords else frozenset()
        return FreqDist(
            w for w in (t.text.lower() for t in self.words) if w not in stop
        )

    def collocations(self, n: int = 10, min_count: int = 2) -> list[tuple[str, str]]:
        """Word pairs that occur together more than chance predicts (PMI), stop words left out."""
        from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

        stop = load_wordlist("stopwords.txt")
        finder = BigramCollocationFinder.from_words(t.text.lower() for t in self.words)
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(lambda w: w in stop or not w.isalpha())
        return finder.nbest(BigramAssocMeasures.pmi, n)

    def iter_sentences_in(self, paragraph: Span) -> Iterator[Span]:
        """Sentences that start inside one paragraph (or any span)."""
        starts = self._starts["sentences"]
        lo, hi = bisect.bisect_left(starts, paragraph.start), bisect.bisect_left(starts, paragraph.end)
        return iter(self.sentences[lo:hi])


def as_document(text: str | Document) -> Document:
    """``text`` as a :class:`Document`: a Document is returned as it is, a str is read.

    Every detector calls this first, so each accepts a str or a Document, and
    works on any string, as it always has: blank text gives an empty Document
    (no paragraphs, sentences or tokens), and the checks meant for files a
    student loads (:meth:`Document.from_text` refuses HTML, NUL characters and
    empty text) are not applied. Anything that is not a str gets a one-line
    TypeError; text over medialit's size limit a one-line ValueError.

    >>> as_document("It may rain.").sentences[0].text
    'It may rain.'
    >>> as_document("  ").sentences
    []
    """
    if isinstance(text, Document):
        return text
    if not isinstance(text, str):
        raise TypeError(f"expected a str or a medialit.Document, got {type(text).__name__}: "
                        "pass the article's text or a Document")
    if len(text) > MAX_CHARS:
        check_text(text)  # the one-line error about the size limit
    doc = Document.__new__(Document)
    doc.text, doc.title, doc.metadata, doc.page = text, None, {}, None
    return doc
