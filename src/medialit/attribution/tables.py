"""Tables and summaries of attributions: who is cited, how often, and what goes unattributed.

Pure functions over :class:`~medialit.attribution.Attribution` lists (pandas only
where a DataFrame is asked for); pass ``attributions`` to reuse results you have.

>>> [r["source"] for r in source_rows(find_attributions("Ann Lee said so. Lee added more."))]
['Ann Lee']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..text import Document, Span, as_document
from .detect import find_attributions
from .model import SOURCE_TYPES, Attribution

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["attribution_summary", "attribution_summary_by_type", "attribution_table", "source_rows",
           "unattributed_claims"]


_RANK = {t: n for n, t in enumerate(SOURCE_TYPES)}


def source_rows(attributions: Iterable[Attribution]) -> list[dict[str, Any]]:
    """One plain dict per source, most cited first (the rows of :func:`attribution_table`).

    Keys: ``source``, ``type``, ``count``, ``direct``, ``indirect``,
    ``mentions`` and ``cues`` (lists). Pure: used by tables and charts alike.
    """
    atts = list(attributions)
    rows: dict[str, dict[str, Any]] = {}
    named = {a.name: a.source_type for a in atts if a.source_type not in {"pronoun"}}
    for a in atts:
        key = a.speaker
        stype = a.source_type
        if a.refers_to:  # counted under its antecedent, with the antecedent's type
            stype = named.get(a.refers_to, "named_person" if a.source_type == "official_role"
                              or (a.source is not None and a.source.text.lower() in
                                  {"he", "she", "him", "her"})
                              else a.source_type)
        row = rows.setdefault(key, {"source": key, "type": stype, "count": 0,
                                    "direct": 0, "indirect": 0, "mentions": [], "cues": []})
        if _RANK[stype] < _RANK[row["type"]]:
            row["type"] = stype
        row["count"] += 1
        row["direct" if a.direct else "indirect"] += 1
        mention = a.source.text if a.source else "(no source named)"
        if mention not in row["mentions"]:
            row["mentions"].append(mention)
        row["cues"].extend(c.text.rstrip(":") for c in a.cues)
    # most cited first; on a tie a named source before "no source" (common knowledge)
    return sorted(rows.values(), key=lambda r: (-r["count"], r["type"] == "common_knowledge",
                                                r["source"]))


def attribution_table(doc: Document | str, attributions: Sequence[Attribution] | None = None) -> pd.DataFrame:
    """One row per source (pandas DataFrame), most cited first.

    Columns: ``source`` (canonical name; pronouns and roles are counted under
    the name they refer to when it is in the text), ``type`` (the most
    specific type among its mentions), ``count``, ``direct``, ``indirect``,
    ``mentions`` (the words used) and ``cues`` (the reporting verbs, in order).
    Pass ``attributions`` to count results you already have.
    """
    import pandas as pd

    doc = as_document(doc)
    atts = find_attributions(doc) if attributions is None else attributions
    table = pd.DataFrame(source_rows(atts),
                         columns=["source", "type", "count", "direct", "indirect", "mentions",
                                  "cues"])
    if not table.empty:
        table["mentions"] = table["mentions"].map(", ".join)
        table["cues"] = table["cues"].map(", ".join)
    return table


def attribution_summary_by_type(doc: Document | str,
                                attributions: Sequence[Attribution] | None = None) -> pd.DataFrame:
    """Attributions per source type (pandas DataFrame): ``type``, ``count``,
    ``direct``, ``indirect``, ``sources`` (distinct speakers), in the order of
    :data:`SOURCE_TYPES` (types with no attribution show 0)."""
    import pandas as pd

    doc = as_document(doc)
    atts = list(find_attributions(doc) if attributions is None else attributions)
    rows = []
    for stype in SOURCE_TYPES:
        mine = [a for a in atts if a.source_type == stype]
        rows.append({"type": stype, "count": len(mine), "direct": sum(a.direct for a in mine),
                     "indirect": sum(not a.direct for a in mine),
                     "sources": len({a.speaker for a in mine})})
    return pd.DataFrame(rows, columns=["type", "count", "direct", "indirect", "sources"])


def unattributed_claims(doc: Document | str,
                        attributions: Sequence[Attribution] | None = None,
                        claims: Sequence[Any] | None = None) -> list[Span]:
    """Sentences that assert a checkable fact with no source: the *checkable claims* of
    :func:`medialit.claims.checkable_claims`, as spans.

    There is one definition of a checkable claim in medialit,
    :func:`medialit.claims.is_checkable` (a number, date, name or past event, and
    no attribution, quotation, hedge, prediction, question or loaded word); this
    function is its name in the attribution lesson. Pass ``attributions`` (or
    ``claims``, the result of :func:`medialit.claims.classify_sentences`) to
    reuse the ones you have. A heuristic, not a classifier: its failure modes
    are listed in :mod:`medialit.claims`.

    >>> [s.text for s in unattributed_claims(
    ...     "The ministry said the bridge opened in 2019. The bridge cost 40 million euros.")]
    ['The bridge cost 40 million euros.']
    """
    from ..claims import checkable_claims  # claims builds on attributions: imported when used

    found = checkable_claims(doc, None if attributions is None else list(attributions),
                             claims=None if claims is None else list(claims))
    return [Span(c.start, c.end, c.text) for c in found]


def attribution_summary(doc: Document | str, attributions: Sequence[Attribution] | None = None,
                        claims: Sequence[Any] | None = None) -> dict[str, Any]:
    """JSON-ready summary for ``medialit analyze``: counts by type, direct and
    indirect, judgement verbs, the most cited sources and unattributed claims.
    Pass ``attributions`` and ``claims`` (:func:`medialit.claims.classify_sentences`)
    to reuse results already found (:func:`medialit.analyze` does)."""
    doc = as_document(doc)
    atts = find_attributions(doc) if attributions is None else list(attributions)
    by_type = {t: sum(a.source_type == t for a in atts) for t in SOURCE_TYPES}
    table = attribution_table(doc, atts)
    top = [f"{r.source} ({r.type}, {r.count})" for r in table.head(5).itertuples()]
    unattributed = unattributed_claims(doc, atts, claims)
    return {
        "attributions": len(atts),
        "sources": int(len(table)),
        "direct": sum(a.direct for a in atts),
        "indirect": sum(not a.direct for a in atts),
        "by_type": {k: v for k, v in by_type.items() if v},
        "judgement_verbs": sorted({c.text.rstrip(":").lower() for a in atts for c in a.cues
                                   if a.implies == "judgement" and a.source_type !=
                                   "common_knowledge"}),
        "top_sources": top,
        "unattributed_claims": len(unattributed),
        "example_unattributed": [c.text[:120] for c in unattributed[:2]],
    }


