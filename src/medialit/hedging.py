"""Hedges and boosters: where the writer softens or strengthens a claim.

A **hedge** ("could", "it is likely that", "about 40") signals less than full
commitment; a **booster** ("certainly", "as you know", "never") signals more.
:func:`find_hedges` finds both in any string, following the project's
annotation guide (``datasets/annotation-guide.md``). Every result is a frozen
:class:`Hedge` with half-open character offsets into the string passed in, so
``text[h.start:h.end] == h.text`` always holds, and with the ``rule`` that
fired, so a student can ask the tool *why*.

The words live in data, not in code: ``medialit/data/stance_lexicon.tsv``
(terms, kind, category, context conditions, what negation does, a note and a
source) and ``medialit/data/stance_words.tsv`` (the word sets the conditions
use). The conditions themselves are small named functions in
:data:`CONDITIONS`, each a few lines a student can read.

>>> [(h.text, h.kind, h.category) for h in find_hedges("It could well rain, as you know.")]
[('could well', 'hedge', 'modal'), ('as you know', 'booster', 'shared_knowledge')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from .data import DataFileError, load_table
from .text import Document, Span, as_document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "BOOSTER_CATEGORIES",
    "CONDITIONS",
    "HEDGE_CATEGORIES",
    "Hedge",
    "StanceCategory",
    "StanceKind",
    "find_hedges",
    "lexicon_terms",
    "stance_arc",
    "stance_profile",
    "stance_summary",
]

LEXICON = "stance_lexicon.tsv"
WORD_SETS = "stance_words.tsv"

#: ``hedge`` (less commitment) or ``booster`` (more).
StanceKind = Literal["hedge", "booster"]
#: Categories of the annotation guide.
StanceCategory = Literal[
    "modal", "tentative_frame", "probability", "evidential", "approximator", "shield", "doxastic", "limiter",
    "certainty", "emphatic", "absolute", "shared_knowledge",
]
#: Categories of the annotation guide, by kind.
HEDGE_CATEGORIES: tuple[StanceCategory, ...] = (
    "modal", "tentative_frame", "probability", "evidential", "approximator", "shield", "doxastic", "limiter",
)
BOOSTER_CATEGORIES: tuple[StanceCategory, ...] = ("certainty", "emphatic", "absolute", "shared_knowledge")
_KINDS = {"hedge": HEDGE_CATEGORIES, "booster": BOOSTER_CATEGORIES}

#: How many markers ``stance_summary`` lists as the most frequent.
TOP_MARKERS = 8


@dataclass(frozen=True, order=True)
class Hedge:
    """One stance marker: ``text == source[start:end]``.

    Attributes:
        start, end: half-open character offsets into the string given to :func:`find_hedges`.
        text: the marker as it appears in the text.
        kind: ``"hedge"`` (less commitment) or ``"booster"`` (more).
        category: a category of the annotation guide (``modal``, ``probability``, ``certainty``...).
        in_quote: inside a direct quotation or a block quote: the quoted speaker's stance, not the writer's.
        attributed: a belief verb whose believer is someone else ("analysts expect").
        rule: the lexicon entry and the reason it counts, for students.
    """

    start: int
    end: int
    text: str
    kind: StanceKind
    category: StanceCategory
    in_quote: bool = False
    attributed: bool = False
    rule: str = ""

    @property
    def label(self) -> str:
        """The label shown by :func:`medialit.render.highlight`: the kind."""
        return self.kind

    @property
    def title(self) -> str:
        """A one-line explanation (category, quotation, attribution, rule) for tooltips."""
        extras = [self.category.replace("_", " ")]
        if self.in_quote:
            extras.append("inside a quotation")
        if self.attributed:
            extras.append("held by someone else")
        return f"{self.kind} ({', '.join(extras)}): {self.rule}"


# --- the lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    term: str
    kind: str
    category: str
    conditions: tuple[tuple[str, bool, frozenset[str]], ...]
    negated: str
    note: str
    holder: bool

    @property
    def rule(self) -> str:
        return f'"{self.term}": {self.note}'


def _expand(term: str) -> list[tuple[str, ...]]:
    """All word sequences a term stands for ("a|b c?" gives "a c", "a", "b c", "b")."""
    slots = []
    for word in term.split():
        optional = word.endswith("?")
        choices = word.rstrip("?").split("|")
        slots.append(choices + ([""] if optional else []))
    return [tuple(w for w in combo if w) for combo in itertools.product(*slots)]


@cache
def _word_sets() -> dict[str, frozenset[str]]:
    rows = load_table(WORD_SETS, ("set", "words"))
    return {row["set"]: frozenset(row["words"].split()) for row in rows}


def _parse_conditions(row: dict[str, str]) -> tuple[tuple[tuple[str, bool, frozenset[str]], ...], bool]:
    sets = _word_sets()
    out = []
    holder = False
    for item in row.get("context", "").split():
        negate = item.startswith("!")
        name, _, arg = item.lstrip("!").partition(":")
        if name == "holder":
            holder = True
            continue
        if name not in CONDITIONS:
            raise DataFileError(f"{LEXICON}, entry {row['term']!r}: unknown context condition {name!r}")
        words: frozenset[str] = frozenset()
        if arg:
            words = sets.get(arg) or frozenset(arg.split(","))
        out.append((name, negate, words))
    return tuple(out), holder


@cache
def _lexicon() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    """Index: first word -> [(words, entry)], longest first, entries with conditions before plain ones."""
    index: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for row in load_table(LEXICON, ("term", "kind", "category", "note")):
        kind, category = row["kind"], row["category"]
        if kind not in _KINDS or category not in _KINDS[kind]:
            raise DataFileError(f"{LEXICON}, entry {row['term']!r}: unknown kind/category {kind}/{category}")
        negated = row.get("negated") or "keep"
        if negated not in ("keep", "drop"):
            n_kind, _, n_cat = negated.partition(":")
            if n_kind not in _KINDS or n_cat not in _KINDS[n_kind]:
                raise DataFileError(f"{LEXICON}, entry {row['term']!r}: bad negated value {negated!r}")
        conditions, holder = _parse_conditions(row)
        entry = _Entry(row["term"], kind, category, conditions, negated, row["note"], holder)
        for words in _expand(row["term"]):
            index.setdefault(words[0], []).append((words, entry))
    for candidates in index.values():
        candidates.sort(key=lambda c: (-len(c[0]), not c[1].conditions))
    return index


def lexicon_terms(kind: str | None = None) -> frozenset[str]:
    """Every word sequence of the lexicon (alternatives expanded), optionally of one kind.

    Used by the evaluation's any-word baseline and by the benchmark.
    """
    return frozenset(
        " ".join(words)
        for candidates in _lexicon().values()
        for words, entry in candidates
        if kind is None or entry.kind == kind
    )


# --- tokens and context conditions ---------------------------------------------------------

_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_PARTICIPLE_END = ("ed", "en", "wn")


@dataclass
class _Context:
    """The words of one sentence (:attr:`medialit.Document.sentences`), and the match being tested:
    ``toks[i:j]``."""

    text: str
    toks: list[tuple[int, int, str]]
    i: int
    j: int

    def word(self, k: int) -> str:
        return self.toks[k][2] if 0 <= k < len(self.toks) else ""

    def sentence_start(self) -> int:
        return 0


def _is_negation(word: str) -> bool:
    return word in _word_sets()["negation"] or word.endswith("n't")


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or word.split("-")[0] in _word_sets()["quantity"]


def _cond_next(c: _Context, words: frozenset[str]) -> bool:
    return c.word(c.j) in words or ("negation" in words and _is_negation(c.word(c.j)))


def _cond_prev(c: _Context, words: frozenset[str]) -> bool:
    return c.word(c.i - 1) in words


def _cond_quantity(c: _Context, words: frozenset[str]) -> bool:
    """A number or quantity follows: "about 40", "some two-thirds", "about a dozen", "around $5"."""
    k = c.j
    if c.word(k) in ("$", "£", "€", "¥"):
        k += 1
    if c.word(k) in _word_sets()["quantity_det"]:
        k += 1
    return _is_number(c.word(k))


def _cond_month(c: _Context, words: frozenset[str]) -> bool:
    """True for "May" the month: capitalised inside a sentence, or before a number."""
    start, end, _ = c.toks[c.i]
    if c.text[start:end] != "May":
        return False
    return c.i != c.sentence_start() or _is_number(c.word(c.j))


def _cond_predicative(c: _Context, words: frozenset[str]) -> bool:
    """After a copula, skipping degree words: "is (not quite) certain", "for certain"."""
    sets = _word_sets()
    k = c.i - 1
    while k >= 0 and (c.word(k) in sets["degree"] or c.word(k).endswith("n't")):
        k -= 1
    prev = c.word(k)
    return prev in sets["copula"] or prev.endswith(("'s", "'re", "'m")) or prev == "for"


def _participle(word: str) -> bool:
    return word.endswith(_PARTICIPLE_END) or word in _word_sets()["participle"]


def _cond_epistemic_must(c: _Context, words: frozenset[str]) -> bool:
    """"must have known", "must be the reason", "this must be code for"; not "must speak", "must be prepared"."""
    nxt, after = c.word(c.j), c.word(c.j + 1)
    if nxt == "have":
        return _participle(after)
    if nxt == "be":
        if c.word(c.i - 1) in ("this", "that") and after[:1].isalpha() and not _participle(after):
            return True  # "this must be code for ...", "that must be hard": a conclusion about this or that
        return after in _word_sets()["det"] or after in ("true", "right", "wrong") or after.endswith("ing")
    return False


def _cond_passive(c: _Context, words: frozenset[str]) -> bool:
    """be + past participle follows ("should be noted")."""
    return c.word(c.j) == "be" and _participle(c.word(c.j + 1))


def _cond_reported(c: _Context, words: frozenset[str]) -> bool:
    """A reporting verb earlier in the sentence ("he said he would come")."""
    reporting = _word_sets()["reporting"]
    return any(c.word(k) in reporting for k in range(c.sentence_start(), c.i))


def _cond_narrative(c: _Context, words: frozenset[str]) -> bool:
    """Narration: "would later", "would often", or a year earlier in the sentence ("In 1983 he would...")."""
    sets = _word_sets()
    if c.word(c.j) in sets["narrative"]:
        return True
    before = [c.word(k) for k in range(c.sentence_start(), c.i)]
    return any(_YEAR.match(w) or w in sets["narrative_before"] for w in before)


def _cond_conditional(c: _Context, words: frozenset[str]) -> bool:
    """The sentence states a condition ("if", "unless"): the modal gives its consequence."""
    conditional = _word_sets()["conditional"]
    return any(w in conditional for w in _sentence_words(c))


def _sentence_words(c: _Context) -> list[str]:
    return [word for _, _, word in c.toks]


def _cond_past_frame(c: _Context, words: frozenset[str]) -> bool:
    """A past time frame in the sentence: a year, "ago", "as a child", "when ... was/were"."""
    sentence = _sentence_words(c)
    past = _word_sets()["past_time"]
    if any(_YEAR.match(w) or w in past for w in sentence):
        return True
    return any(w == "when" and ("was" in sentence[k:] or "were" in sentence[k:]) for k, w in enumerate(sentence))


def _cond_manner(c: _Context, words: frozenset[str]) -> bool:
    """A manner adverb before a participle: "Clearly marked signs", "were clearly labelled"."""
    sets = _word_sets()
    prev = c.word(c.i - 1)
    at_start = c.i == c.sentence_start()
    return _participle(c.word(c.j)) and (at_start or prev in sets["copula"] or prev in sets["det"])


def _cond_relative(c: _Context, words: frozenset[str]) -> bool:
    """Right after a relative pronoun ("reforms that would raise"); "That would be..." opening a sentence is not."""
    return c.word(c.i - 1) in _word_sets()["relative"] and c.i - 1 > c.sentence_start()


def _cond_purpose(c: _Context, words: frozenset[str]) -> bool:
    """A purpose clause: "so (that) he could attend"."""
    return any(c.word(k) in _word_sets()["purpose"] for k in range(max(c.sentence_start(), c.i - 3), c.i))


def _cond_attributive(c: _Context, words: frozenset[str]) -> bool:
    """Between a determiner and a word: "a possible successor" (not "the best possible", "made possible")."""
    nxt = c.word(c.j)
    return c.word(c.i - 1) in _word_sets()["det"] and nxt[:1].isalpha() and nxt not in ("to", "for", "that")


def _is_past(word: str) -> bool:
    sets = _word_sets()
    if word in sets["past_irregular"]:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in sets["not_past"]


def _cond_past_before(c: _Context, words: frozenset[str]) -> bool:
    """A past-tense verb earlier in the sentence: "they believed it would fail" (the future seen from the past)."""
    return any(_is_past(c.word(k)) for k in range(c.sentence_start(), c.i))


def _cond_opens_clause(c: _Context, words: frozenset[str]) -> bool:
    """The word opens a sentence or a clause: "Consider the problem", "As an example, consider..." (an instruction)."""
    return c.i == c.sentence_start() or c.word(c.i - 1) in (",", ":", ";", "(")


def _cond_next_verb(c: _Context, words: frozenset[str]) -> bool:
    """The next verb, skipping "not", "also", "probably"..., is in ``words``: "would (not) be", "would seem"."""
    skip = _word_sets()["verb_skip"]
    k = c.j
    while k < c.j + 4 and (c.word(k) in skip or c.word(k).endswith("n't")):
        k += 1
    return c.word(k) in words


def _cond_in_condition(c: _Context, words: frozenset[str]) -> bool:
    """Inside the condition itself: "if I could bill", "unless they would agree" (no comma in between)."""
    for k in range(c.i - 1, max(c.sentence_start(), c.i - 5) - 1, -1):
        if c.word(k) in (",", ";", ":"):
            return False
        if c.word(k) in ("if", "unless"):
            return True
    return False


def _cond_clause_follows(c: _Context, words: frozenset[str]) -> bool:
    """A clause follows the verb ("they think the plan will fail", "many think so"), not a bare word
    ("they think TV.") nor "of", "about" ("the best I can think of": thinking, not a belief) or "and", "or"
    ("Marxist thought and practice", "fear and panic": the noun)."""
    nxt = c.word(c.j)
    if nxt in ("so", "that"):
        return True
    if nxt in _word_sets()["no_clause"] or not nxt[:1].isalnum():
        return False
    return c.word(c.j + 1)[:1].isalnum()


def _cond_demand(c: _Context, words: frozenset[str]) -> bool:
    """What is asked of someone, not a forecast: "we expect purity from candidates", "it is fair to expect more"."""
    if c.word(c.i - 1) == "to" and c.word(c.i - 2) in words:
        return True
    for k in range(c.j, c.j + 5):
        if not c.word(k)[:1].isalnum() or c.word(k) in ("to", "that"):
            return False
        if c.word(k) == "from":
            return True
    return False


def _cond_past_next(c: _Context, words: frozenset[str]) -> bool:
    """A past-tense verb follows: "it never came up", "he never spoke longer than 30 minutes" (what did not
    happen then, a record of the past, not a sweeping generalisation like "he never listens")."""
    return _is_past(c.word(c.j))


def _cond_speaker_subject(c: _Context, words: frozenset[str]) -> bool:
    """The subject is a person who says so: "he suggested that", "Clinton indicated", "a woman who suggested"
    (a pronoun in ``words`` or a capitalised name inside the sentence), not evidence ("the data suggest")."""
    skip = _word_sets()["holder_skip"]
    k = c.i - 1
    while k > 0 and c.word(k) in skip:
        k -= 1
    if k < 0 or c.word(k) in words:
        return k >= 0
    start, _, word = c.toks[k]
    capitalised = word[:1].isalpha() and c.text[start].isupper()
    return k > 0 and capitalised and c.word(k - 1) not in ("the", "a", "an")


def _cond_gerund_next(c: _Context, words: frozenset[str]) -> bool:
    """A verb in -ing follows: "consider taking action", "considered moving" (weighing a plan, not a belief)."""
    nxt = c.word(c.j)
    return len(nxt) > 5 and nxt.endswith("ing") and not nxt.endswith("thing")


def _cond_trusted_object(c: _Context, words: frozenset[str]) -> bool:
    """Trust in someone or something, not a belief that something is so: "don't believe him.", "believe
    those polls." (a pronoun in ``words`` or a determiner and a noun, then the end of the clause)."""
    nxt = c.word(c.j)
    if nxt in words:
        return not c.word(c.j + 1)[:1].isalnum()
    articles = ("the", "a", "an", "those", "these", "his", "her", "their", "its", "my", "your", "our")
    return nxt in articles and c.word(c.j + 1)[:1].isalnum() and not c.word(c.j + 2)[:1].isalnum()


