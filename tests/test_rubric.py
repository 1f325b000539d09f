"""The assessment rubrics: in the instructor guide, with levels and examples, and printable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parents[1] / "book"
RUBRIC = BOOK / "instructor" / "rubric.md"
PRINT = BOOK / "instructor" / "rubric-print.html"


def _rubric_tables(text: str) -> list[list[str]]:
    """Each rubric's criteria rows (lines starting with '| **X.')."""
    parts = re.split(r"^## Rubric \d", text, flags=re.M)[1:]
    return [re.findall(r"^\| \*\*([A-Z])\. ", part, flags=re.M) for part in parts]


def test_both_rubrics_have_criteria_levels_and_an_example_at_each_level():
    text = RUBRIC.read_text(encoding="utf-8")
    tables = _rubric_tables(text)
    assert len(tables) == 2 and all(len(t) >= 5 for t in tables), tables
    assert "| criterion | 3 secure | 2 developing | 1 beginning |" in text
    for part, letters in zip(re.split(r"^## Rubric \d", text, flags=re.M)[1:], tables, strict=True):
        for letter in letters:
            example = re.search(rf"^- \*\*{letter}, level 3:\*\*.*?(?=^- \*\*|^## |\Z)", part, flags=re.M | re.S)
            assert example, f"criterion {letter} has no examples"
            assert "**Level 2:**" in example.group() and "**Level 1:**" in example.group(), letter


def test_the_rubric_is_in_the_toc_and_the_unit_links_it():
    assert "instructor/rubric" in (BOOK / "_toc.yml").read_text(encoding="utf-8")
    assert "rubric.md" in (BOOK / "instructor" / "four-week-unit.md").read_text(encoding="utf-8")


def test_printable_copy_is_current_and_offline():
    pytest.importorskip("markdown_it")
    result = subprocess.run([sys.executable, str(BOOK / "make_printables.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    html = PRINT.read_text(encoding="utf-8")
    assert "@media print" in html and "<table>" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the printable page loads nothing"


@pytest.mark.browser
def test_printable_copy_has_no_axe_findings(chromium_browser):
    page = chromium_browser.new_page()
    try:
        page.goto(PRINT.as_uri())
        page.add_script_tag(path=str(Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        page.close()
    assert [(v["id"], v["impact"]) for v in result["violations"]] == []
