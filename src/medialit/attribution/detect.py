"""The detector: :func:`find_attributions` runs the passes over one reading of the text;
:func:`explain` says what became of every reporting-cue candidate, and which rule rejected it."""

from __future__ import annotations

from ..text import Document, as_document
from ..text.tokens import gc_paused
from .assemble import assemble
from .lexicon import words
from .model import Attribution
from .passes import (
    Verdict,
    colon_quotes,
    common_knowledge_pass,
    confirm_headline_names,
    cue_pass,
    dash_signatures,
    speaker_label_pass,
)
from .quotes import Quotes
from .tokens import tokens_of
from .vetoes import Context

__all__ = ["explain", "find_attributions"]


def _document(text: Document | str, caller: str) -> Document:
    if not isinstance(text, (str, Document)):
        raise TypeError(f"{caller} needs the text as a str, not {type(text).__name__}: "
                        "decode bytes first, or pass a medialit.Document")
    return as_document(text)


def _run(doc: Document, trace: list[Verdict] | None = None) -> list[Attribution]:
    """The passes over one reading of the text: its paragraphs, sentences, tokens and
    quotations all come from :mod:`medialit.text` (shared with the other detectors).
    Python's cyclic garbage collector is paused meanwhile (see :func:`medialit.text.tokens.gc_paused`):
    on a long text its walks over the hundreds of thousands of tokens cost a third of the time."""
    with gc_paused():
        return _passes(doc, trace)


def _passes(doc: Document, trace: list[Verdict] | None) -> list[Attribution]:
    toks = tokens_of(doc)
    quotes = Quotes([(q.start, q.end) for q in doc.quotes if q.kind == "marks"])
    blocks = {q.start: q for q in doc.quotes if q.kind == "block"}
    ctx = Context(doc.text, toks, doc.sentences, quotes, blocks)
    taken = common_knowledge_pass(ctx)
    taken |= speaker_label_pass(ctx, doc.paragraphs)
    cue_pass(ctx, taken, trace)
    confirm_headline_names(ctx)
    dash_signatures(ctx, taken)
    colon_quotes(ctx)
    return assemble(doc.text, toks, ctx.found)


#: The writer of the text in the first person ("I know", "What we've learned:").
_WRITER = words("writer")


def _writers_own(a: Attribution) -> bool:
    """The writer's own thought or finding, with no quotation: "Based on what I know"."""
    return (a.source is not None and a.source_type == "pronoun" and a.source.text.lower() in _WRITER
            and a.quote is None)


def find_attributions(text: Document | str, *, writer: bool = False) -> list[Attribution]:
    """Find every attribution in ``text``: source, cue, quotation, type, referent.

    Works on any string (an empty one gives ``[]``) or a :class:`Document`,
    read through the shared text basis (:mod:`medialit.text`: its paragraphs,
    sentences, tokens and quotations, computed once per Document). Offsets
    index the text.

    Args:
        text: an article or any passage, as plain text (or a Document).

    Returns:
        Attributions sorted by position. Each has ``source`` (a Span or None),
        ``source_type`` (one of :data:`SOURCE_TYPES`), ``cue``, ``quote`` (the
        quoted words of a direct quotation, without the marks), ``direct``,
        ``refers_to`` (for pronouns and roles), ``name`` and ``implies``.

    The writer's own thoughts in the first person ("Based on what I know", "What we've
    learned:") are stance, not attributions (annotation guide, section 2: the writer's own
    inference and "I think" inside a quotation are not new sources), and are left out; the
    writer's own quoted words ('I laughed and said, "It will pass."') stay. ``writer=True``
    keeps them all (PolNeAR marks them as sources).

    Lexicons: ``reporting_verbs.tsv``, ``attribution_sources.tsv``,
    ``common_knowledge.tsv`` and ``attribution_words.tsv`` in ``medialit/data``
    (written for medialit, CC0).

    >>> [(a.source.text, a.source_type, a.refers_to) for a in find_attributions(
    ...     "Officials met. Tan Kefei said so. He also noted that ties are close.")]
    [('Tan Kefei', 'named_person', None), ('He', 'pronoun', 'Tan Kefei')]
    """
    doc = _document(text, "find_attributions")
    found = _run(doc) if doc.text.strip() else []
    return found if writer else [a for a in found if not _writers_own(a)]


def explain(text: Document | str) -> list[Verdict]:
    """Every reporting-cue candidate in ``text`` and what became of it (for debugging rules).

    Each :class:`Verdict` has the ``cue``, ``rejected_by`` (the name of the veto in
    :data:`medialit.attribution.VETOES` that rejected it, ``"no_source"`` when no
    source was found, ``"inside_later_source"`` when it belongs to the source of a
    later cue ("Everyone we asked praised"), None when it was accepted), the ``rule``
    that found the source and the ``source``. Appeals to common knowledge, speaker labels and
    dash signatures are not cue candidates and are not listed.

    >>> [(v.cue.text, v.rejected_by) for v in explain("The claims were false. Ann said no.")]
    [('claims', 'noun_after_determiner'), ('said', None)]
    """
    doc = _document(text, "explain")
    trace: list[Verdict] = []
    if doc.text.strip():
        _run(doc, trace)
    return trace
