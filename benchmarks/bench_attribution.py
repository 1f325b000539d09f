"""Time find_attributions on the PolNeAR dev articles and on one long text.

Prints articles per second, words per second and peak memory (tracemalloc, in a
separate pass) for
the 84 PolNeAR dev articles (../shared/corpora/polnear-dev), then for one text
made by joining them (about 80k words), to show the cost grows with length.

Run: .venv/bin/python benchmarks/bench_attribution.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from medialit.attribution import find_attributions
from medialit.evaluation import corpora_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the articles")
    args = parser.parse_args()
    root = corpora_dir()
    folder = root / "polnear-dev" / "dev" / "text" if root else None
    if folder is None or not folder.is_dir():
        print("skipped: ../shared/corpora/polnear-dev not found beside the clone")
        return 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    find_attributions("Warm up: Smith said the lexicons load once.")
    start = time.perf_counter()
    found = 0
    for _ in range(args.repeat):
        for text in texts:
            found += len(find_attributions(text))
    seconds = time.perf_counter() - start
    tracemalloc.start()  # a separate pass: tracing slows Python down several times
    for text in texts:
        find_attributions(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(texts) * args.repeat
    print(f"{len(texts)} articles, {words:,} words, {found // args.repeat:,} attributions per pass")
    print(f"articles: {n / seconds:,.1f}/s, words: {words * args.repeat / seconds:,.0f}/s, "
          f"one pass {seconds / args.repeat:.2f} s, peak memory {peak / 1e6:.1f} MB")
    joined = "\n\n".join(texts)
    start = time.perf_counter()
    count = len(find_attributions(joined))
    print(f"one {len(joined.split()):,}-word text: {time.perf_counter() - start:.2f} s, "
          f"{count:,} attributions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
