"""Time each lesson notebook headless (full and student versions) and `assignment release`.

Prints, per lesson, the seconds to execute it top to bottom in a fresh kernel (as
tests/test_notebooks.py does, and as a student's "Restart and run all" would), then
the same for the student version written by `medialit assignment release`, and the
time to release every lesson. Figures only: nothing is asserted. The course aims at
under 30 seconds per lesson on a 2-core machine.

Run: .venv/bin/python benchmarks/bench_lessons.py [--only 05 06]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbclient
import nbformat

from medialit.assignment import release, release_notebook

LESSONS = Path(__file__).resolve().parents[1] / "lessons"


def _execute(nb) -> float:
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(LESSONS)}})
    started = time.perf_counter()
    client.execute()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="lesson numbers, e.g. 05 06")
    args = parser.parse_args()
    paths = sorted(LESSONS.glob("[0-9][0-9]-*.ipynb"))
    if args.only:
        paths = [p for p in paths if p.name[:2] in args.only]
    if not paths:
        print("skipped: no lesson notebooks found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MEDIALIT_PROGRESS"] = str(Path(tmp) / "progress.json")
        started = time.perf_counter()
        written = release(LESSONS, Path(tmp) / "student")
        print(f"assignment release: {len(written)} notebooks in {time.perf_counter() - started:.2f} s")
        print(f"{'lesson':32} {'full (s)':>9} {'student (s)':>12}")
        for path in paths:
            full = _execute(nbformat.read(path, as_version=4))
            student = nbformat.from_dict(release_notebook(nbformat.read(path, as_version=4)))
            print(f"{path.name:32} {full:9.1f} {_execute(student):12.1f}", flush=True)
    print(f"(load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
