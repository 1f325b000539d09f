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


@pytest.mark.parametrize("target", ["os.replace", "os.fsync"])
def test_interrupted_write_leaves_previous_file(path, monkeypatch, target):
    mq.record_answer("lesson00", "reflection", "kept")
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")  # os.fsync: the temporary file was already written when it failed

    with monkeypatch.context() as m:
        m.setattr(progress.os, target.split(".")[1], boom)
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


# ----------------------------------------------------------------------------- issue 17: nothing lost

_WRITER = """
import sys
from medialit.quiz import record_answer
writer, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(count):
    record_answer(f"bank{writer}", f"q{i}", i, path=path)
"""


def test_four_processes_saving_at_once_keep_every_answer(path):
    """4 processes x 200 answers on one file: all 800 are in the file afterwards."""
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(w), "200", str(path)],
                                stderr=subprocess.PIPE, text=True) for w in range(4)]
    errors = [w.communicate(timeout=600)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0, 0], errors
    data = json.loads(path.read_text(encoding="utf-8"))
    saved = {(b, q) for b, bank in data["banks"].items() for q in bank["questions"]}
    assert len(saved) == 800
    assert all(data["banks"][f"bank{w}"]["questions"][f"q{i}"]["answer"] == i
               for w in range(4) for i in range(200))
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_merge_keeps_the_later_answer_per_question(path):
    mq.record_answer("lesson03", "q1", "first")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["banks"]["lesson03"]["questions"]["q1"]["saved_at"] = "2999-01-01T00:00:00+00:00"
    path.write_text(json.dumps(data), encoding="utf-8")  # a save from a clock ahead of ours
    entry = mq.record_answer("lesson03", "q1", "second")
    assert entry["answer"] == "first" and entry["attempts"] == 2
    mq.record_answer("lesson03", "q2", "other")
    assert mq.saved_answer("lesson03", "q2") == "other"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_never_replaced_permissions(path):
    mq.record_answer("lesson00", "reflection", "twenty answers and a name")
    before = path.read_bytes()
    path.chmod(0o200)
    try:
        with pytest.raises(mq.ProgressError, match=f"cannot read progress file {path}"):
            mq.record_answer("lesson01", "q1", 0)
        with pytest.warns(mq.ProgressWarning, match="cannot read"):
            assert mq.load_progress()["banks"] == {}
    finally:
        path.chmod(0o600)
    assert path.read_bytes() == before


def test_unreadable_file_is_never_replaced(path):
    """A progress 'file' that cannot be read (here a folder, as root can read any file) is left alone."""
    path.mkdir()
    (path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(mq.ProgressError) as info:
        mq.record_answer("lesson01", "q1", 0)
    assert "\n" not in str(info.value) and str(path) in str(info.value)
    assert path.is_dir() and (path / "keep.txt").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("damage", ["nested", "huge"])
def test_nested_or_huge_file_is_kept_aside_with_one_line(path, monkeypatch, damage):
    if damage == "nested":
        content = b'{"banks": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    else:
        monkeypatch.setattr(progress, "MAX_PROGRESS_BYTES", 1000)
        content = json.dumps({"banks": {"b": {"questions": {"q": {"answer": "x" * 2000}}}}}).encode()
    path.write_bytes(content)
    with pytest.warns(mq.ProgressWarning) as caught:
        assert mq.load_progress()["banks"] == {}
    assert all("\n" not in str(w.message) for w in caught)
    with pytest.warns(mq.ProgressWarning, match="corrupt-"):
        mq.record_answer("lesson01", "q1", 0)  # never raises RecursionError
    backups = list(path.parent.glob("progress.json.corrupt-*"))
    assert any(b.read_bytes() == content for b in backups)
    assert mq.saved_answer("lesson01", "q1") == 0


def test_orphan_temp_files_are_cleaned_on_the_next_save(path):
    mq.record_answer("lesson00", "reflection", "before the kill")
    orphan = path.parent / f".{path.name}.abc123.tmp"  # what kill -9 during a write leaves
    orphan.write_bytes(b"x" * 100_000)
    mq.record_answer("lesson00", "reflection", "after")
    assert not orphan.exists()
    assert mq.saved_answer("lesson00", "reflection") == "after"


def test_killed_writers_leave_no_temp_files(path):
    """kill -9 in the middle of saves: the file stays readable and the next save removes the leftovers."""
    import signal
    import time

    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, "0", "100000", str(path)])
        time.sleep(1.5)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    mq.record_answer("after", "q", 1)
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert mq.saved_answer("after", "q") == 1
    assert json.loads(path.read_text(encoding="utf-8"))["banks"]


def test_new_progress_file_is_private(path):
    mq.record_answer("lesson00", "reflection", "mine")
    assert path.stat().st_mode & 0o077 == 0


def test_permission_denied_file_is_never_replaced(path, monkeypatch):
    """As test_unreadable_file_is_never_replaced_permissions, where the tests run as root."""
    mq.record_answer("lesson00", "reflection", "twenty answers and a name")
    before = path.read_bytes()

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(progress, "open", denied, raising=False)
    with pytest.raises(mq.ProgressError, match="Permission denied.*answer not saved"):
        mq.record_answer("lesson01", "q1", 0)
    with pytest.raises(OSError, match="Permission denied"):
        mq.set_student("Ada")
    monkeypatch.undo()
    assert path.read_bytes() == before
