"""Sphinx extension of the medialit book: self-hosted scripts, accessibility and guards.

* Sets ``MEDIALIT_BOOK=1`` for the notebook kernels, so ``medialit.setup_notebook()`` picks the
  book's chart renderer even when the build was started without it.
* Serves Vega, Vega-Lite and vega-embed from ``_static/vendor/`` on pages that have a chart,
  loaded early (low priority numbers) and in order, before anything else.
* Serves the quiz's JavaScript and CSS (``src/medialit/quiz/static/``) on every page, once
  that folder exists.
* Fails the build (a warning, and the book is built with ``-W``) when a page would load a
  script or stylesheet from another site, or has math (MathJax is not served).
* Re-executes every notebook when the medialit package, its data, the question banks or the
  datasets change: jupyter-cache only notices changes to a notebook itself.
* Gives the theme's search and colour-mode buttons accessible names that contain their
  visible text (axe ``label-content-name-mismatch``), via templates in ``_templates/``.
* Names the empty header cells of pandas tables (``medialit_tables.py``).
* Loads no icon script: the theme's Font Awesome fonts, cut to the icons the book uses,
  draw every icon (``medialit_icons.py``; the script is left out by a template).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import medialit_icons  # beside this file: Jupyter Book puts _ext on sys.path
import medialit_tables
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _quiz_static() -> Path:
    """``medialit/quiz/static`` of the installed (or editable) medialit package."""
    spec = importlib.util.find_spec("medialit")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("medialit_book: the medialit package is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "quiz" / "static"


QUIZ_STATIC = _quiz_static()
QUIZ_JS = "medialit-quiz.js"
QUIZ_CSS = "medialit-quiz.css"

#: Loaded in this order, before the theme's scripts (priority 500) and require.js.
VEGA_FILES = (
    ("vendor/vega.min.js", 200),
    ("vendor/vega-lite.min.js", 201),
    ("vendor/vega-embed.min.js", 202),
)
CHART_MARKER = 'class="medialit-chart-view"'
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
HIDDEN_CELL_SUMMARY = '<summary aria-label="Toggle hidden content">'


def _config_inited(app: Sphinx, config: Any) -> None:
    os.environ["MEDIALIT_BOOK"] = "1"  # the book always uses the book renderer
    # Notebooks executed for the book must never show the builder's own saved answers
    # (Lesson 9 reads Lesson 0's reflection back): give them an empty progress file.
    os.environ["MEDIALIT_PROGRESS"] = str(Path(tempfile.mkdtemp(prefix="medialit-book-")) / "progress.json")
    if QUIZ_STATIC.is_dir():
        config.html_static_path = [*config.html_static_path, str(QUIZ_STATIC)]


def _prune_missing_toc_entries(app: Sphinx, config: Any) -> None:
    """Leave out toc entries whose file does not exist yet (lessons still being written).

    Runs after sphinx-external-toc has read ``_toc.yml``. Each entry left out is logged;
    ``tests/test_book_config.py`` fails while any is missing.
    """
    site_map = getattr(config, "external_site_map", None)
    if site_map is None:
        return
    srcdir = Path(app.srcdir)
    suffixes = list(config.source_suffix)

    def exists(docname: str) -> bool:
        return any((srcdir / f"{docname}{suffix}").is_file() for suffix in suffixes)

    missing: list[str] = []
    for docname in list(site_map):
        if docname not in site_map:  # removed above as a missing child
            continue
        doc = site_map[docname]
        for tree in doc.subtrees:
            kept = []
            for item in tree.items:
                if type(item).__name__ == "FileItem" and not exists(str(item)):
                    missing.append(str(item))
                    if str(item) in site_map:
                        del site_map[str(item)]
                else:
                    kept.append(item)
            tree.items[:] = kept
        doc.subtrees[:] = [tree for tree in doc.subtrees if tree.items]
    if missing:
        logger.info("medialit_book: not written yet, left out of the book: %s", ", ".join(missing))


STAMP_NAME = ".medialit-inputs.sha256"
INPUT_SUFFIXES = {".py", ".tsv", ".json", ".yaml", ".yml", ".txt", ".md", ".js", ".css", ".csv"}


def _package_dir() -> Path:
    return QUIZ_STATIC.parent.parent


def _inputs_digest() -> str:
    """A hash of everything a lesson's output depends on besides the notebook itself."""
    package = _package_dir()
    roots = [package]
    repo = package.parent.parent  # src/medialit -> the repository, for an editable install
    roots += [repo / "datasets", repo / "lessons" / "quizzes"]
    digest = hashlib.sha256()
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in INPUT_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _cache_dir(app: Sphinx) -> Path:
    configured = app.env.mystnb_config.execution_cache_path  # type: ignore[attr-defined]
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def _check_inputs(app: Sphinx) -> None:
    stamp = Path(app.outdir).parent / STAMP_NAME
    app.medialit_digest = _inputs_digest()  # type: ignore[attr-defined]
    old = stamp.read_text().strip() if stamp.is_file() else None
    app.medialit_reexecute = old != app.medialit_digest  # type: ignore[attr-defined]
    if app.medialit_reexecute:
        logger.info("medialit_book: the package or its data changed: re-executing every notebook")
        shutil.rmtree(_cache_dir(app), ignore_errors=True)


