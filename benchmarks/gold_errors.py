"""List the detectors' errors on a development gold set, with context, for rule work.

A development tool (prints; asserts nothing). For stance markers it prints the false
alarms by category and rule, the misses by category, and pairs that overlap with the
wrong kind; for attribution sources the misses, the false alarms and the spans found
with a type the gold does not accept (a confusion table and examples).

The gold is a folder of ``<stem>.stance.json`` / ``<stem>.attribution.json`` files
(the format of ``datasets/annotation-guide.md`` section 4) and the texts they index.
It refuses ``datasets/heldout``: those texts are kept out of rule work.

Run: ``.venv/bin/python benchmarks/gold_errors.py stance|attribution
[--gold datasets/gold/news-texts] [--texts PATH] [--examples 8]``
(``--texts`` defaults to the developers' ``news-texts`` corpus.)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from medialit.attribution import find_attributions
from medialit.evaluation import corpora_dir
from medialit.evaluation.annotated import AnnotatedText
from medialit.evaluation.news import load_news
from medialit.evaluation.scoring import match_spans
from medialit.hedging import find_hedges

ROOT = Path(__file__).resolve().parents[1]


def context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def load(gold_dir: Path, texts_dir: Path) -> list[AnnotatedText]:
    """The texts with their gold, checked against their hashes (as ``medialit evaluate news`` loads them)."""
    try:
        return load_news(texts_dir, gold_dir)
    except (FileNotFoundError, ValueError) as error:
        sys.exit(str(error))


def stance(items: list[AnnotatedText], examples: int) -> None:
    false_alarms, misses, wrong_kind = defaultdict(list), defaultdict(list), []
    for stem, text, gold, _ in items:
        found = find_hedges(text)
        m = match_spans(gold["spans"], found, lambda g, f: g["kind"] == f.kind)
        for f in m.false_alarms:
            other = [g for g in gold["spans"] if g["start"] < f.end and f.start < g["end"]]
            if other:
                wrong_kind.append((stem, f, other[0], context(text, f.start, f.end)))
                continue
            false_alarms[f"{f.kind} {f.category} | {f.rule[:60]}"].append((stem, context(text, f.start, f.end)))
        for g in m.missed:
            misses[f"{g['kind']} {g['category']}"].append((stem, context(text, g["start"], g["end"])))
    _print_groups("FALSE ALARMS (kind category | rule)", false_alarms, examples)
    _print_groups("MISSES (kind category)", misses, examples)
    print(f"\nWRONG KIND: {len(wrong_kind)}")
    for stem, f, g, ctx in wrong_kind[:examples * 3]:
        print(f"  {stem[:14]} found {f.kind}/{f.category}, gold {g['kind']}/{g['category']} :: {ctx}")


def attribution(items: list[AnnotatedText], examples: int) -> None:
    misses, false_alarms, confusion, wrong = [], [], Counter(), defaultdict(list)
    for stem, text, _, gold in items:
        sources = {}
        for a in find_attributions(text):
            if a.source is not None:
                sources.setdefault((a.source.start, a.source.end), a)
        found = [{"start": s, "end": e, "a": a} for (s, e), a in sources.items()]
        m = match_spans(gold["sources"], found)
        for g, f in m.pairs:
            types, got = "|".join(g["types"]), f["a"].source_type
            confusion[(types, got)] += 1
            if got not in g["types"]:
                wrong[f"{types} -> {got}"].append((stem, context(text, f["start"], f["end"])))
        misses += [(stem, f"cue {g['cue']['text']!r}" if g.get("cue") else "", context(text, g["start"], g["end"]))
                   for g in m.missed]
        false_alarms += [(stem, f"cue {f['a'].cue.text!r} rule {f['a'].rule}", context(text, f["start"], f["end"]))
                         for f in m.false_alarms]
    print("TYPE CONFUSION (accepted -> found: count)")
    for (types, got), n in sorted(confusion.items()):
        print(f"  {'  ' if got in types.split('|') else '✗ '}{types} -> {got}: {n}")
    _print_groups("WRONG TYPE", wrong, examples)
    for title, rows in (("MISSES", misses), ("FALSE ALARMS", false_alarms)):
        print(f"\n{title}: {len(rows)}")
        for stem, note, ctx in rows[: examples * 4]:
            print(f"  {stem[:14]} {note} :: {ctx}")


def _print_groups(title: str, groups: dict[str, list], examples: int) -> None:
    print(f"\n{title}: {sum(len(v) for v in groups.values())}")
    for key, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(rows):3d}  {key}")
        for stem, ctx in rows[:examples]:
            print(f"         {stem[:14]} :: {ctx}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["stance", "attribution"])
    parser.add_argument("--gold", type=Path, default=ROOT / "datasets" / "gold" / "news-texts")
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args()
    if "heldout" in args.gold.resolve().parts:
        sys.exit("datasets/heldout is kept out of rule work: use `medialit evaluate heldout` for its figures")
    texts = args.texts or Path(corpora_dir()) / "news-texts"
    items = load(args.gold, texts)
    (stance if args.what == "stance" else attribution)(items, args.examples)


if __name__ == "__main__":
    main()
