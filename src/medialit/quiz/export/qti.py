"""IMS QTI 1.2 content packages (the "QTI .zip file" that Canvas and Blackboard import).

The zip holds ``imsmanifest.xml`` and, per bank, ``<bank>/<bank>.xml``: a
``questestinterop`` with one ``assessment`` named after the lesson. Items
use Canvas's ``question_type`` metadata (``multiple_choice_question``,
``multiple_answers_question``, ``numerical_question``,
``matching_question``, ``essay_question``) with ``points_possible``; the
response processing is plain QTI 1.2, so other importers grade them too.
Text is HTML in ``mattext texttype="text/html"``, escaped by ElementTree.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from .. import markdown
from ..schema import Bank, Question
from .common import category, choices, feedback_markdown, stem_html

__all__ = ["CANVAS_TYPES", "QTI_NS", "assessment_xml", "export_qti", "manifest_xml"]

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
_CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
#: medialit type -> Canvas's QTI ``question_type``.
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "select-words": "multiple_answers_question",
    "numeric": "numerical_question",
    "match": "matching_question",
    "reflection": "essay_question",
}


def _sub(parent: ET.Element, tag: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs or {})
    if text is not None:
        el.text = text
    return el


def _material(parent: ET.Element, html_text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", {"texttype": "text/html"}, html_text)


def _metadata(item: ET.Element, q: Question, answer_ids: list[str]) -> None:
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    fields = [("question_type", CANVAS_TYPES[q.type]), ("points_possible", f"{q.points:g}"),
              ("original_answer_ids", ",".join(answer_ids)), ("assessment_question_identifierref", q.id)]
    for label, entry in fields:
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", text=label)
        _sub(field, "fieldentry", text=entry)


def _feedback_item(item: ET.Element, ident: str, html_text: str) -> None:
    fb = _sub(item, "itemfeedback", {"ident": ident})
    _material(_sub(fb, "flow_mat"), html_text)


def _condition(proc: ET.Element, test: ET.Element, score: str | None, feedback: str | None,
               cont: str = "No") -> None:
    cond = _sub(proc, "respcondition", {"continue": cont})
    _sub(cond, "conditionvar").append(test)
    if score is not None:
        _sub(cond, "setvar", {"action": "Set" if cont == "No" else "Add", "varname": "SCORE"}, score)
    if feedback:
        _sub(cond, "displayfeedback", {"feedbacktype": "Response", "linkrefid": feedback})


def _equal(respident: str, value: str) -> ET.Element:
    el = ET.Element("varequal", {"respident": respident})
    el.text = value
    return el


def _choice_item(item: ET.Element, pres: ET.Element, proc: ET.Element, q: Question) -> list[str]:
    opts = choices(q)
    ids = [f"{q.id}-o{i}" for i in range(len(opts))]
    lid = _sub(pres, "response_lid", {"ident": "response1",
                                      "rcardinality": "Single" if q.type == "single" else "Multiple"})
    render = _sub(lid, "render_choice")
    for ident, c in zip(ids, opts, strict=True):
        _material(_sub(render, "response_label", {"ident": ident}), markdown.inline_html(c.text))
    for ident, c in zip(ids, opts, strict=True):
        if c.feedback:
            _condition(proc, _equal("response1", ident), None, f"{ident}_fb", cont="Yes")
            _feedback_item(item, f"{ident}_fb", markdown.to_html(c.feedback))
    if q.type == "single":
        right = next(i for i, c in zip(ids, opts, strict=True) if c.correct)
        _condition(proc, _equal("response1", right), "100", None)
        return ids
    both = ET.Element("and")
    for ident, c in zip(ids, opts, strict=True):
        if c.correct:
            both.append(_equal("response1", ident))
        elif c.fraction < 0:
            _sub(both, "not").append(_equal("response1", ident))
    _condition(proc, both, "100", None)
    return ids


def _numeric_item(pres: ET.Element, proc: ET.Element, q: Question) -> list[str]:
    resp = _sub(pres, "response_str", {"ident": "response1", "rcardinality": "Single"})
    _sub(resp, "render_fib", {"fibtype": "Decimal"})
    assert q.answer is not None
    either = ET.Element("or")
    either.append(_equal("response1", f"{q.answer:g}"))
    between = _sub(either, "and")
    _sub(between, "vargte", {"respident": "response1"}, f"{q.answer - q.tolerance:g}")
    _sub(between, "varlte", {"respident": "response1"}, f"{q.answer + q.tolerance:g}")
    _condition(proc, either, "100", None)
    return [f"{q.id}-a0"]


def _match_item(pres: ET.Element, proc: ET.Element, q: Question) -> list[str]:
    cat_ids = {c: f"{q.id}-c{i}" for i, c in enumerate(q.categories)}
    share = f"{100 / len(q.items):.4f}"
    ids = []
    for i, item in enumerate(q.items):
        rid = f"response_{q.id}-m{i}"
        ids.append(rid)
        lid = _sub(pres, "response_lid", {"ident": rid})
        _material(lid, markdown.inline_html(item.text))
        render = _sub(lid, "render_choice")
        for cat, cid in cat_ids.items():
            _sub(_sub(_sub(render, "response_label", {"ident": cid}), "material"), "mattext", text=cat)
        _condition(proc, _equal(rid, cat_ids[item.answer]), share, None, cont="Yes")
    return ids


def _item(bank: Bank, q: Question) -> ET.Element:
    item = ET.Element("item", {"ident": f"{bank.id}-{q.id}", "title": q.id})
    pres = ET.Element("presentation")
    _material(pres, stem_html(q))
    proc = ET.Element("resprocessing")
    outcomes = _sub(proc, "outcomes")
    _sub(outcomes, "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
    feedback_items: list[ET.Element] = []
    holder = ET.Element("holder")
    if q.type in ("single", "multiple", "select-words"):
        ids = _choice_item(holder, pres, proc, q)
        feedback_items = list(holder)
    elif q.type == "numeric":
        ids = _numeric_item(pres, proc, q)
    elif q.type == "match":
        ids = _match_item(pres, proc, q)
    else:
        _sub(_sub(pres, "response_str", {"ident": "response1", "rcardinality": "Single"}), "render_fib")
        ids = []
    _metadata(item, q, ids)
    item.append(pres)
    item.append(proc)
    general = _general_html(q)
    if general:
        cond = ET.Element("respcondition", {"continue": "Yes"})
        _sub(_sub(cond, "conditionvar"), "other")
        _sub(cond, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
        proc.insert(1, cond)
        _feedback_item(item, "general_fb", general)
    if proc.find("respcondition") is None:  # an essay without feedback: QTI 1.2 needs one condition
        _sub(_sub(_sub(proc, "respcondition", {"continue": "No"}), "conditionvar"), "other")
    item.extend(feedback_items)
    return item


def _general_html(q: Question) -> str:
    html_text = markdown.to_html(feedback_markdown(q))
    notes = "".join(f"<li>{markdown.inline_html(i.text)}: {markdown.inline_html(i.feedback)}</li>"
                    for i in q.items if i.feedback)
    return html_text + (f"<ul>{notes}</ul>" if notes else "")


def assessment_xml(bank: Bank) -> str:
    """One bank as a QTI 1.2 ``questestinterop`` document with one assessment."""
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = _sub(root, "assessment", {"ident": bank.id, "title": category(bank)})
    meta = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(meta, "fieldlabel", text="cc_maxattempts")
    _sub(meta, "fieldentry", text="1")
    section = _sub(assessment, "section", {"ident": "root_section"})
    for q in bank.questions:
        section.append(_item(bank, q))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def manifest_xml(banks: list[Bank]) -> str:
    """The package's ``imsmanifest.xml``: one ``imsqti_xmlv1p2`` resource per bank."""
    root = ET.Element("manifest", {"identifier": "medialit-" + "-".join(b.id for b in banks)[:80],
                                   "xmlns": _CP_NS})
    meta = _sub(root, "metadata")
    _sub(meta, "schema", text="IMS Content")
    _sub(meta, "schemaversion", text="1.1.3")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    for bank in banks:
        href = f"{bank.id}/{bank.id}.xml"
        res = _sub(resources, "resource", {"identifier": f"res-{bank.id}", "type": "imsqti_xmlv1p2",
                                           "href": href})
        _sub(res, "file", {"href": href})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def export_qti(banks: list[Bank]) -> bytes:
    """All ``banks`` as one QTI 1.2 content package (zip bytes), one assessment per bank."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest_xml(banks))
        for bank in banks:
            zf.writestr(f"{bank.id}/{bank.id}.xml", assessment_xml(bank))
    return buffer.getvalue()
