"""Students' saved answers: one JSON progress file, locked, merged, written atomically.

Location: ``$MEDIALIT_PROGRESS`` if set, else ``~/.medialit/progress.json``.
Layout::

    {"format": "medialit-progress", "version": 1, "student": "optional name",
     "banks": {"lesson03": {"title": "...", "questions": {
         "q1": {"answer": 0, "score": 1.0, "points": 1.0, "correct": true,
                "attempts": 2, "saved_at": "2026-11-26T01:00:00.123456+00:00"}}}}}

Every save takes a lock (``progress.json.lock``, from the ``filelock``
library, which works on Linux, macOS and Windows), re-reads the file, merges
its answer into it (per question, the later ``saved_at`` wins) and writes it
back, so notebooks and processes saving at the same moment keep each other's
answers. Writes go to a temporary file in the same folder, then
``os.replace``: an interrupted write leaves the previous file, and the
temporary files a killed process leaves behind are removed by the next save.

A file is never replaced unless it was read: a damaged file (not JSON, nested
too deeply, over :data:`MAX_PROGRESS_BYTES`) is first kept as
``progress.json.corrupt-<time>`` and a warning says where, and the readable
entries are kept; a file that cannot be read at all (no permission, not a
regular file) makes the save fail with a one-line :class:`ProgressError`
naming it, and the file is left as it is.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from ..safefile import clean_orphans, write_atomic
from .grading import Grade, grade
from .migrations import migrate
from .schema import Bank

__all__ = [
    "MAX_PROGRESS_BYTES",
    "ProgressError",
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
#: Largest progress file read: 10 MB. A whole course of answers takes a few
#: hundred KB; anything bigger is not a progress file medialit wrote.
MAX_PROGRESS_BYTES = 10_000_000
#: Seconds a save waits for other processes' saves before giving up. Saves take
#: milliseconds, but the lock is not fair: under a burst of saves from several
#: processes on a busy machine one of them can wait for a long time.
LOCK_TIMEOUT = 120.0

_T = TypeVar("_T")


class ProgressWarning(UserWarning):
    """The progress file was unreadable (a backup was kept) or could not be written."""


class ProgressError(OSError):
    """An answer could not be saved; the one-line message names the file and what to do."""


class _Damaged(Exception):
    """The file was read but cannot be used as it is (the message says why)."""


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


def _backup(path: Path, move: bool = False) -> Path:
    """Keep a copy of a damaged file (``move``: rename it, for a file too big to copy)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    if move:
        os.replace(path, backup)
        return backup
    content = path.read_bytes()
    for old in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        try:
            if old.stat().st_size == len(content) and old.read_bytes() == content:
                return old
        except OSError:
            continue
    shutil.copy2(path, backup)
    return backup


def _read_raw(path: Path) -> bytes | None:
    """The file's bytes, or None when there is no file.

    Raises ``OSError`` when it cannot be read (permissions, a folder, a device
    or pipe) and :class:`_Damaged` when it is too big to be a progress file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path} is not a regular file")
    if info.st_size > MAX_PROGRESS_BYTES:
        raise _Damaged(f"it is {info.st_size:,} bytes, over the {MAX_PROGRESS_BYTES:,} a progress file can be")
    with open(path, "rb") as fh:
        raw = fh.read(MAX_PROGRESS_BYTES + 1)
    if len(raw) > MAX_PROGRESS_BYTES:
        raise _Damaged(f"it is over the {MAX_PROGRESS_BYTES:,} bytes a progress file can be")
    return raw


def _parse(raw: bytes) -> tuple[dict, str | None]:
    """(progress, problem): the readable entries and, if some were not, why."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        return _empty(), "it is nested too deeply to be a progress file"
    except (ValueError, UnicodeDecodeError):
        data = None
    progress, dropped = _salvage(data)
    return migrate(progress), ("it was damaged" if dropped else None)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def load_progress(path: str | os.PathLike | None = None, repair: bool = True) -> dict:
    """Read a progress file; a missing file gives an empty record.

    An unreadable or partly malformed file never raises: with ``repair`` (the
    default) a damaged file is copied to a ``.corrupt-<time>`` backup and a
    :class:`ProgressWarning` says so; the readable entries are returned. A
    file that cannot be opened gives a warning and an empty record (and
    :func:`record_answer` then refuses to replace it).
    """
    p = Path(path) if path is not None else progress_path()
    try:
        raw = _read_raw(p)
    except OSError as exc:
        warnings.warn(f"cannot read progress file {p} ({_reason(exc)}): no saved answers shown, "
                      "and new answers are not saved until it can be read", ProgressWarning, stacklevel=2)
        return _empty()
    except _Damaged as exc:
        warnings.warn(f"progress file {p} was not read: {exc}", ProgressWarning, stacklevel=2)
        return _empty()
    if raw is None:
        return _empty()
    progress, problem = _parse(raw)
    if problem:
        note = "kept the readable answers" if progress["banks"] else "starting afresh"
        if repair:
            try:
                note += f"; the old file is saved as {_backup(p)}"
            except OSError as exc:
                note += f"; could not back it up ({_reason(exc)})"
        warnings.warn(f"progress file {p} was damaged ({problem}): {note}", ProgressWarning, stacklevel=2)
    return progress


