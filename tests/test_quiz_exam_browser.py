"""Exam mode of the static quiz in headless Chromium: no results before Submit, then locked and shown.

The demo bank is written as a page in exam mode (``standalone_page(..., mode="exam")``)
and served on 127.0.0.1 (nothing else is reachable). Mouse and keyboard are both tested,
and axe is run before and after Submit.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

import medialit.quiz as mq

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
VERDICTS = ("Correct", "Not quite", "Partly right", "Explanation", "✔", "✘")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("exam-site")
    for f in mq.static_files():
        shutil.copy(f, root / f.name)
    (root / "exam.html").write_text(mq.standalone_page(mq.load_bank("demo"), mode="exam"), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def page(chromium_browser, site):
    context = chromium_browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site) else r.abort())
    errors: list[str] = []
    pg = context.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(site + "exam.html")
    pg.wait_for_selector(".medialit-quiz[data-mq-ready]")
    yield pg
    context.close()
    assert not errors, errors


def _q(page, qid):
    return page.locator(f'.mq-question[data-qid="{qid}"]')


def _no_verdict(text: str) -> bool:
    return not any(v in text for v in VERDICTS)


def _axe_serious(page) -> list:
    if not AXE.is_file():
        pytest.skip("tests/vendor/axe-core/axe.min.js not found")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document.querySelector('.medialit-quiz'))")
    return [(v["id"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_exam_hides_results_until_submit_then_locks(page):
    single = _q(page, "single-hedge")
    assert single.get_by_role("button", name="Check").count() == 0
    assert single.get_by_role("button", name="Hint").count() == 0
    single.get_by_label("time").check()  # a wrong answer
    single.get_by_role("button", name="Save answer").click()
    text = single.locator(".mq-feedback").inner_text()
    assert "Answer saved" in text and _no_verdict(text)
    assert "part of what is claimed" not in text  # no per-option feedback yet
    score = page.locator(".mq-score").inner_text()
    assert "1 of 7 questions answered" in score and "points" not in score
    stored = page.evaluate("localStorage.getItem('medialit-quiz:v1:demo:single-hedge')")
    assert "score" not in json.loads(stored) and json.loads(stored)["mode"] == "exam"
    numeric = _q(page, "numeric-paragraphs")
    numeric.get_by_label("Your answer").fill("14")  # typed, not saved: Submit saves it
    assert _axe_serious(page) == []

    page.get_by_role("button", name="Submit answers").click()
    assert "Not quite." in single.locator(".mq-feedback").inner_text()
    assert "part of what is claimed" in single.locator(".mq-feedback").inner_text()  # option feedback
    assert "Correct." in numeric.locator(".mq-feedback").inner_text()
    assert "Not answered." in _q(page, "match-sources").locator(".mq-feedback").inner_text()
    assert single.get_by_label("likely").is_disabled()
    assert page.get_by_role("button", name="Submit answers").is_disabled()
    assert "1 of 10 points" in page.locator(".mq-score").inner_text()
    assert page.evaluate("document.activeElement.className") == "mq-score"  # focus moves to the results
    assert _axe_serious(page) == []

    page.reload()
    page.wait_for_selector(".medialit-quiz[data-mq-ready]")
    assert "Not quite." in _q(page, "single-hedge").locator(".mq-feedback").inner_text()
    assert _q(page, "single-hedge").get_by_label("time").is_checked()
    assert _q(page, "single-hedge").get_by_label("likely").is_disabled()


def test_exam_by_keyboard_only(page):
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id").endswith("-o0")
    page.keyboard.press("Space")  # selects "likely"
    page.keyboard.press("Tab")  # the Save answer button (no Hint, no Try again in exam mode)
    assert page.evaluate("document.activeElement.textContent") == "Save answer"
    page.keyboard.press("Enter")
    single = _q(page, "single-hedge")
    assert "Answer saved" in single.locator(".mq-feedback").inner_text()
    assert _no_verdict(single.locator(".mq-feedback").inner_text())
    page.get_by_role("button", name="Submit answers").focus()
    page.keyboard.press("Enter")
    assert "Correct." in single.locator(".mq-feedback").inner_text()
    assert single.locator("input").first.is_disabled()


def test_reload_before_submit_restores_answers_without_results(page):
    single = _q(page, "single-hedge")
    single.get_by_label("likely").check()
    single.get_by_role("button", name="Save answer").click()
    page.reload()
    page.wait_for_selector(".medialit-quiz[data-mq-ready]")
    single = _q(page, "single-hedge")
    assert single.get_by_label("likely").is_checked()
    text = single.locator(".mq-feedback").inner_text()
    assert "restored" in text and _no_verdict(text)
    assert not single.get_by_label("likely").is_disabled()
