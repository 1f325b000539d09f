"""Finding the source of a cue: before it, after it (inverted order), or an earlier subject.

Each finder takes a :class:`~medialit.attribution.vetoes.Candidate` and returns
the source phrase ``(first, last)`` and the name of the rule that found it.

* :func:`inverted_source`: '"...", said Tan' / ', says the spokesman';
* :func:`source_before`: "Vladimir Putin denied", "Scott Pruitt, the attorney
  general, said", ", saying" and "and added" (the subject of the clause);
* :func:`evidence_before`: "The latest poll released Friday shows".
"""

from __future__ import annotations

from .lexicon import words
from .phrases import Phrase, according_source, np_back, np_forward, paren_open
from .sources import is_number
from .tokens import (
    BE,
    CLOSE_QUOTES,
    DETS,
    FUNCTION,
    MAIN_PRONOUNS,
    QUOTE_MARKS,
    RELATIVE_PRONOUNS,
    SKIP,
    SUBJECT_PRONOUNS,
    Tok,
    clause_start,
    people_plural,
)
from .vetoes import (
    CONTACT_CLAUSE,
    MODIFIED_SUBJECT,
    PASSIVE_AGENT,
    POSSESSIVE_DETERMINERS,
    Candidate,
    claim_possessor,
    possessive_claim,
)

__all__ = ["as_reported_source", "earlier_subject", "evidence_before", "inverted_source", "source_before"]

_ASPECT = words("aspect")
_QUANTIFIERS = words("quantifiers")
_AFTER_INVERTED = words("after_inverted")
_APPOSITION_START = words("apposition_start")
_PREPOSITIONS = words("prepositions")
_PAST_PARTICIPLE_OK = words("past_participle_ok")
_IRREGULAR_PP = words("irregular_participles")
_BELIEF_ADJECTIVES = words("belief_adjectives")
_DASHES = frozenset({",", "--", "—", "–", "―", "-"})  # "-" alone: a spaced hyphen written as a dash
_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "last", "this", "earlier", "late"})
_CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: Forms of go, whose "on to" is an aspect ("went on to explain").
_GO = frozenset({"go", "goes", "went", "going", "gone"})
#: Prepositions before a participle whose subject is the clause's ("opened by noting that").
_MANNER_PREPOSITIONS = frozenset({"by", "while", "before", "after", "without", "despite", "upon"})

Found = tuple[Phrase | None, str]


def inverted_source(c: Candidate) -> Phrase | None:
    """The source after an inverting cue: '"...", said Tan' / ', says the spokesman'."""
    prev, toks = c.prev, c.toks
    if not ((prev is None or prev.text in "," or prev.text in CLOSE_QUOTES)
            and c.next_in_sentence is not None and "inverts" in c.entry.frame
            and not c.form.endswith("ing")):
        return None
    fwd = np_forward(toks, c.i + c.length)
    if fwd is None:
        return None
    after = toks[fwd[1] + 1] if fwd[1] + 1 < len(toks) else None
    if (toks[fwd[1]].np or toks[fwd[1]].low in _CLAUSE_PRONOUNS) and (
            after is None or after.sent != c.sent or after.low in _AFTER_INVERTED):
        return fwd
    return None


def as_reported_source(c: Candidate) -> Phrase | None:
    """"As reported by Reuters, ...", "as first reported by The Post", "As stated in the agency's
    report": "as" and a past participle of the cue, then "by" or "in" and the source, like
    "according to"."""
    toks, k = c.toks, c.i - 1
    while k >= 0 and toks[k].sent == c.sent and toks[k].low.endswith("ly") and toks[k].text.islower() or (
            k >= 0 and toks[k].low in {"first", "previously", "earlier", "also"}):
        k -= 1  # "as first reported by"
    nxt = c.next_in_sentence
    if k < 0 or toks[k].low != "as" or toks[k].sent != c.sent or nxt is None or nxt.low not in {"by", "in"}:
        return None
    if not (c.form.endswith("ed") or c.form in _IRREGULAR_PP) or c.length != 1:
        return None
    return according_source(toks, c.i + 2)


def evidence_before(c: Candidate) -> Phrase | None:
    """The poll, study or document that "shows" or "found", further back in the sentence:
    "The latest Reuters/Ipsos poll released Friday shows", "Video of the incident shows"."""
    toks, i = c.toks, c.i
    k = i - 1
    while k >= 0 and toks[k].sent == c.sent and i - k <= 20 and toks[k].text not in {";", ":"}:
        if toks[k].cls == "evidence":
            np = _with_modifiers(toks, np_back(toks, k, strict=True), c.sent)
            if np is not None and (clause_start(toks, np[0]) or toks[np[0]].low in DETS):
                return np
        k -= 1
    return _long_document_subject(c)


#: How far back from its verb the head of a document's phrase with a long modifier may stand ("A
#: survey of voters that ..., shows").
_EVIDENCE_SPAN = 30
#: How many modifiers may stand before a document's head ("The USC Dornsife/Los Angeles Times
#: Daybreak tracking poll").
_EVIDENCE_MODIFIERS = 9
#: Words that open a relative clause after a document's head.


def _long_document_subject(c: Candidate) -> Phrase | None:
    """A document's phrase that opens its clause and a long modifier between it and the verb:
    "A Harbour Daily survey of voters who moved since June 1, 2019, shows", "The port authority's
    tide poll, which runs daily, showed", "after leaked pages from the 1995 ledger show". The
    modifier is a chain of prepositional phrases, or a modifier that opens with a preposition, a
    relative pronoun or a comma and that a comma closes right before the verb."""
    toks, j = c.toks, _skip_back(c.toks, c.i, c.sent)[0]
    for k in range(j - 1, max(j - _EVIDENCE_SPAN, 0), -1):
        t = toks[k]
        if t.sent != c.sent or t.text in {";", ":"} or t.text in QUOTE_MARKS:
            return None
        if t.cls == "evidence" and _document_modifier(toks, k + 1, j):
            start = _document_start(toks, k, c.sent)
            return (start, k) if start is not None else None
    return None