def _cond_negative_subject(c: _Context, words: frozenset[str]) -> bool:
    """The subject is negative ("nobody could", "no one could", "few could", "no seats could be found"):
    what nobody was able to do, like "could not" (past ability), not a possibility."""
    return c.word(c.i - 1) in words or c.word(c.i - 2) == "no"


def _cond_weighs_object(c: _Context, words: frozenset[str]) -> bool:
    """A thing to weigh follows, then a word of ``words`` ("of", "for", "and"...), with no "as" or "to" after it
    in the clause: "consider the risk of floods", "did not consider an acting career when" (deliberation,
    not belief); "consider the tax a mistake", "consider the waging of wars as a crime" are beliefs."""
    det = _word_sets()["det"]
    if c.word(c.j) not in det:
        return False
    for k in range(c.j + 1, c.j + 5):
        word = c.word(k)
        if word in words:
            rest = itertools.takewhile(lambda w: w not in (",", ";", ":", ".", ""), map(c.word, range(k, k + 30)))
            return not any(w in ("as", "to") for w in rest)
        if not (word[:1].isalnum() or word == "'s") or word in det or word in ("as", "to", "that"):
            return False
    return False


def _cond_sign_subject(c: _Context, words: frozenset[str]) -> bool:
    """A sign that stands for something, not evidence: "as the title suggests", "the first letter indicates",
    "a symbol used to indicate an end" (the word before, or before "to", is in ``words``)."""
    prev = c.word(c.i - 1)
    return prev in words or (prev == "to" and c.word(c.i - 2) in words)


