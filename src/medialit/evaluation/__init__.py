"""Measure medialit's detectors against gold annotations and development corpora.

Each submodule (``stance``, ``attribution``, ``loaded``, ``claims``, and
``heldout`` and ``news`` across detectors) has
``evaluate(corpora: Path | None) -> list[ScoreTable]``. Corpora live in
``../shared/corpora`` beside a clone of the course; where they are absent the
corpus tables are skipped with a note, and the case-study gold is still scored.
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import TextIO

from .scoring import PRF, ScoreTable, format_tables, match_spans, prf_by

__all__ = [
    "ACROSS_DETECTORS",
    "PRF",
    "ScoreTable",
    "corpora_dir",
    "evaluation_choices",
    "format_tables",
    "match_spans",
    "prf_by",
    "run_evaluation",
]

#: Evaluations that score several detectors at once (not one registry entry's).
ACROSS_DETECTORS = ("heldout", "news")


def evaluation_choices() -> list[str]:
    """What ``medialit evaluate`` can run: each registry detector's evaluation, then :data:`ACROSS_DETECTORS`.

    >>> evaluation_choices()
    ['stance', 'attribution', 'loaded', 'claims', 'heldout', 'news']
    """
    from ..analysis import evaluation_names

    return [*evaluation_names(), *ACROSS_DETECTORS]


def corpora_dir(explicit: str | Path | None = None) -> Path | None:
    """The development corpora folder, or None where it is absent.

    Looks at ``explicit``, then ``MEDIALIT_CORPORA``, then ``../shared/corpora``
    beside the clone.
    """
    if explicit:
        path = Path(explicit)
        if not path.is_dir():
            raise FileNotFoundError(f"no corpora folder at {str(path)!r}: check the path")
        return path
    env = os.environ.get("MEDIALIT_CORPORA")
    if env:
        return Path(env) if Path(env).is_dir() else None
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return None


def run_evaluation(what: str, corpora: str | None = None, fmt: str = "text", out: TextIO | None = None) -> int:
    """Run one evaluation (one of :func:`evaluation_choices`) and print it."""
    import sys

    if what not in evaluation_choices():
        raise ValueError(f"no evaluation called {what!r}: choose one of {', '.join(evaluation_choices())}")
    out = out or sys.stdout
    module = import_module(f".{what}", __name__)
    tables = module.evaluate(corpora_dir(corpora))
    out.write(format_tables(tables, fmt))
    return 0
