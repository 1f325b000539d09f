"""Who says so: find attributions (source, reporting cue, quotation) in any text.

An **attribution** links content to a source through a reporting verb or phrase
("said", "denied", "according to", "expressed the view", a colon before a
quotation) or an appeal to common knowledge ("as you know"). The rules follow
``datasets/annotation-guide.md`` (section "Attributions"):

1. **Cues** come from ``medialit/data/reporting_verbs.tsv`` (each verb with what it
   implies: *said* is neutral, *admitted* or *claimed* carry a judgement),
   appeals to common knowledge from ``common_knowledge.tsv``, and a colon that
   introduces a quotation or a block quote.
2. **Sources** are the noun phrase before the cue ("Vladimir Putin denied"),
   after it when the order is inverted (``", said Tan."``, "according to him"),
   or the subject of an earlier cue in the same sentence ("He noted ... and
   added:"). Impersonal "it is said that" has no source (``source=None``).
3. **Types** come from the words of the phrase (``attribution_sources.tsv``):
   pronouns, titles and roles, organisation cues (Ministry, Committee, outlet
   names), capital cities standing for governments ("Beijing"), unnamed
   collectives ("many", "critics"); any other capitalised name is a person.
4. **Pronouns** are resolved to the most recent compatible source ("he" to the
   last person or role, "they" to the last group or organisation); a definite
   role ("the president") refers to the most recently named person.

Known gaps (see ``medialit evaluate attribution`` for figures): reporting
verbs outside the lexicon are missed unless a "that"-clause follows; a source
far from its verb (a long relative clause in between) is missed or cut short;
pronouns are resolved without gender or number agreement beyond he/she vs
they; attributions nested inside another's quotation are reported as well
(except "I think" and the like inside a quotation, which belong to the quoted
speaker); headline case and transcripts are handled by simple rules.

Offsets are half-open character positions into the exact string passed in:
``text[a.start:a.end] == a.text`` and likewise for ``source``, ``cue`` and
``quote``.

>>> [(a.source.text, a.source_type, a.cue.text) for a in find_attributions(
...     "Vladimir Putin denied the claim. According to him, nothing is secret.")]
[('Vladimir Putin', 'named_person', 'denied'), ('him', 'pronoun', 'According to')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .data import load_table
from .document import Document, Span, paragraph_spans, sentence_spans

if TYPE_CHECKING:  # pandas and the renderer are imported only when used
    import pandas as pd

    from .render import Highlight

__all__ = [
    "COMMON_KNOWLEDGE",
    "SOURCE_TYPES",
    "TYPE_DESCRIPTIONS",
    "Attribution",
    "AttributionChain",
    "attribution_chains",
    "attribution_summary",
    "attribution_summary_by_type",
    "attribution_table",
    "chains_html",
    "chains_text",
    "find_attributions",
    "highlight_attributions",
    "reporting_verbs",
    "source_rows",
    "unattributed_claims",
]

#: The name under which appeals to common knowledge are counted.
COMMON_KNOWLEDGE = "(common knowledge: no source)"

#: The source types of the annotation guide, most specific first.
SOURCE_TYPES = ("named_person", "official_role", "organization", "vague", "common_knowledge",
                "pronoun")

# --- data ------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    cue: str
    kind: str
    implies: str
    noun: bool
    frame: frozenset[str]
    note: str


@lru_cache(maxsize=1)
def _cue_forms() -> dict[tuple[str, ...], _Cue]:
    """Every matched word sequence (lower case) -> its lexicon row."""
    forms: dict[tuple[str, ...], _Cue] = {}
    for row in load_table("reporting_verbs.tsv", ("cue", "forms", "kind", "implies", "noun")):
        frame = frozenset(f.strip() for f in row.get("frame", "").split(",") if f.strip() != "-")
        cue = _Cue(row["cue"], row["kind"], row["implies"], row["noun"] == "yes", frame,
                   row.get("note", ""))
        for form in row["forms"].split(","):
            key = tuple(_WORD_RE.findall(form.strip().lower()))
            if key and key not in forms:
                forms[key] = cue
    return forms


@lru_cache(maxsize=1)
def _source_words() -> dict[str, tuple[str, str]]:
    """word (lower case) -> (type, class) from ``attribution_sources.tsv``."""
    return {
        row["word"].lower(): (row["type"], row["class"])
        for row in load_table("attribution_sources.tsv", ("word", "type", "class"))
    }


@lru_cache(maxsize=1)
def _common_knowledge() -> tuple[re.Pattern[str], ...]:
    rows = load_table("common_knowledge.tsv", ("pattern",))
    return tuple(re.compile(r"\b" + row["pattern"] + r"\b", re.I) for row in rows)


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


# --- result ----------------------------------------------------------------


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
    """

    start: int
    end: int
    text: str
    source: Span | None
    source_type: str
    cue: Span
    quote: Span | None = None
    direct: bool = False
    refers_to: str | None = None
    name: str = ""
    implies: str = "neutral"
    rule: str = ""

    @property
    def label(self) -> str:
        """The source type (for :func:`medialit.render.highlight`)."""
        return self.source_type

    @property
    def speaker(self) -> str:
        """Who speaks, as a reader would say it: ``refers_to`` or ``name``."""
        return self.refers_to or self.name or "(unnamed)"


# --- tokens ----------------------------------------------------------------

_WORD_RE = re.compile(r"[\w][\w\-]*(?:[.’'][\w]+)*\.?|[^\w\s]")
_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"                                       # U.S., D.C.
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|St|Jr|Sr|Inc)\.(?!\w)"
    r"|[A-Z]\.(?=\s+[A-Z])"                                  # initials: John D. Podesta
    r"|\w+(?:[-–]\w+)*(?:[’'](?![sS]\b)\w+)*"                # words, didn't, o'neill
    r"|[’'][sS]\b"                                           # possessive 's
    r"|--+|''|``|[^\w\s]"
)

_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which"}
_DETS = {"the", "a", "an", "this", "that", "these", "those", "another", "his", "her", "its",
         "their", "our", "my", "your", "some", "many", "several", "most", "all", "both", "each",
         "every", "no", "few", "other", "one", "two", "three", "four", "five", "more", "any"}
_QUANTIFIERS = {"some", "many", "several", "most", "few", "other", "more", "all", "both", "no",
                "two", "three", "four", "five", "any"}
_FUNCTION = {
    "of", "and", "or", "but", "in", "on", "for", "to", "with", "by", "at", "from", "as", "than",
    "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being", "has",
    "have", "had", "do", "does", "did", "not", "no", "if", "then", "so", "when", "while", "what",
    "which", "who", "whom", "whose", "where", "why", "how", "there", "here", "also", "even",
    "just", "only", "about", "into", "over", "after", "before", "because", "since", "though",
    "although", "however", "nevertheless", "moreover", "meanwhile", "still", "yet", "now",
    "recently", "today", "yesterday", "tomorrow", "last", "next", "earlier", "later", "during",
    "under", "against", "between", "among", "through", "without", "within", "upon", "once",
    "according", "let", "let’s", "let's", "all", "both", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "again", "already", "instead", "such", "very", "too",
    "indeed", "thus", "therefore", "hence", "furthermore", "besides", "perhaps", "maybe",
    "in particular", "particularly", "especially", "together", "finally", "first", "second",
    "up", "out", "off", "down", "like", "unlike", "via", "per", "amid", "despite", "toward",
    "towards", "around", "across", "behind", "beyond", "near", "it", "its", "he", "she", "they",
    "we", "i", "you", "him", "her", "them", "us", "me", "his", "their", "our", "my", "your",
}
# Words that may stand between a source and its verb: auxiliaries, negation, adverbs of
# time and manner, and aspect verbs before "to" ("began to speculate").
_SKIP = {
    "also", "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would",
    "could", "can", "may", "might", "should", "must", "shall", "did", "does", "do", "not",
    "never", "recently", "previously", "later", "then", "long", "once", "again", "even",
    "still", "already", "often", "just", "always", "first", "further", "only", "now", "today",
    "yesterday", "n't", "to", "began", "begun", "begin", "begins", "started", "starts", "start",
    "continued", "continues", "continue", "seemed", "seems", "appeared", "appears", "went",
    "has long", "soon", "ever", "quickly", "immediately", "finally", "too", "all",
    "reportedly", "allegedly", "apparently", "really", "actually", "repeatedly", "herself",
    "himself", "themselves", "itself", "wanted", "wants", "refused", "declined", "tried",
    "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "wasn't",
    "hasn't", "haven't", "hadn't", "aren't", "weren't", "'s",
}
# Verbs after which "to" may stand between a source and its cue ("began to speculate").
_ASPECT = {"began", "begun", "begin", "begins", "started", "starts", "start", "continued",
           "continues", "continue", "seemed", "seems", "appeared", "appears", "went", "wanted",
           "wants", "refused", "declined", "tried", "used", "had", "has", "have", "is", "was",
           "are", "were", "going", "likely", "unlikely", "able", "quick", "expected"}
