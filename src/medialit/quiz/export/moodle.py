"""Moodle XML from medialit banks (Question bank > Import > Moodle XML format).

One ``category`` question per bank, named after its lesson, then each
question in Moodle's nearest type: ``multichoice`` (single or multiple),
``numerical``, ``matching``, ``essay``. Text is HTML from the bank's safe
Markdown, written by :mod:`xml.etree.ElementTree`, so ``<``, ``&`` and quotes
are escaped. Names are medialit ids; ``idnumber`` is ``bank/question``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import markdown
from ..schema import Bank, Question
from .common import category, choices, feedback_markdown, moodle_percent, stem_html

__all__ = ["MOODLE_TYPES", "export_moodle", "question_element"]

#: medialit type -> Moodle question type.
MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "select-words": "multichoice",
    "numeric": "numerical",
    "match": "matching",
    "reflection": "essay",
}


def _text(parent: ET.Element, tag: str, html_text: str, fmt: str = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = html_text
    return el


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str, fmt: str = "html") -> ET.Element:
    ans = _text(parent, "answer", text, fmt)
    ans.set("fraction", moodle_percent(fraction))
    _text(ans, "feedback", markdown.to_html(feedback) if feedback else "")
    return ans


def _general_feedback(q: Question) -> str:
    html_text = markdown.to_html(feedback_markdown(q, with_hint=False))
    if q.type == "match":
        notes = "".join(f"<li>{markdown.inline_html(i.text)}: {markdown.inline_html(i.feedback)}</li>"
                        for i in q.items if i.feedback)
        html_text += f"<ul>{notes}</ul>" if notes else ""
    return html_text


def _body(el: ET.Element, q: Question) -> None:
    if q.type in ("single", "multiple", "select-words"):
        _simple(el, "single", "true" if q.type == "single" else "false")
        _simple(el, "shuffleanswers", "false")
        _simple(el, "answernumbering", "abc")
        for c in choices(q):
            _answer(el, c.fraction, markdown.inline_html(c.text), c.feedback)
    elif q.type == "numeric":
        ans = _answer(el, 1.0, f"{q.answer:g}", "", fmt="")
        _simple(ans, "tolerance", f"{q.tolerance:g}")
        _simple(el, "unitgradingtype", "0")
        _simple(el, "showunits", "3")
    elif q.type == "match":
        _simple(el, "shuffleanswers", "true")
        used = {i.answer for i in q.items}
        for item in q.items:
            sub = _text(el, "subquestion", markdown.inline_html(item.text))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = item.answer
        for extra in (c for c in q.categories if c not in used):
            sub = _text(el, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = extra
    else:
        _simple(el, "responseformat", "editor")
        _simple(el, "responserequired", "1")
        _simple(el, "responsefieldlines", "5")
        _simple(el, "attachments", "0")
        _text(el, "graderinfo", markdown.to_html(q.explanation) if q.explanation else "")
        _text(el, "responsetemplate", q.placeholder)


def question_element(bank: Bank, q: Question) -> ET.Element:
    """One question as a Moodle XML ``<question>`` element."""
    el = ET.Element("question", {"type": MOODLE_TYPES[q.type]})
    ET.SubElement(ET.SubElement(el, "name"), "text").text = q.id
    _text(el, "questiontext", stem_html(q))
    _text(el, "generalfeedback", _general_feedback(q))
    _simple(el, "defaultgrade", f"{q.points:g}")
    _simple(el, "penalty", "0")
    _simple(el, "hidden", "0")
    _simple(el, "idnumber", f"{bank.id}/{q.id}")
    _body(el, q)
    if q.hint.strip():
        _text(el, "hint", markdown.to_html(q.hint))
    tags = ET.SubElement(el, "tags")
    for tag in (f"medialit-{bank.id}", q.tags.get("skill") or "", q.type):
        if tag:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    return el


def export_moodle(banks: list[Bank]) -> str:
    """All ``banks`` as one Moodle XML document (a category per bank)."""
    root = ET.Element("quiz")
    for bank in banks:
        cat = ET.SubElement(root, "question", {"type": "category"})
        _text(cat, "category", f"$course$/top/{category(bank)}", fmt="")
        _text(cat, "info", markdown.to_html(bank.description) if bank.description else "")
        for q in bank.questions:
            root.append(question_element(bank, q))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
