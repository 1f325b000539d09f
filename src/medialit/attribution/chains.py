"""Chains of attribution: who reports whom, from the original speaker to the article.

>>> [str(c) for c in attribution_chains("The Post reported that Trump said taxes will fall.")]
['Trump -> Post -> the article']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import Document, as_document
from .detect import find_attributions
from .model import Attribution

__all__ = ["AttributionChain", "attribution_chains", "chains_text"]


@dataclass(frozen=True)
class AttributionChain:
    """Who reports whom: ``links`` from the original speaker to the article.

    ``links`` is a tuple of names, e.g. ``("Xi Jinping", "Foreign Affairs
    critics", "the article")``; ``attributions`` are the ones that make it.
    """

    links: tuple[str, ...]
    attributions: tuple[Attribution, ...]

    def __str__(self) -> str:
        return " -> ".join(self.links)


def attribution_chains(doc: Document | str,
                       attributions: Sequence[Attribution] | None = None
                       ) -> list[AttributionChain]:
    """Second-hand attributions: a speaker's words reported through another source.

    Two rules link an attribution A (the original speaker) to a relaying
    attribution B whose source is named (not a pronoun, not common knowledge)
    and is someone else:

    * **nested**: A stands inside what B reports, later in the same sentence
      ("The Post reported that Trump said...", "According to Reuters, Putin
      said...");
    * **relay**: B says it passes on what was said around it ("At least that's
      what Foreign Affairs critics say", "as the Post reported"): every
      attribution from the sentence before to three sentences after is relayed
      by B.

    The other attributions make one-step chains, one per speaker: speaker ->
    the article. Chains come in the order of their first attribution.

    Known gaps: a relay that names no cue ("in Foreign Affairs, Xi is quoted
    as...") is missed; the relay window is a fixed number of sentences.
    """
    doc = as_document(doc)
    atts = list(find_attributions(doc) if attributions is None else attributions)
    relayed_by = _relays(doc, atts)
    chains: list[AttributionChain] = []
    grouped: dict[tuple[str, int], list[Attribution]] = {}
    for m, a in enumerate(atts):
        if m in relayed_by:
            grouped.setdefault((a.speaker, relayed_by[m]), []).append(a)
    relays = set(relayed_by.values())
    for (speaker, n), group in grouped.items():
        b = atts[n]
        chains.append(AttributionChain((speaker, b.speaker, "the article"), tuple(group) + (b,)))
    relaying = {k[1] for k in grouped}
    direct: dict[str, list[Attribution]] = {}
    for m, a in enumerate(atts):
        if m not in relayed_by and (m not in relays or m not in relaying):
            direct.setdefault(a.speaker, []).append(a)
    for speaker, group in direct.items():
        chains.append(AttributionChain((speaker, "the article"), tuple(group)))
    chains.sort(key=lambda c: min(x.start for x in c.attributions))
    return chains


_RELAY = re.compile(r"\b(?:what|as)\b[^.]{0,40}$", re.I)
_NESTING = re.compile(r"\s*(?:that\b|:)")


def _window(doc: Document, b: Attribution, sentence_number: dict[int, int]) -> tuple[int, int] | None:
    """The stretch of text whose attributions ``b`` relays, or None."""
    if b.source is None or b.source_type in {"pronoun", "common_knowledge"}:
        return None
    sent = doc.sentence_of(b.cue.start)
    if sent is None:
        return None
    if _RELAY.search(doc.text[max(sent.start, b.start - 60):b.start]):
        index = sentence_number[sent.start]
        return (doc.sentences[max(0, index - 1)].start,
                doc.sentences[min(len(doc.sentences) - 1, index + 3)].end)
    if b.cue.text.lower().startswith("according") or _NESTING.match(
            doc.text[b.cue.end:b.cue.end + 8]):
        return max(b.cue.end, b.end), sent.end
    return None


def _relays(doc: Document, atts: list[Attribution]) -> dict[int, int]:
    """For each relayed attribution (by index), the index of the attribution relaying it."""
    sentence_number = {s.start: k for k, s in enumerate(doc.sentences)}
    by_start = sorted((a.start, m) for m, a in enumerate(atts))
    starts = [s for s, _ in by_start]
    relayed_by: dict[int, int] = {}
    for n, b in enumerate(atts):
        window = _window(doc, b, sentence_number)
        if window is None:
            continue
        lo, hi = window
        for _, m in by_start[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
            a = atts[m]
            if m != n and m not in relayed_by and (
                    a.speaker != b.speaker and a.source_type != "common_knowledge"):
                relayed_by[m] = n
    return relayed_by


def chains_text(chains: Iterable[AttributionChain]) -> str:
    """The chains as plain text, one per line: ``Xi Jinping -> Foreign Affairs critics ->
    the article``."""
    return "\n".join(str(c) for c in chains)


