"""`medialit analyze`: every section, every format, standard input, many files, escaping."""

from __future__ import annotations

import io
import json

import pytest

from medialit.cli import main
from medialit.summary import SECTIONS

ARTICLE = (
    "Officials said the <script>alert(1)</script> plan would probably fail.\n\n"
    "As you know, critics claimed it was a massacre of the budget. We must act, they added."
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_summary_has_every_section(article, capsys):
    assert main(["analyze", str(article)]) == 0
    out = capsys.readouterr().out
    for _, title in SECTIONS:
        assert f"-- {title}" in out
    assert "hedges: 1" in out


def test_json_summary(article, capsys):
    assert main(["analyze", str(article), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["file"] == str(article)
    assert data[0]["words"] > 10
    stance = data[0]["sections"]["stance"]
    assert stance["hedges"] == 1 and stance["boosters"] >= 1


def test_html_summary_escapes_the_article(article, capsys):
    assert main(["analyze", str(article), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!doctype html>")
    assert "<script>alert" not in out


def test_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    assert main(["analyze", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["title"] == "(standard input)"


def test_many_files_with_a_progress_bar(tmp_path, capsys):
    paths = []
    for i in range(3):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Text number {i}. It may rain, experts said.", encoding="utf-8")
        paths.append(str(path))
    assert main(["analyze", *paths]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("== ") == 3
    assert "3/3" in captured.err
    assert main(["analyze", "--quiet", *paths]) == 0
    assert capsys.readouterr().err == ""
