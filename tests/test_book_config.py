"""The book's configuration, without building it: toc, lessons mechanism, offline assets."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
VENDOR = BOOK / "_assets" / "vendor"
CDN = re.compile(r"jsdelivr|unpkg|cdnjs|esm\.sh|skypack|googleapis|cloudflare|mathjax\.org", re.I)
PARTS = ["Start here", "The case study", "Apply it to any article", "For instructors", "Reference"]


def _config() -> dict:
    return yaml.safe_load((BOOK / "_config.yml").read_text(encoding="utf-8"))


def _toc() -> dict:
    return yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))


def _toc_files(entries) -> list[str]:
    files = []
    for entry in entries or []:
        if "file" in entry:
            files.append(entry["file"])
        files += _toc_files(entry.get("sections"))
    return files


def _all_toc_files() -> list[str]:
    toc = _toc()
    return [toc["root"]] + [f for part in toc["parts"] for f in _toc_files(part["chapters"])]


def _exists(docname: str) -> bool:
    return any((BOOK / f"{docname}{suffix}").is_file() for suffix in (".md", ".ipynb"))


def test_toc_has_the_course_parts_in_order():
    toc = _toc()
    assert toc["format"] == "jb-book"
    assert [part["caption"] for part in toc["parts"]] == PARTS


def test_lessons_reach_the_book_through_a_relative_symlink():
    link = BOOK / "lessons"
    assert link.is_symlink(), "book/lessons must be a symlink to ../lessons"
    assert Path(link.readlink()) == Path("..") / "lessons"  # relative: works in any clone
    assert link.resolve() == (ROOT / "lessons").resolve()


def test_every_lesson_notebook_is_in_the_toc_in_order():
    lessons = sorted(p.stem for p in (ROOT / "lessons").glob("[0-9][0-9]-*.ipynb"))
    in_toc = [f.split("/", 1)[1] for f in _all_toc_files() if f.startswith("lessons/")]
    assert [name for name in lessons if name not in in_toc] == []
    assert in_toc == sorted(in_toc), "lessons appear in the toc in their numbered order"


def test_every_toc_entry_exists():
    """Fails, naming them, while toc pages (lessons, instructor guide) are not written yet."""
    missing = [name for name in _all_toc_files() if not _exists(name)]
    assert not missing, f"pages listed in book/_toc.yml but not written: {missing}"


def test_every_instructor_page_is_in_the_toc():
    pages = sorted(f"instructor/{p.stem}" for p in (BOOK / "instructor").glob("*.md"))
    listed = set(_all_toc_files())
    assert [page for page in pages if page not in listed] == []


def test_no_page_has_its_own_toctree():
    """With an external toc (_toc.yml), a {toctree} directive in a page is a build warning."""
    offenders = [
        str(p.relative_to(BOOK))
        for p in BOOK.rglob("*.md")
        if "_build" not in p.parts and re.search(r"^[`:]{3,}\s*\{toctree\}", p.read_text("utf-8"), re.M)
    ]
    assert offenders == []


def test_execution_is_cached_and_strict():
    execute = _config()["execute"]
    assert execute["execute_notebooks"] == "cache"
    assert execute["allow_errors"] is False


def test_no_math_and_no_widget_manager_from_a_cdn():
    config = _config()
    extensions = config["parse"]["myst_enable_extensions"]
    assert "dollarmath" not in extensions and "amsmath" not in extensions
    sphinx = config["sphinx"]["config"]
    assert not CDN.search(sphinx["mathjax_path"])
    assert sphinx["nb_ipywidgets_js"] == {}
    assert "sphinx_thebe" not in sphinx["extensions"]  # it declares THEBE_JS_URL twice


def test_the_book_prefers_the_quiz_html_over_the_widget_view():
    overrides = _config()["sphinx"]["config"]["nb_mime_priority_overrides"]
    html = {mime: prio for builder, mime, prio in overrides if builder == "html"}
    assert html["text/html"] == 0
    assert html["application/vnd.jupyter.widget-view+json"] is None  # never shown


def test_launch_buttons_point_to_binder_and_a_jupyterhub():
    config = _config()
    buttons = config["launch_buttons"]
    assert buttons["binderhub_url"].startswith("https://")
    assert buttons["jupyterhub_url"].startswith("https://")
    assert config["repository"]["url"].startswith("https://github.com/")
    assert config["repository"]["path_to_book"] == "book"


def test_vendored_vega_files_match_package_json():
    wanted = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    versions = (VENDOR / "VERSIONS.md").read_text(encoding="utf-8")
    for package in ("vega", "vega-lite", "vega-embed"):
        assert (VENDOR / f"{package}.min.js").stat().st_size > 10_000
        assert (VENDOR / f"LICENSE-{package}.txt").is_file()
        assert f"| `{package}` | {wanted[package]} |" in versions


def test_vega_loads_first_and_in_order():
    medialit_book = _extension()
    names = [name for name, _ in medialit_book.VEGA_FILES]
    priorities = [priority for _, priority in medialit_book.VEGA_FILES]
    assert names == ["vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js"]
    assert priorities == sorted(priorities) and priorities[-1] < 500  # before require.js/theme
    for name in names:
        assert (BOOK / "_assets" / name).is_file()


def test_no_file_of_the_book_names_a_cdn():
    offenders = []
    for path in BOOK.rglob("*"):
        if "_build" in path.parts or ".jupyter_cache" in path.parts or not path.is_file():
            continue
        if path.suffix in {".md", ".yml", ".py", ".html", ".css", ".js", ".svg", ".txt"}:
            match = CDN.search(path.read_text(encoding="utf-8", errors="replace"))
            if match:
                offenders.append(f"{path.relative_to(BOOK)}: {match.group(0)}")
    assert offenders == []


@pytest.mark.parametrize("page", ["intro", "glossary", "references", "licences", "how-the-tools-work"])
def test_front_and_reference_pages_exist_with_a_title(page):
    text = (BOOK / f"{page}.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
    assert re.search(r"^# \S", body, re.M), f"{page}.md has no top-level title"


def _extension():
    sys.path.insert(0, str(BOOK / "_ext"))
    try:
        import medialit_book
    finally:
        sys.path.pop(0)
    return medialit_book


def test_the_extension_knows_which_pages_are_notebooks():
    ext = _extension()
    assert ext._is_notebook(BOOK / "how-the-tools-work.md")
    assert not ext._is_notebook(BOOK / "intro.md")
    assert ext._is_notebook(ROOT / "lessons" / "00-start-here.ipynb")


def test_re_execution_follows_the_package_and_its_data(tmp_path, monkeypatch):
    """The digest that triggers re-execution changes when a file of the package changes."""
    ext = _extension()
    package = tmp_path / "src" / "medialit"
    (package / "quiz" / "static").mkdir(parents=True)
    (package / "hedging.py").write_text("RULES = 1\n")
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "gold.json").write_text("{}")
    monkeypatch.setattr(ext, "QUIZ_STATIC", package / "quiz" / "static")
    first = ext._inputs_digest()
    assert ext._inputs_digest() == first
    (package / "hedging.py").write_text("RULES = 2\n")
    second = ext._inputs_digest()
    assert second != first
    (tmp_path / "datasets" / "gold.json").write_text('{"a": 1}')
    assert ext._inputs_digest() != second
