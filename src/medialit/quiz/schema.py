"""Question banks: find, read (``yaml.safe_load``) and validate ``lessons/quizzes/<name>.yaml``.

The schema is documented in ``lessons/quizzes/README.md``. Every problem raises
:class:`BankError` (a ``ValueError``) with one line naming the file, the
question id, the field and what to fix.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "QUESTION_TYPES",
    "QUIZ_MODES",
    "Bank",
    "BankError",
    "MatchItem",
    "Option",
    "Question",
    "Word",
    "bank_names",
    "find_bank",
    "load_bank",
    "parse_bank",
    "quizzes_dir",
    "word_spans",
]

QUESTION_TYPES = ("single", "multiple", "numeric", "select-words", "match", "reflection")
#: ``practice`` shows feedback on every Check; ``exam`` records answers and shows feedback only after Submit.
QUIZ_MODES = ("practice", "exam")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_COMMON = {"id", "type", "prompt", "hint", "explanation", "points", "tags"}
_SPECIFIC = {
    "single": {"options"},
    "multiple": {"options"},
    "numeric": {"answer", "tolerance", "unit"},
    "select-words": {"text", "case_study_paragraph", "answers", "answer_from_gold", "optional"},
    "match": {"categories", "items"},
    "reflection": {"placeholder", "min_words"},
}


class BankError(ValueError):
    """A question bank that cannot be used; the message is one line saying what to fix.

    ``errors`` lists every problem found in the bank (one line each); the
    message is the first, with a count of the others.
    """

    def __init__(self, message: str, errors: list[str] | None = None):
        self.errors = list(errors) if errors else [message]
        if len(self.errors) > 1:
            message = f"{self.errors[0]} (and {len(self.errors) - 1} more error(s): run medialit quiz check)"
        super().__init__(message)


#: Control characters refused in a bank's text (tab, newline and carriage return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Largest number accepted in a bank (points, answers, tolerances): far beyond any real quiz.
_MAX_NUMBER = 1e15
#: Largest bank file read: 2 MB (the course's banks are a few KB each).
MAX_BANK_BYTES = 2_000_000


@dataclass(frozen=True)
class Option:
    """One choice of a ``single`` or ``multiple`` question."""

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class MatchItem:
    """One item of a ``match`` question and the category it belongs to."""

    text: str
    answer: str
    feedback: str = ""


@dataclass(frozen=True)
class Word:
    """A clickable word of a ``select-words`` passage; offsets index the passage."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AnswerSpan:
    """An answer (or optional) span of a ``select-words`` passage; offsets index the passage."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Question:
    """One validated question. Fields unused by its ``type`` keep their defaults."""

    id: str
    type: str
    prompt: str
    explanation: str = ""
    hint: str = ""
    points: float = 1.0
    tags: dict = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    passage: str = ""
    passage_source: str = ""
    answers: tuple[AnswerSpan, ...] = ()
    optional: tuple[AnswerSpan, ...] = ()
    categories: tuple[str, ...] = ()
    items: tuple[MatchItem, ...] = ()
    placeholder: str = ""
    min_words: int = 0

    @property
    def graded(self) -> bool:
        """False for ``reflection`` questions (saved, never scored)."""
        return self.type != "reflection"

    @property
    def words(self) -> list[Word]:
        """The clickable words of a ``select-words`` passage, in order."""
        return word_spans(self.passage)


@dataclass(frozen=True)
class Bank:
    """A validated question bank."""

    id: str
    title: str
    lesson: int
    questions: tuple[Question, ...]
    description: str = ""
    path: Path | None = None
    mode: str = "practice"

    def question(self, question_id: str) -> Question:
        """The question with this id (``KeyError`` naming the known ids if absent)."""
        for q in self.questions:
            if q.id == question_id:
                return q
        known = ", ".join(q.id for q in self.questions)
        raise KeyError(f"bank {self.id!r} has no question {question_id!r} (it has: {known})")

    @property
    def points(self) -> float:
        """Points available in the whole bank."""
        return sum(q.points for q in self.questions if q.graded)


def word_spans(passage: str) -> list[Word]:
    """The words of ``passage`` a student can click (letters, digits, inner apostrophes and hyphens)."""
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(passage)]


# ----------------------------------------------------------------------------- finding banks


def _repo_quizzes_dir() -> Path | None:
    from ..locations import course_path

    return course_path("lessons", "quizzes")


def quizzes_dir() -> Path | None:
    """The course's ``lessons/quizzes`` folder (found by walking up from the package), or None."""
    return _repo_quizzes_dir()


