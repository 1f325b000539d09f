"""Vetoes: named rules that reject a reporting-cue candidate, each a small predicate.

A :class:`Candidate` is a cue found in the text ("said", "claims", "according
to") with what is around it. Before its source is looked for, the
:data:`CUE_VETOES` are tried; after, the :data:`SOURCE_VETOES`. The first veto
that holds rejects the candidate, and its ``name`` is what
:func:`medialit.attribution.explain` reports as ``rejected_by``. The list works
like the context conditions of :mod:`medialit.hedging`: to change a rule, read
its predicate; to add one, add a :class:`Veto`.

>>> [v.name for v in CUE_VETOES][:3]
['capitalised_mid_sentence', 'phrasal_verb', 'aspect_verb']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import Span
from .lexicon import Cue, all_cue_words, words
from .phrases import Phrase, core, head_index, paren_open
from .tokens import (
    AUXILIARIES,
    BE,
    DETS,
    FUNCTION,
    OPEN_QUOTES,
    PERSON_NOUNS,
    RELATIVE_PRONOUNS,
    SKIP,
    SUBJECT_PRONOUNS,
    Tok,
    clause_start,
    relative_verb,
)

if TYPE_CHECKING:
    from .quotes import Quotes

__all__ = ["CONTACT_CLAUSE", "CUE_VETOES", "IN_DOCUMENT", "LIGHT_VERB", "MODIFIED_SUBJECT", "PASSIVE_AGENT",
           "POSSESSIVE_DETERMINERS", "SOURCE_VETOES", "THAT_VERB", "VETOES", "Candidate", "Context", "Veto",
           "claim_possessor", "first_veto", "possessive_claim"]

_IRREGULAR_PP = words("irregular_participles")
_PREPOSITIONS = words("prepositions")
_QUANTIFIERS = words("quantifiers")
_NUMBER_WORDS = words("numbers")
_CLAUSE_START = words("clause_start")
_NOUN_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                               "this", "that", "these"})
#: The rule name of a source with a relative clause without "who" ("the experts I interviewed said").
CONTACT_CLAUSE = "source (whom someone asked) + verb"
#: The rule name of a source with a modifier after its head ("Many people involved in the talks said").
MODIFIED_SUBJECT = "source + modifier + verb"
#: The rule name of the agent of a passive cue ("was disputed by local farmers").
PASSIVE_AGENT = "passive + by + source"
#: The rule name of a source with an apposition ("Scott Pruitt, the attorney general, said").
APPOSITION_SUBJECT = "source, apposition, + verb"
#: Possessive determiners that can name the source of a cue noun ("his claim that").
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my"})
_CONTENT_BEFORE = re.compile(r"[”\"]|''|,\s*\S+(?:\s+\S+){0,4}\s*$")
#: A quotation closed by a comma, "!" or "?" just before the source: '"...!" Scott's niece, ...,
#: shouted to the crowd', '"...," she yells while moving'.
_QUOTE_JUST_BEFORE = re.compile(r"[,!?]\s*(?:[”\"]|'')\s*(?:\S+\s+){0,12}$")
#: Words that open an indirect question, the content of "wondered whether", "know what".
_QUESTION_WORDS = frozenset({"whether", "if", "what", "why", "how", "who", "when", "where"})

#: The cue of a verb found only by the that-clause after it ("Trump bragged that").
THAT_VERB = Cue("(verb + that)", "speech", "unlisted", False, frozenset(),
                "a verb followed by a that-clause: someone says, thinks or finds something")
#: The cue of "in"/"by" before a poll or study whose findings the clause reports ("In this poll, Trump rose").
IN_DOCUMENT = Cue("(in + poll or study)", "according", "neutral", False, frozenset(),
                  "a finding reported from a poll, survey or study, like according to")
#: The cue of a light verb with a message noun ("made the following comment:", "made the case that").
LIGHT_VERB = Cue("(light verb + message noun)", "speech", "neutral", False, frozenset({"message"}),
                 "a verb such as make or issue with a noun for what was said: the noun carries the report")


@dataclass
class Context:
    """What the detection passes share about one text."""

    text: str
    toks: list[Tok]
    sentences: Sequence[Span]
    quotes: Quotes
    para_by_start: dict[int, Span]
    found: list = field(default_factory=list)
    #: Headline labels of one name, kept only if that name is a source elsewhere in the text.
    unconfirmed: list = field(default_factory=list)
    _title: dict[int, bool] = field(default_factory=dict)
    _starts: list[int] | None = None

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at ``offset``, or None (bisect)."""
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        k = bisect.bisect_left(self._starts, offset)
        return k if k < len(self._starts) and self._starts[k] == offset else None

    def tokens_within(self, start: int, end: int) -> range:
        """The indices of the tokens that start in ``[start, end)``."""
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))

    def title_case(self, sent: int) -> bool:
        """True for a headline in title case ("Lindsey Graham Says Trump Could..."); once per
        sentence."""
        known = self._title.get(sent)
        if known is None:
            words_ = [w for w in re.findall(r"[A-Za-z][\w’'-]*", self.sentences[sent].text) if len(w) > 3]
            known = len(words_) >= 3 and sum(w[0].isupper() for w in words_) >= 0.8 * len(words_)
            self._title[sent] = known
        return known


