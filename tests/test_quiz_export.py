"""Quiz exports round-trip through parsers we did not write.

* GIFT: ``pygiftparser`` (PyPI) reads the text back.
* Moodle XML: ``moodle-xml-parser`` (PyPI) reads the ``multichoice`` questions
  (single, multiple, select-words). It reads no other type (its parser knows only
  ``multichoice`` and ``cloze``), so ``numerical``, ``matching`` and ``essay`` are
  checked by parsing the XML with ElementTree.
* QTI 1.2: ``qti2txt`` needs Python >= 3.13 and uses 3.12-only syntax, so it cannot run
  here, and no PyPI package ships the QTI 1.2 XSD; the package is checked by parsing the
  XML and following the QTI 1.2 response processing (which option sets SCORE to 100,
  which feedback each option shows, the numeric range, the match conditions), and every
  element is checked against the content models of the QTI 1.2 DTD (``qti12_model.py``).

Each check compares question count, types, stems, options, keyed answers and
per-option feedback with the bank itself, for all ten banks.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
import qti12_model  # noqa: E402 - tests/qti12_model.py: the QTI 1.2 DTD's content models
import yaml

from medialit.cli import main
from medialit.quiz import bank_names, load_bank, parse_bank
from medialit.quiz import markdown as md
from medialit.quiz.export import LOSSES, export, losses

pygift = pytest.importorskip("pygiftparser.parser")
moodle_parser = pytest.importorskip("moodle_xml_parser.parser")

BANKS = bank_names()
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def _plain(html_text: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    blocks = re.sub(r"</?(?:p|ul|li|blockquote|br)\b[^>]*>", " ", html_text or "")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", blocks)).split())


def _text(markdown_text: str) -> str:
    return " ".join(md.to_text(markdown_text).split())


def _expected_options(q) -> list[tuple[str, bool, str]]:
    """(text, keyed right, feedback) as the bank says, for option-based types."""
    if q.type in ("single", "multiple"):
        return [(o.text, o.correct, o.feedback) for o in q.options]
    raise AssertionError(q.type)


def test_ten_banks_are_exported():
    assert len(BANKS) >= 10
    assert "demo" in BANKS


# ----------------------------------------------------------------------------- GIFT


def _gift_unescape(text: str) -> str:
    return re.sub(r"\\([~=#{}:])", r"\1", text).replace("\\n", "\n")


GIFT_CLASSES = {"single": "SelectSet", "multiple": "MultipleChoicesSet", "select-words": "MultipleChoicesSet",
                "numeric": "NumericAnswerSet", "match": "MatchingSet", "reflection": "Essay"}


def _check_gift_question(q, parsed) -> None:
    assert parsed.valid, q.id
    assert parsed.title == q.id
    assert type(parsed.answers).__name__ == GIFT_CLASSES[q.type], q.id
    text = _gift_unescape(parsed.text)
    assert text.startswith(q.prompt.strip()), q.id
    assert q.explanation.strip() in _gift_unescape(parsed.generalFeedback)
    answers = getattr(parsed.answers, "answers", [])
    if q.type in ("single", "multiple"):
        got = [(_gift_unescape(a.answer), a.fraction > 0, _gift_unescape(a.feedback)) for a in answers]
        assert got == _expected_options(q), q.id
    elif q.type == "select-words":
        assert " ".join(q.passage.split()) in text
        right = {_gift_unescape(a.answer) for a in answers if a.fraction > 0}
        assert right == {a.text for a in q.answers}, q.id
        neutral = {_gift_unescape(a.answer) for a in answers if a.fraction == 0}
        assert neutral == {a.text for a in q.optional} - right
        offered = {_gift_unescape(a.answer) for a in answers}
        assert {w.text for w in q.words} <= offered | {w for a in offered for w in a.split()}
    elif q.type == "numeric":
        assert [(a.value, a.tolerance) for a in answers] == [(q.answer, q.tolerance)]
    elif q.type == "match":
        pairs = [(_gift_unescape(a.question.strip()), _gift_unescape(a.answer.strip())) for a in answers]
        assert [p for p in pairs if p[0]] == [(i.text, i.answer) for i in q.items]
        used = {i.answer for i in q.items}
        assert [a for item, a in pairs if not item] == [c for c in q.categories if c not in used]
        for item in q.items:
            if item.feedback:
                assert item.feedback in _gift_unescape(parsed.generalFeedback)


@pytest.mark.parametrize("name", BANKS)
def test_gift_round_trip(name):
    bank = load_bank(name)
    text = export([bank], "gift")
    parsed = pygift.parseFile(io.StringIO(text))
    assert len(parsed) == len(bank.questions)
    for q, p in zip(bank.questions, parsed, strict=True):
        _check_gift_question(q, p)
    assert f"$CATEGORY: $course$/top/{bank.title}" in text


def test_gift_all_banks_in_one_file_keep_a_category_each():
    banks = [load_bank(n) for n in BANKS]
    parsed = pygift.parseFile(io.StringIO(export(banks, "gift")))
    assert len(parsed) == sum(len(b.questions) for b in banks)
    assert len({p.cat for p in parsed}) >= 2


# ----------------------------------------------------------------------------- Moodle XML


def _check_moodle_multichoice(q, parsed) -> None:
    assert parsed.name == q.id
    assert _plain(parsed.text_pre_parse).startswith(_text(q.prompt))
    assert parsed.default_grade == q.points
    assert parsed.single == (q.type == "single")
    if q.type == "select-words":
        right = {_plain(o.answer) for o in parsed.options if o.score_fraction > 0}
        assert right == {a.text for a in q.answers}
        assert sum(o.score_fraction for o in parsed.options if o.score_fraction > 0) == pytest.approx(100, abs=0.01)
        return
    got = [(_plain(o.answer), o.score_fraction > 0, _plain(o.feedback)) for o in parsed.options]
    want = [(_text(t), ok, _text(fb)) for t, ok, fb in _expected_options(q)]
    assert got == want, q.id
    if q.type == "multiple":
        assert sum(o.score_fraction for o in parsed.options if o.score_fraction > 0) == pytest.approx(100, abs=0.01)
    assert _text(q.explanation) in _plain(parsed.general_feedback)


def _check_moodle_xml(q, el: ET.Element) -> None:
    """The types moodle-xml-parser cannot read, checked from the XML."""
    assert el.findtext("name/text") == q.id
    assert _plain(el.findtext("questiontext/text")).startswith(_text(q.prompt))
    assert float(el.findtext("defaultgrade")) == q.points
    if q.type == "numeric":
        assert el.get("type") == "numerical"
        (ans,) = el.findall("answer")
        assert float(ans.findtext("text")) == q.answer
        assert float(ans.findtext("tolerance")) == q.tolerance
        assert ans.get("fraction") == "100"
    elif q.type == "match":
        assert el.get("type") == "matching"
        pairs = [(_plain(s.findtext("text")), s.findtext("answer/text")) for s in el.findall("subquestion")]
        assert [p for p in pairs if p[0]] == [(_text(i.text), i.answer) for i in q.items]
        assert {a for _, a in pairs} == set(q.categories)
    else:
        assert el.get("type") == "essay"
        assert el.findtext("responseformat") == "editor"


@pytest.mark.parametrize("name", BANKS)
def test_moodle_xml_round_trip(name):
    bank = load_bank(name)
    xml_text = export([bank], "moodle")
    parsed = moodle_parser.parse_string(xml_text)["multichoice"]
    choice_qs = [q for q in bank.questions if q.type in ("single", "multiple", "select-words")]
    assert len(parsed) == len(choice_qs)
    for q, p in zip(choice_qs, parsed, strict=True):
        _check_moodle_multichoice(q, p)
    root = ET.fromstring(xml_text)
    questions = [el for el in root.findall("question") if el.get("type") != "category"]
    assert len(questions) == len(bank.questions)
    (cat,) = root.findall("question[@type='category']")
    assert cat.findtext("category/text") == f"$course$/top/{bank.title}"
    for q, el in zip(bank.questions, questions, strict=True):
        assert el.findtext("idnumber") == f"{bank.id}/{q.id}"
        assert _plain(el.findtext("hint/text") or "") == _text(q.hint)  # hints become Moodle hints
        for item in q.items:
            if item.feedback:  # matching has no per-item feedback: it is in the general feedback
                assert _text(item.feedback) in _plain(el.findtext("generalfeedback/text"))
        if q.type not in ("single", "multiple", "select-words"):
            _check_moodle_xml(q, el)


# ----------------------------------------------------------------------------- QTI 1.2


def _qti_field(item: ET.Element, label: str) -> str | None:
    for f in item.iter(f"{QTI}qtimetadatafield"):
        if f.findtext(f"{QTI}fieldlabel") == label:
            return f.findtext(f"{QTI}fieldentry")
    return None


def _qti_feedback(item: ET.Element) -> dict[str, str]:
    return {fb.get("ident"): _plain(fb.findtext(f".//{QTI}mattext")) for fb in item.findall(f"{QTI}itemfeedback")}


def _qti_choices(item: ET.Element) -> tuple[list[tuple[str, str]], set[str], dict[str, str]]:
    """(ident, text) of the options, the idents keyed right, and each option's feedback."""
    labels = [(lab.get("ident"), _plain(lab.findtext(f".//{QTI}mattext")))
              for lab in item.iter(f"{QTI}response_label")]
    feedback = _qti_feedback(item)
    right: set[str] = set()
    per_option: dict[str, str] = {}
    for cond in item.iter(f"{QTI}respcondition"):
        var = cond.find(f"{QTI}conditionvar")
        setvar = cond.find(f"{QTI}setvar")
        shown = cond.find(f"{QTI}displayfeedback")
        direct = var.findall(f"{QTI}varequal")
        if setvar is not None and setvar.text == "100":
            right |= {v.text for v in var.iter(f"{QTI}varequal")} - {
                v.text for n in var.iter(f"{QTI}not") for v in n.iter(f"{QTI}varequal")}
        elif shown is not None and len(direct) == 1:
            per_option[direct[0].text] = feedback[shown.get("linkrefid")]
    return labels, right, per_option


