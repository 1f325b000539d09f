"""Loaded language, perspective, propaganda techniques, sentence sentiment, framing summary."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import medialit
from medialit import Document
from medialit.framing import (
    LOADED_CATEGORIES,
    find_loaded_language,
    framing_summary,
    perspective,
    propaganda_techniques,
    sentence_sentiment,
)

RECIPE = (
    "Preheat the oven to 180 degrees. Whisk two eggs with the sugar, then fold in the flour.\n\n"
    "Bake for twenty minutes, until golden. Leave the cake to cool on a rack before slicing."
)

WORDS = st.sampled_from(
    ["massacre", "Enemies", "dominate", "proxy", "we", "They", "our", "the West", "Washington",
     "abroad", "“", "”", '"', "said", "according to him,", "bloodier", "the", "cake", "Let’s",
     "US", "Foreign Affairs", ".", ",", "\n\n", " ", "évil", "中"]
)
NEWSY = st.lists(WORDS, min_size=1, max_size=40).map(" ".join).filter(lambda s: s.strip())


def _check(source: str, results) -> None:
    previous = -1
    for r in results:
        assert 0 <= r.start < r.end <= len(source)
        assert source[r.start : r.end] == r.text
        assert r.start >= previous
        previous = r.start


# --- loaded language --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, word, category",
    [
        ("It was a massacre.", "massacre", "violence"),
        ("They called them our enemies.", "enemies", "hostility"),
        ("They want to dominate the region.", "dominate", "dominance"),
        ("Chaos spread through the streets.", "Chaos", "fear"),
        ("They fight by proxy.", "proxy", "deceit"),
        ("That is simply evil.", "evil", "moral"),
        ("What a ridiculous idea.", "ridiculous", "contempt"),
        ("The traitors left.", "traitors", "name_calling"),
        ("It was heartbreaking.", "heartbreaking", "emotion"),
        ("An unprecedented step.", "unprecedented", "exaggeration"),
        ("Moves on the world chessboard.", "chessboard", "metaphor"),
    ],
)
def test_each_loaded_category(sentence, word, category):
    found = find_loaded_language(sentence)
    assert [(t.text, t.category) for t in found] == [(word, category)]
    assert found[0].rule.startswith("loaded_language.tsv")
    assert found[0].label == category


def test_every_category_is_covered_by_the_parametrised_test():
    assert len(LOADED_CATEGORIES) == 11


def test_wildcards_phrases_and_line_breaks():
    text = "Something bigger and BLOODIER, awash\nin blood."
    found = find_loaded_language(text)
    assert [t.text for t in found] == ["BLOODIER", "awash\nin blood"]
    assert [t.intensity for t in found] == [3, 3]


def test_words_inside_other_words_are_not_matched():
    assert find_loaded_language("The liaison gave a predominately dry evaluation.") == []


def test_min_intensity_filters():
    text = "A historic massacre."
    assert [t.text for t in find_loaded_language(text)] == ["historic", "massacre"]
    assert [t.text for t in find_loaded_language(text, min_intensity=3)] == ["massacre"]


def test_recipe_has_no_loaded_language():
    assert find_loaded_language(RECIPE) == []


def test_case_study_loaded_words(case_study):
    found = {t.text.lower() for t in find_loaded_language(case_study)}
    assert {"massacre", "bloodier", "enemies", "dominate", "proxy"} <= found


def test_non_text_is_refused():
    with pytest.raises(TypeError, match="expected a str"):
        find_loaded_language(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, st.text(alphabet=" .\nab", max_size=10))
def test_loaded_offsets_exact_and_shift_with_prefix(text, prefix):
    found = find_loaded_language(text)
    _check(text, found)
    # A prefix ending in a space cannot join a word: offsets shift by its length.
    shifted = find_loaded_language(prefix + " " + text)
    assert [(t.start - len(prefix) - 1, t.text) for t in shifted] == [(t.start, t.text) for t in found]


# --- perspective ------------------------------------------------------------------------------

def test_perspective_groups_and_voices():
    doc = Document.from_text(
        'We disagree with the West. "We will never yield," she said. According to him, our '
        "ships sail abroad. They left."
    )
    got = [(m.text, m.group, m.voice) for m in perspective(doc).mentions]
    assert got == [
        ("We", "we", "author"),
        ("the West", "outsider", "author"),
        ("We", "we", "quote"),
        ("our", "we", "paraphrase"),
        ("abroad", "outsider", "paraphrase"),
        ("They", "they", "author"),
    ]
    assert perspective(doc).mentions[3].phrase.text == "our ships"


def test_perspective_names_whose_we_it_is():
    doc = Document.from_text('Anna Weber, the mayor, spoke first. "We will never yield," Weber said. '
                             "We doubt it.")
    got = [(m.text, m.voice, m.speaker) for m in perspective(doc).mentions]
    assert got == [("We", "quote", "Anna Weber"), ("We", "author", "the author")]
    assert perspective(doc).rows()[0]["speaker"] == "Anna Weber"


def test_perspective_custom_outsiders_and_names():
    doc = Document.from_text("The Kremlin spoke to the US. Foreign Affairs printed it. Ask us.")
    default = [m.text for m in perspective(doc).mentions]
    assert default == ["us"]  # "US" is the country; "Foreign Affairs" is a title
    custom = [m.text for m in perspective(doc, outsiders=["the Kremlin"]).mentions]
    assert custom == ["The Kremlin", "us"]


def test_perspective_case_study_we_changes_voice(case_study):
    view = perspective(case_study)
    we = [m for m in view.mentions if m.group == "we"]
    voices = {m.voice for m in we}
    assert voices == {"author", "quote", "paraphrase"}
    quote_paragraph = next(i for i, p in enumerate(case_study.paragraphs) if p.kind == "quote")
    assert all(m.voice == "quote" for m in we if m.paragraph == quote_paragraph)
    # "According to him, our countries ..." is the paraphrase of the Chinese official.
    paraphrased = [m for m in we if m.voice == "paraphrase"]
    assert any("According to him" in case_study.sentence_of(m.start).text for m in paraphrased)
    # The closing "for us to survive" is the author's own "we".
    assert any(m.text == "us" and m.voice == "author" and m.speaker == "the author" for m in we)
    # Whose "we": the quoted and paraphrased ones belong to someone else.
    assert all(m.speaker != "the author" for m in we if m.voice != "author")
    table = view.by_paragraph()
    assert len(table) == len(case_study.paragraphs)
    assert sum(row["we"] for row in table) == len(we)
    _check(case_study.text, view.mentions)


def test_perspective_recipe_finds_nothing():
    view = perspective(RECIPE)
    assert view.mentions == ()
    assert all(row["we"] == row["they"] == row["outsider"] == 0 for row in view.by_paragraph())


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_perspective_offsets_exact(text):
    try:
        doc = Document.from_text(text)
    except ValueError:
        return
    view = perspective(doc)
    _check(text, view.mentions)
    for m in view.mentions:
        assert m.voice in {"author", "quote", "paraphrase"}
        if m.phrase:
            assert text[m.phrase.start : m.phrase.end] == m.phrase.text


# --- propaganda techniques -------------------------------------------------------------------

def test_fourteen_techniques_with_ptc_labels():
    techniques = propaganda_techniques()
    assert len(techniques) == 14
    labels = {t.label for t in techniques}
    assert {"Loaded_Language", "Name_Calling,Labeling", "Flag-Waving",
            "Whataboutism,Straw_Men,Red_Herring", "Bandwagon,Reductio_ad_hitlerum"} <= labels
    assert all(t.definition and t.note for t in techniques)


def test_technique_examples_are_exact_quotations(case_study):
    with_examples = [t for t in propaganda_techniques() if t.example]
    assert len(with_examples) >= 10
    for t in with_examples:
        assert t.example in case_study.text, t.label
        span = t.find_example(case_study.text)
        assert case_study.text[span.start : span.end] == t.example


def test_technique_labels_match_the_ptc_sample(corpora):
    folder = corpora / "ptc-sample" / "labels-TC"
    if not folder.is_dir():
        pytest.skip("ptc-sample not in the corpora folder")
    seen = {line.split("\t")[1] for f in folder.iterdir() for line in f.read_text().splitlines()}
    assert seen == {t.label for t in propaganda_techniques()}


# --- sentiment and summary -------------------------------------------------------------------

def test_sentence_sentiment_signs():
    scores = sentence_sentiment("The massacre was horrifying and cruel. We love this wonderful cake.")
    assert [s.label for s in scores] == ["negative", "positive"]
    assert scores[0].compound < 0 < scores[1].compound
    _check("The massacre was horrifying and cruel. We love this wonderful cake.", scores)


def test_sentence_sentiment_case_study(case_study):
    scores = sentence_sentiment(case_study)
    assert len(scores) == len(case_study.sentences)
    assert all(-1 <= s.compound <= 1 for s in scores)
    worst = min(scores, key=lambda s: s.compound)
    assert worst.label == "negative"


def test_framing_summary_json_ready(case_study):
    summary = framing_summary(case_study)
    json.dumps(summary)
    assert summary["loaded_terms"] >= 5
    assert "massacre" in summary["strongest_loaded_terms"]
    assert summary["we_mentions"]["quote"] >= 2


def test_framing_summary_recipe():
    summary = framing_summary(RECIPE)
    assert summary["loaded_terms"] == 0
    assert summary["we_mentions"] == {}
    assert sum(summary["sentences_negative_neutral_positive"]) == 4


def test_exported_from_package():
    assert medialit.find_loaded_language is find_loaded_language
    assert medialit.perspective is perspective


def test_docstring_examples_run():
    import doctest

    import medialit.claims
    import medialit.framing
    from medialit import report as report_function

    report_module = __import__("sys").modules[report_function.__module__]
    for module in (medialit.framing, medialit.claims, report_module):
        failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert attempted > 0 and failed == 0, module.__name__
