"""Score :func:`medialit.attribution.find_attributions` against gold attributions.

Two sources of gold:

* the case study, ``datasets/gold/case-study-attribution.json`` (offsets into
  ``medialit.load_case_study().text``): a found source matches a gold source
  when the spans overlap and the found type is one of the gold's accepted types;
  optional gold sources count neither way;
* PolNeAR's development compartment (``<corpora>/polnear-dev``, brat standoff,
  one annotator file per article, the first alphabetically): source spans
  matched by overlap, type not checked (PolNeAR has no types). Skipped with a
  note where the folder is absent;
* a typed sample of PolNeAR dev source spans, ``datasets/gold/polnear_dev_types.tsv``:
  type accuracy, confusion and typed F1 (:mod:`.source_types`).

Found sources are counted once per mention: "He noted ... and added:" is one
source with two cues, as in both gold sets. Attributions without a named source
("it is said") have no span to score.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..attribution import Attribution, find_attributions
from .scoring import PRF, ScoreTable, match_spans, prf_by

__all__ = ["evaluate", "gold_path", "load_gold", "polnear_articles", "score_case_study",
           "score_polnear", "score_polnear_types", "source_items"]


def gold_path() -> Path:
    """``datasets/gold/case-study-attribution.json`` of this clone."""
    from ..casestudy import datasets_dir

    return Path(datasets_dir()) / "gold" / "case-study-attribution.json"


def load_gold(path: Path | None = None) -> dict[str, Any]:
    """The case-study attribution gold as a dict (``text_sha256``, ``text_length``, ``sources``)."""
    path = path or gold_path()
    if not path.is_file():
        raise FileNotFoundError(f"attribution gold not found at {str(path)!r}")
    return json.loads(path.read_text(encoding="utf-8"))


def source_items(found: list[Attribution], polnear: bool = False) -> list[dict[str, Any]]:
    """One item per distinct source mention (start, end, type).

    ``polnear``: PolNeAR marks a relative pronoun itself as the source ("who" of "David
    Fahrenthold, who asked"), where the guide marks its antecedent; the pronoun is then the item,
    typed ``pronoun``."""
    seen: dict[tuple[int, int], dict[str, Any]] = {}
    for a in found:
        if a.source is None:
            continue
        span, stype = (a.relative, "pronoun") if polnear and a.relative is not None else (a.source, a.source_type)
        key = (span.start, span.end)
        if key not in seen:
            seen[key] = {"start": span.start, "end": span.end, "text": span.text, "type": stype}
    return list(seen.values())


def score_case_study(text: str, gold: dict[str, Any]) -> ScoreTable:
    """Overlap matching with accepted types, P/R/F1 overall and per gold type."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    notes = []
    if digest != gold.get("text_sha256", gold.get("sha256")):
        notes.append("WARNING: the case-study text changed since the gold was made "
                     "(sha256 differs): re-check the offsets")
    golds = [dict(g, type=g["types"][0]) for g in gold["sources"]]
    found = source_items(find_attributions(text))
    matching = match_spans(golds, found, accept=lambda g, f: f["type"] in g["types"])
    rows = {"all sources": matching.prf}
    rows.update({f"type {k}": v for k, v in prf_by(matching, lambda x: x["type"]).items()})
    for g in matching.missed:
        notes.append(f"missed: {g['text']!r} ({'/'.join(g['types'])})")
    for f in matching.false_alarms:
        notes.append(f"false alarm: {f['text']!r} ({f['type']})")
    return ScoreTable("Attribution sources: case study (overlap, accepted type)", rows, notes)


def _read_ann(ann: str, text: str) -> dict[str, list[dict[str, Any]]]:
    """Sources, cues and direct-quote sources of one brat standoff file."""
    spans: dict[str, tuple[str, int, int]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            pairs = [tuple(map(int, p.split())) for p in offsets.split(";") if p.strip()]
            if pairs:
                spans[parts[0]] = (label, min(p[0] for p in pairs), max(p[1] for p in pairs))
        elif len(parts) >= 2 and parts[0].startswith("E"):
            relations.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))

    def item(key: str) -> dict[str, Any]:
        _, start, end = spans[key]
        return {"start": start, "end": end, "text": text[start:end]}

    sources = [item(k) for k, (label, _, _) in spans.items() if label == "Source"]
    cues = [item(k) for k, (label, _, _) in spans.items() if label == "Cue"]
    direct: dict[tuple[int, int], dict[str, Any]] = {}
    for rel in relations:
        source, content = rel.get("Source"), rel.get("Content")
        if source in spans and content in spans:
            words = item(content)["text"].lstrip()
            if words[:1] in "\"“”«" or words[:2] == "''":
                found = item(source)
                direct[(found["start"], found["end"])] = found
    return {"sources": sources, "cues": cues, "direct": list(direct.values())}


