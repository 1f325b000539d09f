"""The shape every detector result shares: where it is, what it says, and why.

Hedges, attributions, loaded terms, mentions, claims and sentence scores all
expose ``start`` and ``end`` (half-open offsets into the text analysed),
``text`` (``source[start:end]``), a short ``label`` (what a highlight shows)
and the ``rule`` that produced it (for students asking *why*). Views such as
:func:`medialit.render.highlight` need nothing else.

>>> from dataclasses import dataclass
>>> @dataclass
... class Finding:
...     start: int
...     end: int
...     text: str
...     label: str = "example"
...     rule: str = "a rule"
>>> isinstance(Finding(0, 3, "abc"), Result)
True
>>> isinstance(object(), Result)
False
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Result"]


@runtime_checkable
class Result(Protocol):
    """A detector result: ``start``, ``end``, ``text``, ``label`` and ``rule`` (attributes or properties)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def rule(self) -> str: ...