def _cond_ahead(c: _Context, words: frozenset[str]) -> bool:
    """One of the next three words, before any punctuation or "that", is in ``words``: "assumed command of",
    "assume additional duties" (taking something on, not supposing), "view nuclear power as" (a belief)."""
    for k in range(c.j, c.j + 3):
        word = c.word(k)
        if word in words:
            return True
        if not word[:1].isalnum() or word == "that":
            return False
    return False


#: Context conditions the lexicon may name (``!name`` negates). Each takes the match context and
#: the word set given after a colon, and says whether the condition holds.
CONDITIONS: dict[str, Callable[[_Context, frozenset[str]], bool]] = {
    "next": _cond_next,
    "prev": _cond_prev,
    "quantity": _cond_quantity,
    "month": _cond_month,
    "predicative": _cond_predicative,
    "epistemic_must": _cond_epistemic_must,
    "passive": _cond_passive,
    "reported": _cond_reported,
    "narrative": _cond_narrative,
    "attributive": _cond_attributive,
    "conditional": _cond_conditional,
    "purpose": _cond_purpose,
    "relative": _cond_relative,
    "past_frame": _cond_past_frame,
    "manner": _cond_manner,
    "past_before": _cond_past_before,
    "opens_clause": _cond_opens_clause,
    "next_verb": _cond_next_verb,
    "in_condition": _cond_in_condition,
    "clause_follows": _cond_clause_follows,
    "demand": _cond_demand,
    "past_next": _cond_past_next,
    "speaker_subject": _cond_speaker_subject,
    "gerund_next": _cond_gerund_next,
    "trusted_object": _cond_trusted_object,
    "negative_subject": _cond_negative_subject,
    "weighs_object": _cond_weighs_object,
    "sign_subject": _cond_sign_subject,
    "ahead": _cond_ahead,
}


