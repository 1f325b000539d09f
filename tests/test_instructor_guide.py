"""The instructor guide (book/instructor/) stays true to the course it describes.

* every page is in the book's table of contents, and every listed page exists;
* every ``medialit ...`` command shown in the guide is one the command line accepts;
* the gradebook's worked example (three students after Lesson 5) is what
  ``medialit progress report`` really prints for those answers;
* the answer-keys page's code produces a key for every lesson bank;
* every lesson the course map names exists.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from medialit.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "book" / "instructor"
PAGES = sorted(GUIDE.glob("*.md"))


def _toc_instructor_pages() -> set[str]:
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(entries):
        for entry in entries or []:
            if isinstance(entry, dict):
                if str(entry.get("file", "")).startswith("instructor/"):
                    found.add(entry["file"])
                walk(entry.get("sections"))
                walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return found


def test_guide_pages_match_the_toc():
    assert PAGES, "book/instructor/ has no pages"
    pages = {f"instructor/{p.stem}" for p in PAGES}
    listed = _toc_instructor_pages()
    assert pages == listed, f"not in _toc.yml: {pages - listed}; listed but missing: {listed - pages}"


def _shown_commands() -> list[tuple[str, str]]:
    commands = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:bash|sh|console)\n(.*?)```", text, re.S):
            for line in block.splitlines():
                line = line.split("#", 1)[0].strip()
                if line.startswith("medialit "):
                    commands.append((page.name, line))
    return commands


def test_guide_shows_the_instructor_commands():
    shown = " ".join(cmd for _, cmd in _shown_commands())
    for needed in ("medialit assignment release", "medialit progress report", "medialit quiz key"):
        assert needed in shown, f"the guide never shows `{needed}`"


@pytest.mark.parametrize("page, command", _shown_commands())
def test_every_command_in_the_guide_parses(page, command, capsys):
    words = shlex.split(command.split(">", 1)[0])[1:]
    try:
        args = build_parser().parse_args(words)
    except SystemExit as exc:  # argparse exits on an unknown command or option
        if exc.code != 0:
            pytest.fail(f"{page}: `{command}` is not a valid medialit command: "
                        f"{capsys.readouterr().err.strip()}")
        return
    assert callable(args.func)


def _example_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```text\n(.*?)```", text, re.S)]


def test_gradebook_example_is_real(tmp_path, monkeypatch, capsys):
    """Rebuild the three students' files of gradebook.md and compare the printed tables."""
    from medialit.quiz import grade, load_bank, record_answer, set_student

    bank = load_bank("lesson05")
    questions = {q.id: q for q in bank.questions}
    answers = {
        "amira": {"neutral-verb": 0, "chain-missing": [0, 1, 2], "untraceable-quote": 0,
                  "paraphrase-drift": 0, "selective-quotation": [0, 1]},
        "ben": {"neutral-verb": 1, "chain-missing": [0, 3], "untraceable-quote": 0},
        "chloe": {"neutral-verb": 0, "chain-missing": [0, 1, 2], "untraceable-quote": 1,
                  "paraphrase-drift": 0, "selective-quotation": [0, 1, 2]},
    }
    (tmp_path / "collected").mkdir()
    for name, given in answers.items():
        path = tmp_path / "collected" / f"{name}.json"
        set_student(name.capitalize(), path=path)
        for qid, answer in given.items():
            record_answer("lesson05", qid, answer, grade(questions[qid], answer), path=path)
    monkeypatch.chdir(tmp_path)
    files = [f"collected/{name}.json" for name in answers]
    blocks = _example_blocks((GUIDE / "gradebook.md").read_text(encoding="utf-8"))

    assert main(["progress", "report", *files]) == 0
    table = "\n".join(line.rstrip() for line in capsys.readouterr().out.strip().splitlines())
    assert table in blocks, f"gradebook.md's text table is out of date; the report prints:\n{table}"

    assert main(["progress", "report", *files, "--csv"]) == 0
    csv_text = capsys.readouterr().out.strip()
    assert csv_text in blocks, f"gradebook.md's CSV is out of date; the report prints:\n{csv_text}"


def test_answer_keys_page_covers_every_lesson_bank_and_exercise():
    """Run the page's own code cells (as the book build does) and check what they display."""
    text = (GUIDE / "answer-keys.md").read_text(encoding="utf-8")
    cells = re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", text, re.S)
    assert len(cells) == 2, "answer-keys.md should generate the quiz keys and the model answers"
    namespace: dict = {}
    shown = []
    for cell in cells:
        lines = [line for line in cell.strip().splitlines() if not line.startswith(":")]
        lines[-1] = "_shown = " + lines[-1]  # the displayed value, as in a notebook
        exec(compile("\n".join(lines), "answer-keys.md", "exec"), namespace)
        shown.append(namespace["_shown"].data)
    keys, answers = shown
    banks = sorted(p.stem for p in (ROOT / "lessons" / "quizzes").glob("lesson[0-9][0-9].yaml"))
    for name in banks:
        assert f"Bank `{name}`" in keys, f"no answer key for {name}"
    for path in sorted((ROOT / "lessons").glob("[0-9][0-9]-*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id and cell["metadata"]["nbgrader"].get("solution"):
                assert f"(`{grade_id}`)" in answers, f"{path.name}: no model answer {grade_id}"


def test_course_map_names_existing_lessons():
    text = (GUIDE / "course-map.md").read_text(encoding="utf-8")
    named = {int(n) for n in re.findall(r"^\| \*\*(\d) ·", text, re.M)}
    lessons = {int(p.name[:2]) for p in (ROOT / "lessons").glob("[0-9][0-9]-*.ipynb")}
    assert named == lessons, f"course map lessons {sorted(named)} != notebooks {sorted(lessons)}"
