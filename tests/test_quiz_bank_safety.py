"""Issue 17: hostile or broken banks fail cleanly, one line per error, and never stop the others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import medialit.quiz as mq
from medialit.cli import main
from medialit.quiz.cli import answer_key

REPO_QUIZZES = Path(__file__).resolve().parents[1] / "lessons" / "quizzes"
HANG_GUARD = 120  # seconds: a guard against hanging, not a timing assertion

BILLION_LAUGHS = """id: laughs
title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
lesson: 1
questions: [*h]
"""


def _single(qid: object, prompt: str = "Which is a hedge?", **extra) -> dict:
    question = {"id": qid, "type": "single", "prompt": prompt, "explanation": "Because.",
                "options": [{"text": "may", "correct": True}, {"text": "is"}]}
    question.update(extra)
    return question


def _bank(tmp_path: Path, name: str, questions: list[dict]) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"id": name, "title": "T", "lesson": 1, "questions": questions},
                                   allow_unicode=True), encoding="utf-8")
    return path


def _errors(err: str) -> list[str]:
    lines = [line for line in err.splitlines() if line.startswith("medialit: error:")]
    assert "Traceback" not in err
    return lines


def test_billion_laughs_fails_fast_in_one_line_and_the_next_bank_is_still_checked(tmp_path):
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text(BILLION_LAUGHS, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "medialit.cli", "quiz", "check", str(laughs),
                           str(REPO_QUIZZES / "demo.yaml")], capture_output=True, text=True,
                          timeout=HANG_GUARD, check=False)
    assert done.returncode == 2
    errors = _errors(done.stderr)
    assert len(errors) == 1 and "laughs.yaml: line 2" in errors[0] and "aliases" in errors[0]
    assert "ok demo.yaml" in done.stdout


def test_a_lone_anchor_or_alias_is_refused(tmp_path):
    path = tmp_path / "anchor.yaml"
    path.write_text("id: anchor\ntitle: &t Title\nlesson: 1\nquestions: []\n", encoding="utf-8")
    with pytest.raises(mq.BankError, match="line 2: .*anchors and aliases"):
        mq.load_bank(path)


def test_a_400_digit_number_is_one_line(tmp_path, capsys):
    path = _bank(tmp_path, "big", [_single("q1", points=int("9" * 400))])
    assert main(["quiz", "check", str(path)]) == 2
    errors = _errors(capsys.readouterr().err)
    assert len(errors) == 1 and "'points'" in errors[0] and "too large" in errors[0]


def test_nul_in_a_prompt_is_refused_by_check_and_key_html_cannot_crash(tmp_path, capsys):
    path = _bank(tmp_path, "nul", [_single("q1", prompt="Which\x00 `is` a \x00hedge\x00?")])
    assert main(["quiz", "check", str(path)]) == 2
    assert "U+0000" in _errors(capsys.readouterr().err)[0]
    assert "Which" in mq.markdown.to_html("Which\x00 `is` a \x000\x00?")  # no IndexError


def test_check_reports_every_error_in_a_bank(tmp_path, capsys):
    path = _bank(tmp_path, "four", [
        _single("ok-one"),
        _single("bad id!"),
        _single("q3", points="many"),
        {**_single("q4"), "options": [{"text": "only one", "correct": True}]},
        _single("q5", prompt=""),
    ])
    assert main(["quiz", "check", str(path)]) == 2
    errors = _errors(capsys.readouterr().err)
    assert len(errors) == 4, errors
    assert ["bad id!" in errors[0], "'q3'" in errors[1], "'q4'" in errors[2], "'q5'" in errors[3]] == [True] * 4
    with pytest.raises(mq.BankError, match=r"and 3 more error") as info:
        mq.load_bank(path)
    assert "\n" not in str(info.value) and len(info.value.errors) == 4


@pytest.mark.parametrize("word", ["yes", "true", "no", "on", "12"])
def test_ids_must_be_text_not_yaml_booleans(tmp_path, word):
    path = tmp_path / "ids.yaml"
    path.write_text(f"id: ids\ntitle: T\nlesson: 1\nquestions:\n- id: {word}\n  type: reflection\n"
                    "  prompt: Say something.\n", encoding="utf-8")
    with pytest.raises(mq.BankError, match="'id': expected text.*quotes"):
        mq.load_bank(path)
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {word}", f'id: "{word}"'),
                    encoding="utf-8")
    assert mq.load_bank(path).questions[0].id == word


def test_markdown_key_shows_raw_html_as_text(tmp_path):
    path = _bank(tmp_path, "raw", [_single("q1", prompt="Is <script>alert(1)</script> a **hedge**?",
                                           explanation="<img src=x onerror=alert(1)> no.")])
    key = answer_key(mq.load_bank(path), "md")
    assert "<script>" not in key and "<img" not in key
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in key and "**hedge**" in key


def test_nested_yaml_is_one_line(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("id: deep\ntitle: T\nlesson: 1\nquestions: " + "[" * 50_000 + "]" * 50_000 + "\n",
                    encoding="utf-8")
    with pytest.raises(mq.BankError) as info:
        mq.load_bank(path)
    assert "\n" not in str(info.value) and "deep.yaml" in str(info.value)


def test_bank_file_that_is_a_fifo_is_refused(tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "medialit.cli", "quiz", "check", str(fifo)],
                          capture_output=True, text=True, timeout=HANG_GUARD, check=False)
    assert done.returncode == 2 and len(_errors(done.stderr)) == 1


def test_key_html_of_a_bank_with_nul_is_one_line(tmp_path, capsys):
    path = _bank(tmp_path, "nulkey", [_single("q1", prompt="Which\x00 is\x000\x00 a hedge?")])
    assert main(["quiz", "key", str(path), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "U+0000" in err
