"""Header cells with names in the pandas tables of the book (axe ``empty-table-header``).

A DataFrame shown in a notebook (or through its ``.style``) leaves the top-left header cell, above its index, empty; a
named index gets a second header row with its name and an empty cell under every column name.
Both are header cells without text, which screen readers announce as nothing. In the book's
pages, each such table gets:

* the index names moved up into the empty top-left cells (one header row, as in a printed
  table), or, when that place is taken by the columns' name, empty cells in the names row that
  are plain cells rather than headers;
* an unnamed index: the top-left cell named "row" for screen readers (``visually-hidden``, so
  the table looks as it does in JupyterLab).

Lessons keep showing DataFrames as they are; this only touches the HTML of the book's pages.
"""

from __future__ import annotations

import re

#: The name a screen reader hears for an unnamed index column.
UNNAMED_INDEX = "row"
HIDDEN_NAME = f'<span class="visually-hidden">{UNNAMED_INDEX}</span>'

#: A pandas table: ``DataFrame._repr_html_`` (class "dataframe") or a Styler (id "T_...").
_TABLE_HEAD = re.compile(
    r'(<table\b[^>]*\b(?:class="[^"]*\bdataframe\b[^"]*"|id="T_[^"]*")[^>]*>\s*<thead>)(.*?)(</thead>)',
    re.S,
)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(th|td)\b([^>]*)>(.*?)</\1>", re.S)


def _is_empty(content: str) -> bool:
    return not re.sub(r"<[^>]+>|&nbsp;|&#160;|\s", "", content)


class _Row:
    def __init__(self, match: re.Match[str]):
        self.open, self.close = match.group(1), match.group(3)
        self.cells = [[tag, attrs, content] for tag, attrs, content in _CELL.findall(match.group(2))]

    def leading_names(self) -> int:
        """How many cells at the start have text, if every cell after them is empty; else 0."""
        count = 0
        while count < len(self.cells) and not _is_empty(self.cells[count][2]):
            count += 1
        rest = self.cells[count:]
        return count if rest and all(_is_empty(c[2]) for c in rest) else 0

    def html(self) -> str:
        cells = "".join(f"<{tag}{attrs}>{content}</{tag}>" for tag, attrs, content in self.cells)
        return f"{self.open}{cells}{self.close}"


def _fix_head(rows: list[_Row]) -> list[_Row]:
    if len(rows) > 1 and (names := rows[-1].leading_names()):
        first = rows[0]
        if all(_is_empty(c[2]) for c in first.cells[:names]):
            for i in range(names):
                first.cells[i][2] = rows[-1].cells[i][2]
            rows = rows[:-1]
        else:  # the top-left cell holds the columns' name: the names row keeps its own
            for cell in rows[-1].cells[names:]:
                cell[0] = "td"
    for row in rows:
        for i, cell in enumerate(row.cells):
            if cell[0] == "th" and _is_empty(cell[2]):
                leading = all(_is_empty(c[2]) for c in row.cells[:i])
                if leading:
                    cell[2] = HIDDEN_NAME
                else:
                    cell[0] = "td"
    return rows


def name_table_headers(html: str) -> str:
    """``html`` with every pandas table's empty header cells named or made plain cells.

    >>> head = '<table border="1" class="dataframe"><thead><tr><th></th><th>a</th></tr>'
    >>> name_table_headers(head + '<tr><th>x</th><th></th></tr></thead>')
    '<table border="1" class="dataframe"><thead><tr><th>x</th><th>a</th></tr></thead>'
    >>> name_table_headers(head + '</thead>')  # doctest: +ELLIPSIS
    '...<tr><th><span class="visually-hidden">row</span></th><th>a</th></tr></thead>'
    """

    def fix(match: re.Match[str]) -> str:
        rows = _fix_head([_Row(m) for m in _ROW.finditer(match.group(2))])
        return match.group(1) + "".join(row.html() for row in rows) + match.group(3)

    return _TABLE_HEAD.sub(fix, html)
