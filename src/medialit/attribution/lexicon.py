"""Lexicon loading: reporting cues, source words, common-knowledge phrases and word classes.

Every list lives in ``medialit/data`` (with its source and licence in the file header)
and is read once through :mod:`medialit.data`, which validates it:

* ``reporting_verbs.tsv``: the cues and what each implies;
* ``attribution_verb_classes.tsv``: a wider list of verbs of communication, judgement and
  characterising by verb class (Levin 1993), each needing a clear source;
* ``attribution_sources.tsv``: words that say what kind of source a phrase names;
* ``common_knowledge.tsv``: appeals to common knowledge ("as you know");
* ``attribution_words.tsv``: the closed word classes the rules use (:func:`words`).

>>> "said" in words("skip") or "he" in words("subject_pronouns")
True
>>> cue_forms()[("said",)].implies
'neutral'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

import regex

from ..data import DataFileError, load_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["VERB_CLASSES_FILE", "WORDS_FILE", "Cue", "CueKind", "Implies", "all_cue_words", "common_knowledge_patterns",
           "common_knowledge_prefilters",
           "cue_forms", "cue_lengths", "lookup", "reporting_verbs", "source_words", "words"]

WORDS_FILE = "attribution_words.tsv"
#: The wider list of cues by verb class (Levin 1993); ``reporting_verbs.tsv`` wins on a shared form.
VERB_CLASSES_FILE = "attribution_verb_classes.tsv"

#: What a reporting verb tells the reader: ``unlisted`` is a verb found only by its that-clause.
Implies = Literal["neutral", "judgement", "unlisted"]
#: The kinds of cue in ``reporting_verbs.tsv``.
CueKind = Literal["speech", "belief", "evidence", "according"]

_WORD_RE = re.compile(r"[\w][\w\-]*(?:[.’'][\w]+)*\.?|[^\w\s]")


@dataclass(frozen=True)
class Cue:
    """One row of the reporting-verb lexicon."""

    cue: str
    kind: CueKind
    implies: Implies
    noun: bool
    frame: frozenset[str]
    note: str


@cache
def words(name: str) -> frozenset[str]:
    """The word class ``name`` of ``attribution_words.tsv`` (lower case).

    Raises :class:`medialit.data.DataFileError` for a name the file lacks.
    """
    sets = _word_sets()
    if name not in sets:
        raise DataFileError(f"{WORDS_FILE}: no set named {name!r} (add a row for it)")
    return sets[name]


@cache
def _word_sets() -> dict[str, frozenset[str]]:
    sets: dict[str, frozenset[str]] = {}
    for row in load_table(WORDS_FILE, ("set", "words")):
        if row["set"] in sets:
            raise DataFileError(f"{WORDS_FILE}: the set {row['set']!r} is defined twice")
        sets[row["set"]] = frozenset(row["words"].split())
    return sets


@lru_cache(maxsize=1)
def cue_forms() -> dict[tuple[str, ...], Cue]:
    """Every matched word sequence (lower case) -> its lexicon row."""
    forms: dict[tuple[str, ...], Cue] = {}
    rows = load_table("reporting_verbs.tsv", ("cue", "forms", "kind", "implies", "noun")) + \
        load_table(VERB_CLASSES_FILE, ("cue", "forms", "kind", "implies", "noun"))
    for row in rows:
        frame = frozenset(f.strip() for f in row.get("frame", "").split(",") if f.strip() != "-")
        cue = Cue(row["cue"], row["kind"], row["implies"], row["noun"] == "yes", frame,  # type: ignore[arg-type]
                  row.get("note", ""))
        for form in row["forms"].split(","):
            key = tuple(_WORD_RE.findall(form.strip().lower()))
            if key and key not in forms:
                forms[key] = cue
    return forms


@lru_cache(maxsize=1)
def cue_lengths() -> dict[str, tuple[int, ...]]:
    """First word of a cue form -> the lengths of the forms it starts, longest first."""
    out: dict[str, set[int]] = {}
    for key in cue_forms():
        out.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in out.items()}


@lru_cache(maxsize=1)
def all_cue_words() -> frozenset[str]:
    """Every word of every cue form."""
    return frozenset(w for key in cue_forms() for w in key)


@lru_cache(maxsize=1)
def source_words() -> dict[str, tuple[str, str]]:
    """word (lower case) -> (type, class) from ``attribution_sources.tsv``."""
    return {
        row["word"].lower(): (row["type"], row["class"])
        for row in load_table("attribution_sources.tsv", ("word", "type", "class"))
    }


@lru_cache(maxsize=1)
def common_knowledge_patterns() -> tuple[re.Pattern[str], ...]:
    """The appeals to common knowledge, compiled (``common_knowledge.tsv``)."""
    rows = load_table("common_knowledge.tsv", ("pattern",))
    return tuple(re.compile(r"\b" + row["pattern"] + r"\b", re.I) for row in rows)


@lru_cache(maxsize=1)
def common_knowledge_prefilters() -> tuple[regex.Pattern[str] | None, ...]:
    """For each of :func:`common_knowledge_patterns`, the same phrase without its word boundaries,
    for the ``regex`` module, which finds a case-insensitive phrase in a long text several times
    faster than ``re`` with a leading ``\\b``: every place the full pattern matches is a place it
    matches (a phrase of plain words; None for a pattern with escapes, whose classes the two
    modules may define differently)."""
    rows = load_table("common_knowledge.tsv", ("pattern",))
    return tuple(None if "\\" in row["pattern"] else regex.compile(row["pattern"], regex.I) for row in rows)


_PLURAL_CLASSES = frozenset({"role", "collective", "evidence", "org"})


@lru_cache(maxsize=8192)
def lookup(low: str) -> tuple[str, str] | None:
    """The (type, class) of a word, trying the singular of a plural ("attorneys" -> "attorney")."""
    table = source_words()
    found = table.get(low)
    if found is None and len(low) > 3 and low.endswith("s"):
        singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
        found = table.get(singular)
        if found is not None and found[1] not in _PLURAL_CLASSES:
            found = None
    return found


def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon as a pandas DataFrame (Lesson 5).

    One row per verb or phrase: ``cue``, the ``forms`` matched, its ``kind``
    (speech, belief, evidence, according), ``implies`` (``neutral`` or
    ``judgement``) and a ``note`` on what the verb tells the reader. Source:
    ``medialit/data/reporting_verbs.tsv``.
    """
    import pandas as pd

    rows = load_table("reporting_verbs.tsv", ("cue", "forms", "kind", "implies", "noun"))
    return pd.DataFrame([{k: r[k] for k in ("cue", "forms", "kind", "implies", "note")}
                         for r in rows])
