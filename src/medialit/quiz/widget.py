"""The JupyterLab view of a bank: ipywidgets with Check, Hint, Try again and saved progress.

Every control is a real, labelled ipywidget (radio buttons, checkboxes, text
boxes, drop-downs, toggle buttons), so the quiz works by keyboard. Checking an
answer grades it (:mod:`.grading`), shows feedback that explains, saves answer
and score to the progress file (:mod:`.progress`) and updates the running
score of every view of the same bank. Reopening the notebook after a kernel
restart restores the saved answers.
"""

from __future__ import annotations

import html
import weakref
from typing import Any

import anywidget
import ipywidgets as w

from . import markdown
from .grading import Grade, grade
from .progress import bank_score, bank_submitted, load_progress, record_answer, saved_entry, submit_bank
from .schema import Bank, Question

__all__ = ["KeyboardGuard", "QuestionWidget", "QuizWidget"]

_EXAM_SAVED = "Answer saved. Your results appear after you press Submit at the end of the quiz."

_COLOURS = {"correct": "#0b6b2e", "partial": "#7a4b00", "wrong": "#a4161a", "empty": "#1a1a1a"}
_ICONS = {"correct": "\u2714 ", "partial": "\u25d0 ", "wrong": "\u2718 ", "empty": ""}
_SCORE_VIEWS: dict[str, weakref.WeakSet] = {}
_HELP = {
    "single": "Choose one answer, then press Check.",
    "multiple": "Tick every answer that applies, then press Check.",
    "numeric": "Type a number, then press Check.",
    "select-words": "Click (or Tab to and press Space on) each word to select it; a ✓ marks selected words.",
    "match": "Choose a category for each item, then press Check.",
    "reflection": "Write your answer and press Save. It is saved, not graded.",
}


class KeyboardGuard(anywidget.AnyWidget):
    """An invisible widget that keeps JupyterLab's notebook shortcuts away from the quiz.

    In JupyterLab's command mode, arrow keys pressed on a radio button select the next
    cell instead of the next option, and Enter enters edit mode. Once shown, this
    widget marks every control of its quiz that gets focus with
    ``data-lm-suppress-shortcuts`` (Lumino's switch for this; it must sit on the
    focused element itself, since the shortcuts' ``:focus`` selectors match it),
    so keys inside the quiz reach the controls. It also makes the lasting element of
    each feedback and score widget (class ``mq-live``) an ``aria-live`` region, so
    screen readers announce each new feedback (the HTML inside is replaced).
    """

    _esm = """
    function render({ el }) {
      let tries = 0;
      const guard = (event) => {
        const target = event.target;
        if (target && target.setAttribute) target.setAttribute("data-lm-suppress-shortcuts", "true");
      };
      const announce = (quiz) => {
        quiz.querySelectorAll(".mq-live > .widget-html-content").forEach((node) => {
          if (!node.hasAttribute("aria-live")) {
            node.setAttribute("role", "status");
            node.setAttribute("aria-live", "polite");
          }
        });
      };
      const mark = () => {
        const quiz = el.isConnected ? el.closest(".medialit-quiz") : null;
        if (quiz) {
          quiz.setAttribute("data-lm-suppress-shortcuts", "true");
          quiz.addEventListener("focusin", guard);
          if (quiz.contains(document.activeElement)) guard({ target: document.activeElement });
          announce(quiz);
          new MutationObserver(() => announce(quiz)).observe(quiz, { childList: true, subtree: true });
        } else if (tries++ < 100) {
          setTimeout(mark, 100);
        }
      };
      mark();
    }
    export default { render };
    """


def _level(result: Grade, empty: bool) -> str:
    if empty:
        return "empty"
    if result.correct:
        return "correct"
    return "partial" if result.score > 0 else "wrong"


def _score_text(bank: Bank) -> str:
    score, points, checked, graded = bank_score(bank, load_progress())
    if not graded:
        return ""
    return (
        f'<p><strong>Your score in {html.escape(bank.title)}: '
        f"{score:g} of {points:g} points</strong> ({checked} of {graded} questions checked)</p>"
    )


def _refresh_scores(bank: Bank) -> None:
    text = _score_text(bank)
    for label in list(_SCORE_VIEWS.get(bank.id, ())):
        label.value = text


