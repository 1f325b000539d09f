"""One cell, both places: an object that is a widget in JupyterLab and static HTML in the book.

:func:`show` displays a :class:`QuizView`, whose ``_repr_mimebundle_`` holds
both ``application/vnd.jupyter.widget-view+json`` (JupyterLab renders the
ipywidgets quiz) and ``text/html`` (the book prefers it and shows the static
quiz wired by ``medialit-quiz.js``).
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import Any

from .modes import resolve_mode
from .schema import Bank, load_bank
from .static import render_html

__all__ = ["QuizView", "show", "view"]


class QuizView:
    """A bank (or some of its questions) ready to display in a notebook or a book page."""

    def __init__(self, bank: Bank, question_ids: list[str] | None = None, mode: str | None = None):
        self.bank = bank
        self.mode = resolve_mode(bank.mode, mode)
        self.question_ids = list(question_ids) if question_ids else None
        for qid in self.question_ids or []:
            bank.question(qid)  # KeyError naming the known ids

    @cached_property
    def widget(self):
        """The ipywidgets view (:class:`medialit.quiz.widget.QuizWidget`), built on first use."""
        from .widget import QuizWidget

        return QuizWidget(self.bank, self.question_ids, self.mode)

    @cached_property
    def html(self) -> str:
        """The static HTML quiz (needs ``medialit-quiz.js`` and ``.css`` on the page)."""
        return render_html(self.bank, self.question_ids, self.mode)

    def _repr_html_(self) -> str:
        return self.html

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        data = dict(self.widget.box._repr_mimebundle_())
        data["text/html"] = self.html
        qs = ", ".join(self.question_ids) if self.question_ids else "all questions"
        data["text/plain"] = f"Quiz {self.bank.title!r} ({qs})"
        return data

    def __repr__(self) -> str:
        return f"QuizView({self.bank.id!r}, {self.question_ids!r}, mode={self.mode!r})"


def view(bank: str | os.PathLike | Bank, *question_ids: str, mode: str | None = None) -> QuizView:
    """A :class:`QuizView` of ``bank`` (a name such as ``"lesson03"``, a path or a Bank),
    limited to ``question_ids`` if any are given; nothing is displayed. ``mode`` is
    ``"practice"`` or ``"exam"`` (default: ``$MEDIALIT_QUIZ_MODE``, else the bank's ``mode``)."""
    ids: list[str] = []
    for q in question_ids:
        ids.extend([q] if isinstance(q, str) else list(q))
    return QuizView(load_bank(bank), ids or None, mode)


def show(bank: str | os.PathLike | Bank, *question_ids: str, mode: str | None = None) -> None:
    """Display a quiz: ``show("lesson03")`` for the whole bank, ``show("lesson03", "q2")`` for one,
    ``show("lesson03", mode="exam")`` to hide results until the student submits.

    In JupyterLab it is an interactive widget that saves answers to the progress
    file; in the published book the same cell shows the static quiz.
    """
    from IPython.display import display

    display(view(bank, *question_ids, mode=mode))