def _document_modifier(toks: list[Tok], first: int, j: int) -> bool:
    """Is ``toks[first..j]`` (up to the word before the verb) a modifier of the document before it?"""
    opener = toks[first]
    if toks[j].text == ",":
        return j > first + 1 and (opener.text == "," or opener.low in _PREPOSITIONS or opener.low in RELATIVE_PRONOUNS)
    return opener.low in _PREPOSITIONS and all(
        toks[m].low in _PREPOSITIONS or toks[m].low in DETS or toks[m].np or toks[m].text.isdigit()
        or toks[m].low in {"'s", "’s"} or _plain_noun(toks[m]) for m in range(first, j + 1))


def _document_start(toks: list[Tok], k: int, sent: int) -> int | None:
    """Where the phrase of the document ``toks[k]`` starts: its determiner, past plain and
    capitalised modifiers ("A USA TODAY analysis"), or the first word after a word that opens
    its clause ("after leaked documents"); None when the phrase does not open its clause."""
    m = k - 1
    while m >= 0 and k - m <= _EVIDENCE_MODIFIERS and toks[m].sent == sent and toks[m].low not in DETS and (
            toks[m].np or toks[m].text[:1].isupper() or toks[m].text == "/" or toks[m].low in {"'s", "’s"} or (
                toks[m].text.isalpha() and toks[m].low not in FUNCTION)):
        m -= 1
    if m >= 0 and toks[m].sent == sent and toks[m].low in DETS:
        return m if clause_start(toks, m) or toks[m - 1].low in _SUBORDINATORS else None
    if m < 0 or toks[m].sent != sent or clause_start(toks, m + 1) or toks[m].low in _SUBORDINATORS:
        return m + 1
    return None


def _with_modifiers(toks: list[Tok], np: Phrase | None, sent: int) -> Phrase | None:
    """A document's phrase with the plain words before it back to its determiner: "The latest
    Reuters/Ipsos opinion poll" (np_back stops at lower-case modifiers)."""
    if np is None or toks[np[0]].low in DETS:
        return np
    k = np[0] - 1
    while k >= 0 and np[0] - k <= 5 and toks[k].sent == sent and toks[k].low not in DETS and (
            toks[k].np or (toks[k].text.isalpha() and toks[k].text.islower()
                           and toks[k].low not in FUNCTION)):
        k -= 1
    return (k, np[1]) if k >= 0 and toks[k].sent == sent and toks[k].low in DETS else np


def _skip_back(toks: list[Tok], i: int, sent: int) -> tuple[int, list[str]]:
    """Step back over auxiliaries, adverbs and time phrases between a source and its verb, in any
    order ("Wells Fargo just this month announced")."""
    j = i - 1
    skipped: list[str] = []
    moved = True
    while moved:
        moved = False
        while j >= 0 and toks[j].sent == sent and (
                toks[j].low in SKIP or (toks[j].low.endswith("ly") and toks[j].text.islower()
                                        and len(toks[j].low) > 4)):
            if toks[j].low in _QUANTIFIERS and clause_start(toks, j):
                break  # ", all agreed": the quantifier is the subject ("they all agreed": not)
            skipped.append(toks[j].low)
            j -= 1
            if toks[j].low == "on" and skipped[-1] == "to" and j > 0 and toks[j - 1].low in _GO:
                j -= 1  # "went on to explain": "on" belongs to the aspect verb
        while j >= 1 and toks[j - 1].low in _TIME_PREPOSITIONS and (
                toks[j].cls in {"nonname", "time"} or toks[j].text.isdigit()):
            j -= 2  # "Sanders on Tuesday said", "who in 2010 said"
            moved = True
            while j >= 0 and toks[j].text == ",":
                j -= 1
    return j, skipped


#: How many words may stand between a passive cue and its "by" ("was called a liar by").
_AGENT_GAP = 4


def _agent(c: Candidate) -> Phrase | None:
    """The agent of a passive cue: "was first reported by The Washington Post", "has been called
    a charlatan by fellow physicians", "was endorsed by dozens of papers"."""
    toks, k = c.toks, c.i + c.length
    while k < len(toks) and k - (c.i + c.length) < _AGENT_GAP and toks[k].sent == c.sent and (
            toks[k].low != "by" and toks[k].text.isalpha() and toks[k].low not in {"that", "to"}):
        k += 1
    if k + 1 >= len(toks) or toks[k].low != "by" or toks[k].sent != c.sent:
        return None
    np = np_forward(toks, k + 1) or _plain_agent(toks, k + 1, c.sent)
    if np is None or not (toks[np[1]].np or toks[np[1]].low in _CLAUSE_PRONOUNS or (
            _speaker_word(toks, np[1]) and toks[np[1]].text.islower())):  # "by local farmers"
        return None
    return np


def _plain_agent(toks: list[Tok], k: int, sent: int) -> Phrase | None:
    """A lower-case agent phrase after "by": "several residents", "dozens of papers", "a number of
    tax experts"; up to its first punctuation or clause word, its head a source word."""
    end = k
    while end < len(toks) and end - k < 8 and toks[end].sent == sent and toks[end].text.isalpha() and (
            toks[end].low not in FUNCTION or toks[end].low in {"of", "the", "a", "an"} or toks[end].low in DETS):
        end += 1
    while end > k and toks[end - 1].low in FUNCTION:
        end -= 1
    return (k, end - 1) if end > k else None


#: Linking verbs of change and staying: like be, they make the participle after them an adjective
#: ("became charged"), but an adjective of belief after them is held by the subject ("became
#: convinced that").
_BECOME = words("linking_change")


def _voice(c: Candidate, j: int, skipped: list[str]) -> Found | None:
    """Passive and participle cues: "it is said that" (no source), "he was told" (none),
    ", saying ..." (the subject of the clause). None when the cue is an active verb."""
    toks, form = c.toks, c.form
    verb = toks[c.i].low  # "was referred to as": the verb of a phrase cue
    participle = verb in _PAST_PARTICIPLE_OK or verb.endswith("ed") or verb in _IRREGULAR_PP
    if participle and form in _BELIEF_ADJECTIVES and c.entry.kind == "belief":
        participle = False  # "was convinced that", "are worried that": the subject believes
    if participle and set(skipped) & ((BE - {"'s", "’s"}) | _BECOME):  # "it became charged": no report
        if toks[j].low == "it" and c.i + 1 < len(toks) and toks[c.i + 1].low == "that":
            return None, "passive-it"
        return _agent(c), PASSIVE_AGENT
    if form.endswith("ing") and not (set(skipped) & BE):
        return _participle_source(c, j, skipped)
    return None


