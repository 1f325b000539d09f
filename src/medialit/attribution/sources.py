"""Source typing and names: what kind of source a phrase names, and its canonical name.

:func:`classify` gives one of the six source types of the annotation guide from
the words of the phrase (``attribution_sources.tsv``); :class:`Names` remembers
the person names of the text to expand "Xi" into "Xi Jinping" and to say whom
"the president" is.

>>> from medialit.text import as_document
>>> from .tokens import tokens_of
>>> toks = tokens_of(as_document("Defense Ministry spokesman Tan Kefei"))
>>> classify(toks, 0, 4), person_name(toks, 0, 4)
('named_person', 'Tan Kefei')
"""

from __future__ import annotations

import bisect
import re

from .lexicon import source_words, words
from .model import SourceType
from .phrases import final_cap_run, head_index
from .tokens import SUBJECT_PRONOUNS, Tok, is_acronym, people_plural, pronoun_of

__all__ = ["Names", "classify", "group_name", "is_number", "person_name", "plain_name"]

_QUANTIFIERS = words("quantifiers")
_NUMBERS = words("numbers")
_GROUP_NOUNS = words("group_nouns")
_ORG_CLASSES = frozenset({"org", "outlet", "evidence"})
_PLACE_CLASSES = frozenset({"capital", "country", "place"})
_NOT_PERSON = frozenset({"org", "outlet", "evidence", "capital", "country", "nonname",
                         "collective", "place"})
_TITLE_CLASSES = frozenset({"honorific", "role"})


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "his", "their", "its"})


def _is_pronoun_phrase(toks: list[Tok], first: int, last: int) -> bool:
    """A pronoun alone; "WHO", "US" in capitals are acronyms."""
    tok = toks[first]
    return first == last and not is_acronym(tok) and (
        tok.low in SUBJECT_PRONOUNS | _OBJECT_PRONOUNS or pronoun_of(tok) is not None)


def _titled_name(names: list[Tok]) -> bool:
    """A capitalised title followed by a person's name: "Senate Majority Leader Mitch McConnell",
    "NATO Secretary General Jens Stoltenberg" (the organisation words belong to the title)."""
    titles = [k for k, t in enumerate(names) if t.cls in _TITLE_CLASSES]
    if not titles or titles[-1] == len(names) - 1:
        return False
    after = names[titles[-1] + 1:]
    return len(after) <= 4 and not any(t.cls in _NOT_PERSON or is_acronym(t) for t in after)


def _classify_name_run(toks: list[Tok], first: int, run: tuple[int, int]) -> SourceType:
    """The type of a phrase whose head is a capitalised run ``run``."""
    names = toks[run[0]:run[1] + 1]
    classes = {t.cls for t in names}
    if _titled_name(names):
        return "named_person"
    if classes & _ORG_CLASSES or any(is_acronym(t) for t in names):
        return "organization"
    if classes <= _PLACE_CLASSES | {"org"} and classes & _PLACE_CLASSES:
        return "organization"  # a place standing for its government: "Ohio", "New York"
    if toks[first].low in _QUANTIFIERS or group_name(names):
        return "vague"
    if all(t.cls in _TITLE_CLASSES for t in names):
        return "official_role"
    return _person_or_body(toks, first, run[0], classes)


def _person_or_body(toks: list[Tok], first: int, start: int, classes: set[str]) -> SourceType:
    """A capitalised name after "the" with no title in it names a body, not a person ("the
    United Nations", "The Brookings Institution"); otherwise a person."""
    if start > first and toks[start - 1].low == "the" and not classes & _TITLE_CLASSES:
        return "organization"
    return "named_person"


def is_number(tok: Tok) -> bool:
    """A number, in digits or words: "78", "78%", "seventy-eight", "Two", "dozens"."""
    return tok.text[0].isdigit() or all(part in _NUMBERS for part in tok.low.split("-"))


def _head_type(toks: list[Tok], first: int, last: int, head: int) -> SourceType | None:
    """The type given by the head word, before any capitalised name is looked at; a phrase that
    opens with a quantifier or a number counts unnamed people ("many voters", "Seventy-eight
    percent of Democrats")."""
    if (toks[first].low in _QUANTIFIERS or is_number(toks[first])) and not toks[head].cap:
        return "vague"
    if any(t.text == "&" for t in toks[first:last + 1]):
        return "organization"  # "Johnson & Johnson"
    if toks[head].cls == "collective":
        return "vague"
    if toks[head].low in _GROUP_NOUNS and head + 2 <= last and toks[head + 1].low == "of" and (
            toks[last].cls in {"collective", "role"} or people_plural(toks[last])):
        return "vague"  # "A group of parents", "a handful of protesters"
    return None


