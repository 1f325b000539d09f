"""medialit.setup_notebook picks an Altair renderer that never loads a script from a CDN."""

from __future__ import annotations

import json
import re

import pytest

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
    assert medialit.setup_notebook() == display.JUPYTER_RENDERER
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
    assert medialit.setup_notebook() == display.BOOK_RENDERER
    monkeypatch.setenv(display.BOOK_ENV, "0")
    assert medialit.setup_notebook() == display.JUPYTER_RENDERER


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