def _participle_source(c: Candidate, j: int, skipped: list[str]) -> Found:
    """The source of a present participle cue, from the word ``toks[j]`` before it."""
    t = c.toks[j]
    if t.text == ",":
        return earlier_subject(c, j), "participle: clause subject"
    if t.low in _MANNER_PREPOSITIONS and not skipped:
        if clause_start(c.toks, j) and (j == 0 or c.toks[j - 1].sent != c.sent):
            return _subject_after_opener(c), "opening participle: subject after it"
        return earlier_subject(c, j), "by + participle: clause subject"  # "began by noting that"
    det = _document_before(c, j)
    if det is not None:
        return _sender(c, det - 1) or earlier_subject(c, j), "document + participle: its sender"
    if t.low in _PERCEIVED and not skipped:
        return _perceived_subject(c, j), "subject + be + perceived + participle"
    return _speaker_of_participle(c, j, skipped), "name + participle + content"


#: Participles of perception after be, before the speaker's participle ("can be heard saying").
_PERCEIVED = frozenset({"heard", "seen", "shown", "filmed", "recorded", "caught", "pictured"})


def _perceived_subject(c: Candidate, j: int) -> Phrase | None:
    """"Rakeyia Scott can be heard yelling to the officers that", "The mayor is seen telling the
    crowd": the subject of the passive of perception is the speaker."""
    toks, k = c.toks, j - 1
    if k < 1 or toks[k].low not in BE:
        return None
    while k > 0 and toks[k - 1].sent == c.sent and (toks[k - 1].low in SKIP or toks[k - 1].low.endswith("ly")):
        k -= 1
    k -= 1
    if k < 0 or toks[k].sent != c.sent:
        return None
    if toks[k].low in _CLAUSE_PRONOUNS:
        return (k, k)
    np = np_back(toks, k, strict=True) if toks[k].np or people_plural(toks[k]) else None
    return np if np is not None and clause_start(toks, np[0]) else None


def _subject_after_opener(c: Candidate) -> Phrase | None:
    """"After saying that the bridge was safe, Ruiz left": a participle clause that opens the
    sentence after "after", "before", "while", "by" shares the subject of the main clause, which
    starts after its first comma (and a quotation mark that closes there) with a pronoun or a
    name and a lower-case verb."""
    toks, k = c.toks, c.i + c.length
    while k < len(toks) and toks[k].sent == c.sent and toks[k].text != ",":
        k += 1
    if k + 1 < len(toks) and toks[k + 1].text in CLOSE_QUOTES:
        k += 1  # 'After saying her foot was "so swollen," she'
    if k + 2 >= len(toks) or toks[k + 1].sent != c.sent:
        return None
    if toks[k + 1].low in MAIN_PRONOUNS:
        return (k + 1, k + 1)
    np = np_forward(toks, k + 1)
    if np is None or not toks[np[1]].np or np[1] + 1 >= len(toks):
        return None
    verb = toks[np[1] + 1]
    return np if verb.sent == c.sent and verb.text.isalpha() and verb.text.islower() and (
        verb.low not in FUNCTION or verb.low in SKIP) else None


#: Words that open a clause and are prepositions too ("after Trump posted a string of tweets").
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "once", "as", "while"})


def _sender(c: Candidate, v: int) -> Phrase | None:
    """The subject of the past verb ``toks[v]`` that sent a document ("after Ruiz posted a string of
    tweets saying"): a pronoun, or a name or source phrase that opens its clause."""
    toks, t = c.toks, c.toks[v]
    if v < 1 or not (t.text.isalpha() and t.text.islower() and t.low not in FUNCTION and (
            t.low.endswith("ed") or t.low in _IRREGULAR_PAST)):
        return None
    m = v - 1
    while m > 0 and toks[m].sent == c.sent and toks[m].low in _PURPOSE_AUX:
        m -= 1
    if toks[m].sent != c.sent or not (toks[m].np or toks[m].low in _CLAUSE_PRONOUNS or _plain_noun(toks[m])):
        return None
    np = (m, m) if toks[m].low in _CLAUSE_PRONOUNS else np_back(toks, m, strict=toks[m].np)
    if np is None:
        return None
    before = toks[np[0] - 1] if np[0] > 0 and toks[np[0] - 1].sent == c.sent else None
    if before is not None and before.low in {"and", "or"}:
        return None  # "Ojemann, Dale and Ralph Waples published": the last of several names
    return np if clause_start(toks, np[0]) or (before is not None and before.low in _SUBORDINATORS) else None


def _document_before(c: Candidate, j: int) -> int | None:
    """"issued a statement calling the test a violation", "sent a letter to the board urging",
    "posted a string of tweets saying": a statement, letter or post (or a number of them) sent by
    the clause's subject, a few words before a speech participle. The index of its determiner,
    else None."""
    toks = c.toks
    if c.entry.kind != "speech" or toks[j].low in _PREPOSITIONS:
        return None  # "published two studies on writing": a gerund after a preposition
    for k in range(j, max(j - 8, 0), -1):
        t = toks[k]
        det = k - 3 if k > 3 and toks[k - 1].low == "of" else k - 1  # "a series of tweets"
        if t.cls == "evidence" and det > 0 and toks[det].low in DETS and not clause_start(toks, det):
            return det
        if t.sent != c.sent or not _in_object_phrase(t):
            return None
    return None


def _in_object_phrase(t: Tok) -> bool:
    """A word of a noun phrase and its prepositional phrases ("to the school board", "early
    Friday"), not a verb or a connective."""
    return t.np or t.cls in {"time", "nonname"} or t.low in _PREPOSITIONS or t.low in DETS or (
        t.text.isalpha() and t.text.islower() and t.low not in FUNCTION and not t.low.endswith("ed"))


