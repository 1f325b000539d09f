"""Time Document construction on about a million words of real text.

Reads the development corpora in ../shared/corpora (Szeged Wikipedia sentences,
PolNeAR news, the PTC sample, news texts), repeats them until about 1M words,
builds one Document per source document, forces paragraphs, sentences and
tokens, and prints words per second and peak memory (tracemalloc).

Run: .venv/bin/python benchmarks/bench_document.py [--words 1000000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

from medialit import Document
from medialit.evaluation import corpora_dir


def real_texts(root: Path) -> list[str]:
    """One string per source document from the corpora."""
    texts: list[str] = []
    by_doc: dict[str, list[str]] = {}
    szeged = root / "szeged-uncertainty" / "wiki.sentences.jsonl"
    if szeged.exists():
        for line in szeged.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            by_doc.setdefault(row["doc_id"], []).append(row["text"])
        texts += [" ".join(sentences) for sentences in by_doc.values()]
    for pattern in ("polnear-dev/dev/text/*.txt", "ptc-sample/articles/*.txt", "news-texts/[0-9]*.txt"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob(pattern))]
    return [t for t in texts if t.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="about how many words to process")
    args = parser.parse_args()
    root = corpora_dir()
    if root is None:
        print("skipped: ../shared/corpora not found beside the clone (the corpora are not redistributed)")
        return 0
    texts = real_texts(root)
    chosen: list[str] = []
    words = 0
    while words < args.words:
        for text in texts:
            chosen.append(text)
            words += len(text.split())
            if words >= args.words:
                break
    print(f"{len(chosen):,} documents, {words:,} whitespace-separated words, "
          f"{sum(map(len, chosen)) / 1e6:.1f} M characters")
    _ = Document.from_text("Warm up. Load NLTK.").tokens  # import costs are not the text model's
    tracemalloc.start()
    start = time.perf_counter()
    tokens = sentences = paragraphs = 0
    for text in chosen:
        doc = Document.from_text(text)
        paragraphs += len(doc.paragraphs)
        sentences += len(doc.sentences)
        tokens += len(doc.tokens)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{paragraphs:,} paragraphs, {sentences:,} sentences, {tokens:,} tokens")
    print(f"time: {elapsed:.2f} s  ->  {words / elapsed:,.0f} words/s")
    print(f"peak memory (tracemalloc, one document alive at a time): {peak / 1e6:.1f} MB")
    big = "\n\n".join(chosen[: max(1, len(chosen) // 10)])
    tracemalloc.start()
    start = time.perf_counter()
    doc = Document.from_text(big)
    n = len(doc.tokens)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"one {len(big.split()):,}-word document: {elapsed:.2f} s, {n:,} tokens, "
          f"peak memory {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
