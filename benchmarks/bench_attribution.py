"""Time find_attributions: news articles, the Szeged text, and the audit's adversarial inputs.

Prints figures (CPU seconds, ``time.process_time``, which the load of a shared
machine disturbs less than wall time); asserts nothing.

* PolNeAR dev (``../shared/corpora/polnear-dev``): articles per second, words per
  second and peak memory (tracemalloc, in a separate pass), then one text made by
  joining the articles (about 67k words), to show the cost grows with length.
* Szeged Uncertainty Corpus, Wikipedia part (``../shared/corpora/szeged-uncertainty``),
  one sentence per line (the issue 12 figure): words per second (the minimum CPU time of
  ``--runs`` runs, with the machine's load) and peak memory for
  ``find_attributions(str)``, and the same split into the shared reading of the text
  (``medialit.text``: paragraphs and sentences, tokens, quotations), which an analysis
  computes once for every detector, and attribution's own passes on that reading.
* The adversarial inputs of issue 17 at 25k, 50k and 100k characters: a blank-line
  run (speaker labels), title-case lines (headline test per cue), ``he said, `` repeated
  (pronoun resolution). Each should stay well under 2 s at 100k and grow linearly.

Corpora are skipped with a message where absent.
Before/after (issue 12): ``PYTHONPATH=/path/to/old/src .venv/bin/python benchmarks/bench_attribution.py``
runs the same figures on an older checkout (the shared-reading split is skipped there).

Run: ``.venv/bin/python benchmarks/bench_attribution.py [--repeat 3] [--runs 3] [--skip-szeged]``
"""

from __future__ import annotations

import argparse
import json
import os
import time
import tracemalloc
from collections.abc import Callable

from medialit.attribution import find_attributions
from medialit.evaluation import corpora_dir

try:
    from medialit.text import as_document
except ImportError:  # an older checkout (before issue 12), for before/after figures
    as_document = None

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "blank lines 'x' + '\\n'*N + 'x'": lambda n: "x" + "\n" * (n - 2) + "x",
    "title case 'Officials Said Today\\n'*k": lambda n: "Officials Said Today\n" * (n // 21),
    "pronouns 'he said, '*k": lambda n: "he said, " * (n // 9),
}


def _timed(func, *args) -> tuple[float, object]:
    """CPU seconds of one call (a shared machine's load disturbs CPU time less than wall time)."""
    start = time.process_time()
    result = func(*args)
    return time.process_time() - start, result


def _peak(func, *args) -> float:
    tracemalloc.start()  # a separate pass: tracing slows Python down several times
    func(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def polnear(repeat: int) -> None:
    root = corpora_dir()
    folder = root / "polnear-dev" / "dev" / "text" if root else None
    if folder is None or not folder.is_dir():
        print("skipped: ../shared/corpora/polnear-dev not found beside the clone")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    start = time.process_time()
    found = 0
    for _ in range(repeat):
        for text in texts:
            found += len(find_attributions(text))
    seconds = time.process_time() - start
    peak = _peak(lambda: [find_attributions(t) for t in texts])
    n = len(texts) * repeat
    print(f"PolNeAR dev: {len(texts)} articles, {words:,} words, {found // repeat:,} attributions per pass")
    print(f"  articles: {n / seconds:,.1f}/s, words: {words * repeat / seconds:,.0f}/s, "
          f"one pass {seconds / repeat:.2f} s, peak memory {peak:.1f} MB")
    joined = "\n\n".join(texts)
    seconds, result = _timed(find_attributions, joined)
    print(f"  one {len(joined.split()):,}-word text: {seconds:.2f} s, {len(result):,} attributions")


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def szeged(runs: int) -> None:
    root = corpora_dir()
    path = root / "szeged-uncertainty" / "wiki.sentences.jsonl" if root else None
    if path is None or not path.is_file():
        print("skipped: ../shared/corpora/szeged-uncertainty/wiki.sentences.jsonl not found")
        return
    with path.open(encoding="utf-8") as handle:
        text = "\n".join(json.loads(line)["text"] for line in handle) + "\n"
    words = len(text.split())
    times = []
    for _ in range(runs):
        seconds, found = _timed(find_attributions, text)
        times.append(seconds)
    peak = _peak(find_attributions, text)
    best = min(times)
    print(f"Szeged (Wikipedia): {len(text):,} characters, {words:,} words, {len(found):,} attributions")
    print(f"  find_attributions(str): {best:.2f} s CPU (min of {runs}: {', '.join(f'{t:.2f}' for t in times)}), "
          f"{words / best:,.0f} words/s, peak memory {peak:.1f} MB ({_load()})")
    if as_document is None:
        return
    doc = as_document(text)
    basis = {}
    basis["paragraphs and sentences"], _ = _timed(lambda: doc.sentences)
    basis["token offsets"], _ = _timed(lambda: doc.token_offsets if hasattr(doc, "token_offsets") else doc.tokens)
    basis["quotations"], _ = _timed(lambda: doc.quotes)
    own, _ = _timed(find_attributions, doc)
    shared = ", ".join(f"{k} {v:.2f} s" for k, v in basis.items())
    print(f"  shared reading (medialit.text, computed once per analysis): {shared}")
    print(f"  attribution passes on that reading: {own:.2f} s, {words / own:,.0f} words/s")


def adversarial() -> None:
    print("Adversarial inputs (issue 17):")
    for name, make in ADVERSARIAL.items():
        figures = []
        for chars in (25_000, 50_000, 100_000):
            seconds, _ = _timed(find_attributions, make(chars))
            figures.append(f"{chars // 1000}k {seconds:.2f} s")
        print(f"  {name}: " + ", ".join(figures))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the articles")
    parser.add_argument("--skip-szeged", action="store_true", help="leave out the 2.4 MB Szeged text")
    parser.add_argument("--runs", type=int, default=3, help="timed runs on the Szeged text (the minimum is printed)")
    args = parser.parse_args()
    find_attributions("Warm up: Smith said the lexicons load once.")
    polnear(args.repeat)
    if not args.skip_szeged:
        szeged(args.runs)
    adversarial()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
