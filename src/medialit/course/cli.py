"""The ``medialit lab`` and ``medialit link`` subcommands (registered by :mod:`medialit.cli`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["add_course_commands"]


def _cmd_lab(args: argparse.Namespace) -> int:
    from .lab import run_lab

    try:
        return run_lab(args.folder, no_browser=args.no_browser, dry_run=args.dry_run, out=sys.stdout)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise ValueError(f"cannot copy the course into {args.folder}: {exc.strerror or exc}") from exc


def _cmd_link(args: argparse.Namespace) -> int:
    from .link import nbgitpuller_link

    print(nbgitpuller_link(args.hub, repo=args.repo, branch=args.branch, lesson=args.lesson))
    return 0


def add_course_commands(sub: Any) -> None:
    """Add ``lab`` and ``link`` to ``sub``, the ``medialit`` command's subparsers action."""
    from .lab import DEFAULT_FOLDER

    p = sub.add_parser("lab", help="copy the course into a folder (first time) and open JupyterLab at Lesson 0")
    p.add_argument("folder", nargs="?", default=DEFAULT_FOLDER, metavar="FOLDER",
                   help=f"your working folder (default: {DEFAULT_FOLDER}); files already there are never overwritten")
    p.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser")
    p.add_argument("--dry-run", action="store_true", help="say what would be copied and run; change nothing")
    p.set_defaults(func=_cmd_lab)

    p = sub.add_parser("link", help="print the nbgitpuller link that opens a lesson on a JupyterHub")
    p.add_argument("--hub", required=True, metavar="URL", help="the JupyterHub's address, e.g. https://hub.school.edu")
    p.add_argument("--repo", default=None, metavar="URL", help="the course repository (default: publishing.yaml's)")
    p.add_argument("--branch", default=None, metavar="B", help="the branch (default: publishing.yaml's)")
    p.add_argument("--lesson", type=int, default=0, metavar="N", help="the lesson to open (default: 0)")
    p.set_defaults(func=_cmd_link)
