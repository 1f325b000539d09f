"""The result of the attribution detector: :class:`Attribution` and its closed vocabularies.

>>> from medialit.document import Span
>>> a = Attribution(0, 9, "Ann said", Span(0, 3, "Ann"), "named_person", Span(4, 8, "said"),
...                 name="Ann", rule="source + verb")
>>> (a.label, a.speaker, a.rule)
('named_person', 'Ann', 'source + verb')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from ..document import Span
from .lexicon import Implies

__all__ = ["COMMON_KNOWLEDGE", "SOURCE_TYPES", "Attribution", "Implies", "SourceType"]

#: The source types of the annotation guide, most specific first.
SourceType = Literal["named_person", "official_role", "organization", "vague", "common_knowledge",
                     "pronoun"]

#: The source types as a tuple, most specific first.
SOURCE_TYPES: tuple[SourceType, ...] = get_args(SourceType)

#: The name under which appeals to common knowledge are counted.
COMMON_KNOWLEDGE = "(common knowledge: no source)"


@dataclass(frozen=True, order=True)
class Attribution:
    """One attribution: who (``source``) says (``cue``) what (``quote`` when direct).

    ``start``/``end`` cover the source mention and the cue; ``text`` is that
    slice of the input. ``source`` is None when no source is named ("it is
    said that"). ``name`` is a canonical name for counting ("Tan Kefei" for
    "Chinese Defense Ministry spokesman Tan Kefei"); ``refers_to`` is the
    canonical name a pronoun or role points back to, when it is in the text.
    ``implies`` is ``neutral`` or ``judgement`` (from the reporting-verb
    lexicon), or ``unlisted`` for a verb found only because a that-clause
    follows it ("bragged that"); ``rule`` says which rule found the attribution.
    ``label`` (the source type) and ``rule`` make it a :class:`medialit.text.Result`.
    ``other_cues`` are further cues of the same relation that share its source mention
    ("Vladimir Putin denied ..., noting that", "He noted ... and added:"): one source span
    per attribution relation, as in the annotation guide.
    ``relative`` is the relative pronoun of a source in a relative clause ("who" of
    "David Fahrenthold, who asked"): ``source`` is then its antecedent, the person or group the
    guide marks ("David Fahrenthold"); PolNeAR marks the pronoun itself.
    """

    start: int
    end: int
    text: str
    source: Span | None
    source_type: SourceType
    cue: Span
    quote: Span | None = None
    direct: bool = False
    refers_to: str | None = None
    name: str = ""
    implies: Implies = "neutral"
    rule: str = ""
    other_cues: tuple[Span, ...] = ()
    relative: Span | None = None

    @property
    def label(self) -> str:
        """The source type (for :func:`medialit.render.highlight`)."""
        return self.source_type

    @property
    def cues(self) -> tuple[Span, ...]:
        """Every cue of the relation, the first one (``cue``) first."""
        return (self.cue, *self.other_cues)

    @property
    def speaker(self) -> str:
        """Who speaks, as a reader would say it: ``refers_to`` or ``name``."""
        return self.refers_to or self.name or "(unnamed)"
