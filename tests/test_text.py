"""The text basis (medialit.text): coercion, quotes, sentences, tokens and the result protocol."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit
from medialit import document
from medialit.text import (
    Document,
    Quote,
    Result,
    Span,
    as_document,
    in_quote,
    quote_at,
    quote_regions,
)


def _texts(regions):
    return [(q.text, q.kind) for q in regions]


def test_document_module_names_are_the_text_packages():
    assert document.Document is Document is medialit.Document
    assert document.Span is Span is medialit.Span
    assert document.token_spans is medialit.text.token_spans


def test_as_document_accepts_both_and_refuses_other_types():
    doc = Document.from_text("It may rain.")
    assert as_document(doc) is doc
    assert as_document("It may rain.").text == "It may rain."
    assert as_document("").sentences == [] and as_document(" \n").quotes == []
    with pytest.raises(TypeError, match="str or a medialit.Document"):
        as_document(42)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we may win" and left.', [('"we may win"', "marks")]),
        ("He said “we may win” and left.", [("“we may win”", "marks")]),
        ("Il a dit « nous gagnerons » hier.", [("« nous gagnerons »", "marks")]),
        ("Er sagte „wir gewinnen“ gestern.", [("„wir gewinnen“", "marks")]),
        ("He said ``we may win'' and left.", [("``we may win''", "marks")]),
        # single quotes are apostrophes or scare quotes, not quotations
        ("The ‘experts’ don’t agree.", []),
        # two apostrophes inside a word are not a quotation mark
        ("rock''n''roll is here.", []),
    ],
)
def test_quotation_marks(text, expected):
    assert _texts(quote_regions(text)) == expected


def test_unclosed_quotation_stops_at_its_paragraph():
    text = "“We will go on, she said.\n\n“And on.” Then silence."
    assert _texts(quote_regions(text)) == [("“We will go on, she said.", "marks"), ("“And on.”", "marks")]


def test_block_quotes_and_marks_inside_them():
    text = "The minister added:\nWe stay, “for now”, and wait.\n\nThe end came."
    regions = quote_regions(text)
    assert _texts(regions) == [("We stay, “for now”, and wait.", "block"), ("“for now”", "marks")]
    inner = text.index("now")
    assert quote_at(regions, inner, inner + 3).kind == "marks"  # the innermost wins
    assert quote_at(regions, text.index("wait"), text.index("wait") + 4).kind == "block"
    assert not in_quote(regions, text.index("end"), text.index("end") + 3)


def test_a_stretch_that_leaves_the_quotation_is_not_quoted():
    text = 'She said "yes" loudly.'
    regions = quote_regions(text)
    assert in_quote(regions, text.index("yes"), text.index("yes") + 3)
    assert not in_quote(regions, text.index("yes"), text.index("loudly"))
    assert quote_at(list(regions), text.index("yes")) is not None  # a plain list works too


def test_document_quotes_are_cached_and_match_quote_regions():
    doc = Document.from_text('A "b" c.\n\nHe added:\n“D e.”')
    assert doc.quotes is doc.quotes
    assert list(doc.quotes) == list(quote_regions(doc.text))
    assert all(isinstance(q, Quote) and isinstance(q, Result) for q in doc.quotes)


@pytest.mark.parametrize(
    "text",
    [
        "x " + "“a " * 20_000,  # the audit's unclosed curly quotes
        "x" * 200_000,  # a long line with no spaces or marks
        ('"' + "a" * 50) * 2_000,  # straight quotes, no spaces
        "«" * 50_000,
    ],
)
def test_adversarial_quotes_give_bounded_regions(text):
    regions = quote_regions(text)
    for q in regions:
        assert text[q.start : q.end] == q.text
    marks = [q for q in regions if q.kind == "marks"]
    assert all(a.end <= b.start for a, b in zip(marks, marks[1:], strict=False))


@settings(max_examples=200)
@given(st.text(alphabet="ab .\n“”«»\"„`'", min_size=1, max_size=80))
def test_quote_regions_are_exact_and_never_cross_a_paragraph(text):
    doc = as_document(text)
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        para = doc.paragraph_of(q.start)
        assert para is not None and q.end <= para.end
        assert doc.quote_at(q.start, q.end) is not None


def test_sentence_of_and_sentence_index_use_the_one_splitter():
    doc = Document.from_text("Dr. Lee said so. It rained.\n\nA new paragraph here.")
    assert [s.text for s in doc.sentences] == ["Dr. Lee said so.", "It rained.", "A new paragraph here."]
    assert doc.sentence_of(doc.text.index("rained")).text == "It rained."
    assert doc.sentence_index(doc.text.index("new")) == 2
    assert doc.sentence_of(doc.text.index("\n")) is None
    assert doc.paragraph_index(doc.text.index("new")) == 1
    assert [s.text for s in doc.iter_sentences_in(doc.paragraphs[0])] == ["Dr. Lee said so.", "It rained."]


def test_sentence_cut_after_an_unknown_abbreviation_is_undone():
    doc = Document.from_text("Sen. Smith (R-Ga.) said it. Then he left.")
    assert [s.text for s in doc.sentences] == ["Sen. Smith (R-Ga.) said it.", "Then he left."]


def test_plural_titles_are_abbreviations():
    doc = Document.from_text("Sens. Ann Lee and Bo Park spoke. Reps. Cy Dale and Di Fox left.")
    assert [s.text for s in doc.sentences] == ["Sens. Ann Lee and Bo Park spoke.", "Reps. Cy Dale and Di Fox left."]


def test_no_sentence_starts_with_a_possessive():
    doc = Document.from_text("The firm sued Washington D.C.’s water board on Monday. It lost.")
    assert [s.text for s in doc.sentences] == ["The firm sued Washington D.C.’s water board on Monday.", "It lost."]


def test_no_sentence_starts_with_a_closing_bracket_or_a_comma():
    doc = Document.from_text("Sen. Bo Park (R-Ky.), who lost, spoke. Then he left.")
    assert [s.text for s in doc.sentences] == ["Sen. Bo Park (R-Ky.), who lost, spoke.", "Then he left."]


def test_tokens_are_the_one_tokenizer():
    doc = Document.from_text("Let’s not say it can’t rain.")
    assert [t.text for t in doc.tokens] == ["Let", "’s", "not", "say", "it", "ca", "n’t", "rain", "."]
    assert doc.tokens == medialit.text.token_spans(doc.text)


def test_result_protocol_is_met_by_every_detector_result():
    doc = Document.from_text('Officials said "we may face a bloody war." It will rain.')
    results = [
        *medialit.find_hedges(doc.text),
        *medialit.find_attributions(doc),
        *medialit.find_loaded_language(doc),
        *medialit.perspective(doc).mentions,
        *medialit.classify_sentences(doc),
        *medialit.sentence_sentiment(doc),
    ]
    assert results
    for result in results:
        assert isinstance(result, Result), type(result).__name__
        assert doc.text[result.start : result.end] == result.text
        assert isinstance(result.label, str) and isinstance(result.rule, str)