def _speaker_of_participle(c: Candidate, j: int, skipped: list[str]) -> Phrase | None:
    """"footage of Trump saying, 'That makes me smart'", "a reporter asking whether": the name or
    source word right before a participle whose quoted or that-clause content follows."""
    toks, k = c.toks, c.i + c.length
    if skipped or c.entry.kind != "speech" or k + 1 >= len(toks) or toks[k].sent != c.sent:
        return None
    k = _past_adverbial(toks, k, c.sent)  # "Trump saying during the debate last week, '...'"
    if k + 1 >= len(toks):
        return None
    nxt, after = toks[k], toks[k + 1]
    content = nxt.low in {"that", "whether"} or nxt.text in QUOTE_MARKS or nxt.text == ":" or (
        nxt.text == "," and after.text in QUOTE_MARKS)
    if not content or not (toks[j].np or toks[j].low in {"him", "her", "them"}):
        return None
    return (j, j) if toks[j].low in {"him", "her", "them"} else np_back(toks, j, strict=True)


#: How many words a prepositional phrase between a participle and its content may have.
_ADVERBIAL_SPAN = 8


def _past_adverbial(toks: list[Tok], k: int, sent: int) -> int:
    """The index after a prepositional phrase that opens at ``toks[k]`` and a comma closes ("during
    the debate last week,"), else ``k``."""
    if toks[k].low not in _PREPOSITIONS or toks[k].low in {"that", "whether"}:
        return k
    m = k + 1
    while m < len(toks) and m - k <= _ADVERBIAL_SPAN and toks[m].sent == sent and (
            _in_object_phrase(toks[m]) or toks[m].text.isdigit() or toks[m].low in _TIME_PREPOSITIONS
            or toks[m].low in {"'s", "’s"}):
        m += 1
    return m if m > k + 1 and m < len(toks) and toks[m].text == "," else k


def _apposition(c: Candidate, j: int) -> Found:
    """"Scott Pruitt, the attorney general of Oklahoma, one of ..., said"."""
    toks, t = c.toks, c.toks[j]
    k = j - 1
    while k > 0 and toks[k].sent == c.sent and j - k < 45:
        if toks[k].text in _DASHES and toks[k].text[0] == t.text[0]:
            np = np_back(toks, _before_note(toks, k - 1), strict=True)
            if (np is None or _after_preposition(toks, np[0])) and _named_apposition(toks, k, j) is None:
                modified = _modified_subject(c, k - 1)  # "Critics of the plan, including ..., argue"
                if modified is not None and (modified[0] == 0 or toks[modified[0] - 1].text != ","):
                    np = modified
            opening = _opens_apposition(toks[k + 1]) or (np is not None and toks[np[1]].cap)
            if opening and np is not None and toks[np[1]].low not in SUBJECT_PRONOUNS and (
                    clause_start(toks, np[0])):
                return (np[0], j - 1), "source, apposition, + verb"
            if np is not None and _aside(toks, k, j) and clause_start(toks, np[0]):
                return np, "source, aside, + verb"  # "Younger voters, in particular, have said"
            named = _named_apposition(toks, k, j)
            if named is not None:
                return named, "source, apposition, + verb"
        elif toks[k].text in QUOTE_MARKS or toks[k].text in ";:":
            break
        k -= 1
    return None, ""


def _opens_apposition(t: Tok) -> bool:
    """A word that may open an apposition: "a lawyer", "who lost", "Mr. Lee", "55", "fifty-six", or a
    participle ("The mayor, opening the library, said")."""
    return t.low in _APPOSITION_START or t.np or is_number(t) or (
        t.text.isalpha() and t.text.islower() and t.low.endswith("ing") and len(t.low) > 4)


def _before_note(toks: list[Tok], k: int) -> int:
    """The index before a parenthesis that closes at ``toks[k]`` ("Rep. Lee (D-Ore.), chair of
    ..."), else ``k``."""
    if toks[k].text != ")":
        return k
    m = paren_open(toks, k)
    return m - 1 if toks[m].text == "(" and m > 0 else k


def _aside(toks: list[Tok], k: int, j: int) -> bool:
    """A short aside between the commas ``toks[k]`` and ``toks[j]``: "in particular", "however",
    or a prepositional phrase of up to six words ("at Monday's debate", "in a statement")."""
    words_ = toks[k + 1:j]
    if 2 <= len(words_) <= 6 and words_[0].low in _PREPOSITIONS and words_[0].text.islower():
        return all(w.text.isalpha() or w.low in {"'s", "’s"} or w.text.isdigit() for w in words_)
    return 1 <= len(words_) <= 3 and all(w.text.isalpha() and w.text.islower() for w in words_) and (
        words_[0].low in _PREPOSITIONS or words_[0].low.endswith("ly") or words_[0].low in FUNCTION)


def _named_apposition(toks: list[Tok], k: int, j: int) -> Phrase | None:
    """"The minister of the economy, Mr. Guajardo Villarreal, argues": the name between the
    commas ``toks[k]`` and ``toks[j]`` is the speaker, whatever comes before it."""
    if j - k < 3 or not toks[j - 1].cap:
        return None
    np = np_back(toks, j - 1, strict=True)
    if np is None or np[0] != k + 1 or any(t.text[0].islower() for t in toks[k + 1:j]):
        return None
    return np


def _noted_source(c: Candidate, j: int) -> Found:
    """A source with a parenthesis before the verb: "Rep. Moore (D-Wis.) said"."""
    toks = c.toks
    m = paren_open(toks, j)
    if toks[m].text == "(" and m > 0:
        np = np_back(toks, m - 1, strict=True)
        return ((np[0], j), "source (note) + verb") if np else (None, "")
    return None, ""


def _after_skipping(c: Candidate, j: int, skipped: list[str]) -> Found | None:
    """What the words skipped between source and verb decide: None to go on."""
    if j < 0 or c.toks[j].sent != c.sent:
        return None, ""
    if "to" in skipped:
        at = skipped.index("to")
        if at + 1 >= len(skipped) or skipped[at + 1] not in _ASPECT:
            obj = _causative_object(c.toks, j) if skipped == ["to"] else None
            if obj is not None:
                return obj, "causative + source + to + verb"  # not "urged X to ask"
            src = _purpose_source(c, j) if skipped == ["to"] else None
            if src is not None:
                return src, PURPOSE_INFINITIVE
            return None, ""
    return _voice(c, j, skipped)