class Candidate:
    """A reporting cue ``toks[i:i+length]`` and its surroundings."""

    def __init__(self, ctx: Context, i: int, length: int, entry: Cue) -> None:
        toks = ctx.toks
        self.ctx, self.toks, self.i, self.length, self.entry = ctx, toks, i, length, entry
        first_cue, last_cue = toks[i], toks[i + length - 1]
        self.sent = first_cue.sent
        cue_end = last_cue.end
        # a colon right after the verb belongs to the cue ("added:")
        if i + length < len(toks) and toks[i + length].text == ":" and entry.kind != "according":
            cue_end = toks[i + length].end
        self.cue = Span(first_cue.start, cue_end, ctx.text[first_cue.start:cue_end])
        self.nxt: Tok | None = toks[i + length] if i + length < len(toks) else None
        self.prev: Tok | None = toks[i - 1] if i > 0 and toks[i - 1].sent == self.sent else None
        self.form = last_cue.low
        self.src: Phrase | None = None
        self.rule = ""

    @property
    def next_in_sentence(self) -> Tok | None:
        """The token after the cue when it is in the same sentence."""
        return self.nxt if self.nxt is not None and self.nxt.sent == self.sent else None


@dataclass(frozen=True)
class Veto:
    """A named rule that rejects a candidate when ``test`` holds."""

    name: str
    description: str
    test: Callable[[Candidate], bool]


def _capitalised_mid_sentence(c: Candidate) -> bool:
    t, toks, i = c.toks[c.i], c.toks, c.i
    return t.text[0].isupper() and i > 0 and toks[i - 1].sent == t.sent and not (
        toks[i - 1].text in OPEN_QUOTES or toks[i - 1].text in "(—–-:") and not (
        c.ctx.title_case(t.sent))


def _phrasal_verb(c: Candidate) -> bool:
    return c.entry.kind != "according" and c.nxt is not None and (c.nxt.low in {
        "up", "off", "out"} and c.entry.cue in {"show", "call"} or (
        c.entry.cue == "call" and (c.nxt.low in {"into", "back"} or _in_to(c))))


def _in_to(c: Candidate) -> bool:
    """"called in to a radio show": phoning in, not naming ("called in a tweet the ruling a
    disgrace" names)."""
    k = c.i + c.length
    return c.toks[k].low == "in" and k + 1 < len(c.toks) and c.toks[k + 1].low == "to"


_ASPECT = words("aspect")


def _aspect_verb(c: Candidate) -> bool:
    """"continued to stay away": an aspect verb before "to" says how long, not what was said."""
    nxt = c.next_in_sentence
    return c.entry.cue in _ASPECT and nxt is not None and nxt.low == "to"


def _to_blame(c: Candidate) -> bool:
    """"The storm is to blame", "the media were partly to blame": after be and "to", the subject
    is the one blamed; nobody blames anyone in the sentence."""
    toks, k = c.toks, c.i - 1
    if c.entry.cue != "blame" or k < 1 or toks[k].low != "to":
        return False
    k -= 1
    while k >= 0 and toks[k].sent == c.sent and (toks[k].low in {"not", "n't", "also", "only"} or (
            toks[k].low.endswith("ly") and toks[k].text.islower())):
        k -= 1  # "are partly to blame", "is not to blame"
    return k >= 0 and toks[k].sent == c.sent and toks[k].low in BE


def _byline_place(c: Candidate) -> bool:
    """"Ann Lee reported from Midway Atoll": a byline's place, not reported content."""
    toks, k = c.toks, c.i + c.length
    return c.entry.cue == "report" and k + 1 < len(toks) and toks[k].low == "from" and (
        toks[k + 1].cap and toks[k + 1].sent == c.sent)


#: Endings of an adjective that may stand between a possessor and its cue noun ("his repeated
#: claim", "the police's earlier claim", "her baseless claim", "his infamous claim"); no
#: noun ("Trump's campaign claims that": the campaign claims).
_MODIFIER_ENDINGS = ("ed", "ous", "ful", "less", "ier", "iest")
#: How many such adjectives may stand there.
_CLAIM_MODIFIERS = 2


def claim_possessor(c: Candidate) -> int | None:
    """The index of the possessor mark ("'s", "his") of a cue noun with its content: "Trump's claim
    that", "his claim that", also past up to two adjectives ("the police's earlier claim that",
    "his repeated baseless claim that"); None otherwise."""
    nxt = c.next_in_sentence
    if not c.entry.noun or nxt is None or nxt.low != "that":
        return None
    toks, k = c.toks, c.i - 1
    while k >= 0 and c.i - k <= _CLAIM_MODIFIERS and toks[k].sent == c.sent and _adjective(toks[k]):
        k -= 1
    if k < 0 or toks[k].sent != c.sent:
        return None
    if (toks[k].low == "'s" and not _contraction(toks, k)) or toks[k].low in POSSESSIVE_DETERMINERS:
        return k
    return None


