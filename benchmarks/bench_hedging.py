"""Speed and memory of find_hedges, beside a naive NLTK pipeline. Prints figures; asserts nothing.

Text: every sentence of the Szeged Uncertainty Corpus (Wikipedia part), one per line, from
``../shared/corpora/szeged-uncertainty/`` (skipped with a message where absent).

* ``find_hedges``: words per second and peak memory (tracemalloc, measured in a separate run
  because tracing slows Python down).
* naive NLTK: ``TreebankWordTokenizer().tokenize`` on every line, then every 1-, 2- and 3-gram
  looked up in the set of lexicon terms (no context rules): what a first attempt would do.
* linearity: find_hedges on a quarter of the text repeated 1, 2 and 4 times.

Run: ``.venv/bin/python benchmarks/bench_hedging.py``
"""

from __future__ import annotations

import json
import re
import sys
import time
import tracemalloc

from medialit.evaluation import corpora_dir
from medialit.hedging import find_hedges, lexicon_terms

_WORD = re.compile(r"\w+")


def load_text() -> str | None:
    corpora = corpora_dir()
    path = corpora / "szeged-uncertainty" / "wiki.sentences.jsonl" if corpora else None
    if path is None or not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        return "\n".join(json.loads(line)["text"] for line in handle) + "\n"


def naive_nltk(text: str, terms: frozenset[str]) -> int:
    from nltk.tokenize import TreebankWordTokenizer

    tokenizer = TreebankWordTokenizer()
    hits = 0
    for line in text.splitlines():
        words = [w.lower() for w in tokenizer.tokenize(line)]
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                if " ".join(words[i : i + n]) in terms:
                    hits += 1
    return hits


def timed(func, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def main() -> int:
    text = load_text()
    if text is None:
        print("skipped: ../shared/corpora/szeged-uncertainty/wiki.sentences.jsonl not found")
        return 0
    words = len(_WORD.findall(text))
    print(f"text: Szeged Uncertainty Corpus (Wikipedia), {len(text):,} characters, {words:,} words, "
          f"{text.count(chr(10)):,} lines")
    find_hedges("warm up: it may rain.")  # load the lexicon once, outside the timing
    terms = lexicon_terms()

    seconds, found = timed(find_hedges, text)
    tracemalloc.start()
    find_hedges(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    naive_seconds, naive_hits = timed(naive_nltk, text, terms)

    print(f"{'':28}{'seconds':>9}{'words/s':>12}{'markers':>9}")
    print(f"{'find_hedges':28}{seconds:9.2f}{words / seconds:12,.0f}{len(found):9,}")
    print(f"{'naive NLTK n-gram lookup':28}{naive_seconds:9.2f}{words / naive_seconds:12,.0f}{naive_hits:9,}")
    print(f"speed-up over the naive pipeline: {naive_seconds / seconds:.1f}x")
    print(f"find_hedges peak memory (tracemalloc): {peak / 2**20:.1f} MiB "
          f"({peak / len(text):.1f} bytes per input character)")

    quarter = text[: len(text) // 4]
    print("linearity (a quarter of the text repeated):")
    base = None
    for times in (1, 2, 4):
        sample = quarter * times
        seconds, _ = timed(find_hedges, sample)
        base = base or seconds
        print(f"  {times}x  {len(sample):>10,} characters  {seconds:6.2f} s  ({seconds / base:.2f} x the 1x time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
