"""Every lesson notebook has the course's shape (see ../shared/style.md, Carpentries).

Conventions checked here, for every ``lessons/NN-*.ipynb``:

* the first cell is Markdown: a ``# `` title, a time estimate (``**Time:** ... minutes``),
  ``**Prerequisites:**``, and an ``Objectives`` heading followed by 3 to 5 bullet points;
* at least two exercises: Markdown cells whose first line is a heading starting with
  ``Exercise``; each is followed, before the next exercise or section heading, by a
  solution cell tagged ``solution`` and ``hide-input``, with nbgrader metadata
  (``solution: true, grade: false, locked: false``, a unique ``grade_id``,
  ``schema_version: 3``) and ``jupyter.source_hidden: true``;
* a code cell calls ``medialit.quiz.show("lessonNN")`` and ``lessons/quizzes/lessonNN.yaml``
  has at least 5 questions of at least 2 types, one of them ``select-words``;
* ``## Key points`` and ``## Going further`` sections;
* no outputs or execution counts committed;
* no code cell defines a function longer than a few lines (helpers belong in the package).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
QUIZZES = LESSONS / "quizzes"
NOTEBOOKS = sorted(LESSONS.glob("[0-9][0-9]-*.ipynb"))
#: Longest function a notebook cell may define (lines, def line included).
MAX_HELPER_LINES = 6


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _is_exercise(cell: dict) -> bool:
    first = _source(cell).lstrip().splitlines()[0] if _source(cell).strip() else ""
    return cell["cell_type"] == "markdown" and bool(re.match(r"#+\s*Exercise\b", first))


def _is_section(cell: dict) -> bool:
    return cell["cell_type"] == "markdown" and bool(re.match(r"##?\s", _source(cell).lstrip()))


def _bank_id(path: Path) -> str:
    return "lesson" + path.name[:2]


def test_there_are_lessons():
    assert NOTEBOOKS, f"no lesson notebooks found in {LESSONS}"


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return request.param, _load(request.param)


def test_front_matter(notebook):
    path, nb = notebook
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown", f"{path.name}: the first cell must be Markdown"
    text = _source(first)
    assert re.match(r"#\s+\S", text), f"{path.name}: the first cell must start with a '# ' title"
    assert re.search(r"\*\*Time:?\*\*:?.*\d+\s*minutes", text), f"{path.name}: no time estimate"
    assert re.search(r"\*\*Prerequisites:?\*\*", text), f"{path.name}: no prerequisites"
    lines = text.splitlines()
    heading = next((i for i, line in enumerate(lines) if re.match(r"#+\s*Objectives", line)), None)
    assert heading is not None, f"{path.name}: no 'Objectives' heading in the first cell"
    bullets = []
    for line in lines[heading + 1 :]:
        if re.match(r"\s*[-*]\s+\S", line):
            bullets.append(line)
        elif line.strip() and bullets:
            break
    assert 3 <= len(bullets) <= 5, f"{path.name}: {len(bullets)} objectives, expected 3 to 5"


def test_exercises_have_hidden_nbgrader_solutions(notebook):
    path, nb = notebook
    cells = nb["cells"]
    exercises = [i for i, c in enumerate(cells) if _is_exercise(c)]
    assert len(exercises) >= 2, f"{path.name}: {len(exercises)} exercises, expected at least 2"
    grade_ids = []
    for i in exercises:
        solution = None
        for j in range(i + 1, len(cells)):
            if "solution" in _tags(cells[j]):
                solution = cells[j]
                break
            if _is_exercise(cells[j]) or _is_section(cells[j]):
                break
        title = _source(cells[i]).splitlines()[0]
        assert solution is not None, f"{path.name}: {title!r} has no solution cell after it"
        meta = solution["metadata"]
        where = f"{path.name}: {title!r} solution"
        assert "hide-input" in meta.get("tags", []), f"{where} is not tagged hide-input"
        assert meta.get("jupyter", {}).get("source_hidden") is True, f"{path.name}: {title!r}"
        grader = meta.get("nbgrader", {})
        assert grader.get("solution") is True and grader.get("grade") is False, title
        assert grader.get("locked") is False and grader.get("schema_version") == 3, title
        assert grader.get("grade_id"), f"{path.name}: {title!r} solution has no grade_id"
        grade_ids.append(grader["grade_id"])
    assert len(grade_ids) == len(set(grade_ids)), f"{path.name}: grade_id values repeat"


def test_quiz_bank_is_shown_and_big_enough(notebook):
    path, nb = notebook
    bank = _bank_id(path)
    call = f'quiz.show("{bank}")'
    calls = [c for c in nb["cells"] if c["cell_type"] == "code" and call in _source(c)]
    assert calls, f'{path.name}: no cell calls medialit.quiz.show("{bank}")'
    bank_path = QUIZZES / f"{bank}.yaml"
    assert bank_path.is_file(), f"{path.name}: {bank_path} is missing"
    data = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
    questions = data["questions"]
    assert len(questions) >= 5, f"{bank_path.name}: {len(questions)} questions, expected at least 5"
    types = {q["type"] for q in questions}
    assert len(types) >= 2, f"{bank_path.name}: only {types}"
    assert "select-words" in types, f"{bank_path.name}: needs a select-words question"
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids)), f"{bank_path.name}: question ids repeat"


def test_quiz_bank_validates_with_the_quiz_package(notebook):
    path, _ = notebook
    quiz = pytest.importorskip("medialit.quiz")
    load = getattr(quiz, "load_bank", None)
    if load is None:
        pytest.skip("medialit.quiz has no load_bank yet")
    bank = load(_bank_id(path))
    assert len(bank.questions) >= 5


def test_key_points_and_going_further(notebook):
    path, nb = notebook
    headings = [
        line.strip()
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
        for line in _source(c).splitlines()
        if line.startswith("#")
    ]
    assert "## Key points" in headings, f"{path.name}: no '## Key points' section"
    assert "## Going further" in headings, f"{path.name}: no '## Going further' section"


def test_no_outputs_committed(notebook):
    path, nb = notebook
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: cell {i} has outputs (clear them)"
            counted = cell.get("execution_count")
            assert counted is None, f"{path.name}: cell {i} has an execution count"


def test_no_long_helpers_in_cells(notebook):
    path, nb = notebook
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "\n".join(
            line for line in _source(cell).splitlines() if not line.lstrip().startswith(("%", "!"))
        )
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_HELPER_LINES, (
                    f"{path.name}: cell {i} defines {node.name!r} over {length} lines: "
                    "move it into the medialit package"
                )


def test_first_code_cell_sets_up_the_notebook(notebook):
    path, nb = notebook
    first_code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    message = f"{path.name}: call medialit.setup_notebook() in the first code cell"
    assert "setup_notebook()" in _source(first_code), message


def test_the_checks_can_fail():
    """A notebook that breaks every rule fails every check above."""
    helper = "def helper(a):\n" + "    a += 1\n" * 8 + "    return a\n"
    bad = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "# Title\n\nNo time, no objectives."},
        {"cell_type": "markdown", "metadata": {}, "source": "### Exercise 1: only one"},
        {"cell_type": "code", "metadata": {"tags": ["solution"]}, "source": "x = 1",
         "outputs": [{"output_type": "stream", "name": "stdout", "text": "1"}], "execution_count": 3},
        {"cell_type": "code", "metadata": {}, "source": helper, "outputs": [], "execution_count": None},
    ]}
    notebook = (Path("99-bad.ipynb"), bad)
    checks = [
        test_front_matter,
        test_exercises_have_hidden_nbgrader_solutions,
        test_quiz_bank_is_shown_and_big_enough,
        test_key_points_and_going_further,
        test_no_outputs_committed,
        test_no_long_helpers_in_cells,
        test_first_code_cell_sets_up_the_notebook,
    ]
    for check in checks:
        with pytest.raises(AssertionError):
            check(notebook)
