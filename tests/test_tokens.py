"""The shared tokenizer (medialit.text.tokens) gives NLTK's tokens, offset for offset.

``token_offsets`` runs NLTK's Treebank rules over all sentences at once with
Python's ``re``; ``nltk_offsets`` is NLTK's own ``span_tokenize``, one sentence at
a time. They must agree on real texts (the case study, every development corpus)
and on generated text full of the characters the rules treat specially.
"""

from __future__ import annotations

import gc
import json

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

import medialit
from medialit.data import load_wordlist
from medialit.text import Document, as_document, token_spans
from medialit.text.tokens import gc_paused, nltk_offsets, token_offsets


def _reference(text: str, stretches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [pair for s, e in stretches for pair in nltk_offsets(text, s, e)]


def _assert_same_as_nltk(text: str, name: str) -> int:
    doc = as_document(text)
    stretches = [(s.start, s.end) for s in doc.sentences]
    ours, theirs = token_offsets(text, stretches), _reference(text, stretches)
    if ours != theirs:  # name the first difference, in words
        i = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
        ours_words = [text[s:e] for s, e in ours[max(0, i - 3) : i + 3]]
        nltk_words = [text[s:e] for s, e in theirs[max(0, i - 3) : i + 3]]
        pytest.fail(f"{name}: token {i} differs from NLTK's: ours {ours_words}, NLTK {nltk_words}")
    return len(ours)


def test_case_study_tokens_are_nltks():
    assert _assert_same_as_nltk(medialit.load_case_study().text, "case study") > 1000


@pytest.mark.corpus
@pytest.mark.parametrize("pattern", ["news-texts/*.txt", "polnear-dev/dev/text/*.txt", "ptc-sample/articles/*.txt"])
def test_development_corpora_tokens_are_nltks(corpora, pattern):
    paths = sorted(corpora.glob(pattern))
    assert paths, f"no texts at {pattern}"
    for path in paths:
        _assert_same_as_nltk(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.corpus
def test_szeged_tokens_are_nltks(corpora):
    path = corpora / "szeged-uncertainty" / "wiki.sentences.jsonl"
    if not path.is_file():
        pytest.skip("Szeged corpus not found")
    with path.open(encoding="utf-8") as handle:
        lines = [json.loads(line)["text"] for _, line in zip(range(3000), handle, strict=False)]
    assert _assert_same_as_nltk("\n".join(lines) + "\n", "Szeged, first 3000 sentences") > 50_000


# Characters and words the Treebank rules treat specially, mixed with plain ones.
_PIECES = st.sampled_from([
    "a", "word", "Smith", "3", "3.88", " ", " ", "  ", "\n", "\t", "\n\n", ".", ".", "..", "...", ",", ":", ";",
    "?", "!", '"', "'", "''", "`", "``", "’", "‘", "“", "”", "«", "»", "„", "(", ")", "[", "]", "{", "}", "<",
    ">", "-", "--", "–", "—", "*", "@", "#", "$", "%", "&", "can", "not", "cannot", "Cannot", "gonna", "wanna",
    "gimme", "lemme", "gotta", "more'n", "d'ye", "'tis", "'Twas", "n't", "N'T", "'s", "'S", "'ll", "'re", "'ve",
    "'m", "'d", "don't", "it’s", "Let’s", "U.S.", "é", "ß", "İ",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=3)),
                 max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.lists(st.integers(min_value=0, max_value=200), max_size=6))
# Found by this test: NLTK's rules run on the regex module, whose \s leaves out U+001C-U+001F
# and whose \w and \d leave out fractions, superscripts and combining marks.
@example("an't\x1f", [])
@example("'s¼", [])
@example("Jose\u0301's word.\x1d", [])
@example("a:\u0663 b", [])
def test_generated_text_tokens_are_nltks(text, cuts):
    # stretches: the text cut at a few places (as sentences cut a document), blanks kept out
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    stretches = [(s, e) for s, e in zip(points, points[1:], strict=False) if text[s:e].strip()]
    try:
        theirs = _reference(text, stretches)
    except RuntimeError:  # NLTK's own bug: more quote tokens than quote marks (StopIteration)
        assume(False)
    assert token_offsets(text, stretches) == theirs


@settings(max_examples=150, deadline=None)
@given(_TEXT, _TEXT)
def test_offsets_index_the_text_and_never_cross_a_stretch(a, b):
    text = a + "\x00" + b  # a NUL (never in a real article) sends its stretch to the fallback expression
    stretches = [(0, len(a)), (len(a), len(text))]
    for start, end in stretches:
        for s, e in token_offsets(text, [(start, end)]):
            assert start <= s < e <= end
            assert text[s:e].strip()
    assert token_offsets(text, stretches) == [p for st_ in stretches for p in token_offsets(text, [st_])]


def test_document_tokens_are_token_spans_sentence_by_sentence():
    doc = Document.from_text('Officials said: "We cannot win." It’s 3.88 (roughly)... She didn\'t.\n\nNext one.')
    expected = [t for s in doc.sentences for t in token_spans(doc.text, s.start, s.end)]
    assert doc.tokens == expected
    assert [(t.start, t.end) for t in doc.tokens] == doc.token_offsets
    assert [t.text for t in doc.tokens][:8] == ["Officials", "said", ":", '"', "We", "can", "not", "win"]


def test_sentence_shortcut_is_what_punkt_says(case_study, corpora):
    """sentence_spans skips Punkt on a paragraph with no ".", "?" or "!" before its last
    character; Punkt must then return the whole paragraph, on every development text."""
    params = PunktParameters()
    params.abbrev_types = set(load_wordlist("abbreviations.txt"))
    punkt = PunktSentenceTokenizer(params)
    texts = [case_study.text] + [p.read_text(encoding="utf-8") for p in sorted(corpora.glob("news-texts/*.txt"))]
    checked = 0
    for text in texts:
        for para in as_document(text).paragraphs:
            if para.kind != "heading" and not any(c in para.text[:-1] for c in ".?!"):
                assert list(punkt.span_tokenize(para.text)) == [(0, len(para.text))], para.text
                checked += 1
    assert checked > 10


def test_gc_paused_restores_the_collector_even_on_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
