"""``medialit link --hub URL``: the nbgitpuller link a teacher posts in the LMS.

A student who follows the link logs in to the school's JupyterHub; nbgitpuller then
clones the course repository into their home folder (or, on later clicks, pulls what
changed without touching their edits) and JupyterLab opens at the chosen lesson.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

from ..locations import course_path
from .publishing import load_publishing

__all__ = ["lesson_file", "nbgitpuller_link", "repo_folder"]


def repo_folder(repo: str) -> str:
    """The folder the course is cloned into in each student's home (the repository's name).

    >>> repo_folder("https://github.com/medialit-course/medialit.git")
    'medialit'
    """
    name = PurePosixPath(urlsplit(repo).path.rstrip("/")).name or repo.rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def lesson_file(number: int) -> str:
    """The notebook file of lesson ``number`` (``lessons/NN-*.ipynb`` of the course)."""
    lessons = course_path("lessons")
    found = sorted(lessons.glob(f"{number:02d}-*.ipynb")) if lessons is not None and number >= 0 else []
    if not found:
        known = sorted(int(p.name[:2]) for p in lessons.glob("[0-9][0-9]-*.ipynb")) if lessons else []
        raise ValueError(f"there is no lesson {number} (lessons: {', '.join(map(str, known)) or 'none found'})")
    return found[0].name


def _check_url(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "file") or not (parts.netloc or parts.scheme == "file"):
        raise ValueError(f"{what} must be a full address such as https://hub.example.edu (got {url!r})")
    if re.search(r"\s", url):
        raise ValueError(f"{what} must not contain spaces (got {url!r})")


def nbgitpuller_link(hub: str, repo: str | None = None, branch: str | None = None, lesson: int = 0) -> str:
    """The nbgitpuller link that opens ``lesson`` of the course from ``repo`` on ``hub``.

    ``repo`` and ``branch`` default to ``publishing.yaml``'s.

    >>> link = nbgitpuller_link("https://hub.example.edu", "https://github.com/a/course", "main", 3)
    >>> link.split("?")[0]
    'https://hub.example.edu/hub/user-redirect/git-pull'
    >>> "&targetpath=course&urlpath=lab%2Ftree%2Fcourse%2Flessons%2F03-" in link
    True
    """
    settings = load_publishing()
    repo = repo or settings["repository"]
    branch = branch or settings["branch"]
    _check_url(hub, "--hub")
    _check_url(repo, "--repo")
    folder = repo_folder(repo)
    urlpath = f"lab/tree/{folder}/lessons/{lesson_file(lesson)}"
    query = urlencode({"repo": repo, "branch": branch, "targetpath": folder, "urlpath": urlpath},
                      quote_via=quote, safe="")
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"
