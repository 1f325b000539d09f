"""One displayable reading report for any article (Lesson 9), and a side-by-side comparison.

:func:`report` gathers what the course's tools say about a text: stance markers,
sources, loaded language, perspective ("we" and "they") and claim types. The
result shows itself in a notebook (``_repr_html_``), has the same HTML as
``.html`` (save it with :meth:`Report.save`), the numbers as ``.summary`` (a
JSON-ready dict) and the Altair charts as ``.charts``.

How charts get into the HTML, with no CDN and no script: each chart is drawn
once, in Python, as a static SVG image by ``vl-convert-python`` (already a
dependency of the course) and placed inline with its description as the
caption. The SVG has no tooltips; display ``report.charts`` in a notebook (after
``medialit.setup_notebook()``) for the interactive versions. Pass
``charts=False`` for a report with captions but no drawings (faster). Every
piece of text from the article is escaped with ``html.escape`` or by
:func:`medialit.render.highlight`; an SVG that contains anything script-like is
left out.

:func:`compare` puts two texts side by side, per 100 words.
"""

from __future__ import annotations

import html
import re
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis import DETECTORS, Analysis, analyze
from .claims import CLAIM_TYPES
from .display import chart_description
from .render import highlight, highlight_attributions
from .safefile import write_atomic
from .summary import format_value
from .text import Document

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Report", "compare", "report"]

_UNSAFE_SVG = re.compile(r"<\s*script|<\s*foreignObject|\son\w+\s*=|javascript:", re.IGNORECASE)

_STYLE = """
.medialit-report { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a;
  max-width: 60rem; }
.medialit-report dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
.medialit-report dt { font-weight: 600; }
.medialit-report dd { margin: 0; }
.medialit-report figure { margin: 1rem 0; }
.medialit-report figcaption { font-size: .95rem; color: #333; }
.medialit-report svg { max-width: 100%; height: auto; }
"""


class Report:
    """A reading report: ``.html``, ``.summary`` (JSON-ready dict) and ``.charts`` (Altair).

    Displays itself in Jupyter. Build one with :func:`report`.
    """

    def __init__(self, title: str, summary: dict[str, Any], html_text: str, charts: list[Any]):
        self.title = title
        self.summary = summary
        self.html = html_text
        self.charts = charts

    def __repr__(self) -> str:
        return (f"<Report {self.title!r}: {self.summary.get('words', 0)} words, "
                f"{self.summary.get('sentences', 0)} sentences, {len(self.charts)} charts>")

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path: str | Path) -> Path:
        """Write the report as a complete HTML page (atomically, with the umask's permissions)."""
        path = Path(path)
        page = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                f"<title>{html.escape(self.title)}</title></head><body>{self.html}</body></html>\n")
        write_atomic(path, page, fsync=False)
        return path


def _definitions(section: dict[str, Any]) -> str:
    rows = "".join(f"<dt>{html.escape(str(k).replace('_', ' '))}</dt><dd>{html.escape(format_value(v))}</dd>"
                   for k, v in section.items())
    return f"<dl>{rows}</dl>"


def _svg(spec: dict) -> str | None:
    """The chart as inline SVG (vl-convert), or None where it cannot be drawn safely."""
    try:
        import vl_convert
    except ImportError:  # pragma: no cover - a dependency of medialit
        return None
    try:
        svg = vl_convert.vegalite_to_svg(spec)
    except Exception:  # noqa: BLE001 - a chart that cannot be drawn still has its caption
        return None
    if _UNSAFE_SVG.search(svg):
        return None
    return svg


def _has_rows(spec: dict) -> bool:
    """True when the chart has data to draw (an empty chart is caption only)."""
    values = list(spec.get("datasets", {}).values())
    inline = spec.get("data", {}).get("values")
    if inline is not None:
        values.append(inline)
    return any(values) if values else True


