"""The contrasting texts load with their provenance, and bad files fail clearly."""

from __future__ import annotations

import pytest

import medialit
from medialit import contrasting


def test_names_are_listed():
    names = medialit.contrasting_texts()
    assert {"model-report", "rewrite-paragraph", "invented-opinion"} <= set(names)
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
