"""Loaded language, perspective ("we" and "they"), propaganda techniques and sentence sentiment.

Every result is a frozen dataclass whose ``start`` and ``end`` are half-open
character offsets into the text you passed in, with ``text == source[start:end]``.
Word lists live in ``medialit/data/`` (``loaded_language.tsv``, ``perspective.tsv``,
``propaganda_techniques.yaml``), each with its sources and limits in its header.

>>> [t.text for t in find_loaded_language("A bloodier war, and a new global massacre.")]
['bloodier', 'massacre']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, get_args

from .data import DataFileError, load_table, read_data_text
from .text import Document, Span, as_document
from .text.terms import TermMatcher

if TYPE_CHECKING:  # pragma: no cover
    from .attribution import Attribution

__all__ = [
    "LoadedTerm",
    "Mention",
    "Perspective",
    "SentenceSentiment",
    "Technique",
    "find_loaded_language",
    "framing_summary",
    "perspective",
    "propaganda_techniques",
    "sentence_sentiment",
]

#: Categories of loaded_language.tsv (the file's header explains each).
LoadedCategory = Literal[
    "violence", "hostility", "dominance", "fear", "deceit", "moral", "contempt",
    "name_calling", "emotion", "exaggeration", "metaphor",
]
LOADED_CATEGORIES: tuple[LoadedCategory, ...] = get_args(LoadedCategory)
#: Who a mention of "we", "they" or an outsider is about.
PerspectiveGroup = Literal["we", "they", "outsider"]
PERSPECTIVE_GROUPS: tuple[PerspectiveGroup, ...] = get_args(PerspectiveGroup)
#: Whose words a mention is in.
Voice = Literal["author", "quote", "paraphrase"]
VOICES: tuple[Voice, ...] = get_args(Voice)
#: VADER's label for a sentence.
SentimentLabel = Literal["positive", "neutral", "negative"]

# VADER's own cut-offs for calling a sentence positive or negative (Hutto & Gilbert 2014,
# vaderSentiment README: compound >= 0.05 positive, <= -0.05 negative).
VADER_POSITIVE = 0.05
VADER_NEGATIVE = -0.05


# --- loaded language -------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedTerm:
    """A loaded or emotive word or phrase: ``text == source[start:end]``.

    ``category`` is one of :data:`LOADED_CATEGORIES`, ``intensity`` 1 (mild) to 3
    (extreme), ``rule`` names the lexicon entry that matched.
    """

    start: int
    end: int
    text: str
    category: LoadedCategory
    intensity: int
    rule: str

    @property
    def label(self) -> str:
        """The category, for :func:`medialit.render.highlight`."""
        return self.category


@lru_cache(maxsize=1)
def _loaded_lexicon() -> TermMatcher:
    rows = load_table("loaded_language.tsv", ("term", "category", "intensity"))
    entries = []
    for row in rows:
        term = " ".join(row["term"].lower().split())
        if row["category"] not in LOADED_CATEGORIES:
            raise DataFileError(f"loaded_language.tsv: unknown category {row['category']!r} for {term!r}")
        if row["intensity"] not in {"1", "2", "3"}:
            raise DataFileError(f"loaded_language.tsv: intensity of {term!r} must be 1, 2 or 3")
        entries.append((term, (term, row["category"], int(row["intensity"]))))
    return TermMatcher(entries)


def find_loaded_language(text: str | Document, min_intensity: int = 1) -> list[LoadedTerm]:
    """Find emotive and loaded words and phrases in ``text``.

    Offsets index ``text`` (or ``doc.text`` when given a Document). Each hit
    comes from ``medialit/data/loaded_language.tsv``, a list written for the
    course from the Propaganda Techniques Corpus definition of loaded language;
    read its header for what it cannot see (context, sarcasm, topic words such
    as "war"). Where two entries overlap, the longer wins. Only hits with
    ``intensity >= min_intensity`` are returned, in text order.

    >>> [(t.text, t.category, t.intensity) for t in find_loaded_language("Our enemies dominate.")]
    [('enemies', 'hostility', 2), ('dominate', 'dominance', 1)]
    >>> find_loaded_language("Whisk two eggs with the flour.")
    []
    """
    doc = as_document(text)
    source = doc.text
    out = []
    for start, end, (term, category, intensity) in _loaded_lexicon().find(doc):
        if intensity >= min_intensity:
            out.append(LoadedTerm(start, end, source[start:end], category, intensity,
                                  f"loaded_language.tsv: {term}"))
    return out


# --- perspective: we and they ----------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A mention of "we", "they" or a named outsider: ``text == source[start:end]``.

    ``group`` is ``we``, ``they`` or ``outsider``; ``voice`` says whose words they
    are: ``author``, ``quote`` (inside quotation marks or a block quotation: the
    quoted speaker's "we") or ``paraphrase`` (inside reported speech, after a
    cue such as "according to" or "said"). ``phrase`` is the possessive with
    the word after it ("our countries"), when there is one. ``paragraph`` is the
    0-based paragraph number. ``speaker`` is whose "we" it is: ``"the author"``,
    or for a quotation or paraphrase the source that
    :func:`medialit.attribution.find_attributions` links it to ("Xi Jinping"),
    or ``"an unattributed quotation"``.
    """

    start: int
    end: int
    text: str
    group: PerspectiveGroup
    voice: Voice
    paragraph: int
    phrase: Span | None
    rule: str
    speaker: str = "the author"

    @property
    def label(self) -> str:
        """``group`` and ``voice`` together, e.g. ``we (quote)``, for highlights."""
        return self.group if self.voice == "author" else f"{self.group} ({self.voice})"


