"""The contrasting texts load with their provenance, and bad files fail clearly."""

from __future__ import annotations

import pytest

import medialit
from medialit import contrasting


def test_names_are_listed():
    names = medialit.contrasting_texts()
    expected = {"model-report", "rewrite-paragraph", "invented-opinion", "stance-test-sentences"}
    assert expected <= set(names)
    assert "README" not in names
    assert names == sorted(names)


@pytest.mark.parametrize("name", ["model-report", "rewrite-paragraph", "invented-opinion"])
def test_each_text_loads_with_provenance(name):
    doc = medialit.load_contrasting(name)
    assert isinstance(doc, medialit.Document)
    for field in contrasting.REQUIRED_FIELDS:
        assert doc.metadata[field], field
    assert doc.metadata["licence"] == "CC BY 4.0"
    assert doc.title == doc.metadata["title"]
    assert not doc.text.startswith("---")
    assert "licence:" not in doc.text
    assert doc.word_count > 50
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_model_report_says_it_was_written_for_the_course():
    doc = medialit.load_contrasting("model-report")
    assert "written for the medialit course" in doc.text.lower()
    assert "course" in doc.metadata["written_for"]


def test_model_report_quotes_only_phrases_from_case_facts():
    """Every quotation in the model report is one of the short phrases case-facts.md gives."""
    import re

    allowed = [
        "We are not creating any military alliance with China",
        "in the sphere of military-technical interaction",
        "Everything is transparent, there is nothing secret",
        "transcend this model of state relations",
        "non-alignment, non-confrontation and non-targeting of third countries",
        "Cold War mentality",
    ]
    doc = medialit.load_contrasting("model-report")
    quotes = re.findall(r'"([^"]+)"', doc.text)
    assert quotes, "the model report should quote its sources"
    for quote in quotes:
        assert any(quote.rstrip(",.") == phrase for phrase in allowed), quote


def test_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match="model-report"):
        medialit.load_contrasting("no-such-text")


def test_front_matter_is_required(tmp_path, monkeypatch):
    (tmp_path / "contrasting").mkdir()
    (tmp_path / "case-study").mkdir()
    folder = tmp_path / "contrasting"
    (folder / "bare.md").write_text("Just text, no provenance.\n", encoding="utf-8")
    (folder / "partial.md").write_text(
        "---\ntitle: T\nkind: k\n---\nSome text here.\n", encoding="utf-8"
    )
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_DATASETS", str(tmp_path))
    assert medialit.contrasting_texts() == ["bare", "broken", "partial"]
    with pytest.raises(ValueError, match="front matter"):
        medialit.load_contrasting("bare")
    with pytest.raises(ValueError, match="lacks written_for, licence, sources"):
        medialit.load_contrasting("partial")
    with pytest.raises(ValueError, match="not valid YAML"):
        medialit.load_contrasting("broken")


def test_test_sentences_have_a_checked_answer_key():
    from medialit.contrasting import load_contrasting_gold

    doc = medialit.load_contrasting("stance-test-sentences")
    gold = load_contrasting_gold("stance-test-sentences")
    assert len(gold["spans"]) >= 10
    assert {s["kind"] for s in gold["spans"]} == {"hedge", "booster"}
    for span in gold["spans"]:
        assert doc.text[span["start"] : span["end"]] == span["text"]
    # lines written to test rules where a word only looks like a stance marker carry no span
    for decoy in ["could swim", "may leave", "Clearly marked", "certain rules"]:
        at = doc.text.index(decoy)
        assert not any(s["start"] <= at < s["end"] for s in gold["spans"]), decoy


def test_a_text_without_a_key_says_so():
    from medialit.contrasting import load_contrasting_gold

    with pytest.raises(FileNotFoundError, match="no answer key"):
        load_contrasting_gold("model-report")


def test_a_changed_text_is_refused(tmp_path, monkeypatch):
    import json
    import shutil

    from medialit.contrasting import contrasting_dir, load_contrasting_gold

    real = contrasting_dir()
    (tmp_path / "contrasting").mkdir()
    (tmp_path / "gold").mkdir()
    source = (real / "stance-test-sentences.md").read_text(encoding="utf-8")
    (tmp_path / "contrasting" / "stance-test-sentences.md").write_text(
        source.replace("She could swim", "She could run"), encoding="utf-8"
    )
    shutil.copy(real.parent / "gold" / "stance-test-sentences.json", tmp_path / "gold")
    monkeypatch.setenv("MEDIALIT_DATASETS", str(tmp_path))
    with pytest.raises(ValueError, match="changed"):
        load_contrasting_gold("stance-test-sentences")
    gold = json.loads((tmp_path / "gold" / "stance-test-sentences.json").read_text(encoding="utf-8"))
    assert gold["spans"]
