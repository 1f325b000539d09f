"""The static (book) view of a bank: self-contained HTML wired by ``medialit-quiz.js``.

The HTML holds real form controls inside ``<fieldset>``/``<legend>``, prompts
rendered from the safe Markdown subset, and per question a ``data-key``
attribute with the answers, feedback and explanation *encoded* (JSON, XOR with
the bank id, reversed, base64) so that they are not readable in the page
source. This is a self-check, not a secure exam: the key can be decoded.

The page must also load ``medialit-quiz.js`` and ``medialit-quiz.css`` (see
:func:`static_files`); the book lists them in ``html_js_files`` /
``html_css_files``. :func:`standalone_page` inlines nothing and links both.
"""

from __future__ import annotations

import base64
import html
import itertools
import json
from importlib import resources
from pathlib import Path

from . import markdown
from .migrations import RENAMED_QUESTIONS
from .schema import Bank, Question

__all__ = ["decode_key", "encode_key", "question_key", "render_html", "standalone_page", "static_files"]

_COUNTER = itertools.count(1)
_TYPE_HELP = {
    "single": "Choose one answer.",
    "multiple": "Tick every answer that applies.",
    "numeric": "Type a number.",
    "select-words": "Click (or press Enter or Space on) each word to select or unselect it.",
    "match": "Choose a category for each item.",
    "reflection": "Write your answer; it is saved, not graded.",
}


def static_files() -> list[Path]:
    """Paths of ``medialit-quiz.js`` and ``medialit-quiz.css`` (package data)."""
    base = resources.files("medialit.quiz") / "static"
    return [Path(str(base / "medialit-quiz.js")), Path(str(base / "medialit-quiz.css"))]


def _mask(bank_id: str) -> bytes:
    return ("medialit:" + bank_id).encode("utf-8")