def _check_qti_item(q, item: ET.Element) -> None:
    from medialit.quiz.export.qti import CANVAS_TYPES

    assert item.get("title") == q.id
    assert _qti_field(item, "question_type") == CANVAS_TYPES[q.type]
    assert float(_qti_field(item, "points_possible")) == q.points
    stem = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
    assert stem.get("texttype") == "text/html"
    assert _plain(stem.text).startswith(_text(q.prompt))
    general = _qti_feedback(item).get("general_fb", "")
    for text in (q.explanation, q.hint, *(i.feedback for i in q.items)):
        assert _text(text) in general  # QTI 1.2 has no hint or per-item feedback: general feedback
    if q.type in ("single", "multiple", "select-words"):
        labels, right, per_option = _qti_choices(item)
        lid = item.find(f".//{QTI}response_lid")
        assert lid.get("rcardinality") == ("Single" if q.type == "single" else "Multiple")
        texts = dict(labels)
        if q.type == "select-words":
            assert {texts[i] for i in right} == {a.text for a in q.answers}
            return
        assert [t for _, t in labels] == [_text(o.text) for o in q.options]
        assert {texts[i] for i in right} == {_text(o.text) for o in q.options if o.correct}
        assert {texts[i]: fb for i, fb in per_option.items()} == {
            _text(o.text): _text(o.feedback) for o in q.options if o.feedback}
    elif q.type == "numeric":
        assert float(item.find(f".//{QTI}or/{QTI}varequal").text) == q.answer
        assert float(item.find(f".//{QTI}vargte").text) == q.answer - q.tolerance
        assert float(item.find(f".//{QTI}varlte").text) == q.answer + q.tolerance
    elif q.type == "match":
        lids = item.findall(f".//{QTI}response_lid")
        stems = [_plain(lid.find(f"{QTI}material/{QTI}mattext").text) for lid in lids]
        assert stems == [_text(i.text) for i in q.items]
        names = {lab.get("ident"): lab.findtext(f".//{QTI}mattext") for lab in lids[0].iter(f"{QTI}response_label")}
        assert sorted(names.values()) == sorted(q.categories)
        keyed = {v.get("respident"): names[v.text] for v in item.iter(f"{QTI}varequal")}
        assert [keyed[lid.get("ident")] for lid in lids] == [i.answer for i in q.items]
    else:
        assert item.find(f".//{QTI}response_str") is not None


