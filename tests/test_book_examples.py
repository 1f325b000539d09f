"""The mistakes and look-alikes that "How the tools work" and the lessons name are still the tools'
behaviour.

The book and Lessons 3 and 5 tell students what the detectors get wrong, with example sentences.
When a rule fixes one of those mistakes, or a look-alike they say is left out is marked again, a
test here fails: update the page or the lesson together with the rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.attribution import find_attributions
from medialit.hedging import find_hedges

ROOT = Path(__file__).resolve().parents[1]
BOOK_PAGE = ROOT / "book" / "how-the-tools-work.md"

#: Sentences the book gives as false alarms that remain: (sentence, marked words).
STANCE_STILL_MARKED = [
    ("The painting is said to be the oldest in the town.", "is said to"),
    ("Users may download the client free of charge.", "may"),
    ("The house had shutters that could be opened.", "could"),
    ("The storm destroyed some 38,000 houses.", "some"),
    ("Military might abroad grew.", "might"),
]
#: Look-alikes and misses the book says are not marked.
STANCE_NOT_MARKED = [
    "Farrell would portray the detective.",
    "She could see the valley.",
    "Critics accused him of lying.",
    "Smoking can cause cancer.",
    "He rejected the idea that the dam leaks.",
    "The might of Rome grew.",
    "If placed on a wall, the panel could fall.",
    "As the title suggests, the book is long.",
    "They assumed command of the fleet.",
]
#: Attribution misses the book names: sentences with no attribution found.
SOURCES_MISSED = [
    "Clinton laid out her proposals.",
    "He did not address the tweets.",
    "She wants to triple the program.",
]


def _on_the_page(sentence: str) -> bool:
    page = BOOK_PAGE.read_text(encoding="utf-8").replace("\n", " ")
    page = " ".join(page.split())
    return sentence.rstrip(".") in page


@pytest.mark.parametrize(("sentence", "marked"), STANCE_STILL_MARKED)
def test_false_alarms_the_book_names_are_still_marked(sentence, marked):
    assert marked in [h.text for h in find_hedges(sentence)]


@pytest.mark.parametrize("sentence", STANCE_NOT_MARKED)
def test_look_alikes_the_book_names_are_left_out(sentence):
    assert find_hedges(sentence) == []


@pytest.mark.parametrize("sentence", SOURCES_MISSED)
def test_attribution_misses_the_book_names_are_still_missed(sentence):
    assert find_attributions(sentence) == []


def test_long_phrase_without_commas_still_misleads_the_source_finder():
    (a,) = find_attributions("The inspector from the agency that the council hired last spring "
                             "after the flood said the dam was safe.")
    assert a.source.text == "the flood"


def test_the_example_phrases_are_on_the_page():
    """The phrases above are quoted on the page (a few with "..." or shortened there)."""
    quoted = ["is said to", "users may download the client", "shutters that", "some 38,000 houses",
              "critics accused him of", "can cause", "the idea that", "the might of Rome",
              "military might abroad", "If placed on a wall, the panel could", "As the title suggests",
              "assumed command", "Clinton laid out her proposals", "He did not address the tweets",
              "She wants to triple the program", "after the flood said", "Farrell would",
              "she could see the valley"]
    missing = [q for q in quoted if not _on_the_page(q)]
    assert missing == []


def _lesson_text(name: str) -> str:
    cells = json.loads((ROOT / "lessons" / name).read_text(encoding="utf-8"))["cells"]
    return " ".join(" ".join("".join(c["source"]) for c in cells).split())


def test_lesson3_examples_of_held_out_mistakes_still_hold():
    """Lesson 3: *suggested* after a noun like "the committee" is still marked, after "he" it is
    not; *would* in a plan ("A ban would remove the temptation") is left out."""
    text = _lesson_text("03-hedging.ipynb")
    assert "The committee **suggested** that" in text and "A ban **would** remove the temptation" in text
    assert [h.text for h in find_hedges("The committee suggested that the fee was too high.")] == ["suggested"]
    assert find_hedges("He suggested that the fee was too high.") == []
    assert find_hedges("A ban would remove the temptation.") == []


def test_lesson5_examples_of_held_out_mistakes_still_hold():
    """Lesson 5: words that only look like a source ("the figures tell a story") are still found,
    and a verb outside the lists ("Local businesses fear...") is still missed."""
    text = _lesson_text("05-who-says-so.ipynb")
    assert '"the figures tell a story"' in text and '"Local businesses fear..."' in text
    assert [a.cue.text for a in find_attributions("The figures tell a story.")] == ["tell"]
    assert find_attributions("Local businesses fear that the fee will rise.") == []
