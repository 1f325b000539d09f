"""Lateral reading is practised, not told: students search before the course shows its leads.

Convention (see CONTRIBUTING.md and ``datasets/leads.md``): a **claim-tracing exercise** is an
exercise cell (a Markdown cell whose first line is an ``Exercise`` heading) tagged
``claim-tracing``. For each one, in order:

* the exercise asks for the student's own searches (``search``), what they ``found`` and
  ``where``, and gives an offline fallback (``offline`` or ``no internet``);
* before its solution comes a code cell in which the student records ``search_log``: a list of
  dicts with the keys ``query``, ``found`` and ``where``;
* its solution cell (tagged ``solution``) reveals a lead with ``medialit.lead(...)``.

A lead is revealed (``medialit.lead(`` in a cell, or a ``**Lead N ·`` block) only in a
claim-tracing solution or after one, and the lessons that trace claims have such an exercise.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
NOTEBOOKS = sorted(LESSONS.glob("[0-9][0-9]-*.ipynb"))
TAG = "claim-tracing"
#: Lessons whose claim tracing must be practised (first read, who says so, claims, the page).
MUST_TRACE = ("01-", "05-", "07-", "08-")
_REVEAL = re.compile(r"medialit\.lead\(|\*\*Lead \d+ ·")


def _src(cell: dict) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def _tags(cell: dict) -> list:
    return list(cell.get("metadata", {}).get("tags", []))


def _is_exercise(cell: dict) -> bool:
    first = (_src(cell).lstrip().splitlines() or [""])[0]
    return cell["cell_type"] == "markdown" and bool(re.match(r"#+\s*Exercise\b", first))


def _records_searches(cell: dict) -> bool:
    """The cell assigns ``search_log`` a list of dicts with keys query, found and where."""
    if cell["cell_type"] != "code":
        return False
    try:
        tree = ast.parse(_src(cell))
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "search_log" for t in node.targets):
            if not isinstance(node.value, ast.List) or not node.value.elts:
                return False
            for item in node.value.elts:
                keys = {k.value for k in getattr(item, "keys", []) if isinstance(k, ast.Constant)}
                if not {"query", "found", "where"} <= keys:
                    return False
            return True
    return False


def check_claim_tracing(name: str, cells: list[dict]) -> None:
    tracing = [i for i, c in enumerate(cells) if TAG in _tags(c)]
    assert all(_is_exercise(cells[i]) for i in tracing), f"{name}: tag {TAG!r} is for exercise cells"
    if name.startswith(MUST_TRACE):
        assert tracing, f"{name}: no claim-tracing exercise (tag an exercise cell {TAG!r})"
    revealed_from = None
    for i in tracing:
        text = _src(cells[i]).lower()
        title = _src(cells[i]).splitlines()[0]
        for word in ("search", "found", "where"):
            assert word in text, f"{name}: {title!r} does not ask what the student {word!r}"
        assert "offline" in text or "no internet" in text, f"{name}: {title!r} has no offline fallback"
        sol = next((j for j in range(i + 1, len(cells)) if "solution" in _tags(cells[j])), None)
        assert sol is not None, f"{name}: {title!r} has no solution"
        between = cells[i + 1 : sol]
        assert any(_records_searches(c) for c in between), (
            f"{name}: {title!r}: no cell before the solution records search_log (query, found, where)")
        assert re.search(r"medialit\.lead\(", _src(cells[sol])), f"{name}: {title!r}: the solution reveals no lead"
        if revealed_from is None:
            revealed_from = sol
    for j, cell in enumerate(cells):
        if _REVEAL.search(_src(cell)) and (revealed_from is None or j < revealed_from):
            raise AssertionError(f"{name}: cell {j} reveals a lead before any claim-tracing exercise's solution")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_claim_tracing_asks_for_own_search_before_leads(path):
    check_claim_tracing(path.name, json.loads(path.read_text(encoding="utf-8"))["cells"])


def _md(text, tags=()):
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)}, "source": text}


def _code(text, tags=()):
    return {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": text}


GOOD_EXERCISE = "### Exercise 1: Trace it\nSearch; record what you found and where. No internet? Write offline."
LOG = 'search_log = [{"query": "...", "found": "...", "where": "..."}]'


def test_a_good_exercise_passes():
    cells = [_md(GOOD_EXERCISE, ["exercise", TAG]), _code(LOG),
             _code('print(medialit.lead("x"))', ["solution"]), _md('Later: medialit.lead("y")')]
    check_claim_tracing("05-x.ipynb", cells)


@pytest.mark.parametrize("cells", [
    # the lead is shown before the student searches
    [_md('print(medialit.lead("x"))'), _md(GOOD_EXERCISE, ["exercise", TAG]), _code(LOG),
     _code('print(medialit.lead("x"))', ["solution"])],
    # no search log before the solution
    [_md(GOOD_EXERCISE, ["exercise", TAG]), _code('print(medialit.lead("x"))', ["solution"])],
    # a search log without "where"
    [_md(GOOD_EXERCISE, ["exercise", TAG]), _code('search_log = [{"query": "", "found": ""}]'),
     _code('print(medialit.lead("x"))', ["solution"])],
    # no offline fallback
    [_md("### Exercise 1: Trace\nSearch, say what you found and where.", ["exercise", TAG]), _code(LOG),
     _code('print(medialit.lead("x"))', ["solution"])],
    # a lesson that must trace claims has no claim-tracing exercise
    [_md("### Exercise 1: Other", ["exercise"]), _code("x = 1", ["solution"])],
])
def test_the_check_can_fail(cells):
    with pytest.raises(AssertionError):
        check_claim_tracing("05-x.ipynb", cells)