_CAUSATIVES = words("implicative_causatives")
_IRREGULAR_PAST = words("irregular_past")
_INFINITIVE_NOUNS = words("infinitive_nouns")
#: Auxiliaries and adverbs between a subject and the verb of a purpose clause ("has also gone").
_PURPOSE_AUX = frozenset({"has", "have", "had", "will", "would", "also", "then", "later", "first",
                          "just", "again", "once", "often", "never"})
#: The rule name of a purpose infinitive: "took to Twitter to accuse", "gathered Friday to discuss".
PURPOSE_INFINITIVE = "clause subject + verb + object + to + verb"
#: How many words the object of the main verb may have before a purpose "to".
_PURPOSE_SPAN = 8


def _purpose_source(c: Candidate, j: int) -> Phrase | None:
    """The subject of a purpose infinitive ending at ``toks[j]`` (before "to"): "The mayor called a
    press conference to announce", "Trump took to Twitter overnight to accuse". An object or
    adverbial phrase of plain words, names and prepositions stands between the main verb and
    "to"; no person or group may stand in it outside a prepositional phrase ("urged the council
    to say", "told reporters to", "called on CBS to": those speak, if anyone); the word before
    "to" is no noun that takes an infinitive of its own ("announced plans to write"); the verb is
    active and its subject stands right before it (auxiliaries and adverbs aside)."""
    toks = c.toks
    if c.entry.kind != "speech" or toks[j].low in _INFINITIVE_NOUNS:
        return None
    for k in range(j, max(j - _PURPOSE_SPAN, 0), -1):
        t = toks[k]
        if t.sent != c.sent or not _purpose_word(t):
            return None
        if t.text.islower() and t.low not in FUNCTION and (
                t.low.endswith("ed") or t.low in _IRREGULAR_PAST) and k < j:
            return _purpose_subject(c, k) if _thing_object(toks, k + 1, j) else None
    return None


def _purpose_word(t: Tok) -> bool:
    """A word that may stand in the object of a purpose clause's verb: no clause word ("that",
    "why", "as", "he")."""
    return (t.text.isalpha() or t.text.isdigit() or t.low in {"'s", "’s"}) and (
        t.low not in FUNCTION or t.low in DETS or t.low in _PREPOSITIONS)


def _purpose_subject(c: Candidate, k: int) -> Phrase | None:
    """The subject right before the verb ``toks[k]``, past auxiliaries and adverbs."""
    toks, m = c.toks, k - 1
    while m >= 0 and toks[m].sent == c.sent and (toks[m].low in _PURPOSE_AUX or (
            toks[m].low.endswith("ly") and toks[m].text.islower())):
        m -= 1
    if m < 0 or toks[m].sent != c.sent or toks[m].low in BE:
        return None
    if toks[m].low in _CLAUSE_PRONOUNS:
        return (m, m)
    np = np_back(toks, m, strict=True) if toks[m].np else None
    return np if np is not None and clause_start(toks, np[0]) else None


def _thing_object(toks: list[Tok], start: int, end: int) -> bool:
    """No person, group or pronoun heads a phrase of ``toks[start..end]`` outside a prepositional
    phrase ("a press conference": yes; "the council", "reporters", "on CBS", "the right of the
    judges": no; "of" opens no phrase of its own)."""
    in_pp = False
    for h in range(start, end + 1):
        t = toks[h]
        if t.low in _PREPOSITIONS and t.text.islower() and t.low != "of":  # "the right of the judges"
            in_pp = t.low not in {"on", "upon"} or h > start  # "called on CBS to": CBS is asked
        elif not in_pp and (t.low in {"him", "her", "them", "us", "me", "you", "it"} or (
                _speaker_word(toks, h) and not _modifies_next(toks, h, end))):
            return False
    return True


def _modifies_next(toks: list[Tok], h: int, end: int) -> bool:
    """Is ``toks[h]`` a modifier of the plain noun after it ("a press conference")?"""
    nxt = toks[h + 1] if h < end else None
    return nxt is not None and nxt.text.isalpha() and nxt.text.islower() and nxt.low not in FUNCTION


def _causative_object(toks: list[Tok], j: int) -> Phrase | None:
    """"The vote led the journalist Ann Lee to fear a pact", "forced the chief to admit that": the
    object of a causative verb that implies the act (lead, force, prompt, cause) is the one who
    speaks or believes. Not after urge, ask or encourage, which do not say the act happened."""
    np = np_back(toks, j, strict=True)
    if np is None or np[0] == 0:
        return None
    verb = toks[np[0] - 1]
    return np if verb.sent == toks[j].sent and verb.low in _CAUSATIVES else None


def _contact_clause(c: Candidate, j: int) -> Phrase | None:
    """"all the experts I interviewed said", "Everyone we asked agreed": a source with a relative
    clause of a pronoun and a past verb (no "who"), ending at ``toks[j]``."""
    toks, t = c.toks, c.toks[j]
    if j < 2 or not (t.text.isalpha() and t.text.islower() and (
            t.low.endswith("ed") or t.low in _IRREGULAR_PP)):
        return None
    if toks[j - 1].low not in _CLAUSE_PRONOUNS or toks[j - 2].sent != c.sent:
        return None
    np = np_back(toks, j - 2, strict=True)
    return (np[0], j) if np is not None and toks[j - 2].np else None


def _by_word_before(c: Candidate, j: int) -> Found:
    """The source found from the word ``toks[j]`` right before the verb (and its skips)."""
    owner = claim_possessor(c)
    if owner is not None and owner < j:  # "the police's earlier claim that": from the possessor
        j = owner - 1 if c.toks[owner].low == "'s" else owner
    t = c.toks[j]
    if t.low in {"and", "but"}:
        return (_relative_subject(c.toks, j) or _subject_of_verb_before(c.toks, j)
                or _subordinate_subject(c, j) or earlier_subject(c, j)), "coordinated: clause subject"
    if t.text in _DASHES:
        return _apposition(c, j)
    if t.text == ")":
        return _noted_source(c, j)
    if t.low in POSSESSIVE_DETERMINERS and possessive_claim(c):
        return (j, j), "possessor + noun cue"  # "his claim that"
    np = None if t.low in {"him", "her", "them", "me", "us"} else np_back(c.toks, j,
                                                                          strict=c.entry.noun)
    if np is not None and possessive_claim(c):
        return np, "possessor + noun cue"  # "Trump's claim that"
    return (np, "source + verb") if np is not None else (None, "")


