"""``medialit analyze``: one summary per document, gathered from every detector.

Each detector of the registry (:data:`medialit.analysis.DETECTORS`) with a
summary gives a section of plain, JSON-ready values (counts, densities,
examples), computed from one :class:`~medialit.analysis.Analysis` per document
so that no detector runs twice. This module reads the documents, collects the
sections and formats them as text, JSON or HTML.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from .analysis import DETECTORS, Analysis, analyze, detector
from .reading import read_document
from .text import Document

__all__ = ["SECTIONS", "analyze_paths", "format_value", "summarize"]

#: (name, title) of each summary section, in the order shown: the registry's detectors with a summary.
SECTIONS = tuple((d.name, d.title) for d in DETECTORS if d.summarize is not None)


def summarize(doc: Document | str | Analysis) -> dict[str, Any]:
    """All summary sections for one document, as a JSON-ready dict (snake_case keys).

    ``sections`` maps each detector's name (``stance``, ``attribution``,
    ``framing``, ``claims``) to its summary; :data:`SECTIONS` gives their titles.

    >>> sorted(summarize("It may rain.")["sections"])
    ['attribution', 'claims', 'framing', 'stance']
    """
    analysis = analyze(doc)
    doc = analysis.doc
    return {
        "title": analysis.title,
        "words": doc.word_count,
        "sentences": len(doc.sentences),
        "paragraphs": len(doc.paragraphs),
        "sections": analysis.summaries(),
    }


def _read(name: str) -> Document:
    if name == "-":
        from .errors import decode_bytes, read_stream

        data = read_stream(getattr(sys.stdin, "buffer", sys.stdin))
        return Document.from_text(decode_bytes(data, "standard input"), title="(standard input)")
    doc = read_document(name)
    if doc.title is None:
        doc.title = Path(name).name
    return doc


def format_value(value: Any) -> str:
    """One summary value as short text: floats to 2 places, lists and dicts joined, None as 'none'."""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)):
        return "; ".join(format_value(v) for v in value) or "none"
    return "none" if value is None else str(value)


def _as_text(summary: dict[str, Any], name: str) -> str:
    lines = [f"== {name}: {summary['title'] or ''}".rstrip(": "),
             f"   {summary['words']} words, {summary['sentences']} sentences, "
             f"{summary['paragraphs']} paragraphs"]
    for name, section in summary["sections"].items():
        lines.append(f"-- {detector(name).title}")
        lines += [f"   {key}: {format_value(value)}" for key, value in section.items()]
    return "\n".join(lines) + "\n"


def _as_html(summary: dict[str, Any], name: str) -> str:
    parts = [f"<section class='medialit-summary'><h2>{html.escape(str(summary['title'] or name))}</h2>",
             f"<p>{summary['words']} words, {summary['sentences']} sentences, "
             f"{summary['paragraphs']} paragraphs</p>"]
    for name, section in summary["sections"].items():
        parts.append(f"<h3>{html.escape(detector(name).title)}</h3><dl>")
        for key, value in section.items():
            parts.append(f"<dt>{html.escape(str(key))}</dt><dd>{html.escape(format_value(value))}</dd>")
        parts.append("</dl>")
    parts.append("</section>")
    return "".join(parts)


def _write_summaries(summaries: list[tuple[str, dict[str, Any]]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json.dumps([dict(s, file=n) for n, s in summaries], indent=2, ensure_ascii=False) + "\n")
    elif fmt == "html":
        body = "".join(_as_html(s, n) for n, s in summaries)
        out.write(f"<!doctype html><html lang='en'><meta charset='utf-8'><title>medialit analyze</title>"
                  f"<body>{body}</body></html>\n")
    else:
        out.write("\n".join(_as_text(s, n) for n, s in summaries))


def analyze_paths(files: list[str], fmt: str = "text", out: TextIO | None = None, progress: bool = True) -> int:
    """Summarise each file (``-`` is standard input) and write the result to ``out``.

    A file that cannot be read does not stop the others: its one-line error
    goes to standard error, the readable files are summarised, and the return
    status is 2 (0 when every file was read).
    """
    out = out or sys.stdout
    summaries = []
    failed: list[str] = []
    total = len(files)
    for number, name in enumerate(files, start=1):
        if progress and total > 1:
            filled = int(20 * number / total)
            print(f"\r[{'#' * filled}{'.' * (20 - filled)}] {number}/{total} {name[-40:]}",
                  end="", file=sys.stderr, flush=True)
        try:
            summaries.append((name, summarize(_read(name))))
        except (ValueError, OSError) as exc:
            failed.append(str(exc))
    if progress and total > 1:
        print(file=sys.stderr)
    if summaries:
        _write_summaries(summaries, fmt, out)
    for problem in failed:
        print(f"medialit: error: {problem}", file=sys.stderr)
    return 2 if failed else 0