# What may follow a clause-taking verb ("think that", "think it", not "felt comfortable").
_CLAUSE_START = {"that", "the", "a", "an", "this", "these", "those", "it", "he", "she", "they",
                 "we", "i", "you", "there", "his", "her", "their", "our", "its", "my", "your",
                 "so", "of", "about", "no", "all", "some", "many", "most"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}
_HAVE = {"has", "have", "had"}
_PAST_PARTICIPLE_OK = {"said", "told", "stated", "reported", "believed", "thought", "expected",
                       "understood", "known", "claimed", "alleged", "rumoured", "rumored",
                       "announced", "argued", "estimated", "suggested", "feared"}
_IRREGULAR_PP = {"said", "told", "thought", "known", "shown", "found", "written", "understood",
                 "made", "put", "felt", "held", "given", "taken"}
_OPEN_QUOTES = frozenset({"“", "«", "„", '"', "''", "``"})
_CLOSE_QUOTES = frozenset({"”", "»", '"', "''"})


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    sent: int
    newline: bool = False  # a line break between the previous token and this one


def _is_cap(tok: _Tok) -> bool:
    c = tok.text[0]
    return c.isupper() and tok.low not in _FUNCTION and tok.low not in _STARTERS


_STARTERS = {"but", "and", "however", "recently", "meanwhile", "still", "yet", "so", "also",
             "now", "then", "later", "earlier", "today", "yesterday", "moreover", "in", "on",
             "at", "after", "before", "when", "while", "if", "though", "although", "as", "since",
             "because", "during", "last", "this", "that", "both", "even", "what", "why", "how",
             "where", "nevertheless", "thus", "indeed", "there", "here", "instead", "according",
             "all", "one", "read", "watch", "photo", "update", "note", "editor", "full", "text",
             "asked", "let", "let’s", "let's", "yes", "no", "well", "oh", "please", "for", "with",
             "by", "from", "to", "of", "a", "an", "the", "these", "those", "every", "each"}


def _merge_sentences(text: str, sentences: Sequence[Span]) -> list[Span]:
    """Undo sentence breaks that cut a sentence after an abbreviation: "(R-Ga.) | said"."""
    out: list[Span] = []
    for sent in sentences:
        if out and sent.text[:1].islower() and "\n" not in text[out[-1].end:sent.start]:
            prev = out[-1]
            out[-1] = Span(prev.start, sent.end, text[prev.start:sent.end])
        else:
            out.append(sent)
    return out


def _tokens(text: str, sentences: Sequence[Span]) -> list[_Tok]:
    out: list[_Tok] = []
    for number, sent in enumerate(sentences):
        for m in _TOKEN_RE.finditer(text, sent.start, sent.end):
            newline = bool(out) and "\n" in text[out[-1].end:m.start()]
            out.append(_Tok(m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"),
                            number, newline))
    return out


def _word_class(tok: _Tok) -> tuple[str, str] | None:
    return _lookup(tok.low)


@lru_cache(maxsize=4096)
def _lookup(low: str) -> tuple[str, str] | None:
    """The class of a word, trying the singular of a plural ("attorneys" -> "attorney")."""
    words = _source_words()
    found = words.get(low)
    if found is None and len(low) > 3 and low.endswith("s"):
        singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
        found = words.get(singular)
        if found is not None and found[1] not in {"role", "collective", "evidence", "org"}:
            found = None
    return found


# --- noun phrases ----------------------------------------------------------


def _pronoun_of(tok: _Tok) -> str | None:
    """The subject pronoun of a token, contractions included: "I'll" -> "i"."""
    base = tok.low.split("'", 1)[0]
    return base if base in _SUBJECT_PRONOUNS and base not in {"who", "which"} else None


def _people_plural(tok: _Tok) -> bool:
    """A lower-case plural that names people by what they do: "environmentalists", "protesters"."""
    return tok.text.isalpha() and tok.text.islower() and len(tok.text) > 5 and tok.low.endswith(
        ("ists", "ers", "ians", "ants", "ors", "ents", "ees")) and tok.low not in _FUNCTION


def _np_word(tok: _Tok) -> bool:
    """A word that can belong to a source noun phrase (not a determiner)."""
    cls = _word_class(tok)
    if cls is not None and cls[1] in {"nonname", "time"}:
        return False
    if _is_cap(tok):
        return True
    if cls is not None and cls[1] == "place":
        return False
    return cls is not None and cls[1] in {"role", "org", "outlet", "evidence", "collective",
                                         "honorific", "capital", "country"}