#: Pronouns that stand for people when a modifier follows ("those close to him", "those in the
#: room", "some familiar with the talks").
_PEOPLE_PRONOUNS = frozenset({"those", "some", "many", "most", "several", "few"})
#: Words that may end or join a modifier besides the words of a noun phrase ("close to him").
_AND_OBJECT = frozenset({"and", "him", "her", "them", "us", "me"})
#: How far back from its verb a subject with a modifier after it may start.
_MODIFIED_SUBJECT_SPAN = 12


def _modified_subject(c: Candidate, j: int) -> Phrase | None:
    """A source phrase at the start of its clause with a modifier after its head, ending at
    ``toks[j]``: "Many people involved in the talks assumed", "Residents of the old mill town
    across the river say". The modifier is a prepositional phrase, or a participle and one
    ("involved in"); the word before the verb ends a noun phrase (a name, a source word or a
    plural), so no verb of a clause of its own stands between."""
    toks, start = c.toks, j
    while start > 0 and j - start < _MODIFIED_SUBJECT_SPAN and toks[start - 1].sent == c.sent and (
            toks[start - 1].text not in {",", ";", ":"}):
        start -= 1
    while start < j and (toks[start].low in _TIME_PREPOSITIONS or toks[start].cls == "time"):
        start += 1  # "Last week Stumpf in a televised interview appeared to blame"
    last = toks[j]
    plain = not (last.np or last.cls or last.low in {"him", "her", "them", "us", "me"} or (
        last.text.isalpha() and last.text.islower() and last.low.endswith("s") and not last.low.endswith("ss")))
    if plain and not _plain_noun(last):
        return None
    for h in range(start, j):
        those = h == start and toks[h].low in _PEOPLE_PRONOUNS  # "those close to him"
        if not (toks[h].np or those) or (plain and not (those or _speaker_word(toks, h))):
            continue  # "people familiar with the matter": a speaker before a plain noun
        k = h + 1
        if toks[k].text.isalpha() and toks[k].text.islower() and toks[k].low not in FUNCTION and (
                toks[k + 1].low in _PREPOSITIONS) and not (toks[h].cap and toks[k].low.endswith("ed")) and not (
                those and toks[k].low.endswith("s")):
            k += 1  # "people involved in", "people familiar with", "those close to" (not "many cities in")
        if toks[k].low not in _PREPOSITIONS or (plain and j - k > _PLAIN_OBJECT):
            continue
        np = (h, h) if those else np_back(toks, h, strict=True)
        ok = np is not None and np[0] == start and all(
            _in_object_phrase(toks[m]) or toks[m].low in _AND_OBJECT or toks[m - 1].low in DETS  # "a televised"
            for m in range(k + 1, j + 1))
        return (start, j) if ok else None
    return None


#: How many words the phrase after the preposition may have when it ends in a plain noun
#: ("familiar with the matter", "in the legal community").
_PLAIN_OBJECT = 4
#: Endings of plurals that name people ("Delegates", "Critics" at a sentence start).
_PEOPLE_SUFFIXES = ("ists", "ers", "ians", "ants", "ors", "ents", "ees", "ates", "ics")


def _speaker_word(toks: list[Tok], h: int) -> bool:
    """A word that names speakers: a source word ("critics", "officials"), a plural of people
    ("delegates"), or a name inside the sentence (not a capitalised first word)."""
    t = toks[h]
    if t.cls:
        return t.cls not in {"nonname", "time", "evidence", "place", "country", "capital"}
    plural = len(t.low) > 5 and t.low.isalpha() and t.low.endswith(_PEOPLE_SUFFIXES)
    return plural or people_plural(t) or (t.cap and not clause_start(toks, h))


def _plain_noun(t: Tok) -> bool:
    """A lower-case word that may end a noun phrase ("the matter", "the talks"): no function word,
    no participle or adverb, no verb form in -s ("the talks" yes, "the plan fails" cannot reach
    here: its verb is the cue)."""
    return t.text.isalpha() and t.text.islower() and t.low not in FUNCTION and t.low not in SKIP and not (
        t.low.endswith(("ed", "ing", "ly")))


def _after_preposition(toks: list[Tok], k: int) -> bool:
    """Does a preposition stand before the phrase starting at ``toks[k]``, past up to three
    determiners and plain words ("of the town", "in a televised interview")?"""
    m = k - 1
    while m >= 0 and k - m <= 3 and toks[m].sent == toks[k].sent and (toks[m].low in DETS or (
            toks[m].text.isalpha() and toks[m].text.islower() and toks[m].low not in FUNCTION)):
        m -= 1
    return m >= 0 and toks[m].sent == toks[k].sent and toks[m].low in _PREPOSITIONS


#: How far back from "and" the "who" of a relative clause may stand.
_RELATIVE_SPAN = 15


def _relative_subject(toks: list[Tok], j: int) -> Phrase | None:
    """"the protesters, who marched for days and called for an inquiry": a verb joined by the
    "and" at ``toks[j]`` to a relative clause shares its "who" (no comma, quotation or other
    clause between)."""
    sent = toks[j].sent
    for k in range(j - 1, max(j - _RELATIVE_SPAN, 0), -1):
        t = toks[k]
        if t.sent != sent or t.text in {",", ";", ":", "(", ")"} or t.text in QUOTE_MARKS:
            return None
        if t.low == "who":
            before = toks[k - 1]
            return (k, k) if before.sent == sent and (before.text == "," or before.np) else None
        if t.low in {"that", "which", "and", "but", "when", "because", "if"}:
            return None
    return None


#: Conjunctions that open a subordinate clause with a subject of its own.
_CLAUSE_CONJUNCTIONS = frozenset({"as", "while", "because", "since", "although", "though", "when", "whereas"})


