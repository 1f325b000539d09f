"""``medialit assignment release``: student notebooks keep no model answers and still run."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from medialit.assignment import (
    CODE_PLACEHOLDER,
    MARKDOWN_PLACEHOLDER,
    is_solution_cell,
    model_answers,
    model_answers_markdown,
    release,
    release_notebook,
)
from medialit.cli import main

LESSONS = Path(__file__).resolve().parents[1] / "lessons"


def _nbgrader(grade_id: str) -> dict:
    return {"solution": True, "grade": False, "locked": False, "grade_id": grade_id,
            "schema_version": 3}


def _lesson() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    exercise = nbformat.v4.new_markdown_cell("### Exercise 1\nCount the words.")
    setup = nbformat.v4.new_code_cell("words = 'Many expected progress'.split()")
    answer_code = nbformat.v4.new_code_cell("secret_answer = len(words)\nprint(secret_answer)")
    answer_code.metadata = {"tags": ["solution"], "nbgrader": _nbgrader("ex1"),
                            "jupyter": {"source_hidden": True}}
    answer_code.outputs = [nbformat.v4.new_output("stream", text="3\n")]
    answer_code.execution_count = 4
    answer_md = nbformat.v4.new_markdown_cell("The *unnamed crowd* is the source here.")
    answer_md.metadata = {"tags": ["solution"], "nbgrader": _nbgrader("ex2"),
                          "jupyter": {"source_hidden": True}}
    starter = nbformat.v4.new_code_cell(
        "def count(text):\n    ### BEGIN SOLUTION\n    return len(text.split())\n"
        "    ### END SOLUTION\n"
    )
    starter.metadata = {"nbgrader": _nbgrader("ex3")}
    note = nbformat.v4.new_markdown_cell("Instructor: students often miss the pronoun.")
    note.metadata = {"tags": ["instructor"]}
    after = nbformat.v4.new_code_cell("print(len(words))")
    nb.cells = [exercise, setup, answer_code, answer_md, starter, note, after]
    return nb


def _write(path: Path, nb) -> Path:
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return path


def test_solutions_are_replaced_and_metadata_kept(tmp_path):
    src = _write(tmp_path / "05-demo.ipynb", _lesson())
    written = release(src, tmp_path / "out")
    assert written == [tmp_path / "out" / "05-demo.ipynb"]
    student = json.loads(written[0].read_text(encoding="utf-8"))
    text = json.dumps(student)
    for secret in ("secret_answer", "unnamed crowd", "return len(text.split())", "Instructor:"):
        assert secret not in text
    cells = student["cells"]
    assert len(cells) == 6  # the instructor note is gone
    code, md, starter = cells[2], cells[3], cells[4]
    assert code["source"] == CODE_PLACEHOLDER
    assert code["outputs"] == [] and code["execution_count"] is None
    assert md["source"] == MARKDOWN_PLACEHOLDER
    assert starter["source"].splitlines() == ["def count(text):", "    " + CODE_PLACEHOLDER,
                                              "    pass"]
    assert code["metadata"]["nbgrader"] == _nbgrader("ex1")
    assert code["metadata"]["tags"] == ["solution"]
    assert "jupyter" not in code["metadata"]  # no longer hidden from the student
    assert "".join(cells[0]["source"]).startswith("### Exercise 1")  # other cells untouched
    nbformat.validate(nbformat.reads(written[0].read_text(encoding="utf-8"), as_version=4))


def test_the_lesson_itself_is_not_changed(tmp_path):
    nb = json.loads(nbformat.writes(_lesson()))
    before = json.dumps(nb, sort_keys=True)
    release_notebook(nb)
    assert json.dumps(nb, sort_keys=True) == before


def test_released_notebook_runs(tmp_path):
    written = release(_write(tmp_path / "lesson.ipynb", _lesson()), tmp_path / "out")
    nb = nbformat.read(written[0], as_version=4)
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert nb.cells[-1].outputs[0]["text"] == "3\n"


def test_is_solution_cell_by_tag_or_metadata():
    assert is_solution_cell({"metadata": {"tags": ["solution"]}})
    assert is_solution_cell({"metadata": {"nbgrader": {"solution": True}}})
    assert not is_solution_cell({"metadata": {"nbgrader": {"solution": False},
                                              "tags": ["exercise"]}})


def test_cli_release(tmp_path, capsys):
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    _write(lessons / "05-a.ipynb", _lesson())
    _write(lessons / "06-b.ipynb", _lesson())
    (lessons / "quizzes").mkdir()
    assert main(["assignment", "release", str(lessons), str(tmp_path / "OUT")]) == 0
    out, err = capsys.readouterr()
    assert out.split() == [str(tmp_path / "OUT" / name) for name in ("05-a.ipynb", "06-b.ipynb")]
    assert "wrote 2 student notebook(s)" in err


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d: d / "missing", "does not exist"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "holds no .ipynb"),
        (lambda d: (d / "bad.ipynb").write_text("{not json", encoding="utf-8") and d / "bad.ipynb",
         "not valid notebook JSON"),
        (lambda d: (d / "x.txt").write_text("hi", encoding="utf-8") and d / "x.txt",
         "is not a notebook"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, capsys, setup, message):
    source = setup(tmp_path)
    assert main(["assignment", "release", str(source), str(tmp_path / "OUT")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "OUT").exists()


def test_refuses_to_overwrite_the_lessons(tmp_path):
    src = _write(tmp_path / "lesson.ipynb", _lesson())
    with pytest.raises(ValueError, match="lessons folder itself"):
        release(tmp_path, tmp_path)
    assert "secret_answer" in src.read_text(encoding="utf-8")


def _real_lessons() -> list[Path]:
    found = sorted(LESSONS.glob("*.ipynb"))
    if not found:
        pytest.skip("no lesson notebooks in lessons/ yet")
    return found


def test_real_lessons_keep_no_solution(tmp_path):
    lessons = _real_lessons()
    written = release(LESSONS, tmp_path / "student")
    assert [p.name for p in written] == [p.name for p in lessons]
    for original, student_path in zip(lessons, written, strict=True):
        teacher = json.loads(original.read_text(encoding="utf-8"))
        student = json.loads(student_path.read_text(encoding="utf-8"))
        student_sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                           for c in student["cells"]]
        solutions = [c for c in teacher["cells"] if is_solution_cell(c)]
        shared = "\n".join("".join(c["source"]) for c in teacher["cells"]
                           if not is_solution_cell(c))
        for cell in solutions:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            answer_lines = [ln.strip() for ln in source.splitlines()
                            if ln.strip() and "SOLUTION" not in ln]
            for line in answer_lines:
                if len(line) < 12 or line in shared:  # not the answer: also outside solutions
                    continue
                leaked = [s for s in student_sources if line in s]
                assert not leaked, f"{original.name}: solution line survives: {line!r}"
        kept = [c for c in student["cells"] if is_solution_cell(c)]
        assert len(kept) == len(solutions), f"{original.name}: a solution cell went missing"
        assert all(c["metadata"].get("nbgrader", {}).get("grade_id") for c in kept)
        for cell in kept:  # the student's answer cell is hidden nowhere
            assert not set(cell["metadata"].get("tags", [])) & {"hide-input", "hide-cell", "remove-input"}
            assert "source_hidden" not in cell["metadata"].get("jupyter", {})


# That every released lesson still runs top to bottom is tested in tests/test_notebooks.py
# (test_student_version_runs_clean), which executes release_notebook() of each lesson.


def test_real_lessons_follow_nbgrader_cell_rules():
    """nbgrader refuses a Markdown solution cell that is not graded, and a code cell that is
    both graded and a solution; grade ids must be unique and match nbgrader's pattern."""
    for path in _real_lessons():
        nb = json.loads(path.read_text(encoding="utf-8"))
        ids = []
        for cell in nb["cells"]:
            meta = cell.get("metadata", {}).get("nbgrader")
            if not meta:
                continue
            grade, solution = bool(meta.get("grade")), bool(meta.get("solution"))
            where = f"{path.name}: {meta.get('grade_id')!r}"
            if cell["cell_type"] == "markdown":
                assert grade == solution, f"{where}: nbgrader needs Markdown answers graded"
            else:
                assert not (grade and solution), f"{where}: code cell both graded and solution"
            assert re.fullmatch(r"[a-zA-Z0-9_\-]+", meta.get("grade_id", "")), where
            ids.append(meta["grade_id"])
        assert len(ids) == len(set(ids)), f"{path.name}: grade_id values repeat"


