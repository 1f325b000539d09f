"""Pronoun resolution: whom "he", "they", "who" or "the president" points back to.

"he"/"she" go to the most recent person (or role) the text does not give the
other gender ("Mr. Lee", "the spokeswoman"); "they" to the most recent group or
organisation; "it" to the most recent organisation; "who"/"which" to the phrase
just before them; a definite role ("the president") to the last person named.

:class:`Antecedents` keeps the candidates as the attributions are made, so each
pronoun is resolved without rescanning every earlier attribution.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from ..document import Span
from .lexicon import words
from .model import Attribution
from .phrases import Phrase, np_back
from .sources import Names, classify, person_name, plain_name
from .tokens import Tok

__all__ = ["Antecedents", "learn_gender", "relative_antecedent", "resolve"]

_MALE = words("male")
_FEMALE = words("female")
_PERSONS = frozenset({"named_person", "official_role"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_SOURCE_WORDS = re.compile(r"[\w.]+")


def _who(a: Attribution) -> str | None:
    return a.refers_to or (a.name if a.source_type != "pronoun" else None)


class Antecedents:
    """The attributions made so far, indexed for pronoun resolution.

    ``people``: name -> (order made, source end) of each of its attributions, the name
    mentioned last at the end;
    ``groups``: the groups and organisations, in order; ``organization``: the latest
    organisation; ``genders``: genders the text gives away (see :func:`learn_gender`).
    """

    def __init__(self) -> None:
        self.people: OrderedDict[str, list[tuple[int, int]]] = OrderedDict()
        self._made = 0
        self.groups: list[Attribution] = []
        self.organization: Attribution | None = None
        self.genders: dict[str, str] = {}

    def add(self, a: Attribution) -> None:
        """Record an attribution just made."""
        learn_gender(self.genders, a)
        if a.source is None:
            return
        personal = a.source_type in _PERSONS or (
            a.source_type == "pronoun" and a.source.text.lower() in _PERSONAL)
        who = _who(a)
        if personal and who:
            self._made += 1
            self.people.setdefault(who, []).append((self._made, a.source.end))
            self.people.move_to_end(who)
        if a.source_type in {"organization", "vague"}:
            self.groups.append(a)
        if a.source_type == "organization":
            self.organization = a

    def group(self, before: int) -> Attribution | None:
        """The most recent group or organisation whose source ends by ``before``."""
        for a in reversed(self.groups):
            if a.source is not None and a.source.end <= before:
                return a
        return None

    def person(self, wanted: str, before: int) -> str | None:
        """The person of the most recent attribution whose source ends by ``before``, not known
        to be of the other gender. Each name is looked at once, from the most recent."""
        best: tuple[int, str] | None = None
        for who in reversed(self.people):
            made = self.people[who]
            if best is not None and made[-1][0] < best[0]:
                break
            if self.genders.get(who, wanted) != wanted:
                continue
            for order, end in reversed(made):
                if best is not None and order < best[0]:
                    break
                if end <= before:
                    best = (order, who)
                    break
        return best[1] if best is not None else None


def learn_gender(known: dict[str, str], a: Attribution) -> None:
    """Record a gender the text itself gives away: "Mr. Lee", "the spokeswoman", "she" = X."""
    if a.source is None:
        return
    found = {w.lower() for w in _SOURCE_WORDS.findall(a.source.text)}
    key = a.refers_to or a.name
    if found & _MALE and not found & _FEMALE:
        known.setdefault(key, "male")
    elif found & _FEMALE and not found & _MALE:
        known.setdefault(key, "female")


#: A pronoun that a restrictive relative clause qualifies: "Those who say", "some who believe".
_DEMONSTRATIVE_ANTECEDENTS = frozenset({"those", "some", "many", "others", "most", "few", "all"})


def relative_antecedent(toks: list[Tok], src: Phrase) -> Phrase | None:
    """The phrase a relative "who"/"which" at ``src`` stands for: the noun phrase just before it,
    in the same sentence ("Washington Post reporter David Fahrenthold, who asked", "Those who say",
    "a third who say"), or None."""
    k = src[0] - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k < 0 or toks[k].sent != toks[src[0]].sent:
        return None
    if toks[k].low in _DEMONSTRATIVE_ANTECEDENTS and toks[k + 1].text != ",":
        return (k, k)
    return np_back(toks, k, strict=True) or _quantity_back(toks, k)


def _quantity_back(toks: list[Tok], k: int) -> Phrase | None:
    """A quantity of people before a restrictive "who": "19 percent", "a third", "the rest"."""
    np = np_back(toks, k)
    if np is None or toks[k + 1].text == "," or toks[k].cap:
        return None
    return np if toks[np[0]].low in {"a", "the"} or toks[np[0]].text[0].isdigit() else None


def _relative(toks: list[Tok], src: Phrase, names: Names, text: str) -> str | None:
    """"who"/"which": the phrase just before, as a name."""
    np = relative_antecedent(toks, src)
    if np is None:
        return None
    if classify(toks, *np) == "named_person":
        return names.canonical(person_name(toks, *np), toks[np[0]].start)
    return plain_name(text[toks[np[0]].start:toks[np[1]].end])


def resolve(pronoun: str, source: Span, earlier: Antecedents, toks: list[Tok], src: Phrase,
            names: Names, text: str) -> str | None:
    """The canonical name a pronoun points back to, or None."""
    pronoun = {"his": "he", "their": "they", "its": "it"}.get(pronoun, pronoun)
    if pronoun in {"who", "which"}:
        return _relative(toks, src, names, text)
    if pronoun in _PERSONAL:
        wanted = "male" if pronoun in {"he", "him"} else "female"
        return earlier.person(wanted, source.start) or names.last_before(source.start)
    if pronoun in {"they", "them"}:
        g = earlier.group(source.start)
        return _who(g) if g is not None else None
    if pronoun == "it" and earlier.organization is not None:
        return _who(earlier.organization)
    return None
