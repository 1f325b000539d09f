"""The published book in a real browser: offline, clean console, charts, quizzes, accessibility,
icons and page weight.

Builds the book once per session (or reuses a build newer than every source), serves
``book/_build/html`` on 127.0.0.1 and drives Debian's Chromium with Playwright. Every request
that would leave 127.0.0.1 is blocked and fails the test of the page that made it.

Run: ``.venv/bin/pytest -m book tests/test_book_browser.py``. Set ``MEDIALIT_BOOK_HTML`` to
test another built copy of the book instead (nothing is built then).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import subprocess
import threading
from pathlib import Path

import pytest
import yaml

pytestmark = [pytest.mark.book, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
#: The build command of ``make book``.
BUILD = [str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", "-W", "-n", "--keep-going", str(BOOK)]
#: Sources whose change makes an existing build stale.
SOURCES = [
    "book/*.md",
    "book/*.yml",
    "book/_ext/*.py",
    "book/_assets/**/*",
    "book/_templates/**/*",
    "book/instructor/*.md",
    "lessons/*.ipynb",
    "lessons/quizzes/*.yaml",
    "src/medialit/**/*.py",
    "src/medialit/**/*.js",
    "src/medialit/**/*.css",
    "src/medialit/data/*",
]


def _toc_docnames() -> list[str]:
    """Every page named in ``book/_toc.yml``, root first, in reading order."""
    toc = yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return names


DOCNAMES = _toc_docnames() + ["search"]
LESSONS = [name for name in DOCNAMES if name.startswith("lessons/")]


def _stale(html_dir: Path) -> bool:
    index = html_dir / "index.html"
    if not index.is_file():
        return True
    built = index.stat().st_mtime
    for pattern in SOURCES:
        for path in ROOT.glob(pattern):
            if path.is_file() and path.stat().st_mtime > built:
                return True
    return False


@pytest.fixture(scope="session")
def site() -> Path:
    """The built book: ``$MEDIALIT_BOOK_HTML``, a fresh existing build, or a new build."""
    if os.environ.get("MEDIALIT_BOOK_HTML"):
        path = Path(os.environ["MEDIALIT_BOOK_HTML"])
        if not (path / "index.html").is_file():
            pytest.fail(f"MEDIALIT_BOOK_HTML={path}: no index.html there")
        return path
    html_dir = BOOK / "_build" / "html"
    if _stale(html_dir):
        env = {**os.environ, "MEDIALIT_BOOK": "1"}
        done = subprocess.run(BUILD, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
            pytest.fail(f"the book did not build ({' '.join(BUILD)}):\n{tail}")
    return html_dir


@pytest.fixture(scope="session")
def server(site: Path):
    """``http.server`` on 127.0.0.1 serving the built book; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def browser(chromium_browser):
    return chromium_browser  # shared: see tests/conftest.py


class PageVisit:
    """One page opened in a fresh context, with everything that went wrong recorded."""

    def __init__(self, browser, base: str, docname: str):
        self.base = base
        self.url = base + docname + ".html"
        self.problems: list[str] = []
        self.requested: list[str] = []  # every URL the page asked for, in order
        self.context = browser.new_context(service_workers="block")
        self.page = self.context.new_page()
        self.context.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)

    def _route(self, route):
        url = route.request.url
        self.requested.append(url)
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.problems.append(f"request leaves 127.0.0.1: {url}")
            route.abort("blockedbyclient")

    def _console(self, msg):
        if msg.type == "error":
            self.problems.append(f"console error: {msg.text}")

    def _failed(self, request):
        if request.url.startswith(self.base):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self) -> PageVisit:
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, server, site):
    opened: list[PageVisit] = []

    def _open(docname: str) -> PageVisit:
        if not (site / f"{docname}.html").is_file():
            pytest.skip(f"{docname} is not in this build (not written yet)")
        v = PageVisit(browser, server, docname).open()
        opened.append(v)
        return v

    yield _open
    for v in opened:
        v.close()


def _pages_with(site: Path, marker: str) -> list[str]:
    """Docnames of built pages whose HTML contains ``marker``."""
    found = []
    for name in DOCNAMES:
        path = site / f"{name}.html"
        if path.is_file() and marker in path.read_text(encoding="utf-8"):
            found.append(name)
    return found


# ---- every page ---------------------------------------------------------------------------


@pytest.mark.parametrize("docname", DOCNAMES)
def test_page_loads_offline_with_a_clean_console(visit, docname):
    v = visit(docname)
    v.page.wait_for_timeout(300)  # late errors from deferred scripts
    assert not v.problems, f"{docname}:\n" + "\n".join(v.problems)


