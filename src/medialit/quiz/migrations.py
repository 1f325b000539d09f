"""Saved answers follow a question when its bank is renamed.

When the course inserted "The page around the text" as Lesson 8, the old
Lesson 8 (your own article) became Lesson 9 and its bank ``lesson08``
became ``lesson09``, with the same question ids. Progress files written
before that keep those answers under ``lesson08``; :func:`migrate` moves
them to ``lesson09`` when a file is read, so they still count. The new
``lesson08`` bank uses other ids (``page-...``), so nothing collides.

>>> p = {"banks": {"lesson08": {"questions": {"what-changed": {"answer": "x"}}}}}
>>> migrate(p)["banks"]["lesson09"]["questions"]["what-changed"]
{'answer': 'x'}
>>> "lesson08" in p["banks"]
False
"""

from __future__ import annotations

__all__ = ["RENAMED_QUESTIONS", "migrate"]

_OLD_LESSON08 = ("new-impression-rating", "new-impression-why", "what-changed", "per-hundred-words",
                 "report-limits", "check-first", "next-step")
#: ``(old bank, question id) -> new bank`` for questions whose bank was renamed.
RENAMED_QUESTIONS: dict[tuple[str, str], str] = {("lesson08", qid): "lesson09" for qid in _OLD_LESSON08}


def migrate(progress: dict) -> dict:
    """Move answers saved under a renamed bank to its new id (in place; returns ``progress``).

    An answer already saved under the new bank is newer and wins. A bank left
    with no answers is dropped, so its old title does not linger.
    """
    banks = progress.get("banks", {})
    for (old, qid), new in RENAMED_QUESTIONS.items():
        questions = banks.get(old, {}).get("questions", {})
        if qid not in questions:
            continue
        entry = questions.pop(qid)
        target = banks.setdefault(new, {"questions": {}})
        target["questions"].setdefault(qid, entry)
        if not questions:
            del banks[old]
    return progress