@dataclass(frozen=True)
class Perspective:
    """All mentions of "we", "they" and named outsiders in a document, in text order."""

    mentions: tuple[Mention, ...]
    paragraph_count: int

    def rows(self) -> list[dict[str, Any]]:
        """One JSON-ready record per mention (for tables and charts)."""
        return [
            {"paragraph": m.paragraph, "start": m.start, "end": m.end, "text": m.text,
             "group": m.group, "voice": m.voice, "speaker": m.speaker,
             "phrase": m.phrase.text if m.phrase else None}
            for m in self.mentions
        ]

    def by_paragraph(self) -> list[dict[str, int]]:
        """Counts of each group per paragraph, every paragraph listed (zeros included)."""
        table = [
            {"paragraph": i, **{g: 0 for g in PERSPECTIVE_GROUPS}}
            for i in range(self.paragraph_count)
        ]
        for m in self.mentions:
            table[m.paragraph][m.group] += 1
        return table

    def counts(self) -> dict[str, dict[str, int]]:
        """``{group: {voice: count}}`` over the whole document."""
        out: dict[str, dict[str, int]] = {g: {} for g in PERSPECTIVE_GROUPS}
        for m in self.mentions:
            out[m.group][m.voice] = out[m.group].get(m.voice, 0) + 1
        return out


@lru_cache(maxsize=1)
def _perspective_words() -> tuple[tuple[str, str], ...]:
    rows = load_table("perspective.tsv", ("term", "group"))
    for row in rows:
        if row["group"] not in PERSPECTIVE_GROUPS:
            raise DataFileError(f"perspective.tsv: unknown group {row['group']!r} for {row['term']!r}")
    return tuple((" ".join(r["term"].lower().split()), r["group"]) for r in rows)


@lru_cache(maxsize=8)
def _perspective_pattern(outsiders: tuple[str, ...] | None):
    entries = [(t, (t, g)) for t, g in _perspective_words() if outsiders is None or g != "outsider"]
    if outsiders is not None:
        entries += [(" ".join(o.lower().split()), (o, "outsider")) for o in outsiders if o.strip()]
    return TermMatcher(entries)


AUTHOR = "the author"
UNATTRIBUTED = "an unattributed quotation"


class _Voices:
    """Whose words each stretch of a document is in: quotations and reported speech.

    Quotations are the document's quoted regions (:attr:`medialit.Document.quotes`: quotation
    marks and block quotes), each with the speaker of the attribution whose quote lies in it.
    Reported speech is the rest of a sentence after an attribution's cue (and after its source,
    as in "According to him, ..."); appeals to common knowledge ("as you know") are the author's
    own voice and do not count. The speaker is the attribution's (``Attribution.speaker``,
    pronouns resolved where possible). Lookups are by bisect and by sentence: linear overall.
    """

    def __init__(self, doc: Document, attributions: list[Attribution]) -> None:
        self.doc = doc
        self.speakers: dict[tuple[int, int], str] = {}
        self.reported: dict[int, list[tuple[int, int, str]]] = {}
        for found in attributions:
            if found.quote is not None:
                for region in doc.quotes.around(found.quote.start, found.quote.end):
                    self.speakers.setdefault((region.start, region.end), found.speaker)
            self._add_reported(found)

    def _add_reported(self, found: Attribution) -> None:
        if found.source_type == "common_knowledge":
            return
        index = self.doc.sentence_index(found.cue.start)
        if index is None:
            return
        start = found.cue.end
        if found.source is not None and found.source.start >= found.cue.end:
            start = found.source.end
        self.reported.setdefault(index, []).append((start, self.doc.sentences[index].end, found.speaker))

    def at(self, start: int, end: int) -> tuple[Voice, str]:
        """The voice and speaker at a mention: a quotation beats a paraphrase; the innermost wins."""
        quotes = self.doc.quotes.around(start, end)
        if quotes:
            known = [self.speakers[(q.start, q.end)] for q in quotes if (q.start, q.end) in self.speakers]
            return "quote", known[0] if known else UNATTRIBUTED
        index = self.doc.sentence_index(start)
        inside = sorted((e - s, who) for s, e, who in self.reported.get(index, ()) if s <= start and end <= e)
        if inside:
            return "paraphrase", inside[0][1]
        return "author", AUTHOR


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")


