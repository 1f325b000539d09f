"""Tokens for the attribution rules: words with offsets, sentence numbers and word classes.

A :class:`Tok` knows its sentence (``sent``), whether a line break precedes it
(``newline``), its lower-case form (``low``, curly apostrophes made straight) and
its entry in ``attribution_sources.tsv`` (``cls``), looked up once.

>>> from medialit.text import as_document
>>> doc = as_document("Rep. John D. Podesta didn't say.")
>>> [t.text for t in tokenize(doc.text, doc.sentences, doc.token_offsets)]
['Rep.', 'John', 'D.', 'Podesta', 'did', "n't", 'say', '.']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text import Document, Span
from .lexicon import lookup, words

__all__ = ["AUXILIARIES", "BE", "CLOSE_QUOTES", "DETS", "FUNCTION", "MAIN_PRONOUNS", "OPEN_QUOTES",
           "PERSON_NOUNS", "QUOTE_MARKS", "RELATIVE_PRONOUNS", "SKIP", "STARTERS", "SUBJECT_PRONOUNS", "Tok",
           "clause_start", "is_acronym", "is_cap", "klass", "people_plural", "pronoun_of", "relative_verb",
           "tokenize", "tokens_of"]

SUBJECT_PRONOUNS = words("subject_pronouns")
DETS = words("determiners")
FUNCTION = words("function_words")
SKIP = words("skip")
#: Nouns naming a person by sex or age ("the woman", "a boy"): heads of a source before a noun cue.
PERSON_NOUNS = words("person_nouns")
STARTERS = words("starters")
BE = words("be")
#: Finite be, have and the modals ("were", "had", "would").
AUXILIARIES = words("finite_auxiliaries")
#: who, whom, whose, which, that.
RELATIVE_PRONOUNS = words("relative_pronouns")
#: The subject pronouns of people who can speak: he, she, they, we, I.
MAIN_PRONOUNS = SUBJECT_PRONOUNS - {"it", "which", "who", "you"}
_PREPOSITIONS = words("prepositions")
OPEN_QUOTES = words("open_quotes")
CLOSE_QUOTES = words("close_quotes")
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES
_CLAUSE_OPENERS = words("clause_openers")
#: Punctuation after which a clause begins; a dash also ends a dateline ("WASHINGTON -- President Obama said").
_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "--", "—", "–", "―"})


class Tok:
    """One token: ``text == source[start:end]``."""

    __slots__ = ("start", "end", "text", "low", "sent", "newline", "cls", "cap", "np")

    def __init__(self, start: int, end: int, text: str, sent: int, newline: bool = False) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.sent = sent
        self.newline = newline  # a line break between the previous token and this one
        #: ``low``: lower case, curly apostrophes straight; ``cls``: the word's class in
        #: ``attribution_sources.tsv`` ("role", "org", ...) or ""; ``cap``: capitalised, and not
        #: a function word or a sentence opener; ``np``: can belong to a source noun phrase.
        self.low, self.cls, self.cap, self.np = _word_info(text)

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r}, sent={self.sent})"


_NEVER_IN_NP = frozenset({"nonname", "time"})
_NP_CLASSES = frozenset({"role", "org", "outlet", "evidence", "collective", "honorific", "capital",
                         "country"})


def _np_word(cls: str, cap: bool) -> bool:
    if cls in _NEVER_IN_NP:
        return False
    return cap or cls in _NP_CLASSES


@lru_cache(maxsize=65536)
def _word_info(text: str) -> tuple[str, str, bool, bool]:
    low = text.lower().replace("’", "'")
    found = lookup(low)
    cls = found[1] if found else ""
    if cls.startswith("pronoun") and len(text) > 1 and text.isupper():
        return low, "", True, True  # an acronym: "the WHO said", not "who"
    cap = text[0].isupper() and low not in FUNCTION and low not in STARTERS
    return low, cls, cap, _np_word(cls, cap)


def klass(tok: Tok) -> str:
    """The class of a token's word in ``attribution_sources.tsv``, or ""."""
    return tok.cls


def is_cap(tok: Tok) -> bool:
    """A capitalised word that can be part of a name."""
    return tok.cap


def tokenize(text: str, sentences: Sequence[Span], offsets: Sequence[tuple[int, int]]) -> list[Tok]:
    """Tokens from the shared tokenizer (``offsets``: :attr:`medialit.text.Document.token_offsets`,
    in order), numbered by the sentence (of ``sentences``) they stand in."""
    out: list[Tok] = []
    append = out.append
    last_end = -1
    ends = [s.end for s in sentences]
    k, n = 0, len(ends)
    for start, end in offsets:
        while k < n and ends[k] <= start:
            k += 1
        append(Tok(start, end, text[start:end], k, last_end >= 0 and "\n" in text[last_end:start]))
        last_end = end
    return out


def tokens_of(doc: Document) -> list[Tok]:
    """The tokens of a document, from its shared reading (:mod:`medialit.text`)."""
    return tokenize(doc.text, doc.sentences, doc.token_offsets)


def pronoun_of(tok: Tok) -> str | None:
    """The subject pronoun of a token, contractions included: "I'll" -> "i"."""
    base = tok.low.split("'", 1)[0]
    return base if base in SUBJECT_PRONOUNS and base not in {"who", "which"} else None


def people_plural(tok: Tok) -> bool:
    """A lower-case plural that names people by what they do: "environmentalists", "protesters"."""
    return tok.text.isalpha() and tok.text.islower() and len(tok.text) > 5 and tok.low.endswith(
        ("ists", "ers", "ians", "ants", "ors", "ents", "ees")) and tok.low not in FUNCTION


def is_acronym(tok: Tok) -> bool:
    """Two to six capital letters, dots allowed: "NATO", "U.N."."""
    letters = tok.text.replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6


def clause_start(toks: list[Tok], k: int) -> bool:
    """True when ``toks[k]`` begins a clause: sentence start, after a quote or a connective."""
    if k == 0 or toks[k - 1].sent != toks[k].sent:
        return True
    before = toks[k - 1]
    return before.text in QUOTE_MARKS or before.text in _CLAUSE_PUNCTUATION or before.low in _CLAUSE_OPENERS


def relative_verb(toks: list[Tok], k: int) -> bool:
    """Does ``toks[k]``, the word right after a "that", show a relative clause, its verb coming at
    once: a finite be, have or modal ("firms that had sued"), or a past tense before its object or
    preposition ("states that voted for the levy")? A that-clause opens with its subject, also an
    -ed adjective ("states that lowered fees helped")."""
    if k >= len(toks) or toks[k].sent != toks[k - 1].sent:
        return False
    t = toks[k]
    if t.low in AUXILIARIES:
        return True
    after = toks[k + 1] if k + 1 < len(toks) else None
    past = t.text.isalpha() and t.text.islower() and t.low.endswith("ed")
    return past and after is not None and after.sent == t.sent and (
        after.low in _PREPOSITIONS or after.low in DETS or after.low in SUBJECT_PRONOUNS or after.cap)
