"""find_hedges: offsets, ordering, each context rule of the lexicon, quotation and attribution flags."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medialit
from medialit.data import DataFileError
from medialit.hedging import Hedge, _expand, _lexicon, find_hedges, lexicon_terms


def found(text: str) -> list[tuple[str, str, str]]:
    return [(h.text, h.kind, h.category) for h in find_hedges(text)]


def texts(text: str) -> list[str]:
    return [h.text for h in find_hedges(text)]


# --- properties -------------------------------------------------------------------------------

WORDS = ["may", "May", "might", "could", "well", "about", "40", "some", "it", "is", "likely", "that", "not",
         "certain", "words", "as", "you", "know", "must", "be", "the", "reason", "we", "speak", "would", "said",
         "he", "never", "no", "doubt", "expected", "to", "“", "”", '"', ".", ",", "\n", "can", "considered", "x"]
sentences = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
any_text = st.one_of(st.text(max_size=200), sentences)


@given(any_text)
def test_offsets_are_valid_and_text_is_the_slice(text):
    for h in find_hedges(text):
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start : h.end] == h.text
        assert h.kind in ("hedge", "booster")
        assert h.rule


@given(any_text)
def test_results_are_sorted_and_never_overlap(text):
    result = find_hedges(text)
    assert [h.start for h in result] == sorted(h.start for h in result)
    assert all(a.end <= b.start for a, b in zip(result, result[1:], strict=False))


@given(st.text(alphabet="ab .\n", max_size=20), sentences)
def test_a_prefix_shifts_offsets(prefix, text):
    prefix = prefix + "\n\n"  # a paragraph break, so the prefix cannot change the sentence context
    plain = [(h.start, h.end, h.kind, h.category) for h in find_hedges(text)]
    shifted = [(h.start - len(prefix), h.end - len(prefix), h.kind, h.category) for h in find_hedges(prefix + text)]
    assert shifted == plain


def test_works_on_any_string_and_on_a_document():
    assert isinstance(find_hedges(""), list) and find_hedges("") == []
    doc = medialit.Document.from_text("It may rain.")
    assert find_hedges(doc) == find_hedges(doc.text) and find_hedges(doc)[0].text == "may"
    with pytest.raises(TypeError, match="str or a medialit.Document"):
        find_hedges(b"It may rain.")  # type: ignore[arg-type]


def test_hedge_is_frozen_and_has_label_and_title():
    h = find_hedges("It may rain.")[0]
    assert isinstance(h, Hedge) and h.label == "hedge" and "modal" in h.title
    with pytest.raises(AttributeError):
        h.kind = "booster"  # type: ignore[misc]


# --- the lexicon ------------------------------------------------------------------------------


def test_term_syntax_expands_alternatives_and_optional_words():
    assert set(_expand("could|may well?")) == {("could", "well"), ("could",), ("may", "well"), ("may",)}


def test_lexicon_has_multi_word_entries_and_both_kinds():
    terms = lexicon_terms()
    assert "it is likely that" in terms and "as you know" in terms and "no doubt" in terms
    assert "never" in lexicon_terms("booster") and "never" not in lexicon_terms("hedge")
    assert all(entry.kind in ("hedge", "booster") for c in _lexicon().values() for _, entry in c)


def test_a_bad_lexicon_row_names_the_entry(monkeypatch):
    import medialit.hedging as hedging

    rows = ({"term": "perhaps", "kind": "hedge", "category": "guesswork", "note": "x", "context": "",
             "negated": "keep"},)
    monkeypatch.setattr(hedging, "load_table", lambda name, required: rows if name == hedging.LEXICON else
                        hedging.load_table.__wrapped__(name, required))
    hedging._lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError, match="perhaps.*guesswork"):
            hedging._lexicon()
    finally:
        monkeypatch.undo()
        hedging._lexicon.cache_clear()


# --- context rules, one by one --------------------------------------------------------------


def test_certain_as_a_determiner_is_not_a_booster():
    assert found("The president never says certain words.") == [("never", "booster", "absolute")]
    assert found("I am certain of it.") == [("certain", "booster", "certainty")]
    assert found("I am not certain of it.") == [("certain", "hedge", "probability")]


def test_may_the_month_is_not_a_hedge():
    assert texts("In May 2020 the talks began.") == []
    assert texts("They met on 3 May and agreed.") == []
    assert texts("May 20 was a Monday.") == []
    assert found("Prices may rise in May.") == [("may", "hedge", "modal")]


def test_approximators_only_before_a_number_or_quantity():
    assert found("About 40 ships sailed.") == [("About", "hedge", "approximator")]
    assert texts("Around a dozen ships and some two-thirds of the crews.") == ["Around", "some"]
    assert texts("The talk was about the budget, around the town, with some people.") == []
    assert texts("It cost around $5 million.") == ["around"]


def test_deontic_must_is_left_out_epistemic_must_is_a_booster():
    assert texts("We must speak to our enemies.") == []
    assert texts("Generals must be prepared to fight.") == []
    assert found("That must be the reason.") == [("must", "booster", "certainty")]
    assert found("He must have known.") == [("must", "booster", "certainty")]


def test_deontic_should_is_left_out_epistemic_should_is_a_hedge():
    assert texts("Generals should not be afraid to fight.") == []
    assert texts("It should be noted that the talks failed.") == []
    assert found("This should take a week.") == [("should", "hedge", "modal")]


def test_would_in_reported_speech_and_narration_is_not_a_hedge():
    assert texts("He said he would come.") == []
    assert texts("Years later the magazine would cite the fight.") == []
    assert texts("In 1983 he would win the title.") == []
    assert texts("If it rains, the match would stop.") == []
    assert found("That would be a mistake.") == [("would", "hedge", "modal")]


def test_negation_keeps_hedges_and_flips_boosters():
    assert found("A deal is not likely.") == [("likely", "hedge", "probability")]
    assert found("There is no doubt about it.") == [("There is no doubt", "booster", "certainty")]
    assert found("No doubt they will try.") == [("No doubt", "booster", "certainty")]
    assert found("It is not clear whether it works.") == [("clear", "hedge", "probability")]
    assert found("It is clear that it works.") == [("It is clear that", "booster", "certainty")]
    assert found("They do not always agree.") == [("always", "hedge", "limiter")]


def test_can_counts_only_in_tentative_frames():
    assert texts("The two countries can cooperate. Exercises can increase trust.") == []
    assert found("It can be considered a turning point.") == [("can be considered", "hedge", "tentative_frame")]
    assert found("These words can be interpreted in different ways.") == [
        ("can be interpreted", "hedge", "tentative_frame")]
    assert found("Such referrals can also be read as a warning.") == [
        ("can also be read", "hedge", "tentative_frame")]


def test_impersonal_belief_forms_are_shields():
    assert found("The deal is expected to close soon.") == [("is expected to", "hedge", "shield")]
    assert found("It is believed that talks resumed.") == [("It is believed that", "hedge", "shield")]
    assert found("He is widely regarded as the best.") == [("is widely regarded as", "hedge", "shield")]
    assert texts("He was considered for the job.") == []
    assert [(h.text, h.attributed) for h in find_hedges("De Gaulle considered the franc a threat.")] == [
        ("considered", True)]
    assert texts("In this regard, the plan changed.") == []


def test_belief_verbs_are_attributed_when_someone_else_holds_the_belief():
    analysts = find_hedges("Analysts expect a deal.")
    assert [(h.text, h.category, h.attributed) for h in analysts] == [("expect", "doxastic", True)]
    assert find_hedges("Many even began to speculate that it was over.")[0].attributed is True
    assert find_hedges("I think it is over.")[0].attributed is False
    assert find_hedges("We expect a deal.")[0].attributed is False
    assert find_hedges("The deal is expected to close.")[0].attributed is False


def test_ability_could_permission_may_and_manner_clearly_are_left_out():
    assert texts("She could swim across the lake when she was a child.") == []
    assert texts("He could not sleep.") == []
    assert texts("You may leave the room.") == []
    assert texts("Clearly marked signs were put up.") == []
    assert found("Clearly, the plan failed.") == [("Clearly", "booster", "certainty")]
    assert found("It could well rain.") == [("could well", "hedge", "modal")]


def test_look_alike_nouns_and_verbs_are_left_out():
    assert texts("Experts at think tanks disagreed.") == []
    assert texts("He was ordered to appear as a witness. He appeared in the film.") == []
    assert texts("A thought crossed her mind; the fear was real.") == []
    assert texts("The best possible outcome was made possible.") == []
    assert found("A possible successor was named.") == [("possible", "hedge", "probability")]


def test_longest_entry_wins_and_wildcard_word():
    assert texts("It is likely that it rains.") == ["It is likely that"]
    assert texts("There is a real chance that it rains.") == ["There is a real chance"]
    assert found("It will almost certainly rain.") == [("almost certainly", "hedge", "probability")]


def test_shared_knowledge_and_absolutes():
    assert found("As you know, the president never says that.") == [
        ("As you know", "booster", "shared_knowledge"), ("never", "booster", "absolute")]
    assert found("It is no secret that they met.") == [("It is no secret that", "booster", "shared_knowledge")]


# --- quotations -------------------------------------------------------------------------------


def test_markers_inside_quotations_are_flagged():
    text = 'The minister said: “Prices may rise.” Prices probably will.'
    flags = [(h.text, h.in_quote) for h in find_hedges(text)]
    assert flags == [("may", True), ("probably", False)]
    assert [h.in_quote for h in find_hedges('He wrote "it might fail" yesterday; it might.')] == [True, False]


def test_an_unclosed_quotation_mark_does_not_swallow_later_paragraphs():
    # The unclosed quotation runs to the end of its own paragraph (medialit.text.quote_regions), no further.
    text = "He said “it may rain.\n\nPrices may rise. She said “maybe” later."
    assert [(h.text, h.in_quote) for h in find_hedges(text)] == [("may", True), ("may", False), ("maybe", True)]
    wrapped = "He said “prices may\nrise soon” and left."
    assert [(h.text, h.in_quote) for h in find_hedges(wrapped)] == [("may", True)]


def test_block_quote_after_a_colon_is_a_quotation():
    text = "He also noted that war is near and added:\n\nIn the face of wars that may be imposed on us, we must act.\n"
    assert [(h.text, h.in_quote) for h in find_hedges(text)] == [("may", True)]


def test_case_study_finds_the_lesson_examples(case_study):
    result = find_hedges(case_study.text)
    by_text = {h.text for h in result}
    assert {"can be considered", "could well", "It is likely that", "as you know", "certainly"} <= by_text
    assert not any(h.text.lower() == "certain" for h in result)
    quoted = [h for h in result if h.in_quote]
    assert [h.text for h in quoted] == ["may"]


@pytest.mark.parametrize("module", ["medialit.hedging", "medialit.render", "medialit.charts"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