def _axe(page) -> list[str]:
    """Every axe violation on the page, of any impact, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{item['id']} ({item['impact']}): {item['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in item["nodes"][:5])
        for item in result["violations"]
    ]


@pytest.mark.parametrize("docname", DOCNAMES)
def test_page_has_no_accessibility_violations(visit, docname):
    """axe finds nothing on the page, whatever the impact (minor ones included)."""
    v = visit(docname)
    v.page.wait_for_timeout(500)  # the theme marks scrolling blocks focusable 300 ms after load
    findings = _axe(v.page)
    assert not findings, f"{docname}:\n" + "\n".join(findings)


#: Every icon the page draws with an icon font: ``<i class="fa-...">`` and the pseudo-elements
#: of admonition titles and the like. For each, the character, its font, whether it is shown
#: and the size of the element that shows it.
ICONS_ON_PAGE = """() => {
    const icons = [];
    for (const el of document.querySelectorAll('body *')) {
        for (const pseudo of ['::before', '::after']) {
            const style = getComputedStyle(el, pseudo);
            const family = style.fontFamily;
            const text = style.content.replace(/^"|"$/g, '');
            if (!/Font Awesome/.test(family) || text.length !== 1) continue;
            const code = text.codePointAt(0);
            if (code < 0xe000 || code > 0xf8ff) continue;
            const box = el.getBoundingClientRect();
            const shown = el.checkVisibility({visibilityProperty: true}) && box.width > 0;
            icons.push({where: el.className || el.tagName, pseudo, code, weight: style.fontWeight,
                        family: family.split(',')[0].replace(/"/g, '').trim(),
                        shown, width: box.width, height: box.height,
                        tag: el.tagName.toLowerCase(), classes: String(el.className)});
        }
    }
    return icons;
}"""

#: Draws a character in the icon font and a character no font has (U+10FFFD) in the same font
#: and compares the pixels: a character the (cut) icon font lacks is drawn as that font's
#: "missing glyph" box (no system font has these private-use characters), like U+10FFFD.
GLYPH_IN_FONT = """async ({code, family, weight}) => {
    const font = `${weight} 48px "${family}"`;
    await document.fonts.load(font, String.fromCodePoint(code));
    const draw = (c) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        const ctx = canvas.getContext('2d');
        ctx.font = font;
        ctx.fillText(String.fromCodePoint(c), 4, 52);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data);
    };
    const icon = draw(code), missing = draw(0x10fffd);
    const inked = icon.some((v, i) => i % 4 === 3 && v > 0);
    return inked && icon.some((v, i) => v !== missing[i]);
}"""


@pytest.mark.parametrize("docname", DOCNAMES)
def test_icons_the_page_uses_are_drawn_from_the_book_itself(visit, docname):
    """No icon script: every icon is a glyph of the (cut) icon font, present in it, and the
    icons on show have a size; the page asks nothing of another site and no icon script."""
    v = visit(docname)
    icons = v.page.evaluate(ICONS_ON_PAGE)
    missing, empty = [], []
    for key in {(icon["code"], icon["family"], icon["weight"]) for icon in icons}:
        code, family, weight = key
        if not v.page.evaluate(GLYPH_IN_FONT, {"code": code, "family": family, "weight": weight}):
            names = sorted({i["classes"] or i["tag"] for i in icons if i["code"] == code})
            missing.append(f"U+{code:04X} ({family} {weight}) used by {names[:3]}")
    for icon in icons:
        if icon["tag"] == "i" and icon["shown"] and not (icon["width"] > 0 and icon["height"] > 0):
            empty.append(icon["classes"])
    shown = [i for i in icons if i["shown"]]
    assert shown, f"{docname}: no icon on show (sidebar toggle, search, colour mode...)"
    assert not missing, f"{docname}: icons whose glyph the book's font lacks:\n" + "\n".join(missing)
    assert not empty, f"{docname}: icons drawn with no size: {empty}"
    assert not any("fontawesome.js" in url for url in v.requested), "the icon script is loaded"
    assert not v.problems, f"{docname}:\n" + "\n".join(v.problems)


#: Issue 14: no lesson page over 1.0 MB gzip on an empty cache.
LESSON_GZIP_BUDGET = 1_000_000


@pytest.mark.parametrize("docname", LESSONS)
def test_lesson_page_weighs_at_most_1_mb_gzip(visit, site, docname):
    """Everything the page fetched on an empty cache, scrolled to its end, gzip-compressed as a
    web server would send it (benchmarks/bench_book.py prints the same figure per page)."""
    from urllib.parse import unquote, urlsplit

    v = visit(docname)
    v.page.evaluate(
        "async () => { for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight)"
        " { scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } }"
    )
    v.page.wait_for_load_state("networkidle")
    files = []
    for url in dict.fromkeys(v.requested):
        if url.startswith(v.base):
            path = site / unquote(urlsplit(url).path.lstrip("/"))
            assert path.is_file(), url
            files.append(path)
    assert any(f.suffix == ".css" for f in files) and any(f.suffix == ".js" for f in files)
    weights = sorted(((len(gzip.compress(f.read_bytes(), 6)), f.name) for f in set(files)), reverse=True)
    total = sum(w for w, _ in weights)
    assert total <= LESSON_GZIP_BUDGET, (
        f"{docname}: {total / 1e6:.2f} MB gzip over {len(weights)} files; heaviest: {weights[:5]}"
    )


def test_the_built_book_names_no_cdn(site):
    """No built page asks another site for a script, stylesheet, image or frame."""
    remote = re.compile(r"""^\s*(https?:)?//""")
    tag = re.compile(r"<(script|link|img|iframe|source)\b[^>]*>", re.I)
    attr = re.compile(r"""\b(src|href)=["']([^"']*)["']""", re.I)
    offenders = []
    for path in site.rglob("*.html"):
        for match in tag.finditer(path.read_text(encoding="utf-8", errors="replace")):
            element = match.group(0)
            if element.lower().startswith("<link") and not re.search(
                r"""rel=["'][^"']*(stylesheet|preload|modulepreload|icon)""", element, re.I
            ):
                continue  # <link rel="canonical"> and the like are not fetched
            for _, url in attr.findall(element):
                if remote.match(url):
                    offenders.append(f"{path.relative_to(site)}: {element[:160]}")
    assert not offenders, "\n".join(offenders[:20])