def test_model_answers_collects_each_exercise(tmp_path):
    nb = _lesson()
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("# Lesson 9 · Demo\n\nText."))
    nb.cells[4].source = "A reply with ``` fences inside."
    src = _write(tmp_path / "09-demo.ipynb", nb)
    answers = model_answers(src)
    assert [a["grade_id"] for a in answers] == ["ex1", "ex2", "ex3"]
    assert answers[0]["lesson"] == "Lesson 9 · Demo"
    assert answers[0]["exercise"] == "Exercise 1"
    assert "secret_answer" in answers[0]["answer"]
    page = model_answers_markdown(src)
    assert page.startswith("### Lesson 9 · Demo")
    assert "````text\nA reply with ``` fences inside.\n````" in page


def test_model_answers_of_the_real_lessons():
    lessons = _real_lessons()
    answers = model_answers(LESSONS)
    for path in lessons:
        nb = json.loads(path.read_text(encoding="utf-8"))
        expected = sum(is_solution_cell(c) for c in nb["cells"])
        title = next(line[2:] for line in "".join(nb["cells"][0]["source"]).splitlines()
                     if line.startswith("# "))
        mine = [a for a in answers if a["lesson"] == title.strip()]
        assert len(mine) == expected, f"{path.name}: {len(mine)} model answers, {expected} solutions"
        assert all(a["exercise"].startswith("Exercise") for a in mine), path.name


# ----------------------------------------------------------------------------- issue 17: release cannot hurt


