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
from typing import Any

from .attribution import find_attributions
from .data import DataFileError, load_table
from .document import Document, Span
from .framing import _compile, find_loaded_language
from .hedging import find_hedges

__all__ = ["CLAIM_TYPES", "Claim", "Evidence", "claims_summary", "classify_sentences"]

#: The labels, in the order the rules try them (``other`` is also the fallback).
CLAIM_TYPES = ("attributed", "hedged", "prediction", "evaluation", "checkable", "other")

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
    kind: str
    detail: str = ""

    @property
    def label(self) -> str:
        return self.kind


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
    label: str
    rule: str
    evidence: tuple[Evidence, ...]
    paragraph: int

    def evidence_of(self, *kinds: str) -> list[Evidence]:
        """The evidence of the given kinds."""
        return [e for e in self.evidence if e.kind in kinds]


@lru_cache(maxsize=1)
def _evaluative():
    rows = load_table("evaluative.tsv", ("term", "kind"))
    for row in rows:
        if row["kind"] not in {"judgement", "degree", "obligation"}:
            raise DataFileError(f"evaluative.tsv: unknown kind {row['kind']!r} for {row['term']!r}")
    return _compile([(r["term"], r["kind"]) for r in rows])


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


def _in(span_start: int, sentence: Span) -> bool:
    return sentence.start <= span_start < sentence.end


def _sentence_evidence(doc: Document, sentence: Span, attributions, hedges, loaded
                       ) -> list[Evidence]:
    text, s, e = doc.text, sentence.start, sentence.end
    ev: list[Evidence] = []
    for a in attributions:
        covered = 0
        if a.quote is not None:
            covered = max(0, min(e, a.quote.end) - max(s, a.quote.start))
        if _in(a.cue.start, sentence) or covered >= QUOTE_COVER * (e - s):
            ev.append(Evidence(a.cue.start, a.cue.end, a.cue.text, "attribution", a.source_type))
            if a.source is not None and _in(a.source.start, sentence):
                ev.append(Evidence(a.source.start, a.source.end, a.source.text, "source",
                                   a.source_type))
    for h in hedges:
        if _in(h.start, sentence):
            ev.append(Evidence(h.start, h.end, h.text, h.kind, h.category))
    ev += [Evidence(t.start, t.end, t.text, "loaded", t.category) for t in loaded if _in(t.start, sentence)]
    for start, end, kind in _evaluative().finditer(text, s, e):
        ev.append(Evidence(start, end, text[start:end], "evaluative", kind))
    if not _NOT_FUTURE.search(text, s, e):
        ev += _regex_evidence(_FUTURE, text, s, e, "future")
    ev += _regex_evidence(_CONDITIONAL, text, s, e, "conditional")
    ev += _regex_evidence(_NUMBER, text, s, e, "number")
    ev += _names(text, s, e)
    ev += _regex_evidence(_PAST, text, s, e, "past")
    return sorted(set(ev), key=lambda x: (x.start, x.end, x.kind))


def _decide(doc: Document, sentence: Span, ev: list[Evidence]) -> tuple[str, str]:
    kinds = {x.kind for x in ev}
    body = sentence.text.strip()
    if body.endswith("?") or _QUESTION_OPENING.match(body):
        return "other", "a question, not a claim"
    if _INVITATION.match(body):
        return "other", "an invitation to the reader (let's ...)"
    if "attribution" in kinds:
        return "attributed", "an attribution cue or quotation in the sentence"
    if "hedge" in kinds:
        return "hedged", "a hedge: the writer speculates"
    if kinds & {"future", "conditional"}:
        return "prediction", "a future or conditional with no hedge"
    if kinds & {"loaded", "booster", "evaluative"}:
        return "evaluation", "loaded language, a booster or an evaluative word"
    if kinds & {"number", "name", "past"}:
        return "checkable", "a number, date, name or past event, with no source"
    return "other", "no claim signal found"


def classify_sentences(doc: Document | str) -> list[Claim]:
    """Label every sentence of ``doc`` with a claim type, its evidence and its rule.

    Offsets index ``doc.text``. See the module docstring for the rules, tried in
    order. The labels are a starting point for discussion: a heuristic built from
    word lists cannot tell a sincere prediction from a rhetorical one, or see an
    attribution made in the previous sentence.
    """
    if not isinstance(doc, Document):
        if not isinstance(doc, str):
            raise TypeError(f"expected a str or a medialit.Document, got {type(doc).__name__}")
        doc = Document.from_text(doc)
    attributions = find_attributions(doc.text)
    hedges = find_hedges(doc.text)
    loaded = find_loaded_language(doc.text)
    claims = []
    for sentence in doc.sentences:
        ev = _sentence_evidence(doc, sentence, attributions, hedges, loaded)
        label, rule = _decide(doc, sentence, ev)
        claims.append(Claim(sentence.start, sentence.end, sentence.text, label, rule, tuple(ev),
                            doc.paragraph_index(sentence.start) or 0))
    return claims


def claims_summary(doc: Document | str) -> dict[str, Any]:
    """Claim types of ``doc`` as a JSON-ready dict (``medialit analyze``)."""
    claims = classify_sentences(doc)
    counts = Counter(c.label for c in claims)
    total = max(len(claims), 1)
    return {
        "sentences": len(claims),
        "claim types": {label: counts.get(label, 0) for label in CLAIM_TYPES},
        "share of sentences (%)": {label: round(100 * counts.get(label, 0) / total, 1)
                                   for label in CLAIM_TYPES},
        "checkable claims with no source": [c.text for c in claims if c.label == "checkable"][:5],
        "predictions": [c.text for c in claims if c.label == "prediction"][:5],
    }
