"""Sort the PolNeAR dev source misses and false alarms of find_attributions by kind.

A development tool (prints counts and examples; asserts nothing). For each missed
gold source it looks at the gold relation (its cue) and says why we may have
missed it: the cue was found but given another source, the source is a pronoun,
the source stands after the cue, the cue is not in our lexicon, and so on. False
alarms are sorted by the rule that made them and by whether the gold has a cue
there at all.

Run: ``.venv/bin/python benchmarks/attribution_misses.py [--examples 5] [--kind KIND]``
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from medialit.attribution import explain, find_attributions
from medialit.attribution.lexicon import cue_forms, words
from medialit.evaluation import corpora_dir
from medialit.evaluation.scoring import match_spans
from medialit.text import as_document

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "him", "her", "them"}


def read_relations(ann: str, text: str) -> list[dict]:
    spans: dict[str, tuple[str, int, int]] = {}
    rels = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            pairs = [tuple(map(int, p.split())) for p in offsets.split(";") if p.strip()]
            spans[parts[0]] = (label, min(p[0] for p in pairs), max(p[1] for p in pairs))
        elif len(parts) >= 2 and parts[0].startswith("E"):
            rels.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for r in rels:
        item = {}
        for role in ("Source", "Cue", "Content"):
            if r.get(role) in spans:
                _, s, e = spans[r[role]]
                item[role.lower()] = (s, e, text[s:e])
        out.append(item)
    return out


def sources_of(found) -> list[dict]:
    """One item per source mention, as PolNeAR marks it: a relative "who" itself, not its antecedent."""
    seen = {}
    for a in found:
        span = a.relative or a.source
        if span is not None:
            seen.setdefault((span.start, span.end), {
                "start": span.start, "end": span.end, "text": span.text, "a": a})
    return list(seen.values())


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def lexicon_words() -> set[str]:
    """The content words of the cue forms (function words such as "in", "of", "the" in "in the
    words of" say nothing about whether a verb is listed)."""
    return {w for key in cue_forms() for w in key} - words("function_words")


def classify_miss(g: dict, rel: dict | None, found, doc, lex: set[str], verdicts) -> str:
    text = g["text"].strip().lower()
    if rel is None or "cue" not in rel:
        return "no cue in gold"
    cs, ce, ctext = rel["cue"]
    cue_found = [a for a in found if overlaps((a.cue.start, a.cue.end), (cs, ce))]
    sent_src = doc.sentence_index(g["start"]) if hasattr(doc, "sentence_index") else None
    sent_cue = doc.sentence_index(cs) if hasattr(doc, "sentence_index") else None
    if cue_found:
        a = cue_found[0]
        if a.source is None:
            return "cue found, no source"
        return "cue found, other source"
    if text in PRONOUNS:
        kind = "pronoun source"
    elif g["start"] > cs:
        kind = "source after cue"
    elif sent_src is not None and sent_cue is not None and sent_src != sent_cue:
        kind = "source in other sentence"
    else:
        kind = "source before cue"
    low = ctext.lower()
    words = re.findall(r"[a-z]+", low)
    vetoed = [v for v in verdicts if overlaps((v.cue.start, v.cue.end), (cs, ce))
              and v.rejected_by]
    if ctext.strip() in {":", ","} or not words:
        cue_kind = "punctuation cue"
    elif "according" in low:
        cue_kind = "according to"
    elif vetoed:
        cue_kind = f"vetoed {vetoed[0].rejected_by}"
    elif any(w in lex for w in words if w not in {"to", "on", "for", "out", "the", "it"}):
        cue_kind = "lexicon word, no candidate"
    else:
        cue_kind = "cue not in lexicon"
    return f"{kind} / {cue_kind}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--kind", default=None, help="print every example of kinds containing this")
    ap.add_argument("--fp", action="store_true", help="print false alarms")
    args = ap.parse_args()
    root = corpora_dir()
    folder = root / "polnear-dev" / "dev" if root else None
    if folder is None or not folder.is_dir():
        print("skipped: ../shared/corpora/polnear-dev not found")
        return
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    lex = lexicon_words()
    misses: dict[str, list[str]] = defaultdict(list)
    fps: dict[str, list[str]] = defaultdict(list)
    cue_words: Counter[str] = Counter()
    tp = fp = fn = 0
    for article, ann in sorted(chosen.items()):
        text = (folder / "text" / f"{article}.txt").read_text(encoding="utf-8")
        doc = as_document(text)
        rels = read_relations(ann.read_text(encoding="utf-8"), text)
        gold = {}
        for r in rels:
            if "source" in r:
                s, e, t = r["source"]
                gold.setdefault((s, e), {"start": s, "end": e, "text": t, "rel": r})
        found = find_attributions(doc, writer=True)  # PolNeAR marks the writer's "I"
        verdicts = explain(doc)
        m = match_spans(list(gold.values()), sources_of(found))
        tp, fp, fn = tp + len(m.pairs), fp + len(m.false_alarms), fn + len(m.missed)
        for g in m.missed:
            rel = g["rel"]
            kind = classify_miss(g, rel, found, doc, lex, verdicts)
            cue = rel.get("cue", (0, 0, "?"))[2]
            if "not in lexicon" in kind:
                cue_words[cue.lower()] += 1
            a, b = min(g["start"], rel.get("cue", (g["start"],))[0]), max(
                g["end"], rel.get("cue", (0, g["end"]))[1])
            ctx = text[max(0, a - 40):b + 40].replace("\n", " ")
            misses[kind].append(f"[{g['text']}] cue [{cue}] :: {ctx}")
        for f in m.false_alarms:
            a = f["a"]
            gold_cue = any(overlaps((a.cue.start, a.cue.end), r["cue"][:2]) for r in rels
                           if "cue" in r)
            in_content = any(overlaps((a.cue.start, a.cue.end), r["content"][:2]) for r in rels
                             if "content" in r)
            where = "gold cue here" if gold_cue else (
                "inside gold content" if in_content else "no gold cue")
            kind = f"{a.rule} / {where}"
            s, e = min(a.start, a.cue.start), max(a.end, a.cue.end)
            fps[kind].append(f"[{a.source.text}] cue [{a.cue.text}] :: "
                             f"{text[max(0, s - 40):e + 40]}".replace("\n", " "))
    p = tp / (tp + fp)
    r = tp / (tp + fn)
    print(f"TP {tp} FP {fp} FN {fn}  P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    print("\nMISSES by kind")
    for kind, items in sorted(misses.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5d}  {kind}")
        show = items if args.kind and args.kind in kind else items[:args.examples]
        for x in show:
            print(f"         {x}")
    print("\nCues not in the lexicon (missed sources), most common:")
    print("  " + ", ".join(f"{w} {n}" for w, n in cue_words.most_common(60)))
    print("\nFALSE ALARMS by rule")
    for kind, items in sorted(fps.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5d}  {kind}")
        show = items if (args.fp or (args.kind and args.kind in kind)) else items[:args.examples]
        for x in show:
            print(f"         {x}")


if __name__ == "__main__":
    main()