def _np_back(toks: list[_Tok], j: int, strict: bool = False) -> tuple[int, int] | None:
    """The source noun phrase whose last token is ``toks[j]``, as (first, last) indices."""
    head = toks[j]
    sent = head.sent
    if head.text == ")":
        m = j - 1
        while m > 0 and toks[m].sent == sent and toks[m].text != "(" and j - m < 8:
            m -= 1
        if toks[m].text != "(" or m == 0:
            return None
        inner = _np_back(toks, m - 1, strict=True)
        return (inner[0], j) if inner else None
    if head.low in {"who", "which"} and (j == 0 or toks[j - 1].sent != sent or toks[
            j - 1].text in _OPEN_QUOTES):
        return None  # a question: "Who would have believed..."
    if head.low in _SUBJECT_PRONOUNS or _pronoun_of(head):
        return (j, j)
    if (_word_class(head) or ("", ""))[1] in {"nonname", "time"}:
        return None
    if not head.text[0].isalpha():
        return None
    strong = _np_word(head) or _people_plural(head)
    if not strong:
        if strict or head.low in _FUNCTION or head.text[0].isupper() or head.low in _SKIP:
            return None
        if head.low.endswith("ly") or head.low.endswith("ing"):
            return None
    k = j - 1
    first = j
    modifiers = 0
    while k >= 0 and toks[k].sent == sent and not toks[k + 1].newline:
        t = toks[k]
        if t.low == "the" and k >= 2 and toks[k - 1].low in {"of", "for"} and _np_word(
                toks[k - 2]) and toks[k - 2].sent == sent:
            first = k - 2
            k -= 2
            continue
        if t.low in _DETS or t.text.isdigit():
            if t.low not in {"that", "no", "all", "both", "more", "any"}:
                first = k
            break
        if _np_word(t):
            first = k
            modifiers = 0
            k -= 1
            continue
        if t.low == ")" and k - 1 >= 0:
            # a parenthesis inside the phrase: "Rep. Gwen Moore (D-Wis.)"
            m = k - 1
            while m > 0 and toks[m].sent == sent and toks[m].text != "(" and k - m < 8:
                m -= 1
            if toks[m].text == "(" and m - 1 >= 0 and _np_word(toks[m - 1]):
                k = m - 1
                continue
            break
        if t.low == "'s" and k >= 2 and toks[k - 1].text.isalpha() and toks[k - 1].text.islower(
                ) and toks[k - 2].low in {"the", "a", "an", "this", "that"}:
            first = k - 2  # a lower-case possessor: "the state's campaign chairman"
            break
        if t.low in {"'s"} and k - 1 >= 0 and _np_word(toks[k - 1]):
            first = k
            k -= 1
            continue
        if t.low in {"of", "for", "and", "&", "at", "from", "on"} and k - 1 >= 0 and toks[
                k - 1].sent == sent:
            before = toks[k - 1]
            if before.low == "the" and k - 2 >= 0:
                before = toks[k - 2]
                step = 2
            else:
                step = 1
            lexical = (_word_class(before) or ("", ""))[1] in {"role", "collective", "org"}
            if _np_word(before) and (t.low in {"of", "for", "&"} or (
                    t.low == "and" and _is_cap(before)) or lexical):
                first = k - step + 1
                k -= step
                continue
            break
        if (t.text[0].islower() and t.text.isalpha() and t.low not in _FUNCTION
                and t.low not in _SKIP and not t.low.endswith(("ly", "ed", "ing"))
                and modifiers < 2
                and t.low not in _all_cue_words()):
            modifiers += 1
            k -= 1
            continue
        break
    # trailing lower-case modifiers without a determiner are not part of the phrase
    while first < j and modifiers and toks[first].text[0].islower() and not _np_word(
            toks[first]) and toks[first].low not in _DETS:
        first += 1
    if not strong:
        # an unknown lower-case head needs a determiner, a number or a possessor
        # ("the film said", "73 percent said", "Clinton's team says")
        if not (toks[first].low in _DETS or toks[first].text.isdigit() or _is_cap(toks[first])
                or any(_np_word(t) for t in toks[first:j])):
            return None
    if toks[first].low in _DETS and first == j and (
            (_word_class(toks[j]) or ("", ""))[1] != "collective"):
        return None
    return (first, j)


