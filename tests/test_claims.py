"""Claim types: each label, its evidence and rule, the recipe, offsets, summary, gold scoring."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import Document
from medialit.claims import CLAIM_TYPES, claims_summary, classify_sentences
from medialit.cli import main
from medialit.evaluation import claims as claims_eval

RECIPE = (
    "Preheat the oven. Whisk the eggs with the sugar, then fold in the flour.\n\n"
    "Bake until golden. Leave the cake to cool on a rack before slicing."
)


def _label(sentence: str) -> str:
    (claim,) = classify_sentences(Document.from_text(sentence))
    return claim.label


@pytest.mark.parametrize(
    "sentence, label, evidence_kind",
    [
        ("The minister said the talks had failed.", "attributed", "attribution"),
        ("According to the report, exports fell.", "attributed", "attribution"),
        ("It is likely that the talks will fail.", "hedged", "hedge"),
        ("Prices will rise again.", "prediction", "future"),
        ("If the talks fail, the deal is off.", "prediction", "conditional"),
        ("That decision was especially important.", "evaluation", "evaluative"),
        ("It was a massacre.", "evaluation", "loaded"),
        ("Paris hosted 12 summits in 2023.", "checkable", "number"),
        ("The committee met with Ursula Stein.", "checkable", "name"),
        ("What can push them to act?", "other", None),
        ("Let's analyze.", "other", None),
        ("Some days are like that.", "other", None),
    ],
)
def test_each_label_with_its_evidence(sentence, label, evidence_kind):
    (claim,) = classify_sentences(sentence)
    assert claim.label == label, claim.rule
    assert claim.rule
    if evidence_kind:
        assert claim.evidence_of(evidence_kind), claim.evidence


def test_question_without_question_mark_is_other():
    assert _label("But what exactly can encourage the two countries to sign such an agreement.") == "other"


def test_rules_are_tried_in_order():
    # A hedge and a future: the hedge decides, the future is still listed as evidence.
    (claim,) = classify_sentences("It could well happen, and it will hurt.")
    assert claim.label == "hedged"
    assert claim.evidence_of("future")
    # A source beats a hedge.
    assert _label("Analysts said it could happen.") == "attributed"


def test_block_quotation_is_attributed(case_study):
    claims = classify_sentences(case_study)
    quote = next(p for p in case_study.paragraphs if p.kind == "quote")
    inside = [c for c in claims if quote.start <= c.start < quote.end]
    assert inside and all(c.label == "attributed" for c in inside)


def test_recipe_makes_no_claims_of_opinion_or_source():
    labels = {c.label for c in classify_sentences(RECIPE)}
    assert labels <= {"other", "checkable"}
    assert "attributed" not in labels and "hedged" not in labels


def test_case_study_every_sentence_labelled(case_study):
    claims = classify_sentences(case_study)
    assert [(c.start, c.end) for c in claims] == [(s.start, s.end) for s in case_study.sentences]
    assert {c.label for c in claims} == set(CLAIM_TYPES)
    for c in claims:
        assert c.paragraph == case_study.paragraph_index(c.start)
        for e in c.evidence:
            assert case_study.text[e.start : e.end] == e.text
            assert c.start <= e.start < c.end or e.kind in {"attribution", "source"}


WORDS = st.sampled_from(
    ["Putin", "said", "could", "will", "if", "massacre", "important", "12", "the", "cake", "?",
     ".", ",", "“", "”", "Let’s", "what", "can", "\n\n", "according to", "him", "中", "é"]
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=30).map(" ".join).filter(lambda s: s.strip()))
def test_offsets_exact_on_any_text(text):
    try:
        doc = Document.from_text(text)
    except ValueError:
        return
    claims = classify_sentences(doc)
    assert len(claims) == len(doc.sentences)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.label in CLAIM_TYPES
        for e in c.evidence:
            assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end] == e.text


def test_summary_json_ready(case_study):
    summary = claims_summary(case_study)
    json.dumps(summary)
    assert sum(summary["claim_types"].values()) == len(case_study.sentences)
    assert list(summary["claim_types"]) == list(CLAIM_TYPES)


def test_summary_of_recipe():
    summary = claims_summary(RECIPE)
    assert summary["claim_types"]["attributed"] == 0
    assert summary["predictions"] == []


def test_bad_input():
    with pytest.raises(TypeError):
        classify_sentences(42)  # type: ignore[arg-type]
    assert classify_sentences("   ") == []  # blank text: nothing to classify, as for every detector


# --- gold and evaluation ---------------------------------------------------------------------

def test_gold_matches_the_case_study_sentences(case_study):
    gold = claims_eval.load_gold(text=case_study.text)
    assert len(gold) == len(case_study.sentences)
    for item, sentence in zip(gold, case_study.sentences, strict=True):
        assert (item["start"], item["end"], item["text"]) == (sentence.start, sentence.end, sentence.text)
        assert item["label"] in CLAIM_TYPES
        assert item.get("note")


def test_evaluation_counts_every_sentence(case_study):
    (table,) = claims_eval.evaluate(None)
    overall = table.rows["all (micro = accuracy)"]
    assert overall.tp + overall.fp == len(case_study.sentences)
    per_label_tp = sum(v.tp for k, v in table.rows.items() if k in CLAIM_TYPES)
    assert per_label_tp == overall.tp
    assert table.notes[0].startswith("accuracy")


def test_malformed_gold_is_reported(tmp_path):
    bad = tmp_path / "claims.json"
    bad.write_text('{"sentences": [{"start": 0, "end": 3, "text": "The", "label": "rumour"}]}')
    with pytest.raises(ValueError, match="unknown label"):
        claims_eval.load_gold(bad)
    bad.write_text('{"text_sha256": "0", "sentences": [{"start": 0, "end": 3, "text": "The", '
                   '"label": "other"}]}')
    with pytest.raises(ValueError, match="another version of the text"):
        claims_eval.load_gold(bad, text="The cat.")
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        claims_eval.load_gold(bad)
    with pytest.raises(FileNotFoundError):
        claims_eval.load_gold(tmp_path / "missing.json")


def test_cli_evaluate_claims(capsys):
    assert main(["evaluate", "claims"]) == 0
    assert "accuracy" in capsys.readouterr().out


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_any_unicode_text_gives_exact_offsets(text):
    from medialit.framing import find_loaded_language, perspective, sentence_sentiment

    for term in find_loaded_language(text):
        assert text[term.start : term.end] == term.text
    try:
        doc = Document.from_text(text)
    except ValueError:
        return
    for mention in perspective(doc).mentions:
        assert text[mention.start : mention.end] == mention.text
    assert len(sentence_sentiment(doc)) == len(doc.sentences)
    for claim in classify_sentences(doc):
        assert all(text[e.start : e.end] == e.text for e in claim.evidence)
