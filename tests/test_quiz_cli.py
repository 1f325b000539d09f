"""``medialit quiz check``, ``medialit quiz key`` and ``medialit progress report``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import medialit.quiz as mq
from medialit.cli import main

REPO_QUIZZES = Path(__file__).resolve().parents[1] / "lessons" / "quizzes"


def loadable_course_banks() -> list[str]:
    names = []
    for path in sorted(REPO_QUIZZES.glob("*.yaml")):
        try:
            mq.load_bank(path)
        except mq.BankError:
            continue  # reported by test_quiz_schema.py::test_every_course_bank_validates
        names.append(path.stem)
    return names


def test_check_named_banks(capsys):
    assert main(["quiz", "check", "demo", str(REPO_QUIZZES / "demo.yaml")]) == 0
    out = capsys.readouterr().out
    assert out == "ok demo.yaml: 7 questions, 10 points\n" * 2


def test_check_reports_each_broken_bank_in_one_line(tmp_path, capsys):
    data = yaml.safe_load((REPO_QUIZZES / "demo.yaml").read_text(encoding="utf-8"))
    data["questions"][0]["options"][0]["correct"] = False
    bad = tmp_path / "demo.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["quiz", "check", str(bad), "demo"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "ok demo.yaml: 7 questions, 10 points\n"
    assert captured.err.splitlines() == [
        "medialit: error: demo.yaml: question 'single-hedge': field 'options': "
        "exactly one option must have correct: true (found 0)",
        "1 of 2 bank(s) have errors",
    ]


def test_check_all_uses_environment_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MEDIALIT_QUIZZES", str(tmp_path))
    (tmp_path / "demo.yaml").write_text((REPO_QUIZZES / "demo.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    main(["quiz", "check"])
    assert "ok demo.yaml" in capsys.readouterr().out


def test_key_markdown(capsys):
    assert main(["quiz", "key", "demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Answer key: Demo quiz: every question type\n")
    assert "- [x] likely (feedback: Right: *likely* makes the claim less certain.)" in out
    assert "**Answer:** 14 paragraphs" in out
    assert "It is [[likely]] that" in out and "((can))" in out
    assert "| Many even began to speculate | vague source |" in out
    assert "**Explanation:** Keep this: in Lesson 9" in out


def test_key_html_is_escaped(tmp_path, capsys):
    bank = {"id": "evil", "title": "<script>x</script>", "lesson": 1, "questions": [
        {"id": "q", "type": "single", "prompt": "<b>p</b>", "explanation": "<i>e</i>",
         "options": [{"text": "<img src=x>", "correct": True}, {"text": "b"}]}]}
    path = tmp_path / "evil.yaml"
    path.write_text(yaml.safe_dump(bank), encoding="utf-8")
    assert main(["quiz", "key", str(path), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<script>x" not in out and "<img" not in out and "&lt;img src=x&gt;" in out
    assert out.startswith("<!DOCTYPE html>")


def test_key_unknown_bank_is_one_line_error(capsys):
    assert main(["quiz", "key", "lesson99"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: error: no question bank named 'lesson99'") and err.count("\n") == 1


@pytest.mark.parametrize("name", loadable_course_banks())
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_key_works_on_every_course_bank(name, fmt, capsys):
    assert main(["quiz", "key", name, "--format", fmt]) == 0
    out = capsys.readouterr().out
    bank = mq.load_bank(name)
    for q in bank.questions:
        assert q.id in out


def _student_file(folder: Path, name: str, answers: dict, student: str | None = None) -> Path:
    path = folder / f"{name}.json"
    data = {"format": "medialit-progress", "version": 1, "banks": {}}
    if student:
        data["student"] = student
    for (bank, qid), answer in answers.items():
        data["banks"].setdefault(bank, {"questions": {}})["questions"][qid] = {"answer": answer, "score": 99}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_progress_report_csv_regrades_answers(tmp_path, capsys):
    ana = _student_file(tmp_path, "ana", {("demo", "single-hedge"): 0, ("demo", "multiple-checks"): [0],
                                          ("demo", "numeric-paragraphs"): "14"}, student="Ana Lima")
    ben = _student_file(tmp_path, "ben", {("demo", "single-hedge"): 1, ("oldbank", "q1"): 3})
    broken = tmp_path / "cem.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["progress", "report", str(ana), str(ben), str(broken), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["student", "file", "demo", "oldbank", "total", "note"]
    assert rows[1] == ["(points possible)", "", "10", "?", "10", ""]
    assert rows[2][:5] == ["Ana Lima", str(ana), "3", "0*", "3"]  # 1 + 1 (partial) + 1; saved 99s ignored
    assert rows[3][:5] == ["ben", str(ben), "0", "99*", "99"]
    assert "bank oldbank not found" in rows[3][5]
    assert rows[4][0] == "cem" and rows[4][4] == "0" and "damaged" in rows[4][5]
    assert broken.read_text(encoding="utf-8") == "{not json"  # a student's file is never changed
    assert not list(tmp_path.glob("cem.json.corrupt-*"))


def test_progress_report_text_table(tmp_path, capsys):
    ana = _student_file(tmp_path, "ana", {("demo", "single-hedge"): 0})
    assert main(["progress", "report", str(ana)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["student", "file", "demo", "total"]
    assert lines[2].split() == ["ana", str(ana), "1", "1"]


def test_progress_report_missing_file(tmp_path, capsys):
    assert main(["progress", "report", str(tmp_path / "nobody.json")]) == 2
    assert "progress file not found" in capsys.readouterr().err


def test_installed_command_runs_quiz_check():
    exe = Path(sys.executable).with_name("medialit")
    out = subprocess.run([str(exe), "quiz", "check", "demo"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("ok demo.yaml")
