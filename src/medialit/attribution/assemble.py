"""From what the passes found to :class:`~medialit.attribution.Attribution` results:
the source span, its type, its canonical name and, for pronouns and roles, its referent."""

from __future__ import annotations

from dataclasses import replace

from ..document import Span
from .lexicon import words
from .model import COMMON_KNOWLEDGE, Attribution
from .passes import Found
from .phrases import core, head_index
from .resolve import Antecedents, relative_antecedent, resolve
from .sources import Names, classify, is_number, person_name, plain_name
from .tokens import Tok, clause_start
from .vetoes import MODIFIED_SUBJECT

__all__ = ["assemble"]


def _sort_key(toks: list[Tok], f: Found) -> tuple[int, int]:
    start = f.src_span.start if f.src_span else (toks[f.src[0]].start if f.src else f.cue.start)
    return start, f.cue.start


def _typed(toks: list[Tok], src: tuple[int, int], stype: str | None) -> tuple[tuple[int, int], str]:
    """The core of a source phrase and its type; "The campaign chairman, Phil Lovas" is the
    named person of its apposition."""
    head = core(toks, *src)
    stype = stype or classify(toks, *head)
    if stype in {"official_role", "vague"} and head[1] + 2 <= src[1]:
        rest = core(toks, head[1] + 2, src[1])
        if classify(toks, *rest) == "named_person":
            return rest, "named_person"
    return head, stype


def _name(text: str, toks: list[Tok], names: Names, head: tuple[int, int], stype: str,
          source: Span) -> str:
    """The canonical name under which a source is counted."""
    if stype == "named_person":
        return names.canonical(person_name(toks, head[0], head_index(toks, *head)), source.start)
    if stype in {"organization", "vague"}:
        name = plain_name(text[toks[head[0]].start:toks[head[1]].end])
        return name.lower() if stype == "vague" and len(name.split()) == 1 else name
    return source.text


_MODIFIER_START = words("prepositions")
_RELATIVES = frozenset({"who", "which"})


def _before_modifier(toks: list[Tok], src: tuple[int, int]) -> tuple[int, int]:
    """The words of a modified source before its modifier, which say what kind of source it is:
    "Friends" in "Friends close to the mayor", "Many people" in "Many people involved in";
    a number keeps its noun ("Seventy-eight percent" of "Seventy-eight percent of Democrats")."""
    for k in range(src[0] + 1, src[1] + 1):
        if is_number(toks[k - 1]):
            continue  # a number and its noun: "Seventy-eight percent of Democrats"
        if toks[k].low in _MODIFIER_START or (toks[k].text.islower() and not toks[k].cls and k + 1 <= src[1]
                                              and toks[k + 1].low in _MODIFIER_START):
            return (src[0], k - 1)  # not a source word before its preposition: "A statement from"
    return src


def _name_before_apposition(toks: list[Tok], first: int) -> tuple[int, int] | None:
    """The person's name that opens the clause before a role in apposition: "Ann Lee" of
    "Ann Lee, the mayor of Springfield, said"."""
    if first < 3 or toks[first - 1].text != ",":
        return None
    last = first - 2
    start = last
    while start > 0 and toks[start - 1].cap and toks[start - 1].sent == toks[last].sent:
        start -= 1
    if not (1 <= last - start <= 3 and toks[start].sent == toks[first].sent and clause_start(toks, start)):
        return None
    return (start, last) if classify(toks, start, last) == "named_person" else None


_THING_CLASSES = frozenset({"evidence", "outlet", "org"})
_APPOSITION_END = frozenset({",", ".", ";", ":", "who", "that", "which"})


def _names_a_thing(toks: list[Tok], last: int) -> bool:
    """A name followed by an apposition whose head is a document, outlet or body: "Her Way, a
    critical (and excellent) investigative biography of Clinton", "Acme, a company based in Ohio"."""
    k = last + 2
    if k >= len(toks) or toks[last + 1].text != "," or toks[k].low not in {"a", "an", "the"}:
        return False
    head = None
    for t in toks[k + 1:k + 10]:
        if t.sent != toks[last].sent or t.low in _APPOSITION_END or t.low in _MODIFIER_START or (
                head is not None and t.low.endswith(("ed", "ing"))):
            break  # the head ends before a preposition or a participle: "a company based in"
        if t.low == "'s":
            head = None  # a possessor is no head: "the panel's ranking Democrat"
        elif t.text.isalpha():
            head = t
    return head is not None and head.text.islower() and head.cls in _THING_CLASSES


