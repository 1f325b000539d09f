"""Instructor tools behind ``medialit quiz check|key`` and ``medialit progress report``.

Called by :mod:`medialit.cli`, which only parses arguments.
"""

from __future__ import annotations

import argparse
import html
import sys
import warnings
from pathlib import Path
from typing import TextIO

from . import markdown
from .gradebook import StudentRow, canvas_table, csv_table, moodle_table, write_csv
from .grading import grade
from .progress import ProgressWarning, bank_score, load_progress
from .schema import Bank, BankError, Question, bank_names, find_bank, load_bank

__all__ = ["answer_key", "gradebook", "gradebook_rows", "run", "run_progress"]


# ----------------------------------------------------------------------------- quiz check


def _check(names: list[str], out: TextIO) -> int:
    targets = names or bank_names()
    if not targets:
        raise FileNotFoundError("no question banks found: pass bank files, or set MEDIALIT_QUIZZES")
    failures = 0
    for name in targets:
        try:
            bank = load_bank(name)
        except (ValueError, OSError) as exc:  # BankError (every error of the bank), a missing file
            failures += 1
            for problem in exc.errors if isinstance(exc, BankError) else [str(exc)]:
                print(f"medialit: error: {problem}", file=sys.stderr)
            continue
        label = bank.path.name if bank.path else bank.id
        print(f"ok {label}: {len(bank.questions)} questions, {bank.points:g} points", file=out)
    if failures:
        print(f"{failures} of {len(targets)} bank(s) have errors", file=sys.stderr)
        return 2
    return 0


# ----------------------------------------------------------------------------- answer key


def _marked_passage(q: Question, fmt: str) -> str:
    """The passage with answers marked [[like this]] (md) or <mark> (html), optional ones ((so))."""
    marks = sorted([(a.start, a.end, "answer") for a in q.answers]
                   + [(a.start, a.end, "optional") for a in q.optional])
    out, pos = [], 0
    for start, end, kind in marks:
        if start < pos:
            continue
        text = q.passage[start:end]
        if fmt == "md":
            out.append(q.passage[pos:start])
            out.append(f"[[{text}]]" if kind == "answer" else f"(({text}))")
        else:
            out.append(html.escape(q.passage[pos:start]))
            label = "answer" if kind == "answer" else "optional"
            out.append(f'<mark class="{label}">{html.escape(text)}<sup>{label}</sup></mark>')
        pos = end
    out.append(q.passage[pos:] if fmt == "md" else html.escape(q.passage[pos:]))
    return "".join(out)


def _md(text: object) -> str:
    """Bank text for the Markdown key: its raw HTML shown as text, never as markup."""
    return html.escape(str(text), quote=False)


def _cell(text: object) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ")


def _key_lines_md(q: Question) -> list[str]:
    lines: list[str] = []
    if q.type in ("single", "multiple"):
        for o in q.options:
            mark = "[x]" if o.correct else "[ ]"
            fb = f" (feedback: {_md(o.feedback)})" if o.feedback else ""
            lines.append(f"- {mark} {_md(o.text)}{fb}")
        if q.type == "multiple":
            lines.append("")
            lines.append("Partial credit: (right ticked - wrong ticked) / right options, at least 0.")
    elif q.type == "numeric":
        tol = f" (accepted within ± {q.tolerance:g})" if q.tolerance else ""
        lines.append(f"**Answer:** {q.answer:g} {_md(q.unit)}".rstrip() + tol)
    elif q.type == "select-words":
        lines.append(f"Passage ({_md(q.passage_source)}); answers in [[double brackets]], "
                     "optional spans in ((double parentheses)):")
        lines.append("")
        lines.append("> " + _md(_marked_passage(q, "md")))
        lines.append("")
        for a in q.answers:
            lines.append(f"- answer: {_md(repr(a.text))} (passage offsets {a.start}-{a.end})")
        for a in q.optional:
            lines.append(f"- optional: {_md(repr(a.text))} (passage offsets {a.start}-{a.end})")
    elif q.type == "match":
        lines.append("| item | category | feedback |")
        lines.append("|---|---|---|")
        for item in q.items:
            lines.append(f"| {_cell(item.text)} | {_cell(item.answer)} | {_cell(item.feedback)} |")
    else:
        lines.append("Free text, not graded (saved in the student's progress file).")
    return lines


