"""The course's leads: what published reports say about the case study's people and events.

``datasets/leads.md`` holds them, each with its source. Lessons reveal a lead
only after students have recorded their own searches (a claim-tracing
exercise's solution), and the book shows the same file on *Leads to check*.

>>> from medialit.leads import lead_names
>>> "putin-interview" in lead_names()
True
"""

from __future__ import annotations

import re

from .casestudy import datasets_dir
from .errors import decode_bytes

__all__ = ["lead", "lead_names", "load_leads"]

#: The line after which the leads start (the intro above it is for readers of the file).
MARKER = "<!-- leads -->"
_TITLE = re.compile(r"^\*\*Lead (\d+) · ([a-z0-9-]+) · ", re.M)


def load_leads() -> dict[str, str]:
    """Every lead in ``datasets/leads.md`` by name, as the Markdown text of the file."""
    path = datasets_dir() / "leads.md"
    if not path.is_file():
        raise FileNotFoundError(f"the leads file is missing at {path}: restore datasets/ from git")
    text = decode_bytes(path.read_bytes(), name=path.name)
    if MARKER not in text:
        raise ValueError(f"{path.name}: no {MARKER!r} line before the leads: add it")
    body = text.split(MARKER, 1)[1]
    starts = list(_TITLE.finditer(body))
    leads = {}
    for m, nxt in zip(starts, [*starts[1:], None], strict=True):
        end = nxt.start() if nxt else body.find("\nSource of these leads")
        leads[m.group(2)] = body[m.start() : end if end > 0 else len(body)].strip()
    return leads


def lead_names() -> list[str]:
    """The names of the leads, in the file's order."""
    return list(load_leads())


def lead(name: str) -> str:
    """One lead's text (e.g. ``"putin-interview"``), to print after recording your own searches."""
    leads = load_leads()
    if name not in leads:
        raise ValueError(f"no lead called {name!r}: choose one of {', '.join(leads)}")
    return leads[name]
