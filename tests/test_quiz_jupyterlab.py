"""The widget quiz in a live JupyterLab, driven by Debian's Chromium through Playwright.

Starts ``jupyter lab --no-browser`` on 127.0.0.1 with a token in a temporary root holding a
small notebook that calls ``medialit.quiz.show("demo")``, opens it, runs all cells, clicks an
answer and Check, and reads the feedback; the answer must land in the progress file.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import CHROMIUM_PATH

pytestmark = pytest.mark.browser

JUPYTER = Path(sys.executable).with_name("jupyter")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """A running JupyterLab on 127.0.0.1; yields (base URL, token, progress file)."""
    if not Path(CHROMIUM_PATH).is_file():
        pytest.skip(f"Debian's Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    root = tmp_path / "root"
    root.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("A quiz, as a lesson shows it."),
        nbformat.v4.new_code_cell("import medialit.quiz\nmedialit.quiz.show('demo')"),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "quiz.ipynb")
    token = secrets.token_hex(16)
    port = _free_port()
    progress = tmp_path / "progress.json"
    env = {
        **os.environ,
        "MEDIALIT_PROGRESS": str(progress),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
    }
    cmd = [
        str(JUPYTER), "lab", "--no-browser", f"--IdentityProvider.token={token}", f"--port={port}",
        "--ip=127.0.0.1", f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={tmp_path / 'settings'}",
        f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI often run as root
    log = open(tmp_path / "lab.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
        yield base, token, progress
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log.close()


def test_widget_quiz_in_jupyterlab(lab, chromium_browser):
    base, token, progress = lab
    browser = chromium_browser  # shared: see tests/conftest.py
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
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

        radio = page.locator(".widget-radio-box label", has_text="likely").first
        radio.wait_for(state="visible")
        question = page.locator(".medialit-quiz-question").first
        assert "Question 1 of 7" in question.inner_text()
        # every question type rendered: radios, checkboxes, text box, word buttons, drop-downs, text area
        assert page.locator(".medialit-quiz-question").count() == 7
        assert page.locator(".medialit-quiz .widget-toggle-button").count() > 50
        assert page.locator(".medialit-quiz select").count() == 3
        assert page.locator(".medialit-quiz textarea").count() == 1

        question.locator(".widget-radio-box label", has_text="time").click()
        question.locator("button", has_text="Check").click()
        feedback = question.locator(".mq-feedback")
        feedback.wait_for(state="visible")
        assert "Not quite." in feedback.inner_text()
        assert "part of what is claimed" in feedback.inner_text()

        radio.click()
        question.locator("button", has_text="Check").click()
        question.locator(".mq-feedback", has_text="Correct.").wait_for()
        live = question.locator(".mq-live > .widget-html-content")
        assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
        assert page.locator(".medialit-quiz .widget-html-content[aria-live=polite]").count() == 8
        assert "makes the claim less certain" in feedback.inner_text()
        score = page.locator(".medialit-quiz", has_text="Your score in").last
        assert "1 of 10 points" in score.inner_text()

        # keyboard only: arrow to another option, Tab to Check, press Space
        page.wait_for_selector(".medialit-quiz[data-lm-suppress-shortcuts]")  # KeyboardGuard ran
        question.locator("input[type=radio]").first.focus()
        page.keyboard.press("ArrowDown")
        assert question.locator("input[type=radio]").nth(1).is_checked(), "arrow keys left the quiz"
        for _ in range(6):  # Tab on to the Check button
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Check":
                break
        else:
            pytest.fail("the Check button cannot be reached with Tab")
        page.keyboard.press("Space")
        question.locator(".mq-feedback", has_text="Not quite.").wait_for()

        numeric = page.locator(".medialit-quiz-question").nth(2)
        box = numeric.locator("input[type=text]")
        box.focus()
        page.keyboard.type("14")
        assert box.input_value() == "14", "typing digits triggered notebook shortcuts"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Check"
        page.keyboard.press("Enter")
        numeric.locator(".mq-feedback", has_text="Correct.").wait_for()
    finally:
        context.close()
    saved = json.loads(progress.read_text(encoding="utf-8"))
    entry = saved["banks"]["demo"]["questions"]["single-hedge"]
    assert entry["answer"] == 1 and entry["score"] == 0.0 and entry["attempts"] == 3
    assert saved["banks"]["demo"]["questions"]["numeric-paragraphs"]["answer"] == "14"
