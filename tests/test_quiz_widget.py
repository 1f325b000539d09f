"""The widget quiz driven from Python, and one notebook cell giving both the widget and the HTML."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import medialit.quiz as mq

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@pytest.fixture
def quiz():
    return mq.view("demo").widget


def test_single_check_feedback_and_saved(quiz):
    qw = quiz.question("single-hedge")
    assert qw.radio.description == "Answer:"
    assert [label for label, _ in qw.radio.options] == ["likely", "time", "that"]
    qw.check_button.click()
    assert "Choose an answer first." in qw.feedback.value
    assert mq.saved_answer("demo", "single-hedge") is None  # nothing to save yet
    qw.radio.value = 1
    qw.check_button.click()
    assert "Not quite." in qw.feedback.value and "part of what is claimed" in qw.feedback.value
    assert "Explanation:" in qw.feedback.value and "mq-live" in qw.feedback._dom_classes
    qw.radio.value = 0
    qw.check_button.click()
    assert "✔ Correct." in qw.feedback.value and "makes the claim less certain" in qw.feedback.value
    assert mq.saved_entry("demo", "single-hedge")["score"] == 1.0
    assert "1 of 10 points" in quiz.score.value


def test_hint_and_try_again(quiz):
    qw = quiz.question("single-hedge")
    qw.hint_button.click()
    assert "lowers how sure" in qw.hint.value and qw.hint_button.description == "Hide hint"
    qw.hint_button.click()
    assert qw.hint.value == ""
    qw.radio.value = 2
    qw.check_button.click()
    qw.reset_button.click()
    assert qw.radio.value is None and "Cleared" in qw.feedback.value


def test_multiple_partial_credit_in_widget(quiz):
    qw = quiz.question("multiple-checks")
    qw.checks[0].value = True
    qw.checks[2].value = True
    qw.check_button.click()
    assert "Not quite." in qw.feedback.value  # 1 right - 1 wrong = 0
    assert "Design is easy to copy" in qw.feedback.value
    qw.checks[2].value = False
    qw.check_button.click()
    assert "Partly right: 1 of 2 points." in qw.feedback.value


def test_numeric(quiz):
    qw = quiz.question("numeric-paragraphs")
    qw.number.value = "abc"
    qw.check_button.click()
    assert "Type a number first" in qw.feedback.value
    qw.number.value = "15"
    qw.check_button.click()
    assert "Too high." in qw.feedback.value
    qw.number.value = "14"
    qw.check_button.click()
    assert "Correct." in qw.feedback.value


def test_select_words_toggles(quiz):
    qw = quiz.question("select-boosters")
    labels = [b.description for b in qw.words]
    assert labels[:3] == ["Clearly,", "the", "plan"]
    for i in (0, 4):
        qw.words[i].value = True
    assert qw.words[0].description == "✓ Clearly," and qw.words[0].button_style == "warning"
    qw.check_button.click()
    assert "Partly right" in qw.feedback.value and "1 still to find." in qw.feedback.value
    qw.words[7].value = True  # "everyone" in "as everyone knows"
    qw.check_button.click()
    assert "Correct." in qw.feedback.value
    qw.words[0].value = False
    assert qw.words[0].description == "Clearly,"


def test_match_dropdowns(quiz):
    qw = quiz.question("match-sources")
    assert [d.description for d in qw.dropdowns][0].startswith("Chinese Defense Ministry")
    for d, item in zip(qw.dropdowns, qw.question.items, strict=True):
        d.value = item.answer
    qw.check_button.click()
    assert "Correct." in qw.feedback.value and "Who are the many?" in qw.feedback.value


def test_reflection_saved_for_a_later_lesson(quiz):
    qw = quiz.question("reflection-first-reading")
    assert qw.check_button.description == "Save"
    qw.textarea.value = "Too short"
    qw.check_button.click()
    assert "at least 5 words" in qw.feedback.value
    qw.textarea.value = "It wants me to believe that an alliance is near."
    qw.check_button.click()
    assert "Saved." in qw.feedback.value
    assert mq.saved_answer("demo", "reflection-first-reading") == qw.textarea.value


def test_answers_restored_in_a_new_view(quiz):
    quiz.question("multiple-checks").checks[1].value = True
    quiz.question("multiple-checks").check_button.click()
    again = mq.view("demo", "multiple-checks").widget.questions[0]
    assert [c.value for c in again.checks] == [False, True, False, False]
    assert "Your saved answer is restored." in again.feedback.value


def test_running_score_updates_every_view_of_the_bank():
    one = mq.view("demo", "single-hedge").widget
    other = mq.view("demo", "numeric-paragraphs").widget
    other.questions[0].number.value = "14"
    other.questions[0].check_button.click()
    assert "1 of 10 points" in one.score.value


def test_save_failure_is_reported_not_raised(quiz, monkeypatch):
    from medialit.quiz import progress

    def boom(*a, **k):
        raise OSError("read-only file system")

    monkeypatch.setattr(progress.os, "replace", boom)
    qw = quiz.question("single-hedge")
    qw.radio.value = 0
    qw.check_button.click()
    assert "Could not save your answer" in qw.feedback.value and "Correct." in qw.feedback.value


def test_view_has_widget_and_html_representations():
    bundle = mq.view("demo", "single-hedge", "match-sources")._repr_mimebundle_()
    assert WIDGET_MIME in bundle and 'class="medialit-quiz' in bundle["text/html"]
    assert bundle["text/html"].count("<fieldset>") == 2
    with pytest.raises(KeyError, match="no question 'nope'"):
        mq.view("demo", "nope")


def _run(nb, cwd):
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def test_one_cell_gives_widget_and_html_and_restores_after_restart(tmp_path):
    progress = Path(os.environ["MEDIALIT_PROGRESS"])
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import medialit.quiz\nmedialit.quiz.show('demo')"),
        nbformat.v4.new_code_cell(
            "v = medialit.quiz.view('demo', 'numeric-paragraphs')\n"
            "qw = v.widget.questions[0]\n"
            "print('restored' if 'restored' in qw.feedback.value else 'fresh')\n"
            "qw.number.value = '14'\nqw.check_button.click()\n"
            "print(medialit.quiz.saved_answer('demo', 'numeric-paragraphs'))"
        ),
    ]
    first = _run(nb, tmp_path)
    outputs = [o for o in first.cells[0].outputs if o.output_type == "display_data"]
    assert len(outputs) == 1
    assert WIDGET_MIME in outputs[0].data and "text/html" in outputs[0].data
    assert outputs[0].data["text/html"].count("<fieldset>") == 7
    assert first.cells[1].outputs[0].text.split() == ["fresh", "14"]
    assert progress.is_file()
    # a new kernel (as after a restart) reads the saved answer back
    second = _run(nbformat.from_dict(nb), tmp_path)
    assert second.cells[1].outputs[0].text.split()[0] == "restored"
