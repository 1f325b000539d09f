"""Spans to escaped, accessible HTML: highlights and keyword-in-context views.

Every function here takes the text and any results that have character
offsets into it (hedges, attributions, loaded-language terms, or your own
:class:`Mark` objects) and returns an object with ``.html`` and
``_repr_html_()``, so the same call shows in JupyterLab, in the static book
and in a test. Nothing is displayed and no renderer is chosen here.

How results become marks (:func:`to_mark`): an item needs ``start`` and ``end``
(attributes or dict keys). Its **label** is, in order: the ``label=`` argument
(an attribute name or a function of the item), the item's ``label``, ``kind``,
``type`` or ``category``; its **title** (the hover and focus text) is the
``title=`` argument, or the item's ``title``, ``rule`` or ``note``. So
``highlight(text, find_hedges(text))`` works as is, and attributions can be
shown by source with ``highlight(text, [a.source for a in found], label="type")``
or by mapping them to :class:`Mark` yourself.

Accessibility and safety: each marker gets a colour **and** an underline style
**and** a small visible label, so meaning never rests on colour alone; all
colour pairs meet WCAG AA (:func:`contrast_ratio`, checked by the tests); marks
take keyboard focus (``tabindex="0"``) and show their title on hover and focus,
and carry it as screen-reader text. Every piece of text inserted, labels and
titles too, goes through :func:`html.escape`. Output is wrapped in
``tex2jax_ignore`` so dollar signs in news never turn into mathematics.

Overlapping spans: a span inside another is drawn nested inside it; a span that
crosses the edge of an earlier (or longer) one is dropped and listed in
``.dropped``, with a note under the text.

>>> h = highlight("Prices may rise <soon>.", [Mark(7, 10, "hedge", "modal")])
>>> "&lt;soon&gt;" in h.html and "tex2jax_ignore" in h.html
True
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .attribution import Attribution, AttributionChain

__all__ = [
    "ATTRIBUTION_DESCRIPTIONS",
    "LABEL_STYLES",
    "Highlight",
    "Kwic",
    "Mark",
    "Style",
    "chains_html",
    "contrast_ratio",
    "highlight",
    "highlight_attributions",
    "kwic",
    "style_for",
    "to_mark",
]

TEXT_COLOUR = "#1a1a1a"
#: WCAG 2.1 AA: 4.5:1 for text, 3:1 for non-text marks such as underlines.
AA_TEXT = 4.5
AA_NON_TEXT = 3.0


@dataclass(frozen=True)
class Mark:
    """A span to highlight: offsets into the text, a short label and a title (hover/focus text)."""

    start: int
    end: int
    label: str
    title: str = ""


@dataclass(frozen=True)
class Style:
    """How one label is drawn: background, line colour (underline and label text), underline style."""

    background: str
    line: str
    underline: str  # a CSS text-decoration-style: solid, dashed, dotted, double, wavy


#: Styles of the labels the course uses. Other labels get styles from :data:`EXTRA_STYLES` in turn.
LABEL_STYLES: dict[str, Style] = {
    "hedge": Style("#fff3c4", "#7a4d00", "dashed"),
    "booster": Style("#ffe0e0", "#9b1c1c", "double"),
    "source": Style("#dbeafe", "#1e40af", "solid"),
    "cue": Style("#f3e8ff", "#6b21a8", "dotted"),
    "content": Style("#eef2f7", "#374151", "solid"),
    "loaded": Style("#dcfce7", "#166534", "wavy"),
}
EXTRA_STYLES: tuple[Style, ...] = (
    Style("#e0f2fe", "#075985", "dotted"),
    Style("#fce7f3", "#9d174d", "dashed"),
    Style("#ecfccb", "#3f6212", "double"),
    Style("#ffedd5", "#9a3412", "wavy"),
    Style("#e5e7eb", "#1f2937", "solid"),
)


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21).

    >>> round(contrast_ratio("#000000", "#ffffff"), 1)
    21.0
    """
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def style_for(label: str, assigned: dict[str, Style] | None = None) -> Style:
    """The style of ``label``: a course style, or the next extra style (remembered in ``assigned``)."""
    if label in LABEL_STYLES:
        return LABEL_STYLES[label]
    assigned = {} if assigned is None else assigned
    if label not in assigned:
        assigned[label] = EXTRA_STYLES[len(assigned) % len(EXTRA_STYLES)]
    return assigned[label]


def _get(item: Any, name: str) -> Any:
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