# ---- charts -------------------------------------------------------------------------------


def test_every_chart_draws_with_its_description(site, visit):
    pages = _pages_with(site, 'class="medialit-chart-view"')  # charts drawn by vega-embed
    if not pages:
        pytest.skip("no page of this build has a chart yet")
    for docname in pages:
        v = visit(docname)
        figures = v.page.locator("figure.medialit-chart")
        assert figures.count() > 0, docname
        for i in range(figures.count()):
            figure = figures.nth(i)
            figure.scroll_into_view_if_needed()
            view = figure.locator(".medialit-chart-view")
            view.locator("svg, canvas").first.wait_for(timeout=10_000)
            marks = view.evaluate(
                "el => el.querySelectorAll('svg .role-mark > *, svg [class*=\"mark-\"] path,"
                " svg [class*=\"mark-\"] rect, svg [class*=\"mark-\"] text').length"
                " + el.querySelectorAll('canvas').length"
            )
            assert marks > 0, f"{docname}: chart {i + 1} drew no marks"
            caption = figure.locator("figcaption").inner_text().strip()
            assert caption, f"{docname}: chart {i + 1} has no description under it"
        assert not v.problems, f"{docname}:\n" + "\n".join(v.problems)


def test_charts_with_and_without_data_pass_axe(browser, server):
    """The book renderer's output, drawn by the vendored Vega files: no axe finding of any
    impact, even for a chart whose data is empty (Vega leaves an empty mark group behind)."""
    import altair as alt
    import pandas as pd

    from medialit import display

    scripts = "".join(
        f'<script src="{server}_static/vendor/{name}"></script>'
        for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
    )
    figures = []
    for rows in ([{"word": "a", "n": 2}, {"word": "b", "n": 5}], []):
        chart = (
            alt.Chart(pd.DataFrame(rows, columns=["word", "n"]))
            .mark_bar()
            .encode(x=alt.X("n:Q", title="Count"), y=alt.Y("word:N", title="Word"))
            .properties(title="Words", description="How often each word occurs.")
        )
        figures.append(display.book_renderer(chart.to_dict())["text/html"])
    page = browser.new_page()
    try:
        page.set_content(
            f"<!DOCTYPE html><html lang='en'><head><title>Charts</title>{scripts}</head>"
            f"<body><main><h1>Charts</h1>{''.join(figures)}</main></body></html>"
        )
        page.wait_for_function("() => document.querySelectorAll('.medialit-chart-view svg.marks').length == 2")
        page.wait_for_timeout(300)
        findings = _axe(page)
    finally:
        page.close()
    assert findings == []


# ---- quizzes ------------------------------------------------------------------------------


