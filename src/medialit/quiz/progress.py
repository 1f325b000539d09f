"""Students' saved answers: one JSON progress file, written atomically, read tolerantly.

Location: ``$MEDIALIT_PROGRESS`` if set, else ``~/.medialit/progress.json``.
Layout::

    {"format": "medialit-progress", "version": 1, "student": "optional name",
     "banks": {"lesson03": {"title": "...", "questions": {
         "q1": {"answer": 0, "score": 1.0, "points": 1.0, "correct": true,
                "attempts": 2, "saved_at": "2026-11-26T01:00:00+00:00"}}}}}

Every save re-reads the file and changes one entry, so two notebooks open at
once keep each other's answers. Writes go to a temporary file in the same
folder, then ``os.replace``: an interrupted write leaves the previous file. A
file that cannot be read is copied to ``progress.json.corrupt-<time>``, a
warning says where, and whatever entries are still readable are kept.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .grading import Grade, grade
from .schema import Bank

__all__ = [
    "ProgressWarning",
    "bank_score",
    "load_progress",
    "progress_path",
    "record_answer",
    "saved_answer",
    "saved_entry",
    "set_student",
    "submit_bank",
    "bank_submitted",
]

FORMAT = "medialit-progress"


class ProgressWarning(UserWarning):
    """The progress file was unreadable (a backup was kept) or could not be written."""


def progress_path() -> Path:
    """Where answers are saved: ``$MEDIALIT_PROGRESS`` or ``~/.medialit/progress.json``."""
    env = os.environ.get("MEDIALIT_PROGRESS")
    return Path(env).expanduser() if env else Path.home() / ".medialit" / "progress.json"


def _empty() -> dict:
    return {"format": FORMAT, "version": 1, "banks": {}}


def _salvage(data: Any) -> tuple[dict, bool]:
    """Keep every well-formed bank and question entry; report whether anything was dropped."""
    out = _empty()
    if not isinstance(data, dict) or not isinstance(data.get("banks"), dict):
        return out, True
    dropped = False
    for key in ("student", "student_id"):
        if isinstance(data.get(key), str):
            out[key] = data[key]
    for bank_id, bank in data["banks"].items():
        if not isinstance(bank, dict) or not isinstance(bank.get("questions"), dict):
            dropped = True
            continue
        questions = {}
        for qid, entry in bank["questions"].items():
            if isinstance(entry, dict) and "answer" in entry:
                questions[str(qid)] = entry
            else:
                dropped = True
        out["banks"][str(bank_id)] = {**bank, "questions": questions}
    return out, dropped


def _backup(path: Path) -> Path:
    content = path.read_bytes()
    for old in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        try:
            if old.read_bytes() == content:
                return old
        except OSError:
            continue
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    shutil.copy2(path, backup)
    return backup


def load_progress(path: str | os.PathLike | None = None, repair: bool = True) -> dict:
    """Read a progress file; a missing file gives an empty record.

    An unreadable or partly malformed file never raises: with ``repair`` (the
    default) it is copied to a ``.corrupt-<time>`` backup and a
    :class:`ProgressWarning` says so; the readable entries are returned.
    """
    p = Path(path) if path is not None else progress_path()
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        return _empty()
    except OSError as exc:
        warnings.warn(f"cannot read progress file {p} ({exc}); starting empty", ProgressWarning,
                      stacklevel=2)
        return _empty()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        data = None
    progress, dropped = _salvage(data)
    if dropped:
        note = "kept the readable answers" if progress["banks"] else "starting afresh"
        if repair:
            try:
                backup = _backup(p)
                note += f"; the old file is saved as {backup}"
            except OSError as exc:
                note += f"; could not back it up ({exc})"
        warnings.warn(f"progress file {p} was damaged: {note}", ProgressWarning, stacklevel=2)
    return progress


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def record_answer(bank_id: str, question_id: str, answer: Any, result: Grade | None = None,
                  title: str | None = None, path: str | os.PathLike | None = None,
                  mode: str | None = None) -> dict:
    """Save one answer (and its grade) and return the saved entry.

    The file is re-read first, so other lessons' answers are never dropped;
    the write is atomic. Raises ``OSError`` if the file cannot be written (the
    previous file is then left as it was).
    """
    p = Path(path) if path is not None else progress_path()
    data = load_progress(p)
    bank = data["banks"].setdefault(bank_id, {"questions": {}})
    if title:
        bank["title"] = title
    old = bank["questions"].get(question_id, {})
    attempts = old.get("attempts", 0) if isinstance(old.get("attempts"), int) else 0
    entry = {
        "answer": answer,
        "attempts": attempts + 1,
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    if result is not None:
        entry.update(score=result.score, points=result.points, correct=result.correct)
    if mode is not None:
        entry["mode"] = mode
    bank["questions"][question_id] = entry
    _write(p, data)
    return entry


def saved_entry(bank_id: str, question_id: str, path: str | os.PathLike | None = None) -> dict | None:
    """The saved entry (answer, score, points, attempts, saved_at) of one question, or None."""
    data = load_progress(path)
    entry = data["banks"].get(bank_id, {}).get("questions", {}).get(question_id)
    return entry if isinstance(entry, dict) else None


def saved_answer(bank_id: str, question_id: str, path: str | os.PathLike | None = None) -> Any:
    """The student's saved answer to one question (e.g. a Lesson 0 reflection), or None.

    >>> saved_answer("lesson00", "no-such-question") is None
    True
    """
    entry = saved_entry(bank_id, question_id, path)
    return None if entry is None else entry.get("answer")


def set_student(name: str, path: str | os.PathLike | None = None, student_id: str | None = None) -> None:
    """Write the student's name (and the id the school's LMS knows them by) into the progress file.

    ``medialit progress report`` shows the name; ``--format canvas|moodle`` matches
    students by ``student_id`` (Canvas: SIS user ID; Moodle: ID number or email address).
    """
    p = Path(path) if path is not None else progress_path()
    data = load_progress(p)
    data["student"] = str(name)
    if student_id is not None:
        data["student_id"] = str(student_id)
    _write(p, data)


def submit_bank(bank_id: str, mode: str = "exam", path: str | os.PathLike | None = None) -> str:
    """Record that the student submitted ``bank_id`` (in exam mode); returns the time saved.

    After this the quiz views lock the answers and show the feedback.
    """
    p = Path(path) if path is not None else progress_path()
    data = load_progress(p)
    bank = data["banks"].setdefault(bank_id, {"questions": {}})
    bank["mode"] = mode
    bank["submitted_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    _write(p, data)
    return bank["submitted_at"]


def bank_submitted(bank_id: str, path: str | os.PathLike | None = None) -> bool:
    """True once :func:`submit_bank` has been called for ``bank_id``."""
    bank = load_progress(path)["banks"].get(bank_id, {})
    return isinstance(bank, dict) and bool(bank.get("submitted_at"))


def bank_score(bank: Bank, progress: dict) -> tuple[float, float, int, int]:
    """``(score, points, checked, graded)`` of ``bank`` in a progress record.

    Saved answers are graded again against the bank as it is now (a score
    typed into the file counts for nothing); questions no longer in the bank
    are ignored.
    """
    saved = progress.get("banks", {}).get(bank.id, {}).get("questions", {})
    score = points = 0.0
    checked = graded = 0
    for q in bank.questions:
        if not q.graded:
            continue
        graded += 1
        points += q.points
        entry = saved.get(q.id)
        if isinstance(entry, dict) and "answer" in entry:
            result = grade(q, entry["answer"])
            if result.answered:
                checked += 1
                score += result.score
    return round(score, 4), points, checked, graded