def _is_name_part(doc: Document, found: str, end: int) -> bool:
    """"US" (the country, not "us"), or "Foreign" in a title such as "Foreign Affairs"."""
    if found == "US":
        return True
    return (found.lower() in {"foreign", "western"} and found[:1].isupper()
            and bool(_CAPITALISED_NEXT.match(doc.text, end)))


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w’'-]*)")


def perspective(doc: str | Document, outsiders: Iterable[str] | None = None,
                attributions: list[Attribution] | None = None) -> Perspective:
    """Who "we" are and who "they" are: every mention, paragraph by paragraph.

    Finds first-person plural pronouns (we, us, our, let's...), third-person
    plural pronouns (they, them, their...) and named outsiders (the West,
    Washington, abroad...; the list in ``medialit/data/perspective.tsv`` suits
    the case study: pass ``outsiders=[...]`` to use your own names instead).
    Each mention records whose voice it is in: the ``author``'s, a ``quote``
    (quotation marks or a block quotation) or a ``paraphrase`` (the rest of a
    sentence after a reporting cue found by :func:`medialit.attribution.find_attributions`,
    e.g. "according to him,"). Offsets index
    ``doc.text``. Deciding what each "we" refers to is left to the reader: the
    ``phrase`` ("our countries"), the ``speaker`` (whose quotation or paraphrase
    it sits in) and the paragraph are the clues. Pass ``attributions`` (the result of
    :func:`medialit.attribution.find_attributions` on ``doc``) to reuse those already found.

    >>> p = perspective('We agree. "We never will," she said of them.')
    >>> [(m.text, m.group, m.voice) for m in p.mentions]
    [('We', 'we', 'author'), ('We', 'we', 'quote'), ('them', 'they', 'paraphrase')]
    """
    doc = as_document(doc)
    if isinstance(outsiders, str):
        outsiders = [outsiders]
    key = None if outsiders is None else tuple(sorted({o for o in outsiders if o.strip()}))
    matcher = _perspective_pattern(key)
    if attributions is None:
        from .attribution import find_attributions

        attributions = find_attributions(doc)
    voices = _Voices(doc, list(attributions))
    mentions = []
    for start, end, (term, group) in matcher.find(doc):
        found = doc.text[start:end]
        paragraph = doc.paragraph_index(start)
        if paragraph is None or _is_name_part(doc, found, end):
            continue
        phrase = None
        if term in {"our", "their"}:
            after = _NEXT_WORD.match(doc.text, end)
            if after:
                phrase = Span(start, after.end(1), doc.text[start : after.end(1)])
        voice, speaker = voices.at(start, end)
        mentions.append(Mention(start, end, found, group, voice,
                                paragraph, phrase, f"perspective.tsv: {term}", speaker))
    return Perspective(tuple(mentions), len(doc.paragraphs))


# --- propaganda techniques ---------------------------------------------------------------------


@dataclass(frozen=True)
class Technique:
    """One propaganda technique of the SemEval-2020 Task 11 taxonomy, in our own words.

    ``label`` is the corpus label (e.g. ``Loaded_Language``); ``example`` is an
    exact substring of the case-study article, or None where it has no clear case.
    """

    label: str
    name: str
    definition: str
    example: str | None
    note: str

    def find_example(self, text: str) -> Span | None:
        """The example's first occurrence in ``text`` as a Span, or None."""
        if not self.example:
            return None
        start = text.find(self.example)
        return None if start < 0 else Span(start, start + len(self.example), self.example)


@lru_cache(maxsize=1)
def propaganda_techniques() -> tuple[Technique, ...]:
    """The 14 techniques of the Propaganda Techniques Corpus (SemEval-2020 Task 11).

    Definitions are medialit's own words; examples are exact quotations from the
    case-study article (``medialit/data/propaganda_techniques.yaml``). Lesson 6's
    matching quiz is built from this list.

    >>> [t.name for t in propaganda_techniques()][:2]
    ['Loaded language', 'Name calling or labelling']
    """
    import yaml

    name = "propaganda_techniques.yaml"
    try:
        data = yaml.safe_load(read_data_text(name))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML ({exc})") from None
    items = data.get("techniques") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise DataFileError(f"{name}: expected a 'techniques' list")
    out = []
    for number, item in enumerate(items, start=1):
        missing = [k for k in ("label", "name", "definition", "note") if not (item or {}).get(k)]
        if missing or "example" not in item:
            raise DataFileError(f"{name}: technique {number} lacks {missing or ['example']}")
        out.append(Technique(item["label"], item["name"], " ".join(item["definition"].split()),
                             item["example"], " ".join(item["note"].split())))
    return tuple(out)