def _class_copy(tmp_path: Path) -> Path:
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    _write(copy_dir / "05-a.ipynb", _lesson())
    _write(copy_dir / "06-b.ipynb", _lesson())
    return copy_dir


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.ipynb"))}


def test_out_inside_the_source_is_refused(tmp_path, capsys):
    copy_dir = _class_copy(tmp_path)
    before = _snapshot(copy_dir)
    assert main(["assignment", "release", str(copy_dir), str(copy_dir / "student")]) == 2
    err = capsys.readouterr().err
    assert "inside the lessons folder" in err and err.count("\n") == 1
    assert not (copy_dir / "student").exists() and _snapshot(copy_dir) == before


def test_release_swap_cannot_overwrite_the_model_answers(tmp_path, capsys):
    """copy -> student, then student back over copy: refused, every solution kept."""
    copy_dir = _class_copy(tmp_path)
    before = _snapshot(copy_dir)
    student = tmp_path / "student"
    assert main(["assignment", "release", str(copy_dir), str(student)]) == 0
    capsys.readouterr()
    assert main(["assignment", "release", str(student), str(copy_dir)]) == 2
    err = capsys.readouterr().err
    assert "is a student version" in err and err.count("\n") == 1
    assert _snapshot(copy_dir) == before
    # A student version without the mark (an older release, an edited file) is still refused,
    # because the notebooks it would replace still have solution cells.
    for path in student.glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        del nb["metadata"]["medialit"]
        path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(ValueError, match="has solution cells"):
        release(student, copy_dir)
    assert _snapshot(copy_dir) == before
    assert "secret_answer" in (copy_dir / "05-a.ipynb").read_text(encoding="utf-8")


def test_release_again_replaces_the_earlier_student_version(tmp_path):
    copy_dir = _class_copy(tmp_path)
    first = release(copy_dir, tmp_path / "student")
    second = release(copy_dir, tmp_path / "student")
    assert first == second


def _cell(source: str, tags=None, **meta) -> dict:
    cell = nbformat.v4.new_code_cell(source)
    if tags is not None:
        cell.metadata["tags"] = tags
    cell.metadata.update(meta)
    return cell


@pytest.mark.parametrize("tags", ["solution", "Solution", ["SOLUTION"], [" solution "]])
def test_solution_tags_any_case_string_or_list(tags):
    nb = nbformat.v4.new_notebook()
    nb.cells = [_cell("secret_answer = 42", tags=tags)]
    student = release_notebook(json.loads(nbformat.writes(nb)))
    assert "secret_answer" not in json.dumps(student)


@pytest.mark.parametrize("source, problem", [
    ("x = 1\n### END SOLUTION\nsecret_answer = 2\n### BEGIN SOLUTION\n", "END SOLUTION without a BEGIN"),
    ("### BEGIN SOLUTION\nsecret_answer = 1\n### BEGIN SOLUTION\nmore\n### END SOLUTION\n", "again before"),
    ("### BEGIN SOLUTION\nsecret_answer = 1\n", "never closed"),
    ("secret_answer = 1\n### end solution\n", "without a BEGIN"),
])
def test_unbalanced_or_swapped_markers_are_refused(tmp_path, source, problem):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Lesson"), _cell(source)]  # untagged: markers suffice
    path = _write(tmp_path / "lesson.ipynb", nb)
    with pytest.raises(ValueError, match=problem) as info:
        release(path, tmp_path / "out")
    assert "lesson.ipynb cell 2 line" in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "out").exists()


def test_repeated_marker_pairs_all_cleared():
    nb = nbformat.v4.new_notebook()
    nb.cells = [_cell("a = 1\n### BEGIN SOLUTION\nsecret_one = 1\n### END SOLUTION\n"
                      "b = 2\n### begin solution\nsecret_two = 2\n### End Solution\n")]
    student = release_notebook(json.loads(nbformat.writes(nb)))
    source = student["cells"][0]["source"]
    assert "secret" not in source and "a = 1" in source and "b = 2" in source
    assert source.count(CODE_PLACEHOLDER) == 2


def test_attachments_and_widget_state_are_stripped():
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell("![answer](attachment:answer.png)")
    answer.metadata["tags"] = ["solution"]
    answer["attachments"] = {"answer.png": {"image/png": "c2VjcmV0X2Fuc3dlcg=="}}
    nb.cells = [answer]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"m1": {"state": {"value": "secret_answer"}}}}}
    student = release_notebook(json.loads(nbformat.writes(nb)))
    text = json.dumps(student)
    assert "attachments" not in student["cells"][0] and "c2VjcmV0X2Fuc3dlcg" not in text
    assert "widgets" not in student["metadata"] and "secret_answer" not in text
    assert student["metadata"]["medialit"]["released"] is True


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_released_notebooks_have_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        written = release(_write(tmp_path / "lesson.ipynb", _lesson()), tmp_path / "out")
    finally:
        os.umask(old)
    assert stat.S_IMODE(written[0].stat().st_mode) == 0o644
    leftovers = [p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