def _adjective(t: Tok) -> bool:
    return t.text.isalpha() and t.text.islower() and not t.cls and t.low.endswith(_MODIFIER_ENDINGS)


def possessive_claim(c: Candidate) -> bool:
    """"Trump's claim that", "his claim that": a cue noun with its possessor and its content."""
    return claim_possessor(c) is not None


def _contraction(toks: list[Tok], k: int) -> bool:
    """"who's called for", "He's claimed": 's after a pronoun is has or is, not a possessive."""
    return k >= 1 and toks[k - 1].low in SUBJECT_PRONOUNS


def _noun_after_determiner(c: Candidate) -> bool:
    if c.entry.kind == "according" or c.prev is None:
        return False
    if c.prev.low in _QUANTIFIERS and c.entry.noun:  # "many questions", not "some claim that"
        nxt = c.next_in_sentence
        return nxt is None or not (nxt.low == "that" or nxt.text in OPEN_QUOTES or nxt.text in ",:")
    return c.prev.low in _NOUN_DETERMINERS and not possessive_claim(c)


def _plural_noun_subject(c: Candidate) -> bool:
    """"his derogatory Obama remarks were a mistake", "Republican claims have": a plural cue noun
    right before a form of be, have or a modal is the subject of that verb, not a report."""
    nxt, prev = c.next_in_sentence, c.prev
    if prev is None or prev.low in SUBJECT_PRONOUNS or prev.cls in {"role", "collective", "org", "outlet"}:
        return False  # "which he claims would add", "that the company claims have": a gap in the content
    return c.entry.noun and c.length == 1 and c.form.endswith("s") and not c.form.endswith("ss") and (
        c.form not in {"says", "is", "has"}) and nxt is not None and nxt.low in AUXILIARIES


def _noun_after_possessive(c: Candidate) -> bool:
    return c.entry.kind != "according" and c.prev is not None and c.prev.low == "'s" and (
        c.entry.noun or not c.form.endswith("ing")) and not possessive_claim(c) and not _contraction(c.toks, c.i - 1)


#: Object pronouns that may stand between a cue and its content ("warned them that").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})
#: How far after a cue of the frame "as" its "as" may stand ("painted his rival as weak").
_AS_WINDOW = 8


def _as_follows(c: Candidate) -> bool:
    """"views the deal as a loss", "cast himself as the outsider": "as" within a few words after the
    cue, before any clause boundary."""
    toks, end = c.toks, min(len(c.toks), c.i + c.length + _AS_WINDOW)
    for t in toks[c.i + c.length:end]:
        if t.sent != c.sent or t.text in {";", ":", ".", "?", "!"} or t.low in {"that", "and", "but"}:
            return False
        if t.low == "as":
            return True
    return False


def _content_start(c: Candidate) -> Tok | None:
    """The token after the cue in its sentence, past an object pronoun before "that", "about",
    "of" or a quotation ("warned them that", "informed him of the plan")."""
    nxt = c.next_in_sentence
    if nxt is not None and nxt.text == "(":
        nxt = _after_parenthesis(c, c.i + c.length)  # "thought (foolishly) that"
    skippable = nxt is not None and (nxt.low in _OBJECT_PRONOUNS or (
        nxt.low.endswith("ly") and nxt.text.isalpha() and nxt.text.islower()))  # "spoke emotionally of"
    if skippable and c.i + c.length + 1 < len(c.toks):
        after = c.toks[c.i + c.length + 1]
        if after.sent == c.sent and (after.low in {"that", "about", "of"} or after.text in OPEN_QUOTES):
            return after
    return nxt


#: How long an aside in parentheses between a cue and its content may be.
_ASIDE = 8


def _after_parenthesis(c: Candidate, k: int) -> Tok | None:
    """The token after the parenthesis opening at ``toks[k]`` when it closes within a few words
    in the same sentence; None otherwise."""
    toks = c.toks
    for m in range(k + 1, min(k + _ASIDE, len(toks) - 1)):
        if toks[m].sent != c.sent or toks[m].text == "(":
            return None
        if toks[m].text == ")":
            return toks[m + 1] if toks[m + 1].sent == c.sent else None
    return None


def _message_follows(c: Candidate) -> bool:
    """What a light verb's message is about or says: "made the following comment:", "made the
    case that", "made the case for"."""
    nxt = c.next_in_sentence
    return nxt is not None and (nxt.low in {"that", "about", "of", "on", "for"} or nxt.text in OPEN_QUOTES
                                or nxt.text == ":")


def _feeling_follows(c: Candidate) -> bool:
    """"were frustrated that the report came late": an adjective of feeling counts only with a
    that-clause right after it (not "angry at the mayor", "upset that day"); after "so" a clause
    opening with a pronoun is a result ("was so angry that she left"), one with another subject
    the content ("is so frustrated that the state cut the funds")."""
    k = c.i + c.length
    if not (k + 1 < len(c.toks) and c.toks[k].low == "that" and _opens_clause(c.toks, k + 1, c.sent)):
        return False
    return c.prev is None or c.prev.low not in {"so", "too"} or c.toks[k + 1].low not in SUBJECT_PRONOUNS


