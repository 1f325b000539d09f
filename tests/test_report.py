"""The reading report (Lesson 9) and the side-by-side comparison."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import Document
from medialit.report import Report, compare, report

RECIPE = (
    "Preheat the oven. Whisk the eggs with the sugar, then fold in the flour.\n\n"
    "Bake until golden. Leave the cake to cool on a rack before slicing."
)
MARKUP = "<script>alert(1)</script>"
HOSTILE = (
    f"Officials said the {MARKUP} plan was a massacre. “We <b>will</b> win,” he said.\n\n"
    "They & <img src=x onerror=alert(2)> could fight by proxy.\n\n"
    # Enough prose that the text is not refused as pasted HTML (see errors.looks_like_html).
    + "The council met on Monday to discuss the budget for the coming year, and the members "
    "agreed to publish their notes. Several residents asked questions about road repairs, the "
    "library opening hours and the price of parking near the station in the town centre."
)


@pytest.fixture(scope="module")
def case_report(case_study) -> Report:
    return report(case_study)


def test_case_study_report_has_every_section(case_report, case_study):
    assert isinstance(case_report, Report)
    assert case_report._repr_html_() == case_report.html
    for heading in ("Stance", "sources", "Loaded language", "Perspective", "Claim types"):
        assert heading in case_report.html
    summary = case_report.summary
    json.dumps(summary)
    assert summary["words"] == case_study.word_count
    assert summary["claims"]["sentences"] == len(case_study.sentences)
    assert summary["framing"]["loaded_terms"] >= 5
    assert len(case_report.charts) == 3
    for chart in case_report.charts:
        spec = chart.to_dict()
        assert spec["title"] and spec["description"]


def test_charts_are_inline_svg_without_scripts_or_cdn(case_report):
    html_text = case_report.html
    assert html_text.count("<svg") == 3
    assert "<script" not in html_text.lower()
    assert not re.search(r"https?://(?!www\.w3\.org/)", html_text)  # only SVG namespaces
    assert html_text.count("<figcaption>") == 3


def test_report_without_drawings_keeps_captions(case_study):
    quick = report(case_study, charts=False)
    assert "<svg" not in quick.html
    assert quick.html.count("<figcaption>") == 3


def test_report_escapes_everything(tmp_path):
    r = report(HOSTILE, title="<i>My</i> & article")
    assert "<script>" not in r.html
    assert "<img" not in r.html
    assert "<b>will</b>" not in r.html
    assert "&lt;i&gt;My&lt;/i&gt; &amp; article" in r.html
    assert "&lt;script&gt;" in r.html
    saved = r.save(tmp_path / "report.html")
    page = saved.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<script>" not in page
    assert not list(tmp_path.glob(".report-*"))  # the temporary file is gone


def test_report_on_a_recipe():
    r = report(RECIPE, charts=False)
    assert r.summary["framing"]["loaded_terms"] == 0
    assert r.summary["claims"]["claim_types"]["attributed"] == 0
    assert "No loaded words" in r.html


def test_report_bad_input():
    with pytest.raises(ValueError):
        report("   ")
    with pytest.raises(TypeError):
        report(None)  # type: ignore[arg-type]


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<", ">", "&", "\"", "'", "massacre", "we", "said", "could",
                                 "script", "onload=", ".", "\n\n", "They", "x"]),
                min_size=1, max_size=25).map(" ".join).filter(lambda s: s.strip()))
def test_markup_never_survives(text):
    try:
        Document.from_text(text)
    except ValueError:
        return  # text that looks like HTML is refused with a one-line error
    html_text = report(text, charts=False).html
    body = html_text.split("</style>", 1)[1]
    assert "<script" not in body
    assert not re.search(r"<[^>]*\sonload=", body)


def test_compare_per_100_words(case_study):
    table = compare(RECIPE, case_study, names=("recipe", "case study"))
    assert list(table.columns) == ["recipe", "case study"]
    assert table.loc["words", "case study"] == case_study.word_count
    assert table.loc["loaded words per 100 words", "recipe"] == 0
    assert table.loc["loaded words per 100 words", "case study"] > 0
    claim_rows = [i for i in table.index if i.endswith("(% of sentences)")]
    assert len(claim_rows) == 6
    assert abs(table.loc[claim_rows, "case study"].sum() - 100) < 0.5


def test_exported_and_light_to_import():
    import subprocess
    import sys

    import medialit

    assert medialit.report.report is report and medialit.compare is compare  # medialit.report: a callable module
    assert repr(report("Officials said it may rain.", charts=False)).endswith(": 5 words, 1 sentences, 3 charts>")
    code = "import sys, medialit; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # Altair loads only when a report or chart is made


def test_compare_needs_two_names():
    with pytest.raises(ValueError, match="two different names"):
        compare("A text.", "Another.", names=("same", "same"))


def test_empty_chart_is_caption_only():
    """A chart with nothing to draw would be an empty graphic to a screen reader (axe: serious)."""
    r = report(RECIPE, charts=True)
    loaded_figure = next(f for f in re.findall(r"<figure>.*?</figure>", r.html, re.S) if "oaded" in f)
    assert "<svg" not in loaded_figure and "<figcaption>" in loaded_figure
