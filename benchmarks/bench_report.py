"""The reading report: time and detector calls of ``medialit.report(load_case_study())``.

Each run starts from a fresh Document (nothing cached), makes the report without
and with charts, and counts how many times each detector function ran. Prints, for
``--runs`` runs, the minimum and median wall time and the minimum and median CPU time
(``time.process_time``: all threads of this process, vl-convert's renderer included;
the load of a shared machine disturbs it less than wall time), the machine's load
(``os.getloadavg``) beside them, and the peak memory (tracemalloc) of one report.
It also prints how much of a report with charts is vl-convert drawing the SVGs
(its JavaScript engine, the same in every version): the floor of ``charts=True``.

Before/after (issue 12): run this file against an older checkout to compare, e.g.
``PYTHONPATH=/path/to/old/src .venv/bin/python benchmarks/bench_report.py``; the script
uses only ``medialit.report`` and ``medialit.load_case_study``, which both versions have.

Run: .venv/bin/python benchmarks/bench_report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
import tracemalloc
from collections import Counter

import medialit

DETECTOR_FUNCTIONS = {
    "medialit.hedging": ["find_hedges"],
    "medialit.attribution": ["find_attributions"],
    "medialit.framing": ["find_loaded_language", "perspective", "sentence_sentiment"],
    "medialit.claims": ["classify_sentences"],
}


def _count_calls() -> Counter:
    """Wrap every detector function, wherever it was imported, with a counter."""
    counter: Counter = Counter()
    originals = {}
    for module_name, names in DETECTOR_FUNCTIONS.items():
        module = importlib.import_module(module_name)
        for name in names:
            originals[getattr(module, name)] = name
    for module in [m for n, m in list(sys.modules.items()) if n.startswith("medialit") and m is not None]:
        for attr, value in list(vars(module).items()):
            if callable(value) and value in originals:
                def counting(*args, _original=value, _name=originals[value], **kwargs):
                    counter[_name] += 1
                    return _original(*args, **kwargs)

                setattr(module, attr, counting)
    return counter


def _fresh():
    doc = medialit.load_case_study()
    return medialit.Document(doc.text, title=doc.title, metadata=doc.metadata)


def _time(charts: bool, runs: int) -> str:
    wall, cpu = [], []
    for _ in range(runs):
        doc = _fresh()
        start, start_cpu = time.perf_counter(), time.process_time()
        medialit.report(doc, charts=charts)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    # the minimum is the figure least disturbed by other work on a shared machine
    return (f"wall {min(wall) * 1000:7.1f} ms min, {statistics.median(wall) * 1000:7.1f} ms median; "
            f"CPU {min(cpu) * 1000:7.1f} ms min, {statistics.median(cpu) * 1000:7.1f} ms median "
            f"(of {runs}; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


def _drawing_share(runs: int) -> str:
    """CPU time inside vl-convert's SVG drawing (``vl_convert.vegalite_to_svg``) per report with charts.

    The drawing runs in vl-convert's own JavaScript engine: no change to medialit's Python makes it
    faster, so it is the floor of ``charts=True``."""
    import vl_convert

    original = vl_convert.vegalite_to_svg
    spent: list[float] = []

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.process_time() - start)

    vl_convert.vegalite_to_svg = timed
    try:
        drawing, total, charts = [], [], 0
        for _ in range(runs):
            spent.clear()
            doc = _fresh()
            start = time.process_time()
            medialit.report(doc, charts=True)
            total.append(time.process_time() - start)
            drawing.append(sum(spent))
            charts = len(spent)
    finally:
        vl_convert.vegalite_to_svg = original
    rest = min(t - d for t, d in zip(total, drawing, strict=True))
    return (f"{min(drawing) * 1000:7.1f} ms min, {statistics.median(drawing) * 1000:7.1f} ms median CPU for "
            f"{charts} charts; the rest of the report {rest * 1000:.1f} ms min")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is printed)")
    args = parser.parse_args()
    medialit.report(_fresh(), charts=True)  # warm up: word lists, NLTK, VADER, Altair, vl-convert
    print(f"medialit from {medialit.__file__}")
    print(f"report(load_case_study(), charts=False): {_time(False, args.runs)}")
    print(f"report(load_case_study(), charts=True):  {_time(True, args.runs)}")
    print(f"report(load_case_study(), charts=False): {_time(False, args.runs)}  (again, to show the spread)")
    print(f"  of charts=True, vl-convert drawing the SVGs: {_drawing_share(args.runs)}")
    tracemalloc.start()
    medialit.report(_fresh(), charts=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory of one report (charts=False): {peak / 1e6:.1f} MB")
    calls = _count_calls()
    medialit.report(_fresh(), charts=False)
    print("detector calls in one report: " + ", ".join(f"{name} {calls[name]}" for names in
                                                        DETECTOR_FUNCTIONS.values() for name in names))


if __name__ == "__main__":
    main()
