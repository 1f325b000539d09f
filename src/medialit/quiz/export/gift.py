"""GIFT text (Moodle's plain-text question format) from medialit banks.

Every bank starts a ``$CATEGORY`` named after its lesson; each question's
name is its medialit id. Text is Markdown (``[markdown]``) with GIFT's
special characters ``~ = # { } :`` escaped by a backslash and line breaks
written as ``\\n``, so a question stays on its own block. GIFT has no points
and no hints: hints go into the general feedback (see :data:`.common.LOSSES`).
"""

from __future__ import annotations

import re

from ..schema import Bank, Question
from .common import category, choices, feedback_markdown, moodle_percent, stem_markdown

__all__ = ["escape", "export_gift", "question_gift"]

_SPECIAL = re.compile(r"([~=#{}:])")


def escape(text: str) -> str:
    r"""Text safe inside GIFT: specials backslash-escaped, line breaks as ``\n``.

    >>> escape("a = b: {c}\nd")
    'a \\= b\\: \\{c\\}\\nd'
    """
    text = _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\n", r"\n")


def _feedback(text: str) -> str:
    return f"#{escape(text)}" if text.strip() else ""


def _general(q: Question) -> str:
    text = feedback_markdown(q)
    if q.type == "match":
        notes = [f"{i.text}: {i.feedback}" for i in q.items if i.feedback]
        text = "\n\n".join([text, *notes]) if notes else text
    return f"\n####{escape(text)}" if text else ""


def _answers(q: Question) -> list[str]:
    if q.type == "single":
        return [f"{'=' if c.correct else '~'}{escape(c.text)}{_feedback(c.feedback)}" for c in choices(q)]
    if q.type in ("multiple", "select-words"):
        return [f"~%{moodle_percent(c.fraction)}%{escape(c.text)}{_feedback(c.feedback)}" for c in choices(q)]
    if q.type == "numeric":
        return [f"#{q.answer:g}:{q.tolerance:g}"]
    if q.type == "match":
        used = {i.answer for i in q.items}
        pairs = [f"={escape(i.text)} -> {escape(i.answer)}" for i in q.items]
        return pairs + [f"= -> {escape(c)}" for c in q.categories if c not in used]
    return []


def question_gift(q: Question) -> str:
    """One question as a GIFT block (no blank line inside)."""
    points = "not graded" if not q.graded else f"{q.points:g} point" + ("" if q.points == 1 else "s")
    head = f"// {q.id}: {q.type}, {points}\n::{escape(q.id)}::[markdown]{escape(stem_markdown(q))}"
    answers = _answers(q)
    body = "".join(f"\n  {a}" for a in answers)
    return f"{head} {{{body}{_general(q)}\n}}"


def export_gift(banks: list[Bank]) -> str:
    """All ``banks`` as one GIFT text, one category per bank."""
    blocks = []
    for bank in banks:
        blocks.append(f"// medialit bank {bank.id} (lesson {bank.lesson}), {len(bank.questions)} questions")
        blocks.append(f"$CATEGORY: $course$/top/{category(bank)}")
        blocks.extend(question_gift(q) for q in bank.questions)
    return "\n\n".join(blocks) + "\n"