def _search_dirs() -> list[Path]:
    dirs = []
    env = os.environ.get("MEDIALIT_QUIZZES")
    if env:
        dirs.append(Path(env))
    repo = _repo_quizzes_dir()
    if repo is not None:
        dirs.append(repo)
    return dirs


def bank_names() -> list[str]:
    """Names of every bank that :func:`load_bank` can find by name, sorted."""
    names: set[str] = set()
    for d in _search_dirs():
        if d.is_dir():
            names.update(p.stem for p in d.glob("*.yaml"))
    return sorted(names)


def find_bank(name_or_path: str | os.PathLike) -> Path:
    """The file of a bank given by name (``"lesson03"``) or by path.

    A name is looked up in ``$MEDIALIT_QUIZZES`` first, then in the course's
    ``lessons/quizzes/`` folder.
    """
    text = os.fspath(name_or_path)
    path = Path(text)
    if path.suffix in (".yaml", ".yml") or os.sep in text or "/" in text:
        if not path.is_file():
            raise FileNotFoundError(f"question bank file not found: {path}")
        return path
    dirs = _search_dirs()
    for d in dirs:
        for suffix in (".yaml", ".yml"):
            candidate = d / f"{text}{suffix}"
            if candidate.is_file():
                return candidate
    where = ", ".join(str(d) for d in dirs) or "nowhere (set MEDIALIT_QUIZZES)"
    known = ", ".join(bank_names()) or "none"
    raise FileNotFoundError(f"no question bank named {text!r} in {where} (banks found: {known})")


# ----------------------------------------------------------------------------- validation