def _word_type(toks: list[Tok], first: int, last: int, head: int) -> SourceType:
    """The type of a phrase with no capitalised name as its head."""
    head_class = toks[head].cls
    if head_class == "role":
        return "official_role"
    if head_class in {"org", "outlet", "evidence", "capital", "country"} or any(
            t.cap and t.cls in {"org", "outlet"} for t in toks[first:last + 1]):
        return "organization"
    return "vague"


def _participle_head(toks: list[Tok], first: int, head: int) -> int:
    """A past participle after a lexicon noun modifies it and the noun is the head: "A poll
    released", "a complaint filed by", "the officials quoted"."""
    word = toks[head]
    if head > first and word.text.islower() and word.low.endswith("ed") and not word.cls \
            and toks[head - 1].cls:
        return head - 1
    return head


def _bare_plural_role(tok: Tok) -> SourceType:
    """A job word alone in the plural, in any case: an unnamed group ("Diplomats said",
    "researchers found"), typed like "experts"; a plural the word list types itself keeps its
    type ("officials", "Officials")."""
    listed = source_words().get(tok.low)
    return listed[0] if listed is not None else "vague"  # type: ignore[return-value]


def classify(toks: list[Tok], first: int, last: int) -> SourceType:
    """The source type of the phrase ``toks[first..last]``."""
    if _is_pronoun_phrase(toks, first, last):
        return "pronoun"
    if first == last and toks[first].cls == "role" and toks[first].low.endswith("s"):
        return _bare_plural_role(toks[first])
    head = _participle_head(toks, first, head_index(toks, first, last))
    early = _head_type(toks, first, last, head)
    if early is not None:
        return early
    run = final_cap_run(toks, first, head)
    if run is not None and run[1] == head:
        return _classify_name_run(toks, first, run)
    return _word_type(toks, first, last, head)


def group_name(names: list[Tok]) -> bool:
    """A people or party named in the plural: "Americans", "African Americans", "Democrats",
    "Conservatives"."""
    last = names[-1].low
    plural = last.endswith(("ans", "crats", "icans", "ists", "ites", "als", "ives")) or last in {
        "muslims", "jews"}
    return plural and all(t.low.endswith(("an", "ans", "ic", "crats", "ists", "ites", "ish", "als", "ives"))
                          or t is names[-1] for t in names)


def person_name(toks: list[Tok], first: int, last: int) -> str:
    """A person's name without titles or possessive: "Tan Kefei"."""
    run = final_cap_run(toks, first, last) or (first, last)
    found = [t.text for t in toks[run[0]:run[1] + 1] if t.cls not in _TITLE_CLASSES]
    if not found:
        found = [toks[run[1]].text]
    return " ".join(found)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s$")


def plain_name(text: str) -> str:
    """A name without a leading article or a trailing possessive: "the Post's" -> "Post"."""
    return _POSSESSIVE.sub("", _ARTICLE.sub("", text.strip()))


def _name_runs(toks: list[Tok]):
    """Runs of capitalised words and honorifics within a sentence, as (first, last)."""
    first = last = -2
    for k in [k for k, t in enumerate(toks) if t.cap or t.cls == "honorific"]:
        if k == last + 1 and toks[k].sent == toks[first].sent:
            last = k
            continue
        if first >= 0:
            yield first, last
        first = last = k
    if first >= 0:
        yield first, last


class Names:
    """Person names seen in the text, to expand "Xi" into "Xi Jinping" and resolve roles.

    Built once per text (linear); lookups use bisect.
    """

    def __init__(self, toks: list[Tok]) -> None:
        self.mentions: list[tuple[int, str]] = []  # (offset, full name), in text order
        for k, j in _name_runs(toks):
            if j == k:
                continue  # one word is no full name, with or without a title
            run = toks[k:j + 1]
            plain = [x for x in run if x.cls not in _TITLE_CLASSES]
            if plain and (len(plain) >= 2 or len(plain) < len(run)) and len(plain) <= 4 and not (
                    {x.cls for x in run} & _NOT_PERSON) and not any(is_acronym(x) for x in run):
                self.mentions.append((run[0].start, " ".join(x.text for x in plain)))
        self._starts = [at for at, _ in self.mentions]
        self._by_word: dict[str, tuple[list[int], list[str]]] = {}
        for at, full in self.mentions:
            parts = full.split()
            if len(parts) >= 2:
                for word in {parts[0], parts[-1]}:
                    ats, fulls = self._by_word.setdefault(word, ([], []))
                    ats.append(at)
                    fulls.append(full)

    def canonical(self, name: str, offset: int) -> str:
        """The fullest name that contains a one-word ``name``: the last one before ``offset``,
        else the first one after it."""
        if len(name.split()) != 1 or name not in self._by_word:
            return name
        ats, fulls = self._by_word[name]
        k = bisect.bisect_right(ats, offset)
        return fulls[k - 1] if k > 0 else fulls[0]

    def last_before(self, offset: int) -> str | None:
        """The last person named before ``offset``."""
        k = bisect.bisect_left(self._starts, offset)
        return self.mentions[k - 1][1] if k > 0 else None
