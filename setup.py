"""Build hook: the wheel carries the course (lessons/ and datasets/) as package data.

The lessons and datasets stay at the top level of the repository, where the course
and the book use them. When a wheel (or a non-editable install) is built, they are
copied into ``medialit/course-files/`` inside the package, where
:mod:`medialit.locations` finds them. An editable install needs no copy: the package
then finds ``lessons/`` and ``datasets/`` beside ``src/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
COURSE_FOLDERS = ("lessons", "datasets")
SKIP = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", ".*")


class BuildPyWithCourse(build_py):
    """``build_py`` that also copies the course folders into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "medialit" / "course-files"
        for name in COURSE_FOLDERS:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"building medialit needs the {name}/ folder beside setup.py")
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source, target / name, ignore=SKIP, symlinks=False)


setup(cmdclass={"build_py": BuildPyWithCourse})
