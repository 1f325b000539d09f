"""Which mode a quiz runs in: ``practice`` (feedback on every Check) or ``exam``.

In ``exam`` mode the widget and the static quiz record answers but show no
correctness, score or feedback until the student presses **Submit**; then the
answers lock and the feedback appears. The mode comes from, first to last:

1. the ``mode=`` argument of :func:`medialit.quiz.show` / ``view`` (one use);
2. the environment variable ``MEDIALIT_QUIZ_MODE`` (set by an instructor for a
   class, e.g. on the hub, to release every bank as exam or practice);
3. the bank's ``mode:`` field (default ``practice``).

>>> resolve_mode("practice", "exam")
'exam'
"""

from __future__ import annotations

import os

from .schema import QUIZ_MODES

__all__ = ["QUIZ_MODES", "resolve_mode"]


def resolve_mode(bank_mode: str, mode: str | None = None) -> str:
    """The mode to use: ``mode`` if given, else ``$MEDIALIT_QUIZ_MODE``, else ``bank_mode``."""
    chosen = mode or os.environ.get("MEDIALIT_QUIZ_MODE", "").strip().lower() or bank_mode
    if chosen not in QUIZ_MODES:
        raise ValueError(f"unknown quiz mode {chosen!r}: use {' or '.join(QUIZ_MODES)}")
    return chosen