def _answer_key_md(bank: Bank) -> str:
    lines = [f"# Answer key: {_md(bank.title)}", "",
             f"Bank `{bank.id}` (lesson {bank.lesson}), {len(bank.questions)} questions, "
             f"{bank.points:g} points.", ""]
    for n, q in enumerate(bank.questions, 1):
        points = "not graded" if not q.graded else f"{q.points:g} point" + ("" if q.points == 1 else "s")
        skill = f", skill: {_md(q.tags.get('skill'))}" if q.tags.get("skill") else ""
        lines += [f"## {n}. `{q.id}` ({q.type}, {points}{skill})", "", _md(q.prompt.strip()), ""]
        lines += _key_lines_md(q)
        lines.append("")
        if q.hint:
            lines += [f"**Hint:** {_md(q.hint.strip())}", ""]
        if q.explanation:
            lines += [f"**Explanation:** {_md(q.explanation.strip())}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _answer_key_html(bank: Bank) -> str:
    e = html.escape
    md = markdown.to_html
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>Answer key: {e(bank.title)}</title>',
        "<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;color:#1a1a1a;"
        "line-height:1.5}mark{background:#fde68a;color:#1a1a1a;border-bottom:2px solid #1a1a1a}"
        "mark.optional{background:#e5e7eb;border-bottom:2px dashed #1a1a1a}sup{font-size:.7em;"
        "margin-left:.15em}.correct{font-weight:bold}table{border-collapse:collapse}"
        "td,th{border:1px solid #6b7280;padding:.2rem .5rem;text-align:left}</style></head><body>",
        f"<h1>Answer key: {e(bank.title)}</h1>",
        f"<p>Bank <code>{e(bank.id)}</code> (lesson {bank.lesson}), {len(bank.questions)} questions, "
        f"{bank.points:g} points.</p>",
    ]
    for n, q in enumerate(bank.questions, 1):
        points = "not graded" if not q.graded else f"{q.points:g} point" + ("" if q.points == 1 else "s")
        parts.append(f"<section><h2>{n}. <code>{e(q.id)}</code> ({e(q.type)}, {points})</h2>{md(q.prompt)}")
        if q.type in ("single", "multiple"):
            rows = "".join(
                f'<li class="{"correct" if o.correct else "wrong"}">'
                f'{"✔ correct: " if o.correct else "✘ "}{markdown.inline_html(o.text)}'
                + (f" <em>(feedback: {markdown.inline_html(o.feedback)})</em>" if o.feedback else "")
                + "</li>"
                for o in q.options
            )
            parts.append(f"<ul>{rows}</ul>")
        elif q.type == "numeric":
            tol = f" (accepted within ± {q.tolerance:g})" if q.tolerance else ""
            parts.append(f"<p><strong>Answer:</strong> {q.answer:g} {e(q.unit)}{tol}</p>")
        elif q.type == "select-words":
            parts.append(f"<p>Passage: {e(q.passage_source)}.</p><blockquote>{_marked_passage(q, 'html')}</blockquote>")
            rows = "".join(f"<li>answer: {e(a.text)} ({a.start}-{a.end})</li>" for a in q.answers)
            rows += "".join(f"<li>optional: {e(a.text)} ({a.start}-{a.end})</li>" for a in q.optional)
            parts.append(f"<ul>{rows}</ul>")
        elif q.type == "match":
            rows = "".join(
                f"<tr><td>{markdown.inline_html(i.text)}</td><td>{e(i.answer)}</td>"
                f"<td>{markdown.inline_html(i.feedback)}</td></tr>"
                for i in q.items
            )
            parts.append(f"<table><tr><th>item</th><th>category</th><th>feedback</th></tr>{rows}</table>")
        else:
            parts.append("<p>Free text, not graded.</p>")
        if q.hint:
            parts.append(f"<div><strong>Hint:</strong> {md(q.hint)}</div>")
        if q.explanation:
            parts.append(f"<div><strong>Explanation:</strong> {md(q.explanation)}</div>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def answer_key(bank: Bank | str, fmt: str = "md") -> str:
    """The answer key of a bank with explanations, as Markdown (``"md"``) or an HTML page."""
    bank = load_bank(bank)
    if fmt == "md":
        return _answer_key_md(bank)
    if fmt == "html":
        return _answer_key_html(bank)
    raise ValueError(f"unknown answer-key format {fmt!r}: use md or html")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """``medialit quiz check [BANK...]``, ``quiz key BANK --format md|html`` and ``quiz export``."""
    if args.quiz_command == "check":
        return _check(list(args.banks), out)
    if args.quiz_command == "key":
        out.write(answer_key(args.bank, args.format))
        return 0
    if args.quiz_command == "export":
        from .export import write_export

        path = write_export(list(args.banks), args.format, args.output, stdout=out)
        if path is not None:
            print(f"wrote {path}", file=sys.stderr)
        return 0
    raise ValueError(f"unknown quiz action {args.quiz_command!r}")


# ----------------------------------------------------------------------------- gradebook


def _load_files(files: list[str | Path]) -> list[tuple[Path, dict, str]]:
    progresses = []
    for f in files:
        path = Path(f)
        if not path.is_file():
            raise FileNotFoundError(f"progress file not found: {path}")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ProgressWarning)
            data = load_progress(path, repair=False)
        progresses.append((path, data, "; ".join(str(w.message) for w in caught)))
    return progresses


