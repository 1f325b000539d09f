"""Stance charts: spec structure, counts, titles, descriptions, tooltips (asserted on to_dict())."""

from __future__ import annotations

from collections import Counter

import altair as alt
import pytest

import medialit
from medialit import charts
from medialit.hedging import find_hedges


@pytest.fixture(scope="module")
def doc():
    return medialit.load_case_study()


@pytest.fixture(scope="module")
def markers(doc):
    return find_hedges(doc.text)


def _values(spec: dict) -> list[dict]:
    return spec["data"]["values"]


def _check_common(spec: dict) -> None:
    assert spec["title"] and spec["description"].endswith(".")
    encoding = spec["encoding"]
    for channel in ("x", "y"):
        assert encoding[channel]["title"], f"{channel} axis has no title"
        assert encoding[channel]["type"] in ("quantitative", "nominal", "ordinal")
    assert encoding["tooltip"] and all("title" in t for t in encoding["tooltip"])
    assert "strokeDash" in encoding  # kind is shown by outline too, not by colour alone
    assert encoding["color"]["scale"]["domain"] == ["hedge", "booster"]


def test_markers_per_paragraph_counts(doc, markers):
    spec = charts.markers_per_paragraph_chart(doc, markers).to_dict()
    _check_common(spec)
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["y"]["stack"] == "zero"
    rows = _values(spec)
    assert len(rows) == 2 * len(doc.paragraphs)
    assert sum(r["count"] for r in rows if r["kind"] == "hedge") == sum(m.kind == "hedge" for m in markers)
    per_paragraph = Counter(doc.paragraph_index(m.start) for m in markers)
    totals = Counter()
    for r in rows:
        totals[r["paragraph"]] += r["count"]
    assert totals == Counter({p: per_paragraph.get(p, 0) for p in range(len(doc.paragraphs))})
    busiest = max(totals.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    assert f"paragraph {busiest} has the most markers" in spec["description"]


def test_markers_per_paragraph_defaults_to_finding_markers(doc, markers):
    spec = charts.markers_per_paragraph_chart(doc).to_dict()
    assert sum(r["count"] for r in _values(spec)) == len(markers)


def test_density_chart_per_100_words(doc, markers):
    spec = charts.density_chart(doc, markers).to_dict()
    _check_common(spec)
    assert spec["mark"]["type"] == "line"
    for r in _values(spec):
        if r["words"]:
            assert r["per_100_words"] == round(100 * r["count"] / r["words"], 2)
    assert all(0 <= r["position"] <= 100 for r in _values(spec))


def test_category_chart_counts_and_sorting(markers):
    hedges = [m for m in markers if m.kind == "hedge"]
    spec = charts.category_chart(hedges).to_dict()
    assert spec["encoding"]["y"]["sort"] == "-x" and spec["encoding"]["y"]["title"] == "Category"
    counts = {r["category"]: r["count"] for r in _values(spec)}
    assert counts == {k.replace("_", " "): v for k, v in Counter(m.category for m in hedges).items()}
    assert spec["encoding"]["color"]["scale"]["domain"] == ["hedge"]
    assert "the most frequent is modal" in spec["description"]


def test_stance_arc_chart_running_totals(doc, markers):
    spec = charts.stance_arc_chart(doc).to_dict()
    _check_common(spec)
    last = max(r["paragraph"] for r in _values(spec))
    finals = {r["kind"]: r["running_total"] for r in _values(spec) if r["paragraph"] == last}
    assert finals == {"hedge": sum(m.kind == "hedge" for m in markers),
                      "booster": sum(m.kind == "booster" for m in markers)}


def test_empty_input_still_gives_a_described_chart():
    empty = medialit.Document.from_text("The bridge opened on Monday.")
    spec = charts.markers_per_paragraph_chart(empty).to_dict()
    assert "No hedges or boosters" in spec["description"]
    assert charts.category_chart([]).to_dict()["description"] == "No markers to count."


def test_describe_prints_title_and_description(doc, markers):
    chart = charts.category_chart(markers)
    text = charts.describe(chart)
    assert text.startswith("Stance markers by category. ") and str(len(markers)) in text


def test_bar_fills_differ_in_lightness_and_bars_have_dark_outlines(doc, markers):
    from medialit.render import contrast_ratio

    spec = charts.markers_per_paragraph_chart(doc, markers).to_dict()
    hedge, booster = spec["encoding"]["color"]["scale"]["range"]
    assert contrast_ratio(hedge, booster) >= 3.0
    assert contrast_ratio(spec["encoding"]["stroke"]["value"], "#ffffff") >= 3.0
    lines = charts.density_chart(doc, markers).to_dict()
    assert all(contrast_ratio(c, "#ffffff") >= 3.0 for c in lines["encoding"]["color"]["scale"]["range"])


def test_charts_never_enable_a_renderer(doc):
    before = alt.renderers.active
    charts.markers_per_paragraph_chart(doc)
    charts.stance_arc_chart(doc)
    assert alt.renderers.active == before