_SAID_OBJECTS = words("message_nouns") | words("said_objects")
#: How many words an object may have before its message noun ("added a brief note of caution").
_OBJECT_WINDOW = 4


def _said_follows(c: Candidate) -> bool:
    """A verb of going on, adding or writing reports only what was said: a that-clause (also after
    a short phrase: "added in a statement that"), a quotation, a colon, a comma before a quotation
    or "that" ("added, “...”"), a message noun as its object ("added a caveat", "added the words"),
    or with the frame "about" a topic, also after its object ("wrote about the mill", "wrote a
    book about the mill"); "added a new rule", "continued his career", "wrote three novels" report
    nothing."""
    nxt = _content_start(c)
    if nxt is None:
        return False
    if nxt.low == "that" or nxt.text in OPEN_QUOTES or nxt.text == ":" or nxt.low in _QUESTION_WORDS or (
            "about" in c.entry.frame and nxt.low in {"about", "of", "on"}):
        return True
    later = _after_phrase(c)  # "added in a statement that", "wrote in the report that"
    if later is not None and (later.low == "that" or "about" in c.entry.frame):
        return True
    k = c.i + c.length + (nxt is not c.nxt)
    after = [t for t in c.toks[k + 1:k + 1 + _OBJECT_WINDOW] if t.sent == c.sent]
    if nxt.text == ",":
        return any(t.text in OPEN_QUOTES or t.low == "that" for t in after[:3])
    return _said_object(c, [nxt, *after])


def _said_object(c: Candidate, words_: list[Tok]) -> bool:
    """Is the object that opens ``words_`` a message ("a brief caveat"), or, with the frame
    "about", followed by its topic ("a book about the mill", not "one of the songs")?"""
    for n, t in enumerate(words_):
        if t.low in _SAID_OBJECTS:
            return True
        if n > 0 and "about" in c.entry.frame and t.low in {"about", "on"} and (
                words_[n - 1].low not in _QUANTIFIERS and not words_[n - 1].text[0].isdigit()):
            return True
        if not t.text[0].isalnum():
            return False
    return False


#: Frames checked by a function of their own: "as" (29.2 "views the deal as"), "message" (light verbs),
#: "feeling" (adjectives of feeling before their that-clause), "said" (verbs of going on or adding:
#: "added that", not "added a rule").
def _marked_follows(c: Candidate) -> bool:
    """A form that is also a plural noun ("states"): a cue only with its content marked right after
    it, "that", a colon or a quotation, also after a comma ('As Ruiz states, "..."'); not "the
    western states, the people ...", "the United States." after a quotation; not after a
    determiner or a number ("Several states that had expanded Medicaid", "Twenty states that ..."),
    nor when a verb follows its "that" at once ("Southern states that voted for him": a relative
    clause; a that-clause opens with its subject)."""
    if c.prev is not None and (c.prev.low in DETS or c.prev.low in _NUMBER_WORDS or c.prev.text.isdigit()):
        return False
    nxt = c.next_in_sentence
    if nxt is not None and nxt.text == "," and c.i + c.length + 1 < len(c.toks):
        after = c.toks[c.i + c.length + 1]
        nxt = after if after.sent == c.sent and after.text in OPEN_QUOTES else None
    if nxt is not None and nxt.low == "that":
        return not relative_verb(c.toks, c.i + c.length + 1)
    return nxt is not None and (nxt.text == ":" or nxt.text in OPEN_QUOTES)


_SPECIAL_FRAMES: dict[str, Callable[[Candidate], bool]] = {
    "as": _as_follows, "message": _message_follows, "feeling": _feeling_follows, "said": _said_follows,
    "marked": _marked_follows}


#: How many words a phrase between a cue and its "that" or "about" may have ("talked to
#: reporters on the plane about", "insisted in June that").
_PHRASE_BEFORE_CONTENT = 6


def _after_phrase(c: Candidate) -> Tok | None:
    """"that" or "about" after a short prepositional phrase that follows the cue ("told the
    council in June that", "talked to reporters about", "learned again during the debate that"):
    the phrase opens with a preposition (after an optional adverb) and holds no punctuation."""
    toks, k = c.toks, c.i + c.length
    end = min(len(toks), k + _PHRASE_BEFORE_CONTENT + 2)
    if k < end and toks[k].text.isalpha() and toks[k].text.islower() and (
            toks[k].low.endswith("ly") or toks[k].low in {"again", "also", "later", "often"}):
        k += 1  # "spoke again about", "learned again during"
    if k >= end or toks[k].low not in _PREPOSITIONS or toks[k].sent != c.sent:
        return None
    for m in range(k + 1, end):
        t = toks[m]
        if t.sent != c.sent or not (t.text[0].isalnum() or t.low in {"'s", "’s"}):
            return None
        if t.low == "about" or (t.low == "that" and _opens_clause(toks, m + 1, c.sent)):
            return t
    return None


def _opens_clause(toks: list[Tok], k: int, sent: int) -> bool:
    """Does a clause (a subject) start at ``toks[k]``? "that the dam", "that he", not the relative
    "that overlooks the bay"."""
    return k < len(toks) and toks[k].sent == sent and (
        toks[k].low in _CLAUSE_START or toks[k].cap or toks[k].text[0].isdigit())