def _holder_is_other(c: _Context) -> bool:
    """Who holds the belief? Walk back over "even began to" etc. to the subject.

    Attributed when the subject is a word other than the writer ("I", "we") or reader;
    not attributed at the start of a sentence or clause.
    """
    sets = _word_sets()
    k = c.i - 1
    while k >= 0 and (c.word(k) in sets["holder_skip"] or c.word(k).endswith("n't")):
        k -= 1
    subject = c.word(k)
    return bool(subject) and subject[0].isalnum() and subject not in sets["self"] and subject not in sets["det"]


# --- finding -------------------------------------------------------------------------------


_Found = tuple[int, int, str, str, bool, str]


@cache
def _trie() -> dict:
    """The lexicon as a word trie: each node maps a word (or "*") to a child; key None holds the entries
    that end there, entries with conditions first (they are the more specific readings)."""
    root: dict = {}
    for candidates in _lexicon().values():
        for words, entry in candidates:
            node = root
            for word in words:
                node = node.setdefault(word, {})
            ends = node.setdefault(None, [])
            if entry not in ends:
                ends.append(entry)
    stack = [root]
    while stack:
        node = stack.pop()
        if None in node:
            node[None].sort(key=lambda e: not e.conditions)
        stack.extend(child for key, child in node.items() if key is not None)
    return root