def _outdated_notebooks(app: Sphinx, env: Any, added, changed, removed) -> list[str]:
    if not getattr(app, "medialit_reexecute", False):
        return []
    return [doc for doc in env.found_docs if doc not in added and _is_notebook(Path(env.doc2path(doc)))]


def _is_notebook(path: Path) -> bool:
    """An ``.ipynb`` file, or a MyST Markdown notebook (``kernelspec`` in its front matter)."""
    if path.suffix == ".ipynb":
        return True
    head = path.read_text(encoding="utf-8")[:1000] if path.is_file() else ""
    return head.startswith("---") and "kernelspec:" in head.split("\n---", 1)[0]


def _build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and getattr(app, "medialit_digest", None):
        (Path(app.outdir).parent / STAMP_NAME).write_text(app.medialit_digest + "\n")
    if exception is None and app.builder.format == "html":
        kept, before, after = medialit_icons.cut_icon_fonts(Path(app.outdir))
        logger.info("medialit_book: icon fonts cut to %d icons (%d kB -> %d kB woff2)",
                    kept, before // 1000, after // 1000)


def _builder_inited(app: Sphinx) -> None:
    _check_inputs(app)
    app.add_css_file("medialit-book.css", priority=600)
    app.add_js_file("medialit-book.js", priority=600, defer="defer")
    if (QUIZ_STATIC / QUIZ_CSS).is_file():
        app.add_css_file(QUIZ_CSS, priority=601)
    if (QUIZ_STATIC / QUIZ_JS).is_file():
        app.add_js_file(QUIZ_JS, priority=600, defer="defer")
    elif not QUIZ_STATIC.is_dir():
        logger.info("medialit_book: no quiz static files yet (%s)", QUIZ_STATIC)


def _is_remote(name: str) -> bool:
    return "://" in name or name.startswith("//")


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body", "")
    if HIDDEN_CELL_SUMMARY in body:
        # myst-nb names the toggle "Toggle hidden content" while it shows "Show code cell
        # source": let the visible text be the name (axe label-content-name-mismatch).
        context["body"] = body = body.replace(HIDDEN_CELL_SUMMARY, "<summary>")
    if 'class="dataframe' in body or '<table id="T_' in body:
        # pandas leaves header cells empty (axe empty-table-header): see medialit_tables.py.
        context["body"] = body = medialit_tables.name_table_headers(body)
    if CHART_MARKER in body:
        for filename, priority in VEGA_FILES:
            app.add_js_file(filename, priority=priority)

    math = app.env.get_domain("math")
    if doctree is not None and math.has_equations(pagename):  # type: ignore[attr-defined]
        logger.warning(
            "%s: has math markup, but the book serves no MathJax: write it as plain text",
            pagename,
            location=pagename,
        )


def _finish_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    # Runs last, after every extension has added its files to this page.
    # The book has no widget manager, so the widget state myst-nb embeds (hundreds of kB on a
    # page with quiz widgets) would be dead weight: quizzes show their text/html view.
    scripts = context.get("script_files", [])
    scripts[:] = [
        js for js in scripts if getattr(js, "attributes", {}).get("type") != WIDGET_STATE_MIME
    ]
    for key in ("script_files", "css_files"):
        for asset in context.get(key, []):
            name = getattr(asset, "filename", asset)
            if name and _is_remote(str(name)):
                logger.warning(
                    "%s: would load %s from another site; serve it from the book instead",
                    pagename,
                    name,
                    location=pagename,
                )


def setup(app: Sphinx) -> dict[str, Any]:
    # Jupyter Book always passes this setting; it belongs to sphinx-comments, which the
    # book does not load. Declaring it keeps the build free of "unknown config value".
    app.add_config_value("comments_config", {}, "html")
    app.connect("config-inited", _config_inited)
    app.connect("config-inited", _prune_missing_toc_entries, priority=900)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-get-outdated", _outdated_notebooks)
    app.connect("build-finished", _build_finished)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _finish_page_assets, priority=990)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
