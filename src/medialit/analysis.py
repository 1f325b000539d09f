"""One analysis of one text: every detector's result, computed lazily and once, and the registry.

:func:`analyze` wraps a text (or a :class:`~medialit.Document`) in an
:class:`Analysis`. Asking it for a result runs that detector the first time
and keeps the answer; a detector that needs another's result (framing's
voices need the attributions; claim types need attributions, hedges and
loaded words) takes it from the same Analysis, so nothing runs twice. The
report, ``compare``, ``medialit analyze`` and the charts all read an Analysis.

:data:`DETECTORS` is the one registry of detectors: its ``name``, ``title``,
how to ``find`` its results in an Analysis, how to ``summarize`` them (the
sections of ``medialit analyze`` and the report) and which
:mod:`medialit.evaluation` module scores it (the choices of ``medialit evaluate``).
Adding a detector is: one module, one entry here, one evaluation module, one data file.

>>> a = analyze("Officials said it may rain. A bloody war began.")
>>> [h.text for h in a.hedges]
['may']
>>> a.result("stance") is a.hedges
True
>>> [d.name for d in DETECTORS]
['stance', 'attribution', 'framing', 'perspective', 'sentiment', 'claims']
>>> sorted(a.summaries())
['attribution', 'claims', 'framing', 'stance']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .text import Document, as_document

if TYPE_CHECKING:  # pragma: no cover
    from .attribution import Attribution
    from .claims import Claim
    from .framing import LoadedTerm, Perspective, SentenceSentiment
    from .hedging import Hedge

__all__ = ["DETECTORS", "Analysis", "Detector", "analyze", "detector", "evaluation_names"]


@dataclass(frozen=True)
class Detector:
    """One detector of the registry.

    Attributes:
        name: a short snake_case name (the key of its result and summary).
        title: the heading shown in ``medialit analyze`` and the report.
        find: ``find(analysis) -> results``; takes what it depends on from the analysis.
        summarize: ``summarize(analysis) -> dict`` (JSON-ready, snake_case keys), or None
            when its figures are part of another detector's summary.
        evaluate: the :mod:`medialit.evaluation` module that scores it, or None.
        description: one sentence for "How the tools work".
    """

    name: str
    title: str
    find: Callable[[Analysis], Any]
    summarize: Callable[[Analysis], dict[str, Any]] | None = None
    evaluate: str | None = None
    description: str = ""


def _hedges(a: Analysis) -> list[Hedge]:
    from . import hedging

    return hedging.find_hedges(a.doc)


def _stance_summary(a: Analysis) -> dict[str, Any]:
    from . import hedging

    return hedging.stance_summary(a.doc, a.hedges)


def _attributions(a: Analysis) -> list[Attribution]:
    from . import attribution

    return attribution.find_attributions(a.doc)


def _attribution_summary(a: Analysis) -> dict[str, Any]:
    from . import attribution

    return attribution.attribution_summary(a.doc, a.attributions, a.claims)


def _loaded(a: Analysis) -> list[LoadedTerm]:
    from . import framing

    return framing.find_loaded_language(a.doc)


def _framing_summary(a: Analysis) -> dict[str, Any]:
    from . import framing

    return framing.framing_summary(a.doc, a.loaded, a.perspective, a.sentiment)


def _perspective(a: Analysis) -> Perspective:
    from . import framing

    return framing.perspective(a.doc, attributions=a.attributions)


def _sentiment(a: Analysis) -> list[SentenceSentiment]:
    from . import framing

    return framing.sentence_sentiment(a.doc)


def _claims(a: Analysis) -> list[Claim]:
    from . import claims

    return claims.classify_sentences(a.doc, a.attributions, a.hedges, a.loaded)


def _claims_summary(a: Analysis) -> dict[str, Any]:
    from . import claims

    return claims.claims_summary(a.doc, a.claims)


#: The registry, in the order sections are shown.
DETECTORS: tuple[Detector, ...] = (
    Detector("stance", "Stance markers (hedges and boosters)", _hedges, _stance_summary, "stance",
             "Hedges and boosters from a lexicon with named context rules (medialit.hedging.find_hedges)."),
    Detector("attribution", "Who says so (attributions)", _attributions, _attribution_summary, "attribution",
             "Sources, reporting cues and quotations, with source types (medialit.attribution.find_attributions)."),
    Detector("framing", "Loaded language and perspective", _loaded, _framing_summary, "loaded",
             "Loaded and emotive words from a lexicon; the section adds perspective and sentiment "
             "(medialit.framing.find_loaded_language)."),
    Detector("perspective", "Perspective: we and they", _perspective, None, None,
             "Mentions of we, they and named outsiders, with whose voice they are in (medialit.framing.perspective)."),
    Detector("sentiment", "Sentence sentiment", _sentiment, None, None,
             "VADER's score for each sentence (medialit.framing.sentence_sentiment)."),
    Detector("claims", "Claim types", _claims, _claims_summary, "claims",
             "One claim type per sentence from the other detectors' evidence (medialit.claims.classify_sentences)."),
)

_BY_NAME = {d.name: d for d in DETECTORS}


def detector(name: str) -> Detector:
    """The registry entry called ``name``, or a one-line ValueError naming the choices."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"no detector called {name!r}: choose one of {', '.join(_BY_NAME)}") from None