def _complement_ok(c: Candidate) -> bool:
    """Check what follows the cue when the lexicon asks for "that", a clause, a topic or "as"."""
    special = _SPECIAL_FRAMES.get(next(iter(c.entry.frame & _SPECIAL_FRAMES.keys()), ""))
    if special is not None:
        return special(c)
    if not c.entry.frame & {"that", "clause", "about"}:
        return True
    nxt = _content_start(c)
    if nxt is None:
        return False
    if _content_word_ok(c, nxt):
        return True
    later = _after_phrase(c)
    return later is not None and (later.low == "that" or "about" in c.entry.frame)


def _on_condition(c: Candidate, nxt: Tok) -> bool:
    """"speaking on condition of anonymity": the terms of speaking, not its topic."""
    if nxt.low != "on":
        return False
    after = [t.low for t in c.toks[c.i + c.length:c.i + c.length + 5]]
    at = after.index("on") + 1 if "on" in after else len(after)
    rest = after[at:at + 2]
    return rest[:1] == ["condition"] or rest == ["the", "condition"]


def _content_word_ok(c: Candidate, nxt: Tok) -> bool:
    """Does ``nxt``, the word after the cue, open its content (a that-clause, a quotation, a
    question, a topic or a clause, as the cue's frame asks)?"""
    if nxt.low == "that" or nxt.text in OPEN_QUOTES or nxt.text in ",:" or nxt.low in _QUESTION_WORDS:
        return True  # "wondered whether", "wanted to know who"
    if "about" in c.entry.frame and nxt.low in {"about", "of", "on"}:
        return not _on_condition(c, nxt)  # "spoke about the plan", "talked of leaving"
    return "clause" in c.entry.frame and (nxt.low in _CLAUSE_START or (nxt.cap and not _ends_after(c, nxt)))


def _ends_after(c: Candidate, t: Tok) -> bool:
    """Does the sentence end right after ``t``? "They think TV.": a lone name is no clause."""
    k = c.i + c.length + (t is not c.nxt) + 1
    return k >= len(c.toks) or c.toks[k].sent != c.sent or c.toks[k].text in {".", "!", "?"}


def _content_before(c: Candidate) -> bool:
    """The content came first and the cue ends the clause: '“No,” he insisted.' / 'Prices rose,
    she noted.'"""
    nxt, toks = c.nxt, c.toks
    ends_clause = nxt is None or nxt.sent != c.sent or nxt.text in {".", "!", "?", ";"}
    sent_start = next(t.start for t in toks[max(0, c.i - 60):c.i + 1] if t.sent == c.sent)
    before = c.ctx.text[sent_start:c.cue.start]
    return bool(ends_clause and _CONTENT_BEFORE.search(before)) or bool(_QUOTE_JUST_BEFORE.search(before))


def _no_content(c: Candidate) -> bool:
    if "marked" in c.entry.frame:  # no content before it either: "... United States."
        return not _marked_follows(c)
    return c.entry.kind != "according" and not _complement_ok(c) and not _content_before(c)


def _discourse_marker(c: Candidate) -> bool:
    """"Having said that, ...": a connective that turns the writer's argument, not a report
    ("That said," is already a noun_after_determiner)."""
    after = c.toks[c.i + c.length:c.i + c.length + 2]
    return c.form == "said" and c.prev is not None and c.prev.low == "having" and len(after) == 2 and (
        after[0].low == "that" and after[1].text == ",")


def _inside_quotation(c: Candidate) -> bool:
    """'"I think it works," Lee said' or '"Critics say it fails," Lee said': the inner report is
    part of what Lee is quoted as saying (PolNeAR and the course's gold mark the outer one)."""
    return c.ctx.quotes.strictly_inside(c.cue.start)


_BELIEF_ADJECTIVES = words("belief_adjectives")
#: Linking verbs before an adjective of belief ("is sure", "seemed confident", "remain convinced").
_LINKING = words("be") | words("linking") | words("linking_change")


#: Words of negation and degree between be and its adjective ("is not so sure").
_DEGREE = frozenset({"not", "n't", "never", "so", "too", "very", "quite", "all", "also", "still"})


def _adjective_without_be(c: Candidate) -> bool:
    """"make sure the dam holds", "a certain point": an adjective of belief counts only after be
    or a linking verb ("was sure that", "seemed confident the dam would hold"); after a bare "be"
    ("could not be sure", "can be convinced", "to be sure") the belief is only supposed, not held;
    "worried about its chances" is a feeling about a topic, not a belief."""
    if c.form not in _BELIEF_ADJECTIVES:
        return False
    k = c.i - 1
    while k >= 0 and c.toks[k].sent == c.sent and (c.toks[k].low in _DEGREE or (
            c.toks[k].low.endswith("ly") and c.toks[k].text.islower())):
        k -= 1
    before = c.toks[k].low if k >= 0 and c.toks[k].sent == c.sent else ""
    if before in _LINKING and c.nxt is not None and c.nxt.low in {"about", "of", "for", "by"}:
        return True  # "is worried about its chances": a feeling about a topic, no belief
    return before == "be" or (c.entry.cue in _BELIEF_ADJECTIVES and before not in _LINKING)