def _unreadable(bank: Bank, saved: dict) -> list[str]:
    """Saved answers of ``bank`` that cannot be graded: listed, never dropped silently."""
    known = {q.id: q for q in bank.questions}
    notes = []
    for qid, entry in saved.items():
        q = known.get(qid)
        if q is None:
            notes.append(f"{bank.id}/{qid}: question no longer in the bank")
        elif q.graded and not grade(q, entry.get("answer")).answered:
            notes.append(f"{bank.id}/{qid}: answer cannot be read")
    return notes


def _student(path: Path, data: dict, note: str, banks: dict[str, Bank | None]) -> tuple[StudentRow, set]:
    row = StudentRow(str(data.get("student") or path.stem), str(path), str(data.get("student_id") or ""))
    row.notes = [note] if note else []
    starred = set()
    for bank_id, bank in banks.items():
        saved = data["banks"].get(bank_id, {}).get("questions", {})
        if bank is not None:
            row.scores[bank_id] = bank_score(bank, data)[0] if bank_id in data["banks"] else None
            row.notes += _unreadable(bank, saved)
            continue
        row.scores[bank_id] = sum(float(e.get("score", 0) or 0) for e in saved.values()
                                  if isinstance(e.get("score", 0), (int, float)))
        starred.add((row.file, bank_id))
        row.notes.append(f"bank {bank_id} not found: saved scores used")
    return row, starred


def gradebook_rows(files: list[str | Path]) -> tuple[dict[str, tuple[str, float | None]], list[StudentRow], set]:
    """Banks (id -> (title, points)), one :class:`StudentRow` per file, and the starred scores.

    Saved answers are graded again against the current banks (so an edited
    score counts for nothing); a bank that cannot be found falls back to the
    scores saved in the file (starred). Unreadable files and answers are noted.
    """
    progresses = _load_files(files)
    bank_ids = sorted({b for _, data, _ in progresses for b in data["banks"]})
    banks: dict[str, Bank | None] = {}
    for bank_id in bank_ids:
        try:
            banks[bank_id] = load_bank(find_bank(bank_id))
        except (FileNotFoundError, BankError):
            banks[bank_id] = None
    info = {b: (bank.title, bank.points) if bank else (b, None) for b, bank in banks.items()}
    students, starred = [], set()
    for path, data, note in progresses:
        row, stars = _student(path, data, note, banks)
        students.append(row)
        starred |= stars
    return info, students, starred


def gradebook(files: list[str | Path]) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per progress file, a column per bank score, then the total.

    The first row gives the points possible; see :func:`gradebook_rows`.
    """
    info, students, starred = gradebook_rows(files)
    table = csv_table(info, students, starred)
    return table[0], table[1:]


def _lms_table(fmt: str, files: list[str]) -> list[list[str]]:
    info, students, _ = gradebook_rows(files)
    for s in students:
        if not s.student_id:
            print(f"medialit: warning: {s.file}: no student id, so {fmt} cannot match {s.name!r}: "
                  "set one with medialit.quiz.set_student(name, student_id=...)", file=sys.stderr)
        for note in s.notes:
            print(f"medialit: warning: {s.file}: {note}", file=sys.stderr)
    return canvas_table(info, students) if fmt == "canvas" else moodle_table(info, students)


def run_progress(args: argparse.Namespace, out: TextIO) -> int:
    """``medialit progress report FILES... [--format canvas|moodle|csv]``: a gradebook (text table by default)."""
    if args.progress_command != "report":
        raise ValueError(f"unknown progress action {args.progress_command!r}")
    fmt = "csv" if args.csv else (args.format or "text")
    if fmt not in ("canvas", "moodle", "csv", "text"):
        raise ValueError(f"unknown report format {fmt!r}: use canvas, moodle or csv (or leave it out for a table)")
    if fmt in ("canvas", "moodle"):
        write_csv(out, _lms_table(fmt, args.files))
        return 0
    header, rows = gradebook(args.files)
    if fmt == "csv":
        write_csv(out, [header, *rows])
        return 0
    if not any(r[-1] for r in rows):
        header, rows = header[:-1], [r[:-1] for r in rows]
    table = [header, *rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in table:
        print("  ".join(c.ljust(wd) for c, wd in zip(r, widths, strict=True)).rstrip(), file=out)
    return 0
