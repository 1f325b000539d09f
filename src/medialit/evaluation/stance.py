"""How well does :func:`medialit.hedging.find_hedges` find hedges and boosters?

Four measurements, printed by ``medialit evaluate stance`` (the invented test
sentences of ``datasets/contrasting/stance-test-sentences.md`` come second):

1. **Case study** (always): spans in ``datasets/gold/case-study-stance.json``,
   matched by overlap with the same kind (hedge vs booster); optional gold spans
   count neither way. Rows per kind and per category.
2. **Szeged Uncertainty Corpus, sentence level** (where ``szeged-uncertainty/``
   is present): a sentence is uncertain when it has a ``modal_*`` or
   ``hypo_doxastic`` cue (``hypo_condition`` and ``hypo_investigation`` are not
   hedges in our sense). A sentence is predicted uncertain when the detector finds
   a hedge of an uncertainty category (:data:`UNCERTAINTY_CATEGORIES`;
   approximators and limiters express vagueness or scope, which the corpus does
   not annotate). Also shown: all hedge categories, and the any-word baseline (every
   lexicon term anywhere, no context rules).
3. **Szeged, cue level**: the same cues as gold spans, overlap matching; cues of
   the other types are optional.

Figures on the corpora are development figures: the lexicon was written from
the annotation guide and Hyland's lists, not tuned word by word to this corpus.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..hedging import HEDGE_CATEGORIES, Hedge, find_hedges
from .scoring import PRF, ScoreTable, match_spans, prf_by

__all__ = [
    "UNCERTAINTY_CATEGORIES", "evaluate", "load_gold", "score_case_study", "score_szeged", "score_test_sentences",
]

GOLD_FILE = "case-study-stance.json"
TEST_SENTENCES = "stance-test-sentences"
SZEGED = "szeged-uncertainty"
#: Hedge categories that express uncertainty about a proposition (what the Szeged corpus annotates).
UNCERTAINTY_CATEGORIES = frozenset(HEDGE_CATEGORIES) - {"approximator", "limiter"}
_SCORED_CUE_TYPES = ("speculation_modal", "speculation_hypo_doxastic")


def load_gold(text: str | None = None) -> dict[str, Any]:
    """The case-study stance gold, checked against the current article text.

    Raises ValueError when the article changed (sha256) or a span's text no
    longer matches the body at its offsets.
    """
    from ..casestudy import datasets_dir, load_case_study

    if text is None:
        text = load_case_study().text
    path = Path(datasets_dir()) / "gold" / GOLD_FILE
    if not path.is_file():
        raise FileNotFoundError(f"gold file {path} is missing")
    gold = json.loads(path.read_text(encoding="utf-8"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if gold["text_sha256"] != digest:
        raise ValueError(f"{GOLD_FILE}: the case-study text changed (sha256 {digest[:12]}...): re-check the offsets")
    for span in gold["spans"]:
        if text[span["start"] : span["end"]] != span["text"]:
            raise ValueError(f"{GOLD_FILE}: span {span['text']!r} at {span['start']} does not match the text")
    return gold


def _same_kind(gold: Any, found: Any) -> bool:
    kind = gold["kind"] if isinstance(gold, dict) else gold.kind
    return kind == (found["kind"] if isinstance(found, dict) else found.kind)


def _key(name: str):
    return lambda item: item[name] if isinstance(item, dict) else getattr(item, name)


def score_case_study(found: list[Hedge] | None = None) -> list[ScoreTable]:
    """Score ``found`` (default: :func:`find_hedges` on the article) against the gold, per kind and category."""
    from ..casestudy import load_case_study

    text = load_case_study().text
    gold = load_gold(text)["spans"]
    found = find_hedges(text) if found is None else found
    matching = match_spans(gold, found, accept=_same_kind)
    by_kind = {"all": matching.prf, **prf_by(matching, _key("kind"))}
    notes = [f"{len(gold)} gold spans ({sum(g['optional'] for g in gold)} optional), {len(found)} found; "
             "overlap matching with the same kind"]
    by_category = prf_by(matching, lambda item: f"{_key('kind')(item)}/{_key('category')(item)}")
    return [
        ScoreTable("Stance markers in the case study, per kind", by_kind, notes),
        ScoreTable("Stance markers in the case study, per category (of gold, or of the detection for false alarms)",
                   by_category),
    ]


def score_test_sentences() -> list[ScoreTable]:
    """Score on the invented stance test sentences (``datasets/gold/stance-test-sentences.json``)."""
    from ..contrasting import load_contrasting, load_contrasting_gold

    text = load_contrasting(TEST_SENTENCES).text
    gold = load_contrasting_gold(TEST_SENTENCES)["spans"]
    matching = match_spans(gold, find_hedges(text), accept=_same_kind)
    return [ScoreTable("Stance test sentences (invented, one rule each), per kind",
                       {"all": matching.prf, **prf_by(matching, _key("kind"))},
                       [f"{len(gold)} gold spans; sentences written to test the guide's rules, "
                        "including look-alikes that are not markers"])]


def _szeged_sentences(folder: Path):
    with (folder / "wiki.sentences.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def score_szeged(folder: Path) -> list[ScoreTable]:
    """Sentence-level and cue-level scores on the Szeged Uncertainty Corpus (WikiWeasel part)."""
    sentence_rows = {"find_hedges (uncertainty categories)": PRF(), "find_hedges (all hedge categories)": PRF(),
                     "baseline: any lexicon hedge word": PRF()}
    cue_total = PRF()
    cue_by_type: dict[str, PRF] = {}
    count = 0
    for sentence in _szeged_sentences(folder):
        count += 1
        text = sentence["text"]
        cues = [dict(c, optional=not c["type"].startswith(_SCORED_CUE_TYPES)) for c in sentence["cues"]]
        gold_positive = any(not c["optional"] for c in cues)
        hedges = [h for h in find_hedges(text) if h.kind == "hedge"]
        uncertain = [h for h in hedges if h.category in UNCERTAINTY_CATEGORIES]
        baseline = [h for h in find_hedges(text, use_context=False) if h.kind == "hedge"]
        for name, predicted in zip(sentence_rows, (uncertain, hedges, baseline), strict=True):
            row = sentence_rows[name]
            row.tp += gold_positive and bool(predicted)
            row.fp += (not gold_positive) and bool(predicted)
            row.fn += gold_positive and not predicted
        matching = match_spans(cues, uncertain)
        cue_total += matching.prf
        for type_name, prf in prf_by(matching, lambda item: item["type"] if isinstance(item, dict) else
                                     "(false alarm) " + item.category).items():
            cue_by_type.setdefault(type_name.replace("speculation_", ""), PRF()).__iadd__(prf)
    note = (f"{count} sentences of wiki.sentences.jsonl (all of them: nothing was trained, so there is no split); "
            "a sentence is uncertain when it has a modal_* or hypo_doxastic cue (one with only hypo_condition/"
            "hypo_investigation cues counts as certain); a hedge of any listed category makes a sentence predicted "
            "uncertain")
    return [
        ScoreTable("Szeged Uncertainty Corpus (Wikipedia), sentence level: is the sentence hedged?", sentence_rows,
                   [note]),
        ScoreTable("Szeged Uncertainty Corpus (Wikipedia), cue level (uncertainty categories)",
                   {"all cues": cue_total, **dict(sorted(cue_by_type.items()))},
                   ["overlap matching, one-to-one; rows by cue type (gold) or detected category (false alarms)"]),
    ]


def evaluate(corpora: Path | None) -> list[ScoreTable]:
    """All stance tables: the case-study gold, then the Szeged corpus (skipped with a note where absent)."""
    tables = score_case_study()
    try:
        tables += score_test_sentences()
    except FileNotFoundError as exc:  # the test sentences ship with the course, not with every copy
        tables.append(ScoreTable("Stance test sentences", {}, [f"skipped: {exc}"]))
    folder = Path(corpora) / SZEGED if corpora else None
    if folder is not None and (folder / "wiki.sentences.jsonl").is_file():
        tables += score_szeged(folder)
    else:
        tables.append(ScoreTable("Szeged Uncertainty Corpus", {}, [
            "skipped: ../shared/corpora/szeged-uncertainty/wiki.sentences.jsonl not found "
            "(use --corpora or MEDIALIT_CORPORA)"]))
    return tables