def _np_forward(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The source noun phrase starting at ``toks[i]`` (after "according to" or ", said")."""
    if i >= len(toks):
        return None
    sent = toks[i].sent
    t = toks[i]
    if t.low in _SUBJECT_PRONOUNS or t.low in {"him", "her", "them", "us", "me"}:
        return (i, i)
    k = i
    if t.low in {"that", "this", "these", "those"}:
        return None
    if t.low in _DETS:
        k += 1
    last = None
    while k < len(toks) and toks[k].sent == sent:
        t = toks[k]
        if _np_word(t) or (t.low == "'s" and last is not None):
            last = k
            k += 1
            continue
        if t.low in {"of", "for", "&"} and last is not None:
            nxt = k + 1
            if nxt < len(toks) and toks[nxt].low == "the":
                nxt += 1
            if nxt < len(toks) and toks[nxt].sent == sent and _np_word(toks[nxt]):
                k = nxt
                continue
            break
        if t.text[0].islower() and t.text.isalpha() and t.low not in _FUNCTION and (
                t.low not in _all_cue_words()) and k + 1 < len(toks) and _np_word(toks[k + 1]):
            k += 1
            continue
        break
    if last is None and toks[i].low in {"the", "a", "an"} and i + 2 < len(toks) and toks[
            i + 1].text.isalpha() and toks[i + 1].text.islower() and toks[i + 1].low not in \
            _FUNCTION and toks[i + 2].text in {".", ",", ";"}:
        return (i, i + 1)  # '", said the ruling.'
    if last is None:
        return None
    while last > i and toks[last].low == "'s":
        last -= 1
    return (i, last)


@lru_cache(maxsize=1)
def _all_cue_words() -> frozenset[str]:
    return frozenset(w for key in _cue_forms() for w in key)


# --- typing and names ------------------------------------------------------


def _final_cap_run(toks: list[_Tok], first: int, last: int) -> tuple[int, int] | None:
    k = last
    while k >= first and toks[k].low == "'s":
        k -= 1
    end = k
    while k >= first and (_is_cap(toks[k]) or (_word_class(toks[k]) or ("", ""))[1] ==
                          "honorific"):
        k -= 1
    return (k + 1, end) if k < end else None


def _is_acronym(tok: _Tok) -> bool:
    letters = tok.text.replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6


def _head_index(toks: list[_Tok], first: int, last: int) -> int:
    for k in range(first + 1, last):
        if toks[k].low in {"of", "for", "in", "at", "from", "by", "on"}:
            return k - 1
    k = last
    while k > first and toks[k].low == "'s":
        k -= 1
    return k


def _classify(toks: list[_Tok], first: int, last: int) -> str:
    """The source type of the phrase ``toks[first..last]``."""
    if first == last and (toks[first].low in _SUBJECT_PRONOUNS | {"him", "her", "them"}
                          or _pronoun_of(toks[first])):
        return "pronoun"
    head = _head_index(toks, first, last)
    head_class = _word_class(toks[head])
    words = toks[first:last + 1]
    if toks[first].low in _QUANTIFIERS and not _is_cap(toks[head]):
        return "vague"
    if any(t.text == "&" for t in toks[first:last + 1]):
        return "organization"  # "Johnson & Johnson"
    if head_class and head_class[1] == "collective":
        return "vague"
    run = _final_cap_run(toks, first, head)
    if run is not None and run[1] == head:
        names = toks[run[0]:run[1] + 1]
        classes = {(_word_class(t) or ("", ""))[1] for t in names}
        if classes & {"org", "outlet", "evidence"} or any(_is_acronym(t) for t in names):
            return "organization"
        if classes <= {"capital", "country", "place", "org"} and classes & {"capital", "country",
                                                                            "place"}:
            return "organization"  # a place standing for its government: "Ohio", "New York"
        if toks[first].low in _QUANTIFIERS or _group_name(names):
            return "vague"
        if all((_word_class(t) or ("", ""))[1] in {"role", "honorific"} for t in names):
            return "official_role"
        return "named_person"
    if head_class:
        if head_class[1] == "role":
            return "official_role"
        if head_class[1] in {"org", "outlet", "evidence", "capital", "country"}:
            return "organization"
    if any(_is_cap(t) and (_word_class(t) or ("", ""))[1] in {"org", "outlet"} for t in words):
        return "organization"
    return "vague"


def _group_name(names: list[_Tok]) -> bool:
    """A people or party named in the plural: "Americans", "African Americans", "Democrats"."""
    last = names[-1].low
    plural = last.endswith(("ans", "crats", "icans", "ists", "ites", "als")) or last in {
        "muslims", "jews"}
    return plural and all(t.low.endswith(("an", "ans", "ic", "crats", "ists", "ites", "ish", "als"))
                          or t is names[-1] for t in names)


def _person_name(toks: list[_Tok], first: int, last: int) -> str:
    """A person's name without titles or possessive: "Tan Kefei"."""
    run = _final_cap_run(toks, first, last) or (first, last)
    words = [t.text for t in toks[run[0]:run[1] + 1]
             if (_word_class(t) or ("", ""))[1] not in {"honorific", "role"}]
    if not words:
        words = [toks[run[1]].text]
    return " ".join(words)


def _plain_name(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"[’']s$", "", text)
    return text


class _Names:
    """Person names seen so far, to expand "Xi" into "Xi Jinping" and resolve roles."""

    def __init__(self, toks: list[_Tok]) -> None:
        self._index: dict[str, list[tuple[int, str]]] | None = None
        self.mentions: list[tuple[int, str]] = []  # (offset, full name)
        k = 0
        n = len(toks)
        while k < n:
            t = toks[k]
            honorific = (_word_class(t) or ("", ""))[1] == "honorific"
            if _is_cap(t) or honorific:
                j = k
                while j + 1 < n and toks[j + 1].sent == t.sent and (
                        _is_cap(toks[j + 1]) or (_word_class(toks[j + 1]) or ("", ""))[1]
                        == "honorific"):
                    j += 1
                run = toks[k:j + 1]
                classes = {(_word_class(x) or ("", ""))[1] for x in run}
                plain = [x for x in run if (_word_class(x) or ("", ""))[1] not in
                         {"honorific", "role"}]
                person_like = not (classes & {"org", "outlet", "evidence", "capital", "country",
                                              "nonname", "collective", "place"}) and not any(
                    _is_acronym(x) for x in run)
                if person_like and plain and (len(plain) >= 2 or len(plain) < len(run)):
                    if len(plain) <= 4:
                        self.mentions.append((run[0].start, " ".join(x.text for x in plain)))
                k = j + 1
            else:
                k += 1

    @property
    def _starts(self) -> list[int]:
        return [at for at, _ in self.mentions]

    def canonical(self, name: str, offset: int) -> str:
        """The fullest earlier (or later) name that contains a one-word ``name``."""
        parts = name.split()
        if len(parts) != 1:
            return name
        best = None
        for at, full in self._by_word().get(name, ()):
            if at <= offset or best is None:
                best = full
        return best or name

    def _by_word(self) -> dict[str, list[tuple[int, str]]]:
        if self._index is None:
            self._index = {}
            for at, full in self.mentions:
                words = full.split()
                if len(words) >= 2:
                    for word in {words[0], words[-1]}:
                        self._index.setdefault(word, []).append((at, full))
        return self._index

    def last_before(self, offset: int) -> str | None:
        k = bisect.bisect_left(self._starts, offset)
        return self.mentions[k - 1][1] if k > 0 else None


# --- quotes ----------------------------------------------------------------


class _Quotes(list):
    """Quotation spans as a list of (start, end), with lookups by start and by end."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        super().__init__(spans)
        self.by_start = {a: b for a, b in spans}
        self.by_end = {b: a for a, b in spans}


def _quote_spans(text: str, paragraphs: Sequence[Span]) -> _Quotes:
    """Quoted stretches as (open mark, after close mark); an unclosed quote runs to the
    paragraph's end."""
    spans = []
    for para in paragraphs:
        open_at = None
        for m in re.finditer(r"''|``|[“”«»\"]", para.text):
            ch = m.group()
            pos = para.start + m.start()
            if ch == "''" and m.start() > 0 and para.text[m.start() - 1].isalpha() and (
                    open_at is None):
                continue  # an apostrophe pair inside a word, not a quotation
            if open_at is None:
                if ch in {"“", "«", '"', "''", "``"}:
                    open_at = pos
            elif ch in {"”", "»", '"', "''"}:
                spans.append((open_at, pos + len(ch)))
                open_at = None
        if open_at is not None and para.end - open_at > 1:
            spans.append((open_at, para.end))
    return _Quotes(spans)


def _inner(text: str, a: int, b: int) -> Span:
    s, e = a + (2 if text[a:a + 2] in {"''", "``"} else 1), b
    if e - 2 > s and text[e - 2:e] == "''":
        e -= 2
    elif e > s and text[e - 1] in _CLOSE_QUOTES:
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    if s >= e:
        s, e = a, b
    return Span(s, e, text[s:e])


# --- the detector ----------------------------------------------------------


def _match_cue(toks: list[_Tok], i: int) -> tuple[int, _Cue] | None:
    forms = _cue_forms()
    for length in (4, 3, 2, 1):
        if i + length > len(toks):
            continue
        key = tuple(t.low for t in toks[i:i + length])
        if key in forms and toks[i + length - 1].sent == toks[i].sent:
            return length, forms[key]
    return None


@dataclass
class _Found:
    src: tuple[int, int] | None
    cue: Span
    quote: Span | None
    direct: bool
    rule: str
    entry: _Cue | None
    stype: str | None = None
    src_span: Span | None = None


def find_attributions(text: str) -> list[Attribution]:
    """Find every attribution in ``text``: source, cue, quotation, type, referent.

    Works on any string (an empty one gives ``[]``); a :class:`Document` is
    read through its ``.text``. Offsets index that text.

    Args:
        text: an article or any passage, as plain text.

    Returns:
        Attributions sorted by position. Each has ``source`` (a Span or None),
        ``source_type`` (one of :data:`SOURCE_TYPES`), ``cue``, ``quote`` (the
        quoted words of a direct quotation, without the marks), ``direct``,
        ``refers_to`` (for pronouns and roles), ``name`` and ``implies``.

    Lexicons: ``reporting_verbs.tsv``, ``attribution_sources.tsv``,
    ``common_knowledge.tsv`` in ``medialit/data`` (written for medialit, CC0).

    >>> [(a.source.text, a.source_type, a.refers_to) for a in find_attributions(
    ...     "Officials met. Tan Kefei said so. He also noted that ties are close.")]
    [('Tan Kefei', 'named_person', None), ('He', 'pronoun', 'Tan Kefei')]
    """
    if isinstance(text, Document):
        text = text.text
    if not isinstance(text, str):
        raise TypeError(f"find_attributions needs the text as a str, not {type(text).__name__}: "
                        "decode bytes first, or pass doc.text")
    if not text.strip():
        return []
    paragraphs = paragraph_spans(text)
    sentences = _merge_sentences(text, sentence_spans(text, paragraphs))
    toks = _tokens(text, sentences)
    quotes = _quote_spans(text, paragraphs)
    found: list[_Found] = []
    taken: set[int] = set()

    # 1. appeals to common knowledge
    for pattern in _common_knowledge():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in _taken_spans(found)):
                continue
            group = m.start("group") if "group" in pattern.groupindex else -1
            if group is not None and group >= 0:
                src = Span(m.start("group"), m.end("group"), m.group("group"))
            else:
                src = Span(m.start(), m.end(), m.group())
            cue = Span(m.start(), m.end(), m.group())
            found.append(_Found(None, cue, None, False, "common knowledge phrase", None,
                                "common_knowledge", src))
    ck_spans = [(f.cue.start, f.cue.end) for f in found]
    for k, t in enumerate(toks):
        if any(s <= t.start < e for s, e in ck_spans):
            taken.add(k)

    # 2. transcript speakers: "WALLACE: Do you..." at the start of a paragraph
    para_starts = {p.start for p in paragraphs}
    labels = _speaker_labels(text)
    for k, t in enumerate(toks):
        start_ok = t.start in para_starts or (
            k > 0 and toks[k - 1].text in _OPEN_QUOTES and toks[k - 1].start in para_starts)
        if not start_ok:
            continue
        j = k
        while j < len(toks) and j - k < 4 and toks[j].text not in ":" and (
                toks[j].text[0].isupper() or toks[j].text == "."):
            j += 1
        if j < len(toks) and toks[j].text == ":" and j > k and j + 1 < len(toks) and (
                toks[j + 1].sent == toks[j].sent):
            name = toks[k:j]
            label = text[name[0].start:name[-1].end]
            transcript = all(x.text.isupper() or x.text == "." for x in name) and len(
                "".join(x.text for x in name)) > 2 and label in labels
            # a headline or lead: "Pat Caddell: Democrat Voters Worried ...", with the name
            # found again elsewhere in the text
            classes = {(_word_class(x) or ("", ""))[1] for x in name}
            signed = 2 <= len(name) <= 3 and all(_is_cap(x) and x.text.isalpha() and not
                                                 x.text.isupper() for x in name) and not (
                classes & {"org", "outlet", "evidence", "capital", "country", "place",
                           "nonname", "time", "collective", "role"}) and len(re.findall(
                    r"\b" + re.escape(name[-1].text) + r"\b", text)) >= 2
            # "Poll: Wealthy Voters Abandon ..." (a headline naming a poll, report or study)
            document = len(name) == 1 and classes <= {"evidence"} and classes and name[
                0].text[0].isupper() and not name[0].text.isupper()
            if transcript or signed or document:
                para = next(p for p in paragraphs if p.start <= t.start < p.end)
                qs = toks[j + 1].start
                q = Span(qs, para.end, text[qs:para.end])
                found.append(_Found((k, j - 1), Span(toks[j].start, toks[j].end, ":"), q,
                                    not document, "speaker label and colon", None,
                                    "organization" if document else "named_person"))
                taken.update(range(k, j + 1))

    # 3. reporting verbs and phrases
    i = 0
    while i < len(toks):
        if i in taken:
            i += 1
            continue
        m = _match_cue(toks, i) or _that_verb(toks, i)
        if m is None:
            i += 1
            continue
        length, entry = m
        t = toks[i]
        if t.text[0].isupper() and i > 0 and toks[i - 1].sent == t.sent and not (
                toks[i - 1].text in _OPEN_QUOTES or toks[i - 1].text in "(—–-:") and not (
                _title_case(text, sentences[t.sent])):
            i += 1
            continue
        f = _attribution_at(text, toks, i, length, entry, found, quotes, paragraphs)
        if f is not None:
            found.append(f)
            taken.update(range(i, i + length))
            if f.src is not None and f.src[0] > i:
                # a source after its cue ("according to news reports") is not a cue itself
                taken.update(range(f.src[0], f.src[1] + 1))
                i = max(i + length, f.src[1] + 1)
                continue
        i += length
    found.extend(_dash_signatures(text, toks, quotes, taken))
    return _finish(text, toks, found)


