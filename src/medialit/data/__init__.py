"""Word lists and tables shipped with medialit, read once and validated on load.

Each file in this folder is plain text. Tables are tab-separated with a header
row; lines starting with ``#`` are comments (each file names its source and
licence there). Errors name the file and the line, so a contributor who edits a
list knows exactly what to fix.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["DataFileError", "data_path", "load_table", "load_wordlist", "read_data_text"]


class DataFileError(ValueError):
    """A shipped data file is missing or malformed."""


def data_path(name: str) -> Traversable:
    """Return a Traversable for ``name`` inside ``medialit/data``."""
    return resources.files(__name__).joinpath(name)


def read_data_text(name: str) -> str:
    """Read a data file as UTF-8 text, with a clear error if it is missing."""
    path = data_path(name)
    if not path.is_file():
        raise DataFileError(f"medialit data file {name!r} is missing: reinstall medialit")
    return path.read_text(encoding="utf-8")


@cache
def load_wordlist(name: str) -> frozenset[str]:
    """Load a one-entry-per-line list (comments with ``#``), lower-cased."""
    words = set()
    for line in read_data_text(name).splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(entry.lower())
    if not words:
        raise DataFileError(f"{name}: the list is empty")
    return frozenset(words)


@cache
def load_table(name: str, required: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Load a TSV table with a header row; check that ``required`` columns are filled.

    Returns one dict per data row. Comment lines (``#``) and blank lines are
    skipped. Raises :class:`DataFileError` naming the file and line of the
    first problem, e.g. ``hedges.tsv line 12: expected 6 tab-separated fields, got 5``.
    """
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, line in enumerate(read_data_text(name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if header is None:
            header = [f.strip() for f in fields]
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(f"{name} line {number}: header lacks column(s) {missing}")
            continue
        if len(fields) != len(header):
            raise DataFileError(
                f"{name} line {number}: expected {len(header)} tab-separated fields, "
                f"got {len(fields)}"
            )
        row = {key: value.strip() for key, value in zip(header, fields, strict=True)}
        empty = [c for c in required if not row[c]]
        if empty:
            raise DataFileError(f"{name} line {number}: empty required field(s) {empty}")
        rows.append(row)
    if header is None or not rows:
        raise DataFileError(f"{name}: no rows found")
    return tuple(rows)