def _subordinate_subject(c: Candidate, j: int) -> Phrase | None:
    """"gaining popularity as more are leaning towards the right and calling for": the verb joined by
    the "and" at ``toks[j]`` shares the subject of the subordinate clause it ends (a pronoun, a
    quantifier or a name right after the conjunction, a verb after it; no punctuation between)."""
    toks = c.toks
    for k in range(j - 1, max(j - _RELATIVE_SPAN, 0), -1):
        t = toks[k]
        if t.sent != c.sent or t.text in {",", ";", ":", "(", ")"} or t.text in QUOTE_MARKS:
            return None
        if t.low in _CLAUSE_CONJUNCTIONS:
            s = k + 1
            if toks[s].low in _CLAUSE_PRONOUNS or toks[s].low in _QUANTIFIERS:
                np: Phrase | None = (s, s)
            else:
                np = _subject_phrase(toks, s, j, c.sent) if toks[s].np else None
            if np is None or np[1] + 1 >= j:
                return None
            verb = toks[np[1] + 1]
            return np if verb.text.isalpha() and verb.text.islower() and verb.low not in _PREPOSITIONS else None
    return None


def _subject_of_verb_before(toks: list[Tok], j: int) -> Phrase | None:
    """"..., I laughed and said": the pronoun or name right before the past verb that "and" at
    ``toks[j]`` joins to the cue is its subject too."""
    if j < 2 or toks[j - 2].sent != toks[j].sent:
        return None
    verb, subject = toks[j - 1], toks[j - 2]
    if not (verb.text.isalpha() and verb.text.islower() and verb.low.endswith("ed")):
        return None
    if subject.low in _CLAUSE_PRONOUNS:
        return (j - 2, j - 2)
    return np_back(toks, j - 2, strict=True) if subject.cap and subject.np else None


#: The rule name of a source with a who-clause before its verb ("The engineers who inspected it said").
WHO_CLAUSE = "source (who ...) + verb"
#: How far back from the verb the "who" of a source's relative clause may stand.
_WHO_SPAN = 12


def _who_clause(c: Candidate, first: int, j: int) -> Phrase | None:
    """"The engineers who inspected the dam last week said", "People who live near it say": the
    phrase found before the verb (from ``toks[first]``) ends a who-clause; the source is the noun
    phrase before "who" with its clause. No comma, quotation or other "who" between. A restrictive
    *that* or *which* clause right after a source phrase counts the same way ("The firms that
    insured the bonds said"), not after a noun whose that-clause is its content ("the fact that")."""
    toks = c.toks
    for k in range(first - 1, max(first - _WHO_SPAN, 0), -1):
        t = toks[k]
        if t.sent != c.sent or t.text in _DASHES or t.text in QUOTE_MARKS or t.text in {";", ":", "(", ")"}:
            return None
        if t.low in RELATIVE_PRONOUNS:
            if k == 0 or toks[k - 1].sent != c.sent:
                return None
            if t.low != "who" and k == first - 1:
                return None  # "the plan that voters were rejecting": the cue is the clause's own verb
            np = _who_head(toks, k - 1) if t.low == "who" else _relative_head(toks, k - 1)
            return (np[0], j) if np is not None else None
    return None


#: Nouns whose that-clause is their content or message, never a relative clause on a source.
_CONTENT_NOUNS = words("complement_nouns") | words("message_nouns")


def _relative_head(toks: list[Tok], h: int) -> Phrase | None:
    """The source phrase of ``toks[h]`` before a restrictive *that* / *which*: a name or source
    word ("The agency that", "Two firms which") or people named by what they do; the phrase must
    open its clause."""
    head = toks[h]
    if head.low in _CONTENT_NOUNS or not (head.np or people_plural(head)):
        return None
    np = np_back(toks, h, strict=True)
    return np if np is not None and clause_start(toks, np[0]) else None


#: Words that take "of" and a group before it ("One of the doctors who", "Some of the nurses who").
_PART_OF = frozenset({"one", "each", "none", "some", "many", "most", "several", "two", "three", "all"})


def _who_head(toks: list[Tok], h: int) -> Phrase | None:
    """The phrase of the noun ``toks[h]`` before "who", opening its clause: "The engineers", "Those",
    "One of the doctors" (a plain plural too: "who" names people)."""
    head = toks[h]
    if head.low in _PEOPLE_PRONOUNS or head.low in {"anyone", "everyone", "someone"}:
        return (h, h)  # "Those who saw it said"
    if head.np or people_plural(head):
        np = np_back(toks, h, strict=True)
    elif _plain_noun(head) and head.low.endswith("s") and h > 0 and toks[h - 1].low == "the":
        np = (h - 1, h)  # "One of the docs who"
    elif _plain_noun(head):
        np = np_back(toks, h)  # "A farmer who", "The local clerk who": "who" names a person
        if np is None or toks[np[0]].low not in DETS:
            return None
    else:
        return None
    if np is None:
        return None
    m = np[0] - 2
    if m >= 0 and toks[m + 1].low == "of" and toks[m].low in _PART_OF and clause_start(toks, m):
        return (m, np[1])  # "One of the doctors who sent the letter called"
    return np if clause_start(toks, np[0]) else None


#: The rule name of a subject with a participle and its agent before the verb ("emails read by Vox suggest").
AGENT_MODIFIER = "source + participle + by + agent + verb"
#: Particles between a participle and its "by" ("combed through by").
_PARTICLES = frozenset({"through", "out", "up", "over", "down", "off"})


def _head_before_agent(c: Candidate, first: int) -> Phrase | None:
    """"Emails combed through by the Courier suggest", "a letter signed by 40 doctors says": the
    agent after a participle modifies the noun before it, which is the subject of the verb."""
    toks, m = c.toks, first - 1
    if m < 2 or toks[m].low != "by":
        return None
    m -= 1
    if toks[m].low in _PARTICLES:
        m -= 1
    t = toks[m]
    participle = t.low.endswith(("ed", "en")) or t.low in _IRREGULAR_PP
    if m < 1 or not (t.text.isalpha() and t.text.islower() and participle):
        return None
    np = np_back(toks, m - 1)
    if np is None or toks[np[0]].sent != c.sent:
        return None
    opens = clause_start(toks, np[0]) or toks[np[0] - 1].low in _SUBORDINATORS
    return np if opens else None


