"""The attribution package: named vetoes and explanations, word lists in data files, linear cost."""

from __future__ import annotations

import pytest

import medialit.attribution as attribution
from medialit.attribution import VETOES, explain, find_attributions
from medialit.attribution.lexicon import WORDS_FILE, words
from medialit.data import DataFileError, load_table, read_data_text

# --- vetoes and explanations ---------------------------------------------------------


def _verdicts(text: str) -> dict[str, str | None]:
    return {v.cue.text: v.rejected_by for v in explain(text)}


def test_vetoes_are_named_and_described():
    names = [v.name for v in VETOES]
    assert len(names) == len(set(names)) >= 10
    assert all(v.description and callable(v.test) for v in VETOES)


@pytest.mark.parametrize(("text", "cue", "rule"), [
    ("The claims were false.", "claims", "noun_after_determiner"),
    ("Editor's note: this was updated.", "note:", "noun_after_possessive"),
    ("Many people showed up late.", "showed", "phrasal_verb"),
    ("The men accused of fraud were freed.", "accused", "participle_after_noun"),
    ("He felt comfortable there.", "felt", "no_content"),
    ("They speak a language they believe is old.", "believe", "belief_relative_clause"),
    ("It believes that taxes fall.", "believes", "it_needs_speech"),
    ('Lee said: "I think it works." Then she left.', "think", "inside_quotation"),
    ("We met the Ministry officials that require votes.", "officials", "that_verb_after_noun"),
])
def test_each_rejected_candidate_names_its_veto(text, cue, rule):
    verdicts = _verdicts(text)
    assert verdicts[cue] == rule
    assert rule in {v.name for v in VETOES}
    assert not any(a.cue.text == cue for a in find_attributions(text))


def test_accepted_candidates_have_a_rule_and_a_source():
    v = explain("Vladimir Putin denied the claim.")[0]
    assert v.accepted and v.rejected_by is None
    assert v.source.text == "Vladimir Putin" and v.rule == "source + verb"


def test_candidate_without_source_is_explained():
    verdicts = _verdicts("Prices rose. Then, said that it rained.")
    assert verdicts["said"] == "no_source"


def test_explain_agrees_with_find_attributions(case_study):
    accepted = [v.cue for v in explain(case_study.text) if v.accepted]
    found = [c for a in find_attributions(case_study.text) if a.rule not in {
        "common knowledge phrase", "speaker label and colon", "quotation signed with a dash"}
        for c in a.cues]
    assert sorted(accepted) == sorted(found)
    assert explain("") == [] and explain(case_study) == explain(case_study.text)


def test_removing_a_veto_changes_the_result(monkeypatch):
    from medialit.attribution import vetoes

    text = "The claims were false."
    assert find_attributions(text) == []
    kept = tuple(v for v in vetoes.CUE_VETOES if v.name != "noun_after_determiner")
    monkeypatch.setattr(vetoes, "CUE_VETOES", kept)
    monkeypatch.setattr("medialit.attribution.passes.CUE_VETOES", kept)
    assert explain(text)[0].rejected_by != "noun_after_determiner"


# --- data files -------------------------------------------------------------------------


def test_word_classes_load_from_data_with_a_header():
    header = read_data_text(WORDS_FILE).splitlines()[:6]
    assert any("Source:" in line for line in header) and any("Licence" in line for line in header)
    rows = load_table(WORDS_FILE, ("set", "words"))
    assert len(rows) >= 20
    assert sum(len(r["words"].split()) for r in rows) > 600
    assert "he" in words("subject_pronouns") and "said" in words("past_participle_ok")
    assert words("skip") is words("skip")  # cached


def test_unknown_word_class_is_a_one_line_error():
    with pytest.raises(DataFileError, match="no set named 'nope'"):
        words("nope")


def test_no_word_set_left_in_the_code():
    import ast
    import pathlib

    for path in pathlib.Path(attribution.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Set):
                assert len(node.elts) <= 15, f"{path.name}:{node.lineno}: move the words to data/"


# --- behaviour on long and adversarial inputs (the benchmarks time them) ------------------


def test_many_pronouns_resolve_to_the_last_compatible_person():
    text = "Bob Ray said so. " + "he said, " * 2000 + "Mrs. Ann Lee said no. She said yes. He added that it was."
    atts = find_attributions(text)
    assert len(atts) == 2004
    assert {a.refers_to for a in atts[1:-3]} == {"Bob Ray"}
    assert [(a.source.text, a.refers_to) for a in atts[-2:]] == [("She", "Ann Lee"), ("He", "Bob Ray")]
    assert all(a.refers_to is None for a in find_attributions("he said, " * 500))


def test_title_case_lines_are_headlines_each_time():
    text = "Officials Said Today\n" * 300
    atts = find_attributions(text)
    assert len(atts) == 300 and {a.cue.text for a in atts} == {"Said"}


def test_blank_lines_and_transcript_labels():
    assert find_attributions("x" + "\n" * 5000 + "x") == []
    text = "\n\n".join(["WALLACE: Do you agree?", "BIDEN: I do.", "WALLACE: Why?", "BIDEN: Because."] * 50)
    atts = find_attributions(text)
    labels = [a for a in atts if a.rule == "speaker label and colon"]
    assert [a.source.text for a in labels[:3]] == ["WALLACE", "BIDEN", "WALLACE"]
    assert len(labels) == 200 and all(a.direct for a in labels)
    assert len([a for a in find_attributions(text.replace("WALLACE", "Wallace")) if a.rule ==
                "speaker label and colon"]) == 100


def test_html_views_live_on_the_render_side():
    import sys

    from medialit import render

    assert attribution.highlight_attributions is render.highlight_attributions
    assert attribution.chains_html is render.chains_html
    assert attribution.TYPE_DESCRIPTIONS is render.ATTRIBUTION_DESCRIPTIONS
    for name, module in list(sys.modules.items()):
        if name.startswith("medialit.attribution"):
            source = pathlib_text(module)
            assert "import altair" not in source and "IPython" not in source and "ipywidgets" not in source
            assert "<span" not in source and "<li" not in source


def pathlib_text(module) -> str:
    import pathlib

    return pathlib.Path(module.__file__).read_text(encoding="utf-8")


def test_attribution_is_a_result_with_closed_vocabularies():
    from typing import get_args

    from medialit.attribution import SOURCE_TYPES, Implies, SourceType
    from medialit.text import Result, as_document

    doc = as_document("Ann Lee said so. “Fine,” said the spokesman.")
    atts = find_attributions(doc)
    assert atts == find_attributions(doc.text)
    for a in atts:
        assert isinstance(a, Result)
        assert a.label == a.source_type and a.rule
        assert a.source_type in get_args(SourceType) and a.implies in get_args(Implies)
    assert SOURCE_TYPES == get_args(SourceType)


def test_functions_of_the_package_are_short():
    import ast
    import pathlib

    files = [*pathlib.Path(attribution.__file__).parent.glob("*.py")]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= 60, f"{path.name}:{node.lineno} {node.name} has {length} lines"