def evaluation_names() -> list[str]:
    """The :mod:`medialit.evaluation` modules of the registry's detectors, in order."""
    return [d.evaluate for d in DETECTORS if d.evaluate]


class Analysis:
    """Every detector's result on one document, each computed the first time it is asked for.

    ``hedges``, ``attributions``, ``loaded``, ``perspective``, ``sentiment`` and
    ``claims`` are the results; :meth:`result` and :meth:`summary` look any of them
    up by registry name. Build one with :func:`analyze`.
    """

    def __init__(self, doc: Document | str, title: str | None = None) -> None:
        # A whole article: a str gets Document.from_text's checks (empty text, HTML...), one line each.
        self.doc = Document.from_text(doc) if isinstance(doc, str) else as_document(doc)
        self.title = title or self.doc.title
        self._results: dict[str, Any] = {}
        self._summaries: dict[str, dict[str, Any]] = {}

    def __repr__(self) -> str:
        done = ", ".join(self._results) or "nothing yet"
        return f"<Analysis of {self.doc!r}: computed {done}>"

    def result(self, name: str) -> Any:
        """The result of the detector called ``name`` (computed once)."""
        if name not in self._results:
            self._results[name] = detector(name).find(self)
        return self._results[name]

    def summary(self, name: str) -> dict[str, Any]:
        """The JSON-ready summary of the detector called ``name`` (computed once)."""
        entry = detector(name)
        if entry.summarize is None:
            raise ValueError(f"the {name} detector has no summary section of its own")
        if name not in self._summaries:
            self._summaries[name] = entry.summarize(self)
        return self._summaries[name]

    def summaries(self) -> dict[str, dict[str, Any]]:
        """Every summary section, by detector name, in registry order."""
        return {d.name: self.summary(d.name) for d in DETECTORS if d.summarize is not None}

    @property
    def hedges(self) -> list[Hedge]:
        """:func:`medialit.hedging.find_hedges` on the document."""
        return self.result("stance")

    @property
    def attributions(self) -> list[Attribution]:
        """:func:`medialit.attribution.find_attributions` on the document."""
        return self.result("attribution")

    @property
    def loaded(self) -> list[LoadedTerm]:
        """:func:`medialit.framing.find_loaded_language` on the document."""
        return self.result("framing")

    @property
    def perspective(self) -> Perspective:
        """:func:`medialit.framing.perspective` on the document (reusing the attributions)."""
        return self.result("perspective")

    @property
    def sentiment(self) -> list[SentenceSentiment]:
        """:func:`medialit.framing.sentence_sentiment` on the document."""
        return self.result("sentiment")

    @property
    def claims(self) -> list[Claim]:
        """:func:`medialit.claims.classify_sentences` on the document (reusing the other results)."""
        return self.result("claims")


def analyze(doc: Document | str | Analysis, title: str | None = None) -> Analysis:
    """An :class:`Analysis` of ``doc`` (a str, a Document, or an Analysis, returned as it is).

    >>> analyze("It may rain.").hedges[0].text
    'may'
    """
    if isinstance(doc, Analysis):
        return doc
    return Analysis(doc, title)