# Verbs before "that" that do not report anyone's words or thoughts.
_NOT_REPORTING = {"is", "was", "has", "does", "means", "meant", "ensures", "ensured",
                  "requires", "required", "provided", "provides", "so", "such", "needed",
                  "needs", "seems", "seemed", "appears", "appeared", "happened", "includes",
                  "included", "given", "led", "caused", "causes", "made", "makes", "hopes",
                  "did", "used", "allowed", "allows", "based", "recognized", "remains",
                  "lies", "matters", "helped", "helps", "changed", "changes", "planned"}
_THAT_VERB = _Cue("(verb + that)", "speech", "unlisted", False, frozenset(),
                  "a verb followed by a that-clause: someone says, thinks or finds something")


def _that_verb(toks: list[_Tok], i: int) -> tuple[int, _Cue] | None:
    """Any past or present verb followed by "that" after a clear subject: "Trump bragged that"."""
    t = toks[i]
    if i + 1 >= len(toks) or toks[i + 1].low != "that" or toks[i + 1].sent != t.sent:
        return None
    if not (t.text.isalpha() and t.text.islower() and t.low.endswith(("ed", "s"))):
        return None
    if t.low in _NOT_REPORTING or t.low in _FUNCTION or t.low.endswith(("ss", "us", "is")):
        return None
    prev = toks[i - 1] if i > 0 else None
    if prev is None or prev.sent != t.sent or not (
            prev.low in {"he", "she", "they", "we", "i"} or _is_cap(prev) or (
            _word_class(prev) or ("", ""))[1] in {"role", "collective", "org", "outlet"}):
        return None
    return 1, _THAT_VERB


def _dash_signatures(text: str, toks: list[_Tok], quotes, taken: set[int]) -> list[_Found]:
    """A quotation signed with a dash and a name: '“...” ― Sonya Herridge'."""
    out = []
    ends = {b: (a, b) for a, b in quotes}
    index = {t.start: k for k, t in enumerate(toks)}
    for m in re.finditer(r"[”\"]\s*([―—–])\s*", text):
        k = index.get(m.end())
        if k is None or k in taken:
            continue
        j = k
        while j < len(toks) and _is_cap(toks[j]) and j - k < 5 and toks[j].sent == toks[k].sent:
            j += 1
        if j - k >= 2 and (j >= len(toks) or not toks[j].text[0].isalpha()):
            quote = _inner(text, *ends[m.start() + 1]) if m.start() + 1 in ends else None
            dash = m.start(1)
            out.append(_Found((k, j - 1), Span(dash, dash + 1, text[dash]), quote,
                              True, "quotation signed with a dash", None))
    return out


def _speaker_labels(text: str) -> set[str]:
    """Upper-case labels that open two or more lines ("WALLACE: ..."): a transcript."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"(?m)^[\s\"“]*([A-Z][A-Z.\- ]{1,30}[A-Z.]):", text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return {label for label, n in counts.items() if n >= 2}


_BOUNDARY = {"that", "who", "which", "when", "as", "because", "while", "but", "and", "if",
             "since", "although", "though", "where", "whose", "so"}


def _according_source(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The whole phrase after "according to", up to punctuation or a new clause."""
    if i >= len(toks):
        return None
    sent = toks[i].sent
    k = i
    last = None
    while k < len(toks) and toks[k].sent == sent and k - i < 14:
        t = toks[k]
        if t.low in _BOUNDARY and last is not None:
            break
        if not t.text[0].isalnum() and t.low != "'s" and t.text not in "-–&" and t.text not in \
                _OPEN_QUOTES | _CLOSE_QUOTES:
            break
        last = k
        k += 1
    if last is None:
        return None
    while last > i and (toks[last].text in _OPEN_QUOTES | _CLOSE_QUOTES or toks[last].low in
                        _FUNCTION):
        last -= 1
    return (i, last)