def _matches_at(toks: list[tuple[int, int, str]], i: int, root: dict) -> list[tuple[int, list[_Entry]]]:
    """Every lexicon sequence that starts at token ``i``: (end token, entries), longest first."""
    node = root.get(toks[i][2])
    if node is None:
        return []
    out = []
    frontier = [(node, i + 1)]
    while frontier:
        node, j = frontier.pop()
        if None in node:
            out.append((j, node[None]))
        if j < len(toks):
            word = toks[j][2]
            child = node.get(word)
            if child is not None:
                frontier.append((child, j + 1))
            star = node.get("*")
            if star is not None and word[0].isalnum():
                frontier.append((star, j + 1))
    out.sort(key=lambda m: -m[0])
    return out


def _words(doc: Document, sentence: Span) -> list[tuple[int, int, str]]:
    """The sentence's tokens (:attr:`medialit.Document.tokens`) as lexicon words: lower case, curly
    apostrophes straight, and the contractions the tokenizer splits joined again ("ca" + "n't" is
    "can't", "it" + "'s" is "it's"), as the lexicon writes them."""
    out: list[list] = []
    for tok in doc.tokens_in(sentence):
        start, word = tok.start, tok.text.lower().replace("’", "'")
        if word[:1] == "'" and len(word) > 1 and word not in _CLITICS:  # 'could' in single quotes
            out.append([start, start + 1, "'"])
            start, word = start + 1, word[1:]
        if out and out[-1][1] == start and (word in _CLITICS or _CLITIC_PAIRS.get(out[-1][2]) == word):
            out[-1][1], out[-1][2] = tok.end, out[-1][2] + word
        else:
            out.append([start, tok.end, word])
    return [(s, e, w) for s, e, w in out]


_CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m", "n't"})


# Words the tokenizer splits in two with no apostrophe: "cannot", "gonna", "wanna", "gotta".
_CLITIC_PAIRS = {"can": "not", "gon": "na", "wan": "na", "got": "ta"}


def _match_sentence(doc: Document, sentence: Span, use_context: bool) -> Iterable[_Found]:
    root = _trie()
    toks = _words(doc, sentence)
    n = len(toks)
    i = 0
    while i < n:
        step = 1
        if toks[i][2] in root:
            for j, entries in _matches_at(toks, i, root):
                hit = _accept(doc.text, toks, i, j, entries, use_context)
                if hit is not None:
                    yield hit
                    step = j - i
                    break
        i += step


def _accept(text: str, toks: list[tuple[int, int, str]], i: int, j: int, entries: list[_Entry],
            use_context: bool) -> _Found | None:
    """The first entry whose conditions hold for ``toks[i:j]``, as a found marker (or None)."""
    context = _Context(text, toks, i, j)
    for entry in entries:
        if use_context and not all(
            CONDITIONS[name](context, arg) != negate for name, negate, arg in entry.conditions
        ):
            continue
        kind, category = entry.kind, entry.category
        if use_context and entry.negated != "keep" and i > 0:
            before = context.word(i - 1)
            if before in _word_sets()["degree"] and not _is_negation(before):
                before = context.word(i - 2)
            if _is_negation(before):
                if entry.negated == "drop":
                    continue
                kind, category = entry.negated.split(":")
        attributed = bool(use_context and entry.holder and _holder_is_other(context))
        return toks[i][0], toks[j - 1][1], kind, category, attributed, entry.rule
    return None


