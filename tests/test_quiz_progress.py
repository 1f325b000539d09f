"""The progress file: atomic writes, corrupt files, other lessons' answers kept, restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings

import pytest

import medialit.quiz as mq
from medialit.quiz import progress


@pytest.fixture
def path():
    return mq.progress_path()


def test_default_location_and_override(monkeypatch, tmp_path):
    assert mq.progress_path() == tmp_path / "progress.json"  # conftest sets MEDIALIT_PROGRESS
    monkeypatch.delenv("MEDIALIT_PROGRESS")
    assert str(mq.progress_path()).endswith(os.path.join(".medialit", "progress.json"))


def test_record_and_read_back(path):
    q = mq.load_bank("demo").question("single-hedge")
    mq.record_answer("demo", "single-hedge", 0, mq.grade(q, 0), title="Demo")
    mq.record_answer("demo", "single-hedge", 1, mq.grade(q, 1))
    entry = mq.saved_entry("demo", "single-hedge")
    assert entry["answer"] == 1 and entry["score"] == 0.0 and entry["attempts"] == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "medialit-progress" and data["banks"]["demo"]["title"] == "Demo"
    assert mq.saved_answer("demo", "nope") is None and mq.saved_answer("other", "x") is None


def test_other_lessons_answers_are_kept(path):
    mq.record_answer("lesson00", "reflection", "My first reading.")
    # another notebook (another kernel) writes meanwhile: simulate by editing the file directly
    data = json.loads(path.read_text(encoding="utf-8"))
    data["banks"]["lesson03"] = {"questions": {"q1": {"answer": 2, "score": 1, "points": 1}}}
    path.write_text(json.dumps(data), encoding="utf-8")
    mq.record_answer("lesson05", "q9", [1, 2])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["banks"]) == {"lesson00", "lesson03", "lesson05"}
    assert mq.saved_answer("lesson00", "reflection") == "My first reading."


@pytest.mark.parametrize("target", ["os.replace", "json.dump"])
def test_interrupted_write_leaves_previous_file(path, monkeypatch, target):
    mq.record_answer("lesson00", "reflection", "kept")
    before = path.read_bytes()

    def boom(*args, **kwargs):
        if target == "json.dump":
            args[1].write('{"banks": {"half')  # part of a file was written when it failed
        raise OSError("disk full")

    with monkeypatch.context() as m:
        if target == "os.replace":
            m.setattr(progress.os, "replace", boom)
        else:
            m.setattr(progress.json, "dump", boom)
        with pytest.raises(OSError, match="disk full"):
            mq.record_answer("lesson03", "q1", 1)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert mq.saved_answer("lesson00", "reflection") == "kept"


def test_corrupt_file_is_backed_up_and_never_crashes(path):
    path.write_text('{"banks": {"lesson00": {"questions": {"reflection": {"answer": "x"', encoding="utf-8")
    damaged = path.read_bytes()
    with pytest.warns(mq.ProgressWarning, match="damaged.*saved as"):
        assert mq.saved_answer("lesson00", "reflection") is None
    backups = list(path.parent.glob("progress.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == damaged
    with pytest.warns(mq.ProgressWarning):
        mq.record_answer("lesson01", "q1", 0)  # a new save works and repairs the file
    assert len(list(path.parent.glob("progress.json.corrupt-*"))) == 1  # same damage, one backup
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert mq.saved_answer("lesson01", "q1") == 0


def test_partly_damaged_file_keeps_the_readable_answers(path):
    path.write_text(json.dumps({"banks": {
        "lesson00": {"questions": {"reflection": {"answer": "mine"}, "broken": "not an entry"}},
        "lesson02": "garbage",
        "lesson03": {"questions": {"q1": {"answer": 1, "score": 1}}},
    }}), encoding="utf-8")
    with pytest.warns(mq.ProgressWarning, match="kept the readable answers"):
        mq.record_answer("lesson04", "q1", 2)
    assert mq.saved_answer("lesson00", "reflection") == "mine"
    assert mq.saved_answer("lesson03", "q1") == 1
    assert mq.saved_answer("lesson04", "q1") == 2
    assert list(path.parent.glob("progress.json.corrupt-*"))


def test_non_utf8_and_non_json_files(path):
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.warns(mq.ProgressWarning):
        assert mq.load_progress()["banks"] == {}


def test_answers_survive_a_new_python_process(path):
    """A kernel restart is a new process: it reads the answers back from the file."""
    bank = mq.load_bank("demo")
    mq.record_answer("demo", "numeric-paragraphs", "14", mq.grade(bank.question("numeric-paragraphs"), "14"))
    code = (
        "import medialit.quiz as mq\n"
        "v = mq.view('demo', 'numeric-paragraphs')\n"
        "qw = v.widget.questions[0]\n"
        "print(repr(qw.answer()), 'restored' in qw.feedback.value, 'Correct.' in qw.feedback.value)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "MEDIALIT_PROGRESS": str(path)})
    assert out.stdout.split() == ["'14'", "True", "True"]


def test_bank_score_regrades_saved_answers(path):
    bank = mq.load_bank("demo")
    mq.record_answer("demo", "single-hedge", 2)
    data = mq.load_progress()
    data["banks"]["demo"]["questions"]["single-hedge"]["score"] = 100  # a tampered score
    assert mq.bank_score(bank, data) == (0.0, bank.points, 1, len(bank.questions) - 1)