def _title_case(text: str, sentence: Span) -> bool:
    """True for a headline in title case ("Lindsey Graham Says Trump Could...")."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence.text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _taken_spans(found: Iterable[_Found]) -> list[tuple[int, int]]:
    return [(f.cue.start, f.cue.end) for f in found]


def _attribution_at(text: str, toks: list[_Tok], i: int, length: int, entry: _Cue,
                    found: list[_Found], quotes, paragraphs) -> _Found | None:
    """Try to build an attribution around the cue ``toks[i:i+length]``."""
    first_cue, last_cue = toks[i], toks[i + length - 1]
    cue_end = last_cue.end
    # a colon right after the verb belongs to the cue ("added:")
    if i + length < len(toks) and toks[i + length].text == ":" and entry.kind != "according":
        cue_end = toks[i + length].end
    cue = Span(first_cue.start, cue_end, text[first_cue.start:cue_end])
    sent = first_cue.sent
    nxt = toks[i + length] if i + length < len(toks) else None
    prev = toks[i - 1] if i > 0 and toks[i - 1].sent == sent else None
    form = last_cue.low
    src: tuple[int, int] | None = None
    rule = ""

    if entry.kind == "according":
        src = _according_source(toks, i + length) if nxt is not None and nxt.sent == sent \
            else None
        if src is None:
            return None
        rule = "according to + source"
    else:
        if nxt is not None and nxt.low in {"up", "off", "out"} and entry.cue in {"show", "call"}:
            return None
        if prev is not None and prev.low in {"the", "a", "an", "his", "her", "their", "its",
                                             "our", "my", "your", "this", "that", "these"}:
            return None  # a noun: "the claims", "his statement"
        if prev is not None and prev.low == "'s" and (entry.noun or not form.endswith("ing")):
            return None  # a noun after a possessive: "Editor's note"
        if not _complement_ok(text, entry, nxt, sent, cue):
            # the content may come first: '“No,” he insisted.' / 'Prices rose, she noted.'
            ends_clause = nxt is None or nxt.sent != sent or nxt.text in {".", "!", "?", ";"}
            sent_start = next(t.start for t in toks[max(0, i - 60):i + 1] if t.sent == sent)
            before = text[sent_start:first_cue.start]
            if not (ends_clause and re.search(r"[”\"]|''|,\s*\S+(?:\s+\S+){0,4}\s*$", before)):
                return None
        # inverted order: '”, said Tan' or ', says the spokesman'
        if (prev is None or prev.text in "," or prev.text in _CLOSE_QUOTES) and (
                nxt is not None and nxt.sent == sent) and "inverts" in entry.frame and (
                not form.endswith("ing")):
            fwd = _np_forward(toks, i + length)
            after = toks[fwd[1] + 1] if fwd is not None and fwd[1] + 1 < len(toks) else None
            if fwd is not None and (_np_word(toks[fwd[1]]) or toks[fwd[1]].low in
                                    {"he", "she", "they", "we", "i"}) and (
                    after is None or after.sent != sent or after.low in _AFTER_INVERTED):
                src = fwd
                rule = "quote, verb + source"
        if src is None and prev is not None:
            src, rule = _source_before(toks, i, entry, form, found)
            if src is None and entry.kind == "evidence":
                src, rule = _evidence_before(toks, i), "document + verb"
            if src is None and rule == "passive-it":
                pass
            elif src is None:
                return None
    if src is None and rule != "passive-it":
        return None
    if src is not None and nxt is not None and nxt.low in {"of", "by"} and (
            form.endswith("ed") or form in _IRREGULAR_PP):
        head = toks[src[1]]
        if not (head.low in _SUBJECT_PRONOUNS or _is_cap(head)):
            return None  # a participle after a noun: "people accused of"
    # evidence verbs need a document, poll or organisation as subject
    if entry.kind == "evidence" and src is not None and (nxt is None or nxt.low != "that"):
        head = toks[_head_index(toks, *src)]
        if (_word_class(head) or ("", ""))[1] not in {"evidence", "org", "outlet"}:
            return None
    if src is not None and entry.noun:
        head = toks[src[1]]
        if not (_np_word(head) or head.low in _SUBJECT_PRONOUNS):
            return None
    first_person = src is not None and src[0] == src[1] and _pronoun_of(toks[src[0]]) in {
        "i", "we", "you"}
    if first_person and any(a < toks[src[0]].start < b for a, b in quotes):
        return None  # "I think" inside a quotation: the quoted speaker's own stance
    if src is not None and toks[src[1]].low == "it" and entry.kind != "speech":
        return None
    if entry.kind == "belief" and src is not None and src[0] == src[1] and src[0] > 0 and (
            toks[src[0]].low in _SUBJECT_PRONOUNS):
        before = toks[src[0] - 1]
        if before.sent == sent and before.text.isalpha() and before.text.islower() and (
                before.low not in _FUNCTION and before.low not in _SKIP):
            return None  # a relative clause: "a language they understand"
    if entry.kind == "belief" and (nxt is None or nxt.sent != sent or not nxt.text[0].isalnum()):
        return None  # "a language they understand." has no reported content
    if src is not None and toks[src[1]].low in {"which"} and entry.kind == "belief":
        return None
    if src is not None and entry is _THAT_VERB and not _clause_start(toks, src[0]):
        return None  # "Cabinet positions that require": a noun and a relative clause
    quote, direct = _quote_for(text, toks, i, length, cue, src, quotes, paragraphs)
    return _Found(src, cue, quote, direct, rule, entry)


_AFTER_INVERTED = {".", ",", ";", ":", "—", "–", "-", "--", "(", "in", "on", "at", "during",
                   "after", "before", "last", "this", "yesterday", "today", "who", "told", "when",
                   "while", "\"", "”", "“", "of", "from", "to", "?", "!", "monday", "tuesday",
                   "wednesday", "thursday", "friday", "saturday", "sunday", "recently", "earlier",
                   "later", "then", "as", "about", "with"}


def _evidence_before(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The poll, study or document that "shows" or "found", further back in the sentence:
    "The latest Reuters/Ipsos poll released Friday shows", "Video of the incident shows"."""
    sent = toks[i].sent
    k = i - 1
    while k >= 0 and toks[k].sent == sent and i - k <= 20 and toks[k].text not in {";", ":"}:
        if (_word_class(toks[k]) or ("", ""))[1] == "evidence":
            np = _np_back(toks, k, strict=True)
            if np is not None and (_clause_start(toks, np[0]) or toks[np[0]].low in _DETS):
                return np
        k -= 1
    return None


def _complement_ok(text: str, entry: _Cue, nxt: _Tok | None, sent: int, cue: Span) -> bool:
    """Check what follows the cue when the lexicon asks for "that" or a clause."""
    if not entry.frame & {"that", "clause"}:
        return True
    if nxt is None or nxt.sent != sent:
        return False
    if nxt.low == "that" or nxt.text in _OPEN_QUOTES or nxt.text in ",:":
        return True
    if "clause" in entry.frame:
        return nxt.low in _CLAUSE_START or _is_cap(nxt)
    return False


def _source_before(toks: list[_Tok], i: int, entry: _Cue, form: str,
                   found: list[_Found]) -> tuple[tuple[int, int] | None, str]:
    sent = toks[i].sent
    j = i - 1
    skipped: list[str] = []
    while j >= 0 and toks[j].sent == sent and (
            toks[j].low in _SKIP or (toks[j].low.endswith("ly") and toks[j].text.islower()
                                     and len(toks[j].low) > 4)):
        skipped.append(toks[j].low)
        j -= 1
    while j >= 1 and toks[j - 1].low in {"on", "in", "at", "last", "this", "earlier", "late"} and (
            (_word_class(toks[j]) or ("", ""))[1] in {"nonname", "time"} or toks[j].text.isdigit()):
        j -= 2  # "Sanders on Tuesday said", "who in 2010 said"
        while j >= 0 and toks[j].text == ",":
            j -= 1
    if j < 0 or toks[j].sent != sent:
        return None, ""
    if "to" in skipped:
        at = skipped.index("to")
        if at + 1 >= len(skipped) or skipped[at + 1] not in _ASPECT:
            return None, ""  # "supporters in Michigan to ask": not the subject of "ask"
    # passive: "it is said that" (no source); "he was told" (not a source)
    participle = form in _PAST_PARTICIPLE_OK or form.endswith("ed") or form in _IRREGULAR_PP
    if participle and set(skipped) & (_BE - {"'s", "’s"}):
        if toks[j].low == "it" and i + 1 < len(toks) and toks[i + 1].low == "that":
            return None, "passive-it"
        return None, ""
    if form.endswith("ing") and not (set(skipped) & _BE):
        # participle: ", saying ..." -> the subject of the clause
        if toks[j].text == ",":
            return _earlier_subject(toks, j, found), "participle: clause subject"
        return None, ""
    t = toks[j]
    if t.low in {"and", "but"}:
        return _earlier_subject(toks, j, found), "coordinated: clause subject"
    if t.text in {",", "--", "—", "–"}:
        # apposition: "Scott Pruitt, the attorney general of Oklahoma, one of ..., said"
        k = j - 1
        while k > 0 and toks[k].sent == sent and j - k < 45:
            if toks[k].text in {",", "--", "—", "–"} and toks[k].text[0] == t.text[0]:
                np = _np_back(toks, k - 1, strict=True)
                opening = toks[k + 1].low in _APPOSITION_START or _np_word(
                    toks[k + 1]) or toks[k + 1].text.isdigit() or (
                    np is not None and _is_cap(toks[np[1]]))
                if opening and np is not None and toks[np[1]].low not in _SUBJECT_PRONOUNS and (
                        _clause_start(toks, np[0])):
                    return (np[0], j - 1), "source, apposition, + verb"
            elif toks[k].text in _OPEN_QUOTES or toks[k].text in _CLOSE_QUOTES or toks[
                    k].text in ";:":
                break
            k -= 1
        return None, ""
    if t.low in {"him", "her", "them", "me", "us"}:
        return None, ""
    if t.text == ")":
        m = j - 1
        while m > 0 and toks[m].sent == sent and toks[m].text != "(" and j - m < 8:
            m -= 1
        if toks[m].text == "(" and m > 0:
            np = _np_back(toks, m - 1, strict=True)
            return ((np[0], j), "source (note) + verb") if np else (None, "")
        return None, ""
    np = _np_back(toks, j, strict=entry.noun)
    if np is None:
        return None, ""
    return np, "source + verb"