def _know_how(c: Candidate) -> bool:
    """"She knows how to sell a plan", "they learned how to fish": knowing how is a skill, not a
    belief that something is so (guide section 2); "knows how the plan works" stays a belief."""
    toks, k = c.toks, c.i + c.length
    return c.entry.kind == "belief" and k + 1 < len(toks) and toks[k].low == "how" and toks[k + 1].low == "to"


#: Vetoes tried before the source is looked for.
CUE_VETOES: tuple[Veto, ...] = (
    Veto("capitalised_mid_sentence", "a capitalised cue inside a sentence that is not a "
         "title-case headline (\"the Says Act\")", _capitalised_mid_sentence),
    Veto("phrasal_verb", "\"show up\", \"call off\", \"called into the show\", \"called in to\", \"called "
         "back\": not a reporting verb",
         _phrasal_verb),
    Veto("aspect_verb", "\"continued to stay away\": an aspect verb before \"to\"", _aspect_verb),
    Veto("to_blame", "\"the storm is to blame\": the subject is blamed, not blaming", _to_blame),
    Veto("byline_place", "\"Ann Lee reported from Midway Atoll\": a byline's place", _byline_place),
    Veto("noun_after_determiner", "a noun after a determiner: \"the claims\", \"his statement\", "
         "\"many questions\" (not \"his claim that\", \"some claim that\")",
         _noun_after_determiner),
    Veto("noun_after_possessive", "a noun after a possessive: \"Editor's note\"",
         _noun_after_possessive),
    Veto("plural_noun_subject", "\"his remarks were a mistake\": a plural cue noun before be, have "
         "or a modal is the subject of that verb", _plural_noun_subject),
    Veto("discourse_marker", "\"Having said that,\": a connective, not a report",
         _discourse_marker),
    Veto("adjective_without_be", "\"make sure the dam holds\", \"could not be sure\": an adjective "
         "of belief counts only after a finite be or a linking verb", _adjective_without_be),
    Veto("know_how", "\"knows how to sell a plan\": knowing how is a skill, not a belief", _know_how),
    Veto("inside_quotation", "a report inside someone's quoted words belongs to that speaker's "
         "quotation, not to the text", _inside_quotation),
    Veto("no_content", "a verb that needs \"that\" or a clause, with neither after it nor "
         "quoted content before it", _no_content),
)


def _participle_after_noun(c: Candidate) -> bool:
    if c.src is None or c.nxt is None or c.nxt.low not in {"of", "by"} or c.src[0] > c.i:
        return False
    if not (c.form.endswith("ed") or c.form in _IRREGULAR_PP):
        return False
    head = c.toks[c.src[1]]
    return not (head.low in SUBJECT_PRONOUNS or head.cap)


def _evidence_needs_document(c: Candidate) -> bool:
    nxt = c.next_in_sentence
    if c.entry.kind != "evidence" or c.src is None or (nxt is not None and (
            nxt.low == "that" or nxt.text in OPEN_QUOTES)):
        return False  # "Inspectors also found “exposed wiring”": their words
    head = c.toks[head_index(c.toks, *c.src)]
    return head.cls not in {"evidence", "org", "outlet"}


def _noun_cue_needs_clear_source(c: Candidate) -> bool:
    if c.src is None or not c.entry.noun or c.rule in {"possessor + noun cue", MODIFIED_SUBJECT, PASSIVE_AGENT}:
        return False  # a modified subject's head was checked by its rule; after "was ... by" the cue is a verb
    # "the experts I interviewed said": the head stands before the pronoun and verb of its clause;
    # "Robert Menendez (D-N.J.) suggested": before the parenthesis
    last = c.src[1] - 2 if c.rule == CONTACT_CLAUSE else c.src[1]
    if c.toks[last].text == ")":
        last = max(c.src[0], paren_open(c.toks, last) - 1)
    elif c.rule == APPOSITION_SUBJECT:
        last = core(c.toks, *c.src)[1]  # "Ben Carson, another primary opponent, questioned": the name
    head = c.toks[last]
    return not (head.np or head.low in SUBJECT_PRONOUNS or head.low in PERSON_NOUNS)


def _it_needs_speech(c: Candidate) -> bool:
    return c.src is not None and c.toks[c.src[1]].low == "it" and c.entry.kind != "speech"


#: Subjects that stand for a fact or an event, not a speaker ("it underscores", "this highlights").
_FACT_SUBJECTS = frozenset({"it", "this", "that"})


def _writer_inference(c: Candidate) -> bool:
    """"It underscores how weak the deal is", "It refers to a diet": a cue of the frame "agent"
    (emphasis, reference) whose subject is a fact or a word, not a speaker, is the writer's own
    inference or definition (guide, section 2: "All of this suggests that" is no attribution);
    so is a participle after a comma, whose subject is the event before it ("Critics won a third
    of the seats, highlighting the discontent")."""
    if c.src is None or "agent" not in c.entry.frame:
        return False
    subject = c.toks[c.src[0]].low if c.src[0] == c.src[1] else ""
    # "it" of a past act may be an organisation ("the agency did not name him; it referenced ...")
    past = c.toks[c.i].low.endswith("ed") and subject == "it"
    return c.rule == "participle: clause subject" or (subject in _FACT_SUBJECTS and not past)


