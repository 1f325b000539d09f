"""``medialit lab`` (copying the course), ``medialit link`` and publishing.yaml, without starting servers."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from medialit.cli import main
from medialit.course import publishing
from medialit.course.lab import course_source, plan_copy, run_lab
from medialit.course.link import nbgitpuller_link

ROOT = Path(__file__).resolve().parents[1]
BOOK_CONFIG = ROOT / "book" / "_config.yml"


def _course(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    (source / "lessons" / "quizzes").mkdir(parents=True)
    (source / "datasets").mkdir()
    (source / "lessons" / "00-start.ipynb").write_text("{}", encoding="utf-8")
    (source / "lessons" / "03-hedging.ipynb").write_text('{"course": 3}', encoding="utf-8")
    (source / "lessons" / "quizzes" / "lesson03.yaml").write_text("id: lesson03\n", encoding="utf-8")
    (source / "datasets" / "page.txt").write_text("page", encoding="utf-8")
    return source


def test_the_first_copy_takes_everything_and_a_second_keeps_edits(tmp_path):
    source, target = _course(tmp_path), tmp_path / "work"
    first = plan_copy(source, target)
    assert len(first.missing) == 4 and not first.kept
    first.copy()
    (target / "lessons" / "03-hedging.ipynb").write_text('{"student": "my answers"}', encoding="utf-8")
    (target / "datasets" / "page.txt").unlink()
    second = plan_copy(source, target)
    assert [p.as_posix() for p in second.missing] == ["datasets/page.txt"]
    assert [p.as_posix() for p in second.kept] == ["lessons/03-hedging.ipynb"]
    second.copy()
    assert (target / "lessons" / "03-hedging.ipynb").read_text(encoding="utf-8") == '{"student": "my answers"}'
    assert (target / "datasets" / "page.txt").read_text(encoding="utf-8") == "page"


def test_checkpoints_are_not_copied(tmp_path):
    source = _course(tmp_path)
    (source / "lessons" / ".ipynb_checkpoints").mkdir()
    (source / "lessons" / ".ipynb_checkpoints" / "00-start-checkpoint.ipynb").write_text("{}", encoding="utf-8")
    assert all(".ipynb_checkpoints" not in p.parts for p in plan_copy(source, tmp_path / "w").missing)


def test_the_course_source_has_every_lesson():
    source = course_source()
    names = {p.name for p in (source / "lessons").glob("[0-9][0-9]-*.ipynb")}
    assert names == {p.name for p in (ROOT / "lessons").glob("[0-9][0-9]-*.ipynb")}


def test_dry_run_says_what_it_would_do_and_does_nothing(tmp_path, capsys):
    target = tmp_path / "course"
    assert run_lab(target, dry_run=True) == 0
    out = capsys.readouterr().out
    assert "would copy" in out and "lessons/00-" in out
    assert not target.exists()


def test_lab_on_a_file_is_a_one_line_error(tmp_path, capsys):
    file = tmp_path / "notes.txt"
    file.write_text("x", encoding="utf-8")
    assert main(["lab", str(file), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: error:") and err.count("\n") == 1


def test_the_link_opens_the_lesson_from_the_repository():
    link = nbgitpuller_link("https://hub.school.edu/", repo="https://github.com/school/medialit.git",
                            branch="spring", lesson=3)
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.school.edu", "/hub/user-redirect/git-pull")
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["repo"] == "https://github.com/school/medialit.git" and query["branch"] == "spring"
    assert query["targetpath"] == "medialit"
    folder, lessons, name = query["urlpath"].removeprefix("lab/tree/").split("/")
    assert (folder, lessons) == ("medialit", "lessons")
    assert name.startswith("03-") and (ROOT / "lessons" / name).is_file()


def test_the_link_defaults_to_publishing_yaml_and_lesson_0(capsys):
    assert main(["link", "--hub", "https://hub.school.edu"]) == 0
    query = {k: v[0] for k, v in parse_qs(urlsplit(capsys.readouterr().out.strip()).query).items()}
    settings = publishing.load_publishing()
    assert query["repo"] == settings["repository"] and query["branch"] == settings["branch"]
    assert Path(query["urlpath"]).name.startswith("00-")


@pytest.mark.parametrize("args", [["--hub", "hub.school.edu"], ["--hub", "https://h.edu", "--lesson", "99"],
                                  ["--hub", "https://h.edu", "--repo", "not a url"]])
def test_bad_link_input_is_a_one_line_error(args, capsys):
    assert main(["link", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: error:") and err.count("\n") == 1


def test_the_books_launch_buttons_and_repository_come_from_publishing_yaml():
    assert publishing.book_config_differences(BOOK_CONFIG) == [], (
        "run: python -m medialit.course.publishing --write book/_config.yml")


def test_writing_the_book_config_changes_only_those_values(tmp_path):
    copy = tmp_path / "_config.yml"
    shutil.copy(BOOK_CONFIG, copy)
    settings = {"repository": "https://git.school.edu/media/course", "branch": "term2",
                "binderhub_url": "", "jupyterhub_url": "https://hub.school.edu"}
    assert publishing.book_config_differences(copy, settings)
    publishing.write_book_config(copy, settings)
    assert publishing.book_config_differences(copy, settings) == []
    before, after = yaml.safe_load(BOOK_CONFIG.read_text()), yaml.safe_load(copy.read_text())
    assert after["repository"]["url"] == "https://git.school.edu/media/course"
    assert after["launch_buttons"]["binderhub_url"] == ""
    for section in ("repository", "launch_buttons"):
        before[section].update({k: after[section][k] for k in after[section]})
    assert before == after  # nothing else changed
    assert len(copy.read_text().splitlines()) == len(BOOK_CONFIG.read_text().splitlines())  # comments kept


def _pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        name, sep, version = line.split("#")[0].strip().partition("==")
        if sep:
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_the_binder_image_uses_the_locked_versions():
    locked = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    binder = _pins((ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8"))
    assert {"jupyterhub", "nbgitpuller", "jupyterlab"} <= set(binder)
    assert {name: version for name, version in binder.items() if locked.get(name) != version} == {}
