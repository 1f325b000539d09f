"""Who says so: find attributions (source, reporting cue, quotation) in any text.

An **attribution** links content to a source through a reporting verb or phrase
("said", "denied", "according to", "expressed the view", a colon before a
quotation) or an appeal to common knowledge ("as you know"). The rules follow
``datasets/annotation-guide.md`` (section "Attributions"):

1. **Cues** come from ``medialit/data/reporting_verbs.tsv`` (each verb with what it
   implies: *said* is neutral, *admitted* or *claimed* carry a judgement),
   appeals to common knowledge from ``common_knowledge.tsv``, and a colon that
   introduces a quotation or a block quote.
2. **Sources** are the noun phrase before the cue ("Vladimir Putin denied"),
   after it when the order is inverted (``", said Tan."``, "according to him"),
   or the subject of an earlier cue in the same sentence ("He noted ... and
   added:"). Impersonal "it is said that" has no source (``source=None``).
3. **Types** come from the words of the phrase (``attribution_sources.tsv``):
   pronouns, titles and roles, organisation cues (Ministry, Committee, outlet
   names), capital cities standing for governments ("Beijing"), unnamed
   collectives ("many", "critics"); any other capitalised name is a person.
4. **Pronouns** are resolved to the most recent compatible source ("he" to the
   last person or role, "they" to the last group or organisation); a definite
   role ("the president") refers to the most recently named person.

Known gaps (see ``medialit evaluate attribution`` for figures): reporting
verbs outside the lexicon are missed unless a "that"-clause follows; a source
far from its verb (a long relative clause in between) is missed or cut short;
pronouns are resolved without gender or number agreement beyond he/she vs
they; a report inside someone's quotation belongs to the quoted speaker and is
not reported (``inside_quotation``); headline case and transcripts are handled by simple rules.

The package, one job per module: :mod:`.lexicon` (loading the word lists),
:mod:`.tokens`, :mod:`.phrases` (noun-phrase chunking), :mod:`.sources`
(source typing and names), :mod:`.quotes`, :mod:`.subjects` (finding the
source of a cue), :mod:`.vetoes` (named rules that reject a candidate:
:data:`VETOES`), :mod:`.passes` (the detection passes), :mod:`.resolve`
(pronouns), :mod:`.assemble`, :mod:`.detect` (:func:`find_attributions`,
:func:`explain`), :mod:`.tables` and :mod:`.chains`. The HTML views
(:func:`medialit.render.highlight_attributions`, :func:`medialit.render.chains_html`)
live on the rendering side; the names here forward to them.

Offsets are half-open character positions into the exact string passed in:
``text[a.start:a.end] == a.text`` and likewise for ``source``, ``cue`` and
``quote``.

>>> [(a.source.text, a.source_type, a.cue.text) for a in find_attributions(
...     "Vladimir Putin denied the claim. According to him, nothing is secret.")]
[('Vladimir Putin', 'named_person', 'denied'), ('him', 'pronoun', 'According to')]
"""


from __future__ import annotations

from typing import Any

from .chains import AttributionChain, attribution_chains, chains_text
from .detect import explain, find_attributions
from .lexicon import reporting_verbs
from .model import COMMON_KNOWLEDGE, SOURCE_TYPES, Attribution, Implies, SourceType
from .passes import Verdict
from .tables import (
    attribution_summary,
    attribution_summary_by_type,
    attribution_table,
    source_rows,
    unattributed_claims,
)
from .vetoes import CUE_VETOES, SOURCE_VETOES, VETOES, Veto

__all__ = [
    "COMMON_KNOWLEDGE",
    "CUE_VETOES",
    "SOURCE_TYPES",
    "SOURCE_VETOES",
    "TYPE_DESCRIPTIONS",
    "VETOES",
    "Attribution",
    "AttributionChain",
    "Implies",
    "SourceType",
    "Verdict",
    "Veto",
    "attribution_chains",
    "attribution_summary",
    "attribution_summary_by_type",
    "attribution_table",
    "chains_html",
    "chains_text",
    "explain",
    "find_attributions",
    "highlight_attributions",
    "reporting_verbs",
    "source_rows",
    "unattributed_claims",
]

# The HTML views live in medialit.render; these names stay importable from here for the
# lessons, and are looked up only when used (the analysis package imports no renderer).
_VIEWS = {"highlight_attributions": "highlight_attributions", "chains_html": "chains_html",
          "TYPE_DESCRIPTIONS": "ATTRIBUTION_DESCRIPTIONS"}


def __getattr__(name: str) -> Any:
    if name in _VIEWS:
        from .. import render

        return getattr(render, _VIEWS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
