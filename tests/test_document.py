"""The text model: exact offsets, paragraph kinds, sentences, tokens and lookups."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import medialit
from medialit import Document
from medialit.document import paragraph_spans, token_spans

# Text with the characters news pages are made of: curly quotes, dashes, CRLF, tabs, accents.
NEWSY = st.lists(
    st.sampled_from(
        list("abcdefgh XYZ.,;:!?'\"-()0123\n\t\r")
        + ["\r\n", "“", "”", "‘", "’", "—", "–", "é", "…", "ß", "中", "«", "»", "U.S.", "Dr.", "can't"]
    ),
    min_size=1,
    max_size=120,
).map("".join).filter(lambda s: s.strip())


def _check_spans(text: str, spans) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_offsets_are_exact_on_any_text(text):
    try:
        doc = Document.from_text(text)
    except ValueError:
        return  # e.g. text that looks like HTML: tested separately
    _check_spans(text, doc.paragraphs)
    _check_spans(text, doc.sentences)
    _check_spans(text, doc.tokens)
    for sentence in doc.sentences:
        assert doc.paragraph_of(sentence.start) is not None


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=200).filter(lambda s: s.strip()))
def test_offsets_are_exact_on_arbitrary_unicode(text):
    try:
        doc = Document.from_text(text)
    except ValueError:
        return
    _check_spans(text, doc.paragraphs)
    _check_spans(text, doc.sentences)
    _check_spans(text, doc.tokens)


@given(NEWSY, st.text(alphabet="ab. \n", max_size=30))
def test_prefix_shifts_token_offsets(text, prefix):
    prefix = prefix + "\n\n" if prefix.strip() else ""
    base = token_spans(text)
    shifted = token_spans(prefix + text, len(prefix))
    assert [(s.start + len(prefix), s.end + len(prefix), s.text) for s in base] == [
        (s.start, s.end, s.text) for s in shifted
    ]


def test_case_study_structure(case_study):
    doc = case_study
    kinds = [p.kind for p in doc.paragraphs]
    assert len(doc.paragraphs) == 14
    assert kinds.count("heading") == 2 and kinds.count("quote") == 1
    assert doc.paragraphs[3].text == "What can push China to create a military alliance with Russia"
    assert doc.paragraphs[12].text.startswith("In the face of wars")
    assert doc.paragraphs[11].text.endswith("added:")
    assert 40 <= len(doc.sentences) <= 50
    assert doc.text.startswith("The topic of military cooperation")
    assert doc.text.endswith("on the world chessboard.")
    _check_spans(doc.text, doc.paragraphs)
    _check_spans(doc.text, doc.sentences)
    _check_spans(doc.text, doc.tokens)


def test_case_study_has_no_page_chrome(case_study):
    for chrome in ("36.1 C", "News Room", "Latest News", "Public Reaction", "Copyright", "Author:",
                   "India's First International News Journal", "WorldAsia"):
        assert chrome not in case_study.text
    assert case_study.page is not None and case_study.text in case_study.page
    offset = case_study.metadata["body_offset"]
    assert case_study.page[offset : offset + len(case_study.text)] == case_study.text


def test_case_study_metadata(case_study):
    meta = case_study.metadata
    assert case_study.title == "Under what conditions can a military alliance between Russia and China arise?"
    assert meta["date"] == "Saturday, June 10, 2023"
    assert meta["weather"] == "36.1 C"
    assert meta["breadcrumb"] == "WorldAsia"
    assert meta["author"] == "Alexander Shilov"
    assert meta["photo_credit"] == "Photos used: Ministry of Defense of the Russian Federation"
    assert meta["copyright"] == "Copyright © 2023 The Eastern Herald."
    assert meta["masthead"] == "India's First International News Journal"
    assert "Latest News" in meta["chrome_after"]


def test_metadata_file_agrees_with_split_page(case_study):
    import yaml

    from medialit.casestudy import case_study_dir

    recorded = yaml.safe_load((case_study_dir() / "metadata.yaml").read_text(encoding="utf-8"))
    page = recorded["page"]
    for key in ("masthead", "weather", "date", "breadcrumb", "title", "byline", "photo_credit", "copyright"):
        assert page[key] == case_study.metadata[key], key
    assert page["chrome_after"] == case_study.metadata["chrome_after"]


def test_page_file_is_the_seed_exactly():
    from pathlib import Path

    from medialit.casestudy import case_study_dir

    seed = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_ed8e48d301ec8c2c.txt"
    if not seed.exists():
        pytest.skip("../shared/seed not beside the clone")
    assert (case_study_dir() / "page.txt").read_bytes() == seed.read_bytes()


def test_sentences_respect_abbreviations():
    doc = Document.from_text("Gen. Smith met Dr. Jones in the U.S. on Jan. 5. They talked.")
    assert [s.text for s in doc.sentences] == [
        "Gen. Smith met Dr. Jones in the U.S. on Jan. 5.",
        "They talked.",
    ]


def test_tokens_keep_hyphens_and_split_clitics(case_study):
    texts = [t.text for t in case_study.tokens]
    assert "China-Russia" in texts
    assert "Let" in texts and "’s" in texts


def test_lookups(case_study):
    doc = case_study
    offset = doc.text.index("Tan Kefei")
    assert "Tan Kefei said" in doc.sentence_of(offset).text
    assert doc.paragraph_of(offset).kind == "paragraph"
    assert doc.paragraph_index(offset) == 9
    gap = doc.paragraphs[0].end  # the line break after the first paragraph
    assert doc.sentence_of(gap) is None


def test_concordance(case_study):
    lines = case_study.concordance("military alliance", width=20)
    assert len(lines) >= 5
    for line in lines:
        assert case_study.text[line.start : line.end].lower() == "military alliance"
        assert len(line.left) == 20
    assert case_study.concordance("ALLIANCE")
    with pytest.raises(ValueError):
        case_study.concordance("   ")


def test_frequencies_and_stopwords(case_study):
    with_stop = case_study.frequencies()
    without = case_study.frequencies(stopwords=False)
    assert with_stop["the"] > 10
    assert "the" not in without
    assert without["military"] == with_stop["military"] >= 10
    assert sum(with_stop.values()) == case_study.word_count


def test_collocations(case_study):
    pairs = case_study.collocations(n=20)
    assert all(isinstance(a, str) and isinstance(b, str) for a, b in pairs)
    assert ("military", "alliance") in pairs or ("xi", "jinping") in pairs


def test_hard_wrapped_block_stays_one_paragraph():
    text = ("This is a long line of text that was wrapped at a fixed\n"
            "width by an email program, so the paragraph continues on\n"
            "the next line and ends here.\n\nSecond paragraph.")
    paras = paragraph_spans(text)
    assert len(paras) == 2 and paras[0].kind == "paragraph"


def test_quote_paragraph_by_quotation_marks():
    paras = paragraph_spans("She said this.\n“We will never give up.”\nThe end.")
    assert [p.kind for p in paras] == ["paragraph", "quote", "paragraph"]


def test_crlf_text():
    text = "First line ends.\r\nSecond one, too.\r\n\r\nThird."
    doc = Document.from_text(text)
    assert [p.text for p in doc.paragraphs] == ["First line ends.", "Second one, too.", "Third."]


def test_public_api_is_exported():
    for name in ("Document", "Span", "read_document", "load_case_study", "split_page", "html_to_text"):
        assert hasattr(medialit, name)


def test_split_page_names_the_packaging(case_study):
    """Lesson 8 reads the headline, section, headings and photo credit off the page."""
    parts = medialit.split_page(case_study.page)
    assert parts.headline == parts.title == case_study.title
    assert parts.section == ["World", "Asia"]
    assert parts.headings == [
        "What can push China to create a military alliance with Russia",
        "The Union of Russia and China is more than a military alliance",
    ]
    assert parts.credit == "Ministry of Defense of the Russian Federation"
    assert parts.as_dict()["credit"] == parts.credit and parts.as_dict()["headline"] == parts.headline


def test_split_page_packaging_on_another_page():
    page = ("Daily Example\nNews › Local Council approves new bike lanes today\n"
            "Council approves new bike lanes today\nThe council voted on Tuesday.\nWhat comes next\n"
            "More votes follow.\nBy Jane Doe Photo: City press office\n© 2024 Daily Example\n")
    parts = medialit.split_page(page)
    assert parts.section == ["News", "Local"]
    assert parts.headings == ["What comes next"]
    assert parts.credit == "City press office" and parts.author == "Jane Doe"
    assert medialit.split_page(page.replace(" Photo: City press office", "")).credit is None
