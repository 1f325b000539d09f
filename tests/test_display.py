"""medialit.setup_notebook picks an Altair renderer that never loads a script from a CDN."""

from __future__ import annotations

import json
import re

import pytest
from conftest import CHROMIUM_LAUNCH_ARGS, CHROMIUM_PATH

alt = pytest.importorskip("altair")
pd = pytest.importorskip("pandas")

import medialit  # noqa: E402
from medialit import display  # noqa: E402

CDN = re.compile(r"jsdelivr|unpkg|cdnjs|esm\.sh|skypack|googleapis|cloudflare", re.I)
SCRIPT_BREAKER = '</script><script>alert("x")</script>'


@pytest.fixture(autouse=True)
def _restore_renderer(monkeypatch):
    """Each test starts outside the book and leaves Altair's renderer as it found it."""
    monkeypatch.delenv(display.BOOK_ENV, raising=False)
    before = alt.renderers.active
    yield
    alt.renderers.enable(before)


def _chart(title: str = "Hedges per paragraph", description: str = "Most hedges come late."):
    data = pd.DataFrame({"paragraph": [1, 2, 3], "hedges": [0, 2, 5], "word": ["a", SCRIPT_BREAKER, "c"]})
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(x=alt.X("paragraph:O", title="Paragraph"), y=alt.Y("hedges:Q", title="Hedges"),
                tooltip=["word:N"])
        .properties(title=title, description=description)
    )


def _bundle(chart) -> dict:
    out = chart._repr_mimebundle_()
    return out[0] if isinstance(out, tuple) else out


def _widget_states(bundle: dict) -> list[dict]:
    """The state of the widget a bundle shows and of every widget inside it, depth first."""
    from ipywidgets.widgets.widget import _instances

    view = bundle.get("application/vnd.jupyter.widget-view+json")
    states, todo = [], [view["model_id"]] if view else []
    while todo:
        state = _instances[todo.pop(0)].get_state()
        states.append(state)
        todo += re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(state.get("children", [])))
    return states


def _everything_sent(bundle: dict) -> str:
    """All text the frontend receives for a chart: the bundle, and for widgets their state."""
    parts = [json.dumps(bundle, default=str)]
    parts += [json.dumps(state, default=str) for state in _widget_states(bundle)]
    return "\n".join(parts)


def test_setup_notebook_is_exported():
    assert medialit.setup_notebook is display.setup_notebook


def test_jupyterlab_gets_the_offline_jupyter_renderer():
    assert medialit.setup_notebook() is None  # a lesson's first cell shows no output
    assert alt.renderers.active == display.JUPYTER_RENDERER
    bundle = _bundle(_chart())
    assert "application/vnd.jupyter.widget-view+json" in bundle
    # The chart widget was switched to offline mode: its JavaScript is bundled, not imported.
    assert alt.JupyterChart._is_offline is True


def test_jupyterlab_chart_never_references_a_cdn():
    medialit.setup_notebook()
    sent = _everything_sent(_bundle(_chart()))
    assert "vega" in sent.lower()  # the widget state really was inspected
    assert not CDN.search(sent), CDN.search(sent)


def test_jupyterlab_shows_the_description_as_text_under_the_chart():
    medialit.setup_notebook()
    bundle = _bundle(_chart(description="Most hedges come <late>."))
    assert bundle["text/plain"] == "Hedges per paragraph. Most hedges come <late>."
    box, chart, caption = _widget_states(bundle)
    assert box["_model_name"] == "VBoxModel"
    assert chart["_model_name"] == "AnyModel" and "spec" in chart  # the chart comes first
    assert caption["_model_name"] == "HTMLModel"
    assert caption["value"] == (
        '<p class="medialit-chart-description">'
        "Hedges per paragraph. Most hedges come &lt;late&gt;.</p>"
    )


def test_chart_without_title_or_description_is_just_the_chart():
    medialit.setup_notebook()
    data = pd.DataFrame({"x": [1, 2]})
    bundle = _bundle(alt.Chart(data).mark_point().encode(x="x:Q"))
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_book_renderer_is_chosen_by_the_environment(monkeypatch):
    monkeypatch.setenv(display.BOOK_ENV, "1")
    medialit.setup_notebook()
    assert alt.renderers.active == display.BOOK_RENDERER
    monkeypatch.setenv(display.BOOK_ENV, "0")
    medialit.setup_notebook()
    assert alt.renderers.active == display.JUPYTER_RENDERER


