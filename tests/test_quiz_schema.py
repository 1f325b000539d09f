"""Question banks: loading, finding by name, gold answers, and one-line schema errors."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

import medialit.quiz as mq
from medialit.casestudy import datasets_dir
from medialit.quiz.cli import answer_key

REPO_QUIZZES = Path(__file__).resolve().parents[1] / "lessons" / "quizzes"


def demo_data() -> dict:
    return yaml.safe_load((REPO_QUIZZES / "demo.yaml").read_text(encoding="utf-8"))


def write_bank(folder: Path, data: dict, name: str | None = None) -> Path:
    name = name or data.get("id", "bank")
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_demo_bank_has_every_question_type():
    bank = mq.load_bank("demo")
    assert bank.id == "demo" and bank.path == REPO_QUIZZES / "demo.yaml"
    assert set(mq.QUESTION_TYPES) <= {q.type for q in bank.questions}
    assert bank.points == sum(q.points for q in bank.questions if q.type != "reflection")


def test_case_study_paragraph_passage_and_phrase_answers(case_study):
    q = mq.load_bank("demo").question("select-hedges-case-study")
    assert q.passage == case_study.paragraphs[2].text
    assert [a.text for a in q.answers] == ["likely", "probably"]
    assert all(q.passage[a.start:a.end] == a.text for a in q.answers + q.optional)


def test_bank_found_through_environment_first(tmp_path, monkeypatch):
    data = demo_data()
    data["title"] = "Overridden demo"
    write_bank(tmp_path, data)
    monkeypatch.setenv("MEDIALIT_QUIZZES", str(tmp_path))
    assert mq.load_bank("demo").title == "Overridden demo"
    assert "demo" in mq.bank_names()


def test_missing_bank_names_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_QUIZZES", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="no question bank named 'lesson99'.*banks found:.*demo"):
        mq.load_bank("lesson99")


def test_answers_from_gold_take_required_spans_inside_the_paragraph(tmp_path, monkeypatch, case_study):
    para = case_study.paragraphs[2]
    likely = case_study.text.index("likely", para.start)
    probably = case_study.text.index("probably", para.start)
    indeed = case_study.text.index("indeed", para.start)
    elsewhere = case_study.text.index("considered")  # paragraph 0: outside the passage
    spans = [
        {"start": likely, "end": likely + 6, "text": "likely", "kind": "hedge", "optional": False},
        {"start": probably, "end": probably + 8, "text": "probably", "kind": "hedge"},
        {"start": indeed, "end": indeed + 6, "text": "indeed", "kind": "booster"},
        {"start": elsewhere, "end": elsewhere + 10, "text": "considered", "kind": "hedge"},
        {"start": para.start + 3, "end": para.start + 7, "text": "you ", "kind": "hedge", "optional": True},
    ]
    data_root = tmp_path / "datasets"
    (data_root / "gold").mkdir(parents=True)
    (data_root / "case-study").symlink_to(datasets_dir() / "case-study")
    (data_root / "gold" / "stance-test.json").write_text(json.dumps({"spans": spans}), encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_DATASETS", str(data_root))
    data = {"id": "goldbank", "title": "Gold", "lesson": 3, "questions": [{
        "id": "g1", "type": "select-words", "prompt": "Click every hedge.", "explanation": "x",
        "case_study_paragraph": 2, "answer_from_gold": {"file": "stance-test", "kind": "hedge"},
    }]}
    q = mq.load_bank(write_bank(tmp_path, data)).question("g1")
    assert [a.text for a in q.answers] == ["likely", "probably"]
    assert [a.text for a in q.optional] == ["you "]
    assert "datasets/gold/stance-test.json, kind hedge" in q.passage_source
    key = answer_key(mq.load_bank(tmp_path / "goldbank.yaml"))
    assert "[[likely]]" in key and "[[probably]]" in key and "stance-test.json" in key


def _mutate(path_fn):
    data = demo_data()
    path_fn(data)
    return data


def q_by_id(data, qid):
    return next(q for q in data["questions"] if q["id"] == qid)


# (mutation, question id expected in the message, field expected, words of the problem)
ERROR_CASES = [
    (lambda d: q_by_id(d, "single-hedge")["options"][1].update(correct=True),
     "single-hedge", "options", "exactly one option"),
    (lambda d: q_by_id(d, "single-hedge").pop("prompt"), "single-hedge", "prompt", "missing"),
    (lambda d: q_by_id(d, "single-hedge").pop("explanation"), "single-hedge", "explanation", "missing"),
    (lambda d: q_by_id(d, "single-hedge").update(type="essay"), "single-hedge", "type", "not one of"),
    (lambda d: q_by_id(d, "single-hedge").update(optoins=[]), "single-hedge", "optoins", "unknown"),
    (lambda d: q_by_id(d, "single-hedge").update(points=-1), "single-hedge", "points", "at least 0"),
    (lambda d: q_by_id(d, "single-hedge")["options"][0].update(correct="yes"),
     "single-hedge", "options[0].correct", "true or false"),
    (lambda d: q_by_id(d, "multiple-checks")["options"][0].update(correct=False) or
     q_by_id(d, "multiple-checks")["options"][1].update(correct=False),
     "multiple-checks", "options", "at least one option"),
    (lambda d: q_by_id(d, "numeric-paragraphs").update(answer="fourteen"),
     "numeric-paragraphs", "answer", "expected a number"),
    (lambda d: q_by_id(d, "numeric-paragraphs").update(tolerance=-2),
     "numeric-paragraphs", "tolerance", "at least 0"),
    (lambda d: q_by_id(d, "select-hedges-case-study").update(case_study_paragraph=99),
     "select-hedges-case-study", "case_study_paragraph", "out of range"),
    (lambda d: q_by_id(d, "select-hedges-case-study").update(answers=["definitely not here"]),
     "select-hedges-case-study", "answers[0]", "does not occur"),
    (lambda d: q_by_id(d, "select-boosters").update(case_study_paragraph=1),
     "select-boosters", "text", "exactly one of"),
    (lambda d: q_by_id(d, "select-boosters").update(answer_from_gold={"file": "x"}),
     "select-boosters", "answers", "exactly one of"),
    (lambda d: q_by_id(d, "match-sources")["items"][0].update(answer="rumour"),
     "match-sources", "items[0].answer", "not one of the categories"),
    (lambda d: q_by_id(d, "match-sources").update(categories=["only one"]),
     "match-sources", "categories", "at least 2"),
    (lambda d: q_by_id(d, "reflection-first-reading").update(points=3),
     "reflection-first-reading", "points", "not graded"),
    (lambda d: q_by_id(d, "match-sources").update(tags={"lesson": "four"}),
     "match-sources", "tags.lesson", "lesson number"),
    (lambda d: d["questions"][1].update(id="single-hedge"), "single-hedge", "id", "unique"),
]


@pytest.mark.parametrize("mutate, qid, field, problem", ERROR_CASES)
def test_schema_errors_name_file_question_and_field(tmp_path, mutate, qid, field, problem):
    data = copy.deepcopy(demo_data())
    mutate(data)
    path = write_bank(tmp_path, data)
    with pytest.raises(mq.BankError) as info:
        mq.load_bank(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("demo.yaml: ")
    assert f"question '{qid}'" in message
    assert f"field '{field}'" in message
    assert problem in message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("id: demo\ntitle: [unclosed\n", "line"),
        ("- just\n- a list\n", "expected a mapping"),
        ("id: other\ntitle: T\nlesson: 1\nquestions: []\n", "must equal the file name"),
        ("id: demo\ntitle: T\nlesson: one\nquestions: []\n", "field 'lesson'"),
        ("id: demo\ntitle: T\nlesson: 1\nquestions: []\n", "non-empty list"),
        ("id: demo\ntitle: T\nlesson: 1\nextra: 2\nquestions: []\n", "field 'extra': unknown"),
    ],
)
def test_top_level_errors_are_one_line(tmp_path, text, expected):
    path = tmp_path / "demo.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(mq.BankError, match=expected) as info:
        mq.load_bank(path)
    assert "\n" not in str(info.value) and str(info.value).startswith("demo.yaml")


def test_non_utf8_bank_is_a_clear_error(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_bytes("id: demo\ntitle: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(mq.BankError, match="not UTF-8"):
        mq.load_bank(path)


def test_yaml_is_loaded_safely(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text("id: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    with pytest.raises(mq.BankError, match="YAML"):
        mq.load_bank(path)


@pytest.mark.parametrize("path", sorted(REPO_QUIZZES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_course_bank_validates(path):
    try:
        bank = mq.load_bank(path)
    except mq.BankError as exc:
        if "gold file not found" in str(exc):
            pytest.skip(f"{exc} (the gold annotations have not landed yet)")
        raise
    assert bank.questions
    assert answer_key(bank, "md").startswith(f"# Answer key: {bank.title}")
