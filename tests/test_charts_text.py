"""Lesson 2's charts: top words and sentence lengths, read through ``to_dict()``."""

from __future__ import annotations

import pytest

import medialit
from medialit import charts


def _values(spec: dict) -> list[dict]:
    if "data" in spec and "values" in spec["data"]:
        return spec["data"]["values"]
    return next(layer["data"]["values"] for layer in spec["layer"] if "values" in layer.get("data", {}))


def test_top_words_counts_match_frequencies(case_study):
    spec = charts.top_words_chart(case_study, n=5).to_dict()
    rows = _values(spec)
    expected = case_study.frequencies(stopwords=False).most_common(5)
    assert [(r["word"], r["count"]) for r in rows] == expected
    assert spec["encoding"]["y"]["sort"] == [word for word, _ in expected]
    assert spec["encoding"]["x"]["type"] == "quantitative"
    assert spec["title"] == "Most frequent words (stop words left out)"
    assert f'"{expected[0][0]}"' in spec["description"]
    per_1000 = round(1000 * expected[0][1] / case_study.word_count, 1)
    assert rows[0]["per_1000_words"] == per_1000


def test_top_words_with_stop_words_keeps_them():
    doc = medialit.Document.from_text("The cat and the dog. The end.")
    rows = _values(charts.top_words_chart(doc, n=3, stopwords=True).to_dict())
    assert rows[0] == {"word": "the", "count": 3, "rank": 1, "per_1000_words": 428.6}


def test_top_words_rejects_n_below_one(case_study):
    with pytest.raises(ValueError, match="at least 1"):
        charts.top_words_chart(case_study, n=0)


def test_sentence_lengths_one_bar_per_sentence(case_study):
    spec = charts.sentence_lengths_chart(case_study).to_dict()
    bars = spec["layer"][0]
    rows = bars["data"]["values"]
    assert len(rows) == len(case_study.sentences)
    assert sum(r["words"] for r in rows) == case_study.word_count
    assert [r["sentence"] for r in rows] == list(range(len(rows)))
    rule = spec["layer"][1]
    mean = case_study.word_count / len(case_study.sentences)
    assert rule["data"]["values"] == [{"mean": round(mean, 1)}]
    assert f"{mean:.1f} words long on average" in spec["description"]
    assert spec["title"] == "Sentence lengths, in reading order"


def test_sentence_lengths_of_a_small_text():
    doc = medialit.Document.from_text("One two three. Four five.")
    spec = charts.sentence_lengths_chart(doc).to_dict()
    rows = spec["layer"][0]["data"]["values"]
    assert [r["words"] for r in rows] == [3, 2]
    assert "the longest (sentence 0, paragraph 0) has 3 words" in spec["description"]