_APPOSITION_START = {"a", "an", "the", "who", "whose", "which", "one", "now", "then", "also",
                     "like", "including", "another", "his", "her", "their", "its", "our"}


def _clause_start(toks: list[_Tok], k: int) -> bool:
    """True when ``toks[k]`` begins a clause: sentence start, after a quote or a connective."""
    if k == 0 or toks[k - 1].sent != toks[k].sent:
        return True
    before = toks[k - 1]
    return before.text in _OPEN_QUOTES or before.text in _CLOSE_QUOTES or before.text in ",;:" \
        or before.low in {"but", "and", "however", "meanwhile", "yet", "while", "though",
                          "although", "because", "as", "so", "when", "that", "which", "who",
                          "whom", "what"}


_PREPOSITIONS = {"in", "on", "at", "after", "before", "since", "during", "by", "for", "with",
                 "from", "of", "to", "about", "into", "over", "under", "than", "like", "among"}


def _earlier_subject(toks: list[_Tok], j: int, found: list[_Found]) -> tuple[int, int] | None:
    sent = toks[j].sent
    for f in reversed(found):
        if f.src is not None and toks[f.src[0]].sent == sent and f.src[1] < j:
            return f.src
        if f.src is not None and toks[f.src[0]].sent < sent:
            break
    k = j
    while k > 0 and toks[k - 1].sent == sent:
        k -= 1
    while k < j:
        t = toks[k]
        if t.low in {"he", "she", "they", "we", "i"}:
            return (k, k)
        after_preposition = k > 0 and toks[k - 1].sent == sent and toks[k - 1].low in _PREPOSITIONS
        if (_is_cap(t) or _np_word(t)) and not after_preposition:
            end = k
            while end + 1 < j and (_np_word(toks[end + 1]) or toks[end + 1].low == "'s"):
                end += 1
            if toks[end].low == "'s":
                return None
            start = k - 1 if k > 0 and toks[k - 1].sent == sent and toks[k - 1].low == "the" \
                else k
            return (start, end)
        if t.text == ",":
            k += 1
            continue
        k += 1
        if k - j > 12:
            break
    return None


def _quote_for(text: str, toks: list[_Tok], i: int, length: int, cue: Span,
               src: tuple[int, int] | None, quotes, paragraphs) -> tuple[Span | None, bool]:
    """The quotation this attribution introduces or closes, if any."""
    # after the cue: ': "..."', ', "..."', ' that "..."'
    after = re.match(r"[\s,:]*(?:that\s+)?", text[cue.end:cue.end + 12])
    pos = cue.end + (after.end() if after else 0)
    if pos in quotes.by_start:
        return _inner(text, pos, quotes.by_start[pos]), True
    # block quote: the cue ends its paragraph with a colon, the next paragraph is a quote
    if cue.text.endswith(":") or text[cue.end:cue.end + 1] == ":":
        rest = text[cue.end:]
        m = re.match(r":?\s*\n\s*", rest)
        if m:
            for p in paragraphs:
                if p.start == cue.end + m.end():
                    s, e = p.start, p.end
                    if text[s] in _OPEN_QUOTES:
                        return _inner(text, s, e), True
                    return Span(s, e, text[s:e]), True
    # before the frame: '"...," he said' / '"..." said Tan'
    frame_start = min(cue.start, toks[src[0]].start if src else cue.start)
    b = frame_start
    while b > 0 and text[b - 1] in " \t\n\r,—–-":
        b -= 1
    for end in range(frame_start, b - 1, -1):
        if end in quotes.by_end:
            return _inner(text, quotes.by_end[end], end), True
    return None, False


def _finish(text: str, toks: list[_Tok], found: list[_Found]) -> list[Attribution]:
    names = _Names(toks)
    genders: dict[str, str] = {}
    found.sort(key=lambda f: (f.src_span.start if f.src_span else (
        toks[f.src[0]].start if f.src else f.cue.start), f.cue.start))
    out: list[Attribution] = []
    for f in found:
        refers_to = None
        if f.src_span is not None:
            source: Span | None = f.src_span
            stype = f.stype or "vague"
            name = COMMON_KNOWLEDGE if stype == "common_knowledge" else source.text.lower()
        elif f.src is not None:
            s, e = toks[f.src[0]].start, toks[f.src[1]].end
            source = Span(s, e, text[s:e])
            core = _core(toks, *f.src)
            stype = f.stype or _classify(toks, *core)
            if stype in {"official_role", "vague"} and core[1] + 2 <= f.src[1]:
                # "The campaign chairman, Phil Lovas": the apposition names the person
                rest = _core(toks, core[1] + 2, f.src[1])
                if _classify(toks, *rest) == "named_person":
                    core, stype = rest, "named_person"
            if stype == "named_person":
                name = names.canonical(_person_name(toks, core[0], _head_index(toks, *core)),
                                       s)
            elif stype in {"organization"}:
                name = _plain_name(text[toks[core[0]].start:toks[core[1]].end])
            elif stype == "vague":
                name = _plain_name(text[toks[core[0]].start:toks[core[1]].end])
                name = name.lower() if len(name.split()) == 1 else name
            else:
                name = source.text
            if stype == "pronoun":
                refers_to = _resolve(toks[f.src[0]].low, source, out, toks, f.src, names, text,
                                     genders)
            elif stype == "official_role" and toks[f.src[0]].low == "the" and not \
                    toks[_head_index(toks, *f.src)].low.endswith("s"):
                refers_to = names.last_before(s)
        else:
            source, stype, name = None, "vague", "(unnamed)"
        start = min(source.start, f.cue.start) if source else f.cue.start
        end = max(source.end, f.cue.end) if source else f.cue.end
        out.append(Attribution(
            start=start, end=end, text=text[start:end], source=source, source_type=stype,
            cue=f.cue, quote=f.quote, direct=f.direct, refers_to=refers_to, name=name,
            implies=f.entry.implies if f.entry else (
                "judgement" if stype == "common_knowledge" else "neutral"), rule=f.rule or "phrase"))
        _learn_gender(genders, out[-1])
    out.sort(key=lambda a: (a.start, a.end, a.cue.start))
    return out


_PERSONS = {"named_person", "official_role"}


def _core(toks: list[_Tok], first: int, last: int) -> tuple[int, int]:
    """The phrase without its apposition or parenthesis: "Mr. Smith" of "Mr. Smith, a lawyer"."""
    for k in range(first + 1, last + 1):
        if toks[k].text in {",", "(", "--", "—", "–"}:
            return (first, k - 1)
    return (first, last)


_MALE = {"mr", "mr.", "he", "him", "spokesman", "chairman", "congressman", "husband", "father",
         "son", "brother", "king", "businessman", "sir"}
