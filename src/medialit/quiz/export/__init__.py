"""Quiz banks for a school's LMS: QTI 1.2 (Canvas, Blackboard), Moodle XML and GIFT.

>>> from medialit.quiz import load_bank
>>> text = export([load_bank("demo")], "gift")
>>> text.count("::single-hedge::")
1

``medialit quiz export BANK... --format qti|moodle|gift [-o OUT]`` calls
:func:`write_export`. What each format keeps and loses of each question
type is in :data:`.common.LOSSES` (and the instructor guide).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from ..schema import Bank, load_bank
from .common import FORMATS, LOSSES, losses
from .gift import export_gift
from .moodle import export_moodle
from .qti import export_qti

__all__ = ["FORMATS", "LOSSES", "default_output", "export", "export_gift", "export_moodle", "export_qti",
           "losses", "write_export"]


def export(banks: list[Bank], fmt: str) -> str | bytes:
    """``banks`` in format ``fmt``: text for ``gift`` and ``moodle``, zip bytes for ``qti``."""
    if fmt == "gift":
        return export_gift(banks)
    if fmt == "moodle":
        return export_moodle(banks)
    if fmt == "qti":
        return export_qti(banks)
    raise ValueError(f"unknown export format {fmt!r}: use {', '.join(FORMATS)}")


def default_output(banks: list[Bank], fmt: str) -> Path | None:
    """Where output goes without ``-o``: standard output (None) for text, a zip named after the banks for QTI."""
    if fmt != "qti":
        return None
    name = banks[0].id if len(banks) == 1 else "medialit-quizzes"
    return Path(f"{name}-qti.zip")


def write_export(names: list[str | os.PathLike], fmt: str, out: str | os.PathLike | None = None,
                 stdout: TextIO | None = None) -> Path | None:
    """Load every bank in ``names``, export them as ``fmt`` and write to ``out`` (or standard output).

    Raises ``ValueError`` (unknown format, invalid bank, unwritable output) or
    ``FileNotFoundError`` (missing bank) with a one-line message.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use {', '.join(FORMATS)}")
    if not names:
        raise ValueError("name at least one bank to export (for example lesson03)")
    banks = [load_bank(name) for name in names]
    ids = [b.id for b in banks]
    if len(set(ids)) != len(ids):
        raise ValueError(f"a bank is named twice: {', '.join(ids)}")
    data = export(banks, fmt)
    to_stdout = out is not None and str(out) == "-"
    path = None if to_stdout else (Path(out) if out is not None else default_output(banks, fmt))
    if path is None:
        stream = stdout or sys.stdout
        if isinstance(data, bytes):  # a zip on standard output (-o -)
            stream.flush()
            getattr(stream, "buffer", stream).write(data)
        else:
            stream.write(data)
        return None
    if path.is_dir():
        raise ValueError(f"cannot write {path}: it is a folder; give a file name")
    try:
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
