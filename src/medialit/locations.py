"""Where the course's files are: inside an installed wheel, or beside ``src/`` in a clone.

A wheel carries the lessons and datasets as package data in ``medialit/course-files/``
(``setup.py`` copies them at build time). In a clone, or an editable install, they are
the repository's top-level ``lessons/`` and ``datasets/`` folders. This module knows
both places; it imports nothing else from medialit.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["course_path", "packaged_course_dir"]

PACKAGE_DIR = Path(__file__).resolve().parent


def packaged_course_dir() -> Path | None:
    """The course folder shipped inside the installed wheel, or None (clone, editable install)."""
    folder = PACKAGE_DIR / "course-files"
    return folder if (folder / "lessons").is_dir() else None


def course_path(*parts: str) -> Path | None:
    """The course's ``parts`` folder (e.g. ``"lessons", "quizzes"``), or None when there is none.

    The copy inside an installed wheel comes first; otherwise the folder is looked
    for beside the package, walking up from it (a clone of the repository).

    >>> course_path("lessons").name
    'lessons'
    >>> course_path("no-such-folder") is None
    True
    """
    packaged = packaged_course_dir()
    if packaged is not None and packaged.joinpath(*parts).is_dir():
        return packaged.joinpath(*parts)
    for parent in PACKAGE_DIR.parents:
        candidate = parent.joinpath(*parts)
        if candidate.is_dir():
            return candidate
    return None
