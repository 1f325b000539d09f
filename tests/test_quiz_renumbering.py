"""Lesson 8 became Lesson 9 (bank lesson08 -> lesson09): students' saved answers still count."""

from __future__ import annotations

import json
import re

import pytest

import medialit.quiz as mq
from medialit.quiz import bank_score, load_bank, load_progress, record_answer, saved_answer
from medialit.quiz.migrations import RENAMED_QUESTIONS, migrate


def _old_file(path, answers):
    data = {"format": "medialit-progress", "version": 1, "banks": {
        "lesson08": {"title": "Lesson 8: Your own article",
                     "questions": {qid: {"answer": a} for qid, a in answers.items()}}}}
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_table_lists_exactly_the_moved_bank_questions():
    moved = {qid for (old, qid), new in RENAMED_QUESTIONS.items() if (old, new) == ("lesson08", "lesson09")}
    assert moved == {q.id for q in load_bank("lesson09").questions}
    assert not moved & {q.id for q in load_bank("lesson08").questions}, "new Lesson 8 ids must not collide"


def test_answers_saved_under_lesson08_count_for_lesson09(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("MEDIALIT_PROGRESS", str(path))
    bank = load_bank("lesson09")
    graded = next(q for q in bank.questions if q.graded and q.type == "single")
    right = next(i for i, o in enumerate(graded.options) if o.correct)
    _old_file(path, {"new-impression-rating": 4, graded.id: right})
    assert saved_answer("lesson09", "new-impression-rating") == 4
    score, _, checked, _ = bank_score(bank, load_progress())
    assert checked == 2 and score > 0
    assert bank_score(load_bank("lesson08"), load_progress())[2] == 0


def test_a_new_answer_keeps_the_moved_ones(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("MEDIALIT_PROGRESS", str(path))
    _old_file(path, {"what-changed": "I look for sources now."})
    record_answer("lesson08", "page-next-time", "The headline and the photo credit first.")
    saved = json.loads(path.read_text(encoding="utf-8"))["banks"]
    assert saved["lesson09"]["questions"]["what-changed"]["answer"] == "I look for sources now."
    assert list(saved["lesson08"]["questions"]) == ["page-next-time"]


def test_an_answer_already_under_the_new_bank_wins():
    progress = {"banks": {"lesson08": {"questions": {"next-step": {"answer": "old"}}},
                          "lesson09": {"questions": {"next-step": {"answer": "new"}}}}}
    migrate(progress)
    assert progress["banks"]["lesson09"]["questions"]["next-step"]["answer"] == "new"
    assert "lesson08" not in progress["banks"]


@pytest.mark.parametrize("banks", [{}, {"lesson08": {"questions": {"page-next-time": {"answer": "x"}}}}])
def test_nothing_to_move_changes_nothing(banks):
    progress = {"banks": json.loads(json.dumps(banks))}
    assert migrate(progress) == {"banks": banks}


def test_the_book_page_names_the_old_bank_of_each_moved_question_only():
    page = mq.render_html(mq.load_bank("lesson09"))
    moved = {qid for (_old, qid) in RENAMED_QUESTIONS}
    for qid in (q.id for q in mq.load_bank("lesson09").questions):
        tag = re.search(rf'<div class="mq-question" data-qid="{qid}"[^>]*>', page).group(0)
        assert ('data-formerly="lesson08"' in tag) == (qid in moved)
    assert "data-formerly" not in mq.render_html(mq.load_bank("lesson08"))
