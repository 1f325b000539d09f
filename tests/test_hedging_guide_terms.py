"""Every marker the annotation guide lists is found with its kind and category; look-alikes are not."""

from __future__ import annotations

import pytest

from medialit.hedging import find_hedges

FOUND = [
    ("It is clear that the plan failed.", "It is clear that", "booster", "certainty"),
    ("There is no doubt that the plan failed.", "There is no doubt", "booster", "certainty"),
    ("Without question, the plan failed.", "Without question", "booster", "certainty"),
    ("It is beyond doubt.", "beyond doubt", "booster", "certainty"),
    ("It stands to reason that the plan failed.", "It stands to reason that", "booster", "certainty"),
    ("That must be the reason.", "must", "booster", "certainty"),
    ("In fact, the plan failed.", "In fact", "booster", "emphatic"),
    ("The president always lies.", "always", "booster", "absolute"),
    ("As is well known, the plan failed.", "As is well known", "booster", "shared_knowledge"),
    ("It is no secret that the plan failed.", "It is no secret that", "booster", "shared_knowledge"),
    ("The plan could well fail.", "could well", "hedge", "modal"),
    ("The plan can be seen as a failure.", "can be seen as", "hedge", "tentative_frame"),
    ("In a sense, the plan failed.", "In a sense", "hedge", "tentative_frame"),
    ("It is probable that the plan failed.", "It is probable that", "hedge", "probability"),
    ("The odds are that the plan failed.", "The odds are that", "hedge", "probability"),
    ("The plan is not likely to succeed.", "likely", "hedge", "probability"),
    ("The results indicate that the plan failed.", "indicate", "hedge", "evidential"),
    ("About 40 ships were sunk.", "About", "hedge", "approximator"),
    ("To some extent the plan failed.", "To some extent", "hedge", "approximator"),
    ("To a certain extent it works.", "To a certain extent", "hedge", "approximator"),
    ("The plan more or less failed.", "more or less", "hedge", "approximator"),
    ("The plan reportedly failed.", "reportedly", "hedge", "shield"),
    ("The plan is expected to fail.", "is expected to", "hedge", "shield"),
    ("We suspect the plan failed.", "suspect", "hedge", "doxastic"),
    ("The plan failed in part because of cost.", "in part", "hedge", "limiter"),
]

NOT_MARKERS = [
    "He could swim as a child.",
    "You may leave now.",
    "We must speak to our enemies.",
    "Generals should not be afraid.",
    "Certain words were said.",
    "In May 2023, the plan failed.",
    "The odds are long.",
    "About the plan: it failed.",
]


@pytest.mark.parametrize(("sentence", "marker", "kind", "category"), FOUND)
def test_guide_marker_is_found(sentence, marker, kind, category):
    found = [(h.text, h.kind, h.category) for h in find_hedges(sentence)]
    assert (marker, kind, category) in found


@pytest.mark.parametrize("sentence", NOT_MARKERS)
def test_look_alike_is_not_a_marker(sentence):
    assert find_hedges(sentence) == []


def test_attributed_belief():
    [hedge] = find_hedges("Analysts expect the plan to fail.")
    assert hedge.category == "doxastic" and hedge.attributed
    [own] = find_hedges("I think the plan failed.")
    assert not own.attributed
