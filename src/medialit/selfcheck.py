"""Compare what a student marked with what a detector or an answer key marks.

Lesson 3 asks students to mark the hedges in a paragraph *before* running the
detector, then to measure the agreement in the detector's own terms:

* **precision**: of the phrases I marked, how many does the other side mark too?
* **recall**: of the phrases the other side marks, how many did I find?

Spans match when they overlap, one to one (the course's scoring rule,
:func:`medialit.evaluation.scoring.match_spans`), so marking *It is likely*
where the key marks *likely* still counts as agreement.

A student's marks come either from a saved ``select-words`` quiz answer
(:func:`selected_spans`) or from phrases typed into a cell (:func:`phrase_spans`).

>>> text = "It is likely that it rains. It will probably stop."
>>> mine = phrase_spans(text, ["likely"])
>>> tool = phrase_spans(text, ["likely", "probably"])
>>> result = compare(mine, tool)
>>> result.precision, result.recall
(1.0, 0.5)
>>> [s.text for s in result.only_reference]
['probably']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .document import Span
from .evaluation.scoring import match_spans

__all__ = ["Comparison", "compare", "phrase_spans", "selected_spans"]


def phrase_spans(text: str, phrases: Sequence[str], start: int = 0, end: int | None = None) -> list[Span]:
    """Every whole-word occurrence of each phrase in ``text[start:end]``, as Spans into ``text``.

    Case is ignored. A phrase that does not occur raises ValueError naming it,
    so a typing mistake is not silently counted as "not marked".
    """
    end = len(text) if end is None else end
    spans: set[Span] = set()
    for phrase in phrases:
        phrase = str(phrase).strip()
        if not phrase:
            continue
        pattern = (r"(?<!\w)" if phrase[0].isalnum() else "") + re.escape(phrase)
        pattern += r"(?!\w)" if phrase[-1].isalnum() else ""
        found = [
            Span(m.start(), m.end(), m.group())
            for m in re.compile(pattern, re.I).finditer(text, start, end)
        ]
        if not found:
            raise ValueError(f"{phrase!r} does not occur in the passage: copy it exactly from the text")
        spans.update(found)
    return sorted(spans)


def selected_spans(bank_id: str, question_id: str, answer: Any = None) -> list[Span] | None:
    """The runs of words a student clicked in a ``select-words`` question, as Spans.

    ``answer`` is the saved answer (a list of word numbers); by default it is
    read from the progress file. Returns None when nothing is saved yet. For a
    question on a case-study paragraph the offsets index
    ``medialit.load_case_study().text`` (so they compare directly with
    detector results); otherwise they index the question's passage.
    """
    from .quiz.grading import selections
    from .quiz.progress import saved_answer
    from .quiz.schema import load_bank

    question = load_bank(bank_id).question(question_id)
    if question.type != "select-words":
        raise ValueError(f"question {question_id!r} of {bank_id!r} is {question.type!r}, not select-words")
    if answer is None:
        answer = saved_answer(bank_id, question_id)
    if answer is None:
        return None
    words = question.words
    chosen = [i for i in answer if isinstance(i, int) and 0 <= i < len(words)]
    offset = 0
    if question.passage_source.startswith("case-study paragraph"):
        from .casestudy import load_case_study

        offset = load_case_study().text.find(question.passage)
    return [
        Span(words[run[0]].start + offset, words[run[-1]].end + offset,
             question.passage[words[run[0]].start : words[run[-1]].end])
        for run in selections(question, chosen)
    ]


@dataclass(frozen=True)
class Comparison:
    """Agreement between my marks and a reference (a detector or an answer key)."""

    agreed: tuple[tuple[Any, Any], ...]
    only_mine: tuple[Any, ...]
    only_reference: tuple[Any, ...]

    @property
    def precision(self) -> float:
        """Share of my marks that the reference marks too (1.0 when I marked nothing)."""
        marked = len(self.agreed) + len(self.only_mine)
        return len(self.agreed) / marked if marked else 1.0

    @property
    def recall(self) -> float:
        """Share of the reference's marks that I found (1.0 when it marks nothing)."""
        wanted = len(self.agreed) + len(self.only_reference)
        return len(self.agreed) / wanted if wanted else 1.0

    def __str__(self) -> str:
        return (
            f"agreed on {len(self.agreed)}, only mine {len(self.only_mine)}, "
            f"only the reference's {len(self.only_reference)}: "
            f"precision {self.precision:.2f}, recall {self.recall:.2f}"
        )


def compare(
    mine: Sequence[Any],
    reference: Sequence[Any],
    accept: Callable[[Any, Any], bool] = lambda ref, me: True,
) -> Comparison:
    """Match my spans to the reference's (overlap, one to one) and count agreement.

    Items are Spans, dicts or any objects with ``start`` and ``end``; reference
    items marked ``optional`` (gold) count neither way.
    """
    matching = match_spans(list(reference), list(mine), accept)
    return Comparison(
        agreed=tuple((me, ref) for ref, me in matching.pairs),
        only_mine=tuple(matching.false_alarms),
        only_reference=tuple(matching.missed),
    )
