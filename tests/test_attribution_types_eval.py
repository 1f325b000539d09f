"""The typed-source evaluation: the PolNeAR dev type sample and its accuracy / confusion scoring."""

from __future__ import annotations

import pytest

from medialit.attribution import find_attributions
from medialit.attribution.model import SOURCE_TYPES
from medialit.evaluation.attribution import evaluate, polnear_articles
from medialit.evaluation.source_types import (
    TITLE,
    TypeScore,
    load_type_sample,
    score_types,
    type_sample_path,
    type_table,
)


def _span(text: str, phrase: str, *types: str) -> dict:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "types": types, "text": phrase}


def test_score_types_counts_accuracy_confusion_and_typed_f1():
    gold = [{"start": 0, "end": 5, "types": ("named_person",), "text": "a"},
            {"start": 10, "end": 20, "types": ("official_role", "vague"), "text": "b"},
            {"start": 30, "end": 35, "types": ("organization",), "text": "c"},
            {"start": 50, "end": 55, "types": ("pronoun",), "text": "d"}]
    found = [{"start": 0, "end": 3, "type": "named_person"},
             {"start": 12, "end": 25, "type": "vague"},
             {"start": 31, "end": 33, "type": "named_person"},
             {"start": 40, "end": 45, "type": "vague"}]  # overlaps no sampled span: not counted
    score = score_types(gold, found)
    assert (score.matched, score.right) == (3, 2)
    assert score.accuracy == pytest.approx(2 / 3)
    assert score.confusion == {("named_person", "named_person"): 1,
                               ("official_role|vague", "vague"): 1,
                               ("organization", "named_person"): 1}
    assert (score.typed.tp, score.typed.fp, score.typed.fn) == (2, 1, 2)
    assert (score.untyped.tp, score.untyped.fp, score.untyped.fn) == (3, 0, 1)
    table = type_table(score, 1)
    assert "type accuracy 0.67 (2/3 matched spans)" in table.notes[0]
    assert any("organization -> named_person 1" in n for n in table.notes)


def test_score_types_sums_over_texts_with_find_attributions():
    one = "The senator said the bill would pass. Reuters reported that talks had stalled."
    two = "Critics say the plan is too costly. She said she would vote against it."
    score = TypeScore()
    for text, gold in ((one, [_span(one, "The senator", "official_role"),
                              _span(one, "Reuters", "organization")]),
                       (two, [_span(two, "Critics", "vague"), _span(two, "She", "pronoun")])):
        found = [{"start": a.source.start, "end": a.source.end, "type": a.source_type}
                 for a in find_attributions(text) if a.source is not None]
        score_types(gold, found, into=score)
    assert score.untyped.tp + score.untyped.fn == 4
    assert score.accuracy == 1.0 and score.matched == 4


def test_type_sample_file_is_well_formed():
    sample = load_type_sample()
    spans = [s for spans in sample.values() for s in spans]
    assert len(spans) >= 190
    assert all(set(s["types"]) <= set(SOURCE_TYPES) and s["end"] > s["start"] for s in spans)
    header = type_sample_path().read_text(encoding="utf-8").split("\nann_file")[0]
    assert "Selection rule" in header and "Licence" in header


def test_type_sample_rejects_an_unknown_type(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# x\nann_file\tstart\tend\ttypes\tspan\na_1.ann\t0\t3\tperson\tBob\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown source type"):
        load_type_sample(path)


@pytest.mark.corpus
def test_type_sample_offsets_match_polnear_dev(corpora):
    texts = {article: text for article, text, _ in polnear_articles(corpora / "polnear-dev")}
    for ann, spans in load_type_sample().items():
        text = texts[ann.rsplit("_", 1)[0]]
        for s in spans:
            assert " ".join(text[s["start"]:s["end"]].split()) == s["text"]


@pytest.mark.corpus
def test_polnear_type_table(corpora):
    table = evaluate(corpora)[2]
    assert table.title == TITLE
    assert table.rows["untyped sources (sample)"].tp > 100
    assert table.rows["typed sources (sample)"].f1 >= 0.7


def test_type_table_skipped_without_corpora():
    tables = evaluate(None)
    assert tables[2].title == TITLE and "skipped" in tables[2].notes[0]


def test_wrong_types_are_listed_only_when_asked():
    score = score_types([{"start": 0, "end": 5, "types": ("organization",), "text": "Acme"}],
                        [{"start": 0, "end": 4, "type": "named_person", "text": "Acme"}])
    assert not any(n.startswith("wrong type") for n in type_table(score, 1).notes)
    assert any("'Acme' (organization) found as named_person" in n
               for n in type_table(score, 1, verbose=True).notes)