def _qti_order_ok(item: ET.Element) -> bool:
    """QTI 1.2's content model of <item>: itemmetadata?, presentation?, resprocessing*, itemfeedback*."""
    order = {"itemmetadata": 0, "presentation": 1, "resprocessing": 2, "itemfeedback": 3}
    ranks = [order[child.tag.removeprefix(QTI)] for child in item]
    return ranks == sorted(ranks)


@pytest.mark.parametrize("name", BANKS)
def test_qti_package_round_trip(name):
    bank = load_bank(name)
    data = export([bank], "qti")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        hrefs = [f.get("href") for f in manifest.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}file")]
        assert hrefs == [f"{bank.id}/{bank.id}.xml"]
        assert set(zf.namelist()) == {"imsmanifest.xml", *hrefs}
        root = ET.fromstring(zf.read(hrefs[0]))
    assert root.tag == f"{QTI}questestinterop"
    (assessment,) = root.findall(f"{QTI}assessment")
    assert assessment.get("title") == bank.title
    items = assessment.findall(f".//{QTI}item")
    assert len(items) == len(bank.questions)
    assert len({i.get("ident") for i in items}) == len(items)
    for q, item in zip(bank.questions, items, strict=True):
        assert _qti_order_ok(item), q.id
        _check_qti_item(q, item)
    assert qti12_model.check(root, QTI) == []


