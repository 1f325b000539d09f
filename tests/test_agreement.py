"""The detectors agree on what is quoted, because they share one reading of the text (medialit.text).

Stance (``Hedge.in_quote``), framing (``Mention.voice == "quote"``) and attribution
(``Attribution.quote``) must all say "quoted" for exactly the stretches in
``Document.quotes``, on the case study and on the development news texts
(``../shared/corpora/news-texts``, skipped with a message where absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import medialit
from medialit.text import Document

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "news-texts"

# A transcript line "NAME: words" is a quotation without quotation marks: attribution reads it
# as one (rule "speaker label and colon"); it is not a quoted region of the text basis.
NO_MARKS_RULES = {"speaker label and colon"}


def _news_documents() -> list[Document]:
    if not NEWS.is_dir():
        pytest.skip(f"development news texts not found at {NEWS} (they live in ../shared/corpora)")
    return [medialit.read_document(path) for path in sorted(NEWS.glob("*.txt"))]


def _check_agreement(doc: Document) -> int:
    """Assert that every detector's "quoted" is the text basis's; return how many quoted findings."""
    quoted = 0
    for hedge in medialit.find_hedges(doc):
        assert hedge.in_quote == (doc.quote_at(hedge.start, hedge.end) is not None), hedge
        quoted += hedge.in_quote
    for mention in medialit.perspective(doc).mentions:
        assert (mention.voice == "quote") == (doc.quote_at(mention.start, mention.end) is not None), mention
        quoted += mention.voice == "quote"
    for found in medialit.find_attributions(doc):
        if found.quote is not None and found.rule not in NO_MARKS_RULES:
            assert doc.quote_at(found.quote.start, found.quote.end) is not None, found
            quoted += 1
    return quoted


def test_detectors_agree_on_quotations_in_the_case_study(case_study):
    assert _check_agreement(case_study) > 0


def test_detectors_agree_on_quotations_in_the_news_texts():
    documents = _news_documents()
    assert documents, f"no .txt files in {NEWS}"
    assert sum(_check_agreement(doc) for doc in documents) > 0


def test_a_quotation_is_quoted_for_every_detector():
    doc = Document.from_text('The minister said: "We may well face a bloody war." We doubt it.')
    hedges = {h.text: h.in_quote for h in medialit.find_hedges(doc)}
    assert hedges == {"may well": True, "doubt": False}
    voices = [(m.text, m.voice) for m in medialit.perspective(doc).mentions]
    assert voices == [("We", "quote"), ("We", "author")]
    quote = next(a.quote for a in medialit.find_attributions(doc) if a.quote is not None)
    assert doc.quote_at(quote.start, quote.end) is not None
    # an unclosed quotation is quoted up to the end of its paragraph, for everyone
    doc = Document.from_text("She said “we may win.\n\nWe may not.")
    assert [h.in_quote for h in medialit.find_hedges(doc)] == [True, False]
    assert [m.voice for m in medialit.perspective(doc).mentions] == ["quote", "author"]
