"""Gradebook files for spreadsheets and LMSs, with every cell safe from formula injection.

:func:`safe_cell` applies the OWASP CSV-injection rule to each cell:
a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading single quote, so Excel, LibreOffice and Sheets show it
as text instead of running it. :func:`write_csv` is the only way medialit
writes CSV.

Layouts (see the instructor guide page "Using medialit with your LMS"):

* ``csv``: student, file, one column per bank, total, note (a "points possible" row first).
* ``canvas``: Canvas's gradebook import: ``Student, ID, SIS User ID, SIS Login ID, Section``,
  one column per assignment (bank), and a ``Points Possible`` row under the header.
* ``moodle``: Moodle's grade import: an identifier column (``ID number``, or ``Email address``
  when every identifier is an email address) plus one column per grade item (bank).

>>> safe_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> safe_cell("3.5")
'3.5'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TextIO

__all__ = ["FORMULA_TRIGGERS", "GradebookFormat", "StudentRow", "canvas_table", "csv_table", "moodle_table",
           "safe_cell", "write_csv"]

GradebookFormat = Literal["canvas", "moodle", "csv"]
#: First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as text, prefixed with ``'`` if it starts like a formula (OWASP rule)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def write_csv(out: TextIO, rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` as CSV with every cell passed through :func:`safe_cell`."""
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])


@dataclass
class StudentRow:
    """One student's scores: ``scores[bank_id]`` in points (None: bank absent from the file)."""

    name: str
    file: str
    student_id: str = ""
    scores: dict[str, float | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return round(sum(s for s in self.scores.values() if s is not None), 4)


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{round(x, 4):g}"


def csv_table(banks: dict[str, tuple[str, float | None]], students: list[StudentRow],
              starred: set[tuple[str, str]] = frozenset()) -> list[list[str]]:
    """medialit's own layout. ``banks`` maps id -> (title, points or None); ``starred`` marks
    (file, bank id) scores taken from the file because the bank was not found."""
    ids = list(banks)
    possible = sum(p for _, p in banks.values() if p is not None)
    rows = [["student", "file", *ids, "total", "note"],
            ["(points possible)", "", *(_fmt(banks[b][1]) or "?" for b in ids), _fmt(possible), ""]]
    for s in students:
        cells = [_fmt(s.scores.get(b) or 0.0) + ("*" if (s.file, b) in starred else "") for b in ids]
        rows.append([s.name, s.file, *cells, _fmt(s.total), "; ".join(s.notes)])
    return rows


def canvas_table(banks: dict[str, tuple[str, float | None]], students: list[StudentRow]) -> list[list[str]]:
    """Canvas gradebook import: fixed student columns, one column per bank titled by the bank,
    a "Points Possible" row; the student's identifier goes in "SIS User ID"."""
    ids = list(banks)
    rows = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *(banks[b][0] for b in ids)],
            ["Points Possible", "", "", "", "", *(_fmt(banks[b][1]) for b in ids)]]
    for s in students:
        rows.append([s.name, "", s.student_id, "", "", *(_fmt(s.scores.get(b)) for b in ids)])
    return rows


def moodle_table(banks: dict[str, tuple[str, float | None]], students: list[StudentRow]) -> list[list[str]]:
    """Moodle grade import: the identifier column, then one column per grade item (bank title)."""
    ids = list(banks)
    emails = bool(students) and all("@" in s.student_id for s in students)
    rows = [["Email address" if emails else "ID number", *(banks[b][0] for b in ids)]]
    for s in students:
        rows.append([s.student_id, *(_fmt(s.scores.get(b)) for b in ids)])
    return rows
