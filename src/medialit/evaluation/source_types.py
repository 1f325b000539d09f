"""Score the source *types* of :func:`medialit.attribution.find_attributions` on a typed sample.

PolNeAR has source spans but no types. ``datasets/gold/polnear_dev_types.tsv``
gives the annotation guide's type(s) for a fixed sample of PolNeAR dev source
spans (file name, offsets, accepted types; see its header). For each sampled
span that a found source overlaps (one-to-one, greedy by overlap, as in the
guide's scoring), the found type is right when it is one of the accepted types.

Figures: type accuracy over the matched spans, a confusion table (accepted
types x found type), and typed source P/R/F1 on the sample, where a sampled
span found with a wrong type is a miss and a false alarm (as in the case-study
scoring); found sources that overlap no sampled span are not counted (they
belong to spans outside the sample).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..attribution.model import SOURCE_TYPES
from .scoring import PRF, ScoreTable, match_spans

__all__ = ["TypeScore", "load_type_sample", "score_types", "type_sample_path", "type_table"]

TITLE = "Attribution source types: PolNeAR dev typed sample (overlap, accepted type)"


def type_sample_path() -> Path:
    """``datasets/gold/polnear_dev_types.tsv`` of this clone."""
    from ..casestudy import datasets_dir

    return Path(datasets_dir()) / "gold" / "polnear_dev_types.tsv"


def load_type_sample(path: Path | None = None) -> dict[str, list[dict[str, Any]]]:
    """Sampled spans by ``ann_file``: dicts with start, end, types (tuple), text.

    Rows typed ``-`` (not a source) are left out; an unknown type is an error."""
    path = path or type_sample_path()
    out: dict[str, list[dict[str, Any]]] = {}
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    for line in lines[1:]:
        ann, start, end, types, text = line.split("\t")
        if types == "-":
            continue
        accepted = tuple(types.split("|"))
        unknown = set(accepted) - set(SOURCE_TYPES)
        if unknown:
            raise ValueError(f"{path.name}: unknown source type(s) {sorted(unknown)} in {line!r}")
        out.setdefault(ann, []).append({"start": int(start), "end": int(end), "types": accepted,
                                        "text": text})
    return out


@dataclass
class TypeScore:
    """Matched spans and their type agreement, summed over texts."""

    matched: int = 0
    right: int = 0
    typed: PRF = field(default_factory=PRF)
    untyped: PRF = field(default_factory=PRF)
    confusion: Counter = field(default_factory=Counter)  # (accepted "a|b", found) -> count
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (text, accepted, found)

    @property
    def accuracy(self) -> float:
        return self.right / self.matched if self.matched else 0.0


def score_types(sample: Iterable[dict[str, Any]], found: Iterable[dict[str, Any]],
                into: TypeScore | None = None) -> TypeScore:
    """Add one text's sampled gold spans and found sources (dicts with start, end, type)."""
    score = into or TypeScore()
    gold = list(sample)
    matching = match_spans(gold, list(found))
    score.untyped += PRF(len(matching.pairs), 0, len(matching.missed))
    for g, f in matching.pairs:
        accepted = "|".join(g["types"])
        score.matched += 1
        score.confusion[(accepted, f["type"])] += 1
        if f["type"] in g["types"]:
            score.right += 1
            score.typed.tp += 1
        else:
            score.typed += PRF(0, 1, 1)
            score.wrong.append((g["text"], accepted, f"{f['type']} ({f.get('text', '')!r})"))
    score.typed.fn += len(matching.missed)
    return score


def type_table(score: TypeScore, n_files: int, verbose: bool = False) -> ScoreTable:
    """The score as a table: typed and untyped rows, accuracy and confusion as notes; with
    ``verbose``, each wrong type with its span text too (for development: the book and
    ``medialit evaluate`` show no corpus text)."""
    notes = [f"{score.untyped.tp + score.untyped.fn} sampled spans in {n_files} files; "
             f"type accuracy {score.accuracy:.2f} ({score.right}/{score.matched} matched spans)",
             "untyped row: false alarms not counted on a sample",
             "confusion, accepted type(s) -> found type: count"]
    by_gold: dict[str, list[str]] = {}
    for (accepted, found), n in sorted(score.confusion.items()):
        by_gold.setdefault(accepted, []).append(f"{found} {n}")
    notes += [f"  {accepted} -> {', '.join(cells)}" for accepted, cells in by_gold.items()]
    if verbose:
        notes += [f"wrong type: {text!r} ({accepted}) found as {found}"
                  for text, accepted, found in score.wrong]
    rows = {"typed sources (sample)": score.typed, "untyped sources (sample)": score.untyped}
    return ScoreTable(TITLE, rows, notes)
