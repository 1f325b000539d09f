"""Framing and claim types: development figures and timing.

Prints the loaded-language figures on the PTC sample (``medialit evaluate loaded``),
the claim classifier against the case-study gold (``medialit evaluate claims``),
then the time and peak memory (tracemalloc) of each framing and claims function
on the case study and on a larger set of news texts (the PTC sample and the news
texts of ../shared/corpora, repeated to about ``--words`` words).

Run: .venv/bin/python benchmarks/bench_framing.py [--words 100000]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import medialit
from medialit import Document
from medialit.claims import classify_sentences
from medialit.evaluation import claims as claims_eval
from medialit.evaluation import corpora_dir, format_tables
from medialit.evaluation import loaded as loaded_eval
from medialit.framing import find_loaded_language, perspective, sentence_sentiment


def _texts(root: Path | None, words: int) -> list[Document]:
    if root is None:
        return []
    paths = sorted(root.glob("ptc-sample/articles/*.txt")) + sorted(root.glob("news-texts/[0-9]*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts = [t for t in texts if t.strip()]
    chosen: list[Document] = []
    total = 0
    while texts and total < words:
        for text in texts:
            chosen.append(Document.from_text(text))
            total += len(text.split())
            if total >= words:
                break
    for doc in chosen:  # sentence splitting is the text model's cost, not ours
        _ = doc.sentences
    return chosen


def _time(name: str, func: Callable[[Document], object], docs: list[Document]) -> None:
    words = sum(d.word_count for d in docs)
    tracemalloc.start()
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {name:<24} {elapsed:8.3f} s  {words / elapsed:>10,.0f} words/s  "
          f"peak {peak / 1e6:6.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000, help="about how many words of news")
    args = parser.parse_args()
    root = corpora_dir()
    print(format_tables(loaded_eval.evaluate(root)))
    print(format_tables(claims_eval.evaluate(root)))

    case = medialit.load_case_study()
    _ = case.sentences
    # Warm up: load the word lists, VADER and the attribution lexicons once.
    classify_sentences(Document.from_text("Warm up. They said it could rain."))
    sentence_sentiment("Warm up.")
    functions: list[tuple[str, Callable[[Document], object]]] = [
        ("find_loaded_language", lambda d: find_loaded_language(d.text)),
        ("perspective", perspective),
        ("sentence_sentiment", sentence_sentiment),
        ("classify_sentences", classify_sentences),
    ]
    for label, docs in (("case study", [case]), ("news texts", _texts(root, args.words))):
        if not docs:
            print(f"{label}: skipped (../shared/corpora not found)")
            continue
        print(f"{label}: {len(docs)} documents, {sum(d.word_count for d in docs):,} words")
        for name, func in functions:
            _time(name, func, docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
