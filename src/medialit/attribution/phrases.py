"""Phrase chunking: the source noun phrase before or after a reporting cue.

:func:`np_back` reads backwards from the last word of a phrase ("Chinese Defense
Ministry spokesman Tan Kefei" from "Kefei"), one small rule per kind of word
(:data:`BACK_STEPS`); :func:`np_forward` reads forwards after an inverted cue
(", said the spokesman"); :func:`according_source` takes the whole phrase after
"according to". Phrases are ``(first, last)`` token indices, both included.

>>> from medialit.text import as_document
>>> from .tokens import tokens_of
>>> toks = tokens_of(as_document("Defense Ministry spokesman Tan Kefei said"))
>>> first, last = np_back(toks, 4)
>>> " ".join(t.text for t in toks[first:last + 1])
'Defense Ministry spokesman Tan Kefei'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .lexicon import all_cue_words, words
from .tokens import (
    DETS,
    FUNCTION,
    OPEN_QUOTES,
    PERSON_NOUNS,
    QUOTE_MARKS,
    SKIP,
    SUBJECT_PRONOUNS,
    Tok,
    clause_start,
    people_plural,
    pronoun_of,
)

__all__ = ["BACK_STEPS", "Phrase", "according_source", "core", "final_cap_run", "head_index",
           "np_back", "np_forward", "np_word", "paren_open"]

#: A phrase as (first, last) token indices, both included.
Phrase = tuple[int, int]

_BOUNDARY = words("boundary")
_QUANTIFIERS = words("quantifiers")
_NOT_PHRASE_START = frozenset({"that", "no", "all", "both", "more", "any"})
_LINKS = frozenset({"of", "for", "and", "&", "at", "from", "on"})
_DOCUMENT_LINKS = frozenset({"by", "in"})
_LEXICAL_LINKED = frozenset({"role", "collective", "org"})
_HEAD_PREPOSITIONS = frozenset({"of", "for", "in", "at", "from", "by", "on"})


def np_word(tok: Tok) -> bool:
    """A word that can belong to a source noun phrase (not a determiner)."""
    return tok.np


def paren_open(toks: list[Tok], k: int) -> int:
    """The index of the "(" that opens the parenthesis closing at ``toks[k]`` (at most 8 back),
    or the index where the search stopped."""
    sent = toks[k].sent
    m = k - 1
    while m > 0 and toks[m].sent == sent and toks[m].text != "(" and k - m < 8:
        m -= 1
    return m


class _Back(NamedTuple):
    """The state of :func:`np_back` while it reads backwards."""

    first: int
    k: int
    modifiers: int
    go_on: bool


def _step_of_the(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """"the Ministry of the Interior": skip "of the" between two name words."""
    if toks[k].low == "the" and k >= 2 and toks[k - 1].low in {"of", "for"} and toks[
            k - 2].np and toks[k - 2].sent == sent:
        return _Back(k - 2, k - 2, st.modifiers, True)
    return None


def _step_determiner(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """A determiner or number opens the phrase ("the", "73"), except "that", "no"..."""
    t = toks[k]
    if t.low in DETS or t.text.isdigit():
        return _Back(st.first if t.low in _NOT_PHRASE_START else k, k, st.modifiers, False)
    return None


def _step_name_word(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """A name, title or source word belongs to the phrase."""
    if toks[k].np:
        return _Back(k, k - 1, 0, True)
    return None


def _step_parenthesis(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """A parenthesis inside the phrase: "Rep. Gwen Moore (D-Wis.)"."""
    if toks[k].low != ")" or k - 1 < 0:
        return None
    m = paren_open(toks, k)
    if toks[m].text == "(" and m - 1 >= 0 and toks[m - 1].np:
        return _Back(st.first, m - 1, st.modifiers, True)
    return st._replace(go_on=False)


def _step_possessive(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """A possessor: "the state's campaign chairman", "Clinton's team"."""
    if toks[k].low != "'s":
        return None
    if k >= 2 and toks[k - 1].text.isalpha() and toks[k - 1].text.islower() and toks[
            k - 2].low in {"the", "a", "an", "this", "that"}:
        return _Back(k - 2, k, st.modifiers, False)
    if k - 1 >= 0 and toks[k - 1].np:
        return _Back(k, k - 1, st.modifiers, True)
    return None


def _step_link(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """A link between name words: "Secretary of State", "Johnson & Johnson"."""
    t = toks[k]
    if t.low not in _LINKS | _DOCUMENT_LINKS or k - 1 < 0 or toks[k - 1].sent != sent:
        return None
    before, step = toks[k - 1], 1
    if before.low == "the" and k - 2 >= 0:
        before, step = toks[k - 2], 2
    if t.low in _DOCUMENT_LINKS and t.low not in _LINKS:  # "a study by X", "polls in Ohio"
        return _Back(k - 1, k - 2, st.modifiers, True) if before.cls == "evidence" and step == 1 \
            else st._replace(go_on=False)
    lexical = before.cls in _LEXICAL_LINKED
    if before.np and (t.low in {"of", "for", "&"} or (t.low == "and" and before.cap) or lexical):
        return _Back(k - step + 1, k - step, st.modifiers, True)
    return st._replace(go_on=False)


def _step_modifier(toks: list[Tok], k: int, st: _Back, sent: int) -> _Back | None:
    """Up to two lower-case modifiers: "Chinese Defense Ministry spokesman"."""
    t = toks[k]
    if (t.text[0].islower() and t.text.isalpha() and t.low not in FUNCTION
            and t.low not in SKIP and not t.low.endswith(("ly", "ed", "ing"))
            and st.modifiers < 2 and t.low not in all_cue_words()):
        return _Back(st.first, k - 1, st.modifiers + 1, True)
    return None


#: The rules of :func:`np_back`, tried in order on each word before the head.
BACK_STEPS: tuple[Callable[[list[Tok], int, _Back, int], _Back | None], ...] = (
    _step_of_the, _step_determiner, _step_name_word, _step_parenthesis, _step_possessive,
    _step_link, _step_modifier,
)


def _extend_back(toks: list[Tok], j: int) -> _Back:
    sent = toks[j].sent
    st = _Back(j, j - 1, 0, True)
    while st.k >= 0 and toks[st.k].sent == sent and not toks[st.k + 1].newline:
        for step in BACK_STEPS:
            nxt = step(toks, st.k, st, sent)
            if nxt is not None:
                break
        else:
            nxt = st._replace(go_on=False)
        st = nxt
        if not st.go_on:
            break
    return st


def _np_in_parenthesis(toks: list[Tok], j: int) -> Phrase | None:
    m = paren_open(toks, j)
    if toks[m].text != "(" or m == 0:
        return None
    inner = np_back(toks, m - 1, strict=True)
    return (inner[0], j) if inner else None


def _head_ok(head: Tok, strong: bool, strict: bool) -> bool:
    """Can ``head`` end a source phrase?"""
    if head.cls in {"nonname", "time"} or not head.text[0].isalpha():
        return False
    if strong or (head.low in PERSON_NOUNS and head.text.islower()):  # "The woman disputes"
        return True
    if strict or head.low in FUNCTION or head.text[0].isupper() or head.low in SKIP:
        return False
    return not (head.low.endswith("ly") or head.low.endswith("ing"))


def _is_question(toks: list[Tok], j: int) -> bool:
    """"Who would have believed...": who/which opening a sentence or a quotation."""
    head = toks[j]
    return head.low in {"who", "which"} and (j == 0 or toks[j - 1].sent != head.sent or toks[
        j - 1].text in OPEN_QUOTES)


def _quantifier_subject(toks: list[Tok], j: int) -> Phrase | None:
    """A quantifier standing for a group: "all agreed", "many of whom say"."""
    head = toks[j]
    if head.low in _QUANTIFIERS and clause_start(toks, j):
        return (j, j)
    if head.low == "one" and j >= 1 and toks[j - 1].low == "no" and clause_start(toks, j - 1):
        return (j - 1, j)  # "No one expected"
    if head.low in {"whom", "them"} and j >= 2 and toks[j - 1].low == "of" and (
            toks[j - 2].low in _QUANTIFIERS or toks[j - 2].cls == "collective"):
        return (j - 2, j)
    return None


def np_back(toks: list[Tok], j: int, strict: bool = False) -> Phrase | None:
    """The source noun phrase whose last token is ``toks[j]``, as (first, last) indices.

    ``strict`` asks for a clear name or source word as head (no unknown noun).
    """
    head = toks[j]
    if head.text == ")":
        return _np_in_parenthesis(toks, j)
    if _is_question(toks, j):
        return None
    if head.low in SUBJECT_PRONOUNS or pronoun_of(head):
        return (j, j)
    group = _quantifier_subject(toks, j)
    if group is not None:
        return group
    strong = head.np or people_plural(head)
    return _np_before(toks, j, strong) if _head_ok(head, strong, strict) else None


def _np_before(toks: list[Tok], j: int, strong: bool) -> Phrase | None:
    """The phrase ending at the accepted head ``toks[j]``."""
    st = _extend_back(toks, j)
    first = st.first
    # trailing lower-case modifiers without a determiner are not part of the phrase
    while first < j and st.modifiers and toks[first].text[0].islower() and not toks[
            first].np and toks[first].low not in DETS:
        first += 1
    if not strong and not _anchored(toks, first, j):
        return None
    if toks[first].low in DETS and first == j and toks[j].cls != "collective":
        return None
    return (first, j)


def _anchored(toks: list[Tok], first: int, j: int) -> bool:
    """An unknown lower-case head needs a determiner, a number or a possessor
    ("the film said", "73 percent said", "Clinton's team says")."""
    t = toks[first]
    return t.low in DETS or t.text.isdigit() or t.cap or any(x.np for x in toks[first:j])


def _forward_link(toks: list[Tok], k: int, sent: int) -> int | None:
    """After "of"/"for"/"&" (and "the"), the index of the next name word, or None."""
    nxt = k + 1
    if nxt < len(toks) and toks[nxt].low == "the":
        nxt += 1
    if nxt < len(toks) and toks[nxt].sent == sent and toks[nxt].np:
        return nxt
    return None


def _forward_last(toks: list[Tok], k: int, sent: int) -> int | None:
    """The last name word of the phrase that goes on from ``toks[k]``."""
    last = None
    while k < len(toks) and toks[k].sent == sent:
        t = toks[k]
        if t.np or (t.low == "'s" and last is not None):
            last, k = k, k + 1
        elif t.low in {"of", "for", "&"} and last is not None:
            nxt = _forward_link(toks, k, sent)
            if nxt is None:
                break
            k = nxt
        elif ((t.text[0].islower() and t.text.isalpha() and t.low not in FUNCTION and (
                t.low not in all_cue_words())) or (t.text[0].isdigit() and last is None)) and (
                k + 1 < len(toks) and (toks[k + 1].np or toks[k + 1].text.islower())):
            k += 1  # "former senator Ann Lee", "9/11 widow Terry Strada"
        else:
            break
    return last


def np_forward(toks: list[Tok], i: int) -> Phrase | None:
    """The source noun phrase starting at ``toks[i]`` (after "according to" or ", said")."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in SUBJECT_PRONOUNS or t.low in {"him", "her", "them", "us", "me"}:
        return (i, i)
    if t.low in {"that", "this", "these", "those"}:
        return None
    last = _forward_last(toks, i + 1 if t.low in DETS else i, t.sent)
    if last is None and t.low in {"the", "a", "an"} and i + 2 < len(toks) and toks[
            i + 1].text.isalpha() and toks[i + 1].text.islower() and toks[i + 1].low not in \
            FUNCTION and toks[i + 2].text in {".", ",", ";"}:
        return (i, i + 1)  # '", said the ruling.'
    if last is None:
        return None
    while last > i and toks[last].low == "'s":
        last -= 1
    return (i, last)


