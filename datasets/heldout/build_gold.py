"""Turn the hand-annotated held-out texts into plain texts and gold JSON files.

Run from the repository root after editing a file in ``datasets/heldout/annotated/``:

    python datasets/heldout/build_gold.py          # rewrite texts/ and gold/
    python datasets/heldout/build_gold.py --check  # exit 1 if texts/ or gold/ are out of date

Markup (the annotated files are the source; ``texts/`` and ``gold/`` are generated):

* ``[span]{keys}`` marks ``span``; keys are separated by commas; ``{}`` (no key) records a
  look-alike that was checked and is NOT a marker. Brackets nest.
* ``h:CATEGORY`` / ``b:CATEGORY``: a hedge / booster of that category; a trailing ``?`` makes it
  optional ("h:modal?").
* ``sN:TYPE/TYPE``: the source mention of attribution N with its accepted types;
  ``sN?:...`` optional; ``sN:pronoun=Antecedent`` records ``refers_to``.
* ``cN``: a cue of attribution N (the first is ``cue``, later ones ``other_cues``);
  ``qN``: the direct quotation of attribution N (makes it direct; the first one counts).

The gold files follow ``datasets/annotation-guide.md`` section 4, like ``datasets/gold/*.json``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUIDE = "datasets/annotation-guide.md"
LICENCE = "CC BY 4.0 (texts and annotations written for the medialit course)"
_KEYS = re.compile(r"\{([^{}]*)\}")


def parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and (start, end, key) for every key of every ``[span]{keys}``."""
    out: list[str] = []
    length = 0
    stack: list[int] = []
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == "[":
            stack.append(length)
            i += 1
            continue
        if ch == "]":
            keys = _KEYS.match(marked, i + 1)
            if keys is None or not stack:
                raise ValueError(f"unbalanced ']' at {i}: {marked[max(0, i - 40):i + 10]!r}")
            start = stack.pop()
            spans += [(start, length, k.strip()) for k in keys.group(1).split(",") if k.strip()]
            i = keys.end()
            continue
        out.append(ch)
        length += 1
        i += 1
    if stack:
        raise ValueError("unclosed '['")
    return "".join(out), spans


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def stance_gold(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    gold = []
    for start, end, key in spans:
        if key[:2] in ("h:", "b:"):
            category = key[2:].rstrip("?")
            gold.append({**_span(text, start, end), "kind": "hedge" if key[0] == "h" else "booster",
                         "category": category, "optional": key.endswith("?"), "note": ""})
    return sorted(gold, key=lambda g: (g["start"], g["end"]))


def attribution_gold(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    relations: dict[str, dict] = {}
    for start, end, key in spans:
        match = re.fullmatch(r"([scq])(\d+)(\?)?(?::(.*))?", key)
        if match is None:
            continue
        role, number, optional, value = match.groups()
        rel = relations.setdefault(number, {"cues": [], "quote": None})
        if role == "s":
            types, _, refers = (value or "").partition("=")
            rel.update(source=_span(text, start, end), types=types.split("/"), optional=bool(optional),
                       refers_to=refers or None)
        elif role == "c":
            rel["cues"].append(_span(text, start, end))
        elif rel["quote"] is None:
            rel["quote"] = _span(text, start, end)
    sources = []
    for number, rel in relations.items():
        if "source" not in rel:
            continue
        cues = sorted(rel["cues"], key=lambda c: c["start"])
        if not cues:
            raise ValueError(f"attribution {number}: a source without a cue ({text[:40]!r})")
        item = {**rel["source"], "types": rel["types"], "cue": cues[0], "direct": rel["quote"] is not None,
                "optional": rel["optional"], "note": ""}
        if len(cues) > 1:
            item["other_cues"] = cues[1:]
        if rel["quote"]:
            item["quote"] = rel["quote"]
        if rel["refers_to"]:
            item["refers_to"] = rel["refers_to"]
        sources.append(item)
    return sorted(sources, key=lambda g: (g["start"], g["end"]))


def build(path: Path) -> dict[str, str]:
    """The generated files of one annotated text, as {relative path: content}."""
    text, spans = parse(path.read_text(encoding="utf-8"))
    header = {
        "about": f"Held-out text {path.stem}, written for the medialit course and annotated by hand before "
                 "any detector was run on it (see datasets/heldout/README.md).",
        "guide": GUIDE, "licence": LICENCE,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text_length": len(text),
    }
    stance = {**header, "spans": stance_gold(text, spans)}
    attribution = {**header, "sources": attribution_gold(text, spans)}
    dump = lambda obj: json.dumps(obj, ensure_ascii=False, indent=1) + "\n"  # noqa: E731
    return {f"texts/{path.stem}.txt": text, f"gold/{path.stem}.stance.json": dump(stance),
            f"gold/{path.stem}.attribution.json": dump(attribution)}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in sorted((HERE / "annotated").glob("*.txt")):
        for rel, content in build(path).items():
            target = HERE / rel
            if target.is_file() and target.read_text(encoding="utf-8") == content:
                continue
            stale.append(rel)
            if not check:
                target.parent.mkdir(exist_ok=True)
                target.write_text(content, encoding="utf-8")
    if check and stale:
        print(f"out of date (run python datasets/heldout/build_gold.py): {', '.join(stale)}")
        return 1
    print(f"{'checked' if check else 'wrote'}: {len(stale)} file(s) {'stale' if check else 'updated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
