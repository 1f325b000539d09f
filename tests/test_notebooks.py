"""Every lesson notebook runs headless, top to bottom, as a student would see it.

A notebook fails on any error and on anything a student would see on stderr
(warnings, deprecation notices, log lines). Each runs in its own kernel with
``MEDIALIT_PROGRESS`` pointing at a temporary file, so no real progress is
touched. The student version (solutions replaced by placeholders, as
``medialit assignment release`` writes it) must run too: later cells may not
depend on a solution cell. Durations are printed (``pytest -s``), never asserted;
see ``benchmarks/`` for timings.

Run only these: ``.venv/bin/pytest -m notebooks``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
NOTEBOOKS = sorted(LESSONS.glob("[0-9][0-9]-*.ipynb"))
#: Longest a single cell may run before the notebook fails (a guard against hangs).
CELL_TIMEOUT = 120

pytestmark = pytest.mark.notebooks


def _student_problems(nb) -> list[str]:
    problems = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                problems.append(f"cell {i} printed to stderr: {out.get('text', '')[:300]!r}")
    return problems


def _execute(nb, tmp_path: Path, label: str) -> None:
    os.environ["MEDIALIT_PROGRESS"] = str(tmp_path / "progress.json")
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(LESSONS)}},
        allow_errors=True,
    )
    started = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - started
    print(f"\n{label}: executed in {elapsed:.1f} s", file=sys.stderr)
    problems = _student_problems(nb)
    assert not problems, f"{label}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_clean(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    _execute(nb, tmp_path, path.name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_runs_clean(path, tmp_path):
    from medialit.assignment import release_notebook

    student = nbformat.from_dict(release_notebook(nbformat.read(path, as_version=4)))
    _execute(student, tmp_path, f"{path.name} (student version)")


def test_detects_errors_and_warnings(tmp_path):
    """The checker itself can fail: an error and a warning are both reported."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import warnings; warnings.warn('careful')"),
        nbformat.v4.new_code_cell("1 / 0"),
    ]
    with pytest.raises(AssertionError) as info:
        _execute(nb, tmp_path, "broken.ipynb")
    assert "stderr" in str(info.value) and "ZeroDivisionError" in str(info.value)