def _quiz_page(site: Path) -> str:
    pages = [p for p in _pages_with(site, 'class="medialit-quiz') if p.startswith("lessons/")]
    if not pages:
        pytest.skip("no lesson page of this build has a quiz yet")
    return pages[0]


def _single_choice_questions(v: PageVisit):
    questions = v.page.locator('.medialit-quiz .mq-question[data-type="single"]')
    if questions.count() == 0:
        pytest.skip("the quiz on this page has no single-choice question")
    return questions


def test_quiz_answered_by_mouse_gives_feedback(site, visit):
    v = visit(_quiz_page(site))
    question = _single_choice_questions(v).first
    question.scroll_into_view_if_needed()
    question.locator(".mq-option label").first.click()
    assert question.locator("input[type=radio]").first.is_checked()
    question.locator("button.mq-check").click()
    feedback = question.locator(".mq-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    v.page.wait_for_function("el => el.textContent.trim().length > 0", arg=feedback.element_handle())
    assert feedback.inner_text().strip()
    assert not v.problems, "\n".join(v.problems)


def test_quiz_answered_by_keyboard_gives_feedback(site, visit):
    v = visit(_quiz_page(site))
    question = _single_choice_questions(v).nth(0)
    radios = question.locator("input[type=radio]")
    radios.first.focus()
    v.page.keyboard.press("ArrowDown")  # moves to and selects the second option
    assert radios.nth(1).is_checked()
    for _ in range(10):  # Tab on to the Check button
        v.page.keyboard.press("Tab")
        if v.page.evaluate("() => document.activeElement.classList.contains('mq-check')"):
            break
    else:
        pytest.fail("the Check button cannot be reached with Tab")
    v.page.keyboard.press("Enter")
    feedback = question.locator(".mq-feedback")
    v.page.wait_for_function("el => el.textContent.trim().length > 0", arg=feedback.element_handle())
    assert feedback.inner_text().strip()
    assert not v.problems, "\n".join(v.problems)


# ---- solutions and highlights -------------------------------------------------------------


def test_solution_toggle_opens(site, visit):
    pages = [p for p in _pages_with(site, "<details") if p.startswith("lessons/")]
    if not pages:
        pytest.skip("no lesson page of this build has a hidden solution yet")
    v = visit(pages[0])
    details = v.page.locator("article details").first
    details.scroll_into_view_if_needed()
    assert details.get_attribute("open") is None
    details.locator("summary").first.click()
    v.page.wait_for_function("el => el.open", arg=details.element_handle())
    body = details.evaluate("el => Array.from(el.children).filter(c => c.tagName !== 'SUMMARY')"
                            ".map(c => c.innerText).join('')")
    assert body.strip(), "the opened solution is empty"


def test_text_highlights_show_their_labels(site, visit):
    """Every highlighted passage (``medialit.highlight``) shows its label as visible text."""
    pages = [p for p in _pages_with(site, "medialit-highlight") if p.startswith("lessons/")]
    if not pages:
        pytest.skip("no lesson page of this build has text highlights yet")
    for docname in pages:
        v = visit(docname)
        # Highlights inside collapsed sections (e.g. the reading report) count when opened.
        v.page.evaluate("() => document.querySelectorAll('article details').forEach(d => d.open = true)")
        found = v.page.evaluate(
            """() => Array.from(document.querySelectorAll('.medialit-highlight mark.ml-mark'))
                .map(m => {
                    const tag = m.querySelector(':scope > .ml-tag');
                    const box = tag ? tag.getBoundingClientRect() : null;
                    return {html: m.outerHTML.slice(0, 100),
                            label: tag ? tag.innerText.trim() : '',
                            visible: !!box && box.width > 0 && box.height > 0 &&
                                     getComputedStyle(tag).visibility !== 'hidden'};
                })"""
        )
        assert found, f"{docname}: highlights without any mark"
        unlabelled = [m["html"] for m in found if not (m["label"] and m["visible"])]
        assert not unlabelled, f"{docname}: marks without a visible label:\n" + "\n".join(unlabelled[:5])


def test_lessons_listed_in_the_toc_are_in_the_build(site):
    if os.environ.get("MEDIALIT_BOOK_HTML"):
        pytest.skip("checks the repository's own build only (MEDIALIT_BOOK_HTML is set)")
    missing = [name for name in LESSONS if not (site / f"{name}.html").is_file()]
    written = [name for name in missing if (ROOT / f"{name}.ipynb").is_file()]
    assert not written, f"lesson notebooks that exist but are not in the book: {written}"
    if missing:
        pytest.skip(f"lessons not written yet: {', '.join(missing)}")