def test_book_chart_never_references_a_cdn(monkeypatch):
    monkeypatch.setenv(display.BOOK_ENV, "1")
    medialit.setup_notebook()
    bundle = _bundle(_chart())
    assert set(bundle) == {"text/html", "text/plain"}
    page = bundle["text/html"]
    assert "vegaEmbed" in page
    assert not CDN.search(page), CDN.search(page)
    assert "<script src" not in page  # the page loads Vega itself, from the book's files


def test_book_chart_has_its_description_as_a_caption(monkeypatch):
    monkeypatch.setenv(display.BOOK_ENV, "1")
    medialit.setup_notebook()
    page = _bundle(_chart(description='Most <b>hedges</b> come "late".'))["text/html"]
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", page).group(1)
    assert caption == "Hedges per paragraph. Most &lt;b&gt;hedges&lt;/b&gt; come &quot;late&quot;."


def test_book_chart_data_cannot_close_the_script(monkeypatch):
    monkeypatch.setenv(display.BOOK_ENV, "1")
    medialit.setup_notebook()
    page = _bundle(_chart())["text/html"]
    script = page.split("<script>", 1)[1]
    assert script.count("</script>") == 1 and script.endswith("</script>")
    # The spec inside the script is still the chart's data, exactly.
    spec_text = re.search(r"var spec = (\{.*?\});var opts", script).group(1)
    spec = json.loads(spec_text)
    words = [row["word"] for rows in spec["datasets"].values() for row in rows]
    assert SCRIPT_BREAKER in words


def test_each_book_chart_gets_its_own_element(monkeypatch):
    monkeypatch.setenv(display.BOOK_ENV, "1")
    medialit.setup_notebook()
    ids = {re.search(r'id="([^"]+)"', _bundle(_chart())["text/html"]).group(1) for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"title": "Words", "description": "Few."}, "Words. Few."),
        ({"title": {"text": "Words", "subtitle": "x"}}, "Words."),
        ({"description": "Only this?"}, "Only this?"),
        ({}, ""),
    ],
)
def test_chart_description(spec, expected):
    assert display.chart_description(spec) == expected


# ---- a live JupyterLab, offline ------------------------------------------------------------



@pytest.mark.browser
def test_chart_draws_offline_in_a_live_jupyterlab(tmp_path):
    """Run a notebook in JupyterLab (Chromium, every request off 127.0.0.1 blocked): the chart
    draws and its description shows under it."""
    import os
    import secrets
    import socket
    import subprocess
    import sys
    import threading
    import time
    import urllib.request
    from pathlib import Path

    if not Path("/usr/bin/chromium").is_file():
        pytest.skip("Debian's Chromium not found at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell("import medialit\nmedialit.setup_notebook()"),
        nbformat.v4.new_code_cell(
            "import altair as alt, pandas as pd\n"
            "alt.Chart(pd.DataFrame({'n': [1, 2, 3], 'w': ['a', 'b', 'c']})).mark_bar()"
            ".encode(x='n:Q', y='w:N').properties(title='Words', description='Word c is most common.')"
        ),
    ]
    nbformat.write(nb, tmp_path / "chart.ipynb")

    token = secrets.token_hex(8)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != display.BOOK_ENV}
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "config")  # no news pop-up, no user settings
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    base = f"http://127.0.0.1:{port}/"
    outside: list[str] = []
    errors: list[str] = []
    seen: dict = {}

    def drive() -> None:
        # In its own thread: another test module may hold a sync Playwright (and its event
        # loop) open in the main thread for the whole session.
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_LAUNCH_ARGS)
            context = browser.new_context()

            def route(r):
                if r.request.url.startswith((base, "data:", "blob:")):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{base}lab/tree/chart.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook", timeout=60_000)
            page.wait_for_timeout(2000)
            page.keyboard.press("Escape")
            page.click("text=Run", timeout=10_000)
            page.click("text=Run All Cells", timeout=10_000)
            page.wait_for_selector(".jp-OutputArea-output .mark-rect path", timeout=90_000)
            seen["caption"] = page.locator(
                ".jp-OutputArea-output .medialit-chart-description"
            ).first.inner_text()
            seen["bars"] = page.evaluate(
                "() => document.querySelectorAll('.jp-OutputArea-output .mark-rect path').length"
            )
            browser.close()

    def run() -> None:
        try:
            drive()
        except BaseException as exc:  # re-raised in the test's thread below
            seen["error"] = exc

    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}api/status?token={token}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        worker = threading.Thread(target=run)
        worker.start()
        worker.join(300)
    finally:
        server.terminate()
        server.wait(20)
    if "error" in seen:
        raise seen["error"]
    assert seen["caption"] == "Words. Word c is most common."
    bars = seen["bars"]
    assert bars == 3
    assert outside == [], outside
    assert errors == [], errors
