"""Score the detectors on the course's own held-out texts (``datasets/heldout/``).

Eleven short news and opinion texts written for the course (invented places and
people), annotated by hand following ``datasets/annotation-guide.md`` before any
detector was run on them, and kept out of the tuning loop: nobody changes a rule
because of what these figures show. Printed by ``medialit evaluate heldout``:

1. **Stance markers**: hedges and boosters, overlap matching with the same kind,
   as for the case study; optional gold spans count neither way.
2. **Uncertainty, sentence level**: is a sentence hedged? A sentence is uncertain
   in the gold when it holds a non-optional hedge of an uncertainty category
   (as ``medialit evaluate stance`` counts the Szeged corpus), and predicted
   uncertain when the detector finds one outside quotations.
3. **Attribution sources**: overlap matching with an accepted source type, and
   without the type check (as for PolNeAR).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..attribution import find_attributions
from ..hedging import find_hedges
from .scoring import PRF, ScoreTable, match_spans, prf_by
from .stance import UNCERTAINTY_CATEGORIES

__all__ = ["evaluate", "heldout_dir", "load_heldout"]


def heldout_dir() -> Path:
    """``datasets/heldout/`` of this clone."""
    from ..casestudy import datasets_dir

    return Path(datasets_dir()) / "heldout"


def _check(name: str, text: str, gold: dict[str, Any], key: str) -> None:
    if gold["text_sha256"] != hashlib.sha256(text.encode("utf-8")).hexdigest():
        raise ValueError(f"{name}: the text changed since the gold was made: run datasets/heldout/build_gold.py")
    for span in gold[key]:
        if text[span["start"] : span["end"]] != span["text"]:
            raise ValueError(f"{name}: span {span['text']!r} at {span['start']} does not match the text")


def load_heldout(folder: Path | None = None) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(name, text, stance gold, attribution gold) for every held-out text, checked against its hash."""
    folder = folder or heldout_dir()
    texts = sorted((folder / "texts").glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"no held-out texts in {str(folder / 'texts')!r}")
    out = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        stance = json.loads((folder / "gold" / f"{path.stem}.stance.json").read_text(encoding="utf-8"))
        attribution = json.loads((folder / "gold" / f"{path.stem}.attribution.json").read_text(encoding="utf-8"))
        _check(path.stem, text, stance, "spans")
        _check(path.stem, text, attribution, "sources")
        out.append((path.stem, text, stance, attribution))
    return out


def _kind(item: Any) -> str:
    return item["kind"] if isinstance(item, dict) else item.kind


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    from ..document import sentence_spans

    return [(s.start, s.end) for s in sentence_spans(text)]


def _uncertain_sentences(text: str, spans: list[tuple[int, int]]) -> set[int]:
    bounds = _sentence_bounds(text)
    return {k for k, (start, end) in enumerate(bounds) for s, e in spans if start <= s < end}


def _score_uncertainty(text: str, gold: list[dict[str, Any]], found: list[Any]) -> PRF:
    """Sentence level: a sentence is uncertain when it holds a scored hedge of an uncertainty category."""
    gold_spans = [(g["start"], g["end"]) for g in gold if g["kind"] == "hedge" and not g["optional"]
                  and g["category"] in UNCERTAINTY_CATEGORIES]
    optional = [(g["start"], g["end"]) for g in gold if g["kind"] == "hedge" and g["optional"]]
    found_spans = [(h.start, h.end) for h in found if h.kind == "hedge" and not h.in_quote
                   and h.category in UNCERTAINTY_CATEGORIES]
    positive = _uncertain_sentences(text, gold_spans)
    predicted = _uncertain_sentences(text, found_spans) - (_uncertain_sentences(text, optional) - positive)
    return PRF(len(positive & predicted), len(predicted - positive), len(positive - predicted))


def _sources(text: str) -> list[dict[str, Any]]:
    seen: dict[tuple[int, int], dict[str, Any]] = {}
    for a in find_attributions(text):
        if a.source is not None:
            seen.setdefault((a.source.start, a.source.end), {"start": a.source.start, "end": a.source.end,
                                                             "text": a.source.text, "type": a.source_type})
    return list(seen.values())


def evaluate(corpora: Path | None = None) -> list[ScoreTable]:
    """Stance, sentence-level uncertainty and attribution tables over every held-out text."""
    stance, stance_rows, uncertainty = PRF(), {}, PRF()
    typed, untyped = PRF(), PRF()
    texts = load_heldout()
    for _, text, stance_gold, attribution_gold in texts:
        hedges = find_hedges(text)
        matching = match_spans(stance_gold["spans"], hedges, accept=lambda g, f: _kind(g) == _kind(f))
        stance += matching.prf
        for kind, prf in prf_by(matching, _kind).items():
            stance_rows.setdefault(kind, PRF()).__iadd__(prf)
        uncertainty += _score_uncertainty(text, stance_gold["spans"], hedges)
        golds = [dict(g, type=g["types"][0]) for g in attribution_gold["sources"]]
        found = _sources(text)
        typed += match_spans(golds, found, accept=lambda g, f: f["type"] in g["types"]).prf
        untyped += match_spans(golds, found).prf
    note = (f"{len(texts)} texts written for the course and annotated by hand before any detector ran on "
            "them; kept out of tuning (datasets/heldout/README.md)")
    return [
        ScoreTable("Held-out texts: stance markers (overlap, same kind)", {"all": stance, **stance_rows}, [note]),
        ScoreTable("Held-out texts: uncertainty, sentence level (uncertainty categories, outside quotations)",
                   {"find_hedges": uncertainty}),
        ScoreTable("Held-out texts: attribution sources (overlap)",
                   {"sources, type checked": typed, "sources, type not checked": untyped}),
    ]
