"""Comparing a student's marks with a detector or an answer key."""

from __future__ import annotations

import pytest

import medialit
from medialit.document import Span
from medialit.selfcheck import compare, phrase_spans, selected_spans

quiz = pytest.importorskip("medialit.quiz.schema")


def test_phrase_spans_whole_words_any_case_inside_window():
    text = "Likely so. It is likely. Unlikely!"
    spans = phrase_spans(text, ["likely"])
    assert [(s.start, s.text) for s in spans] == [(0, "Likely"), (17, "likely")]
    assert phrase_spans(text, ["likely"], start=5) == [Span(17, 23, "likely")]
    with pytest.raises(ValueError, match="'probably' does not occur"):
        phrase_spans(text, ["probably"])


def test_compare_counts_overlaps_once_and_ignores_optional():
    mine = [Span(0, 11, "It is likely"), Span(30, 35, "never")]
    reference = [
        {"start": 6, "end": 12, "text": "likely"},
        {"start": 40, "end": 48, "text": "probably"},
        {"start": 30, "end": 35, "text": "never", "optional": True},
    ]
    result = compare(mine, reference)
    assert len(result.agreed) == 1
    assert result.only_mine == ()
    assert [r["text"] for r in result.only_reference] == ["probably"]
    assert result.precision == 1.0 and result.recall == 0.5
    assert "recall 0.50" in str(result)


def test_compare_with_nothing_marked():
    result = compare([], [Span(0, 2, "ab")])
    assert result.precision == 1.0 and result.recall == 0.0


def _word_numbers(bank, qid, wanted):
    question = quiz.load_bank(bank).question(qid)
    return [i for i, w in enumerate(question.words) if w.text in wanted]


def test_selected_spans_in_a_literal_passage():
    chosen = _word_numbers("lesson00", "unsure-words", {"likely", "possible"})
    spans = selected_spans("lesson00", "unsure-words", answer=chosen)
    assert [s.text for s in spans] == ["likely", "possible"]


def test_selected_spans_in_a_case_study_paragraph_index_the_article():
    doc = medialit.load_case_study()
    chosen = _word_numbers("lesson01", "we-voice", {"us", "we"})
    spans = selected_spans("lesson01", "we-voice", answer=chosen)
    assert [s.text for s in spans] == ["us", "we"]
    assert all(doc.text[s.start : s.end] == s.text for s in spans)
    assert all(doc.paragraph_index(s.start) == 13 for s in spans)


def test_adjacent_words_make_one_selection():
    question = quiz.load_bank("lesson00").question("unsure-words")
    first_three = [0, 1, 2]
    spans = selected_spans("lesson00", "unsure-words", answer=first_three)
    assert len(spans) == 1
    assert spans[0].text == question.passage[: question.words[2].end]


def test_nothing_saved_yet_gives_none():
    assert selected_spans("lesson00", "unsure-words") is None


def test_only_select_words_questions():
    with pytest.raises(ValueError, match="not select-words"):
        selected_spans("lesson00", "run-cell", answer=[0])