def _belief_relative_clause(c: Candidate) -> bool:
    src = c.src
    if c.entry.kind != "belief" or src is None or src[0] != src[1] or src[0] <= 0:
        return False
    if c.toks[src[0]].low not in SUBJECT_PRONOUNS or c.toks[src[0]].low == "who":
        return False  # "19 percent who believe it": "who" is the believer
    before = c.toks[src[0] - 1]
    return before.sent == c.sent and before.text.isalpha() and before.text.islower() and (
        before.low not in FUNCTION and before.low not in SKIP)


def _belief_without_content(c: Candidate) -> bool:
    """"a language they understand." (no content) but not 'He concluded: "..."' or '"...,"
    Matthews concluded.'"""
    nxt = c.next_in_sentence
    if nxt is not None and nxt.text == "(":
        nxt = _after_parenthesis(c, c.i + c.length)  # "thought (foolishly) that"
    if c.entry.kind != "belief" or (nxt is not None and (
            nxt.text[0].isalnum() or nxt.text in OPEN_QUOTES or nxt.text == ":")):
        return False
    return not _content_before(c)


#: Words after a cue that leave its object slot empty: the clause ends or a preposition follows
#: ("the plan that he demanded, ...", "the rules that they asked for").
_GAP_AFTER = frozenset({",", ".", ";", ")", "—", "–", "!", "?", "and", "but", "or"})


def _noun_word(t: Tok) -> bool:
    """A lower-case content word that may end a noun phrase ("ideas", "secrecy")."""
    return t.text.isalpha() and t.text.islower() and t.low not in FUNCTION and t.low not in SKIP and (
        t.low not in all_cue_words())


def _gap_at(toks: list[Tok], k: int, sent: int) -> bool:
    """Does the object slot stay empty at ``toks[k]``: the clause ends, a conjunction follows (not
    one joining another cue: "confirms or denies its part"), or a preposition other than a topic's?"""
    if k >= len(toks) or toks[k].sent != sent:
        return True
    t = toks[k]
    if t.low in {"and", "but", "or"}:
        return k + 1 < len(toks) and toks[k + 1].low not in all_cue_words()
    return t.low in _GAP_AFTER or (t.low in _PREPOSITIONS and t.low not in {"about", "of", "on", "as", "to"})


_COMPLEMENT_NOUNS = words("complement_nouns")


def _object_relative(c: Candidate) -> bool:
    """"the ideas that he promised to uphold.", "the secrecy that Obama demanded": in a relative
    clause on a noun whose object is that noun, nothing is reported after the cue: the content is a
    thing already named (guide section 2). Not "which he denies" (a comment on a claim)."""
    src, toks, k = c.src, c.toks, c.i + c.length
    if src is None or c.entry.kind == "according" or src[0] < 2 or src[1] - src[0] > 3:
        return False
    before, earlier = toks[src[0] - 1], toks[src[0] - 2]
    if before.low != "that" or before.sent != c.sent or earlier.sent != c.sent or not _noun_word(earlier) or (
            earlier.low in _SAID_OBJECTS or earlier.low in _COMPLEMENT_NOUNS):
        return False  # "the claim that he agreed", "the fact that she agreed": the clause is the noun's content
    if k + 1 < len(toks) and toks[k].low == "to" and toks[k].sent == c.sent:
        k += 2  # "promised to uphold."
    return _gap_at(toks, k, c.sent)


def _which_believes(c: Candidate) -> bool:
    return c.src is not None and c.toks[c.src[1]].low == "which" and c.entry.kind == "belief"


def _that_verb_after_noun(c: Candidate) -> bool:
    """"Cabinet positions that require": a word before "that" whose source does not open its clause;
    "Surety firms that had insured the bonds": a plural in -s whose "that" is followed at once by
    its verb (a relative clause, :func:`relative_verb`)."""
    if c.src is None or c.entry is not THAT_VERB:
        return False
    plural = c.form.endswith("s") and not c.form.endswith(("ed", "ing"))
    return not clause_start(c.toks, c.src[0]) or (plural and relative_verb(c.toks, c.i + 2))


def _noun_cue_after_preposition(c: Candidate) -> bool:
    """"32% of Republican claims", "because of Pagliano's Fifth Amendment claims", "at one of the
    Democratic debates": a plural cue noun after a preposition, an optional determiner and
    capitalised words only is a noun phrase, not a subject and its verb."""
    if c.src is None or not c.entry.noun or not c.form.endswith("s") or c.src[0] == 0:
        return False
    before, words_ = c.toks[c.src[0] - 1], c.toks[c.src[0]:c.src[1] + 1]
    nxt = c.next_in_sentence
    if words_[0].low in _NOUN_DETERMINERS and len(words_) > 1 and not (
            nxt is not None and (nxt.low == "that" or nxt.text in OPEN_QUOTES)):
        words_ = words_[1:]  # "at one of the Democratic debates", not "of the Higher Committee reveals that"
    return before.sent == c.sent and before.low in _PREPOSITIONS and all(
        t.cap or t.low in {"'s", "’s"} for t in words_)


