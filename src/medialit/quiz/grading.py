"""Pure grading: a question and a student's answer in, a :class:`Grade` out.

Answer forms (JSON-friendly, the same as saved in progress files and in the
book's ``localStorage``):

* ``single``: the index of the chosen option (``int``) or ``None``
* ``multiple``: a list of chosen option indices
* ``numeric``: a number (or text that parses as one)
* ``select-words``: a list of indices into ``question.words``
* ``match``: a list, one chosen category name (or ``None``) per item
* ``reflection``: the text written

The same rules are implemented in ``static/medialit-quiz.js`` for the book.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .schema import Question

__all__ = ["MAX_EXTRA_WORDS", "Grade", "grade", "parse_number", "selections"]

#: A select-words selection (a run of adjacent clicked words) may include this many
#: words outside any answer and still count as finding the answers it overlaps.
#: A broader selection is a false alarm: clicking the whole passage earns nothing.
MAX_EXTRA_WORDS = 3


@dataclass(frozen=True)
class Grade:
    """The result of checking one answer.

    ``score`` is the points earned (0..``points``); ``feedback`` holds Markdown
    messages in display order (the question's explanation is shown by the
    views). ``answered`` is False when there was nothing to grade yet (no
    option chosen, no number typed, a reflection too short): nothing is saved.
    """

    score: float
    points: float
    correct: bool
    status: str
    feedback: tuple[str, ...] = field(default_factory=tuple)
    answered: bool = True

    @property
    def fraction(self) -> float:
        """``score / points`` (1.0 for an ungraded question)."""
        return self.score / self.points if self.points else 1.0


def parse_number(value: Any) -> float | None:
    """A number from a typed answer (``"14"``, ``"3,5"``, ``" 2.0 "``), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u2212", "-")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _status(score: float, points: float) -> tuple[bool, str]:
    if points == 0 or abs(score - points) < 1e-9:
        return True, "Correct."
    if score > 0:
        return False, f"Partly right: {score:g} of {points:g} points."
    return False, "Not quite."


def _ints(answer: Any, limit: int) -> list[int]:
    if not isinstance(answer, (list, tuple)):
        return []
    return sorted({a for a in answer if isinstance(a, int) and not isinstance(a, bool) and 0 <= a < limit})


def selections(question: Question, chosen: list[int]) -> list[list[int]]:
    """Group chosen word indices into runs of adjacent words (each run is one selection)."""
    runs: list[list[int]] = []
    for i in sorted(set(chosen)):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _grade_select(q: Question, answer: Any) -> tuple[float, list[str]]:
    words = q.words
    chosen = _ints(answer, len(words))
    targets = list(q.answers) + list(q.optional)
    found: set[int] = set()
    false_alarms: list[str] = []
    for run in selections(q, chosen):
        hits = {
            k for k, a in enumerate(targets)
            for i in run if words[i].start < a.end and a.start < words[i].end
        }
        extra = [i for i in run if not any(
            words[i].start < a.end and a.start < words[i].end for a in targets)]
        text = q.passage[words[run[0]].start: words[run[-1]].end]
        text = text if len(text) <= 60 else text[:57] + "..."
        if not hits or len(extra) > MAX_EXTRA_WORDS:
            false_alarms.append(text)
        else:
            found.update(k for k in hits if k < len(q.answers))
    n = len(q.answers)
    fraction = max(0.0, (len(found) - len(false_alarms)) / n)
    messages = [f"You found {len(found)} of {n}."]
    if false_alarms:
        listed = ", ".join(f"*{t}*" for t in false_alarms)
        messages.append(f"Not what the question asks for: {listed}.")
    if len(found) < n:
        messages.append(f"{n - len(found)} still to find.")
    return fraction, messages


def _unanswered(q: Question, status: str) -> Grade:
    return Grade(0.0, q.points, False, status, answered=False)


def _grade_single(q: Question, answer: Any) -> Grade | tuple[float, list[str]]:
    idx = answer if isinstance(answer, int) and not isinstance(answer, bool) else None
    if idx is None or not 0 <= idx < len(q.options):
        return _unanswered(q, "Choose an answer first.")
    opt = q.options[idx]
    return (1.0 if opt.correct else 0.0), ([opt.feedback] if opt.feedback else [])


def _grade_multiple(q: Question, answer: Any) -> Grade | tuple[float, list[str]]:
    chosen = _ints(answer, len(q.options))
    if not chosen:
        return _unanswered(q, "Tick at least one box first.")
    right = sum(q.options[i].correct for i in chosen)
    wrong = len(chosen) - right
    n_correct = sum(o.correct for o in q.options)
    messages = [f"{q.options[i].text}: {q.options[i].feedback}" for i in chosen if q.options[i].feedback]
    if right < n_correct:
        missed = n_correct - right
        messages.append(f"{missed} right answer{'s' if missed > 1 else ''} not ticked yet.")
    return max(0.0, (right - wrong) / n_correct), messages


def _grade_numeric(q: Question, answer: Any) -> Grade | tuple[float, list[str]]:
    number = parse_number(answer)
    if number is None:
        return _unanswered(q, "Type a number first (for example 12 or 3.5).")
    assert q.answer is not None
    if abs(number - q.answer) <= q.tolerance + 1e-9:
        return 1.0, []
    return 0.0, ["Too high." if number > q.answer else "Too low."]


def _grade_words(q: Question, answer: Any) -> Grade | tuple[float, list[str]]:
    if not _ints(answer, len(q.words)):
        return _unanswered(q, "Click at least one word first.")
    return _grade_select(q, answer)


def _grade_match(q: Question, answer: Any) -> Grade | tuple[float, list[str]]:
    chosen = list(answer) if isinstance(answer, (list, tuple)) else []
    chosen = (chosen + [None] * len(q.items))[: len(q.items)]
    if all(c is None or c == "" for c in chosen):
        return _unanswered(q, "Choose a category for each item first.")
    right = [item for item, c in zip(q.items, chosen, strict=True) if c == item.answer]
    messages = [f"{item.text}: {item.feedback}" for item in right if item.feedback]
    if len(right) < len(q.items):
        messages.append(f"{len(right)} of {len(q.items)} in the right category.")
    return len(right) / len(q.items), messages


def _grade_reflection(q: Question, answer: Any) -> Grade:
    text = answer if isinstance(answer, str) else ""
    n_words = len(text.split())
    if not n_words:
        return Grade(0.0, 0.0, False, "Write your answer first.", answered=False)
    if n_words < q.min_words:
        return Grade(0.0, 0.0, False, f"Write at least {q.min_words} words (you have {n_words}).", answered=False)
    return Grade(0.0, 0.0, True, "Saved.")


_GRADERS = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "numeric": _grade_numeric,
    "select-words": _grade_words,
    "match": _grade_match,
    "reflection": _grade_reflection,
}


def grade(question: Question, answer: Any) -> Grade:
    """Grade ``answer`` (see the module docstring for its form) against ``question``.

    Partial credit: ``multiple`` scores (right ticked − wrong ticked) / right
    options; ``select-words`` scores (found − false alarms) / answers; ``match``
    scores the share of items in the right category; each floored at 0.
    ``reflection`` is never scored (a non-empty text is complete).
    """
    q = question
    outcome = _GRADERS[q.type](q, answer)
    if isinstance(outcome, Grade):
        return outcome
    fraction, messages = outcome
    score = round(q.points * fraction, 4)
    correct, status = _status(score, q.points)
    return Grade(score, q.points, correct, status, tuple(messages))
