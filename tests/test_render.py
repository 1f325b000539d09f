"""render.highlight and render.kwic: escaping, accessibility, contrast, generic spans, overlaps."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.hedging import find_hedges
from medialit.render import (
    AA_NON_TEXT,
    AA_TEXT,
    EXTRA_STYLES,
    LABEL_STYLES,
    TEXT_COLOUR,
    Mark,
    contrast_ratio,
    highlight,
    kwic,
    style_for,
    to_mark,
)

ATTACKS = ['<script>alert("x")</script>', '<img src=x onerror="alert(1)">', "\"' onmouseover=alert(1) x='"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html_text: str) -> _Tags:
    parser = _Tags()
    parser.feed(html_text)
    return parser


# --- escaping ---------------------------------------------------------------------------------


@pytest.mark.parametrize("attack", ATTACKS)
def test_text_labels_and_titles_are_escaped(attack):
    text = f"It may rain {attack} today."
    marks = [Mark(3, 6, attack, attack), Mark(12, 12 + len(attack), "loaded", attack)]
    out = highlight(text, marks, caption=attack).html
    tags = parse(out).tags
    assert not any(tag in ("script", "img") for tag, _ in tags)
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    assert "<script>" not in out and "<img" not in out


@given(st.text(max_size=80))
def test_any_pasted_text_never_survives_unescaped(text):
    markers = find_hedges(text)
    out = highlight(text, markers).html
    tags = {tag for tag, _ in parse(out).tags}
    assert tags <= {"div", "style", "ul", "li", "mark", "span", "p"}
    if not markers:
        assert html.escape(text) in out


def test_kwic_escapes_everything():
    text = "<script>x</script> may <img onerror=alert(1)> be"
    table = kwic(text, find_hedges(text), width=30, caption="<b>c</b>").html
    assert not any(tag in ("script", "img", "b") for tag, _ in parse(table).tags)


# --- structure and accessibility ------------------------------------------------------------------


def test_highlight_html_has_labels_focus_titles_legend_and_math_guard():
    text = "As you know, it could well rain."
    h = highlight(text, find_hedges(text))
    assert h._repr_html_() == h.html
    assert 'class="tex2jax_ignore' in h.html
    marks = [attrs for tag, attrs in parse(h.html).tags if tag == "mark" and "tabindex" in attrs]
    assert len(marks) == 2 and all(m["tabindex"] == "0" for m in marks)
    assert "modal" in marks[1]["title"] and "could well" in marks[1]["title"]
    assert 'aria-label="Legend"' in h.html
    legend = h.html.split('aria-label="Legend"')[1].split("</ul>")[0]
    assert legend.index(">hedge<") < legend.index(">booster<")  # fixed order, whatever comes first in the text
    visible = "".join(parse(h.html).text)
    assert "hedge" in visible and "booster" in visible  # a visible label, not colour alone
    assert "dashed" in h.html and "double" in h.html  # underline styles differ by kind
    assert str(h) == "[As you know]{booster}, it [could well]{hedge} rain."


def test_every_style_meets_wcag_aa():
    for style in list(LABEL_STYLES.values()) + list(EXTRA_STYLES):
        assert contrast_ratio(TEXT_COLOUR, style.background) >= AA_TEXT
        assert contrast_ratio(style.line, style.background) >= AA_TEXT  # the label is text in this colour
        assert contrast_ratio(style.line, "#ffffff") >= AA_NON_TEXT
    assert len({s.underline for s in LABEL_STYLES.values()}) >= 5


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1.0)


def test_unknown_labels_get_distinct_styles():
    assigned: dict = {}
    assert style_for("alpha", assigned) != style_for("beta", assigned)
    assert style_for("alpha", assigned) == style_for("alpha", assigned)


# --- generic spans ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:  # the shape another detector returns
    start: int
    end: int
    text: str
    type: str
    cue: str


def test_any_result_with_offsets_can_be_highlighted():
    text = "Officials said it may rain."
    items = [Attribution(0, 9, "Officials", "vague", "said"), {"start": 10, "end": 14, "label": "cue"}]
    h = highlight(text, items)
    assert [m.label for m in h.marks] == ["vague", "cue"]
    by_function = highlight(text, items[:1], label=lambda a: "source", title=lambda a: f"cue: {a.cue}")
    assert by_function.marks == [Mark(0, 9, "source", "cue: said")]
    assert to_mark(Mark(1, 2, "x")) == Mark(1, 2, "x")
    with pytest.raises(ValueError, match="start and end"):
        to_mark({"begin": 1})


def test_offsets_outside_the_text_are_refused():
    with pytest.raises(ValueError, match="outside the text"):
        highlight("short", [Mark(2, 50, "hedge")])


def test_nested_spans_are_drawn_inside_and_crossing_spans_dropped():
    text = "Analysts expect a deal soon."
    nested = highlight(text, [Mark(0, 15, "source"), Mark(9, 15, "hedge")])
    assert nested.dropped == [] and str(nested) == "[Analysts [expect]{hedge}]{source} a deal soon."
    assert re.search(r"<mark[^>]*data-label=\"source\".*<mark[^>]*data-label=\"hedge\"", nested.html)
    crossing = highlight(text, [Mark(0, 15, "source"), Mark(9, 22, "claim")])
    assert crossing.dropped == [Mark(9, 22, "claim")]
    assert "1 overlapping span(s) not shown" in crossing.html


def test_kwic_rows_sorting_and_plain_text(case_study):
    markers = find_hedges(case_study.text)
    view = kwic(case_study.text, markers, width=20, sort="match")
    assert len(view.rows) == len(markers)
    assert [r["match"].lower() for r in view.rows] == sorted(r["match"].lower() for r in view.rows)
    row = view.rows[0]
    assert case_study.text[row["start"] : row["end"]] == row["match"] and len(row["left"]) <= 20
    assert "[" in str(view) and view._repr_html_() == view.html
    assert '<th scope="col">' in view.html
    with pytest.raises(ValueError, match="sort"):
        kwic("x", [], sort="size")