def encode_key(data: object, bank_id: str) -> str:
    """JSON -> UTF-8 -> XOR with ``"medialit:" + bank_id`` -> reversed -> base64."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    mask = _mask(bank_id)
    xored = bytes(b ^ mask[i % len(mask)] for i, b in enumerate(raw))
    return base64.b64encode(xored[::-1]).decode("ascii")


def decode_key(encoded: str, bank_id: str) -> object:
    """The inverse of :func:`encode_key` (used by tests and the JS)."""
    xored = base64.b64decode(encoded)[::-1]
    mask = _mask(bank_id)
    return json.loads(bytes(b ^ mask[i % len(mask)] for i, b in enumerate(xored)).decode("utf-8"))


def _word_sets(q: Question, spans) -> list[list[int]]:
    words = q.words
    return [[i for i, w in enumerate(words) if w.start < a.end and a.start < w.end] for a in spans]


def question_key(q: Question) -> dict:
    """Everything the browser needs to grade ``q`` (to be encoded, never shown as such)."""
    key: dict = {"t": q.type, "p": q.points, "e": q.explanation}
    if q.type in ("single", "multiple"):
        key["o"] = [[o.correct, o.feedback, markdown.to_text(o.text)] for o in q.options]
    elif q.type == "numeric":
        key.update(a=q.answer, tol=q.tolerance)
    elif q.type == "select-words":
        key.update(a=_word_sets(q, q.answers), opt=_word_sets(q, q.optional))
    elif q.type == "match":
        key["m"] = [[item.answer, item.feedback, item.text] for item in q.items]
    elif q.type == "reflection":
        key["min"] = q.min_words
    return key


def _points(q: Question) -> str:
    if not q.graded:
        return "not graded"
    return f"{q.points:g} point" + ("" if q.points == 1 else "s")


def _controls(q: Question, uid: str) -> str:
    e = html.escape
    if q.type in ("single", "multiple"):
        kind = "radio" if q.type == "single" else "checkbox"
        rows = []
        for i, opt in enumerate(q.options):
            oid = f"{uid}-o{i}"
            rows.append(
                f'<div class="mq-option"><input type="{kind}" id="{oid}" name="{uid}" value="{i}">'
                f'<label for="{oid}">{markdown.inline_html(opt.text)}</label></div>'
            )
        return f'<div class="mq-options">{"".join(rows)}</div>'
    if q.type == "numeric":
        unit = f' <span class="mq-unit">{e(q.unit)}</span>' if q.unit else ""
        return (
            f'<div class="mq-numeric"><label for="{uid}-n">Your answer</label> '
            f'<input type="text" inputmode="decimal" autocomplete="off" id="{uid}-n" class="mq-number">'
            f"{unit}</div>"
        )
    if q.type == "select-words":
        parts, pos = [], 0
        for i, w in enumerate(q.words):
            parts.append(e(q.passage[pos:w.start]))
            parts.append(
                f'<button type="button" class="mq-word" aria-pressed="false" data-i="{i}">{e(w.text)}</button>'
            )
            pos = w.end
        parts.append(e(q.passage[pos:]))
        source = ""
        if q.passage_source.startswith("case-study"):
            source = f'<p class="mq-source">From the {e(q.passage_source.split(";")[0])}.</p>'
        return (
            f'<div class="mq-passage" role="group" aria-label="Passage: select words">{"".join(parts)}</div>'
            f"{source}"
        )
    if q.type == "match":
        rows = []
        options = '<option value="">Choose…</option>' + "".join(
            f'<option value="{e(c)}">{e(c)}</option>' for c in q.categories
        )
        for i, item in enumerate(q.items):
            iid = f"{uid}-m{i}"
            rows.append(
                f'<div class="mq-match-row"><label for="{iid}">{markdown.inline_html(item.text)}</label>'
                f'<select id="{iid}" data-i="{i}">{options}</select></div>'
            )
        return f'<div class="mq-match">{"".join(rows)}</div>'
    placeholder = f' placeholder="{e(q.placeholder)}"' if q.placeholder else ""
    return (
        f'<div class="mq-reflection"><label for="{uid}-r">Your answer</label>'
        f'<textarea id="{uid}-r" rows="4"{placeholder}></textarea></div>'
    )


def _question_html(bank: Bank, q: Question, number: int, total: int, exam: bool = False) -> str:
    e = html.escape
    uid = f"mq-{bank.id}-{q.id}-{next(_COUNTER)}"
    legend = f"Question {number} of {total}" if total > 1 else "Question"
    check = "Save answer" if exam else ("Save" if q.type == "reflection" else "Check")
    reset = "" if exam else '<button type="button" class="mq-reset">Try again</button>'
    hint_button = hint = ""
    if q.hint and not exam:
        hint_button = (
            f'<button type="button" class="mq-hint-button" aria-expanded="false" '
            f'aria-controls="{uid}-hint">Hint</button>'
        )
        hint = f'<div class="mq-hint" id="{uid}-hint" hidden>{markdown.to_html(q.hint)}</div>'
    return (
        f'<div class="mq-question" data-qid="{e(q.id)}" data-type="{q.type}"{_formerly(bank, q)} '
        f'data-key="{encode_key(question_key(q), bank.id)}">'
        f'<fieldset><legend><span class="mq-number">{legend}</span> '
        f'<span class="mq-points">({_points(q)})</span></legend>'
        f'<div class="mq-prompt" id="{uid}-prompt">{markdown.to_html(q.prompt)}</div>'
        f'<p class="mq-help">{_TYPE_HELP[q.type]}</p>'
        f"{_controls(q, uid)}"
        f'<div class="mq-buttons"><button type="button" class="mq-check">{check}</button>'
        f"{hint_button}{reset}</div>"
        f"{hint}"
        f'<div class="mq-feedback" role="status" aria-live="polite"></div>'
        f"</fieldset></div>"
    )


def _formerly(bank: Bank, q: Question) -> str:
    """``data-formerly`` naming the bank a moved question's answers were saved under, if any.

    The page's script moves a browser's saved answer from there (see
    :mod:`medialit.quiz.migrations`, which does the same for progress files).
    """
    old = [o for (o, qid), new in RENAMED_QUESTIONS.items() if qid == q.id and new == bank.id]
    return f' data-formerly="{html.escape(old[0])}"' if old else ""


_EXAM_HEAD = (
    '<p class="mq-exam-note"><strong>Exam mode:</strong> press <em>Save answer</em> on each question, '
    "then <em>Submit answers</em>. Results appear after you submit; then your answers are locked.</p>"
)
_EXAM_TAIL = (
    '<div class="mq-submit-row"><button type="button" class="mq-submit">Submit answers</button></div>'
)


def render_html(bank: Bank, question_ids: list[str] | None = None, mode: str | None = None) -> str:
    """The static quiz: one ``div.medialit-quiz`` for ``bank`` (or only the given questions).

    ``mode`` (``practice`` or ``exam``; default: the bank's) goes into
    ``data-mode``: in exam mode the page saves answers and shows results only
    after Submit. Needs ``medialit-quiz.js`` and ``.css`` on the page; without
    JavaScript a note says so. Every text from the bank is escaped.
    """
    mode = mode or bank.mode
    exam = mode == "exam"
    e = html.escape
    questions = [bank.question(qid) for qid in question_ids] if question_ids else list(bank.questions)
    numbers = {q.id: i + 1 for i, q in enumerate(bank.questions)}
    total = len(bank.questions)
    head = ""
    if not question_ids or len(question_ids) > 1:
        head = f'<h3 class="mq-title">{e(bank.title)}</h3>'
        if bank.description:
            head += f'<div class="mq-description">{markdown.to_html(bank.description)}</div>'
    head += _EXAM_HEAD if exam else ""
    body = "".join(_question_html(bank, q, numbers[q.id], total, exam) for q in questions)
    return (
        f'<div class="medialit-quiz tex2jax_ignore" data-bank="{e(bank.id)}" data-mode="{e(mode)}" '
        f'data-title="{e(bank.title)}">{head}{body}{_EXAM_TAIL if exam else ""}'
        f'<p class="mq-score" aria-live="polite"></p>'
        f'<noscript><p class="mq-noscript">This self-check quiz needs JavaScript.</p></noscript>'
        f"</div>"
    )


def standalone_page(bank: Bank, question_ids: list[str] | None = None, static_prefix: str = "",
                    mode: str | None = None) -> str:
    """A whole HTML page with the quiz, linking ``medialit-quiz.css`` and ``.js`` from ``static_prefix``."""
    e = html.escape
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(bank.title)}</title>"
        f'<link rel="stylesheet" href="{e(static_prefix)}medialit-quiz.css">'
        f'<script src="{e(static_prefix)}medialit-quiz.js" defer></script>'
        f"</head><body><main>{render_html(bank, question_ids, mode)}</main></body></html>\n"
    )