def according_source(toks: list[Tok], i: int) -> Phrase | None:
    """The whole phrase after "according to", up to punctuation or a new clause."""
    if i >= len(toks):
        return None
    sent = toks[i].sent
    k = i
    last = None
    while k < len(toks) and toks[k].sent == sent and k - i < 14:
        t = toks[k]
        if t.low in _BOUNDARY and last is not None:
            break
        if not t.text[0].isalnum() and t.low != "'s" and t.text not in "-–&" and t.text not in \
                QUOTE_MARKS:
            break
        last = k
        k += 1
    if last is None:
        return None
    while last > i and (toks[last].text in QUOTE_MARKS or toks[last].low in FUNCTION):
        last -= 1
    return (i, last)


def final_cap_run(toks: list[Tok], first: int, last: int) -> Phrase | None:
    """The capitalised words (and honorifics) that end the phrase: "Tan Kefei"."""
    k = last
    while k >= first and toks[k].low == "'s":
        k -= 1
    end = k
    while k >= first and (toks[k].cap or toks[k].cls == "honorific"):
        k -= 1
    return (k + 1, end) if k < end else None


def head_index(toks: list[Tok], first: int, last: int) -> int:
    """The head of a phrase: the word before its first preposition, else its last word."""
    for k in range(first + 1, last):
        if toks[k].low in _HEAD_PREPOSITIONS:
            return k - 1
    k = last
    while k > first and toks[k].low == "'s":
        k -= 1
    return k


def core(toks: list[Tok], first: int, last: int) -> Phrase:
    """The phrase without its apposition or parenthesis: "Mr. Smith" of "Mr. Smith, a lawyer"."""
    for k in range(first + 1, last + 1):
        if toks[k].text in {",", "(", "--", "—", "–", "―", "-"}:
            return (first, k - 1)
    return (first, last)