def test_qti_content_model_check_can_fail():
    root = ET.fromstring(f'<questestinterop xmlns="{QTI[1:-1]}"><assessment ident="a" title="t"><section ident="s">'
                         '<item ident="i"><resprocessing><outcomes><decvar/></outcomes><respcondition>'
                         '<conditionvar><other/></conditionvar></respcondition></resprocessing>'
                         '<presentation/></item></section></assessment></questestinterop>')
    problems = qti12_model.check(root, QTI)
    assert any("<item> children" in p for p in problems)  # presentation after resprocessing
    assert any("<presentation> children" in p for p in problems)  # empty presentation


def test_qti_package_of_every_bank_has_one_assessment_each():
    banks = [load_bank(n) for n in BANKS]
    with zipfile.ZipFile(io.BytesIO(export(banks, "qti"))) as zf:
        assert len(zf.namelist()) == len(banks) + 1
        titles = [ET.fromstring(zf.read(f"{b.id}/{b.id}.xml")).find(f"{QTI}assessment").get("title") for b in banks]
    assert titles == [b.title for b in banks]


# ----------------------------------------------------------------------------- escaping


NASTY = 'Is <b>bold</b> & "quoted" \'x\' a ~hedge~ = {yes} #1: or not?'


def _nasty_bank():
    data = {
        "id": "nasty", "title": "Lesson 9: <odd> & {braces}", "lesson": 9,
        "questions": [
            {"id": "s", "type": "single", "prompt": NASTY, "explanation": "Because: a = b & c < d.",
             "options": [{"text": "a ~ b = c", "correct": True, "feedback": "yes: #1 & <ok>"},
                         {"text": "d: {e}", "feedback": "no = wrong"}]},
            {"id": "m", "type": "match", "prompt": NASTY, "explanation": "x",
             "categories": ["a & b", "c <d>"],
             "items": [{"text": "one: 1 = 1", "answer": "a & b", "feedback": "f # 1"},
                       {"text": "two <2>", "answer": "c <d>"}]},
            {"id": "n", "type": "numeric", "prompt": NASTY, "explanation": "x", "answer": 2.5, "tolerance": 0.5},
        ],
    }
    return parse_bank(yaml.safe_load(yaml.safe_dump(data)))


def test_xml_exports_escape_markup_and_quotes():
    bank = _nasty_bank()
    moodle = ET.fromstring(export([bank], "moodle"))
    single = moodle.find("question[@type='multichoice']")
    assert _plain(single.findtext("questiontext/text")) == _text(NASTY)
    assert "&lt;b&gt;" in single.findtext("questiontext/text")  # the bank's tag stays text, never markup
    answers = [(a.findtext("text"), _plain(a.findtext("feedback/text"))) for a in single.findall("answer")]
    assert answers == [("a ~ b = c", "yes: #1 & <ok>"), ("d: {e}", "no = wrong")]
    with zipfile.ZipFile(io.BytesIO(export([bank], "qti"))) as zf:
        root = ET.fromstring(zf.read("nasty/nasty.xml"))
    assert root.find(f"{QTI}assessment").get("title") == bank.title
    stem = root.find(f".//{QTI}presentation/{QTI}material/{QTI}mattext").text
    assert "&lt;b&gt;" in stem and _plain(stem) == _text(NASTY)
    parsed = moodle_parser.parse_string(export([bank], "moodle"))["multichoice"]
    assert [o.score_fraction for o in parsed[0].options] == [100, 0]


