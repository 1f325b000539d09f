"""Pick how Altair charts are shown: the one place in the course that does so.

Lesson notebooks call :func:`setup_notebook` in their first code cell. It chooses between
two renderers, neither of which loads anything from another site:

* **In JupyterLab** (the default): Altair's ``jupyter`` renderer with ``offline=True``. The
  chart is an anywidget whose JavaScript comes from ``vl-convert-python``, so it draws with
  no network. The chart's ``description`` is shown as text under it.
* **When the book is built** (environment variable ``MEDIALIT_BOOK=1``, set by ``make book``
  and by the book's Sphinx extension): a ``<figure>`` with a ``<div>`` and a ``<script>`` that
  calls ``vegaEmbed``. The page loads Vega, Vega-Lite and vega-embed from the book's own
  static files; the description is the figure's caption.

Chart functions in :mod:`medialit.charts` never enable renderers themselves.
"""

from __future__ import annotations

import html
import json
import os
import uuid
from typing import Any

__all__ = [
    "BOOK_ENV",
    "BOOK_RENDERER",
    "JUPYTER_RENDERER",
    "book_renderer",
    "chart_description",
    "jupyter_renderer",
    "setup_notebook",
]

#: Environment variable that says "this notebook is being executed for the book".
BOOK_ENV = "MEDIALIT_BOOK"
#: Names under which the two renderers are registered with ``altair.renderers``.
BOOK_RENDERER = "medialit_book"
JUPYTER_RENDERER = "medialit_jupyter"

#: vega-embed options: SVG output (text stays selectable); the actions menu offers
#: downloads only, not "open in the Vega editor" (another site).
EMBED_OPTIONS: dict[str, Any] = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


def chart_description(spec: dict) -> str:
    """The chart's title and description as one plain sentence or two ("" if it has neither).

    >>> chart_description({"title": "Hedges per paragraph", "description": "Most come late."})
    'Hedges per paragraph. Most come late.'
    """
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    parts = [str(p).strip() for p in (title, spec.get("description", "")) if p]
    parts = [p if p.endswith((".", "!", "?")) else p + "." for p in parts if p]
    return " ".join(parts)


def _script_json(spec: dict) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive."""
    text = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def book_renderer(spec: dict, **metadata: Any) -> dict[str, str]:
    """Render a Vega-Lite spec as HTML for the static book (no script from another site).

    The output is a ``<figure>``: a ``<div>`` the chart is drawn into, a ``<figcaption>``
    with the description (escaped), and a ``<script>`` that calls ``vegaEmbed``, which the
    page has loaded from ``_static/vendor/``. Where it has not, the figure says so and the
    error appears in the browser console (the book's browser tests fail on it).
    """
    chart_id = "medialit-chart-" + uuid.uuid4().hex[:12]
    description = chart_description(spec)
    options = {**EMBED_OPTIONS, **metadata.get("embed_options", {})}
    caption = (
        f'<figcaption class="medialit-chart-description">{html.escape(description)}</figcaption>'
        if description
        else ""
    )
    script = (
        "(function () {"
        f"var el = document.getElementById({json.dumps(chart_id)});"
        f"var spec = {_script_json(spec)};"
        f"var opts = {_script_json(options)};"
        "function draw() {"
        "if (typeof window.vegaEmbed !== 'function') {"
        "el.textContent = 'This chart could not be drawn: vega-embed was not loaded.';"
        "console.error('medialit: vegaEmbed is not loaded on this page'); return; }"
        "window.vegaEmbed(el, spec, opts).then(function () {"
        # vega-embed's menu button has only an icon: give it a name screen readers announce.
        "var menu = el.querySelector('details > summary');"
        "if (menu) { menu.setAttribute('aria-label', 'Chart menu: save the chart as an image'); }"
        # A layer with no data leaves an empty mark group that still claims to be a graphic
        # (axe svg-img-alt): it shows nothing, so hide it from assistive technology.
        "el.querySelectorAll('g.role-mark').forEach(function (g) {"
        "if (!g.children.length) { g.removeAttribute('role');"
        "g.removeAttribute('aria-roledescription'); g.setAttribute('aria-hidden', 'true'); } });"
        "}).catch(function (err) {"
        "el.textContent = 'This chart could not be drawn.'; console.error(err); });"
        "}"
        "if (document.readyState === 'loading') {"
        "document.addEventListener('DOMContentLoaded', draw); } else { draw(); }"
        "})();"
    )
    figure = (
        '<figure class="medialit-chart">'
        f'<div id="{chart_id}" class="medialit-chart-view"></div>'
        f"{caption}</figure>"
        f"<script>{script}</script>"
    )
    return {"text/html": figure, "text/plain": description or "<Altair chart>"}


def jupyter_renderer(spec: dict, **metadata: Any) -> dict[str, Any]:
    """Altair's ``jupyter`` renderer, always offline, with the description as text under it.

    Like ``altair``'s own renderer it shows a ``JupyterChart`` widget, after
    ``JupyterChart.enable_offline()`` (the widget's JavaScript then comes from
    ``vl-convert-python``, not from a CDN). When the chart has a title or description, the
    widget and an ``HTML`` widget with that text are shown together in a ``VBox``; the
    plain-text fallback (what a viewer without widgets shows) is that text.
    """
    import ipywidgets
    from altair import Chart, JupyterChart

    JupyterChart.enable_offline(offline=True)
    chart = JupyterChart(chart=Chart.from_dict(spec), embed_options=metadata.get("embed_options"))
    description = chart_description(spec)
    if not description:
        return chart._repr_mimebundle_()
    caption = ipywidgets.HTML(
        f'<p class="medialit-chart-description">{html.escape(description)}</p>'
    )
    bundle = ipywidgets.VBox([chart, caption])._repr_mimebundle_()
    bundle["text/plain"] = description
    return bundle


def _in_book() -> bool:
    return os.environ.get(BOOK_ENV, "").strip().lower() not in ("", "0", "false", "no")


def setup_notebook() -> None:
    """Choose the Altair renderer for this notebook (``altair.renderers.active`` names it).

    Call it once, in a lesson's first code cell::

        import medialit
        medialit.setup_notebook()

    With ``MEDIALIT_BOOK=1`` in the environment (building the book) it enables
    ``medialit_book``; otherwise ``medialit_jupyter``, which is Altair's ``jupyter``
    renderer with ``offline=True`` (needs ``anywidget`` and ``vl-convert-python``).
    Neither ever loads a script from a CDN. Calling it again is harmless.
    """
    import altair as alt

    if BOOK_RENDERER not in alt.renderers.names():
        alt.renderers.register(BOOK_RENDERER, book_renderer)
    if JUPYTER_RENDERER not in alt.renderers.names():
        alt.renderers.register(JUPYTER_RENDERER, jupyter_renderer)

    if _in_book():
        alt.renderers.enable(BOOK_RENDERER)
        return

    try:
        import anywidget  # noqa: F401
        import vl_convert  # noqa: F401
    except ImportError as exc:  # pragma: no cover - both are dependencies of medialit
        raise ImportError(
            f"medialit.setup_notebook: charts need {exc.name!r} to draw offline in JupyterLab: "
            "install it with `pip install anywidget vl-convert-python`"
        ) from exc
    alt.renderers.enable(JUPYTER_RENDERER)