def _coordinated_noun(c: Candidate) -> bool:
    """"turned to natural gas and demand from China cooled": a cue that is also a noun, after "and"
    and before "from" or "for", is a noun opening a new clause, not a second verb (not after "of":
    "and boast of it"; not a past form: "and appealed for calm")."""
    nxt = c.next_in_sentence
    return c.rule == "coordinated: clause subject" and c.entry.noun and c.length == 1 and (
        not c.form.endswith("ed")) and nxt is not None and nxt.low in {"from", "for"}


#: Prepositions that also open a clause ("after the council agreed"): a subject may follow them.
_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "till", "as", "like", "of"})
#: How far before a prepositional phrase a relative pronoun opens a clause that holds it.
_RELATIVE_SPAN = 12


def _participle_in_phrase(c: Candidate) -> bool:
    """"credited to the laws proposed during his term", "In a message posted Friday, Cruz said": a
    past participle right after the noun phrase of a preposition modifies that noun."""
    if c.src is None or c.rule != "source + verb" or c.src[1] != c.i - 1 or c.src[0] == 0:
        return False
    head = c.toks[c.src[1]]
    if not c.form.endswith("ed") or head.np or not head.text.islower():  # "said" is mostly a verb
        return False
    before = c.toks[c.src[0] - 1]
    if before.sent != c.sent or before.low not in _PREPOSITIONS or before.low in _CONJUNCTIONS:
        return False
    # "A farmer who ran the office in the old port said": the verb of the relative clause's antecedent
    return not any(t.low in RELATIVE_PRONOUNS for t in c.toks[max(0, c.src[0] - _RELATIVE_SPAN):c.src[0]]
                   if t.sent == c.sent)


def _question_to_the_reader(c: Candidate) -> bool:
    """"Do you know where the returns are?", "Can you imagine if ...?": the writer asks the reader,
    who is no source; so is an order to the reader with "you" ("don't you believe those polls")."""
    if c.src is None or c.src[0] != c.src[1] or c.toks[c.src[0]].low != "you":
        return False
    k = c.src[0] - 1
    if k >= 0 and c.toks[k].sent == c.sent and c.toks[k].low in {"n't", "don't", "never"} and (
            k == 0 or c.toks[k - 1].sent != c.sent or c.toks[k - 1].low in {"do", ",", "but", "and", "so"}):
        return True  # "But don't you believe it", "Never you mind what they say"
    return c.ctx.sentences[c.sent].text.rstrip(" \"”’'").endswith("?")


#: Vetoes tried once the source is found.
SOURCE_VETOES: tuple[Veto, ...] = (
    Veto("participle_after_noun", "a participle after a noun: \"people accused of\"",
         _participle_after_noun),
    Veto("coordinated_noun", "\"and demand from China cooled\": a cue noun after and, before "
         "from or for", _coordinated_noun),
    Veto("participle_in_phrase", "a participle after the noun of a prepositional phrase: \"In a "
         "message posted Friday\"", _participle_in_phrase),
    Veto("evidence_needs_document", "\"shows\", \"found\" need a document, poll or organisation "
         "as subject (or a that-clause)", _evidence_needs_document),
    Veto("noun_cue_needs_clear_source", "a cue that is also a noun (\"claims\") needs a name, "
         "pronoun or source word before it", _noun_cue_needs_clear_source),
    Veto("it_needs_speech", "\"it\" as the source of a belief or evidence verb",
         _it_needs_speech),
    Veto("writer_inference", "\"it underscores\", \"it refers to\", \", highlighting\": a verb of "
         "emphasis or reference whose subject is a fact or an event is the writer's inference", _writer_inference),
    Veto("belief_relative_clause", "a relative clause: \"a language they understand\"",
         _belief_relative_clause),
    Veto("belief_without_content", "a belief verb with no reported content after it",
         _belief_without_content),
    Veto("which_believes", "\"which\" as the believer", _which_believes),
    Veto("object_relative", "\"the ideas that he promised to uphold\": in an object relative clause "
         "the content is the thing already named, nothing is reported", _object_relative),
    Veto("that_verb_after_noun", "\"Cabinet positions that require\", \"firms that had sued\": a noun "
         "and a relative clause, not a verb + that-clause", _that_verb_after_noun),
    Veto("question_to_the_reader", "\"Do you know where ...?\", \"don't you believe it\": the writer "
         "asks or tells the reader",
         _question_to_the_reader),
    Veto("noun_cue_after_preposition", "\"32% of Republican claims\": a cue noun after a "
         "preposition and an adjective or name is a noun phrase", _noun_cue_after_preposition),
)

#: Every veto, in the order they are tried.
VETOES: tuple[Veto, ...] = CUE_VETOES + SOURCE_VETOES


def first_veto(c: Candidate, vetoes: Sequence[Veto]) -> Veto | None:
    """The first veto in ``vetoes`` that rejects ``c``, or None."""
    for veto in vetoes:
        if veto.test(c):
            return veto
    return None