class _Assembler:
    def __init__(self, text: str, toks: list[Tok]) -> None:
        self.text, self.toks = text, toks
        self.names = Names(toks)
        self.earlier = Antecedents()
        self._lower: set[str] | None = None
        self._capital: set[str] | None = None

    def common_word(self, tok: Tok) -> bool:
        """Is a capitalised word a common noun: written in lower case elsewhere in the text and
        never capitalised inside a sentence ("Protesters say ..." beside "the protesters"; not
        "Price said ..." beside "Tom Price" and "the price")? Each word set is made once per text,
        when first needed (a search of the text per word would grow with the square of its length)."""
        toks = self.toks
        if self._lower is None:
            self._lower = {t.low for t in toks if t.text.islower()}
        if tok.low not in self._lower:
            return False
        if self._capital is None:
            self._capital = {t.low for k, t in enumerate(toks) if k and t.cap and toks[k - 1].sent == t.sent
                             and toks[k - 1].text[0].isalnum()}
        return tok.low not in self._capital

    def group_before_modifier(self, head: tuple[int, int]) -> bool:
        """"Parents at the school", "Workers at the plant": a plural that names people by what
        they do, capitalised only because it opens the sentence, before a lower-case modifier;
        not a person's name the text gives in full elsewhere ("Tom Sanders")."""
        toks = self.toks
        first = toks[head[0]]
        if head[1] < head[0] + 2 or not clause_start(toks, head[0]) or not first.text.istitle():
            return False
        if toks[head[0] + 1].low not in _MODIFIER_START or not toks[head[0] + 2].text.islower():
            return False
        plural = first.low.endswith(("ists", "ers", "ians", "ants", "ors", "ents", "ees"))
        return plural and self.names.canonical(first.text, first.start) == first.text

    def relative_of(self, f: Found) -> tuple[tuple[int, int] | None, Span | None]:
        """The source phrase of ``f`` and, when it is a relative "who"/"which", the pronoun: the
        source is then its antecedent ("David Fahrenthold, who asked": "David Fahrenthold"), the
        mention a reader wants; the pronoun is kept as ``relative`` (PolNeAR marks it)."""
        src, toks = f.src, self.toks
        if src is None or src[0] != src[1] or toks[src[0]].low not in _RELATIVES or toks[src[0]].text.isupper():
            return src, None
        antecedent = relative_antecedent(toks, src)
        if antecedent is None:
            return src, None
        who = toks[src[0]]
        return antecedent, Span(who.start, who.end, who.text)

    def source_of(self, f: Found, src: tuple[int, int] | None) -> tuple[Span | None, str, str, str | None]:
        """(source, type, name, refers_to) of a found attribution whose source phrase is ``src``."""
        text, toks = self.text, self.toks
        if f.src_span is not None:
            stype = f.stype or "vague"
            name = COMMON_KNOWLEDGE if stype == "common_knowledge" else f.src_span.text.lower()
            return f.src_span, stype, name, None
        if src is None:
            return None, "vague", "(unnamed)", None
        s, e = toks[src[0]].start, toks[src[1]].end
        stype = None if src != f.src else f.stype
        head, stype = _typed(toks, _before_modifier(toks, src) if f.rule == MODIFIED_SUBJECT else src, stype)
        named = _name_before_apposition(toks, src[0]) if stype in {"official_role", "vague"} else None
        if named is not None:
            head, stype, s = named, "named_person", toks[named[0]].start
        source = Span(s, e, text[s:e])
        if stype == "named_person" and (head[0] == head[1] and self.common_word(toks[head[0]])
                                        or self.group_before_modifier(src)):
            stype = "vague"  # "Protesters chanted", with "protesters" in lower case elsewhere
        elif stype == "named_person" and _names_a_thing(toks, head[1]):
            stype = "organization"
        name = _name(text, toks, self.names, head, stype, source)
        refers_to = None
        if stype == "pronoun":
            refers_to = resolve(toks[src[0]].low, source, self.earlier, toks, src, self.names, text)
        elif stype == "official_role" and toks[src[0]].low == "the" and not \
                toks[head_index(toks, *src)].low.endswith("s"):
            refers_to = self.names.last_before(s)
        return source, stype, name, refers_to

    def make(self, f: Found) -> Attribution:
        src, relative = self.relative_of(f)
        source, stype, name, refers_to = self.source_of(f, src)
        start = min(source.start, f.cue.start) if source else f.cue.start
        end = max(source.end, f.cue.end) if source else f.cue.end
        implies = f.entry.implies if f.entry else (
            "judgement" if stype == "common_knowledge" else "neutral")
        a = Attribution(start=start, end=end, text=self.text[start:end], source=source,
                        source_type=stype, cue=f.cue, quote=f.quote, direct=f.direct,  # type: ignore[arg-type]
                        refers_to=refers_to, name=name, implies=implies, rule=f.rule or "phrase",
                        relative=relative)
        self.earlier.add(a)
        return a


#: Rules whose source is the subject of an earlier cue in the same clause: one relation.
_CONTINUING = frozenset({"participle: clause subject", "coordinated: clause subject",
                         "by + participle: clause subject", "document + participle: its sender"})


def _fold(a: Attribution, f: Found) -> Attribution:
    """``a`` with the cue of ``f`` (same source mention) added: "denied ..., noting that"."""
    quote, direct = (a.quote, a.direct) if a.quote is not None else (f.quote, f.direct)
    implies = a.implies if a.implies == "judgement" or f.entry is None else f.entry.implies
    return replace(a, other_cues=(*a.other_cues, f.cue), quote=quote, direct=direct,
                   implies=implies)


def assemble(text: str, toks: list[Tok], found: list[Found]) -> list[Attribution]:
    """The attributions, typed, named and resolved, sorted by position; a cue that continues
    an earlier one with the same source mention joins its relation (``other_cues``)."""
    found.sort(key=lambda f: _sort_key(toks, f))
    maker = _Assembler(text, toks)
    out: list[Attribution] = []
    by_source: dict[tuple[int, int], int] = {}
    for f in found:
        at = by_source.get(f.src) if f.src is not None and f.rule in _CONTINUING else None
        if at is not None:
            out[at] = _fold(out[at], f)
            continue
        out.append(maker.make(f))
        if f.src is not None:
            by_source[f.src] = len(out) - 1
    out.sort(key=lambda a: (a.start, a.end, a.cue.start))
    return out
