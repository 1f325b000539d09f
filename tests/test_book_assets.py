"""The book's page-weight and accessibility helpers (book/_ext), without building the book."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"


def _ext(name: str):
    sys.path.insert(0, str(BOOK / "_ext"))
    try:
        return __import__(name)
    finally:
        sys.path.pop(0)


# ---- pandas tables: no empty header cell ---------------------------------------------------

_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)


def _empty_headers(html: str) -> list[str]:
    return [cell for cell in _TH.findall(html) if not re.sub(r"<[^>]+>|&nbsp;|\s", "", cell)]


def _head(html: str) -> str:
    return html[html.index("<thead>"):html.index("</thead>")]


def _frames() -> dict[str, pd.DataFrame]:
    plain = pd.DataFrame({"text": ["article", "report"], "hedges": [12, 3]})
    named = plain.set_index("text")
    both = named.copy()
    both.columns.name = "measure"
    levels = pd.DataFrame({"a": [1], "b": [2], "n": [3]}).set_index(["a", "b"])
    return {"plain": plain, "named": named, "both": both, "levels": levels,
            "transposed": plain.T, "empty": pd.DataFrame([]), "styled": plain}


@pytest.mark.parametrize("kind", list(_frames()))
def test_pandas_tables_lose_every_empty_header_cell(kind):
    tables = _ext("medialit_tables")
    frame = _frames()[kind]
    html = frame.style.to_html() if kind == "styled" else frame._repr_html_()
    if kind != "styled":
        assert _empty_headers(html), "pandas changed: this case no longer has an empty header"
    fixed = tables.name_table_headers(html)
    assert _empty_headers(fixed) == [], kind
    # The data and the column names are all still there.
    for value in [*map(str, frame.columns), *(str(v) for v in frame.to_numpy().ravel())]:
        assert f">{value}<" in fixed, (kind, value)


def test_an_index_name_moves_up_into_the_corner():
    tables = _ext("medialit_tables")
    frame = pd.DataFrame({"text": ["article"], "hedges": [12]}).set_index("text")
    head = _head(tables.name_table_headers(frame._repr_html_()))
    assert head.count("<tr") == 1
    assert re.findall(r"<th\b[^>]*>(.*?)</th>", head) == ["text", "hedges"]


def test_an_unnamed_index_is_named_for_screen_readers_only():
    tables = _ext("medialit_tables")
    head = _head(tables.name_table_headers(pd.DataFrame({"hedges": [12]})._repr_html_()))
    assert f'<th><span class="visually-hidden">{tables.UNNAMED_INDEX}</span></th>' in head


def test_the_columns_name_keeps_its_corner():
    tables = _ext("medialit_tables")
    frame = _frames()["both"]
    head = _head(tables.name_table_headers(frame._repr_html_()))
    assert re.findall(r"<th\b[^>]*>(.*?)</th>", head) == ["measure", "hedges", "text"]


def test_other_tables_are_left_alone():
    tables = _ext("medialit_tables")
    html = '<table class="table"><thead><tr><th></th><th>P</th></tr></thead></table>'
    assert tables.name_table_headers(html) == html


# ---- icon fonts ------------------------------------------------------------------------------


def test_the_icon_script_is_left_out_and_the_rest_of_the_theme_macros_unchanged():
    """The override must follow the theme: a theme update that changes its macros fails here."""
    icons = _ext("medialit_icons")
    theme = (icons.theme_static() / "webpack-macros.html").read_text(encoding="utf-8")
    ours = (BOOK / "_templates" / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    ours = re.sub(r"\{#.*?#\}\n", "", ours, count=1, flags=re.S)
    assert "fontawesome.js" in theme and "fontawesome.js" not in ours
    kept = [line for line in theme.splitlines() if "fontawesome.js" not in line and "custom icons" not in line]
    assert ours.splitlines() == kept


def test_the_theme_stylesheet_maps_icon_classes_and_admonition_icons():
    icons = _ext("medialit_icons")
    css = (icons.theme_static() / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    by_class, other = icons.read_stylesheet(css)
    assert by_class["bars"] == {0xF0C9}
    assert by_class["magnifying-glass"] == by_class["search"] == {0xF002}
    assert by_class["github"] == {0xF09B}
    assert 0xF05A in other  # --pst-icon-info-circle: the note admonition's icon
    assert not set().union(*by_class.values()) >= set(range(0xE000, 0xF900))


def test_fonts_are_cut_to_exactly_the_icons_a_site_uses(tmp_path):
    pytest.importorskip("fontTools")
    from fontTools.ttLib import TTFont

    icons = _ext("medialit_icons")
    site = tmp_path / "html"
    (site / "_static" / icons.WEBFONTS).mkdir(parents=True)
    (site / "_static" / icons.ICON_SCRIPT).parent.mkdir(parents=True)
    (site / "_static" / icons.ICON_SCRIPT).write_text("/* 1.5 MB */")
    (site / "_static" / "styles").mkdir()
    (site / "_static" / "styles" / "theme.css").write_text(
        '.fa-bars:before{content:"\\f0c9"}.fa-rocket:before{content:"\\f135"}'
        '.fa-github:before{content:"\\f09b"} html{--pst-icon-info-circle:"\uf05a"}'
        ".admonition-title:after{content:var(--pst-icon-info-circle)}", encoding="utf-8")
    (site / "page.html").write_text('<i class="fa-solid fa-bars"></i><i class="fa-brands fa-github"></i>')
    kept, before, after = icons.cut_icon_fonts(site)
    assert kept == 3  # bars, github, the admonition's icon; not the unused rocket
    assert 0 < after < before / 20
    solid = TTFont(site / "_static" / icons.WEBFONTS / "fa-solid-900.woff2")
    assert set(solid.getBestCmap()) == {0xF0C9, 0xF05A}
    brands = TTFont(site / "_static" / icons.WEBFONTS / "fa-brands-400.ttf")
    assert set(brands.getBestCmap()) == {0xF09B}
    assert not (site / "_static" / icons.ICON_SCRIPT).exists()


@pytest.mark.parametrize("name", ["medialit_tables", "medialit_icons"])
def test_the_examples_in_the_docstrings_hold(name):
    import doctest

    result = doctest.testmod(_ext(name))
    assert result.attempted > 0 and result.failed == 0