class QuestionWidget:
    """One question as widgets. ``.box`` is the displayable ``VBox``.

    Drive it from Python (tests do): :meth:`set_answer`, ``check_button.click()``,
    then read ``feedback.value``.
    """

    def __init__(self, bank: Bank, question: Question, number: int = 1, total: int = 1,
                 mode: str = "practice"):
        self.bank, self.question = bank, question
        self.exam = mode == "exam"
        self.locked = False
        q = question
        legend = f"Question {number} of {total}" if total > 1 else "Question"
        points = "not graded" if not q.graded else f"{q.points:g} point" + ("" if q.points == 1 else "s")
        self.prompt = w.HTML(
            f'<div class="mq-prompt"><strong>{legend}</strong> ({points})'
            f"{markdown.to_html(q.prompt)}<p><em>{html.escape(_HELP[q.type])}</em></p></div>"
        )
        self.control = self._make_control()
        saves = q.type == "reflection" or self.exam
        self.check_button = w.Button(
            description=("Save answer" if self.exam else "Save") if saves else "Check",
            tooltip="Save your answer" if saves else "Check your answer",
            button_style="primary",
        )
        self.reset_button = w.Button(description="Try again", tooltip="Clear your answer and try again")
        self.hint_button = w.Button(description="Hint", tooltip="Show or hide a hint")
        buttons = [self.check_button]
        if q.hint and not self.exam:
            buttons.append(self.hint_button)
        if not self.exam:
            buttons.append(self.reset_button)
        self.hint = w.HTML("")
        self.feedback = w.HTML("")
        self.feedback.add_class("mq-live")
        self.check_button.on_click(lambda _: self.check())
        self.reset_button.on_click(lambda _: self.reset())
        self.hint_button.on_click(lambda _: self.toggle_hint())
        self.box = w.VBox(
            [self.prompt, self.control, w.HBox(buttons), self.hint, self.feedback],
            layout=w.Layout(border="1px solid #9ca3af", padding="6px 10px", margin="6px 0"),
        )
        self.box.add_class("medialit-quiz-question")
        self.last_grade: Grade | None = None
        self.restore()

    # -- controls --------------------------------------------------------------------------
    def _make_control(self) -> w.Widget:
        makers = {"single": self._single_control, "multiple": self._multiple_control,
                  "numeric": self._numeric_control, "select-words": self._words_control,
                  "match": self._match_control, "reflection": self._text_control}
        return makers[self.question.type]()

    def _single_control(self) -> w.Widget:
        q = self.question
        self.radio = w.RadioButtons(
            options=[(markdown.to_text(o.text), i) for i, o in enumerate(q.options)],
            value=None, description="Answer:", layout=w.Layout(width="auto"),
        )
        return self.radio

    def _multiple_control(self) -> w.Widget:
        self.checks = [
            w.Checkbox(value=False, description=markdown.to_text(o.text), indent=False, layout=w.Layout(width="auto"))
            for o in self.question.options
        ]
        return w.VBox(self.checks)

    def _numeric_control(self) -> w.Widget:
        q = self.question
        self.number = w.Text(
            value="", description="Your answer:", placeholder="a number",
            style={"description_width": "initial"}, continuous_update=False,
        )
        unit = w.Label(q.unit) if q.unit else w.Label("")
        return w.HBox([self.number, unit])

    def _words_control(self) -> w.Widget:
        q = self.question
        self.words = []
        passage = q.passage
        spans = q.words
        for i, word in enumerate(spans):
            end = spans[i + 1].start if i + 1 < len(spans) else len(passage)
            trailing = passage[word.end:end].strip()
            button = w.ToggleButton(
                value=False, description=word.text + trailing,
                tooltip=f"select the word {word.text!r}",
                layout=w.Layout(width="auto", margin="1px"),
            )
            button.observe(self._mark_word, names="value")
            self.words.append(button)
        lead = passage[: spans[0].start].strip() if spans else ""
        items: list[w.Widget] = ([w.Label(lead)] if lead else []) + self.words
        passage_box = w.Box(items, layout=w.Layout(display="flex", flex_flow="row wrap"))
        if not q.passage_source.startswith("case-study"):
            return passage_box
        source = w.HTML(f"<small>From the {html.escape(q.passage_source.split(';')[0])}.</small>")
        return w.VBox([passage_box, source])

    def _match_control(self) -> w.Widget:
        q = self.question
        options = [("Choose…", "")] + [(c, c) for c in q.categories]
        self.dropdowns = [
            w.Dropdown(
                options=options, value="", description=markdown.to_text(item.text),
                style={"description_width": "initial"}, layout=w.Layout(width="auto"),
            )
            for item in q.items
        ]
        return w.VBox(self.dropdowns)

    def _text_control(self) -> w.Widget:
        q = self.question
        self.textarea = w.Textarea(
            value="", placeholder=q.placeholder or "Your answer", description="Your answer:",
            style={"description_width": "initial"}, layout=w.Layout(width="95%", height="6em"),
        )
        return self.textarea

    def _mark_word(self, change: dict) -> None:
        button = change["owner"]
        text = button.description.removeprefix("✓ ")
        button.description = f"✓ {text}" if change["new"] else text
        button.button_style = "warning" if change["new"] else ""

    def answer(self) -> Any:
        """The current answer, in the form :func:`.grading.grade` takes."""
        q = self.question
        if q.type == "single":
            return self.radio.value
        if q.type == "multiple":
            return [i for i, c in enumerate(self.checks) if c.value]
        if q.type == "numeric":
            return self.number.value
        if q.type == "select-words":
            return [i for i, b in enumerate(self.words) if b.value]
        if q.type == "match":
            return [d.value or None for d in self.dropdowns]
        return self.textarea.value

    def set_answer(self, answer: Any) -> None:
        """Put ``answer`` into the controls (ignores values that no longer fit the question)."""
        q = self.question
        if q.type == "single":
            ok = isinstance(answer, int) and 0 <= answer < len(q.options)
            self.radio.value = answer if ok else None
        elif q.type == "multiple":
            chosen = set(answer) if isinstance(answer, (list, tuple)) else set()
            for i, c in enumerate(self.checks):
                c.value = i in chosen
        elif q.type == "numeric":
            self.number.value = "" if answer is None else str(answer)
        elif q.type == "select-words":
            chosen = set(answer) if isinstance(answer, (list, tuple)) else set()
            for i, b in enumerate(self.words):
                b.value = i in chosen
        elif q.type == "match":
            values = list(answer) if isinstance(answer, (list, tuple)) else []
            for i, d in enumerate(self.dropdowns):
                v = values[i] if i < len(values) else None
                d.value = v if v in q.categories else ""
        else:
            self.textarea.value = answer if isinstance(answer, str) else ""

    # -- actions ---------------------------------------------------------------------------
    def _show(self, result: Grade, empty: bool, note: str = "") -> None:
        level = _level(result, empty)
        colour = _COLOURS[level]
        parts = [f'<div class="mq-feedback mq-{level}" '
                 f'style="border-left:4px solid {colour};padding:4px 8px;background:#f9fafb;color:#1a1a1a">']
        if note:
            parts.append(f"<p><em>{html.escape(note)}</em></p>")
        parts.append(f'<p style="color:{colour};font-weight:bold">{_ICONS[level]}{html.escape(result.status)}</p>')
        if not empty:
            if result.feedback:
                items = "".join(f"<li>{markdown.inline_html(m)}</li>" for m in result.feedback)
                parts.append(f"<ul>{items}</ul>")
            if self.question.explanation:
                parts.append(f"<div><strong>Explanation:</strong> {markdown.to_html(self.question.explanation)}</div>")
        parts.append("</div>")
        self.feedback.value = "".join(parts)

    def check(self) -> Grade:
        """Grade the current answer, show feedback, save it and update the running score.

        In exam mode the answer is saved without its grade and no feedback is shown.
        """
        if self.exam:
            return self.save_exam_answer()
        answer = self.answer()
        result = grade(self.question, answer)
        empty = not result.answered
        note = ""
        if not empty:
            try:
                record_answer(self.bank.id, self.question.id, answer, result, title=self.bank.title,
                              mode="practice")
            except OSError as exc:
                note = f"Could not save your answer ({exc}); it is kept only until the kernel stops."
        self.last_grade = result
        self._show(result, empty, note)
        if not empty:
            _refresh_scores(self.bank)
        return result

    def save_exam_answer(self, quiet: bool = False) -> Grade:
        """Exam mode: save the answer (no score in the file) and say so; no correctness shown."""
        result = grade(self.question, self.answer())
        if self.locked:
            return result
        if not result.answered:
            if not quiet:
                self._note(result.status)
            return result
        try:
            record_answer(self.bank.id, self.question.id, self.answer(), None, title=self.bank.title,
                          mode="exam")
        except OSError as exc:
            self._note(f"Could not save your answer ({exc}); it is kept only until the kernel stops.")
            return result
        if not quiet:
            self._note(_EXAM_SAVED)
        return result

    def _note(self, text: str) -> None:
        self.feedback.value = (f'<div class="mq-feedback mq-empty" style="padding:4px 8px;color:#1a1a1a">'
                               f"<p>{html.escape(text)}</p></div>")

    def lock(self) -> None:
        """Disable every control and button (exam mode, after Submit)."""
        self.locked = True
        stack: list[w.Widget] = [self.control, self.check_button, self.reset_button, self.hint_button]
        while stack:
            widget = stack.pop()
            if hasattr(widget, "disabled"):
                widget.disabled = True
            stack.extend(getattr(widget, "children", ()))

    def reveal(self) -> Grade:
        """Show the grade and feedback of the current answer (exam mode, after Submit)."""
        result = grade(self.question, self.answer())
        self.last_grade = result
        if result.answered:
            self._show(result, False)
        else:
            self._note("Not answered.")
        return result

    def reset(self) -> None:
        """Clear the answer and the feedback (the saved score stays until the next Check)."""
        q = self.question
        self.set_answer(None if q.type in ("single", "numeric", "reflection") else [])
        self.feedback.value = "<p><em>Cleared: answer again and press Check.</em></p>"

    def toggle_hint(self) -> None:
        """Show the hint, or hide it if shown."""
        if self.hint.value:
            self.hint.value = ""
            self.hint_button.description = "Hint"
        else:
            self.hint.value = (f'<div style="border-left:4px solid #1f4e8c;padding:4px 8px">'
                               f"<strong>Hint:</strong> {markdown.to_html(self.question.hint)}</div>")
            self.hint_button.description = "Hide hint"

    def restore(self) -> bool:
        """Load the saved answer from the progress file, if any, and show its feedback."""
        entry = saved_entry(self.bank.id, self.question.id)
        if entry is None:
            return False
        self.set_answer(entry.get("answer"))
        if self.exam:
            self._note("Your saved answer is restored. Results appear after you press Submit.")
            return True
        result = grade(self.question, self.answer())
        if result.answered:
            self.last_grade = result
            self._show(result, False, "Your saved answer is restored.")
        return True


