"""Tables and summaries of attributions: who is cited, how often, and what goes unattributed.

Pure functions over :class:`~medialit.attribution.Attribution` lists (pandas only
where a DataFrame is asked for); pass ``attributions`` to reuse results you have.

>>> [r["source"] for r in source_rows(find_attributions("Ann Lee said so. Lee added more."))]
['Ann Lee']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..document import Document, Span
from .detect import find_attributions
from .model import SOURCE_TYPES, Attribution

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["attribution_summary", "attribution_summary_by_type", "attribution_table", "source_rows",
           "unattributed_claims"]


def _as_doc(doc: Document | str) -> Document:
    return doc if isinstance(doc, Document) else Document.from_text(doc)


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
        row["cues"].append(a.cue.text.rstrip(":"))
    return sorted(rows.values(), key=lambda r: (-r["count"], r["source"]))


def attribution_table(doc: Document | str, attributions: Sequence[Attribution] | None = None) -> pd.DataFrame:
    """One row per source (pandas DataFrame), most cited first.

    Columns: ``source`` (canonical name; pronouns and roles are counted under
    the name they refer to when it is in the text), ``type`` (the most
    specific type among its mentions), ``count``, ``direct``, ``indirect``,
    ``mentions`` (the words used) and ``cues`` (the reporting verbs, in order).
    Pass ``attributions`` to count results you already have.
    """
    import pandas as pd

    doc = _as_doc(doc)
    atts = find_attributions(doc.text) if attributions is None else attributions
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

    doc = _as_doc(doc)
    atts = list(find_attributions(doc.text) if attributions is None else attributions)
    rows = []
    for stype in SOURCE_TYPES:
        mine = [a for a in atts if a.source_type == stype]
        rows.append({"type": stype, "count": len(mine), "direct": sum(a.direct for a in mine),
                     "indirect": sum(not a.direct for a in mine),
                     "sources": len({a.speaker for a in mine})})
    return pd.DataFrame(rows, columns=["type", "count", "direct", "indirect", "sources"])


class _Cover:
    """Spans (anything with ``start`` and ``end``) to ask, in O(log n), whether any touches a
    stretch of text."""

    def __init__(self, spans: Iterable[Any]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []
        for _, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def touches(self, start: int, end: int) -> bool:
        """True when some span has ``span.start < end`` and ``start < span.end``."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.max_end[k - 1] > start


_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|hundred|"
                     r"thousand|million|billion|percent|per cent|dozen|half)\b", re.I)
_EVENT_VERB = re.compile(
    r"\b(?:[a-z]+ed|was|were|met|went|won|lost|took|gave|made|held|sent|began|came|left|fell|rose|"
    r"signed|killed|died|built|bought|sold|paid|told|said|wrote|became|ran|struck|hit)\b")
_OPINION = re.compile(r"\?|\b(?:I|we|us|our|let[’']s|should|must|ought|need to)\b")
_PREDICTION = re.compile(r"\b(?:[Ww]ill|[Ww]ould|[Cc]ould|[Cc]an|may|[Mm]ight|[Ss]hall|[Ii]f)\b")


def unattributed_claims(doc: Document | str,
                        attributions: Sequence[Attribution] | None = None) -> list[Span]:
    """Sentences that assert a checkable fact with no source and no stance marker.

    A documented heuristic, not a classifier. A sentence counts when

    * it asserts something checkable about the world: it has a number (digits
      or number words), a past-tense event verb (a lower-case word ending in
      "-ed" or a common irregular past such as "met", "signed", "said") or a
      capitalised name that is not the first word (a person, place or
      organisation the reader can look up);
    * no attribution found by :func:`find_attributions` touches it;
    * it has no stance marker (:func:`medialit.hedging.find_hedges`, when that
      module is available) and no modal or conditional word (will, would,
      could, can, may, might, if): predictions and possibilities are not
      checkable facts;
    * it is not a heading, a question, a block quote, or a first-person
      opinion ("we must", "I", "let's").

    Known failure modes: adjectives in "-ed" ("so-called", "concerned") look
    like events; a name that opens the sentence is not counted, so "Russia
    exists." is missed; interpretation that mentions a name ("Washington is
    effectively pushing Russia and China into a bind") counts as checkable
    although it is analysis; a present-tense general fact with no name or
    number ("Sanctions limit growth.") is missed; an attribution in the
    previous sentence ("He said so. The deal was signed in May.") does not
    cover the next one; a hedge anywhere in the sentence removes it, even
    when the hedge only touches part of it.

    >>> [s.text for s in unattributed_claims(
    ...     "The ministry said the bridge opened in 2019. The bridge cost 40 million euros.")]
    ['The bridge cost 40 million euros.']
    """
    doc = _as_doc(doc)
    atts = find_attributions(doc.text) if attributions is None else attributions
    try:
        from ..hedging import find_hedges

        hedges = find_hedges(doc.text)
    except ImportError:  # hedging.py not installed yet: modals still filter predictions
        hedges = []
    covered_by_atts, covered_by_hedges = _Cover(atts), _Cover(hedges)
    out = []
    for sent in doc.sentences:
        para = doc.paragraph_of(sent.start)
        if para is None or para.kind in {"heading", "quote"}:
            continue
        if covered_by_atts.touches(sent.start, sent.end) or covered_by_hedges.touches(
                sent.start, sent.end):
            continue
        if _OPINION.search(sent.text) or _PREDICTION.search(sent.text):
            continue
        words = sent.text.split()
        names = [w for w in words[1:] if w[:1].isupper()]
        if _NUMBER.search(sent.text) or _EVENT_VERB.search(sent.text) or names:
            out.append(sent)
    return out


def attribution_summary(doc: Document | str) -> dict[str, Any]:
    """JSON-ready summary for ``medialit analyze``: counts by type, direct and
    indirect, judgement verbs, the most cited sources and unattributed claims."""
    doc = _as_doc(doc)
    atts = find_attributions(doc.text)
    by_type = {t: sum(a.source_type == t for a in atts) for t in SOURCE_TYPES}
    table = attribution_table(doc, atts)
    top = [f"{r.source} ({r.type}, {r.count})" for r in table.head(5).itertuples()]
    claims = unattributed_claims(doc, atts)
    return {
        "attributions": len(atts),
        "sources": int(len(table)),
        "direct": sum(a.direct for a in atts),
        "indirect": sum(not a.direct for a in atts),
        "by_type": {k: v for k, v in by_type.items() if v},
        "judgement_verbs": sorted({a.cue.text.rstrip(":").lower() for a in atts
                                   if a.implies == "judgement" and a.source_type !=
                                   "common_knowledge"}),
        "top_sources": top,
        "unattributed_claims": len(claims),
        "example_unattributed": [c.text[:120] for c in claims[:2]],
    }