_FEMALE = {"mrs", "mrs.", "ms", "ms.", "she", "her", "spokeswoman", "chairwoman",
           "congresswoman", "wife", "mother", "daughter", "sister", "widow", "queen",
           "businesswoman"}


def _learn_gender(known: dict[str, str], a: Attribution) -> None:
    """Record a gender the text itself gives away: "Mr. Lee", "the spokeswoman", "she" = X."""
    if a.source is None:
        return
    words = {w.lower() for w in re.findall(r"[\w.]+", a.source.text)}
    key = a.refers_to or a.name
    if words & _MALE and not words & _FEMALE:
        known.setdefault(key, "male")
    elif words & _FEMALE and not words & _MALE:
        known.setdefault(key, "female")


def _resolve(pronoun: str, source: Span, earlier: list[Attribution], toks: list[_Tok],
             src: tuple[int, int], names: _Names, text: str,
             known: dict[str, str]) -> str | None:
    """The canonical name a pronoun points back to, or None."""
    def who(a: Attribution) -> str | None:
        return a.refers_to or (a.name if a.source_type != "pronoun" else None)

    if pronoun in {"who", "which"}:
        k = src[0] - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        if k >= 0 and toks[k].sent == toks[src[0]].sent:
            np = _np_back(toks, k, strict=True)
            if np is not None:
                stype = _classify(toks, *np)
                if stype == "named_person":
                    return names.canonical(_person_name(toks, *np), toks[np[0]].start)
                return _plain_name(text[toks[np[0]].start:toks[np[1]].end])
        return None
    if pronoun in {"he", "she", "him", "her"}:
        wanted = "male" if pronoun in {"he", "him"} else "female"
        for a in reversed(earlier):
            if a.source is not None and a.source.end <= source.start and (
                    a.source_type in _PERSONS or (a.source_type == "pronoun" and a.source.text
                                                  .lower() in {"he", "she", "him", "her"})):
                if who(a) and known.get(who(a), wanted) == wanted:
                    return who(a)
        return names.last_before(source.start)
    if pronoun in {"they", "them"}:
        for a in reversed(earlier):
            if a.source is not None and a.source.end <= source.start and a.source_type in {
                    "organization", "vague"} and a.source_type != "common_knowledge":
                return who(a)
        return None
    if pronoun == "it":
        for a in reversed(earlier):
            if a.source is not None and a.source_type == "organization":
                return who(a)
    return None


# --- counting --------------------------------------------------------------


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
        from .hedging import find_hedges  # type: ignore[attr-defined]

        hedges = find_hedges(doc.text)
    except ImportError:  # hedging.py not installed yet: modals still filter predictions
        hedges = []
    out = []
    for sent in doc.sentences:
        para = doc.paragraph_of(sent.start)
        if para is None or para.kind in {"heading", "quote"}:
            continue
        if any(a.start < sent.end and sent.start < a.end for a in atts):
            continue
        if any(h.start < sent.end and sent.start < h.end for h in hedges):
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


# --- second-hand attribution ------------------------------------------------


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
    doc = _as_doc(doc)
    atts = list(find_attributions(doc.text) if attributions is None else attributions)
    relayed_by: dict[int, int] = {}
    for n, b in enumerate(atts):
        if b.source is None or b.source_type in {"pronoun", "common_knowledge"}:
            continue
        sent = doc.sentence_of(b.cue.start)
        if sent is None:
            continue
        relay = re.search(r"\b(?:what|as)\b[^.]{0,40}$",
                          doc.text[max(sent.start, b.start - 60):b.start], re.I)
        if relay:
            index = doc.sentences.index(sent)
            lo = doc.sentences[max(0, index - 1)].start
            hi = doc.sentences[min(len(doc.sentences) - 1, index + 3)].end
        elif b.cue.text.lower().startswith("according") or re.match(
                r"\s*(?:that\b|:)", doc.text[b.cue.end:b.cue.end + 8]):
            lo, hi = max(b.cue.end, b.end), sent.end
        else:
            continue
        for m, a in enumerate(atts):
            if m != n and m not in relayed_by and lo <= a.start < hi and (
                    a.speaker != b.speaker and a.source_type != "common_knowledge"):
                relayed_by[m] = n
    chains: list[AttributionChain] = []
    grouped: dict[tuple[str, int], list[Attribution]] = {}
    for m, a in enumerate(atts):
        if m in relayed_by:
            grouped.setdefault((a.speaker, relayed_by[m]), []).append(a)
    relays = set(relayed_by.values())
    for (speaker, n), group in grouped.items():
        b = atts[n]
        chains.append(AttributionChain((speaker, b.speaker, "the article"), tuple(group) + (b,)))
    direct: dict[str, list[Attribution]] = {}
    for m, a in enumerate(atts):
        if m not in relayed_by and (m not in relays or not any(
                k[1] == m for k in grouped)):
            direct.setdefault(a.speaker, []).append(a)
    for speaker, group in direct.items():
        chains.append(AttributionChain((speaker, "the article"), tuple(group)))
    chains.sort(key=lambda c: min(x.start for x in c.attributions))
    return chains


def chains_text(chains: Iterable[AttributionChain]) -> str:
    """The chains as plain text, one per line: ``Xi Jinping -> Foreign Affairs critics ->
    the article``."""
    return "\n".join(str(c) for c in chains)


def chains_html(chains: Iterable[AttributionChain]) -> str:
    """The chains as an escaped HTML list; arrows are text, not colour, so they read aloud."""
    import html

    items = []
    for c in chains:
        parts = " <span aria-label='reported by'>&rarr;</span> ".join(
            f"<span class='medialit-link'>{html.escape(link)}</span>" for link in c.links)
        cues = ", ".join(html.escape(a.cue.text.rstrip(":")) for a in c.attributions)
        items.append(f"<li>{parts} <small>(cues: {cues})</small></li>")
    return ("<ol class='medialit-chains' aria-label='Who reports whom'>" + "".join(items)
            + "</ol>")


#: Legend text for each source type in :func:`highlight_attributions`.
TYPE_DESCRIPTIONS = {
    "named_person": "source: a named person",
    "official_role": "source: an unnamed official or role",
    "organization": "source: an organisation, government or outlet",
    "vague": "source: an unidentified group or person",
    "common_knowledge": "appeal to common knowledge: no source",
    "pronoun": "source: a pronoun pointing back to a source",
    "cue": "reporting verb or phrase (what it implies is in the title)",
}


def highlight_attributions(text: str, attributions: Sequence[Attribution] | None = None,
                           caption: str | None = "Who says so: sources and reporting cues") -> Highlight:
    """Sources and cues highlighted in ``text`` with :func:`medialit.render.highlight`.

    Each source is labelled with its type ("named_person", "vague"...), each
    cue with "cue"; titles (hover and keyboard focus) give the speaker and what
    the verb implies. Labels are visible text, so colour is only a help, and
    every string is escaped by the renderer.
    """
    from .render import Mark, highlight

    atts = find_attributions(text) if attributions is None else attributions
    marks: dict[tuple[int, int], Mark] = {}
    for a in atts:
        if a.source is not None:
            marks.setdefault((a.source.start, a.source.end), Mark(
                a.source.start, a.source.end, a.source_type,
                f"source: {a.speaker} ({a.source_type.replace('_', ' ')})"))
        if a.source is None or (a.cue.start, a.cue.end) != (a.source.start, a.source.end):
            marks.setdefault((a.cue.start, a.cue.end), Mark(
                a.cue.start, a.cue.end, "cue",
                f"reporting cue: {a.cue.text.rstrip(':')} ({a.implies})"))
    ordered = sorted(marks.values(), key=lambda m: (m.start, -m.end))
    return highlight(text, ordered, caption=caption, descriptions=TYPE_DESCRIPTIONS)