class QuizWidget:
    """A bank (or some of its questions) as widgets, with a running score. ``.box`` displays it."""

    def __init__(self, bank: Bank, question_ids: list[str] | None = None, mode: str = "practice"):
        self.bank = bank
        self.mode = mode
        chosen = [bank.question(q) for q in question_ids] if question_ids else list(bank.questions)
        numbers = {q.id: i + 1 for i, q in enumerate(bank.questions)}
        self.questions = [QuestionWidget(bank, q, numbers[q.id], len(bank.questions), mode) for q in chosen]
        head: list[w.Widget] = []
        if not question_ids or len(question_ids) > 1:
            title = f"<h3>{html.escape(bank.title)}</h3>"
            if bank.description:
                title += markdown.to_html(bank.description)
            head.append(w.HTML(title))
        self.score = w.HTML("" if mode == "exam" else _score_text(bank))
        self.score.add_class("mq-live")
        guard = KeyboardGuard(layout=w.Layout(display="none"))
        tail: list[w.Widget] = [self.score, guard]
        if mode == "exam":
            head.append(w.HTML("<p><strong>Exam mode:</strong> press <em>Save answer</em> on each question, "
                               "then <em>Submit answers</em>. Results appear after you submit; "
                               "then your answers are locked.</p>"))
            self.submit_button = w.Button(description="Submit answers", button_style="warning",
                                          tooltip="Submit: lock your answers and see your results")
            self.submit_button.on_click(lambda _: self.submit())
            tail.insert(0, self.submit_button)
        else:
            _SCORE_VIEWS.setdefault(bank.id, weakref.WeakSet()).add(self.score)
        self.box = w.VBox(head + [q.box for q in self.questions] + tail)
        self.box.add_class("medialit-quiz")
        if mode == "exam" and bank_submitted(bank.id):
            self._finish("Submitted earlier: your answers are locked.")

    def submit(self) -> None:
        """Exam mode: save every answer, record the submission, lock the answers, show the results."""
        if self.mode != "exam" or self.submit_button.disabled:
            return
        for qw in self.questions:
            qw.save_exam_answer(quiet=True)
        try:
            submit_bank(self.bank.id, "exam")
        except OSError as exc:
            self.score.value = f"<p>Could not record the submission ({html.escape(str(exc))}).</p>"
        self._finish("Submitted: your answers are locked.")

    def _finish(self, note: str) -> None:
        for qw in self.questions:
            qw.lock()
            qw.reveal()
        self.submit_button.disabled = True
        self.score.value = f"<p><em>{html.escape(note)}</em></p>" + _score_text(self.bank)

    def question(self, question_id: str) -> QuestionWidget:
        """The view of one question of this quiz."""
        for qw in self.questions:
            if qw.question.id == question_id:
                return qw
        raise KeyError(question_id)