def _find(doc: Document, use_context: bool = True) -> list[Hedge]:
    found = []
    for sentence in doc.sentences:
        found.extend(_match_sentence(doc, sentence, use_context))
    text = doc.text
    return [
        Hedge(s, e, text[s:e], kind, category, doc.quote_at(s, e) is not None, attributed, rule)
        for s, e, kind, category, attributed, rule in found
    ]


def find_hedges(text: str | Document, use_context: bool = True) -> list[Hedge]:
    """Find hedges and boosters in ``text``, in order of position.

    Works on any string (a sentence, a paragraph, ``doc.text``) or a
    :class:`~medialit.Document`; offsets index that string (or ``doc.text``).
    Each word or phrase of ``medialit/data/stance_lexicon.tsv``
    counts when its context conditions hold (``about`` only before a number,
    ``May`` not the month, ``must`` only when epistemic, ...). Markers never
    overlap: at each position the longest entry whose conditions hold wins.
    Sentences, words and quotations are the text basis's
    (:mod:`medialit.text`): a marker is ``in_quote`` when it lies in
    :attr:`medialit.Document.quotes`.

    Args:
        text: any string, or a Document.
        use_context: False ignores every context condition and negation (the
            evaluation's any-lexicon-word baseline).

    Returns:
        A list of :class:`Hedge`, sorted by ``start``.

    >>> [h.text for h in find_hedges("It is likely that about 40 ships may sail in May 2024.")]
    ['It is likely that', 'about', 'may']
    >>> find_hedges("Analysts expect a deal.")[0].attributed
    True
    """
    return _find(as_document(text), use_context)


# --- aggregates ----------------------------------------------------------------------------


def _hedges_of(doc: Document, hedges: list[Hedge] | None) -> list[Hedge]:
    return find_hedges(doc) if hedges is None else hedges


