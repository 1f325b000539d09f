"""Score the detectors on texts with hand-made stance and attribution gold.

Shared by ``medialit evaluate heldout`` (the course's own held-out texts) and
``medialit evaluate news`` (real news texts of the developers' corpora). Each
text has a stance gold (``spans``: hedges and boosters) and an attribution gold
(``sources``: source mentions with their accepted types), in the formats of
``datasets/annotation-guide.md`` section 4. Three tables:

1. **Stance markers**: hedges and boosters, overlap matching with the same kind,
   as for the case study; optional gold spans count neither way.
2. **Uncertainty, sentence level**: is a sentence hedged? A sentence is uncertain
   in the gold when it holds a non-optional hedge of an uncertainty category
   (as ``medialit evaluate stance`` counts the Szeged corpus), and predicted
   uncertain when the detector finds one outside quotations.
3. **Attribution sources**: overlap matching with an accepted source type, and
   without the type check (as for PolNeAR).

With a ``group`` function (text name -> group, e.g. the genre), the stance and
attribution tables get one more row per group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..attribution import find_attributions
from ..hedging import find_hedges
from .attribution import source_items
from .scoring import PRF, ScoreTable, match_spans, prf_by
from .stance import UNCERTAINTY_CATEGORIES

__all__ = [
    "AnnotatedText", "check_gold", "found_sources", "score_texts", "score_uncertainty", "uncertain_sentences",
]


class AnnotatedText(NamedTuple):
    """One text with its stance gold (``spans``) and attribution gold (``sources``)."""

    name: str
    text: str
    stance: dict[str, Any]
    attribution: dict[str, Any]


def check_gold(name: str, text: str, gold: dict[str, Any], key: str, rebuild: str) -> None:
    """Raise ValueError when ``text`` is not the text the gold was made on (sha256) or a span's text differs.

    ``rebuild`` says what to run when the text changed.
    """
    if gold["text_sha256"] != hashlib.sha256(text.encode("utf-8")).hexdigest():
        raise ValueError(f"{name}: the text changed since the gold was made: {rebuild}")
    for span in gold[key]:
        if text[span["start"] : span["end"]] != span["text"]:
            raise ValueError(f"{name}: span {span['text']!r} at {span['start']} does not match the text")


def _kind(item: Any) -> str:
    return item["kind"] if isinstance(item, dict) else item.kind


def uncertain_sentences(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of the sentences of ``text`` (``medialit.document.sentence_spans``) in which a span starts."""
    from ..document import sentence_spans

    bounds = [(s.start, s.end) for s in sentence_spans(text)]
    return {k for k, (start, end) in enumerate(bounds) for s, _ in spans if start <= s < end}


def score_uncertainty(text: str, gold: list[dict[str, Any]], found: list[Any]) -> PRF:
    """Sentence level: a sentence is uncertain when it holds a scored hedge of an uncertainty category.

    Sentences whose only gold hedges are optional count neither way.
    """
    gold_spans = [(g["start"], g["end"]) for g in gold if g["kind"] == "hedge" and not g["optional"]
                  and g["category"] in UNCERTAINTY_CATEGORIES]
    optional = [(g["start"], g["end"]) for g in gold if g["kind"] == "hedge" and g["optional"]]
    found_spans = [(h.start, h.end) for h in found if h.kind == "hedge" and not h.in_quote
                   and h.category in UNCERTAINTY_CATEGORIES]
    positive = uncertain_sentences(text, gold_spans)
    predicted = uncertain_sentences(text, found_spans) - (uncertain_sentences(text, optional) - positive)
    return PRF(len(positive & predicted), len(predicted - positive), len(positive - predicted))


def found_sources(text: str) -> list[dict[str, Any]]:
    """The distinct source mentions :func:`medialit.find_attributions` reports, with their types."""
    return source_items(find_attributions(text))


@dataclass
class _Totals:
    stance: dict[str, PRF] = field(default_factory=lambda: {"all": PRF()})
    stance_groups: dict[str, PRF] = field(default_factory=dict)
    uncertainty: PRF = field(default_factory=PRF)
    sources: dict[str, PRF] = field(default_factory=lambda: {TYPED: PRF(), UNTYPED: PRF()})
    source_groups: dict[str, PRF] = field(default_factory=dict)

    @staticmethod
    def add(table: dict[str, PRF], row: str, prf: PRF) -> None:
        table.setdefault(row, PRF()).__iadd__(prf)


TYPED, UNTYPED = "sources, type checked", "sources, type not checked"


def _score_one(item: AnnotatedText, group: str | None, totals: _Totals) -> None:
    hedges = find_hedges(item.text)
    matching = match_spans(item.stance["spans"], hedges, accept=lambda g, f: _kind(g) == _kind(f))
    totals.add(totals.stance, "all", matching.prf)
    for kind, prf in prf_by(matching, _kind).items():
        totals.add(totals.stance, kind, prf)
    totals.uncertainty += score_uncertainty(item.text, item.stance["spans"], hedges)
    golds = [dict(g, type=g["types"][0]) for g in item.attribution["sources"]]
    found = found_sources(item.text)
    typed = match_spans(golds, found, accept=lambda g, f: f["type"] in g["types"]).prf
    untyped = match_spans(golds, found).prf
    totals.add(totals.sources, TYPED, typed)
    totals.add(totals.sources, UNTYPED, untyped)
    if group is not None:
        totals.add(totals.stance_groups, group, matching.prf)
        totals.add(totals.source_groups, f"{group}, type checked", typed)
        totals.add(totals.source_groups, f"{group}, type not checked", untyped)


def score_texts(texts: Sequence[AnnotatedText], label: str, notes: Sequence[str] = (),
                group: Callable[[str], str] | None = None) -> list[ScoreTable]:
    """Stance, sentence-level uncertainty and attribution tables over ``texts``.

    ``label`` starts every table title ("Held-out texts"); ``notes`` go under the first table;
    ``group`` (text name -> group name) adds a row per group to the stance and attribution tables.
    """
    totals = _Totals()
    for item in texts:
        _score_one(item, group(item.name) if group else None, totals)
    stance = {**totals.stance, **totals.stance_groups}
    sources = {**totals.sources, **totals.source_groups}
    return [
        ScoreTable(f"{label}: stance markers (overlap, same kind)", stance, list(notes)),
        ScoreTable(f"{label}: uncertainty, sentence level (uncertainty categories, outside quotations)",
                   {"find_hedges": totals.uncertainty}),
        ScoreTable(f"{label}: attribution sources (overlap)", sources),
    ]
