"""Score :func:`medialit.framing.find_loaded_language` against the PTC sample.

Gold: the ``Loaded_Language`` spans of ``corpora/ptc-sample`` (SemEval-2020 Task 11
training data, Da San Martino et al. 2019/2020; research use only, not shipped).
Spans match when they overlap, one-to-one (``scoring.match_spans``). A second
table adds ``Name_Calling,Labeling`` to the gold, since our lexicon also lists
labels for people. These are development figures: the lexicon was written from
the PTC definition, not tuned to these articles word by word.

Run with ``medialit evaluate loaded``.
"""

from __future__ import annotations

from pathlib import Path

from ..framing import find_loaded_language
from .scoring import PRF, ScoreTable, match_spans

__all__ = ["evaluate", "load_ptc"]

LOADED = "Loaded_Language"
NAME_CALLING = "Name_Calling,Labeling"


def _read(path: Path) -> str:
    # newline="" keeps "\r\n" as two characters, as the corpus offsets count them.
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def load_ptc(folder: Path) -> list[tuple[str, str, list[dict]]]:
    """(article id, text, gold spans) for each article of a PTC folder.

    Gold spans are dicts with ``start``, ``end``, ``technique``. Raises
    ValueError naming the file and line of a malformed label.
    """
    articles = []
    for article in sorted((folder / "articles").glob("article*.txt")):
        ident = article.stem.removeprefix("article")
        text = _read(article)
        labels = folder / "labels-TC" / f"article{ident}.task2-TC.labels"
        gold = []
        if labels.is_file():
            for number, line in enumerate(_read(labels).splitlines(), start=1):
                if not line.strip():
                    continue
                fields = line.split("\t")
                if len(fields) != 4:
                    raise ValueError(f"{labels.name} line {number}: expected 4 tab-separated fields")
                start, end = int(fields[2]), int(fields[3])
                gold.append({"start": start, "end": end, "technique": fields[1],
                             "text": text[start:end]})
        articles.append((ident, text, gold))
    return articles


def evaluate(corpora: Path | None) -> list[ScoreTable]:
    """Precision, recall and F1 (overlap) of loaded-language spotting on the PTC sample."""
    folder = corpora / "ptc-sample" if corpora else None
    if folder is None or not (folder / "articles").is_dir():
        note = "skipped: ../shared/corpora/ptc-sample not found (development corpora are not shipped)"
        return [ScoreTable("Loaded language vs PTC Loaded_Language spans", {}, [note])]
    articles = load_ptc(folder)
    thresholds = (1, 2, 3)
    strict = {f"intensity >= {k}": PRF() for k in thresholds}
    wide = {f"intensity >= {k}": PRF() for k in thresholds}
    gold_total = wide_total = 0
    for _, text, gold in articles:
        loaded = [g for g in gold if g["technique"] == LOADED]
        labelled = [g for g in gold if g["technique"] in (LOADED, NAME_CALLING)]
        gold_total += len(loaded)
        wide_total += len(labelled)
        for k in thresholds:
            found = find_loaded_language(text, min_intensity=k)
            strict[f"intensity >= {k}"] += match_spans(loaded, found).prf
            wide[f"intensity >= {k}"] += match_spans(labelled, found).prf
    lines = _line_level(articles)
    words = sum(len(text.split()) for _, text, _ in articles)
    common = [f"{len(articles)} articles, about {words} words (development figures)"]
    return [
        ScoreTable("Loaded language vs PTC Loaded_Language spans", strict,
                   common + [f"{gold_total} gold spans; matching by overlap, one-to-one",
                             "PTC marks whole phrases and sentences our word list cannot see"]),
        ScoreTable("Loaded language vs PTC Loaded_Language + Name_Calling,Labeling", wide,
                   common + [f"{wide_total} gold spans"]),
        ScoreTable("Sentences with loaded language (PTC: one sentence per line)", lines,
                   common + ["a line counts when it has a Loaded_Language span / a finding"]),
    ]


def _line_level(articles: list[tuple[str, str, list[dict]]]) -> dict[str, PRF]:
    """Sentence-level P/R/F1: does a line hold loaded language at all?"""
    table = {"intensity >= 1": PRF(), "intensity >= 2": PRF()}
    for _, text, gold in articles:
        spans = [(g["start"], g["end"]) for g in gold if g["technique"] == LOADED]
        for k, key in ((1, "intensity >= 1"), (2, "intensity >= 2")):
            found = [(t.start, t.end) for t in find_loaded_language(text, min_intensity=k)]
            offset = 0
            for line in text.split("\n"):
                start, end = offset, offset + len(line)
                offset = end + 1
                if not line.strip():
                    continue
                is_gold = any(s < end and start < e for s, e in spans)
                is_found = any(s < end and start < e for s, e in found)
                table[key].tp += is_gold and is_found
                table[key].fp += is_found and not is_gold
                table[key].fn += is_gold and not is_found
    return table