class _Checker:
    """Raises one-line errors naming the file, question and field."""

    def __init__(self, fname: str):
        self.fname = fname

    def fail(self, qid: str | None, fld: str | None, problem: str) -> BankError:
        where = [self.fname]
        if qid is not None:
            where.append(f"question {qid!r}")
        if fld is not None:
            where.append(f"field {fld!r}")
        return BankError(": ".join(where + [problem]))

    def text(self, data: dict, key: str, qid: str | None, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(qid, key, "missing: add it")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(qid, key, f"expected text, got {type(value).__name__}")
        value = str(value)
        if required and not value.strip():
            raise self.fail(qid, key, "is empty")
        bad = _CONTROL.search(value)
        if bad:
            raise self.fail(qid, key, f"contains the control character U+{ord(bad.group()):04X}: remove it")
        return value

    def number(self, data: dict, key: str, qid: str | None, default: float | None = None,
               minimum: float | None = None) -> float | None:
        value = data.get(key)
        if value is None:
            if default is None:
                raise self.fail(qid, key, "missing: add a number")
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(qid, key, f"expected a number, got {type(value).__name__}")
        if isinstance(value, int) and abs(value) > _MAX_NUMBER:
            raise self.fail(qid, key, f"a number of {len(str(abs(value)))} digits is too large: use a smaller one")
        if not math.isfinite(value) or abs(value) > _MAX_NUMBER:
            raise self.fail(qid, key, f"expected a number no larger than {_MAX_NUMBER:g}, got {value!r}")
        if minimum is not None and value < minimum:
            raise self.fail(qid, key, f"must be at least {minimum:g}, got {value!r}")
        return float(value)

    def entry(self, item: Any, qid: str, fld: str, fields: tuple[str, ...]) -> dict:
        """One list entry: a mapping with no fields beyond ``fields``."""
        if not isinstance(item, dict):
            raise self.fail(qid, fld, f"expected a mapping with {', '.join(fields)}")
        unknown = set(item) - set(fields)
        if unknown:
            raise self.fail(qid, fld, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")
        return item

    def items_list(self, data: dict, key: str, qid: str, at_least: int) -> list:
        value = data.get(key)
        if value is None:
            raise self.fail(qid, key, "missing: add a list")
        if not isinstance(value, list):
            raise self.fail(qid, key, f"expected a list, got {type(value).__name__}")
        if len(value) < at_least:
            raise self.fail(qid, key, f"needs at least {at_least} entries, got {len(value)}")
        return value


def _options(c: _Checker, data: dict, qid: str, kind: str) -> tuple[Option, ...]:
    raw = c.items_list(data, "options", qid, 2)
    options = []
    for i, opt in enumerate(raw):
        fld = f"options[{i}]"
        opt = c.entry(opt, qid, fld, ("text", "correct", "feedback"))
        correct = opt.get("correct", False)
        if not isinstance(correct, bool):
            raise c.fail(qid, f"{fld}.correct", f"expected true or false, got {correct!r}")
        options.append(Option(c.text(opt, "text", qid), correct, c.text(opt, "feedback", qid, False)))
    n_correct = sum(o.correct for o in options)
    if kind == "single" and n_correct != 1:
        raise c.fail(qid, "options", f"exactly one option must have correct: true (found {n_correct})")
    if kind == "multiple" and n_correct < 1:
        raise c.fail(qid, "options", "at least one option must have correct: true")
    texts = [o.text for o in options]
    if len(set(texts)) != len(texts):
        raise c.fail(qid, "options", "two options have the same text")
    return tuple(options)


@lru_cache(maxsize=2)
def _case_study_cached(key: str):
    from ..casestudy import load_case_study

    return load_case_study()


def _case_study():
    from ..casestudy import datasets_dir

    try:
        key = str(datasets_dir())
    except FileNotFoundError:
        key = ""
    return _case_study_cached(key)


def _phrase_spans(c: _Checker, passage: str, entries: Any, qid: str, fld: str) -> list[AnswerSpan]:
    if not isinstance(entries, list):
        raise c.fail(qid, fld, "expected a list of phrases or {start, end} offsets")
    spans: list[AnswerSpan] = []
    for i, entry in enumerate(entries):
        where = f"{fld}[{i}]"
        if isinstance(entry, dict):
            s, e = entry.get("start"), entry.get("end")
            if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
                raise c.fail(qid, where, "expected a phrase or {start: N, end: M}")
            if not 0 <= s < e <= len(passage):
                raise c.fail(qid, where, f"offsets {s}-{e} fall outside the passage (length {len(passage)})")
            spans.append(AnswerSpan(s, e, passage[s:e]))
            continue
        if isinstance(entry, bool) or not isinstance(entry, (str, int, float)) or not str(entry).strip():
            raise c.fail(qid, where, f"expected a phrase from the passage, got {entry!r}")
        phrase = str(entry).strip()
        pattern = (r"(?<!\w)" if phrase[0].isalnum() else "") + re.escape(phrase)
        pattern += r"(?!\w)" if phrase[-1].isalnum() else ""
        found = [AnswerSpan(m.start(), m.end(), m.group()) for m in re.finditer(pattern, passage)]
        if not found:
            raise c.fail(qid, where, f"phrase {phrase!r} does not occur in the passage")
        spans.extend(found)
    return spans


def _gold_spans(c: _Checker, spec: Any, qid: str, p_start: int, p_end: int) -> tuple[list, list, str]:
    fld = "answer_from_gold"
    if not isinstance(spec, dict) or "file" not in spec or set(spec) - {"file", "kind"}:
        raise c.fail(qid, fld, "expected {file: NAME, kind: KIND} (kind optional)")
    from ..casestudy import datasets_dir

    name = str(spec["file"])
    if not _ID.match(name.removesuffix(".json")):
        raise c.fail(qid, f"{fld}.file", f"expected a file name in datasets/gold/, got {name!r}")
    try:
        path = datasets_dir() / "gold" / (name if name.endswith(".json") else f"{name}.json")
    except FileNotFoundError as exc:
        raise c.fail(qid, f"{fld}.file", str(exc)) from None
    if not path.is_file():
        raise c.fail(qid, f"{fld}.file", f"gold file not found: {path}")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise c.fail(qid, f"{fld}.file", f"{path.name} is not valid JSON ({exc})") from None
    # Stance and claims gold list "spans"; attribution gold lists "sources" (each with "types").
    raw = None
    if isinstance(gold, dict):
        raw = gold.get("spans", gold.get("sources"))
    if not isinstance(raw, list):
        raise c.fail(qid, f"{fld}.file", f"{path.name} has no top-level 'spans' or 'sources' list")
    kind = spec.get("kind")
    required, optional = [], []
    for span in raw:
        if not isinstance(span, dict) or not isinstance(span.get("start"), int) or not isinstance(
            span.get("end"), int
        ):
            continue
        labels = {span.get("kind"), span.get("source_type"), *(span.get("types") or [])}
        if kind is not None and kind not in labels:
            continue
        s, e = span["start"], span["end"]
        if s >= p_start and e <= p_end and s < e:
            (optional if span.get("optional") else required).append((s - p_start, e - p_start))
    label = f"datasets/gold/{path.name}" + (f", kind {kind}" if kind else "")
    return required, optional, label


def _passage(c: _Checker, data: dict, qid: str) -> tuple[str, int, int, str]:
    """The passage of a select-words question: (text, start, end in the case study, where it comes from)."""
    has_text, has_par = "text" in data, "case_study_paragraph" in data
    if has_text == has_par:
        raise c.fail(qid, "text", "give exactly one of text: (a passage) or case_study_paragraph: N")
    if has_text:
        return c.text(data, "text", qid), 0, 0, "the passage given in the bank"
    n = data["case_study_paragraph"]
    if isinstance(n, bool) or not isinstance(n, int):
        raise c.fail(qid, "case_study_paragraph", f"expected a 0-based paragraph number, got {n!r}")
    try:
        doc = _case_study()
    except (FileNotFoundError, ValueError) as exc:
        raise c.fail(qid, "case_study_paragraph", f"cannot load the case study ({exc})") from None
    if not 0 <= n < len(doc.paragraphs):
        raise c.fail(qid, "case_study_paragraph",
                     f"{n} is out of range: the case study has paragraphs 0-{len(doc.paragraphs) - 1}")
    para = doc.paragraphs[n]
    return para.text, para.start, para.end, f"case-study paragraph {n}"


def _select_words(c: _Checker, data: dict, qid: str) -> dict:
    passage, p_start, p_end, source = _passage(c, data, qid)
    has_par = "case_study_paragraph" in data
    if ("answers" in data) == ("answer_from_gold" in data):
        raise c.fail(qid, "answers", "give exactly one of answers: [...] or answer_from_gold: {...}")
    if "answers" in data:
        answers = _phrase_spans(c, passage, data["answers"], qid, "answers")
        optional = _phrase_spans(c, passage, data.get("optional", []), qid, "optional")
    else:
        if not has_par:
            raise c.fail(qid, "answer_from_gold", "needs case_study_paragraph: N (gold offsets index the case study)")
        req, opt, label = _gold_spans(c, data["answer_from_gold"], qid, p_start, p_end)
        answers = [AnswerSpan(s, e, passage[s:e]) for s, e in req]
        optional = [AnswerSpan(s, e, passage[s:e]) for s, e in opt]
        if "optional" in data:
            optional += _phrase_spans(c, passage, data["optional"], qid, "optional")
        source += f"; answers from {label}"
    answers = sorted(set(answers), key=lambda a: (a.start, a.end))
    if not answers:
        raise c.fail(qid, "answers", "no answer spans inside the passage")
    words = word_spans(passage)
    for a in answers:
        if not any(w.start < a.end and a.start < w.end for w in words):
            raise c.fail(qid, "answers", f"answer {a.text!r} contains no clickable word")
    return {
        "passage": passage,
        "passage_source": source,
        "answers": tuple(answers),
        "optional": tuple(sorted(set(optional), key=lambda a: (a.start, a.end))),
    }


def _match(c: _Checker, data: dict, qid: str) -> dict:
    cats_raw = c.items_list(data, "categories", qid, 2)
    cats = []
    for i, cat in enumerate(cats_raw):
        if isinstance(cat, bool) or not isinstance(cat, (str, int, float)) or not str(cat).strip():
            raise c.fail(qid, f"categories[{i}]", f"expected a category name, got {cat!r}")
        cats.append(str(cat))
    if len(set(cats)) != len(cats):
        raise c.fail(qid, "categories", "two categories have the same name")
    items = []
    for i, item in enumerate(c.items_list(data, "items", qid, 1)):
        fld = f"items[{i}]"
        item = c.entry(item, qid, fld, ("text", "answer", "feedback"))
        answer = c.text(item, "answer", qid)
        if answer not in cats:
            raise c.fail(qid, f"{fld}.answer", f"{answer!r} is not one of the categories {cats}")
        items.append(MatchItem(c.text(item, "text", qid), answer, c.text(item, "feedback", qid, False)))
    return {"categories": tuple(cats), "items": tuple(items)}


def _question_id(c: _Checker, data: Any, index: int) -> str:
    if not isinstance(data, dict):
        raise c.fail(None, f"questions[{index}]", "expected a mapping (id, type, prompt, ...)")
    qid_raw = data.get("id")
    if not isinstance(qid_raw, str):
        got = "nothing" if qid_raw is None else f"{qid_raw!r}, a {type(qid_raw).__name__}"
        raise c.fail(f"#{index + 1}", "id", f"expected text, got {got}: put the id in quotes, e.g. id: \"yes\"")
    if not _ID.match(qid_raw):
        raise c.fail(f"#{index + 1}", "id", f"{qid_raw!r} is not letters/digits/-/_")
    return qid_raw


def _tags(c: _Checker, data: dict, qid: str, lesson: int) -> dict[str, Any]:
    tags = data.get("tags") or {}
    if not isinstance(tags, dict):
        raise c.fail(qid, "tags", "expected a mapping like {lesson: 3, skill: hedging}")
    extra_tags = sorted(map(str, set(tags) - {"lesson", "skill"}))
    if extra_tags:
        raise c.fail(qid, "tags", f"unknown tag(s) {', '.join(extra_tags)}: use lesson and skill")
    tag_lesson = tags.get("lesson", lesson)
    if isinstance(tag_lesson, bool) or not isinstance(tag_lesson, int):
        raise c.fail(qid, "tags.lesson", f"expected a lesson number, got {tag_lesson!r}")
    return {"lesson": tag_lesson, "skill": str(tags.get("skill", ""))}


def _kind_fields(c: _Checker, data: dict, qid: str, kind: str) -> dict[str, Any]:
    """The fields particular to one question type (points included)."""
    fields: dict[str, Any] = {}
    if kind == "reflection":
        if data.get("points") not in (None, 0):
            raise c.fail(qid, "points", "reflection questions are not graded: remove points")
        fields["points"] = 0.0
        fields["placeholder"] = c.text(data, "placeholder", qid, required=False)
        fields["min_words"] = int(c.number(data, "min_words", qid, default=0.0, minimum=0) or 0)
    else:
        fields["points"] = c.number(data, "points", qid, default=1.0, minimum=0)
    if kind in ("single", "multiple"):
        fields["options"] = _options(c, data, qid, kind)
    elif kind == "numeric":
        fields["answer"] = c.number(data, "answer", qid)
        fields["tolerance"] = c.number(data, "tolerance", qid, default=0.0, minimum=0)
        fields["unit"] = c.text(data, "unit", qid, required=False)
    elif kind == "select-words":
        fields.update(_select_words(c, data, qid))
    elif kind == "match":
        fields.update(_match(c, data, qid))
    return fields


def _question(c: _Checker, data: Any, index: int, lesson: int) -> Question:
    qid = _question_id(c, data, index)
    kind = data.get("type")
    if kind not in QUESTION_TYPES:
        raise c.fail(qid, "type", f"{kind!r} is not one of {', '.join(QUESTION_TYPES)}")
    unknown = set(data) - _COMMON - _SPECIFIC[kind]
    if unknown:
        raise c.fail(qid, sorted(map(str, unknown))[0], f"unknown for a {kind} question")
    tags = _tags(c, data, qid, lesson)
    fields: dict[str, Any] = {
        "id": qid,
        "type": kind,
        "prompt": c.text(data, "prompt", qid),
        "hint": c.text(data, "hint", qid, required=False),
        "explanation": c.text(data, "explanation", qid, required=kind != "reflection"),
        "tags": tags,
    }
    fields.update(_kind_fields(c, data, qid, kind))
    return Question(**fields)


def _questions(c: _Checker, raw_questions: list, lesson: int) -> tuple[Question, ...]:
    """Every question validated; all their errors raised together (one line each in ``errors``)."""
    questions = []
    errors: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_questions):
        try:
            q = _question(c, raw, i, lesson)
            if q.id in seen:
                raise c.fail(q.id, "id", "used by two questions: ids must be unique in a bank")
        except BankError as exc:
            errors.extend(exc.errors)
            continue
        seen.add(q.id)
        questions.append(q)
    if errors:
        raise BankError(errors[0], errors)
    return tuple(questions)


def parse_bank(data: Any, fname: str = "<bank>", path: Path | None = None) -> Bank:
    """Validate already-parsed YAML ``data`` and return a :class:`Bank`.

    ``fname`` names the bank in error messages; when ``path`` is given, the
    bank's ``id`` must equal the file name without ``.yaml``.
    """
    c = _Checker(fname)
    if not isinstance(data, dict):
        raise c.fail(None, None, "expected a mapping with id, title, lesson and questions at the top")
    unknown = set(data) - {"id", "title", "lesson", "description", "questions", "mode"}
    if unknown:
        raise c.fail(None, sorted(map(str, unknown))[0], "unknown top-level field")
    bank_id = c.text(data, "id", None)
    if not _ID.match(bank_id):
        raise c.fail(None, "id", f"{bank_id!r} must be letters, digits, - and _")
    if path is not None and bank_id != path.stem:
        raise c.fail(None, "id", f"{bank_id!r} must equal the file name {path.stem!r}")
    lesson = data.get("lesson")
    if isinstance(lesson, bool) or not isinstance(lesson, int):
        raise c.fail(None, "lesson", f"expected a lesson number, got {lesson!r}")
    mode = data.get("mode", "practice")
    if mode not in QUIZ_MODES:
        raise c.fail(None, "mode", f"{mode!r} is not one of {', '.join(QUIZ_MODES)}")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise c.fail(None, "questions", "expected a non-empty list of questions")
    questions = _questions(c, raw_questions, lesson)
    return Bank(
        id=bank_id,
        title=c.text(data, "title", None),
        lesson=lesson,
        questions=tuple(questions),
        description=c.text(data, "description", None, required=False),
        path=path,
        mode=mode,
    )


_CACHE: dict[tuple[str, float, str], Bank] = {}


def _read_bank_text(path: Path) -> str:
    from ..errors import read_limited

    try:
        return read_limited(path, path.name, MAX_BANK_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BankError(f"{path.name}: not UTF-8 text (byte {exc.start}): save the file as UTF-8") from None
    except ValueError as exc:
        raise BankError(str(exc)) from None


@lru_cache(maxsize=1)
def _loader() -> type:
    """``yaml.SafeLoader`` that refuses anchors and aliases (``&name``/``*name``).

    Aliases let a few lines expand into gigabytes (a "billion laughs" bank);
    a question bank never needs them, so they are refused as soon as they are
    read, before anything is built.
    """
    import yaml

    class BankLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):  # noqa: ANN001, ANN201 (PyYAML's signature)
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise yaml.composer.ComposerError(
                    None, None, "anchors and aliases (&name, *name) are not allowed in a question bank: "
                    "write the text out in full", event.start_mark)
            return super().compose_node(parent, index)

    return BankLoader


def _safe_load(raw: str, name: str) -> Any:
    """``yaml.safe_load`` without anchors or aliases; every failure is a one-line BankError."""
    import yaml

    try:
        return yaml.load(raw, Loader=_loader())  # noqa: S506 (a SafeLoader subclass)
    except RecursionError:
        raise BankError(f"{name}: nested too deeply to be a question bank") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}: line {mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BankError(f"{where}: YAML syntax error: {problem}") from None


def load_bank(name_or_path: str | os.PathLike | Bank) -> Bank:
    """Load and validate a question bank by name (``"lesson03"``) or path.

    Names are looked up in ``$MEDIALIT_QUIZZES`` and then ``lessons/quizzes/``.
    Raises :class:`BankError` (one line: file, question, field, problem) or
    ``FileNotFoundError``. Banks are cached until their file changes.
    """
    if isinstance(name_or_path, Bank):
        return name_or_path
    path = find_bank(name_or_path)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime, os.environ.get("MEDIALIT_DATASETS", ""))
    if key in _CACHE:
        return _CACHE[key]
    raw = _read_bank_text(path)
    data = _safe_load(raw, path.name)
    try:
        bank = parse_bank(data, path.name, path)
    except (OverflowError, RecursionError, MemoryError) as exc:
        raise BankError(f"{path.name}: cannot be checked ({type(exc).__name__}): simplify the bank") from None
    _CACHE[key] = bank
    return bank