#: The rule name of "X is quoted as saying".
QUOTED_AS = "source + quoted as + verb"


def _quoted_as(c: Candidate) -> Phrase | None:
    """"Trump is quoted as saying", "the mayor was widely quoted as telling reporters": the subject
    of the passive *quoted* is the speaker of the participle after *as*."""
    toks, k = c.toks, c.i - 2
    if k < 1 or not c.form.endswith("ing") or toks[c.i - 1].low != "as" or toks[k].low != "quoted" or (
            toks[k].sent != c.sent):
        return None
    j, _ = _skip_back(toks, k, c.sent)
    return np_back(toks, j) if j >= 0 and toks[j].sent == c.sent else None


def source_before(c: Candidate) -> Found:
    """The source before the cue and the rule that found it; ``(None, "passive-it")`` for
    "it is said that"."""
    quoted = _quoted_as(c)
    if quoted is not None:
        return quoted, QUOTED_AS
    j, skipped = _skip_back(c.toks, c.i, c.sent)
    decided = _after_skipping(c, j, skipped)
    if decided is not None:
        return decided
    contact = _contact_clause(c, j)
    if contact is not None:
        return contact, CONTACT_CLAUSE
    found = _by_word_before(c, j)
    np, toks = found[0], c.toks
    if np is not None and found[1] == "source + verb":
        relative = _who_clause(c, np[0], j)
        if relative is not None:
            return relative, WHO_CLAUSE
    inside_phrase = found[1] == "source + verb" and np is not None and _after_preposition(toks, np[0])
    return _subject_around_phrase(c, j, found, inside_phrase) or found


def _subject_around_phrase(c: Candidate, j: int, found: Found, inside_phrase: bool) -> Found | None:
    """A subject that holds the phrase found before the verb (``inside_phrase``: after a
    preposition) or that np_back could not read: the noun before a participle and its agent, a
    document with its long modifier, a source with its modifier. None to keep ``found``."""
    np = found[0]
    head = _head_before_agent(c, np[0]) if inside_phrase and np is not None else None
    if head is not None:
        return head, AGENT_MODIFIER
    if inside_phrase and c.entry.kind == "evidence":
        document = _long_document_subject(c)  # "leaked pages from the ledger of the company show"
        if document is not None:
            return document, "document + verb"
    if c.entry.kind != "evidence" and (inside_phrase or (np is None and found[1] == "")):
        modified = _modified_subject(c, j)
        if modified is not None:
            return modified, MODIFIED_SUBJECT
    return None


def _subject_from_found(c: Candidate, j: int) -> Phrase | None | bool:
    """The source of an earlier attribution in the same sentence; False to look no further."""
    toks = c.toks
    for f in reversed(c.ctx.found):
        if f.src is not None and toks[f.src[0]].sent == c.sent and f.src[1] < j:
            return f.src
        if f.src is not None and toks[f.src[0]].sent < c.sent:
            break
    return False


def _after_opening_phrase(toks: list[Tok], j: int, sent: int) -> int:
    """Where the clause before ``toks[j]`` starts, after an opening phrase that a comma closes
    ("In a widely read column, two writers ...", "Chastened by the analyses, Trump ...")."""
    k = j
    while k > 0 and toks[k - 1].sent == sent:
        k -= 1
    opener = toks[k].low
    if opener in _PREPOSITIONS or (toks[k].text.isalpha() and opener.endswith(("ed", "ing"))):
        comma = next((m for m in range(k + 1, j) if toks[m].text == ","), None)
        if comma is not None:
            return comma + 1
    return k


def earlier_subject(c: Candidate, j: int) -> Phrase | None:
    """The subject of the clause before ``toks[j]``: the source of an earlier cue in the same
    sentence, else its first pronoun or name ("He noted ... and added")."""
    found = _subject_from_found(c, j)
    if found is not False:
        return found  # type: ignore[return-value]
    toks, sent = c.toks, c.sent
    nearest = _nearest_clause_subject(c, j)
    if nearest is not None:
        return nearest
    k = _after_opening_phrase(toks, j, sent)
    while k < j:
        t = toks[k]
        if c.ctx.quotes.strictly_inside(t.start):
            k += 1  # a name inside a quotation is not the clause's subject
            continue
        if t.low in _CLAUSE_PRONOUNS:
            return (k, k)
        after_preposition = k > 0 and toks[k - 1].sent == sent and toks[k - 1].low in _PREPOSITIONS
        if (t.cap or t.np) and not after_preposition:
            return _subject_phrase(toks, k, j, sent)
        k += 1
        if k - j > 12:
            break
    return None


def _nearest_clause_subject(c: Candidate, j: int) -> Phrase | None:
    """"Chastened by the analyses, as well as complaints, Trump revised his plan, promising to":
    the subject of the clause right before the participle's comma ``toks[j]``, when that clause
    opens after the previous comma (or the sentence start) with a pronoun, or a name and a
    lower-case verb."""
    toks, p = c.toks, j - 1
    while p >= 0 and toks[p].sent == c.sent and toks[p].text not in {",", ";", ":"} and toks[p].text not in QUOTE_MARKS:
        p -= 1
    first = p + 1
    if first >= j - 1 or c.ctx.quotes.strictly_inside(toks[first].start):
        return None
    if toks[first].low in _CLAUSE_PRONOUNS:
        return (first, first)
    head = first + 1 if toks[first].low == "the" else first
    np = _subject_phrase(toks, head, j, c.sent) if toks[head].np else None
    if np is None or np[1] + 1 >= j or not toks[np[1]].np:
        return None
    verb = toks[np[1] + 1]
    ok = verb.text.isalpha() and verb.text.islower() and (verb.low not in FUNCTION or verb.low in SKIP)
    return np if ok else None


def _subject_phrase(toks: list[Tok], k: int, j: int, sent: int) -> Phrase | None:
    end = k
    while end + 1 < j and (toks[end + 1].np or toks[end + 1].low == "'s"):
        end += 1
    if toks[end].low == "'s":
        return None
    start = k - 1 if k > 0 and toks[k - 1].sent == sent and toks[k - 1].low == "the" else k
    return (start, end)

