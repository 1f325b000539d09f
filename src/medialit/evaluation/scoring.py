"""Score detections against gold spans: overlap matching, precision, recall, F1.

Follows ``datasets/annotation-guide.md``: spans match when they overlap,
one-to-one, greedily by overlap size; a match counts only when ``accept(gold,
found)`` says the labels agree (same kind for stance markers, an accepted
source type for attributions). Optional gold spans count neither as a miss
nor, when found, as a false alarm.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PRF", "Matching", "ScoreTable", "format_tables", "match_spans", "prf_by"]


@dataclass
class PRF:
    """True positives, false positives and false negatives, with P, R and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default)


@dataclass
class Matching:
    """The outcome of matching: matched pairs, gold spans missed, false alarms."""

    pairs: list[tuple[Any, Any]] = field(default_factory=list)
    missed: list[Any] = field(default_factory=list)
    false_alarms: list[Any] = field(default_factory=list)

    @property
    def prf(self) -> PRF:
        return PRF(len(self.pairs), len(self.false_alarms), len(self.missed))


def match_spans(
    gold: Sequence[Any],
    found: Sequence[Any],
    accept: Callable[[Any, Any], bool] = lambda g, f: True,
) -> Matching:
    """Match ``found`` spans to ``gold`` spans one-to-one, greedily by overlap size.

    Items are dicts or objects with ``start`` and ``end``; gold items may have
    ``optional``. Optional gold that is matched is dropped from both sides;
    found spans that overlap only optional gold are not false alarms.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for fi, f in enumerate(found):
            overlap = min(_get(g, "end"), _get(f, "end")) - max(_get(g, "start"), _get(f, "start"))
            if overlap > 0 and accept(g, f):
                candidates.append((overlap, -gi, -fi, gi, fi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_f: set[int] = set()
    result = Matching()
    optional_hits: set[int] = set()
    for _, _, _, gi, fi in candidates:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        if _get(gold[gi], "optional", False):
            optional_hits.add(fi)
        else:
            result.pairs.append((gold[gi], found[fi]))
    for gi, g in enumerate(gold):
        if gi not in used_g and not _get(g, "optional", False):
            result.missed.append(g)
    optional = [g for g in gold if _get(g, "optional", False)]
    for fi, f in enumerate(found):
        if fi in used_f:
            continue
        touches_optional = any(
            min(_get(g, "end"), _get(f, "end")) > max(_get(g, "start"), _get(f, "start"))
            for g in optional
        )
        if not touches_optional:
            result.false_alarms.append(f)
    return result


def prf_by(matching: Matching, key: Callable[[Any], str]) -> dict[str, PRF]:
    """Break a matching down by a key (kind, category, type) of the gold or found item."""
    table: dict[str, PRF] = {}
    for g, _ in matching.pairs:
        table.setdefault(key(g), PRF()).tp += 1
    for g in matching.missed:
        table.setdefault(key(g), PRF()).fn += 1
    for f in matching.false_alarms:
        table.setdefault(key(f), PRF()).fp += 1
    return dict(sorted(table.items()))


@dataclass
class ScoreTable:
    """A titled table of scores, one row per kind, category or level."""

    title: str
    rows: dict[str, PRF]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "rows": {k: v.as_dict() for k, v in self.rows.items()},
            "notes": self.notes,
        }


def format_tables(tables: Iterable[ScoreTable], fmt: str = "text") -> str:
    """Render score tables as plain text, Markdown or JSON."""
    tables = list(tables)
    if fmt == "json":
        return json.dumps([t.as_dict() for t in tables], indent=2)
    out: list[str] = []
    for t in tables:
        if fmt == "md":
            out += [f"### {t.title}", "", "| group | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
            out += [
                f"| {k} | {v.precision:.2f} | {v.recall:.2f} | {v.f1:.2f} | {v.tp} | {v.fp} | {v.fn} |"
                for k, v in t.rows.items()
            ]
            out += [""] + [f"- {n}" for n in t.notes] + [""]
        else:
            width = max([len(k) for k in t.rows] + [8])
            out += [t.title, "-" * len(t.title)]
            out.append(f"{'':{width}}  {'P':>5} {'R':>5} {'F1':>5} {'TP':>5} {'FP':>5} {'FN':>5}")
            out += [
                f"{k:{width}}  {v.precision:5.2f} {v.recall:5.2f} {v.f1:5.2f} {v.tp:5d} {v.fp:5d} {v.fn:5d}"
                for k, v in t.rows.items()
            ]
            out += [f"  note: {n}" for n in t.notes] + [""]
    return "\n".join(out).rstrip() + "\n"
