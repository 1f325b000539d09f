"""Charts for framing and claims: titles, descriptions, typed fields, tooltips, empty input."""

from __future__ import annotations

import pytest

from medialit import charts
from medialit.claims import classify_sentences
from medialit.framing import find_loaded_language, perspective, sentence_sentiment


def _encodings(spec: dict) -> list[dict]:
    layers = spec.get("layer", [spec])
    return [layer.get("encoding", {}) for layer in layers]


def _check(spec: dict) -> None:
    assert spec["title"] and spec["description"].endswith(".")
    for encoding in _encodings(spec):
        for channel in ("x", "y"):
            if channel in encoding:
                assert encoding[channel]["type"] in {"quantitative", "nominal", "ordinal"}
                assert encoding[channel].get("title")
        assert encoding.get("tooltip")


@pytest.fixture(scope="module")
def made(case_study):
    return {
        "perspective": charts.perspective_chart(perspective(case_study)),
        "claims": charts.claim_types_chart(classify_sentences(case_study)),
        "loaded": charts.loaded_words_chart(find_loaded_language(case_study)),
        "sentiment": charts.sentiment_chart(sentence_sentiment(case_study)),
    }


def test_every_chart_is_titled_described_and_typed(made):
    for chart in made.values():
        _check(chart.to_dict())


def test_descriptions_state_the_numbers(made, case_study):
    view = perspective(case_study)
    we = sum(m.group == "we" for m in view.mentions)
    assert f'"We" is mentioned {we} times' in made["perspective"].to_dict()["description"]
    assert f"{len(case_study.sentences)} sentences" in made["claims"].to_dict()["description"]
    loaded = find_loaded_language(case_study)
    assert f"{len(loaded)} loaded words" in made["loaded"].to_dict()["description"]


def test_perspective_chart_does_not_rest_on_colour(made):
    encoding = made["perspective"].to_dict()["encoding"]
    assert encoding["shape"]["field"] == encoding["color"]["field"] == "voice"
    assert encoding["y"]["field"] == "group"


def test_claim_chart_writes_counts_in_cells(made, case_study):
    layers = made["claims"].to_dict()["layer"]
    assert any(layer["mark"]["type"] == "text" for layer in layers)
    values = made["claims"].to_dict()["data"]["values"]
    assert sum(v["sentences"] for v in values) == len(case_study.sentences)  # one count per sentence


def test_empty_results_still_give_a_described_chart():
    for chart in (charts.loaded_words_chart([]), charts.claim_types_chart([]),
                  charts.sentiment_chart([]), charts.perspective_chart(perspective("Bake the cake."))):
        spec = chart.to_dict()
        assert spec["description"]
