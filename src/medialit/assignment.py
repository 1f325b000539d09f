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
* outputs and execution counts are cleared, attachments of solution cells and
  the saved widget state of the notebook are dropped;
* the notebook's metadata says it is a student version
  (``metadata.medialit.released``), so that medialit never takes it for the
  lessons (see below).

Solution cells are recognised strictly: a ``solution`` tag in any case, as a
list or a single string; nbgrader's ``solution: true``; or ``BEGIN SOLUTION``
/ ``END SOLUTION`` markers, which must come in order and in pairs (anything
else is refused with the notebook, the cell and the line).

Release cannot hurt the instructor: it refuses an OUT folder that is the
source or inside it, a source that is itself a student version, and it never
overwrites a notebook that still has solution cells (only earlier student
versions are replaced). Files are written atomically with normal permissions
(the umask's, as any new file).

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
from pathlib import Path
from typing import Any

from .safefile import write_atomic

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
_MARKER = re.compile(r"^\s*#*\s*(BEGIN|END)\s+SOLUTION\s*$", re.I)
#: Where a student version records that it is one.
RELEASE_KEY = "medialit"


class MarkerError(ValueError):
    """BEGIN/END SOLUTION markers that are not in order and in pairs (one line, says where)."""


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


#: Tags with which Jupyter Book or JupyterLab extensions hide a cell or its input.
HIDING_TAGS = frozenset({"hide-input", "hide-cell", "hide-output", "remove-input", "remove-cell"})


def _tags(cell: dict[str, Any]) -> list[str]:
    """The cell's tags, lower-cased; a single string counts as one tag."""
    meta = cell.get("metadata")
    tags = meta.get("tags", []) if isinstance(meta, dict) else []
    if isinstance(tags, str):
        tags = [tags]
    return [str(t).strip().lower() for t in tags] if isinstance(tags, list) else []


def _markers(source: str) -> list[tuple[int, str]]:
    """``(line number, "BEGIN" or "END")`` of each solution marker in ``source``."""
    return [(n, m.group(1).upper()) for n, line in enumerate(source.splitlines(), start=1)
            if (m := _MARKER.match(line))]


def is_solution_cell(cell: dict[str, Any]) -> bool:
    """True for a cell tagged ``solution`` (any case, list or string), marked
    ``nbgrader.solution: true``, or holding BEGIN/END SOLUTION markers.

    >>> is_solution_cell({"metadata": {"tags": "Solution"}, "source": ""})
    True
    """
    meta = cell.get("metadata")
    nbgrader = meta.get("nbgrader", {}) if isinstance(meta, dict) else {}
    marked = isinstance(nbgrader, dict) and bool(nbgrader.get("solution"))
    return SOLUTION_TAG in _tags(cell) or marked or bool(_markers(_source(cell)))


def check_markers(source: str, where: str = "the cell") -> None:
    """Raise :class:`MarkerError` unless every BEGIN SOLUTION is closed by an END SOLUTION, in order."""
    open_at = None
    for line, kind in _markers(source):
        if kind == "BEGIN" and open_at is not None:
            raise MarkerError(f"{where} line {line}: BEGIN SOLUTION again before the END SOLUTION of line "
                              f"{open_at}: close each solution before the next")
        if kind == "END" and open_at is None:
            raise MarkerError(f"{where} line {line}: END SOLUTION without a BEGIN SOLUTION before it: "
                              "check the order of the markers")
        open_at = line if kind == "BEGIN" else None
    if open_at is not None:
        raise MarkerError(f"{where} line {open_at}: BEGIN SOLUTION is never closed: add ### END SOLUTION")


def _clear_solution(source: str, cell_type: str) -> str:
    placeholder = CODE_PLACEHOLDER if cell_type == "code" else MARKDOWN_PLACEHOLDER
    if not _markers(source):
        return placeholder
    out: list[str] = []
    inside = False
    for line in source.splitlines():
        marker = _MARKER.match(line)
        if marker and marker.group(1).upper() == "BEGIN":
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + placeholder)
            if indent and cell_type == "code":
                out.append(indent + "pass")  # an indented block may not be only a comment
        elif marker:
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


def _unhide(meta: dict[str, Any]) -> None:
    jupyter = meta.get("jupyter")
    if isinstance(jupyter, dict):
        jupyter.pop("source_hidden", None)
        jupyter.pop("outputs_hidden", None)
        if not jupyter:
            meta.pop("jupyter", None)
    # The answer cell is the student's to write: nothing may hide it in any viewer.
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [t for t in meta["tags"] if str(t).lower() not in HIDING_TAGS]