# --- sentence sentiment ------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceSentiment:
    """VADER's scores for one sentence: ``text == source[start:end]``.

    ``compound`` runs from -1 (most negative) to +1; ``positive``, ``neutral``
    and ``negative`` are the shares of the sentence's weight. ``label`` applies
    VADER's own cut-offs (±0.05).
    """

    start: int
    end: int
    text: str
    compound: float
    positive: float
    neutral: float
    negative: float
    rule: str = "vader"

    @property
    def label(self) -> SentimentLabel:
        """``positive``, ``neutral`` or ``negative`` by VADER's cut-offs."""
        if self.compound >= VADER_POSITIVE:
            return "positive"
        if self.compound <= VADER_NEGATIVE:
            return "negative"
        return "neutral"


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_sentiment(doc: str | Document) -> list[SentenceSentiment]:
    """Score each sentence with VADER (Hutto & Gilbert 2014, the ``vaderSentiment`` package).

    VADER's lexicon ships inside the package: nothing is downloaded. Offsets
    index ``doc.text``.

    Caveats students should know:

    - VADER was built and tested on social-media posts, reviews and news headlines;
      long analytical sentences push its scores towards neutral.
    - It scores words, not stances: "fight" and "war" score negative whether the
      writer condemns a war or calls for one; sarcasm defeats it.
    - It does not know whose words a sentence carries (a quotation scores like the
      author's own words) or what a sentence is about.
    - The compound score is a normalised sum, not a probability; compare sentences
      within a text rather than reading single numbers as facts.

    >>> [s.label for s in sentence_sentiment("It was a terrible, bloody massacre. We won!")]
    ['negative', 'positive']
    """
    doc = as_document(doc)
    analyzer = _vader()
    out = []
    for sentence in doc.sentences:
        scores = analyzer.polarity_scores(sentence.text)
        out.append(SentenceSentiment(sentence.start, sentence.end, sentence.text, scores["compound"],
                                     scores["pos"], scores["neu"], scores["neg"]))
    return out


# --- summary -----------------------------------------------------------------------------------


def framing_summary(doc: str | Document, loaded: list[LoadedTerm] | None = None,
                    view: Perspective | None = None,
                    sentiment: list[SentenceSentiment] | None = None) -> dict[str, Any]:
    """Loaded language, perspective and sentiment of ``doc`` as a JSON-ready dict (snake_case keys).

    Used by ``medialit analyze`` and the report. Rates are per 100 words. Pass
    ``loaded``, ``view`` (a :class:`Perspective`) and ``sentiment`` to reuse
    results already found (:func:`medialit.analyze` does).

    >>> framing_summary("A bloody massacre, we said.")["loaded_terms"]
    2
    """
    doc = as_document(doc)
    words = max(doc.word_count, 1)
    loaded = find_loaded_language(doc) if loaded is None else loaded
    view = perspective(doc) if view is None else view
    sentiment = sentence_sentiment(doc) if sentiment is None else sentiment
    terms = Counter(t.text.lower() for t in loaded)
    counts = view.counts()
    most_negative = min(sentiment, key=lambda s: s.compound, default=None)
    return {
        "loaded_terms": len(loaded),
        "loaded_per_100_words": round(100 * len(loaded) / words, 2),
        "loaded_by_category": dict(Counter(t.category for t in loaded).most_common()),
        "strongest_loaded_terms": sorted({t.text for t in loaded if t.intensity == 3}),
        "most_frequent_loaded_terms": [f"{w} ({n})" for w, n in terms.most_common(5)],
        "we_mentions": counts["we"],
        "they_mentions": counts["they"],
        "outsider_mentions": counts["outsider"],
        "we_phrases": sorted({m.phrase.text for m in view.mentions if m.group == "we" and m.phrase}),
        "whose_we": dict(Counter(m.speaker for m in view.mentions if m.group == "we").most_common()),
        "sentences_negative_neutral_positive": [
            sum(s.label == label for s in sentiment) for label in ("negative", "neutral", "positive")
        ],
        "mean_sentence_sentiment": round(sum(s.compound for s in sentiment) / len(sentiment), 3)
        if sentiment else 0.0,
        "most_negative_sentence": most_negative.text if most_negative else None,
    }
