"""Exam mode of the widget quiz in a live JupyterLab (Chromium through Playwright), mouse and keyboard.

Reuses the ``lab`` fixture of ``test_quiz_jupyterlab.py`` (a JupyterLab on 127.0.0.1 with a
notebook calling ``medialit.quiz.show("demo")``); ``MEDIALIT_QUIZ_MODE=exam`` is set before the
lab starts, as an instructor would on a class's machines or hub.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from test_quiz_jupyterlab import lab  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
VERDICTS = ("Correct", "Not quite", "Partly right", "Explanation", "Your score")


@pytest.fixture
def exam_env(monkeypatch):
    monkeypatch.setenv("MEDIALIT_QUIZ_MODE", "exam")


def _open(context, base, token):
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}/lab/tree/quiz.ipynb?token={token}")
    page.wait_for_function("window.jupyterapp !== undefined")
    page.evaluate("window.jupyterapp.restored")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell.jp-CodeCell")
    page.wait_for_function(
        "window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.sessionContext"
    )
    page.evaluate("window.jupyterapp.shell.currentWidget.sessionContext.ready")
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.locator(".medialit-quiz button", has_text="Submit answers").wait_for(state="visible")
    return page


def _saved_entry(progress: Path, attempts: int) -> dict:
    """The saved single-hedge entry once it has ``attempts`` saves (the kernel writes it after the key press)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            entry = json.loads(progress.read_text(encoding="utf-8"))["banks"]["demo"]["questions"]["single-hedge"]
            if entry.get("attempts", 0) >= attempts:
                return entry
        except (OSError, ValueError, KeyError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"the answer was not saved {attempts} times")
        time.sleep(0.2)


def _axe_serious(page) -> list:
    if not AXE.is_file():
        pytest.skip("tests/vendor/axe-core/axe.min.js not found")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document.querySelector('.medialit-quiz'))")
    return [(v["id"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_exam_mode_in_jupyterlab(exam_env, lab, chromium_browser):  # noqa: F811 - fixture
    base, token, progress = lab
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        page = _open(context, base, token)
        question = page.locator(".medialit-quiz-question").first
        assert question.locator("button", has_text="Check").count() == 0
        assert question.locator("button", has_text="Hint").count() == 0

        # mouse: a wrong answer, saved; no verdict shown
        question.locator(".widget-radio-box label", has_text="time").click()
        question.locator("button", has_text="Save answer").click()
        feedback = question.locator(".mq-feedback", has_text="Answer saved")
        feedback.wait_for()
        assert not any(v in question.inner_text() for v in VERDICTS)
        assert "part of what is claimed" not in question.inner_text()

        # keyboard: arrow to "likely", Tab to Save answer, Space
        page.wait_for_selector(".medialit-quiz[data-lm-suppress-shortcuts]")
        question.locator("input[type=radio]").nth(1).focus()
        page.keyboard.press("ArrowUp")
        assert question.locator("input[type=radio]").first.is_checked(), "arrow keys left the quiz"
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Save answer":
                break
        else:
            pytest.fail("the Save answer button cannot be reached with Tab")
        page.keyboard.press("Space")
        entry = _saved_entry(progress, attempts=2)
        assert entry["answer"] == 0 and entry["mode"] == "exam" and "score" not in entry
        assert not any(v in question.inner_text() for v in VERDICTS)
        assert _axe_serious(page) == []

        # Submit by keyboard: the answers lock and the feedback appears
        page.locator(".medialit-quiz button", has_text="Submit answers").focus()
        page.keyboard.press("Enter")
        question.locator(".mq-feedback", has_text="Correct.").wait_for()
        assert "makes the claim less certain" in question.inner_text()
        assert question.locator("input[type=radio]").first.is_disabled()
        page.wait_for_function(  # the disabled state arrives with the next widget-state message
            "() => [...document.querySelectorAll('.medialit-quiz button')]"
            ".some(b => b.textContent.includes('Submit answers') && b.disabled)")
        assert "1 of 10 points" in page.locator(".medialit-quiz", has_text="Your score in").last.inner_text()
        assert _axe_serious(page) == []
    finally:
        context.close()
    saved = json.loads(progress.read_text(encoding="utf-8"))["banks"]["demo"]
    assert saved["mode"] == "exam" and saved["submitted_at"]
