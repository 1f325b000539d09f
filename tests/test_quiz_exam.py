"""Exam mode: bank `mode: exam`, per-use `mode=`, $MEDIALIT_QUIZ_MODE, the widget and the progress file."""

from __future__ import annotations

import json
import os

import pytest
import yaml

import medialit.quiz as mq
from medialit.quiz.modes import resolve_mode

VERDICTS = ("Correct", "Not quite", "Partly right", "Explanation", "✔", "✘", "points")


def _exam_bank(tmp_path):
    data = yaml.safe_load(open(mq.find_bank("demo"), encoding="utf-8"))
    data.update(id="examdemo", mode="exam")
    path = tmp_path / "examdemo.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_bank_mode_field_is_validated(tmp_path):
    bank = mq.load_bank(_exam_bank(tmp_path))
    assert bank.mode == "exam"
    assert mq.load_bank("demo").mode == "practice"
    with pytest.raises(mq.BankError, match="'mode'.*'quiz' is not one of practice, exam"):
        mq.parse_bank({"id": "x", "title": "X", "lesson": 1, "mode": "quiz",
                       "questions": [{"id": "r", "type": "reflection", "prompt": "p"}]})


def test_mode_precedence(monkeypatch):
    monkeypatch.delenv("MEDIALIT_QUIZ_MODE", raising=False)
    assert resolve_mode("exam") == "exam"
    assert resolve_mode("exam", "practice") == "practice"
    monkeypatch.setenv("MEDIALIT_QUIZ_MODE", "exam")
    assert resolve_mode("practice") == "exam"
    assert mq.view("demo").mode == "exam"
    assert mq.view("demo", mode="practice").mode == "practice"
    with pytest.raises(ValueError, match="unknown quiz mode 'test'"):
        resolve_mode("practice", "test")


def test_static_html_of_an_exam(tmp_path):
    html = mq.view(_exam_bank(tmp_path)).html
    assert 'data-mode="exam"' in html and 'class="mq-submit"' in html
    assert "mq-reset" not in html and "mq-hint-button" not in html
    practice = mq.view("demo").html
    assert 'data-mode="practice"' in practice and "mq-submit" not in practice


def test_widget_exam_saves_without_results_then_submit_reveals_and_locks():
    quiz = mq.view("demo", mode="exam").widget
    single = quiz.question("single-hedge")
    assert single.check_button.description == "Save answer"
    single.radio.value = 1  # wrong
    single.check_button.click()
    assert "Answer saved" in single.feedback.value
    assert not any(v in single.feedback.value for v in VERDICTS)
    assert "part of what is claimed" not in single.feedback.value
    assert quiz.score.value == ""  # no running score before Submit
    entry = mq.saved_entry("demo", "single-hedge")
    assert entry["mode"] == "exam" and "score" not in entry and "correct" not in entry
    numeric = quiz.question("numeric-paragraphs")
    numeric.number.value = "14"  # typed, not saved: Submit saves it

    quiz.submit_button.click()
    assert "Not quite." in single.feedback.value and "part of what is claimed" in single.feedback.value
    assert "Correct." in numeric.feedback.value
    assert "Not answered." in quiz.question("match-sources").feedback.value
    assert single.radio.disabled and single.check_button.disabled and quiz.submit_button.disabled
    assert all(b.disabled for b in quiz.question("select-boosters").words)
    assert "1 of 10 points" in quiz.score.value
    data = json.loads(open(os.environ["MEDIALIT_PROGRESS"], encoding="utf-8").read())
    assert data["banks"]["demo"]["mode"] == "exam" and data["banks"]["demo"]["submitted_at"]
    assert mq.saved_answer("demo", "numeric-paragraphs") == "14"
    single.radio.value = 0
    single.check_button.click()  # locked: nothing changes
    assert mq.saved_answer("demo", "single-hedge") == 1


def test_widget_exam_reopened_before_and_after_submit():
    first = mq.view("demo", mode="exam").widget
    first.question("single-hedge").radio.value = 0
    first.question("single-hedge").check_button.click()
    again = mq.view("demo", mode="exam").widget
    qw = again.question("single-hedge")
    assert qw.radio.value == 0 and "restored" in qw.feedback.value
    assert not any(v in qw.feedback.value for v in VERDICTS) and not qw.radio.disabled
    again.submit()
    third = mq.view("demo", mode="exam").widget
    assert third.question("single-hedge").radio.disabled
    assert "Correct." in third.question("single-hedge").feedback.value
    assert "Submitted earlier" in third.score.value


def test_practice_mode_records_its_mode():
    quiz = mq.view("demo", mode="practice").widget
    qw = quiz.question("single-hedge")
    qw.radio.value = 0
    qw.check_button.click()
    assert "Correct." in qw.feedback.value
    assert mq.saved_entry("demo", "single-hedge")["mode"] == "practice"
