"""select-words questions take their answers from every kind of case-study gold."""

from __future__ import annotations

import json

import medialit
import medialit.quiz as quiz
from medialit.casestudy import datasets_dir


def _question(bank: str, qid: str):
    return next(q for q in quiz.load_bank(bank).questions if q.id == qid)


def test_attribution_gold_gives_the_sources_of_a_paragraph():
    question = _question("lesson05", "sources-paragraph-2")
    doc = medialit.load_case_study()
    paragraph = doc.paragraphs[1]
    gold = json.loads((datasets_dir() / "gold" / "case-study-attribution.json").read_text(encoding="utf-8"))
    expected = sorted(
        s["text"] for s in gold["sources"]
        if paragraph.start <= s["start"] and s["end"] <= paragraph.end and not s.get("optional")
    )
    assert expected, "the gold has sources in paragraph 2"
    assert sorted(a.text for a in question.answers) == expected
    for answer in question.answers:
        assert question.passage[answer.start:answer.end] == answer.text


def test_gold_kind_filter_reads_accepted_types(tmp_path, monkeypatch):
    doc = medialit.load_case_study()
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    start = doc.text.index("Vladimir Putin")
    many = doc.text.index("Many even")
    (gold_dir / "g.json").write_text(json.dumps({"sources": [
        {"start": start, "end": start + 14, "text": "Vladimir Putin", "types": ["named_person"]},
        {"start": many, "end": many + 4, "text": "Many", "types": ["vague"]},
    ]}), encoding="utf-8")
    (tmp_path / "case-study").symlink_to(datasets_dir() / "case-study")
    monkeypatch.setenv("MEDIALIT_DATASETS", str(tmp_path))
    bank = tmp_path / "b.yaml"
    bank.write_text(
        "id: b\ntitle: B\nlesson: 5\nquestions:\n"
        "  - id: q\n    type: select-words\n    prompt: Click\n    explanation: E\n"
        "    case_study_paragraph: 1\n    answer_from_gold: {file: g, kind: named_person}\n",
        encoding="utf-8",
    )
    question = quiz.load_bank(str(bank)).questions[0]
    assert [a.text for a in question.answers] == ["Vladimir Putin"]
