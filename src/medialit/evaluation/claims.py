"""Score :func:`medialit.claims.classify_sentences` against the hand-labelled case-study gold.

Gold: ``datasets/gold/case-study-claims.json``, one label per sentence of
``medialit.load_case_study().sentences``, labelled by reading (see its notes on
hard cases). Each sentence has exactly one gold and one found label, so for
each label: true positive = both say it, false positive = the classifier says
it and the gold does not, false negative = the reverse. Accuracy (the share of
sentences labelled as the gold labels them) equals micro-averaged P, R and F1.

Run with ``medialit evaluate claims``. The case study is a development text: the
rules are general, but their authors read it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..casestudy import datasets_dir, load_case_study
from ..claims import CLAIM_TYPES, classify_sentences
from .scoring import PRF, ScoreTable

__all__ = ["evaluate", "gold_path", "load_gold"]


def gold_path() -> Path:
    """Where the claim-type gold lives."""
    return datasets_dir() / "gold" / "case-study-claims.json"


def load_gold(path: Path | None = None, text: str | None = None) -> list[dict[str, Any]]:
    """The gold sentences (index, start, end, text, label, note), checked for shape and labels.

    With ``text``, also check that the gold was made for that text (``text_sha256``).
    """
    path = path or gold_path()
    if not path.is_file():
        raise FileNotFoundError(f"claims gold not found at {str(path)!r}: run from a clone of the course")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    sentences = data.get("sentences") if isinstance(data, dict) else None
    if text is not None and data.get("text_sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        raise ValueError(f"{path.name}: made for another version of the text (text_sha256 differs)")
    if not isinstance(sentences, list) or not sentences:
        raise ValueError(f"{path.name}: expected a 'sentences' list")
    for number, item in enumerate(sentences):
        if not isinstance(item, dict) or {"start", "end", "text", "label"} - item.keys():
            raise ValueError(f"{path.name}: sentence {number} needs start, end, text and label")
        if item["label"] not in CLAIM_TYPES:
            raise ValueError(f"{path.name}: sentence {number} has unknown label {item['label']!r}")
    return sentences


def evaluate(corpora: Path | None = None) -> list[ScoreTable]:
    """Accuracy and per-label precision, recall and F1 on the case-study gold.

    ``corpora`` is not used (the gold ships with the course); it is accepted so
    that every evaluation module has the same signature.
    """
    doc = load_case_study()
    gold = load_gold(text=doc.text)
    found = {(c.start, c.end): c for c in classify_sentences(doc)}
    rows = {label: PRF() for label in CLAIM_TYPES}
    overall = PRF()
    notes: list[str] = []
    misaligned = 0
    for item in gold:
        claim = found.get((item["start"], item["end"]))
        if claim is None or doc.text[item["start"] : item["end"]] != item["text"]:
            misaligned += 1
            continue
        if claim.label == item["label"]:
            rows[item["label"]].tp += 1
            overall.tp += 1
        else:
            rows[claim.label].fp += 1
            rows[item["label"]].fn += 1
            overall.fp += 1
            overall.fn += 1
            notes.append(f"sentence {item.get('index', '?')}: classifier {claim.label}, "
                         f"gold {item['label']}: {item['text'][:60]}...")
    scored = overall.tp + overall.fp
    accuracy = overall.tp / scored if scored else 0.0
    head = [f"accuracy {accuracy:.2f} ({overall.tp} of {scored} sentences)",
            "development figures: the case study was read while writing the rules"]
    if misaligned:
        head.append(f"{misaligned} gold sentence(s) no longer match the sentence splitter: not scored")
    rows["all (micro = accuracy)"] = overall
    return [ScoreTable("Claim types vs case-study gold (one label per sentence)", rows, head + notes)]
