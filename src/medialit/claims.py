"""What kind of claim is each sentence? A documented heuristic, not magic.

:func:`classify_sentences` gives every sentence of a document one label, the
evidence for it (spans into ``doc.text``) and the rule that decided. The rules
are tried in this order and the first that applies wins:

1. ``other`` (question): the sentence ends with "?", or opens (after "But",
   "And", "So") with a question word followed by a verb ("what exactly can
   encourage ..."), or invites the reader ("Let's ...").
2. ``attributed``: an attribution from :func:`medialit.attribution.find_attributions`
   has its cue in the sentence, or its quotation covers most of the sentence.
   Appeals to common knowledge ("as you know") count: they are how the
   sentence claims support, even if no one is named.
3. ``hedged``: a hedge from :func:`medialit.hedging.find_hedges` (could, likely,
   suggests, can be considered ...): the writer speculates.
4. ``prediction``: a future ("will", "going to") or a conditional ("if ...")
   without a hedge.
5. ``evaluation``: loaded language (:func:`medialit.framing.find_loaded_language`),
   a booster, or an evaluative word from ``medialit/data/evaluative.tsv``
   (important, especially, should ...).
6. ``checkable``: an anchor that could be looked up, with no source: a number
   or date, a name (a capitalised word inside the sentence), or a past-tense
   verb.
7. ``other``: none of the above.

Where several rules could apply, ``Claim.evidence`` still lists every signal
found, so students can argue for another label. Lesson 7 asks them to do so.

Known gaps (places to disagree with it): instructions ("Whisk two eggs") are
not recognised as such and may count as checkable; general claims with "can"
and no evaluative word ("Joint exercises can increase trust") fall to
``checkable`` or ``other``; a "will" inside a relative clause makes a whole
assessment a ``prediction``; a heading is labelled like a sentence; an
attribution made in the previous sentence does not carry over; any
capitalised word counts as a name, so "checkable" is generous.

>>> [c.label for c in classify_sentences(Document.from_text(
...     "Putin said so. It could rain. Prices will rise. That is important. "
...     "Paris hosted 12 events in 2023. Why?"))]
['attributed', 'hedged', 'prediction', 'evaluation', 'checkable', 'other']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, get_args

from .data import DataFileError, load_table
from .framing import LoadedTerm, find_loaded_language
from .hedging import Hedge, find_hedges
from .text import Document, Span, as_document
from .text.terms import TermMatcher

if TYPE_CHECKING:  # pragma: no cover
    from .attribution import Attribution

__all__ = [
    "CHECKABLE_SIGNALS",
    "CLAIM_TYPES",
    "Claim",
    "ClaimType",
    "Evidence",
    "EvidenceKind",
    "checkable_claims",
    "claims_summary",
    "classify_sentences",
    "is_checkable",
]

#: A sentence's claim type.
ClaimType = Literal["attributed", "hedged", "prediction", "evaluation", "checkable", "other"]
#: The labels, in the order the rules try them (``other`` is also the fallback).
CLAIM_TYPES: tuple[ClaimType, ...] = get_args(ClaimType)
#: The kinds of signal a sentence can show.
EvidenceKind = Literal[
    "attribution", "source", "hedge", "booster", "future", "conditional", "loaded", "evaluative",
    "number", "name", "past", "question",
]
#: The signals that make a claim checkable: something a reader could look up.
CHECKABLE_SIGNALS: frozenset[EvidenceKind] = frozenset({"number", "name", "past"})

# A quotation counts for a sentence when it covers at least this share of the sentence.
QUOTE_COVER = 0.5


@dataclass(frozen=True)
class Evidence:
    """One signal found in a sentence: ``text == source[start:end]``.

    ``kind`` is ``attribution``, ``source``, ``hedge``, ``booster``, ``future``,
    ``conditional``, ``loaded``, ``evaluative``, ``number``, ``name``,
    ``past`` or ``question``; ``detail`` says more (a category or source type).
    """

    start: int
    end: int
    text: str
    kind: EvidenceKind
    detail: str = ""

    @property
    def label(self) -> str:
        """The kind, for highlights."""
        return self.kind

    @property
    def rule(self) -> str:
        """What the signal is, with its detail (category or source type)."""
        return f"{self.kind}: {self.detail}" if self.detail else self.kind


@dataclass(frozen=True)
class Claim:
    """One sentence with its claim type: ``text == source[start:end]``.

    ``label`` is one of :data:`CLAIM_TYPES`; ``rule`` explains the decision;
    ``evidence`` lists every signal found in the sentence (not only the
    deciding one), in text order; ``paragraph`` is the 0-based paragraph number.
    """

    start: int
    end: int
    text: str
    label: ClaimType
    rule: str
    evidence: tuple[Evidence, ...]
    paragraph: int

    def evidence_of(self, *kinds: str) -> list[Evidence]:
        """The evidence of the given kinds."""
        return [e for e in self.evidence if e.kind in kinds]

    @property
    def checkable(self) -> bool:
        """True for a checkable claim (see :func:`is_checkable`)."""
        return self.label == "checkable"


@lru_cache(maxsize=1)
def _evaluative():
    rows = load_table("evaluative.tsv", ("term", "kind"))
    for row in rows:
        if row["kind"] not in {"judgement", "degree", "obligation"}:
            raise DataFileError(f"evaluative.tsv: unknown kind {row['kind']!r} for {row['term']!r}")
    return TermMatcher([(r["term"], r["kind"]) for r in rows])


_QUESTION_OPENING = re.compile(
    r"^(?:(?:but|and|so|then)\s+)?(?:what|why|how|who|whom|which|where|when)\b(?:\s+exactly)?\s+"
    r"(?:can|could|will|would|should|shall|may|might|must|do|does|did|is|are|was|were|has|have)\b",
    re.IGNORECASE,
)
_INVITATION = re.compile(r"^let(?:['’]s|\s+us)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|going to)\b|\w['’]ll\b", re.IGNORECASE)
_NOT_FUTURE = re.compile(r"\b(?:the|a|free|political|good|ill|own)\s+will\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d[\d,.]*%?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent|half)\b|"
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b",
    re.IGNORECASE,
)
# Irregular past forms, and lower-case "-ed" words (not "-eed": indeed, need, exceed).
_PAST = re.compile(
    r"\b(?:[Ww]as|[Ww]ere|had|did|met|went|won|lost|took|gave|made|held|sent|began|came|left|"
    r"fell|rose|found|told|said|wrote|became|ran|struck|hit|[a-z][a-z]+(?<!e)ed)\b"
)
# A run of capitalised words ("the United States" gives "United States").
_NAME = re.compile(r"(?<![\w.’'])[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")
_QUOTE_MARKS = "\"“”«»‘’'("


def _names(text: str, start: int, end: int) -> list[Evidence]:
    """Capitalised words inside a sentence (its first word and "I" excluded)."""
    out = []
    first = True
    for match in _NAME.finditer(text, start, end):
        before = text[start : match.start()].strip(" " + _QUOTE_MARKS)
        if first and not before:
            first = False
            continue
        first = False
        if match.group() not in {"I", "I’m", "I'm"}:
            out.append(Evidence(match.start(), match.end(), match.group(), "name"))
    return out


def _regex_evidence(pattern: re.Pattern[str], text: str, start: int, end: int, kind: str
                    ) -> list[Evidence]:
    return [Evidence(m.start(), m.end(), m.group(), kind) for m in pattern.finditer(text, start, end)]


class _BySentence:
    """Detector results bucketed by the sentence they start in (and, for quotations, every sentence
    the quotation overlaps), so each sentence looks only at its own: linear overall."""

    def __init__(self, doc: Document, attributions: list[Attribution], hedges: list[Hedge],
                 loaded: list[LoadedTerm]) -> None:
        self.doc = doc
        self.attributions: dict[int, list[Attribution]] = {}
        for a in attributions:
            touched = {doc.sentence_index(a.cue.start)}
            if a.quote is not None:
                touched |= set(doc.sentence_range(a.quote.start, a.quote.end))
            for index in touched - {None}:
                self.attributions.setdefault(index, []).append(a)
        self.hedges = self._bucket(hedges)
        self.loaded = self._bucket(loaded)
        self.evaluative = self._bucket(
            [Evidence(s, e, doc.text[s:e], "evaluative", kind) for s, e, kind in _evaluative().find(doc)])

    def _bucket(self, found: list) -> dict[int, list]:
        out: dict[int, list] = {}
        for item in found:
            index = self.doc.sentence_index(item.start)
            if index is not None:
                out.setdefault(index, []).append(item)
        return out


def _attribution_evidence(sentence: Span, attributions: list[Attribution]) -> list[Evidence]:
    s, e = sentence.start, sentence.end
    ev: list[Evidence] = []
    for a in attributions:
        covered = 0
        if a.quote is not None:
            covered = max(0, min(e, a.quote.end) - max(s, a.quote.start))
        if s <= a.cue.start < e or covered >= QUOTE_COVER * (e - s):
            ev.append(Evidence(a.cue.start, a.cue.end, a.cue.text, "attribution", a.source_type))
            if a.source is not None and s <= a.source.start < e:
                ev.append(Evidence(a.source.start, a.source.end, a.source.text, "source", a.source_type))
    return ev


def _sentence_evidence(doc: Document, index: int, found: _BySentence) -> list[Evidence]:
    sentence = doc.sentences[index]
    text, s, e = doc.text, sentence.start, sentence.end
    ev = _attribution_evidence(sentence, found.attributions.get(index, []))
    ev += [Evidence(h.start, h.end, h.text, h.kind, h.category) for h in found.hedges.get(index, [])]
    ev += [Evidence(t.start, t.end, t.text, "loaded", t.category) for t in found.loaded.get(index, [])]
    ev += found.evaluative.get(index, [])
    if not _NOT_FUTURE.search(text, s, e):
        ev += _regex_evidence(_FUTURE, text, s, e, "future")
    ev += _regex_evidence(_CONDITIONAL, text, s, e, "conditional")
    ev += _regex_evidence(_NUMBER, text, s, e, "number")
    ev += _names(text, s, e)
    ev += _regex_evidence(_PAST, text, s, e, "past")
    return sorted(set(ev), key=lambda x: (x.start, x.end, x.kind))


_OPENING_RULES = (
    (lambda body: body.endswith("?") or bool(_QUESTION_OPENING.match(body)), "a question, not a claim"),
    (lambda body: bool(_INVITATION.match(body)), "an invitation to the reader (let's ...)"),
)

#: The evidence rules, tried in order after the opening ones: (label, kinds that trigger it, rule).
EVIDENCE_RULES: tuple[tuple[ClaimType, frozenset[str], str], ...] = (
    ("attributed", frozenset({"attribution"}), "an attribution cue or quotation in the sentence"),
    ("hedged", frozenset({"hedge"}), "a hedge: the writer speculates"),
    ("prediction", frozenset({"future", "conditional"}), "a future or conditional with no hedge"),
    ("evaluation", frozenset({"loaded", "booster", "evaluative"}),
     "loaded language, a booster or an evaluative word"),
    ("checkable", CHECKABLE_SIGNALS, "a number, date, name or past event, with no source"),
)


def _decide(sentence: Span, ev: list[Evidence]) -> tuple[ClaimType, str]:
    body = sentence.text.strip()
    for applies, rule in _OPENING_RULES:
        if applies(body):
            return "other", rule
    kinds = {x.kind for x in ev}
    for label, triggers, rule in EVIDENCE_RULES:
        if kinds & triggers:
            return label, rule
    return "other", "no claim signal found"


def classify_sentences(doc: Document | str, attributions: list[Attribution] | None = None,
                       hedges: list[Hedge] | None = None, loaded: list[LoadedTerm] | None = None) -> list[Claim]:
    """Label every sentence of ``doc`` with a claim type, its evidence and its rule.

    Offsets index ``doc.text``. See the module docstring for the rules, tried in
    order. The labels are a starting point for discussion: a heuristic built from
    word lists cannot tell a sincere prediction from a rhetorical one, or see an
    attribution made in the previous sentence. Pass ``attributions``, ``hedges``
    and ``loaded`` (each detector's result on ``doc``) to reuse results already found.
    Each sentence looks only at the results that start in it (or, for a
    quotation, overlap it), so the cost grows with the text, not its square.

    >>> [c.label for c in classify_sentences("It may rain. Paris hosted 12 events.")]
    ['hedged', 'checkable']
    """
    doc = as_document(doc)
    if attributions is None:
        from .attribution import find_attributions

        attributions = find_attributions(doc)
    hedges = find_hedges(doc) if hedges is None else hedges
    loaded = find_loaded_language(doc) if loaded is None else loaded
    found = _BySentence(doc, list(attributions), list(hedges), list(loaded))
    claims = []
    for index, sentence in enumerate(doc.sentences):
        ev = _sentence_evidence(doc, index, found)
        label, rule = _decide(sentence, ev)
        claims.append(Claim(sentence.start, sentence.end, sentence.text, label, rule, tuple(ev),
                            doc.paragraph_index(sentence.start) or 0))
    return claims


def is_checkable(claim: Claim) -> bool:
    """The one definition of a *checkable claim*: a sentence with something a reader could look up.

    A sentence is checkable when it shows one of :data:`CHECKABLE_SIGNALS` (a
    number or date, a name: a capitalised word inside the sentence, or a
    past-tense verb) and none of the rules before it applies: it is not a
    question or an invitation, has no attribution cue or quotation, no hedge,
    no future or conditional, and no loaded, boosting or evaluative word.
    That is, ``claim.label == "checkable"`` in :func:`classify_sentences`.
    """
    return claim.label == "checkable"


def checkable_claims(doc: Document | str, attributions: list[Attribution] | None = None,
                     hedges: list[Hedge] | None = None, loaded: list[LoadedTerm] | None = None,
                     claims: list[Claim] | None = None) -> list[Claim]:
    """The sentences of ``doc`` that make a checkable claim with no source (see :func:`is_checkable`).

    Pass ``claims`` (the result of :func:`classify_sentences`) or the detector
    results it needs to reuse work already done.

    >>> [c.text for c in checkable_claims("The bridge opened in 2019, officials said. It cost 40 million euros.")]
    ['It cost 40 million euros.']
    """
    if claims is None:
        claims = classify_sentences(doc, attributions, hedges, loaded)
    return [c for c in claims if is_checkable(c)]


def claims_summary(doc: Document | str, claims: list[Claim] | None = None) -> dict[str, Any]:
    """Claim types of ``doc`` as a JSON-ready dict with snake_case keys (``medialit analyze``).

    Pass ``claims`` (the result of :func:`classify_sentences`) to reuse it.

    >>> claims_summary("It may rain. Will it?")["claim_types"]["hedged"]
    1
    """
    claims = classify_sentences(doc) if claims is None else claims
    counts = Counter(c.label for c in claims)
    total = max(len(claims), 1)
    return {
        "sentences": len(claims),
        "claim_types": {label: counts.get(label, 0) for label in CLAIM_TYPES},
        "share_of_sentences_percent": {label: round(100 * counts.get(label, 0) / total, 1)
                                       for label in CLAIM_TYPES},
        "checkable_claims_with_no_source": [c.text for c in claims if is_checkable(c)][:5],
        "predictions": [c.text for c in claims if c.label == "prediction"][:5],
    }