def stance_profile(doc: Document, by: str = "paragraph", hedges: list[Hedge] | None = None) -> pd.DataFrame:
    """Hedges and boosters per paragraph (``by="paragraph"``) or per sentence (``by="sentence"``).

    Returns a pandas DataFrame with one row per unit: ``index`` (the unit's
    number), ``paragraph`` (the number of the paragraph it is in),
    ``paragraph_kind`` (heading, paragraph or quote), ``start``, ``end``,
    ``words``, ``hedges``, ``boosters``, ``hedges_per_100_words``,
    ``boosters_per_100_words`` and ``text`` (the first 60 characters).
    Pass ``hedges`` (the result of :func:`find_hedges` on ``doc.text``) to
    reuse markers already found.

    >>> import medialit
    >>> doc = medialit.Document.from_text("It may rain. It will certainly rain, as you know.")
    >>> stance_profile(doc, by="sentence")[["paragraph", "words", "hedges", "boosters"]].values.tolist()
    [[0, 3, 1, 0], [0, 7, 0, 2]]
    """
    import pandas as pd

    if by not in ("paragraph", "sentence"):
        raise ValueError(f"stance_profile: by must be 'paragraph' or 'sentence', not {by!r}")
    hedges = _hedges_of(doc, hedges)
    units = doc.paragraphs if by == "paragraph" else doc.sentences
    para_starts = [p.start for p in doc.paragraphs]
    word_starts = [w.start for w in doc.words]
    marker_starts = [h.start for h in hedges]
    rows = []
    for number, unit in enumerate(units):
        words = bisect.bisect_left(word_starts, unit.end) - bisect.bisect_left(word_starts, unit.start)
        lo, hi = bisect.bisect_left(marker_starts, unit.start), bisect.bisect_left(marker_starts, unit.end)
        kinds = Counter(h.kind for h in hedges[lo:hi])
        para = bisect.bisect_right(para_starts, unit.start) - 1
        rows.append({
            "index": number,
            "paragraph": para,
            "paragraph_kind": doc.paragraphs[para].kind if para >= 0 else "paragraph",
            "start": unit.start,
            "end": unit.end,
            "words": words,
            "hedges": kinds["hedge"],
            "boosters": kinds["booster"],
            "hedges_per_100_words": round(100 * kinds["hedge"] / words, 2) if words else 0.0,
            "boosters_per_100_words": round(100 * kinds["booster"] / words, 2) if words else 0.0,
            "text": unit.text[:60],
        })
    return pd.DataFrame(rows)


def stance_arc(doc: Document, hedges: list[Hedge] | None = None) -> pd.DataFrame:
    """The hedge-to-booster arc: how the balance of stance changes from the first paragraph to the last.

    One row per paragraph with ``position`` (0 = start of the article, 1 = end,
    the paragraph's middle), ``hedges``, ``boosters``, ``balance`` (boosters
    minus hedges), the running totals ``cumulative_hedges`` and
    ``cumulative_boosters`` and ``booster_share`` (running boosters as a share
    of all running markers; 0.5 means as many boosters as hedges so far).
    """
    profile = stance_profile(doc, "paragraph", hedges)
    length = max(len(doc.text), 1)
    arc = profile[["index", "paragraph_kind", "hedges", "boosters", "words"]].rename(columns={"index": "paragraph"})
    arc.insert(1, "position", ((profile["start"] + profile["end"]) / 2 / length).round(3))
    arc["balance"] = arc["boosters"] - arc["hedges"]
    arc["cumulative_hedges"] = arc["hedges"].cumsum()
    arc["cumulative_boosters"] = arc["boosters"].cumsum()
    total = arc["cumulative_hedges"] + arc["cumulative_boosters"]
    arc["booster_share"] = (arc["cumulative_boosters"] / total.where(total > 0)).round(3)
    return arc


def stance_summary(doc: Document, hedges: list[Hedge] | None = None) -> dict[str, Any]:
    """JSON-ready summary for ``medialit analyze``: counts by kind and category, per 100 words, top markers."""
    hedges = _hedges_of(doc, hedges)
    kinds = Counter(h.kind for h in hedges)
    words = doc.word_count
    per100 = {k: round(100 * kinds[k] / words, 2) if words else 0.0 for k in ("hedge", "booster")}
    by_category = Counter(f"{h.kind}/{h.category}" for h in hedges)
    top = Counter(h.text.lower().replace("’", "'") for h in hedges).most_common(TOP_MARKERS)
    return {
        "hedges": kinds["hedge"],
        "boosters": kinds["booster"],
        "per_100_words": per100,
        "by_category": dict(sorted(by_category.items())),
        "in_quotations": sum(h.in_quote for h in hedges),
        "attributed_beliefs": sum(h.attributed for h in hedges),
        "top_markers": [f"{text} ({count})" for text, count in top],
    }
