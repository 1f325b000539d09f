"""Pure grading, the safe Markdown subset, and the static HTML (escaping, encoded key)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medialit.quiz as mq
from medialit.quiz import markdown
from medialit.quiz.grading import parse_number
from medialit.quiz.static import decode_key, encode_key, question_key, render_html


@pytest.fixture(scope="module")
def demo():
    return mq.load_bank("demo")


def word_indices(q, *texts):
    return [i for i, w in enumerate(q.words) if w.text in texts]


def test_single(demo):
    q = demo.question("single-hedge")
    right = mq.grade(q, 0)
    assert (right.score, right.correct, right.status) == (1.0, True, "Correct.")
    assert right.feedback == ("Right: *likely* makes the claim less certain.",)
    wrong = mq.grade(q, 2)
    assert (wrong.score, wrong.correct, wrong.answered) == (0.0, False, True)
    assert "introduces the clause" in wrong.feedback[0]
    assert mq.grade(q, None).answered is False


def test_multiple_partial_credit(demo):
    q = demo.question("multiple-checks")  # 2 points, options 0 and 1 right
    assert mq.grade(q, [0, 1]).score == 2.0
    half = mq.grade(q, [0])
    assert half.score == 1.0 and half.status == "Partly right: 1 of 2 points."
    assert "1 right answer not ticked yet." in half.feedback
    assert mq.grade(q, [0, 1, 2]).score == 1.0
    assert mq.grade(q, [0, 1, 2, 3]).score == 0.0  # ticking everything earns nothing
    assert mq.grade(q, [2, 3]).score == 0.0
    assert mq.grade(q, []).answered is False


def test_numeric(demo):
    q = demo.question("numeric-paragraphs")
    assert mq.grade(q, "14").correct and mq.grade(q, 14).correct and mq.grade(q, " 14.0 ").correct
    assert mq.grade(q, "15").feedback == ("Too high.",)
    assert mq.grade(q, "13").feedback == ("Too low.",)
    assert mq.grade(q, "fourteen").answered is False
    assert parse_number("3,5") == 3.5 and parse_number("nan") is None


def test_numeric_tolerance():
    bank = mq.parse_bank({"id": "t", "title": "T", "lesson": 1, "questions": [
        {"id": "n", "type": "numeric", "prompt": "p", "explanation": "e", "answer": 10, "tolerance": 0.5}]})
    q = bank.question("n")
    assert mq.grade(q, 10.5).correct and mq.grade(q, 9.5).correct and not mq.grade(q, 10.6).correct


def test_select_words_overlap_grading(demo):
    q = demo.question("select-hedges-case-study")  # answers likely, probably; optional can
    both = word_indices(q, "likely", "probably")
    assert mq.grade(q, both).score == 2.0
    # a short phrase around an answer still finds it
    k = word_indices(q, "likely")[0]
    it_is_likely = [k - 2, k - 1, k]
    assert [q.words[i].text for i in it_is_likely] == ["It", "is", "likely"]
    phrase = mq.grade(q, it_is_likely)
    assert phrase.score == 1.0 and "1 still to find." in phrase.feedback
    # the optional "can" is neither required nor penalised
    assert mq.grade(q, both + word_indices(q, "can")).score == 2.0
    # a false alarm costs one answer's worth and is named
    with_alarm = mq.grade(q, both + word_indices(q, "president"))
    assert with_alarm.score == 1.0
    assert any("*president*" in m for m in with_alarm.feedback)
    # clicking the whole passage earns nothing
    assert mq.grade(q, list(range(len(q.words)))).score == 0.0
    assert mq.grade(q, []).answered is False


def test_select_words_multiword_answer(demo):
    q = demo.question("select-boosters")
    assert mq.grade(q, word_indices(q, "Clearly", "certainly", "everyone")).score == 1.0
    assert mq.grade(q, word_indices(q, "Clearly", "certainly")).score == pytest.approx(0.6667)


def test_match_partial_credit(demo):
    q = demo.question("match-sources")
    right = [i.answer for i in q.items]
    assert mq.grade(q, right).score == 3.0
    one_wrong = mq.grade(q, [right[0], right[0], right[2]])
    assert one_wrong.score == 2.0 and "2 of 3 in the right category." in one_wrong.feedback
    assert mq.grade(q, [None, None, None]).answered is False


def test_reflection_is_saved_not_graded(demo):
    q = demo.question("reflection-first-reading")  # min_words 5
    assert mq.grade(q, "too short").answered is False
    ok = mq.grade(q, "It wants me to believe an alliance is coming.")
    assert ok.answered and ok.points == 0 and ok.status == "Saved."


@pytest.mark.parametrize(
    "source, html",
    [
        ("a *b* **c** `d<e>`", "<p>a <em>b</em> <strong>c</strong> <code>d&lt;e&gt;</code></p>"),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("[ok](https://example.org/?a=1&b=2)", '<p><a href="https://example.org/?a=1&amp;b=2">ok</a></p>'),
        ("[bad](javascript:alert(1))", "<p>[bad](javascript:alert(1))</p>"),
        ('[q](x" onclick="y)', "<p>[q](x&quot; onclick=&quot;y)</p>"),
        ('[q](x"onclick="y)', '<p><a href="x&quot;onclick=&quot;y">q</a></p>'),
        ("- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
        ("snake_case_name", "<p>snake_case_name</p>"),
    ],
)
def test_markdown_subset_is_safe(source, html):
    assert markdown.to_html(source) == html


@given(st.text(max_size=200))
def test_markdown_never_emits_a_raw_tag_from_input(text):
    out = markdown.to_html(text)
    tags = re.findall(r"</?([a-zA-Z]+)", out)
    assert set(tags) <= {"p", "ul", "li", "em", "strong", "code", "a"}
    for href in re.findall(r'href="([^"]*)"', out):
        assert re.match(r"(https?|mailto):", href, re.I) or ":" not in href


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=5), c, max_size=4),
                    max_leaves=12),
       st.text(min_size=1, max_size=12))
def test_key_encoding_round_trips(data, bank_id):
    assert decode_key(encode_key(data, bank_id), bank_id) == data


def test_static_html_has_fieldsets_and_no_plain_answers(demo):
    page = render_html(demo)
    assert page.count("<fieldset>") == len(demo.questions)
    assert page.count('role="status" aria-live="polite"') == len(demo.questions)
    for q in demo.questions:
        if q.explanation:
            assert q.explanation[:30] not in page  # explanations only inside the encoded key
        for o in q.options:
            if o.feedback:
                assert o.feedback[:25] not in page
        key = decode_key(re.search(rf'data-qid="{q.id}"[^>]*data-key="([^"]+)"', page).group(1), "demo")
        assert key == question_key(q)
    assert '"correct"' not in page and "true" not in page.lower().replace('aria-pressed="false"', "")


def test_static_html_escapes_bank_text():
    evil = "<img src=x onerror=alert(1)>"
    bank = mq.parse_bank({"id": "evil", "title": evil, "lesson": 1, "description": evil, "questions": [
        {"id": "s", "type": "single", "prompt": evil, "hint": evil, "explanation": evil,
         "options": [{"text": evil, "correct": True}, {"text": "b"}]},
        {"id": "w", "type": "select-words", "prompt": "p", "explanation": "e",
         "text": f"Click {evil} maybe", "answers": ["maybe"]},
        {"id": "m", "type": "match", "prompt": "p", "explanation": "e", "categories": [evil, "b"],
         "items": [{"text": evil, "answer": "b"}]},
        {"id": "r", "type": "reflection", "prompt": "p", "placeholder": evil},
    ]})
    page = render_html(bank)
    assert "<img" not in page and "onerror=alert(1)&gt;" in page