def _load_for_update(p: Path) -> dict:
    """Read the file before a save; a damaged file is backed up first, an unreadable one refused."""
    try:
        raw = _read_raw(p)
    except _Damaged as exc:
        try:
            backup = _backup(p, move=True)
        except OSError as err:
            raise ProgressError(f"progress file {p} is unusable ({exc}) and could not be moved aside "
                                f"({_reason(err)}): answer not saved; move the file away") from None
        warnings.warn(f"progress file {p} was not read ({exc}): it is kept as {backup}; starting afresh",
                      ProgressWarning, stacklevel=3)
        return _empty()
    except OSError as exc:
        raise ProgressError(f"cannot read progress file {p} ({_reason(exc)}): answer not saved, so that the "
                            "file is not replaced; fix its permissions or set MEDIALIT_PROGRESS") from None
    if raw is None:
        return _empty()
    progress, problem = _parse(raw)
    if problem:
        try:
            backup = _backup(p)
        except OSError as exc:
            raise ProgressError(f"progress file {p} is damaged ({problem}) and could not be backed up "
                                f"({_reason(exc)}): answer not saved") from None
        note = "kept the readable answers" if progress["banks"] else "starting afresh"
        warnings.warn(f"progress file {p} was damaged ({problem}): {note}; the old file is saved as {backup}",
                      ProgressWarning, stacklevel=3)
    return progress


def _write(path: Path, data: dict) -> None:
    # One line of JSON: without indentation the json module's C encoder is used (about
    # ten times faster), which keeps the lock short when many saves come at once.
    try:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as exc:
        raise ProgressError(f"cannot save to {path}: the answer is not plain data ({exc})") from None
    new_mode = None if path.exists() else 0o600  # a student's answers: private unless made otherwise
    write_atomic(path, text + "\n", orphans_older_than=0, mode=new_mode)


def _update(path: Path, change: Callable[[dict], _T]) -> _T:
    """Under the file's lock: read, apply ``change`` to the record, write; returns change's result."""
    from filelock import FileLock, Timeout

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT, poll_interval=0.005):
            clean_orphans(path, older_than=0)  # nobody else writes while we hold the lock
            data = _load_for_update(path)
            result = change(data)
            _write(path, data)
            return result
    except Timeout:
        raise ProgressError(f"progress file {path} stayed locked by another program for {LOCK_TIMEOUT:g} s "
                            f"(lock file {path}.lock): answer not saved; try again") from None
    except ProgressError:
        raise
    except OSError as exc:
        raise ProgressError(f"cannot save to {path} ({_reason(exc)}): answer not saved") from None


def _saved_at(entry: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(entry.get("saved_at")))
    except (AttributeError, TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _merge_entry(old: Any, new: dict) -> dict:
    """The entry to keep for a question: ``new`` unless ``old`` was saved later."""
    if not isinstance(old, dict):
        return new
    attempts = old.get("attempts", 0)
    new["attempts"] = (attempts if isinstance(attempts, int) and not isinstance(attempts, bool) else 0) + 1
    old_at, new_at = _saved_at(old), _saved_at(new)
    if old_at is not None and new_at is not None and old_at > new_at:
        return {**old, "attempts": new["attempts"]}
    return new


def record_answer(bank_id: str, question_id: str, answer: Any, result: Grade | None = None,
                  title: str | None = None, path: str | os.PathLike | None = None,
                  mode: str | None = None) -> dict:
    """Save one answer (and its grade) and return the saved entry.

    Under a lock the file is re-read and the answer merged into it, so other
    lessons' and other processes' answers are never dropped; the write is
    atomic. Raises :class:`ProgressError` (an ``OSError``, one line) if the
    answer cannot be saved; the previous file is then left as it was.
    """
    p = Path(path) if path is not None else progress_path()
    entry: dict[str, Any] = {
        "answer": answer,
        "attempts": 1,
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
    }
    if result is not None:
        entry.update(score=result.score, points=result.points, correct=result.correct)
    if mode is not None:
        entry["mode"] = mode

    def put(data: dict) -> dict:
        bank = data["banks"].setdefault(bank_id, {"questions": {}})
        if title:
            bank["title"] = title
        kept = _merge_entry(bank["questions"].get(question_id), entry)
        bank["questions"][question_id] = kept
        return kept

    return _update(p, put)


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

    def put(data: dict) -> None:
        data["student"] = str(name)
        if student_id is not None:
            data["student_id"] = str(student_id)

    _update(p, put)


def submit_bank(bank_id: str, mode: str = "exam", path: str | os.PathLike | None = None) -> str:
    """Record that the student submitted ``bank_id`` (in exam mode); returns the time saved.

    After this the quiz views lock the answers and show the feedback.
    """
    p = Path(path) if path is not None else progress_path()

    def put(data: dict) -> str:
        bank = data["banks"].setdefault(bank_id, {"questions": {}})
        bank["mode"] = mode
        bank["submitted_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return bank["submitted_at"]

    return _update(p, put)


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
