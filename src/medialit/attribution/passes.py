"""The detection passes, in order, each linear in the length of the text.

1. :func:`common_knowledge_pass`: appeals to common knowledge ("as you know");
2. :func:`speaker_label_pass`: transcript speakers ("WALLACE: ...") and headline
   colons ("Pat Caddell: Democrat Voters Worried");
3. :func:`cue_pass`: reporting verbs and phrases, each candidate checked by the
   vetoes of :mod:`.vetoes` and given a source by :mod:`.subjects`;
4. :func:`dash_signatures`: quotations signed with a dash ('"..." - Sonya Herridge').

Each pass adds :class:`Found` records to the shared :class:`~.vetoes.Context`;
:mod:`.assemble` turns them into :class:`~medialit.attribution.Attribution` results.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..document import Span
from .lexicon import Cue, common_knowledge_patterns, common_knowledge_prefilters, cue_forms, cue_lengths, words
from .model import SourceType
from .phrases import Phrase, according_source, np_forward
from .quotes import inner, quote_for
from .subjects import as_reported_source, evidence_before, inverted_source, source_before
from .tokens import BE, FUNCTION, MAIN_PRONOUNS, OPEN_QUOTES, SKIP, Tok, clause_start
from .vetoes import (
    CONTACT_CLAUSE,
    CUE_VETOES,
    IN_DOCUMENT,
    LIGHT_VERB,
    PASSIVE_AGENT,
    SOURCE_VETOES,
    THAT_VERB,
    Candidate,
    Context,
    first_veto,
)

__all__ = ["Found", "Verdict", "attribution_at", "colon_quotes", "common_knowledge_pass", "confirm_headline_names",
           "cue_pass", "dash_signatures", "speaker_label_pass", "speaker_labels"]

_NOT_REPORTING = words("not_reporting")


@dataclass
class Found:
    """An attribution found by a pass, before typing and naming."""

    src: Phrase | None
    cue: Span
    quote: Span | None
    direct: bool
    rule: str
    entry: Cue | None
    stype: SourceType | None = None
    src_span: Span | None = None


@dataclass(frozen=True)
class Verdict:
    """What became of one reporting-cue candidate (see :func:`medialit.attribution.explain`).

    ``rejected_by`` names the veto (or ``no_source``) that rejected it, None when accepted;
    ``rule`` is the rule that found the source of an accepted one.
    """

    cue: Span
    rejected_by: str | None
    rule: str
    source: Span | None

    @property
    def accepted(self) -> bool:
        """True when the candidate became an attribution."""
        return self.rejected_by is None


# --- 1. common knowledge ----------------------------------------------------


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap a span of the sorted, non-overlapping ``spans``?"""
    k = bisect.bisect_left(spans, (start, start))
    return (k < len(spans) and spans[k][0] < end) or (k > 0 and spans[k - 1][1] > start)


#: Letters that ``re`` matches case-insensitively with "i" and the ``regex`` module does not
#: (dotted capital and dotless i): in a text with one of them, no prefilter is used.
_FOLDED_APART = ("İ", "ı")