def _figure(chart: Any, draw: bool) -> str:
    spec = chart.to_dict(validate=False)  # our own charts: schema validation costs more than the rest of the report
    caption = html.escape(chart_description(spec))
    # An empty chart would be an empty graphic to a screen reader: the caption says it all.
    svg = _svg(spec) if draw and _has_rows(spec) else None
    body = f"<div class='medialit-chart'>{svg}</div>" if svg else ""
    return f"<figure>{body}<figcaption>{caption}</figcaption></figure>"


def _details(summary_line: str, inner: str) -> str:
    return f"<details><summary>{html.escape(summary_line)}</summary>{inner}</details>"


def _highlight_html(result: Any) -> str:
    return result.html if hasattr(result, "html") else result._repr_html_()


def _stance_section(a: Analysis, summary: dict[str, Any], charts: dict[str, Any], draw: bool) -> list[str]:
    return [_definitions(summary["stance"]),
            _details("Show the text with hedges and boosters marked", _highlight_html(highlight(a.doc.text, a.hedges)))]


def _attribution_section(a: Analysis, summary: dict[str, Any], charts: dict[str, Any], draw: bool) -> list[str]:
    return [_definitions(summary["attribution"]),
            _details("Show the text with sources and reporting cues marked",
                     _highlight_html(highlight_attributions(a.doc.text, a.attributions)))]


def _framing_section(a: Analysis, summary: dict[str, Any], charts: dict[str, Any], draw: bool) -> list[str]:
    framing = summary["framing"]
    return [_definitions({k: v for k, v in framing.items() if "loaded" in k}),
            _figure(charts["framing"], draw),
            _details("Show the text with loaded words marked", _highlight_html(highlight(a.doc.text, a.loaded))),
            "<h3>Perspective: we and they</h3>",
            _definitions({k: v for k, v in framing.items() if "mentions" in k or "phrases" in k}),
            _figure(charts["perspective"], draw),
            _details('Show the text with "we", "they" and outsiders marked',
                     _highlight_html(highlight(a.doc.text, a.perspective.mentions)))]


def _claims_section(a: Analysis, summary: dict[str, Any], charts: dict[str, Any], draw: bool) -> list[str]:
    return [_definitions(summary["claims"]["claim_types"]), _figure(charts["claims"], draw),
            _details("Show every sentence with its claim type", _highlight_html(highlight(a.doc.text, a.claims)))]


def _charts(a: Analysis) -> dict[str, Any]:
    """The report's Altair charts. Altair checks each piece against the Vega-Lite schema as it is built,
    which costs more than every detector together; these charts are medialit's own (built and validated
    in the chart tests), so the report builds them without that check."""
    from altair.utils.schemapi import debug_mode  # Altair is loaded only when a report is made

    from . import charts as chart_functions

    with debug_mode(False):
        return {
            "framing": chart_functions.loaded_words_chart(a.loaded),
            "perspective": chart_functions.perspective_chart(a.perspective),
            "claims": chart_functions.claim_types_chart(a.claims),
        }


#: How the report shows each summary section of the registry (``medialit.analysis.DETECTORS``).
SECTION_VIEWS = {
    "stance": ("Stance: hedges and boosters", _stance_section),
    "attribution": ("Who says so: sources", _attribution_section),
    "framing": ("Loaded language", _framing_section),
    "claims": ("Claim types", _claims_section),
}


