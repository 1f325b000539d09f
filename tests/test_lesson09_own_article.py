"""Lesson 9 works with a student's own article: pasted text, a .txt file or a saved .html page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "09-your-own-article.ipynb"
ARTICLE = (
    "Council approves new bike lanes\n\n"
    "The city council voted 7 to 2 on Tuesday to build bike lanes on Main Street, "
    "the council's press office said. Critics say the plan could slow buses. "
    "Many residents clearly welcome it, as everyone knows."
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Bike lanes</title><script>alert('x')</script></head>"
    "<body><nav>Home | News</nav><article><h1>Council approves new bike lanes</h1>"
    "<p>The city council voted 7 to 2 on Tuesday to build bike lanes on Main Street, "
    "the council's press office said.</p><p>Critics say the plan could slow buses.</p>"
    "</article></body></html>"
)

pytestmark = pytest.mark.notebooks


def _run(nb, tmp_path: Path, monkeypatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("MEDIALIT_PROGRESS", str(tmp_path / "progress.json"))
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    return nb


def _load_cell(nb) -> int:
    return next(i for i, c in enumerate(nb.cells)
                if c.cell_type == "code" and c.source.startswith("my_text = "))


def _errors(nb) -> list[str]:
    return [f"cell {i}: {o.get('ename')}: {o.get('evalue')}" for i, c in enumerate(nb.cells)
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


def _printed(nb) -> str:
    return json.dumps([c.get("outputs", []) for c in nb.cells])


@pytest.mark.parametrize("how", ["paste", "html"])  # .txt files: tests/test_document.py
def test_own_article_runs(how, tmp_path, monkeypatch):
    nb = nbformat.read(LESSON, as_version=4)
    cell = nb.cells[_load_cell(nb)]
    if how == "paste":
        cell.source = f'my_text = """{ARTICLE}"""\nmy_file = ""'
    else:
        name = f"my-article.{how}"
        (tmp_path / name).write_text(ARTICLE if how == "txt" else PAGE, encoding="utf-8")
        cell.source = f'my_text = ""\nmy_file = "{name}"'
    nb = _run(nb, tmp_path, monkeypatch)
    assert not _errors(nb), _errors(nb)
    printed = _printed(nb)
    assert "No article loaded yet" not in printed
    preview = next(c for c in nb.cells if c.cell_type == "code" and "mine.word_count" in c.source)
    text = "".join(o.get("text", "") for o in preview.outputs)
    assert "bike lanes on Main Street" in text
    assert "alert" not in text  # a saved page's script is not part of the article


def test_pasted_html_gets_a_clear_message(tmp_path, monkeypatch):
    nb = nbformat.read(LESSON, as_version=4)
    nb.cells[_load_cell(nb)].source = f'my_text = """{PAGE}"""\nmy_file = ""'
    nb = _run(nb, tmp_path, monkeypatch)
    errors = _errors(nb)
    assert errors and "html_to_text" in errors[0], errors
