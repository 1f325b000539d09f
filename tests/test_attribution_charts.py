"""Charts and highlights of attributions: titles, descriptions, typed fields, escaping."""

from __future__ import annotations

import pytest

from medialit import charts
from medialit.attribution import find_attributions, highlight_attributions, source_rows


def _fields(spec: dict) -> list[str]:
    return [enc["type"] for enc in spec["encoding"].values() if isinstance(enc, dict) and "type" in enc]


def test_who_speaks_chart_case_study(case_study):
    atts = find_attributions(case_study.text)
    spec = charts.who_speaks_chart(atts).to_dict()
    assert spec["title"].startswith("Who speaks?")
    top = source_rows(atts)[0]  # the chart shows what the counting says, whatever the detector finds
    assert f"{top['source']} ({top['count']} times" in spec["description"]
    values = spec["data"]["values"]
    rows = [r for r in values if r["source"].startswith(top["source"])]
    assert {r["how"]: r["attributions"] for r in rows} == {
        how: top[how] for how in ("direct", "indirect") if top[how]}
    assert sum(r["attributions"] for r in values) == len(atts)
    assert set(_fields(spec)) <= {"quantitative", "nominal", "ordinal"}
    assert all("title" in t for t in spec["encoding"]["tooltip"])
    assert f"({top['type'].replace('_', ' ')})" in rows[0]["source"]  # the type is in words, not colour alone


def test_who_speaks_chart_limits_and_empty():
    text = "Ann Lee said yes. Bo Chan said no. Cy Dee said maybe."
    spec = charts.who_speaks_chart(find_attributions(text), n=2).to_dict()
    assert len({r["source"] for r in spec["data"]["values"]}) == 2
    empty = charts.who_speaks_chart([]).to_dict()
    assert empty["data"]["values"] == [] and "No attribution" in empty["description"]
    with pytest.raises(ValueError, match="at least 1"):
        charts.who_speaks_chart([], n=0)


def test_source_types_chart_counts_every_type(case_study):
    atts = find_attributions(case_study.text)
    spec = charts.source_types_chart(atts).to_dict()
    rows = {r["type"]: r["attributions"] for r in spec["data"]["values"]}
    for stype in {a.source_type for a in atts}:
        assert rows[stype.replace("_", " ")] == sum(a.source_type == stype for a in atts)
    assert sum(rows.values()) == len(atts)
    assert spec["description"].startswith(f"Of {len(atts)} attributions")
    assert charts.describe(charts.source_types_chart(atts)).startswith("What kind of source")


def test_highlight_labels_types_and_cues(case_study):
    result = highlight_attributions(case_study.text)
    html = result.html
    labels = {m.label for m in result.marks}
    assert {"named_person", "official_role", "organization", "vague", "common_knowledge",
            "pronoun", "cue"} <= labels
    assert "stated bluntly (judgement)" in html
    assert not result.dropped


def test_highlight_escapes_pasted_markup_in_names_and_titles():
    text = '“<img src=x onerror=alert(1)>,” said Ann <Lee>. Ann Lee said so.'
    html = highlight_attributions(text).html
    assert "<img" not in html and "&lt;img" in html