def report(doc: Document | str | Analysis, title: str | None = None, charts: bool = True) -> Report:
    """A reading report on ``doc``: stance, sources, loaded language, perspective, claim types.

    ``doc`` is a str, a Document or an :class:`~medialit.analysis.Analysis`
    (:func:`medialit.analyze`); each detector runs once. Each section has the
    numbers (the same as ``medialit analyze``), the text with the findings
    highlighted (in a collapsed ``<details>``) and, where useful, a chart drawn
    as inline SVG with its description as caption (see the module docstring).
    ``charts=False`` leaves the drawings out (captions stay).

    >>> r = report("We fear a bloody massacre, officials said. It will probably end.", charts=False)
    >>> sorted(r.summary)
    ['attribution', 'claims', 'framing', 'sentences', 'stance', 'title', 'words']
    """
    a = analyze(doc)
    title = title or a.title or "Reading report"
    summary: dict[str, Any] = {"title": title, "words": a.doc.word_count, "sentences": len(a.doc.sentences),
                               **a.summaries()}
    made = _charts(a)
    parts = [
        f"<style>{_STYLE}</style>",
        f"<article class='medialit-report tex2jax_ignore'><h2>{html.escape(title)}</h2>",
        f"<p>{a.doc.word_count} words, {len(a.doc.sentences)} sentences, "
        f"{len(a.doc.paragraphs)} paragraphs. A reading aid, not a verdict: every finding "
        "is a place to look, and the tools make mistakes.</p>",
    ]
    for entry in DETECTORS:
        if entry.name in SECTION_VIEWS:
            heading, view = SECTION_VIEWS[entry.name]
            parts += [f"<h3>{html.escape(heading)}</h3>", *view(a, summary, made, charts)]
    parts.append("</article>")
    return Report(title, summary, "".join(parts), list(made.values()))


def _rates(doc: Document | str | Analysis) -> dict[str, float]:
    a = analyze(doc)
    doc = a.doc
    words = max(doc.word_count, 1)
    hedges, attributions, loaded = a.hedges, a.attributions, a.loaded
    mentions = a.perspective.mentions
    claims = a.claims
    sentences = max(len(claims), 1)

    def per100(n: int) -> float:
        return round(100 * n / words, 2)

    rates = {
        "words": float(doc.word_count),
        "hedges per 100 words": per100(sum(h.kind == "hedge" for h in hedges)),
        "boosters per 100 words": per100(sum(h.kind == "booster" for h in hedges)),
        "attributions per 100 words": per100(len(attributions)),
        "named sources per 100 words": per100(sum(
            a.source_type in {"named_person", "official_role", "organization"} for a in attributions)),
        "vague sources per 100 words": per100(sum(
            a.source_type in {"vague", "common_knowledge"} for a in attributions)),
        "direct quotations per 100 words": per100(sum(a.direct for a in attributions)),
        "loaded words per 100 words": per100(len(loaded)),
        "strong loaded words (intensity 3) per 100 words": per100(sum(t.intensity == 3 for t in loaded)),
        '"we" in the author\'s voice per 100 words': per100(
            sum(m.group == "we" and m.voice == "author" for m in mentions)),
        '"they" per 100 words': per100(sum(m.group == "they" for m in mentions)),
        "named outsiders per 100 words": per100(sum(m.group == "outsider" for m in mentions)),
    }
    for label in CLAIM_TYPES:
        rates[f"{label} sentences (% of sentences)"] = round(
            100 * sum(c.label == label for c in claims) / sentences, 1)
    return rates


def compare(doc_a: Document | str | Analysis, doc_b: Document | str | Analysis,
            names: Sequence[str] = ("first text", "second text")) -> pd.DataFrame:
    """Two texts side by side, per 100 words (claim types as % of sentences).

    Returns a pandas DataFrame with one row per measure and one column per text
    (``names``), so texts of different lengths can be compared. Lesson 9 compares
    a student's own article with the case study.

    >>> table = compare("We will win. They lie.", "The council met on Monday.", names=("a", "b"))
    >>> list(table.columns)
    ['a', 'b']
    """
    import pandas as pd

    if len(names) != 2 or names[0] == names[1]:
        raise ValueError("compare needs two different names, e.g. names=('my article', 'case study')")
    table = pd.DataFrame({names[0]: _rates(doc_a), names[1]: _rates(doc_b)})
    table.index.name = "measure"
    return table


class _CallableModule(types.ModuleType):
    """``medialit.report`` is this module, and calling it runs :func:`report`, as the lessons do."""

    def __call__(self, doc: Document | str | Analysis, title: str | None = None, charts: bool = True) -> Report:
        return report(doc, title=title, charts=charts)


sys.modules[__name__].__class__ = _CallableModule
