"""How cost grows with the input: real news at 0.1-5 MB and the audit's adversarial patterns.

For each case (a function on a text) this prints the seconds (wall clock, and
the CPU time of the process, which a busy shared machine disturbs less), the peak memory
(tracemalloc, measured in a second run so that it does not slow the timed one)
and the ratio of the time to the time at the previous size. Each case runs in
its own subprocess with a time cap, so a path that is still quadratic prints
``timeout`` instead of hanging the benchmark.

Functions: ``medialit analyze`` (the command, in-process, on a .txt file),
building a Document (sentences and paragraphs), and each detector.

Real text is built from ../shared/corpora/news-texts and polnear-dev/dev/text,
repeated to each size (skipped with a message where the corpora are absent).
Adversarial patterns (issue 17), each at ``--chars`` characters (100,000):

* ``newlines``: ``'x' + '\\n'*N + 'x'``
* ``title-case``: ``'Officials Said Today\\n'*k``
* ``he-said``: ``'he said, '*k``
* ``curly-quotes``: ``'x ' + '“a '*k`` (unclosed curly quotes)
* ``no-spaces``: one long line of mixed letters, digits, quotes and punctuation, no spaces

Run: .venv/bin/python benchmarks/bench_scale.py [--sizes 0.1 0.5 1 2 5] [--timeout 120]
     [--only analyze find_hedges ...] [--no-real] [--no-adversarial] [--no-memory]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

FUNCTIONS = (
    "analyze",
    "document",
    "find_hedges",
    "find_attributions",
    "find_loaded_language",
    "perspective",
    "sentence_sentiment",
    "classify_sentences",
)
PATTERNS = ("newlines", "title-case", "he-said", "curly-quotes", "no-spaces")
SIZES_MB = (0.1, 0.5, 1.0, 2.0, 5.0)


# ---------------------------------------------------------------- inputs

def _corpora() -> Path | None:
    env = os.environ.get("MEDIALIT_CORPORA")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in Path(__file__).resolve().parents:
        candidate = parent.parent / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return None


def real_text(megabytes: float) -> str | None:
    """News texts repeated to ``megabytes`` MB of UTF-8 (at most), or None without corpora."""
    root = _corpora()
    if root is None:
        return None
    paths = sorted(root.glob("news-texts/[0-9]*.txt")) + sorted(root.glob("polnear-dev/dev/text/*.txt"))
    texts = [p.read_text(encoding="utf-8").strip() for p in paths]
    texts = [t for t in texts if t]
    if not texts:
        return None
    limit = int(megabytes * 1_000_000)
    parts: list[str] = []
    total = 0
    while total < limit:
        for text in texts:
            size = len(text.encode("utf-8")) + 2
            if total + size > limit:
                return "\n\n".join(parts) if parts else text[: limit // 4]
            parts.append(text)
            total += size
    return "\n\n".join(parts)


def adversarial_text(pattern: str, chars: int) -> str:
    """One of the audit's adversarial inputs at about ``chars`` characters."""
    if pattern == "newlines":
        return "x" + "\n" * (chars - 2) + "x"
    if pattern == "title-case":
        return "Officials Said Today\n" * (chars // 21)
    if pattern == "he-said":
        return "he said, " * (chars // 9)
    if pattern == "curly-quotes":
        return "x " + "\u201ca " * ((chars - 2) // 3)
    if pattern == "no-spaces":
        rng = random.Random(17)
        alphabet = "abcdefghijKLMNOP0123456789.,;:!?-\u2014'\"\u201c\u201d\u2018\u2019()[]/"
        return "".join(rng.choice(alphabet) for _ in range(chars))
    raise ValueError(f"unknown pattern {pattern!r}: choose from {', '.join(PATTERNS)}")


# ---------------------------------------------------------------- one case (in a subprocess)

def _runner(function: str, text: str, workdir: Path) -> Callable[[], object]:
    """A no-argument callable running ``function`` on ``text`` (set-up cost excluded)."""
    import medialit
    from medialit import Document

    if function == "analyze":
        from medialit.cli import main as cli_main

        path = workdir / "input.txt"
        path.write_text(text, encoding="utf-8")

        def run_cli() -> object:
            sink, errors = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(errors):
                status = cli_main(["analyze", "--quiet", "--format", "json", str(path)])
            if status != 0:
                raise RuntimeError(errors.getvalue().strip().splitlines()[-1:] or f"status {status}")
            return status

        return run_cli
    if function == "document":
        def build() -> object:
            doc = Document.from_text(text)
            return len(doc.sentences), len(doc.paragraphs), doc.word_count

        return build
    if function in ("find_hedges", "find_attributions", "find_loaded_language"):
        func = getattr(medialit, function)
        return lambda: func(text)
    doc = Document.from_text(text)
    _ = doc.sentences, doc.paragraphs
    func = getattr(medialit, function)
    return lambda: func(doc)


def _warm_up() -> None:
    """Load word lists, sentence models and VADER once, outside the timings."""
    import medialit

    warm = "Officials said on Monday that it could probably rain. “We are sure,” she said."
    doc = medialit.Document.from_text(warm)
    for name in FUNCTIONS[2:]:
        func = getattr(medialit, name)
        func(warm if name.startswith("find_") else doc)


def run_case(function: str, source: str, size: str, chars: int, memory: bool) -> None:
    """Time ``function`` on one input and print a JSON line; with ``memory``, a second run
    measures the peak and prints a second line (so a time cap hit there still leaves the time)."""
    text = real_text(float(size)) if source == "real" else adversarial_text(size, chars)
    if text is None:
        print(json.dumps({"skipped": "../shared/corpora not found"}))
        return
    _warm_up()
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        run = _runner(function, text, Path(tmp))
        start, cpu = time.perf_counter(), time.process_time()
        run()
        result: dict[str, object] = {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                                     "peak": None, "chars": len(text), "bytes": len(text.encode("utf-8"))}
        print(json.dumps(result), flush=True)
        if memory:
            run = _runner(function, text, Path(tmp))
            tracemalloc.start()
            run()
            result["peak"] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(json.dumps(result), flush=True)


# ---------------------------------------------------------------- the driver

def _spawn(args: list[str], timeout: float) -> dict[str, object]:
    command = [sys.executable, __file__, "--case", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        partial = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        lines = partial.strip().splitlines()
        if lines:  # timed, but the memory run hit the cap
            return {**json.loads(lines[-1]), "memory_timeout": True}
        return {"timeout": timeout}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": last[:100]}
    return json.loads(lines[-1])


def _cell(result: dict[str, object], previous: float | None) -> tuple[str, float | None]:
    if "timeout" in result:
        return f"timeout (>{result['timeout']:.0f} s)", None
    if "error" in result:
        return f"error: {result['error']}", None
    if "skipped" in result:
        return f"skipped: {result['skipped']}", None
    seconds = float(result["seconds"])  # type: ignore[arg-type]
    measure = float(result.get("cpu") or seconds)  # type: ignore[arg-type]
    peak = result.get("peak")
    memory = f"peak {int(peak) / 1e6:7.1f} MB" if peak is not None else "peak      - MB"
    if result.get("memory_timeout"):
        memory = "peak timeout"
    ratio = f"x{measure / previous:6.2f}" if previous else "       "
    cpu = f"cpu {float(result['cpu']):8.3f} s" if result.get("cpu") is not None else ""  # type: ignore[arg-type]
    return f"{seconds:8.3f} s  {cpu}  {memory}  {ratio}  ({int(result['chars']):,} chars)", measure  # type: ignore[arg-type]


def _report_real(functions: list[str], sizes: list[float], options: argparse.Namespace) -> None:
    load = f"; load average {os.getloadavg()[0]:.1f} at the start" if hasattr(os, "getloadavg") else ""
    print(f"Real news text, {', '.join(f'{s:g}' for s in sizes)} MB "
          f"(ratio = this size's CPU time / the previous size's{load})")
    if _corpora() is None:
        print("  skipped: ../shared/corpora not found (news-texts and polnear-dev are needed)")
        return
    for function in functions:
        print(f"  {function}")
        previous: float | None = None
        for size in sizes:
            result = _spawn([function, "real", str(size), "0", *options.memory_flag], options.timeout)
            cell, seconds = _cell(result, previous)
            print(f"    {size:4g} MB  {cell}", flush=True)
            previous = seconds
            if seconds is None:  # a larger size would only time out too
                break


def _report_adversarial(functions: list[str], options: argparse.Namespace) -> None:
    print(f"Adversarial patterns at {options.chars:,} characters (time cap {options.timeout:g} s each)")
    for pattern in PATTERNS:
        print(f"  {pattern}")
        for function in functions:
            result = _spawn([function, "adversarial", pattern, str(options.chars), *options.memory_flag],
                            options.timeout)
            print(f"    {function:<22} {_cell(result, None)[0]}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=list(SIZES_MB), help="sizes of real text in MB")
    parser.add_argument("--chars", type=int, default=100_000, help="length of each adversarial input")
    parser.add_argument("--timeout", type=float, default=120.0, help="time cap per case, in seconds")
    parser.add_argument("--only", nargs="+", choices=FUNCTIONS, default=list(FUNCTIONS), help="functions to run")
    parser.add_argument("--no-real", action="store_true", help="skip the real-text sizes")
    parser.add_argument("--no-adversarial", action="store_true", help="skip the adversarial patterns")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run (faster)")
    parser.add_argument("--case", nargs=4, metavar=("FUNCTION", "SOURCE", "SIZE", "CHARS"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.case:
        function, source, size, chars = options.case
        run_case(function, source, size, int(chars), not options.no_memory)
        return 0
    options.memory_flag = ["--no-memory"] if options.no_memory else []
    if not options.no_real:
        _report_real(options.only, options.sizes, options)
    if not options.no_adversarial:
        _report_adversarial(options.only, options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