def polnear_articles(folder: Path) -> list[tuple[str, str, dict[str, list[dict[str, Any]]]]]:
    """(article, text, gold) for each article, first annotator file only; gold has
    ``sources``, ``cues`` and ``direct`` (sources of quotations), each a list of spans."""
    text_dir, ann_dir = folder / "dev" / "text", folder / "dev" / "attributions"
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    out = []
    for article, ann in sorted(chosen.items()):
        txt = text_dir / f"{article}.txt"
        if not txt.is_file():
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((article, text, _read_ann(ann.read_text(encoding="utf-8"), text)))
    return out


def score_polnear(folder: Path,
                  found_by_article: dict[str, list[Attribution]] | None = None) -> ScoreTable:
    """Source spans by overlap over all PolNeAR dev articles, overall and per publisher;
    also cue spans and the sources of direct quotations. ``found_by_article`` reuses
    attributions already found."""
    total, cues, direct = PRF(), PRF(), PRF()
    per_outlet: dict[str, PRF] = {}
    articles = polnear_articles(folder)
    for article, text, gold in articles:
        found = (found_by_article or {}).get(article)
        if found is None:
            found = find_attributions(text, writer=True)
        prf = match_spans(gold["sources"], source_items(found, polnear=True)).prf
        total += prf
        per_outlet.setdefault(article.split("_", 1)[0], PRF()).__iadd__(prf)
        found_cues = {(c.start, c.end): {"start": c.start, "end": c.end}
                      for a in found if a.source_type != "common_knowledge" for c in a.cues}
        cues += match_spans(gold["cues"], list(found_cues.values())).prf
        direct += match_spans(gold["direct"], source_items([a for a in found if a.direct], polnear=True)).prf
    rows = {"all sources": total, "cues": cues, "sources of direct quotes": direct}
    rows.update({f"outlet {k}": v for k, v in sorted(per_outlet.items())})
    notes = [f"{len(articles)} articles, first annotator per article; type not checked",
             "a direct quote in PolNeAR: content that opens with a quotation mark"]
    return ScoreTable("Attribution sources: PolNeAR dev (overlap)", rows, notes)


def score_polnear_types(folder: Path, found_by_article: dict[str, list[Attribution]] | None = None,
                        sample_path: Path | None = None, verbose: bool = False) -> ScoreTable:
    """Source types on the typed PolNeAR dev sample (``datasets/gold/polnear_dev_types.tsv``);
    ``verbose`` lists each wrong type with its span."""
    from .source_types import TypeScore, load_type_sample, score_types, type_table

    sample = load_type_sample(sample_path)
    by_article = {ann.rsplit("_", 1)[0]: spans for ann, spans in sample.items()}
    score = TypeScore()
    for article, text, _ in polnear_articles(folder):
        if article not in by_article:
            continue
        found = (found_by_article or {}).get(article)
        if found is None:
            found = find_attributions(text, writer=True)
        score_types(by_article[article], source_items(found, polnear=True), into=score)
    return type_table(score, len(by_article), verbose)


def evaluate(corpora: Path | None) -> list[ScoreTable]:
    """All attribution score tables (run by ``medialit evaluate attribution``)."""
    from ..casestudy import load_case_study
    from .source_types import TITLE

    tables = [score_case_study(load_case_study().text, load_gold())]
    folder = Path(corpora) / "polnear-dev" if corpora is not None else None
    if folder is None or not (folder / "dev" / "attributions").is_dir():
        for title in ("Attribution sources: PolNeAR dev (overlap)", TITLE):
            tables.append(ScoreTable(title, {}, ["skipped: ../shared/corpora/polnear-dev not found"]))
    else:
        found = {article: find_attributions(text, writer=True)
                 for article, text, _ in polnear_articles(folder)}
        tables.append(score_polnear(folder, found))
        tables.append(score_polnear_types(folder, found))
    return tables
