"""Turn hand-annotated copies of the news texts into the gold JSON files of this folder.

The eleven texts are the ``news-texts`` folder of the developers' corpora (Horne & Adali 2017);
they belong to their publishers and are NOT shipped with the course, and neither are the annotated
copies (they contain the whole text). Only the gold files made here are shipped: offsets, kinds,
types, short span texts.

Run from the repository root of a developer's checkout, where ``medialit.evaluation.corpora_dir``
finds the developers' corpora:

    python datasets/gold/news-texts/build_gold.py ANNOTATED_FOLDER          # rewrite the JSON files
    python datasets/gold/news-texts/build_gold.py ANNOTATED_FOLDER --check  # exit 1 if out of date

``ANNOTATED_FOLDER`` (the annotator's own folder; never committed) holds one ``<stem>.txt`` per text in
the markup of ``datasets/heldout/build_gold.py`` (whose parser this script reuses). Literal square
brackets of the text are written ``\\[`` and ``\\]`` in the annotated copies. A copy whose plain text
differs from the corpus text is refused. Quotation spans keep their offsets and at most their first
60 characters (``"truncated": true`` when cut).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "heldout"))
from build_gold import attribution_gold, parse, stance_gold  # noqa: E402

CORPUS = "news-texts"
GUIDE = "datasets/annotation-guide.md"
LICENCE = "CC BY 4.0 (annotations); the article text belongs to its publisher and is not included"
SOURCE = "the Horne & Adali (2017) news texts of the developers' corpora (not shipped)"
QUOTE_CHARS = 60
# One private-use character stands for one escaped bracket, so offsets do not move.
ESCAPES = {"\\[": "\ue000", "\\]": "\ue001"}


def plain_and_spans(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text and the markup keys of an annotated copy (escaped brackets restored)."""
    for escaped, private in ESCAPES.items():
        marked = marked.replace(escaped, private)
    text, spans = parse(marked)
    for escaped, private in ESCAPES.items():
        text = text.replace(private, escaped[1])
    return text, spans


def shorten_quotes(sources: list[dict]) -> list[dict]:
    """Quotations keep offsets and their first ``QUOTE_CHARS`` characters (the texts are not ours)."""
    for source in sources:
        quote = source.get("quote")
        if quote and len(quote["text"]) > QUOTE_CHARS:
            source["quote"] = {**quote, "text": quote["text"][:QUOTE_CHARS], "truncated": True}
    return sources


def build(annotated: Path, corpus_text: str) -> dict[str, str]:
    """The two gold files of one annotated copy, as {file name: content}."""
    text, spans = plain_and_spans(annotated.read_text(encoding="utf-8"))
    if text != corpus_text:
        raise ValueError(f"{annotated}: its plain text is not the corpus text (markup slip?)")
    name = annotated.stem
    header = {
        "about": f"News text {name}: hand-made gold, annotated following the guide before any detector was run "
                 "on it (see datasets/gold/news-texts/README.md). Development data.",
        "source": SOURCE, "genre": name.split("_")[1], "guide": GUIDE, "licence": LICENCE,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text_length": len(text),
    }
    stance = {**header, "spans": stance_gold(text, spans)}
    attribution = {**header, "sources": shorten_quotes(attribution_gold(text, spans))}
    dump = lambda obj: json.dumps(obj, ensure_ascii=False, indent=1) + "\n"  # noqa: E731
    return {f"{name}.stance.json": dump(stance), f"{name}.attribution.json": dump(attribution)}


def corpus_folder() -> Path:
    from medialit.evaluation import corpora_dir

    corpora = corpora_dir()
    if corpora is None or not (corpora / CORPUS).is_dir():
        raise SystemExit(f"the developers' corpora ({CORPUS}) were not found: set MEDIALIT_CORPORA")
    return corpora / CORPUS


def main(argv: list[str]) -> int:
    check = "--check" in argv
    folders = [a for a in argv if a != "--check"]
    if not folders:
        print("usage: build_gold.py ANNOTATED_FOLDER [--check] (the annotated copies are not shipped)")
        return 2
    annotated = Path(folders[0])
    copies = sorted(annotated.glob("[0-9][0-9]_*.txt"))
    if not copies:
        print(f"no annotated copies in {annotated} (they are not shipped)")
        return 2
    texts = corpus_folder()
    stale = []
    for path in copies:
        corpus_text = (texts / path.name).read_text(encoding="utf-8")
        for rel, content in build(path, corpus_text).items():
            target = HERE / rel
            if target.is_file() and target.read_text(encoding="utf-8") == content:
                continue
            stale.append(rel)
            if not check:
                target.write_text(content, encoding="utf-8")
    if check and stale:
        print(f"out of date (run python datasets/gold/news-texts/build_gold.py): {', '.join(stale)}")
        return 1
    print(f"{'checked' if check else 'wrote'} {len(copies)} text(s): {len(stale)} file(s) "
          f"{'stale' if check else 'updated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
