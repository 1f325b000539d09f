"""``medialit lab [FOLDER]``: copy the course into a working folder, then open JupyterLab.

The first run copies the lessons, question banks and datasets into ``FOLDER``
(default ``medialit-course``). Later runs add only what is missing: a file that is
already there is never overwritten, so a student's edited notebooks and answers stay
as they are, and the command says which of them it kept. Then JupyterLab opens at
Lesson 0. ``--dry-run`` says what would happen and changes nothing; ``--no-browser``
starts JupyterLab without opening a browser (for a remote machine, or a test).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..locations import course_path

__all__ = ["DEFAULT_FOLDER", "CopyPlan", "course_source", "first_lesson", "jupyter_command", "plan_copy", "run_lab"]

DEFAULT_FOLDER = "medialit-course"
#: The folders of the course a student works in (the same layout as the repository).
COURSE_FOLDERS = ("lessons", "datasets")
_SKIP_PARTS = {".ipynb_checkpoints", "__pycache__"}


@dataclass
class CopyPlan:
    """What ``medialit lab`` copies (``missing``) and leaves alone (``kept``, ``same``)."""

    source: Path
    target: Path
    missing: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    same: list[Path] = field(default_factory=list)

    def copy(self) -> None:
        """Copy the missing files (never one that exists in the target)."""
        for rel in self.missing:
            dest = self.target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not dest.exists():
                shutil.copy2(self.source / rel, dest)


def course_source() -> Path:
    """The folder holding the course's ``lessons/`` and ``datasets/`` (wheel or clone)."""
    lessons = course_path("lessons")
    if lessons is None or not (lessons.parent / "datasets").is_dir():
        raise FileNotFoundError("the course files were not found: reinstall medialit from its wheel or a clone")
    return lessons.parent


def _course_files(source: Path) -> list[Path]:
    files = []
    for name in COURSE_FOLDERS:
        for path in sorted((source / name).rglob("*")):
            rel = path.relative_to(source)
            if path.is_file() and not (_SKIP_PARTS & set(rel.parts)) and not path.name.startswith("."):
                files.append(rel)
    return files


def plan_copy(source: Path, target: Path) -> CopyPlan:
    """Compare the course in ``source`` with the working folder ``target``."""
    plan = CopyPlan(source=source, target=target)
    for rel in _course_files(source):
        dest = target / rel
        if not dest.exists():
            plan.missing.append(rel)
        elif dest.is_file() and filecmp.cmp(source / rel, dest, shallow=False):
            plan.same.append(rel)
        else:
            plan.kept.append(rel)
    return plan


def first_lesson(folder: Path) -> Path:
    """Lesson 0 in ``folder`` (``lessons/00-*.ipynb``)."""
    found = sorted((folder / "lessons").glob("00-*.ipynb"))
    if not found:
        raise FileNotFoundError(f"no Lesson 0 (lessons/00-*.ipynb) in {folder}")
    return found[0]


def jupyter_command(folder: Path, lesson: Path, *, no_browser: bool) -> list[str]:
    """The command that opens JupyterLab on ``folder`` at ``lesson``."""
    command = [sys.executable, "-m", "jupyterlab", lesson.relative_to(folder).as_posix()]
    if no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and lab machines often run as root
    return command


def _report(plan: CopyPlan, out: TextIO, *, dry_run: bool) -> None:
    verb = "would copy" if dry_run else "copied"
    out.write(f"{verb} {len(plan.missing)} file(s) of the course into {plan.target}\n")
    if plan.kept:
        out.write(f"kept your version of {len(plan.kept)} file(s) that differ from the course's (not overwritten):\n")
        for rel in plan.kept:
            out.write(f"  {rel.as_posix()}\n")
    if plan.same:
        out.write(f"{len(plan.same)} file(s) already up to date\n")


def run_lab(folder: str | os.PathLike, *, no_browser: bool = False, dry_run: bool = False,
            out: TextIO | None = None) -> int:
    """Copy what is missing of the course into ``folder`` and open JupyterLab at Lesson 0."""
    out = out or sys.stdout
    target = Path(folder).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise ValueError(f"{target} is a file: give medialit lab a folder")
    plan = plan_copy(course_source(), target)
    _report(plan, out, dry_run=dry_run)
    lesson = target / first_lesson(plan.source).relative_to(plan.source)
    command = jupyter_command(target, lesson, no_browser=no_browser)
    if dry_run:
        out.write(f"would run in {target}: {' '.join(command)}\n")
        return 0
    plan.copy()
    out.write(f"opening JupyterLab at {lesson.relative_to(target).as_posix()} (stop it with Ctrl+C)\n")
    out.flush()
    try:
        return subprocess.call(command, cwd=target)
    except KeyboardInterrupt:
        return 0
