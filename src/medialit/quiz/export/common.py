"""What every exporter shares: answer options with LMS fractions, stems, and what each type loses.

The LMS formats grade a question from a list of options with a *fraction*
of the points each (100 % for a right option, a negative share for a wrong
one in multiple-answer questions). :func:`choices` builds that list for the
three option-based medialit types; :data:`LOSSES` says, per format and type,
what the export cannot carry, and :func:`losses` lists it for one bank.

>>> from medialit.quiz import load_bank
>>> q = load_bank("demo").question("multiple-checks")
>>> [round(c.fraction, 2) for c in choices(q)]
[0.5, 0.5, -0.5, -0.5]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import markdown
from ..schema import Bank, Question

__all__ = [
    "FORMATS",
    "LOSSES",
    "Choice",
    "ExportFormat",
    "category",
    "choices",
    "feedback_markdown",
    "losses",
    "moodle_percent",
    "stem_html",
    "stem_markdown",
]

ExportFormat = Literal["qti", "moodle", "gift"]
FORMATS: tuple[ExportFormat, ...] = ("qti", "moodle", "gift")

_SELECT = (
    "becomes a multiple-answers question: each answer phrase and each optional phrase is one option "
    "(optional ones worth 0), every other word of the passage is a wrong option (once, however often "
    "it occurs); the passage is shown in the stem. Lost: clicking in place, the rule that a run of up "
    "to 3 extra words still finds an answer, and repeated occurrences of one answer count once"
)
_COMMON_LOSSES = {
    "single": "nothing (options, the right one, each option's feedback, points, explanation)",
    "multiple": (
        "nothing in effect: each right option is worth 1/(right options) and each wrong one "
        "-1/(right options), floored at 0, which is medialit's partial-credit rule"
    ),
    "numeric": "the unit as a field (it is written into the stem); the 'too high / too low' hint",
    "select-words": _SELECT,
    "match": "nothing in effect: each item is worth an equal share, as in medialit",
    "reflection": "becomes an essay worth 0 points; lost: the minimum word count (stated in the stem)",
}
#: What each format loses, per medialit question type (the guide page prints this table).
LOSSES: dict[str, dict[str, str]] = {
    "qti": {
        **_COMMON_LOSSES,
        "multiple": (
            "the partial-credit rule: the package keys the right set of options (full points for "
            "exactly that set); Canvas then applies its own partial credit for multiple-answers "
            "questions, which can differ from medialit's (right - wrong) / right"
        ),
        "match": "each item's feedback (QTI 1.2 matching in Canvas has no per-item feedback); "
                 "otherwise an equal share per item, as in medialit",
        "all": "hints (QTI 1.2 has no hint; the hint is appended to the explanation)",
    },
    "moodle": {
        **_COMMON_LOSSES,
        "match": "each item's feedback (Moodle matching has none per item; it is added to the "
                 "general feedback); otherwise an equal share per item, as in medialit",
        "all": "nothing else: hints become Moodle hints, ids become question names and ID numbers",
    },
    "gift": {
        **_COMMON_LOSSES,
        "numeric": "the unit as a field (written into the stem), the 'too high / too low' hint; "
                   "GIFT numbers cannot be negative in every importer",
        "match": "each item's feedback (GIFT matching has none); otherwise an equal share per item",
        "all": "hints (GIFT has none; they are appended to the general feedback); points "
               "(GIFT has no points: every question imports with Moodle's default mark 1)",
    },
}


@dataclass(frozen=True)
class Choice:
    """One option as an LMS sees it: text (Markdown), right or not, fraction of the points, feedback."""

    text: str
    correct: bool
    fraction: float
    feedback: str = ""


def _select_choices(q: Question) -> list[Choice]:
    answers = list(dict.fromkeys(a.text for a in q.answers))
    optional = [t for t in dict.fromkeys(a.text for a in q.optional) if t not in answers]
    covered = [(a.start, a.end) for a in (*q.answers, *q.optional)]
    share = 1.0 / len(answers)
    out = [Choice(t, True, share) for t in answers] + [Choice(t, False, 0.0) for t in optional]
    seen = set(answers) | set(optional)
    for w in q.words:
        if w.text in seen or any(s < w.end and w.start < e for s, e in covered):
            continue
        seen.add(w.text)
        out.append(Choice(w.text, False, -share))
    return out


def choices(q: Question) -> list[Choice]:
    """The options of a ``single``, ``multiple`` or ``select-words`` question with their fractions."""
    if q.type == "single":
        return [Choice(o.text, o.correct, 1.0 if o.correct else 0.0, o.feedback) for o in q.options]
    if q.type == "multiple":
        n = sum(o.correct for o in q.options)
        return [Choice(o.text, o.correct, (1.0 if o.correct else -1.0) / n, o.feedback) for o in q.options]
    if q.type == "select-words":
        return _select_choices(q)
    raise ValueError(f"question {q.id!r} ({q.type}) has no options")


def moodle_percent(fraction: float) -> str:
    """A fraction as Moodle writes grades: percent with at most 5 decimals (``33.33333``)."""
    if abs(fraction) < 1e-9:
        return "0"
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def stem_markdown(q: Question) -> str:
    """The question text as Markdown: prompt, plus the passage, unit or word minimum the type needs."""
    parts = [q.prompt.strip()]
    if q.type == "select-words":
        source = q.passage_source.split(";")[0]
        parts.append(f"Passage ({source}):")
        parts.append("> " + " ".join(q.passage.split()))
    elif q.type == "numeric" and q.unit:
        parts.append(f"Answer in {q.unit}.")
    elif q.type == "reflection" and q.min_words:
        parts.append(f"Write at least {q.min_words} words.")
    return "\n\n".join(parts)


def stem_html(q: Question) -> str:
    """:func:`stem_markdown` as HTML (the safe subset; block quotes become ``<blockquote>``)."""
    out = []
    for block in stem_markdown(q).split("\n\n"):
        if block.startswith("> "):
            out.append(f"<blockquote>{markdown.to_html(block[2:])}</blockquote>")
        else:
            out.append(markdown.to_html(block))
    return "".join(out)


def feedback_markdown(q: Question, with_hint: bool = True) -> str:
    """General feedback: the explanation, then the hint where the format has no hint field."""
    parts = [q.explanation.strip()] if q.explanation.strip() else []
    if with_hint and q.hint.strip():
        parts.append(f"Hint: {q.hint.strip()}")
    return "\n\n".join(parts)


def category(bank: Bank) -> str:
    """The quiz or question-category name of a bank: its title (slashes would nest categories)."""
    return bank.title.replace("/", "-").strip()


def losses(bank: Bank, fmt: str) -> list[str]:
    """One line per question type used in ``bank``: what ``fmt`` loses of it."""
    table = LOSSES[fmt]
    kinds = dict.fromkeys(q.type for q in bank.questions)
    return [f"{kind}: {table[kind]}" for kind in kinds] + [f"all types: {table['all']}"]