def _phrase_matches(pattern: re.Pattern[str], prefilter: regex.Pattern[str] | None,
                    text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``; with a ``prefilter`` (the phrase without word
    boundaries, see :func:`.lexicon.common_knowledge_prefilters`), the pattern is tried only where
    that matches, which is every place it can match."""
    if prefilter is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for hit in prefilter.finditer(text, overlapped=True):
        m = pattern.match(text, hit.start()) if hit.start() >= end else None
        if m is not None:
            yield m
            end = max(m.end(), m.start() + 1)


def common_knowledge_pass(ctx: Context) -> set[int]:
    """Appeals to common knowledge outside quotations; returns the indices of the tokens they cover."""
    spans: list[tuple[int, int]] = []
    patterns = common_knowledge_patterns()
    prefilters = common_knowledge_prefilters()
    if any(c in ctx.text for c in _FOLDED_APART):
        prefilters = (None,) * len(patterns)
    for pattern, prefilter in zip(patterns, prefilters, strict=True):
        for m in _phrase_matches(pattern, prefilter, ctx.text):
            if _overlaps(spans, m.start(), m.end()) or ctx.quotes.strictly_inside(m.start()):
                continue  # inside a quotation: the quoted speaker's own appeal (veto inside_quotation)
            name = "group" if "group" in pattern.groupindex and m.start("group") >= 0 else 0
            src = Span(m.start(name), m.end(name), m.group(name))
            cue = Span(m.start(), m.end(), m.group())
            ctx.found.append(Found(None, cue, None, False, "common knowledge phrase", None,
                                   "common_knowledge", src))
            bisect.insort(spans, (m.start(), m.end()))
    taken: set[int] = set()
    for start, end in spans:
        taken.update(ctx.tokens_within(start, end))
    return taken


# --- 2. speaker labels --------------------------------------------------------

# "[\s"“]*" before the label, but never across a line break: linear in the text
_LABEL_LINE = re.compile(r"(?m)^(?:[^\S\n]|[\"“])*([A-Z][A-Z.\- ]{1,30}[A-Z.]):")
_NOT_SIGNED = frozenset({"org", "outlet", "evidence", "capital", "country", "place", "nonname",
                         "time", "collective", "role"})


def speaker_labels(text: str) -> set[str]:
    """Upper-case labels that open two or more lines ("WALLACE: ..."): a transcript.

    Linear: each line start is tried once, and the label must be on that line.
    """
    counts = Counter(m.group(1) for m in _LABEL_LINE.finditer(text))
    return {label for label, n in counts.items() if n >= 2}


#: How many distinct words :meth:`_LabelContext.word_count` looks for one at a time.
_WORDS_SEARCHED = 16


def _word_char(c: str) -> bool:
    """A character of ``re``'s ``\\w`` in a str pattern: alphanumeric or the underscore."""
    return c.isalnum() or c == "_"


def _whole_word_count(text: str, word: str) -> int:
    """How often ``word`` (letters only) stands in ``text`` with no word character on either side:
    its count among the ``\\w+`` runs of the text."""
    count, size, at = 0, len(word), text.find(word)
    while at >= 0:
        if not (at > 0 and _word_char(text[at - 1])) and not (
                at + size < len(text) and _word_char(text[at + size])):
            count += 1
        at = text.find(word, at + 1)
    return count


class _LabelContext:
    """What the speaker-label pass looks up: paragraphs by start, labels, word counts."""

    def __init__(self, ctx: Context, paragraphs: Sequence[Span]) -> None:
        self.paragraphs = list(paragraphs)
        self.starts = [p.start for p in self.paragraphs]
        self.para_starts = set(self.starts)
        self.labels = speaker_labels(ctx.text)
        self.text = ctx.text
        self._words: Counter[str] | None = None
        self._counted: dict[str, int] = {}

    def word_count(self, word: str) -> int:
        """How often ``word`` (letters only) stands as a whole word in the text (``\\w+`` runs).
        The first few words asked for are counted by a search for each; after that, one count of
        every word of the text is made, so that many labels cost no more than one pass."""
        if self._words is None and word.isalpha() and len(self._counted) < _WORDS_SEARCHED:
            if word not in self._counted:
                self._counted[word] = _whole_word_count(self.text, word)
            return self._counted[word]
        if self._words is None:
            self._words = Counter(re.findall(r"\w+", self.text))
        return self._words[word]

    def named_in_text(self, word: str) -> bool:
        """Does ``word`` stand in the text other than as a label (not before a colon)?"""
        return re.search(rf"\b{re.escape(word)}\b(?!\s*:)", self.text) is not None

    def paragraph_at(self, offset: int) -> Span:
        return self.paragraphs[bisect.bisect_right(self.starts, offset) - 1]


def _label_end(toks: list[Tok], k: int) -> int:
    """The index after a run of up to 4 capitalised words (or dots) from ``toks[k]``."""
    j = k
    while j < len(toks) and j - k < 4 and toks[j].text not in ":" and (
            toks[j].text[0].isupper() or toks[j].text == "."):
        j += 1
    return j


def _label_kind(ctx: Context, lc: _LabelContext, name: list[Tok]) -> str | None:
    """``transcript``, ``signed`` (a headline naming its author or speaker: two or three names, or
    one in the text's first line, named again in the text: "Moss: The Dam Will Hold"),
    ``document`` ("Poll: ...")."""
    label = ctx.text[name[0].start:name[-1].end]
    if all(x.text.isupper() or x.text == "." for x in name) and len(
            "".join(x.text for x in name)) > 2 and label in lc.labels:
        return "transcript"
    classes = {x.cls for x in name}
    headline = len(name) >= 2 or (name[0].start == lc.starts[0] and lc.named_in_text(name[0].text))
    if headline and len(name) <= 3 and all(x.cap and x.text.isalpha() and not x.text.isupper()
                                   for x in name) and not (classes & _NOT_SIGNED) and lc.word_count(
            name[-1].text) >= 2:
        return "signed"
    if len(name) == 1 and classes == {"evidence"} and name[0].text[0].isupper() and not name[
            0].text.isupper():
        return "document"
    return None


def _starts_paragraph(toks: list[Tok], k: int, para_starts: set[int]) -> bool:
    return toks[k].start in para_starts or (
        k > 0 and toks[k - 1].text in OPEN_QUOTES and toks[k - 1].start in para_starts)


def speaker_label_pass(ctx: Context, paragraphs: Sequence[Span]) -> set[int]:
    """Speaker labels at the start of a paragraph; returns the indices of the tokens taken."""
    toks, taken = ctx.toks, set()
    lc = _LabelContext(ctx, paragraphs)
    at_starts = [k for k in map(ctx.token_at, lc.starts) if k is not None]
    firsts = sorted({*at_starts, *(k + 1 for k in at_starts if k + 1 < len(toks))})
    for k in firsts:
        t = toks[k]
        if not _starts_paragraph(toks, k, lc.para_starts):
            continue
        j = _label_end(toks, k)
        if not (j < len(toks) and toks[j].text == ":" and j > k and j + 1 < len(toks)
                and toks[j + 1].sent == toks[j].sent):
            continue
        kind = _label_kind(ctx, lc, toks[k:j])
        if kind is None:
            continue
        para = lc.paragraph_at(t.start)
        qs = toks[j + 1].start
        found = Found((k, j - 1), Span(toks[j].start, toks[j].end, ":"),
                      Span(qs, para.end, ctx.text[qs:para.end]), kind != "document",
                      "speaker label and colon", None,
                      "organization" if kind == "document" else "named_person")
        ctx.found.append(found)
        if kind == "signed" and j - k == 1:
            ctx.unconfirmed.append(found)
        taken.update(range(k, j + 1))
    return taken


def confirm_headline_names(ctx: Context) -> None:
    """Drop a headline label of one name ("Moss: The Dam Will Hold") unless that name is the source
    of another attribution in the text ("Moss said"): a title such as "Superman: Doomsday" names no
    speaker. Runs after the cue pass."""
    if not ctx.unconfirmed:
        return
    toks = ctx.toks
    names = {toks[k].text for f in ctx.found if f.src is not None and f not in ctx.unconfirmed
             for k in range(f.src[0], f.src[1] + 1)}
    drop = [f for f in ctx.unconfirmed if toks[f.src[0]].text not in names]
    ctx.found[:] = [f for f in ctx.found if not any(f is d for d in drop)]


# --- 3. reporting cues ----------------------------------------------------------


def match_cue(toks: list[Tok], i: int) -> tuple[int, Cue] | None:
    """The longest cue form (4 words down to 1) that starts at ``toks[i]``."""
    lengths = cue_lengths().get(toks[i].low)
    if lengths is None:
        return None
    forms = cue_forms()
    for length in lengths:
        if i + length > len(toks):
            continue
        key = tuple(t.low for t in toks[i:i + length])
        if key in forms and toks[i + length - 1].sent == toks[i].sent:
            return length, forms[key]
    return None


def that_verb(toks: list[Tok], i: int) -> tuple[int, Cue] | None:
    """Any past or present verb followed by "that" after a clear subject: "Trump bragged that"."""
    t = toks[i]
    if i + 1 >= len(toks) or toks[i + 1].low != "that" or toks[i + 1].sent != t.sent:
        return None
    if not (t.text.isalpha() and t.text.islower() and t.low.endswith(("ed", "s", "ing"))):
        return None
    if t.low in _NOT_REPORTING or t.low in FUNCTION or t.low.endswith(("ss", "us", "is")):
        return None
    k = i - 1
    while k > 0 and i - k <= 3 and toks[k].sent == t.sent and (toks[k].low in SKIP or (
            toks[k].low.endswith("ly") and toks[k].text.islower())):
        k -= 1  # "have also discovered that", "is hoping that"
    prev = toks[k] if k >= 0 else None
    if prev is None or prev.sent != t.sent or not (
            prev.low in {"he", "she", "they", "we", "i"} or prev.cap or prev.cls in {
                "role", "collective", "org", "outlet"}):
        return None
    return 1, THAT_VERB


_LIGHT_VERBS = words("light_verbs")
_MESSAGE_NOUNS = words("message_nouns")


def light_verb(toks: list[Tok], i: int) -> tuple[int, Cue] | None:
    """A light verb and its message noun, up to three words apart: "made the following comment",
    "has made the case", "issued a stern warning". The content check (that, a colon, a quotation,
    about/of/on) is the cue's frame."""
    if toks[i].low not in _LIGHT_VERBS or not toks[i].text.islower():
        return None
    for k in range(i + 1, min(i + 5, len(toks))):
        t = toks[k]
        if t.sent != toks[i].sent or not t.text.isalpha():
            return None
        if t.low in _MESSAGE_NOUNS:
            return k - i + 1, LIGHT_VERB
    return None


_FINDINGS = words("findings")


def in_document(toks: list[Tok], i: int) -> tuple[int, Cue] | None:
    """"In this poll, Trump rose", "..., by one estimate.": "in" or "by" opening a clause, before a
    poll, survey, study or estimate that ends the phrase (a comma, a full stop) within nine words."""
    if toks[i].low not in {"in", "by"} or not clause_start(toks, i):
        return None
    for k in range(i + 1, min(i + 10, len(toks))):
        t = toks[k]
        if t.text in {",", ".", ";"} or t.sent != toks[i].sent:
            return (1, IN_DOCUMENT) if toks[k - 1].low in _FINDINGS and k > i + 1 else None
    return None


def _find_source(c: Candidate) -> tuple[Phrase | None, str]:
    """The source of a candidate and the rule that found it."""
    if c.entry.kind == "according":
        nxt = c.next_in_sentence
        return (according_source(c.toks, c.i + c.length) if nxt is not None else None,
                "according to + source")
    src = inverted_source(c)
    if src is not None:
        return src, "quote, verb + source"
    src = as_reported_source(c)
    if src is not None:
        return src, "as + participle + by/in + source"
    if c.prev is None:
        return None, ""
    src, rule = source_before(c)
    if src is None and c.entry.kind == "evidence" and rule != PASSIVE_AGENT:  # "emails were found": no finder
        src, rule = evidence_before(c), "document + verb"
    return src, rule


def attribution_at(c: Candidate) -> tuple[Found | None, str | None]:
    """Try to build an attribution around a cue candidate: the attribution, or None and the
    name of the rule that rejected it."""
    veto = first_veto(c, CUE_VETOES)
    if veto is not None:
        return None, veto.name
    c.src, c.rule = _find_source(c)
    if c.src is None and c.rule != "passive-it":
        return None, "no_source"
    veto = first_veto(c, SOURCE_VETOES)
    if veto is not None:
        return None, veto.name
    quote, direct = quote_for(c.ctx.text, c.toks, c.cue, c.src, c.ctx.quotes, c.ctx.para_by_start)
    return Found(c.src, c.cue, quote, direct, c.rule, c.entry), None


def _verdict(c: Candidate, f: Found | None, rejected_by: str | None) -> Verdict:
    source = None
    if f is not None and f.src is not None:
        s, e = c.toks[f.src[0]].start, c.toks[f.src[1]].end
        source = Span(s, e, c.ctx.text[s:e])
    return Verdict(c.cue, rejected_by, f.rule if f is not None else "", source)


def _drop_cues_inside(ctx: Context, f: Found, trace: list[Verdict] | None) -> None:
    """A cue inside the source phrase of a later one belongs to that phrase: "Everyone we asked
    praised the bridge" is one attribution, with the source "Everyone we asked" (``explain``
    reports the inner cue as rejected by ``inside_later_source``)."""
    if f.src is None or f.rule != CONTACT_CLAUSE:
        return
    start, end = ctx.toks[f.src[0]].start, ctx.toks[f.src[1]].end
    while ctx.found and ctx.found[-1].src is not None and start <= ctx.found[-1].cue.start < end:
        dropped = ctx.found.pop()
        for k, v in enumerate(trace or []):
            if v.cue == dropped.cue:
                trace[k] = replace(v, rejected_by="inside_later_source")  # type: ignore[index]


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word a cue can start with, except a verb before "that" (checked by its next word)."""
    return frozenset(cue_lengths()) | _LIGHT_VERBS | {"in", "by"}


def _cue_at(toks: list[Tok], i: int) -> tuple[int, Cue] | None:
    """The cue starting at ``toks[i]``: a listed form, a verb before "that", a light verb with its
    message, or "in"/"by" before a poll or study. Most words start none: one set lookup.
    The cue pass calls it only at :func:`_possible_cues`: a new kind of cue whose first word is
    not in :func:`_first_words` (nor before "that") must be added there too."""
    if toks[i].low not in _first_words():
        return that_verb(toks, i) if i + 1 < len(toks) and toks[i + 1].low == "that" else None
    return match_cue(toks, i) or that_verb(toks, i) or light_verb(toks, i) or in_document(toks, i)


def _possible_cues(toks: list[Tok]) -> list[int]:
    """The indices of the tokens that may start a cue (see :func:`_cue_at`): a word that starts a
    listed form, a light verb or "in"/"by", or a word before "that". One set lookup per token."""
    first = _first_words()
    lows = [t.low for t in toks]
    found = [k for k, low in enumerate(lows) if low in first]
    k = -1
    with suppress(ValueError):  # list.index raises after the last "that"
        while True:
            k = lows.index("that", k + 1)
            if k > 0 and lows[k - 1] not in first:
                found.append(k - 1)  # a word before "that"
    return sorted(found)


def cue_pass(ctx: Context, taken: set[int], trace: list[Verdict] | None = None) -> None:
    """Reporting verbs and phrases; each verdict is added to ``trace`` when one is given.
    Only the tokens of :func:`_possible_cues` are tried: no other token starts a cue."""
    toks = ctx.toks
    i = 0
    for k in _possible_cues(toks):
        if k < i:
            continue  # inside a cue found before, or its source
        i = k
        m = None if i in taken else _cue_at(toks, i)
        if m is None:
            continue
        length, entry = m
        c = Candidate(ctx, i, length, entry)
        f, rejected_by = attribution_at(c)
        if trace is not None:
            trace.append(_verdict(c, f, rejected_by))
        if rejected_by == "capitalised_mid_sentence":
            i += 1
            continue
        if f is not None:
            _drop_cues_inside(ctx, f, trace)
            ctx.found.append(f)
            taken.update(range(i, i + length))
            if f.src is not None and f.src[0] > i:
                # a source after its cue ("according to news reports") is not a cue itself
                taken.update(range(f.src[0], f.src[1] + 1))
                i = max(i + length, f.src[1] + 1)
                continue
        i += length


# --- 4. dash signatures -----------------------------------------------------------

_DASH_SIGNATURE = re.compile(r"[”\"]\s*([―—–])\s*")


def dash_signatures(ctx: Context, taken: set[int]) -> None:
    """A quotation signed with a dash and a name: '“...” ― Sonya Herridge'."""
    toks, text = ctx.toks, ctx.text
    for m in _DASH_SIGNATURE.finditer(text):
        k = ctx.token_at(m.end())
        if k is None or k in taken:
            continue
        j = k
        while j < len(toks) and toks[j].cap and j - k < 5 and toks[j].sent == toks[k].sent:
            j += 1
        if j - k >= 2 and (j >= len(toks) or not toks[j].text[0].isalpha()):
            at = m.start() + 1
            quote = inner(text, ctx.quotes.by_end[at], at) if at in ctx.quotes.by_end else None
            dash = m.start(1)
            ctx.found.append(Found((k, j - 1), Span(dash, dash + 1, text[dash]), quote,
                                   True, "quotation signed with a dash", None))


# --- 5. a clause and a colon before a quotation ------------------------------------

#: The rule name of a quotation after a clause and a colon ('Ruiz defended the plan: "..."').
COLON_QUOTE = "subject + verb ...: quotation"
#: How many words the clause before the colon may have.
_COLON_CLAUSE_SPAN = 25
#: Words that open another clause between the subject and the colon.
_CLAUSE_WORDS = MAIN_PRONOUNS | {"that", "which", "who", "because", "when", "if", "while", "after", "before", "and"}


def _colon_subject(ctx: Context, k: int) -> Phrase | None:
    """The subject opening the sentence whose colon is ``toks[k]``: a pronoun, or a name or source
    phrase and an active verb after it ("Mayor Ruiz defended the plan:"); None for "He was asked:"
    or when another clause stands before the colon."""
    toks, first = ctx.toks, k
    while first > 0 and toks[first - 1].sent == toks[k].sent:
        first -= 1
        if k - first > _COLON_CLAUSE_SPAN:
            return None
    if first + 1 >= k or ctx.quotes.strictly_inside(toks[first].start):
        return None
    np = (first, first) if toks[first].low in MAIN_PRONOUNS else np_forward(toks, first)
    if np is None or np[1] + 2 >= k or not (toks[np[1]].np or np[0] == np[1] and toks[first].low in MAIN_PRONOUNS):
        return None
    if any(toks[m].low in _CLAUSE_WORDS for m in range(np[1] + 1, k)):
        return None  # "She became so upset that I had to change my answer:": another clause speaks
    verb, after = toks[np[1] + 1], toks[np[1] + 2]
    if not (verb.text.isalpha() and verb.text.islower() and (verb.low not in FUNCTION or verb.low in SKIP)):
        return None
    return None if verb.low in BE and after.low.endswith(("ed", "en")) else np


def colon_quotes(ctx: Context) -> None:
    """'Mayor Ruiz defended the plan: "The bridge is unsafe."': a quotation that opens right after
    the colon of a clause with no reporting cue of its own is the direct speech of the clause's
    subject (guide, section 2: the quotation after "added:" is its content)."""
    toks, text = ctx.toks, ctx.text
    with_cue = {toks[k].sent for k in (ctx.token_at(f.cue.start) for f in ctx.found) if k is not None}
    colons = (ctx.token_at(m.start()) for m in re.finditer(":", text))
    for k in (k for k in colons if k is not None):  # the tokens that start at a colon, in order
        t = toks[k]
        if t.text != ":" or k + 1 >= len(toks) or t.sent in with_cue or toks[k + 1].text not in OPEN_QUOTES:
            continue
        at = toks[k + 1].start
        if at not in ctx.quotes.by_start or ctx.quotes.strictly_inside(t.start):
            continue
        src = _colon_subject(ctx, k)
        if src is not None:
            ctx.found.append(Found(src, Span(t.start, t.end, ":"), inner(text, at, ctx.quotes.by_start[at]),
                                   True, COLON_QUOTE, None))
