"""Student versions of the lesson notebooks: solutions out, nbgrader metadata kept.

A lesson notebook holds each exercise's model answer in a cell tagged
``solution`` (with nbgrader metadata ``"solution": true``). :func:`release`
writes a copy of each notebook for students in which

* every solution cell's source is replaced by a placeholder, as nbgrader's
  ``ClearSolutions`` does: ``# YOUR ANSWER HERE`` in a code cell, ``YOUR ANSWER
  HERE`` in a Markdown cell. If the cell marks its answer with ``### BEGIN
  SOLUTION`` / ``### END SOLUTION``, only the lines between the markers are
  replaced, so any starter code around them stays (inside an indented block
  the placeholder is followed by ``pass``, so the cell still parses);
* the cell is no longer hidden (``jupyter.source_hidden`` and tags such as
  ``hide-input`` are removed) so that
  students see where to write, and its nbgrader metadata is kept unchanged, so
  an instructor who uses nbgrader can carry on from the released files;
* cells tagged ``instructor`` (notes for the teacher) are dropped;
* outputs and execution counts are cleared.

The placeholder of a code cell is a comment, so a released notebook still runs
from top to bottom.

:func:`model_answers_markdown` collects every exercise and its model answer
into one Markdown page for the teacher (the instructor guide shows it).

Command line: ``medialit assignment release lessons/ OUT/``.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

__all__ = [
    "CODE_PLACEHOLDER",
    "MARKDOWN_PLACEHOLDER",
    "is_solution_cell",
    "model_answers",
    "model_answers_markdown",
    "release",
    "release_notebook",
]

#: What replaces a solution in a code cell (a comment, so the cell still runs).
CODE_PLACEHOLDER = "# YOUR ANSWER HERE"
#: What replaces a solution in a Markdown cell.
MARKDOWN_PLACEHOLDER = "YOUR ANSWER HERE"
#: Tag of cells that hold a model answer.
SOLUTION_TAG = "solution"
#: Tag of teacher-only notes, left out of student versions.
INSTRUCTOR_TAG = "instructor"

_BEGIN = "### BEGIN SOLUTION"
_END = "### END SOLUTION"


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


#: Tags with which Jupyter Book or JupyterLab extensions hide a cell or its input.
HIDING_TAGS = frozenset({"hide-input", "hide-cell", "hide-output", "remove-input", "remove-cell"})


def _tags(cell: dict[str, Any]) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return [str(t) for t in tags] if isinstance(tags, list) else []


def is_solution_cell(cell: dict[str, Any]) -> bool:
    """True for a cell tagged ``solution`` or marked ``nbgrader.solution: true``."""
    nbgrader = cell.get("metadata", {}).get("nbgrader", {})
    marked = isinstance(nbgrader, dict) and bool(nbgrader.get("solution"))
    return SOLUTION_TAG in _tags(cell) or marked


def _clear_solution(source: str, cell_type: str) -> str:
    placeholder = CODE_PLACEHOLDER if cell_type == "code" else MARKDOWN_PLACEHOLDER
    lines = source.splitlines()
    stripped_lines = {line.strip() for line in lines}
    if _BEGIN in stripped_lines and _END in stripped_lines:
        out: list[str] = []
        inside = False
        for line in lines:
            stripped = line.strip()
            if stripped == _BEGIN:
                inside = True
                indent = line[: len(line) - len(line.lstrip())]
                out.append(indent + placeholder)
                if indent and cell_type == "code":
                    out.append(indent + "pass")  # an indented block may not be only a comment
            elif stripped == _END:
                inside = False
            elif not inside:
                out.append(line)
        return "\n".join(out)
    return placeholder


def release_notebook(nb: dict[str, Any]) -> dict[str, Any]:
    """Return the student version of a notebook (a JSON dict); ``nb`` is not changed."""
    student = copy.deepcopy(nb)
    cells = []
    for cell in student.get("cells", []):
        if INSTRUCTOR_TAG in _tags(cell):
            continue
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        if is_solution_cell(cell):
            cell["source"] = _clear_solution(_source(cell), cell.get("cell_type", "code"))
            meta = cell.setdefault("metadata", {})
            jupyter = meta.get("jupyter")
            if isinstance(jupyter, dict):
                jupyter.pop("source_hidden", None)
                jupyter.pop("outputs_hidden", None)
                if not jupyter:
                    meta.pop("jupyter", None)
            # The answer cell is the student's to write: nothing may hide it in any viewer.
            if isinstance(meta.get("tags"), list):
                meta["tags"] = [t for t in meta["tags"] if t not in HIDING_TAGS]
        cells.append(cell)
    student["cells"] = cells
    return student


def _notebooks(source: Path) -> list[Path]:
    if not source.exists():
        raise FileNotFoundError(
            f"{source} does not exist: give a lesson notebook or a folder of them"
        )
    if source.is_file():
        if source.suffix != ".ipynb":
            raise ValueError(f"{source} is not a notebook: give an .ipynb file or a folder of them")
        return [source]
    found = sorted(p for p in source.glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise ValueError(f"{source} holds no .ipynb notebooks: give the lessons folder")
    return found


def _read(path: Path) -> dict[str, Any]:
    try:
        nb = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text: is it really a notebook?") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} line {exc.lineno}: not valid notebook JSON ({exc.msg})") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise ValueError(f"{path} is not a Jupyter notebook: it has no list of cells")
    return nb


def _write_atomic(path: Path, nb: dict[str, Any]) -> None:
    text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def release(source: str | os.PathLike[str], out: str | os.PathLike[str]) -> list[Path]:
    """Write student versions of the notebook(s) at ``source`` into the folder ``out``.

    ``source`` is one ``.ipynb`` file or a folder whose ``*.ipynb`` files are
    released (sub-folders are not searched). ``out`` is created if needed and
    must not be the folder the lessons come from. Returns the paths written,
    in lesson order. Raises ``FileNotFoundError`` or ``ValueError`` with a
    one-line message on a missing path or a file that is not a notebook.
    """
    source_path = Path(source)
    out_path = Path(out)
    notebooks = _notebooks(source_path)
    if out_path.exists() and not out_path.is_dir():
        raise ValueError(f"{out_path} is a file: give a folder to write the student notebooks to")
    lesson_dir = source_path if source_path.is_dir() else source_path.parent
    if out_path.exists() and out_path.resolve() == lesson_dir.resolve():
        raise ValueError(
            f"{out_path} is the lessons folder itself: choose another folder, "
            "or the model answers would be overwritten"
        )
    student_versions = [(nb_path, release_notebook(_read(nb_path))) for nb_path in notebooks]
    out_path.mkdir(parents=True, exist_ok=True)
    written = []
    for nb_path, student in student_versions:
        target = out_path / nb_path.name
        _write_atomic(target, student)
        written.append(target)
    return written


def _title(nb: dict[str, Any], path: Path) -> str:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def model_answers(source: str | os.PathLike[str]) -> list[dict[str, str]]:
    """Every exercise of the notebook(s) at ``source`` with its model answer, in lesson order.

    Each item has ``lesson`` (the notebook's ``# `` title), ``exercise`` (the
    first line of the last Markdown heading before the solution, without the
    ``#`` marks), ``grade_id``, ``cell_type`` and ``answer`` (the solution
    cell's source).
    """
    out = []
    for path in _notebooks(Path(source)):
        nb = _read(path)
        lesson = _title(nb, path)
        heading = ""
        for cell in nb["cells"]:
            text = _source(cell)
            if cell.get("cell_type") == "markdown" and text.lstrip().startswith("#"):
                heading = text.lstrip().splitlines()[0].lstrip("#").strip()
            if is_solution_cell(cell):
                grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
                out.append({"lesson": lesson, "exercise": heading, "grade_id": str(grade_id),
                            "cell_type": str(cell.get("cell_type", "code")), "answer": text})
    return out


def model_answers_markdown(source: str | os.PathLike[str]) -> str:
    """:func:`model_answers` as one Markdown page: a section per lesson, the exercise as a
    bold line, the model answer as a code block (written answers are comments)."""
    parts: list[str] = []
    lesson = None
    for item in model_answers(source):
        if item["lesson"] != lesson:
            lesson = item["lesson"]
            parts.append(f"### {lesson}")
        body = item["answer"]
        ticks = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", body)), default=0))
        language = "python" if item["cell_type"] == "code" else "text"
        parts.append(f"**{item['exercise']}** (`{item['grade_id']}`)\n\n"
                     f"{ticks}{language}\n{body}\n{ticks}")
    return "\n\n".join(parts) + "\n"