def test_gift_escapes_its_special_characters():
    bank = _nasty_bank()
    text = export([bank], "gift")
    parsed = pygift.parseFile(io.StringIO(text))
    assert len(parsed) == 3
    single, match, numeric = parsed
    assert _gift_unescape(single.text) == NASTY
    assert single.title == "s"
    # pygiftparser reads escaped specials in options and feedback, except an escaped
    # closing brace at the end of an option: its answer pattern stops there (a parser
    # limitation), so that construct is checked on the text itself below.
    first = single.answers.answers[0]
    assert (_gift_unescape(first.answer), first.fraction, _gift_unescape(first.feedback)) == (
        "a ~ b = c", 100, "yes: #1 & <ok>")
    assert r"~d\: \{e\}#no \= wrong" in text
    assert [(_gift_unescape(a.question.strip()), _gift_unescape(a.answer.strip())) for a in match.answers.answers] \
        == [("one: 1 = 1", "a & b"), ("two <2>", "c <d>")]
    assert [(a.value, a.tolerance) for a in numeric.answers.answers] == [(2.5, 0.5)]
    # No unescaped special character is left in any text line of a question.
    for line in text.splitlines():
        if line.startswith("::"):
            stem = line.split("::", 2)[2].rsplit(" {", 1)[0]
            assert not re.search(r"(?<!\\)[~=#{}:]", stem), line


# ----------------------------------------------------------------------------- losses, CLI


def test_losses_name_every_type_and_format():
    from medialit.quiz import QUESTION_TYPES

    for fmt, table in LOSSES.items():
        assert set(QUESTION_TYPES) | {"all"} == set(table), fmt
    lines = losses(load_bank("demo"), "gift")
    assert any(line.startswith("select-words:") for line in lines)


def test_cli_export_writes_each_format(tmp_path, capsys):
    for fmt, name in (("gift", "out.gift"), ("moodle", "out.xml"), ("qti", "out.zip")):
        out = tmp_path / name
        assert main(["quiz", "export", "demo", "lesson03", "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert zipfile.is_zipfile(tmp_path / "out.zip")
    assert main(["quiz", "export", "demo", "--format", "gift"]) == 0
    assert "::single-hedge::" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["quiz", "export", "demo", "--format", "pdf"], "unknown export format 'pdf'"),
        (["quiz", "export", "no-such-bank", "--format", "gift"], "no question bank named 'no-such-bank'"),
        (["quiz", "export", "demo", "--format", "gift", "-o", "/nonexistent-dir/x.gift"], "cannot write"),
    ],
)
def test_cli_export_bad_input_one_line(argv, needle, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err
    assert len(err.strip().splitlines()) == 1


def test_cli_export_help_lists_formats(capsys):
    with pytest.raises(SystemExit):
        main(["quiz", "export", "--help"])
    out = capsys.readouterr().out
    for word in ("qti", "moodle", "gift", "-o", "Canvas", "Blackboard", "BANK"):
        assert word in out


def test_lms_guide_page_matches_the_exporters():
    from pathlib import Path

    from medialit.quiz import QUESTION_TYPES
    from medialit.quiz.export.moodle import MOODLE_TYPES
    from medialit.quiz.export.qti import CANVAS_TYPES

    page = (Path(__file__).resolve().parents[1] / "book" / "instructor" / "lms.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `([a-z-]+)` \|.*$", page, re.M)}
    for kind in QUESTION_TYPES:
        assert f"`{CANVAS_TYPES[kind]}`" in rows[kind], kind
        assert f"`{MOODLE_TYPES[kind]}`" in rows[kind], kind
        assert f"- **{kind}**:" in page, f"the guide does not say what {kind} loses"
    for needed in ("--format qti", "--format moodle", "--format gift", "--format canvas",
                   "Points Possible", "Identify user by", "self-check, not a proctored exam", "mode: exam"):
        assert needed in page, needed


def test_cli_export_qti_default_file_and_stdout(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)
    assert main(["quiz", "export", "demo", "--format", "qti"]) == 0
    assert zipfile.is_zipfile(tmp_path / "demo-qti.zip")
    capsysbinary.readouterr()
    assert main(["quiz", "export", "demo", "--format", "qti", "-o", "-"]) == 0
    data = capsysbinary.readouterr().out
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == ["imsmanifest.xml", "demo/demo.xml"]