def _pick(item: Any, how: str | Callable[[Any], Any] | None, names: tuple[str, ...]) -> str:
    if callable(how):
        return str(how(item))
    for name in ((how,) if how else names):
        value = _get(item, name)
        if value not in (None, ""):
            return str(value)
    return ""


def to_mark(item: Any, label: str | Callable[[Any], Any] | None = None,
            title: str | Callable[[Any], Any] | None = None) -> Mark:
    """Turn any result with ``start`` and ``end`` into a :class:`Mark` (see the module docstring)."""
    if isinstance(item, Mark) and label is None and title is None:
        return item
    start, end = _get(item, "start"), _get(item, "end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValueError(f"cannot highlight {item!r}: it needs integer start and end offsets")
    return Mark(start, end, _pick(item, label, ("label", "kind", "type", "category")) or "mark",
                _pick(item, title, ("title", "rule", "note")))


def _nest(marks: list[Mark]) -> tuple[list[tuple[Mark, list]], list[Mark]]:
    """Marks as a forest (children inside parents); marks crossing an earlier mark's edge are dropped."""
    roots: list[tuple[Mark, list]] = []
    stack: list[tuple[Mark, list]] = []
    dropped: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        while stack and mark.start >= stack[-1][0].end:
            stack.pop()
        if stack and mark.end > stack[-1][0].end:
            dropped.append(mark)
            continue
        node: tuple[Mark, list] = (mark, [])
        (stack[-1][1] if stack else roots).append(node)
        stack.append(node)
    return roots, dropped


_CSS = (
    ".medialit-highlight mark{position:relative;padding:0 .1em;border-radius:2px;color:" + TEXT_COLOUR + "}"
    ".medialit-highlight mark:focus{outline:2px solid " + TEXT_COLOUR + ";outline-offset:1px}"
    ".medialit-highlight .ml-tag{font-size:.7em;font-weight:600;margin-left:.2em;vertical-align:super}"
    ".medialit-highlight .ml-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}"
    ".medialit-highlight mark[data-tip]:hover::after,.medialit-highlight mark[data-tip]:focus::after{"
    "content:attr(data-tip);position:absolute;left:0;top:100%;z-index:10;background:" + TEXT_COLOUR + ";"
    "color:#ffffff;font-size:.8em;padding:.2em .4em;border-radius:3px;white-space:normal;width:max-content;"
    "max-width:28em;line-height:1.3}"
)


def _mark_open(mark: Mark, style: Style) -> str:
    css = (f"background:{style.background};color:{TEXT_COLOUR};text-decoration-line:underline;"
           f"text-decoration-style:{style.underline};text-decoration-color:{style.line};"
           "text-decoration-thickness:2px;text-underline-offset:3px")
    tip = f"{mark.label}: {mark.title}" if mark.title else mark.label
    return (f'<mark class="ml-mark" data-label="{html.escape(mark.label)}" tabindex="0" '
            f'title="{html.escape(tip)}" data-tip="{html.escape(tip)}" style="{css}">')


def _mark_close(mark: Mark, style: Style) -> str:
    tag = f'<span class="ml-tag" style="color:{style.line}">{html.escape(mark.label)}</span>'
    sr = f'<span class="ml-sr">({html.escape(mark.title)})</span>' if mark.title else ""
    return f"{tag}{sr}</mark>"


def _render(text: str, start: int, end: int, nodes: list, styles: dict[str, Style]) -> str:
    out, position = [], start
    for mark, children in nodes:
        style = style_for(mark.label, styles)
        out.append(html.escape(text[position : mark.start]))
        out.append(_mark_open(mark, style))
        out.append(_render(text, mark.start, mark.end, children, styles))
        out.append(_mark_close(mark, style))
        position = mark.end
    out.append(html.escape(text[position:end]))
    return "".join(out)


@dataclass
class Highlight:
    """Highlighted text: ``.html`` for pages, ``_repr_html_()`` for notebooks, ``str()`` for terminals."""

    text: str
    marks: list[Mark]
    dropped: list[Mark] = field(default_factory=list)
    html: str = ""

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        roots, _ = _nest(self.marks)

        def plain(start: int, end: int, nodes: list) -> str:
            out, position = [], start
            for mark, children in nodes:
                out.append(self.text[position : mark.start])
                out.append(f"[{plain(mark.start, mark.end, children)}]{{{mark.label}}}")
                position = mark.end
            out.append(self.text[position:end])
            return "".join(out)

        return plain(0, len(self.text), roots)


def _legend(labels: Iterable[str], styles: dict[str, Style], descriptions: dict[str, str]) -> str:
    items = []
    for label in labels:
        style = style_for(label, styles)
        swatch = (f'<mark style="background:{style.background};color:{TEXT_COLOUR};text-decoration-line:underline;'
                  f'text-decoration-style:{style.underline};text-decoration-color:{style.line};'
                  f'text-decoration-thickness:2px">{html.escape(label)}</mark>')
        described = descriptions.get(label, "")
        items.append(f"<li>{swatch}{(' ' + html.escape(described)) if described else ''}</li>")
    return ('<ul class="ml-legend" aria-label="Legend" style="list-style:none;padding:0;margin:0 0 .6em 0;'
            'display:flex;flex-wrap:wrap;gap:.4em 1.2em">' + "".join(items) + "</ul>")


#: Default legend descriptions of the course's labels.
DESCRIPTIONS = {
    "hedge": "the writer commits less (dashed underline)",
    "booster": "the writer commits more (double underline)",
    "source": "who is cited (solid underline)",
    "cue": "reporting verb or phrase (dotted underline)",
    "content": "what is reported (solid underline)",
    "loaded": "loaded language (wavy underline)",
}


def highlight(
    text: str,
    spans: Iterable[Any],
    label: str | Callable[[Any], Any] | None = None,
    title: str | Callable[[Any], Any] | None = None,
    caption: str | None = None,
    legend: bool = True,
    descriptions: dict[str, str] | None = None,
) -> Highlight:
    """Highlight ``spans`` (offsets into ``text``) as escaped, accessible HTML.

    Args:
        text: the text the offsets index (e.g. ``doc.text``).
        spans: hedges, attributions, loaded terms, :class:`Mark` objects, dicts...
            anything with ``start`` and ``end`` (see :func:`to_mark`).
        label, title: how to read each item's label and title: an attribute
            name or a function; by default ``label``/``kind``/``type``/``category``
            and ``title``/``rule``/``note``.
        caption: an optional heading shown above the text.
        legend: show a legend of the labels used.
        descriptions: legend text per label (defaults cover the course's labels).

    Returns:
        A :class:`Highlight` with ``.html``, ``.marks`` and ``.dropped``.
    """
    if not isinstance(text, str):
        raise TypeError("highlight needs the text as a string: pass doc.text")
    marks = [to_mark(s, label, title) for s in spans]
    bad = [m for m in marks if not 0 <= m.start < m.end <= len(text)]
    if bad:
        raise ValueError(f"span {bad[0].start}-{bad[0].end} lies outside the text ({len(text)} characters): "
                         "were the offsets made for another text?")
    roots, dropped = _nest(marks)
    styles: dict[str, Style] = {}
    shown = [m.label for m in sorted(marks, key=lambda m: m.start) if m not in dropped]
    # the course's labels in a fixed order (hedge before booster), then any others as they appear
    used = [label for label in LABEL_STYLES if label in shown] + list(dict.fromkeys(
        label for label in shown if label not in LABEL_STYLES))
    parts = ['<div class="tex2jax_ignore medialit-highlight" style="line-height:2">', f"<style>{_CSS}</style>"]
    if caption:
        parts.append(f'<p style="font-weight:600;margin:0 0 .3em 0">{html.escape(caption)}</p>')
    if legend and used:
        parts.append(_legend(used, styles, {**DESCRIPTIONS, **(descriptions or {})}))
    parts.append(f'<div class="ml-text" style="white-space:pre-wrap">{_render(text, 0, len(text), roots, styles)}'
                 "</div>")
    if dropped:
        parts.append(f'<p class="ml-note" style="font-size:.85em">{len(dropped)} overlapping span(s) not shown: '
                     + html.escape("; ".join(f"{text[m.start:m.end]!r} ({m.label})" for m in dropped)) + "</p>")
    parts.append("</div>")
    return Highlight(text, [m for m in marks if m not in dropped], dropped, "".join(parts))


@dataclass
class Kwic:
    """Keyword-in-context lines: ``.rows`` (dicts), ``.html`` (a table), ``str()`` (aligned text)."""

    rows: list[dict[str, Any]]
    width: int
    html: str = ""

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return "\n".join(f"{r['left']:>{self.width}} [{r['match']}] {r['right']:<{self.width}}  ({r['label']})"
                         for r in self.rows)


def kwic(
    text: str,
    spans: Iterable[Any],
    width: int = 40,
    label: str | Callable[[Any], Any] | None = None,
    title: str | Callable[[Any], Any] | None = None,
    sort: str = "position",
    caption: str | None = None,
) -> Kwic:
    """Keyword in context: each span with ``width`` characters either side, one line each.

    ``sort`` is ``"position"`` (order in the text), ``"match"`` (alphabetical by
    the marker, so all the "could" lines stand together) or ``"label"``.
    Line breaks in the context are shown as spaces; all text is escaped.
    """
    if sort not in ("position", "match", "label"):
        raise ValueError(f"kwic: sort must be 'position', 'match' or 'label', not {sort!r}")
    marks = [to_mark(s, label, title) for s in spans]
    rows = []
    for m in sorted(marks, key=lambda m: m.start):
        left = text[max(0, m.start - width) : m.start].replace("\n", " ")
        right = text[m.end : m.end + width].replace("\n", " ")
        rows.append({"start": m.start, "end": m.end, "left": left, "match": text[m.start : m.end], "right": right,
                     "label": m.label, "title": m.title})
    if sort != "position":
        rows.sort(key=lambda r: (r[sort].lower(), r["start"]))
    styles: dict[str, Style] = {}
    body = []
    for r in rows:
        style = style_for(r["label"], styles)
        match = (_mark_open(Mark(r["start"], r["end"], r["label"], r["title"]), style) + html.escape(r["match"])
                 + _mark_close(Mark(r["start"], r["end"], r["label"], r["title"]), style))
        body.append(f'<tr><td style="text-align:right;white-space:nowrap">{html.escape(r["left"])}</td>'
                    f'<td style="white-space:nowrap">{match}</td>'
                    f'<td style="white-space:nowrap">{html.escape(r["right"])}</td></tr>')
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    table = ('<div class="tex2jax_ignore medialit-highlight" style="overflow-x:auto">'
             f"<style>{_CSS}</style><table class=\"ml-kwic\">{cap}<thead><tr>"
             '<th scope="col">before</th><th scope="col">marker</th><th scope="col">after</th></tr></thead>'
             f"<tbody>{''.join(body)}</tbody></table></div>")
    return Kwic(rows, width, table)


# --- attributions (medialit.attribution) ------------------------------------


def chains_html(chains: Iterable[AttributionChain]) -> str:
    """The chains as an escaped HTML list; arrows are text, not colour, so they read aloud."""
    items = []
    for c in chains:
        parts = " <span aria-label='reported by'>&rarr;</span> ".join(
            f"<span class='medialit-link'>{html.escape(link)}</span>" for link in c.links)
        cues = ", ".join(html.escape(a.cue.text.rstrip(":")) for a in c.attributions)
        items.append(f"<li>{parts} <small>(cues: {cues})</small></li>")
    return ("<ol class='medialit-chains' aria-label='Who reports whom'>" + "".join(items)
            + "</ol>")


#: Legend text for each source type in :func:`highlight_attributions`.
ATTRIBUTION_DESCRIPTIONS = {
    "named_person": "source: a named person",
    "official_role": "source: an unnamed official or role",
    "organization": "source: an organisation, government or outlet",
    "vague": "source: an unidentified group or person",
    "common_knowledge": "appeal to common knowledge: no source",
    "pronoun": "source: a pronoun pointing back to a source",
    "cue": "reporting verb or phrase (what it implies is in the title)",
}


def highlight_attributions(text: str, attributions: Sequence[Attribution] | None = None,
                           caption: str | None = "Who says so: sources and reporting cues") -> Highlight:
    """Sources and cues highlighted in ``text`` with :func:`medialit.render.highlight`.

    Each source is labelled with its type ("named_person", "vague"...), each
    cue with "cue"; titles (hover and keyboard focus) give the speaker and what
    the verb implies. Labels are visible text, so colour is only a help, and
    every string is escaped by the renderer.
    """
    from .attribution import find_attributions

    atts = find_attributions(text) if attributions is None else attributions
    marks: dict[tuple[int, int], Mark] = {}
    for a in atts:
        if a.source is not None:
            marks.setdefault((a.source.start, a.source.end), Mark(
                a.source.start, a.source.end, a.source_type,
                f"source: {a.speaker} ({a.source_type.replace('_', ' ')})"))
        for cue in a.cues:
            if a.source is None or (cue.start, cue.end) != (a.source.start, a.source.end):
                marks.setdefault((cue.start, cue.end), Mark(
                    cue.start, cue.end, "cue", f"reporting cue: {cue.text.rstrip(':')} ({a.implies})"))
    ordered = sorted(marks.values(), key=lambda m: (m.start, -m.end))
    return highlight(text, ordered, caption=caption, descriptions=ATTRIBUTION_DESCRIPTIONS)
