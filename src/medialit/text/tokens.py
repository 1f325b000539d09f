"""The word tokenizer: NLTK's Treebank rules, run once over all sentences at a time.

:func:`token_offsets` gives the tokens of many stretches of a text (a
document's sentences) in one go. It applies the same ordered rewrite rules as
NLTK's ``NLTKWordTokenizer`` (quotes, punctuation, brackets, dashes, clitics
such as "n't" and "'s", contractions such as "cannot") and aligns the tokens
back to the text as its ``span_tokenize`` does, so the offsets are NLTK's. The
difference is speed: NLTK rewrites one sentence at a time, about twenty passes
of its ReDoS-guarded ``regex`` patterns per sentence; here the stretches are
joined with a NUL separator, which every rule treats as the edge of the text,
and each rule runs once over the whole text with Python's ``re``.
``tests/test_tokens.py`` proves the offsets equal NLTK's on the case study, the
development corpora and generated text; :func:`nltk_offsets` is that reference.

Curly apostrophes between letters are read as straight ones ("Let’s" gives
"Let" and "’s"), as the Treebank rules know the straight one only. Where the
rules' tokens cannot be found again in the text (NLTK raises there) a stretch
falls back to a plain regular expression, so a student never sees a traceback.

>>> text = "He didn't say: \\"We cannot win.\\" (Really?)"
>>> [text[s:e] for s, e in token_offsets(text, [(0, 31), (32, len(text))])]
['He', 'did', "n't", 'say', ':', '"', 'We', 'can', 'not', 'win', '.', '"', '(', 'Really', '?', ')']
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import regex

__all__ = ["gc_paused", "nltk_offsets", "token_offsets"]

#: Joins the stretches; every rule below treats it as the start or end of a text.
SEP = "\x00"
_START = r"(?:\A|(?<=\x00))"  # NLTK's ``^`` at the start of each stretch
_END = r"(?=\n?(?:\x00|\Z))"  # NLTK's ``$`` (end, or before a final newline) of each stretch

#: A curly apostrophe between word characters; the context before it is a lookbehind after the
#: mark (not before it), so that ``re`` searches for the mark instead of trying every position.
_CURLY_APOSTROPHE = re.compile(r"’(?<=\w’)(?=\w)")
#: NLTK runs its rules with the ``regex`` module, whose ``\s`` is Unicode's White_Space: the
#: information separators U+001C-U+001F are not in it, though Python's ``\s`` and ``str.split``
#: count them as space. ``_WS`` is NLTK's ``\s`` in Python's ``re``.
_WS = r"[^\S\x1c-\x1f]"
_INFO_SEPARATORS = re.compile(r"[\x1c-\x1f]")
_NLTK_SPACES = re.compile(_WS + "+")
_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
_QUOTE_MARKS = re.compile(r"``|'{2}|\"")
_CLOSERS = "\\]\\)}>\"\\'»”’"

# NLTKWordTokenizer's rules, in its order (nltk/tokenize/destructive.py), with ``^``
# and ``$`` made per stretch and the separator kept out of every negated class. Where a
# rule starts with a context (the character before), the context became a lookbehind
# after the first literal, so that ``re`` can search for that literal; the output is the same.
_BEFORE_PADDING = [
    # starting quotes (``^"`` -> ``\`\``` is done with str.replace, see _rewrite)
    (r"[«“‘„`](?:(?<=`)`*)?", r" \g<0> "),
    (r"``", r" \g<0> "),
    (r"\"(?<=[ \(\[{<]\")|''(?<=[ \(\[{<]'')", r" `` "),
    (r"(?i)'(?<!\w')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)", r"' "),
    # punctuation
    (r"\.(?<=[^\.\x00]\.)([" + _CLOSERS + r" ]*+)" + _WS + "*" + _END, r" . \1 "),
    (r"([:,])([^\d\x00])", r" \1 \2"),
    (r"[:,]" + _END, r" \g<0> "),
    (r"\.\.+", r" \g<0> "),  # NLTK: \.{2,}
    (r"[;@#$%&]", r" \g<0> "),
    (r"[\u2012-\u2015]", r" \g<0> "),
    (r"\.(?<=[^\.\x00]\.)([\]\)}>\"\']*)" + _WS + "*" + _END, r" .\1 "),
    (r"[?!]", r" \g<0> "),
    (r"'(?<=[^'\x00]') ", r" ' "),
    (r"[*]", r" \g<0> "),
    # brackets and double dashes
    (r"[\]\[\(\)\{\}\<\>]", r" \g<0> "),
    (r"--", r" -- "),
    # ending quotes (NLTK pads the text with a space first: no rule here looks at that)
    (r"[»”’]", r" \g<0> "),
    (r"''", " '' "),
    (r'"', " '' "),
]
# After NLTK's ``\s+`` -> " " every remaining rule looks at one space-separated word and the
# spaces around it, so they run once per distinct word (on " word ") instead of over the text.
_WORD_RULES = [
    (r"([^' ])('[sS]|'[mM]|'[dD]|') ", r"\1 \2 "),
    (r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", r"\1 \2 "),
    # MacIntyre's contractions
    *[(pattern, r" \1 \2 ") for pattern in (
        r"(?i)\b(can)(?#X)(not)\b", r"(?i)\b(d)(?#X)('ye)\b", r"(?i)\b(gim)(?#X)(me)\b",
        r"(?i)\b(gon)(?#X)(na)\b", r"(?i)\b(got)(?#X)(ta)\b", r"(?i)\b(lem)(?#X)(me)\b",
        r"(?i)\b(more)(?#X)('n)\b", r"(?i)\b(wan)(?#X)(na)(?=\s)",
        r"(?i) ('t)(?#X)(is)\b", r"(?i) ('t)(?#X)(was)\b")],
]
#: ``\w``, ``\b`` and ``\d`` differ between ``re`` and ``regex`` (fractions, superscripts, combining
#: marks...): the rules that use them run on ``regex``, as NLTK's do; ``re`` is faster for the rest.
_UNICODE_CLASSES = re.compile(r"\\[wWbBdD]")
_RULES_BEFORE = [((regex if _UNICODE_CLASSES.search(p) else re).compile(p), r) for p, r in _BEFORE_PADDING]
_RULES_WORD = [(re.compile(p), r) for p, r in _WORD_RULES]
#: Words that no word rule can change: no apostrophe and none of the contractions' letters.
_MAYBE_SPLIT = re.compile(r"'|(?i:cannot|gimme|gonna|gotta|lemme|wanna)")


def _split_word(word: str) -> list[str]:
    padded = " " + word + " "
    for pattern, replacement in _RULES_WORD:
        padded = pattern.sub(replacement, padded)
    return padded.split()


def _rewrite(joined: str) -> list[list[str]]:
    """The Treebank token strings of each stretch of ``joined`` (stretches separated by NUL)."""
    joined = joined.replace(SEP + '"', SEP + "``")  # NLTK's ``^"`` -> ``\`\```, per stretch
    if joined.startswith('"'):
        joined = "``" + joined[1:]
    for pattern, replacement in _RULES_BEFORE:
        joined = pattern.sub(replacement, joined)
    if _INFO_SEPARATORS.search(joined):  # rare: words end only at NLTK's spaces, then str.split
        stretches = [[w for w in _NLTK_SPACES.split(part) if w] for part in joined.split(SEP)]
        words = set().union(*stretches)
        split = {w: _split_word(w) if _MAYBE_SPLIT.search(w) else w.split() for w in words}
    else:
        stretches = [part.split() for part in joined.split(SEP)]
        words = set().union(*stretches)
        split = {w: _split_word(w) for w in words if _MAYBE_SPLIT.search(w)}
    split = {w: pieces for w, pieces in split.items() if pieces != [w]}
    if split:
        stretches = [[p for w in words for p in split.get(w, (w,))] if not split.keys().isdisjoint(words)
                     else words for words in stretches]
    return stretches


def _align(tokens: list[str], text: str, start: int, end: int, shift: int) -> list[tuple[int, int]] | None:
    """Offsets (plus ``shift``) of ``tokens`` in ``text[start:end]``, found in order, as NLTK's
    ``align_tokens`` with its quote restoration; None where a token is not found (NLTK raises)."""
    if '"' in text[start:end] or "''" in text[start:end]:
        marks = [m.group() for m in _QUOTE_MARKS.finditer(text, start, end)]
        quotes = [i for i, tok in enumerate(tokens) if tok in ('"', "``", "''")]
        if len(marks) < len(quotes):  # NLTK raises StopIteration here
            return None
        tokens = list(tokens)
        for i, mark in zip(quotes, marks[: len(quotes)], strict=True):
            tokens[i] = mark
    out = []
    point = start
    find = text.find
    for tok in tokens:
        s = find(tok, point, end)
        if s < 0:
            return None
        point = s + len(tok)
        out.append((s + shift, point + shift))
    return out


def token_offsets(text: str, stretches: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) offsets into ``text`` of the tokens of each stretch, in order.

    ``stretches`` are (start, end) pairs in text order that do not overlap (a
    document's sentences). A stretch that holds a NUL character, or whose
    tokens cannot be aligned, is read by the fallback expression instead.
    """
    clean = [(s, e) for s, e in stretches if SEP not in text[s:e]]
    straight = _CURLY_APOSTROPHE.sub("'", SEP.join(text[s:e] for s, e in clean))
    rewritten = iter(_rewrite(straight) if clean else ())
    out: list[tuple[int, int]] = []
    offset = 0  # where the current stretch starts in ``straight``
    for s, e in stretches:
        found = None
        if SEP not in text[s:e]:
            found = _align(next(rewritten), straight, offset, offset + e - s, s - offset)
            offset += e - s + 1
        if found is None:
            out.extend(m.span() for m in _FALLBACK_TOKEN.finditer(text, s, e))
        else:
            out.extend(found)
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building many small objects.

    Every few hundred allocations the collector walks the young objects, and
    now and then all of them; while a long text's hundreds of thousands of
    tokens are being made that walking costs about as much as making them (a
    2.4 MB text: 0.76 s with it, 0.28 s without, for attribution's tokens).
    Tokens hold no reference cycles, so nothing is left for the collector to
    find; it resumes (if it was on) when the block ends, error or not.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_nltk_tokenizer = None


def nltk_offsets(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The reference: NLTK's ``NLTKWordTokenizer.span_tokenize`` on ``text[start:end]``
    (curly apostrophes between letters straight), offsets into ``text``, with the same
    fallback. Slow (one sentence at a time); the tests compare :func:`token_offsets` with it."""
    global _nltk_tokenizer
    if _nltk_tokenizer is None:
        from nltk.tokenize import NLTKWordTokenizer

        _nltk_tokenizer = NLTKWordTokenizer()
    end = len(text) if end is None else end
    chunk = text[start:end]
    try:
        pairs = list(_nltk_tokenizer.span_tokenize(_CURLY_APOSTROPHE.sub("'", chunk)))
        if any(not chunk[s:e].strip() for s, e in pairs):
            raise ValueError("blank token")
    except (ValueError, LookupError, IndexError):
        pairs = [m.span() for m in _FALLBACK_TOKEN.finditer(chunk)]
    return [(s + start, e + start) for s, e in pairs]