def is_release(nb: dict[str, Any]) -> bool:
    """True for a student version written by :func:`release` (it says so in its metadata)."""
    meta = nb.get("metadata")
    mark = meta.get(RELEASE_KEY) if isinstance(meta, dict) else None
    return isinstance(mark, dict) and bool(mark.get("released"))


def release_notebook(nb: dict[str, Any], name: str = "the notebook") -> dict[str, Any]:
    """Return the student version of a notebook (a JSON dict); ``nb`` is not changed.

    Raises :class:`MarkerError` (naming ``name``, the cell and the line) on
    BEGIN/END SOLUTION markers that are not in order and in pairs.
    """
    student = copy.deepcopy(nb)
    cells = []
    for number, cell in enumerate(student.get("cells", []), start=1):
        if INSTRUCTOR_TAG in _tags(cell):
            continue
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        if is_solution_cell(cell):
            source = _source(cell)
            check_markers(source, f"{name} cell {number}")
            cell["source"] = _clear_solution(source, cell.get("cell_type", "code"))
            cell.pop("attachments", None)
            meta = cell.setdefault("metadata", {})
            if isinstance(meta, dict):
                _unhide(meta)
        cells.append(cell)
    student["cells"] = cells
    meta = student.setdefault("metadata", {})
    meta.pop("widgets", None)  # saved widget state can hold the answers shown when it was saved
    meta[RELEASE_KEY] = {"released": True, "note": "student version: solutions removed by medialit"}
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


def _write(path: Path, nb: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(nb, indent=1, ensure_ascii=False) + "\n", fsync=False)


def _check_folders(source_path: Path, out_path: Path) -> None:
    if out_path.exists() and not out_path.is_dir():
        raise ValueError(f"{out_path} is a file: give a folder to write the student notebooks to")
    lesson_dir = (source_path if source_path.is_dir() else source_path.parent).resolve()
    out_dir = out_path.resolve()
    if out_dir == lesson_dir:
        raise ValueError(
            f"{out_path} is the lessons folder itself: choose another folder, "
            "or the model answers would be overwritten"
        )
    if out_dir.is_relative_to(lesson_dir) and source_path.is_dir():
        raise ValueError(f"{out_path} is inside the lessons folder {source_path}: choose a folder "
                         "outside it, so that student versions never mix with the model answers")


def _check_target(target: Path) -> None:
    """Refuse to replace anything but an earlier student version (or a notebook without solutions)."""
    if not target.exists():
        return
    try:
        existing = _read(target)
    except ValueError:
        raise ValueError(f"{target} exists and is not a notebook medialit wrote: move it away "
                         "or choose another folder") from None
    if not is_release(existing) and any(is_solution_cell(c) for c in existing["cells"]):
        raise ValueError(f"{target} has solution cells (model answers) and is not a student version: "
                         "it is not overwritten; choose another folder (or delete it if it is an old student version)")


def release(source: str | os.PathLike[str], out: str | os.PathLike[str]) -> list[Path]:
    """Write student versions of the notebook(s) at ``source`` into the folder ``out``.

    ``source`` is one ``.ipynb`` file or a folder whose ``*.ipynb`` files are
    released (sub-folders are not searched). ``out`` is created if needed; it
    must not be the lessons folder or inside it, the source must not be a
    student version itself, and a notebook in ``out`` that still has solution
    cells is never overwritten. Nothing is written unless every check passes.
    Returns the paths written, in lesson order. Raises ``FileNotFoundError``
    or ``ValueError`` with a one-line message.
    """
    source_path = Path(source)
    out_path = Path(out)
    notebooks = _notebooks(source_path)
    _check_folders(source_path, out_path)
    student_versions = []
    for nb_path in notebooks:
        nb = _read(nb_path)
        if is_release(nb):
            raise ValueError(f"{nb_path} is a student version (written by medialit assignment release): "
                             "release from the lessons that have the model answers")
        student_versions.append((nb_path, release_notebook(nb, str(nb_path))))
    for nb_path, _ in student_versions:
        _check_target(out_path / nb_path.name)
    out_path.mkdir(parents=True, exist_ok=True)
    written = []
    for nb_path, student in student_versions:
        target = out_path / nb_path.name
        _write(target, student)
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
