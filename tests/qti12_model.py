"""Content models of the QTI 1.2 ASI elements medialit writes, transcribed from the IMS DTD.

Source: IMS Question & Test Interoperability ASI XML binding, version 1.2 (ims_qtiasiv1p2.dtd),
element declarations for the elements below, restricted to the children the spec allows.
Each model is a regular expression over the space-separated child element names; attributes
listed in ``REQUIRED`` are #REQUIRED in the DTD. ``check`` returns the problems found (an
element with no model here is reported too, so an exporter change cannot slip past).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_COND = ("(?:not|and|or|unanswered|other|varequal|varlt|varlte|vargt|vargte|varsubset|varinside|"
         "varsubstring|durequal|durlt|durlte|durgt|durgte|var_extension) ")
_MATERIAL = "(?:mattext|matemtext|matimage|mataudio|matvideo|matapplet|matapplication|matref|matbreak|mat_extension) "

MODELS = {
    "questestinterop": r"(?:qticomment )?(?:objectbank |assessment |(?:section |item )+)",
    "assessment": r"(?:qticomment )?(?:duration )?(?:qtimetadata )*(?:objectives )*(?:assessmentcontrol )*"
                  r"(?:rubric )*(?:presentation_material )?(?:outcomes_processing )*(?:assessproc_extension )?"
                  r"(?:assessfeedback )*(?:selection_ordering )?(?:reference )?(?:sectionref |section )+",
    "section": r"(?:qticomment )?(?:duration )?(?:qtimetadata )*(?:objectives )*(?:sectioncontrol )*"
               r"(?:sectionprecondition )*(?:sectionpostcondition )*(?:rubric )*(?:presentation_material )?"
               r"(?:outcomes_processing )*(?:sectionproc_extension )?(?:sectionfeedback )*"
               r"(?:selection_ordering )?(?:reference )?(?:itemref |item |sectionref |section )*",
    "item": r"(?:qticomment )?(?:duration )?(?:itemmetadata )?(?:objectives )*(?:itemcontrol )*"
            r"(?:itemprecondition )*(?:itempostcondition )*(?:itemrubric |rubric )*(?:presentation )?"
            r"(?:resprocessing )*(?:itemproc_extension )?(?:itemfeedback )*(?:reference )?",
    "itemmetadata": r"(?:qtimetadata )*",
    "qtimetadata": r"(?:vocabulary )?(?:qtimetadatafield )+",
    "qtimetadatafield": r"fieldlabel fieldentry ",
    "fieldlabel": r"", "fieldentry": r"",
    "presentation": r"(?:qticomment )?(?:material |response_lid |response_xy |response_str |response_num "
                    r"|response_grp |response_extension |flow )+",
    "material": r"(?:qticomment )?(?:" + _MATERIAL + r"|altmaterial )+",
    "mattext": r"",
    "response_lid": r"(?:material |material_ref )?(?:render_choice |render_hotspot |render_slider "
                    r"|render_fib |render_extension )(?:material |material_ref )?",
    "response_str": r"(?:material |material_ref )?(?:render_choice |render_hotspot |render_slider "
                    r"|render_fib |render_extension )(?:material |material_ref )?",
    "render_choice": r"(?:material |material_ref |response_label |flow_label )*(?:response_na )?",
    "render_fib": r"(?:material |material_ref |response_label |flow_label )*(?:response_na )?",
    "response_label": r"(?:qticomment |material |material_ref |flow_mat )*",
    "resprocessing": r"(?:qticomment )?outcomes (?:respcondition |itemproc_extension )+",
    "outcomes": r"(?:qticomment )?(?:decvar (?:interpretvar )*)+",
    "decvar": r"",
    "respcondition": r"(?:qticomment )?conditionvar (?:setvar )*(?:displayfeedback )*(?:respcond_extension )?",
    "conditionvar": "(?:" + _COND + ")+",
    "and": "(?:" + _COND + ")+",
    "or": "(?:" + _COND + ")+",
    "not": _COND,
    "other": r"", "varequal": r"", "vargte": r"", "varlte": r"", "setvar": r"", "displayfeedback": r"",
    "itemfeedback": r"(?:(?:flow_mat |material )+|(?:solution )+|(?:hint )+)",
    "flow_mat": r"(?:qticomment )?(?:flow_mat |material |material_ref )+",
}

REQUIRED = {
    "assessment": ("ident", "title"), "section": ("ident",), "item": ("ident",),
    "response_lid": ("ident",), "response_str": ("ident",), "response_label": ("ident",),
    "itemfeedback": ("ident",), "varequal": ("respident",), "vargte": ("respident",),
    "varlte": ("respident",), "displayfeedback": ("linkrefid",), "decvar": (),
}

ENUMS = {
    ("response_lid", "rcardinality"): {"Single", "Multiple", "Ordered"},
    ("response_str", "rcardinality"): {"Single", "Multiple", "Ordered"},
    ("setvar", "action"): {"Set", "Add", "Subtract", "Multiply", "Divide"},
    ("respcondition", "continue"): {"Yes", "No"},
    ("render_fib", "fibtype"): {"String", "Integer", "Decimal", "Scientific"},
    ("decvar", "vartype"): {"Integer", "String", "Decimal", "Scientific", "Boolean", "Enumerated", "Set"},
    ("displayfeedback", "feedbacktype"): {"Response", "Solution", "Hint"},
}


def check(root: ET.Element, ns: str) -> list[str]:
    """Every element under ``root`` against the models; a list of problems (empty when valid)."""
    problems = []
    for el in root.iter():
        tag = el.tag.removeprefix(ns)
        model = MODELS.get(tag)
        if model is None:
            problems.append(f"<{tag}> is not an element medialit should write")
            continue
        children = "".join(child.tag.removeprefix(ns) + " " for child in el)
        if not re.fullmatch(model, children):
            problems.append(f"<{tag}> children [{children.strip()}] break the QTI 1.2 content model")
        for attr in REQUIRED.get(tag, ()):
            if not el.get(attr):
                problems.append(f"<{tag}> lacks the required attribute {attr}")
        for (etag, attr), allowed in ENUMS.items():
            if etag == tag and el.get(attr) is not None and el.get(attr) not in allowed:
                problems.append(f"<{tag} {attr}={el.get(attr)!r}> is not one of {sorted(allowed)}")
    return problems
