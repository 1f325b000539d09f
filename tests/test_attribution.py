"""Who says so: attribution detection, counting, chains, gold and evaluation."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medialit
from medialit.attribution import (
    COMMON_KNOWLEDGE,
    SOURCE_TYPES,
    Attribution,
    AttributionChain,
    attribution_chains,
    attribution_summary,
    attribution_summary_by_type,
    attribution_table,
    chains_html,
    chains_text,
    explain,
    find_attributions,
    reporting_verbs,
    unattributed_claims,
)
from medialit.evaluation.attribution import evaluate, gold_path, load_gold


def _by_source(text: str) -> dict[str, Attribution]:
    return {a.source.text: a for a in find_attributions(text) if a.source is not None}


# --- source types -------------------------------------------------------------


def test_named_person_with_title_and_canonical_name():
    text = "Recently, Chinese Defense Ministry spokesman Tan Kefei said ties are strong."
    (a,) = find_attributions(text)
    assert a.source.text == "Chinese Defense Ministry spokesman Tan Kefei"
    assert a.source_type == "named_person"
    assert a.name == "Tan Kefei"
    assert a.cue.text == "said"
    assert not a.direct


def test_official_role_refers_to_last_named_person():
    text = "Vladimir Putin denied this claim. As you know, the president never says such words."
    found = _by_source(text)
    assert found["Vladimir Putin"].source_type == "named_person"
    assert found["Vladimir Putin"].implies == "judgement"
    role = found["the president"]
    assert role.source_type == "official_role"
    assert role.refers_to == "Vladimir Putin"


@pytest.mark.parametrize(
    "text, source",
    [
        ("The Defense Ministry claimed victory on Monday.", "The Defense Ministry"),
        ("Reuters reported that talks had failed.", "Reuters"),
        ("In particular, Beijing openly hints that it is ready.", "Beijing"),
        ("The Kremlin said nothing about the visit.", "The Kremlin"),
    ],
)
def test_organization_cues_outlets_and_capital_metonymy(text, source):
    found = _by_source(text)
    assert found[source].source_type == "organization"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Many expected progress on this issue.", "Many"),
        ("Critics argue that the plan is too costly.", "Critics"),
        ("Experts say the bridge is safe.", "Experts"),
        ("At least that's what Foreign Affairs critics say.", "Foreign Affairs critics"),
    ],
)
def test_vague_sources(text, source):
    assert _by_source(text)[source].source_type == "vague"


def test_common_knowledge_phrases():
    text = "As you know, the talks failed. For many, it is already obvious that they will fail."
    found = [a for a in find_attributions(text) if a.source_type == "common_knowledge"]
    assert [a.source.text for a in found] == ["As you know", "many"]
    assert found[1].cue.text.startswith("For many, it is")
    assert all(a.name == COMMON_KNOWLEDGE for a in found)


def test_according_to_takes_the_whole_phrase_once():
    text = "It is not an alliance, according to published news reports. Putin said so."
    assert [(a.source.text, a.source_type) for a in find_attributions(text)] == [
        ("published news reports", "organization"), ("Putin", "named_person")]


def test_impersonal_passive_has_no_source():
    (a,) = find_attributions("It is said that the bridge is unsafe.")
    assert a.source is None
    assert a.cue.text == "said"
    assert a.source_type == "vague"


def test_clause_verbs_need_content():
    assert find_attributions("The PLA insists on force. He felt comfortable.") == []
    assert [a.cue.text for a in find_attributions("“No,” he insisted. He insisted that it was.")] \
        == ["insisted", "insisted"]
    (found,) = find_attributions("Studies found that sleep helps.")
    assert found.source_type == "organization"
    assert find_attributions("She found her keys.") == []


def test_unlisted_verb_before_that_clause():
    (a,) = find_attributions("Trump gloated that he won.")
    assert (a.source.text, a.cue.text, a.implies) == ("Trump", "gloated", "unlisted")
    assert find_attributions("There are 21 Cabinet positions that require approval.") == []


def test_verb_classes_need_their_content():
    """attribution_verb_classes.tsv: a verb of communication counts before its content or topic,
    not as a plain action."""
    (a,) = find_attributions("Senator Lee spoke about the budget.")
    assert (a.source.text, a.cue.text) == ("Senator Lee", "spoke")
    assert find_attributions("Senator Lee spoke in Ohio.") == []
    assert find_attributions("The stones spoke about the past.") == []


def test_passive_and_nouns_are_not_attributions():
    assert find_attributions("He was told to leave. The claims were false.") == []
    assert find_attributions("The United States imposed sanctions.") == []


# --- pronouns ---------------------------------------------------------------------


def test_pronoun_resolution_in_case_study(case_study):
    atts = find_attributions(case_study.text)
    pronouns = {(a.source.text, a.cue.text): a.refers_to for a in atts
                if a.source_type == "pronoun"}
    assert pronouns[("him", "According to")] == "Tan Kefei"
    assert pronouns[("he", "expressed the view")] == "Xi Jinping"
    assert pronouns[("He", "noted")] == "Xi Jinping"
    role = next(a for a in atts if a.source.text.startswith("the general secretary"))
    assert role.source_type == "official_role"
    assert role.refers_to == "Xi Jinping"
    assert role.cue.text == "stated bluntly"


def test_she_skips_an_organization_and_finds_the_person():
    text = "Mary Jones spoke first. The ministry said little. She added that prices rose."
    she = _by_source(text)["She"]
    assert she.source_type == "pronoun"
    assert she.refers_to == "Mary Jones"


def test_pronoun_gender_given_by_the_text():
    text = "Mr. Lee spoke. Ms. Park said the plan works. Mr. Lee said it does not. She added that it does."
    she = _by_source(text)["She"]
    assert she.refers_to == "Park"


def test_relative_who_points_to_the_phrase_before():
    """The source of a relative clause is its antecedent (the guide's mention); "who" is kept."""
    text = "The plan was backed by Senator Ann Lee, who said it would pass."
    a = _by_source(text)["Senator Ann Lee"]
    assert (a.name, a.source_type, a.relative.text) == ("Ann Lee", "named_person", "who")


# --- quotations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We will win," Smith said.',
        "“We will win,” Smith said.",
        "“We will win,” said Smith.",
        'Smith said: "We will win."',
        "Smith said, “We will win.”",
    ],
)
def test_direct_quotes_straight_and_curly(text):
    (a,) = find_attributions(text)
    assert a.source.text == "Smith"
    assert a.direct
    assert a.quote is not None
    assert a.quote.text.rstrip(".") == "We will win"
    assert text[a.quote.start:a.quote.end] == a.quote.text


def test_block_quote_after_added(case_study):
    atts = find_attributions(case_study.text)
    # "He noted ... and added:": one relation, one source mention, two cues (annotation guide 2.1)
    (he,) = [a for a in atts if any(c.text.startswith("added") for c in a.cues)]
    assert he.source.text == "He"
    assert [c.text for c in he.cues] == ["noted", "added:"]
    assert he.direct
    assert he.quote.text.startswith("In the face of wars")
    assert he.quote.text.endswith("to end hostilities.")
    (putin,) = [a for a in atts if a.source.text == "Vladimir Putin"]
    assert [c.text for c in putin.cues] == ["denied", "noting"]
    assert len({(a.source.start, a.source.end) for a in atts}) == len(atts)


def test_speaker_labels_and_headline_colons():
    transcript = ("WALLACE: Will she be there?\nPENCE: Well, look, no.\nWALLACE: Thank you.\n"
                  "PENCE: Thanks.\nNOTE: a label used once is not a speaker.")
    atts = find_attributions(transcript)
    assert [(a.source.text, a.cue.text, a.source_type) for a in atts] == [
        ("WALLACE", ":", "named_person"), ("PENCE", ":", "named_person"),
        ("WALLACE", ":", "named_person"), ("PENCE", ":", "named_person")]
    assert atts[0].direct and atts[0].quote.text == "Will she be there?"
    headline = "Pat Caddell: Voters Worried About Health\n\nThe pollster Pat Caddell spoke."
    first = find_attributions(headline)[0]
    assert (first.source.text, first.cue.text) == ("Pat Caddell", ":")
    assert find_attributions("Editor's note: this was updated.\n\nNothing else.") == []


def test_indirect_paraphrase_is_not_direct():
    (a,) = find_attributions("Vladimir Putin denied that there is an alliance.")
    assert not a.direct and a.quote is None


def test_text_with_no_attribution():
    assert find_attributions("The river rose two metres. Boats were moored early.") == []
    assert find_attributions("") == []
    assert find_attributions("   \n") == []


def test_non_string_input_is_refused_and_documents_are_read():
    with pytest.raises(TypeError, match="not bytes"):
        find_attributions(b"Smith said so.")  # type: ignore[arg-type]
    doc = medialit.Document.from_text("Smith said so.")
    assert find_attributions(doc) == find_attributions(doc.text)


# --- offsets (hypothesis) -------------------------------------------------------------

_PIECES = st.sampled_from([
    "Smith said", " he added", "According to him,", " “", "”", '"', " the president",
    " Many expected", " as you know", " Beijing hints that", " critics say", ":", "\n\n",
    " it is said that", " Mr. Lee (D-Ore.) told", " <b>", " & ", ".", ",", " the war", "é",
    " officials", " who denied", " and", " Xi Jinping", " 12 percent said",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=25).map("".join))
def test_offsets_are_exact_and_sorted(text):
    atts = find_attributions(text)
    for a in atts:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start:a.end] == a.text
        for span in (a.source, a.cue, a.quote):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start:span.end] == span.text
        assert a.source_type in SOURCE_TYPES
    assert atts == sorted(atts, key=lambda a: (a.start, a.end, a.cue.start))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Plain words. ", "Rain fell.\n\n", "Note this: it is so. "]),
       st.sampled_from(["Smith said it rained.", "“Yes,” said the mayor.",
                        "According to Reuters, talks failed."]))
def test_a_prefix_shifts_offsets(prefix, text):
    alone = find_attributions(text)
    shifted = find_attributions(prefix + text)
    assert [(a.start + len(prefix), a.end + len(prefix), a.source_type) for a in alone] == [
        (a.start, a.end, a.source_type) for a in shifted]


# --- lexicon, counting, chains ---------------------------------------------------------


def test_reporting_verb_lexicon_marks_judgement():
    table = reporting_verbs()
    implies = dict(zip(table["cue"], table["implies"], strict=True))
    assert implies["say"] == "neutral" and implies["state"] == "neutral"
    for verb in ("admit", "claim", "concede", "hint", "deny", "stated bluntly"):
        assert implies[verb] == "judgement", verb
    assert table["note"].str.len().min() > 0


def test_attribution_table_counts_case_study(case_study):
    table = attribution_table(case_study)
    rows = table.set_index("source")
    assert rows.loc["Xi Jinping", "count"] == 3  # "noted ... and added:" is one relation
    assert rows.loc["Xi Jinping", "cues"] == "stated bluntly, expressed the view, noted, added"
    assert rows.loc["Xi Jinping", "type"] == "named_person"
    assert rows.loc["Xi Jinping", "direct"] == 1
    assert rows.loc["Tan Kefei", "count"] == 2
    assert rows.loc["Beijing", "type"] == "organization"
    assert rows.loc[COMMON_KNOWLEDGE, "count"] == 3
    assert list(table.columns) == ["source", "type", "count", "direct", "indirect", "mentions",
                                   "cues"]
    assert table["count"].is_monotonic_decreasing


def test_summary_by_type_and_json_summary(case_study):
    by_type = attribution_summary_by_type(case_study).set_index("type")
    assert list(by_type.index) == list(SOURCE_TYPES)
    assert by_type.loc["common_knowledge", "count"] == 3
    assert by_type["count"].sum() == len(find_attributions(case_study.text))
    summary = attribution_summary(case_study)
    json.dumps(summary)
    assert summary["attributions"] == by_type["count"].sum()
    assert "stated bluntly" in summary["judgement_verbs"]
    assert summary["top_sources"][0].startswith("Xi Jinping")


def test_table_of_text_without_attributions_is_empty():
    assert attribution_table("Boats were moored early.").empty
    assert attribution_summary("Boats were moored early.")["attributions"] == 0


def test_unattributed_claims_heuristic():
    text = ("The ministry said the bridge opened in 2019. The bridge cost 40 million euros. "
            "It could fail soon. We must act. Officials confirmed the cost.")
    claims = [s.text for s in unattributed_claims(text)]
    assert claims == ["The bridge cost 40 million euros."]


def test_unattributed_claims_skip_hedged_sentences():
    pytest.importorskip("medialit.hedging")
    text = "The bridge probably cost 40 million euros. The tunnel cost 12 million euros."
    assert [s.text for s in unattributed_claims(text)] == ["The tunnel cost 12 million euros."]


def test_second_hand_chain_in_case_study(case_study):
    chains = attribution_chains(case_study)
    links = [c.links for c in chains]
    assert ("Xi Jinping", "Foreign Affairs critics", "the article") in links
    assert ("Tan Kefei", "the article") in links
    text = chains_text(chains)
    assert "Xi Jinping -> Foreign Affairs critics -> the article" in text.splitlines()


def test_nested_chains_and_one_chain_per_speaker():
    text = ("The Post reported that Trump said the deal was dead. According to Reuters, Putin "
            "denied it. “Yes,” Smith said, and Jones agreed. Smith added that it was.")
    links = [c.links for c in attribution_chains(text)]
    assert links == [("Trump", "Post", "the article"), ("Putin", "Reuters", "the article"),
                     ("Smith", "the article"), ("Jones", "the article")]
    smith = next(c for c in attribution_chains(text) if c.links[0] == "Smith")
    assert [a.cue.text for a in smith.attributions] == ["said", "added"]


def test_chains_html_escapes_names():
    text = "“Yes,” said O'Neil & Sons. <i>Hi</i> The Times reported that it rained."
    chains = attribution_chains(text)
    assert [c.links[0] for c in chains] == ["O'Neil & Sons", "Times"]
    html = chains_html(chains)
    assert "O&#x27;Neil &amp; Sons" in html
    evil = AttributionChain(("<script>x()</script>", "the article"), chains[0].attributions)
    html = chains_html([evil])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.startswith("<ol") and "reported by" in html


def test_highlight_escapes_markup():
    render = pytest.importorskip("medialit.render")
    assert hasattr(render, "highlight")
    from medialit.attribution import highlight_attributions

    text = "Smith <b>said</b> no. <script>x()</script> The mayor said yes."
    html = highlight_attributions(text).html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "official_role" in html


# --- gold and evaluation -------------------------------------------------------------


def test_gold_spans_still_match_the_text(case_study):
    gold = load_gold()
    assert gold["text_sha256"] == hashlib.sha256(case_study.text.encode("utf-8")).hexdigest()
    assert gold["text_length"] == len(case_study.text)
    for entry in gold["sources"]:
        assert case_study.text[entry["start"]:entry["end"]] == entry["text"]
        cue = entry["cue"]
        assert case_study.text[cue["start"]:cue["end"]] == cue["text"]
        assert set(entry["types"]) <= set(SOURCE_TYPES)
        if "quote" in entry:
            q = entry["quote"]
            assert case_study.text[q["start"]:q["end"]] == q["text"]
    assert gold_path().name == "case-study-attribution.json"


def test_case_study_score_meets_target(case_study):
    tables = evaluate(None)
    case = tables[0]
    assert case.rows["all sources"].f1 >= 0.85
    assert "skipped" in " ".join(tables[1].notes)


@pytest.mark.corpus
def test_polnear_dev_score(corpora):
    tables = evaluate(corpora)
    polnear = tables[1]
    assert polnear.rows["all sources"].tp > 500
    assert polnear.rows["all sources"].f1 >= 0.60
    assert polnear.rows["cues"].tp > 500 and polnear.rows["sources of direct quotes"].f1 > 0.5


def test_cli_evaluate_attribution(capsys):
    from medialit.cli import main

    assert main(["evaluate", "attribution", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["title"].startswith("Attribution sources: case study")
    assert out[0]["rows"]["all sources"]["f1"] >= 0.85


def test_cli_analyze_shows_attributions(tmp_path, capsys):
    pytest.importorskip("medialit.hedging")
    pytest.importorskip("medialit.claims")
    from medialit.cli import main

    path = tmp_path / "a.txt"
    path.write_text("Vladimir Putin denied the claim. Critics say he is wrong.\n", encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json", "--quiet"]) == 0
    result = json.loads(capsys.readouterr().out)[0]
    section = result["sections"]["attribution"]
    assert section["attributions"] == 2
    assert section["by_type"] == {"named_person": 1, "vague": 1}


def test_docstring_examples_run():
    import doctest
    import importlib
    import pkgutil

    import medialit.attribution as package

    total = 0
    for info in [None, *pkgutil.iter_modules(package.__path__)]:
        module = package if info is None else importlib.import_module(f"{package.__name__}.{info.name}")
        failed, attempted = doctest.testmod(module)
        assert failed == 0, module.__name__
        total += attempted
    assert total >= 10


def test_public_exports():
    assert medialit.find_attributions is find_attributions
    assert medialit.attribution_table is attribution_table
    assert medialit.Attribution is Attribution


def test_name_between_commas_is_the_speaker():
    (a,) = find_attributions("The minister of the economy, Mr. Guajardo Villarreal, argues that "
                             "tariffs hurt.")
    assert (a.source.text, a.source_type) == ("Mr. Guajardo Villarreal", "named_person")


def test_agent_of_a_passive_cue_is_the_source():
    (a,) = find_attributions("The registration issue was first reported by The Washington Post.")
    assert (a.source.text, a.cue.text, a.source_type) == ("The Washington Post", "reported",
                                                          "organization")
    assert find_attributions("He was told to leave by noon.") == []


def test_possessor_of_a_claim_with_its_content():
    found = find_attributions("Politifact checked Donald Trump's claim that crime rose. "
                              "Contrary to his claim that taxes fell, they rose.")
    assert [(a.source.text, a.cue.text, a.source_type) for a in found] == [
        ("Donald Trump", "claim", "named_person"), ("his", "claim", "pronoun")]
    assert find_attributions("The claims were false. His claims were false.") == []


def test_participle_after_the_noun_of_a_prepositional_phrase_is_no_verb():
    """"In a message posted Friday, Ruiz said": "posted" modifies "a message" (a participle after
    the noun of a prepositional phrase), so Ruiz is the only source; the verb of a subject with a
    relative clause ("A farmer who ran the office in the old port argued") and a subject after a
    clause-opening "after" ("after the council agreed") stay reports."""
    (a,) = find_attributions("In a message posted Friday, Ruiz said the pier was safe.")
    assert (a.source.text, a.cue.text) == ("Ruiz", "said")
    (b,) = find_attributions("A farmer who ran the office in the old port argued that the fee was new.")
    assert b.cue.text == "argued"
    (c,) = find_attributions("The ferry resumed after the harbour council agreed that the pier was safe.")
    assert (c.source.text, c.cue.text) == ("the harbour council", "agreed")


def test_who_clause_on_any_noun_with_a_determiner():
    """"who" names a person, so any noun with a determiner before it heads the source with its
    clause: "A farmer who ran the office in the old port argued" (not "the old port"); a noun
    without a determiner is no such head."""
    (a,) = find_attributions("A farmer who ran the office in the old port argued that the fee was new.")
    assert (a.source.text, a.cue.text) == ("A farmer who ran the office in the old port", "argued")
    (b,) = find_attributions("The local clerk who ran the office said the fee was new.")
    assert b.source.text == "The local clerk who ran the office"


def test_cue_noun_after_and_before_from_or_for_opens_a_new_clause():
    """"The mills turned to gas and demand from the port fell": "demand" is a noun opening a new
    clause, not a second verb of the mills; a past form or a verb with its that-clause stays a
    report ("and demanded that")."""
    assert find_attributions("The mills turned to gas and demand from the port fell.") == []
    (a,) = find_attributions("The mayor met the crew and demanded that the pier reopen.")
    assert (a.source.text, a.cue.text) == ("The mayor", "demanded")


def test_states_is_a_cue_only_with_its_content_marked():
    """"states" is also the plural of "state": it reports only with "that", a colon or a quotation
    right after it ("The harbour memo states that", "As the mayor states, “...”"), never after a
    determiner or number ("Several states that had sued lost") nor as a name ("the United States.")."""
    (a,) = find_attributions("The harbour memo states that the fee is new.")
    assert (a.source.text, a.cue.text, a.source_type) == ("The harbour memo", "states", "organization")
    (b,) = find_attributions("As the mayor states, “the pier is safe.”")
    assert (b.source.text, b.cue.text) == ("the mayor", "states")
    assert find_attributions("Several states that had sued the agency lost.") == []
    assert find_attributions("The western states, the driest in the land, lost water.") == []
    assert find_attributions("The port is the largest in the United States.") == []


def test_states_before_a_relative_clause_is_the_plural_noun():
    """"Twenty states that border the lake", "Coastal states that voted for the levy", "Other
    states that have sued": a number word before it, or a verb right after its "that" (be, have,
    a modal, a past tense before its object), makes a relative clause on the noun; a that-clause
    opens with its subject, also an -ed adjective ("states that lowered fees helped")."""
    assert find_attributions("Twenty states that border the lake have banned it.") == []
    assert find_attributions("Coastal states that voted for the levy saw gains.") == []
    (said,) = find_attributions("Other states that have sued the agency said so.")
    assert (said.source.text, said.cue.text) == ("Other states that have sued the agency", "said")
    (a,) = find_attributions("The harbour memo states that lowered fees helped.")
    assert (a.source.text, a.cue.text) == ("The harbour memo", "states")


def test_aside_in_parentheses_between_a_cue_and_its_content():
    """A short aside in parentheses may stand between a cue and its that-clause ("insisted (again)
    that", "believed (wrongly) that"); with nothing after the aside there is no content."""
    (a,) = find_attributions("The mayor insisted (again) that the pier was safe.")
    assert (a.source.text, a.cue.text) == ("The mayor", "insisted")
    (b,) = find_attributions("The clerk believed (wrongly) that the fee was new.")
    assert (b.source.text, b.cue.text) == ("The clerk", "believed")
    assert find_attributions("The clerk believed (wrongly).") == []


def test_adjective_of_belief_after_become_remain_grow_stay():
    """Linking verbs of change and staying are like be: the adjective of belief after them is held
    by the subject, and the source is the subject alone ("The engineers remained convinced that":
    not "The engineers remained"); a participle after them is an adjective ("became charged")."""
    for verb in ("became", "remained", "grew", "stayed"):
        (a,) = find_attributions(f"The engineers {verb} convinced that the dam would fail.")
        assert (a.source.text, a.cue.text) == ("The engineers", "convinced")
    assert find_attributions("The rod became slightly charged, and the well formed.") == []


def test_call_in_to_and_call_back_are_phoning_not_naming():
    """"called in to a radio show", "called back the crews" name nothing; "called in a tweet the
    ruling a disgrace" does."""
    assert find_attributions("The mayor called in to a radio show about the pier.") == []
    assert find_attributions("The mayor called back the crews.") == []
    (a,) = find_attributions("The mayor called in a tweet the ruling a disgrace.")
    assert (a.source.text, a.cue.text) == ("The mayor", "called")


def test_quoted_as_saying_names_the_speaker():
    """"X is quoted as saying": the subject of the passive "quoted" spoke."""
    (a,) = find_attributions('In a statement, Mayor Ruiz is quoted as saying: "The pier is safe."')
    assert (a.source.text, a.source_type, a.direct) == ("Mayor Ruiz", "named_person", True)
    (b,) = find_attributions("The clerk was widely quoted as telling reporters that the fee was new.")
    assert (b.source.text, b.cue.text) == ("The clerk", "telling")


def test_coordinated_verb_shares_the_subject_of_its_subordinate_clause():
    """"The council lost seats as more are turning to the right and calling for a new vote": the
    verb after "and" belongs to the clause that "as" opens, so its source is "more"."""
    (a,) = find_attributions("The council lost seats as more are turning to the right and calling for a new vote.")
    assert (a.source.text, a.cue.text) == ("more", "calling for")
    (b,) = find_attributions("The fee rose while they counted the votes and warned that the count was rigged.")
    assert (b.source.text, b.cue.text) == ("they", "warned")


def test_people_finding_a_quotation_report_it():
    """A person finds with a that-clause or a quotation ("The inspectors also found “exposed
    wiring” in the clinic"); a person finding a thing reports nothing ("found the keys")."""
    (a,) = find_attributions("The inspectors also found “exposed wiring” in the clinic.")
    assert (a.source.text, a.cue.text) == ("The inspectors", "found")
    assert find_attributions("The inspectors also found the keys in the clinic.") == []


def test_person_noun_before_a_cue_that_could_be_a_noun():
    """A cue that is also a noun ("claims", "disputes") needs a clear source before it; a noun that
    names a person by sex or age is one ("The woman disputes the idea that", typed vague), an
    unknown noun is not ("The tax claims the firm filed were late": a noun phrase)."""
    (a,) = find_attributions("The woman disputes the idea that she owed the fee.")
    assert (a.source.text, a.cue.text, a.source_type) == ("The woman", "disputes", "vague")
    (b,) = find_attributions("Then a boy claims the ferry left early.")
    assert (b.source.text, b.cue.text) == ("a boy", "claims")
    assert find_attributions("The tax claims the firm filed were late.") == []


def test_adjective_between_a_possessor_and_its_claim():
    """An adjective may stand between the possessor and its cue noun ("the board's earlier claim
    that"); a noun there is the subject of a verb ("the board's lawyer claims that"), and a noun
    cue with no that-clause stays a noun."""
    (a,) = find_attributions("The audit contradicted the harbour board's earlier claim that the pier was sound.")
    assert (a.source.text, a.cue.text) == ("the harbour board", "claim")
    (b,) = find_attributions("The flood ended his repeated baseless claims that the dam would hold.")
    assert (b.source.text, b.cue.text) == ("his", "claims")
    (c,) = find_attributions("The harbour board's lawyer claims that the pier was sound.")
    assert c.source.text == "The harbour board's lawyer"
    assert find_attributions("The board's earlier claims were wrong.") == []


def test_one_source_span_per_relation():
    """A participle or "and" that continues a cue with the same subject joins its relation."""
    (a,) = find_attributions("Vladimir Putin denied the claim, noting that ties are close.")
    assert (a.source.text, [c.text for c in a.cues]) == ("Vladimir Putin", ["denied", "noting"])
    assert a.other_cues == (a.cues[1],) and a.implies == "judgement"
    (b,) = find_attributions('Ann said it rained and added: "It was cold."')
    assert [c.text for c in b.cues] == ["said", "added:"] and b.direct
    assert len(find_attributions("Ann said it rained. Ann added that it was cold.")) == 2


def test_verb_before_that_clause_after_auxiliaries():
    (a,) = find_attributions("Federal investigators have also discovered that the files were gone.")
    assert (a.source.text, a.cue.text, a.implies) == ("Federal investigators", "discovered",
                                                       "unlisted")


def test_expressed_concern_is_a_report():
    (a,) = find_attributions("Republicans have expressed concern about the policy.")
    assert (a.source.text, a.cue.text) == ("Republicans", "expressed")


def test_document_by_its_author_and_polls_in_a_place():
    (a,) = find_attributions("A study by professor Justin Levitt found 31 incidents.")
    assert a.source.text == "A study by professor Justin Levitt"
    assert a.source_type == "organization"
    (b,) = find_attributions("Recent polls in Pennsylvania have shown a lead.")
    assert b.source.text == "Recent polls in Pennsylvania"


def test_cue_noun_after_a_quantifier():
    assert find_attributions("Too many calls still go unanswered. Many questions remain.") == []
    (a,) = find_attributions("Some claim that the vote was rigged.")
    assert (a.source.text, a.source_type) == ("Some", "vague")


def test_verbs_of_saying_take_what_was_said_as_object():
    """Levin's class 37.7: "mentioned the remarks", "revealed the figures" report content, with a
    clear source; a vague noun phrase is not enough."""
    (a,) = find_attributions("At the debate, Clinton mentioned the remarks Trump had made.")
    assert (a.source.text, a.cue.text) == ("Clinton", "mentioned")
    assert find_attributions("The weather suggested rain.") == []


def test_quantifier_standing_for_a_group():
    (a,) = find_attributions("To varying degrees, all agreed that the plan would cost more.")
    assert (a.source.text, a.source_type) == ("all", "vague")
    (b,) = find_attributions("He met the families, many of whom say the claims are false.")
    assert (b.source.text, b.source_type) == ("many of whom", "vague")


def test_participle_subject_after_an_opening_phrase():
    (a,) = find_attributions("Chastened by the analyses, Trump revised his plan, promising to "
                             "focus more of its benefits on workers.")
    assert (a.source.text, a.cue.text) == ("Trump", "promising")


def test_source_before_an_aside_or_a_time_phrase():
    (a,) = find_attributions("Younger voters, in particular, have expressed doubts about her.")
    assert a.source.text == "Younger voters"
    (b,) = find_attributions("Wells Fargo just this month announced it would end the bonuses.")
    assert (b.source.text, b.cue.text) == ("Wells Fargo", "announced")


def test_plural_cue_noun_after_a_preposition_is_a_noun_phrase():
    """"18% of Labour claims": a noun phrase, not "Labour" claiming; with a determiner or a
    singular verb the subject still counts ("the board of Acme claims that")."""
    assert find_attributions("The site rated 18% of Labour claims as false.") == []
    assert find_attributions("The list kept several of Acme Holdings claims about the merger.") == []
    (a,) = find_attributions("Residents of Millbrook claim that the river flooded twice.")
    assert (a.source.text, a.cue.text) == ("Residents of Millbrook", "claim")


def test_long_appositions_before_the_verb():
    """An apposition may open with a participle, follow a parenthesis, or follow a dateline."""
    (a,) = find_attributions("The mayor, opening the new library on Monday, said the town had waited.")
    assert a.source.text.startswith("The mayor") and a.cue.text == "said"
    (b,) = find_attributions("Rep. Ann Lee (D-Ore.), chair of the budget panel, said the plan was late.")
    assert b.source.text.startswith("Rep. Ann Lee") and b.source_type == "named_person"
    (c,) = find_attributions("MILLBROOK -- Governor Ray Holt, touring the dam, argued that it held.")
    assert c.source.text.startswith("Governor Ray Holt") and c.cue.text == "argued"


def test_verbs_that_present_something_as_something():
    """Levin's class 29.2 with its "as": "views the dam as a risk" is the source's view; without
    "as" the verb is a plain action ("painted the fence", "saw the river")."""
    (a,) = find_attributions("The minister views the old dam as a serious risk.")
    assert (a.source.text, a.cue.text) == ("The minister", "views")
    (b,) = find_attributions("Mayor Ruiz painted her rival as a friend of developers.")
    assert (b.source.text, b.cue.text, b.implies) == ("Mayor Ruiz", "painted", "judgement")
    assert find_attributions("Mayor Ruiz painted the fence. The engineer saw the river.") == []


def test_more_judgement_complaint_and_advice_verbs():
    """Levin's classes 33 (judgement), 37.8 (complain) and 37.9 (advise, with an object pronoun
    before its content)."""
    (a,) = find_attributions("Councillor Amos chastised the board for the delay.")
    assert (a.source.text, a.cue.text, a.implies) == ("Councillor Amos", "chastised", "judgement")
    (b,) = find_attributions("Residents griped about the new quotas.")
    assert (b.source.text, b.cue.text) == ("Residents", "griped")
    (c,) = find_attributions("The spokeswoman informed them that the port would close.")
    assert (c.source.text, c.cue.text) == ("The spokeswoman", "informed")
    assert find_attributions("The spokeswoman informed them.") == []


def test_plural_and_participle_forms_of_listed_verbs():
    (a,) = find_attributions("Several council members echo her doubts about the budget.")
    assert (a.source.text, a.cue.text) == ("Several council members", "echo")
    (b,) = find_attributions("Critics condemn the plan as reckless.")
    assert (b.source.text, b.cue.text) == ("Critics", "condemn")


def test_aspect_phrasal_and_byline_uses_are_not_reports():
    assert find_attributions("Many shoppers continued to stay away from the market.") == []
    assert find_attributions("She called into the radio show when she was ill.") == []
    assert find_attributions("Ann Lee reported from Millbrook, and Bo Chen contributed.") == []
    (a,) = find_attributions('Ann Lee continued: "The dam will hold."')
    assert a.source.text == "Ann Lee"


def test_adding_or_going_on_reports_only_what_was_said():
    """Guide section 2: "add" and "continue" report words only with their content (a that-clause,
    a quotation, a colon, a message noun as object, or a quotation before them)."""
    for text in ("The baker added a second oven to the shop.", "Councillor Amos continued his campaign.",
                 "The rain continues.", "The club added, in 1990, a youth team."):
        assert find_attributions(text) == [], text
    assert [v.rejected_by for v in explain("The baker added a second oven to the shop.")] == ["no_content"]
    for text, source in (("The baker added that the oven was new.", "The baker"),
                         ("The baker added a caveat about the oven.", "The baker"),
                         ("The baker added, “The oven is new.”", "The baker"),
                         ("“The oven is new,” the baker added.", "the baker"),
                         ("Councillor Amos continued: “We will win.”", "Councillor Amos")):
        (a,) = find_attributions(text)
        assert a.source.text == source, text


def test_writing_reports_only_a_message_or_its_content():
    """Guide section 2: "write" reports a written message or its content, not a work."""
    assert find_attributions("The composer wrote three operas.") == []
    assert [v.rejected_by for v in explain("The composer wrote three operas.")] == ["no_content"]
    for text in ("The composer wrote that the hall was cold.", "The composer wrote a letter to the council.",
                 "The composer wrote a book about the hall.", "The composer wrote in her diary that it rained."):
        (a,) = find_attributions(text)
        assert a.source.text == "The composer", text


def test_skills_lone_names_and_object_relatives_are_no_reports():
    """Guide section 2: knowing how is a skill; a lone name is no clause; in an object relative clause
    on a thing nothing is reported."""
    assert find_attributions("The new chef knows how to bake bread.") == []
    assert [v.rejected_by for v in explain("The new chef knows how to bake bread.")] == ["know_how"]
    assert [a.cue.text for a in find_attributions("The chef knows how the oven works.")] == ["knows"]
    assert find_attributions("Voters think Facebook.") == []
    assert [a.source.text for a in find_attributions("Voters think Facebook is biased.")] == ["Voters"]
    for text in ("The council kept the road that the mayor promised to widen.",
                 "The council dropped the fee that Ann Lee demanded, and the shop reopened."):
        assert find_attributions(text) == [], text
        assert "object_relative" in [v.rejected_by for v in explain(text)], text
    (a,) = find_attributions("The rules that Ann Lee said were unfair stayed.")
    assert (a.source.text, a.cue.text) == ("Ann Lee", "said")
    assert [(a.source.text, a.cue.text) for a in find_attributions("Few doubt the fact that Ann Lee agreed.")] == [
        ("Ann Lee", "agreed")]  # the clause is the content of "fact", not a relative clause


def test_pointing_needs_a_speaker_and_the_reader_is_no_source():
    """Guide section 2: "point to" needs a speaker or a document as source; the reader told what to
    believe ("don't you believe it") is addressed, not quoted."""
    assert find_attributions("The delay points to a deeper problem.") == []
    for text, source in (("The inspector pointed to the cracks in the wall.", "The inspector"),
                         ("The report points to the cracks in the wall.", "The report")):
        assert [a.source.text for a in find_attributions(text)] == [source], text
    text = "The polls look bad, but don't you believe them."
    assert find_attributions(text, writer=True) == []
    assert [v.rejected_by for v in explain(text)] == ["question_to_the_reader"]
    assert [a.source.text for a in find_attributions("The clerks don't believe the polls are right.")] == [
        "The clerks"]


def test_testifying_reports_only_with_its_content():
    """Guide section 2: "testify" with no content (a caption, a summons) reports nothing."""
    assert find_attributions("Mayor Ann Lee testifies before the board") == []
    text = "The board asked the mayor to testify in public."
    assert [v.rejected_by for v in explain(text) if v.cue.text == "testify"] == ["no_content"]
    for text in ("Mayor Ann Lee testified that the fee was new.", "Mayor Ann Lee testified about the fee.",
                 "Mayor Ann Lee testified before the board that the fee was new."):
        assert [a.source.text for a in find_attributions(text)] == ["Mayor Ann Lee"], text


def test_plural_cue_nouns_in_noun_phrases_are_no_reports():
    """Guide section 2: a plural cue noun before be, have or a modal, or after a preposition and a
    determiner with a name, is a noun ("her Facebook remarks were", "at one of the Harlow debates")."""
    text = "The mayor said her angry Facebook remarks were a mistake."
    assert [(a.source.text, a.cue.text) for a in find_attributions(text)] == [("The mayor", "said")]
    assert ("remarks", "plural_noun_subject") in [(v.cue.text, v.rejected_by) for v in explain(text)]
    assert find_attributions("Ethics questions have been raised about the fee.") == []
    assert find_attributions("At one of the Harlow debates, the fee came up.") == []
    (a,) = find_attributions("The fee, which she claims would raise millions, passed.")
    assert (a.source.text, a.cue.text) == ("she", "claims")
    (b,) = find_attributions("A letter from the Harlow Council reveals that the fee was new.")
    assert b.cue.text == "reveals"


def test_passive_evidence_verb_without_agent_names_no_document():
    """Guide section 2: what "was found" is no finder; the document that finds stays a source."""
    text = "Two letters from the council were found in the desk."
    assert find_attributions(text) == []
    assert [v.rejected_by for v in explain(text)] == ["no_source"]
    assert [a.source.text for a in find_attributions("The audit found that the rate was low.")] == ["The audit"]


def test_source_with_a_relative_clause_without_who():
    (a,) = find_attributions("All the economists we consulted said the dam would hold.")
    assert (a.source.text, a.rule) == ("the economists we consulted", "source (whom someone asked) + verb")
    (b,) = find_attributions("Everyone we asked praised the new bridge.")
    assert b.source.text == "Everyone we asked"
    assert [(v.cue.text, v.rejected_by) for v in explain("Everyone we asked praised the new bridge.")] == [
        ("asked", "inside_later_source"), ("praised", None)]


def test_inverted_source_followed_by_its_outlet():
    (a,) = find_attributions('"Turnout was low," wrote Ann Lee for the Valley Gazette. "Rain kept voters home."')
    assert a.source.text.startswith("Ann Lee") and a.direct


def test_speaker_before_a_participle_with_its_content():
    (a,) = find_attributions('The video ends with Mayor Ruiz saying, "We will rebuild."')
    assert (a.source.text, a.cue.text, a.rule) == ("Mayor Ruiz", "saying", "name + participle + content")
    assert find_attributions("The road leading to the dam was closed.") == []


def test_texts_that_read_and_outlets_that_have_learned():
    (a,) = find_attributions('"We ask for patience," the letter reads.')
    assert (a.source.text, a.cue.text) == ("the letter", "reads")
    (b,) = find_attributions("The mayor plans to resign, the Gazette has learned.")
    assert (b.source.text, b.cue.text) == ("the Gazette", "learned")
    assert find_attributions("The students learned to swim. She read the report.") == []


def test_belief_verb_with_quoted_content_before_or_after():
    (a,) = find_attributions('"The levee will not hold," Ms. Ortiz concluded.')
    assert (a.source.text, a.cue.text) == ("Ms. Ortiz", "concluded")
    (b,) = find_attributions('He concluded: "The levee will not hold."')
    assert b.source.text == "He" and b.direct
    assert find_attributions("It was written in a language they understand.") == []


def test_participle_after_by_takes_the_clause_subject():
    (a,) = find_attributions("The mayor opened the meeting by noting that the dam was safe.")
    assert (a.source.text, a.cue.text, a.rule) == ("The mayor", "noting", "by + participle: clause subject")
    (b,) = find_attributions('"Stay home," the chief said, before warning that roads would flood.')
    assert b.source.text == "the chief" and [c.text for c in b.cues] == ["said", "warning"]


def test_a_poll_with_its_modifiers_and_a_statement_sent_by_the_subject():
    (a,) = find_attributions("The latest county opinion poll released Friday shows that turnout fell.")
    assert (a.source.text, a.rule) == ("The latest county opinion poll", "document + verb")
    (b,) = find_attributions("The council issued a statement calling the closure a mistake.")
    assert (b.source.text, b.cue.text, b.rule) == ("The council", "calling", "document + participle: its sender")
    assert find_attributions("The mill faced the email scandal even after the board decided against "
                             "recommending charges.") == []


def test_agent_of_a_passive_cue_after_its_complement_or_in_lower_case():
    (a,) = find_attributions("The mayor has been called a liar by several residents.")
    assert (a.source.text, a.rule) == ("several residents", "passive + by + source")
    (b,) = find_attributions("Her views were echoed by a number of tax lawyers.")
    assert b.source.text == "a number of tax lawyers"
    (c,) = find_attributions("The story was being told by the Valley Gazette.")
    assert c.source.text == "the Valley Gazette"
    assert find_attributions("He was told to leave by noon.") == []


def test_indirect_questions_and_quotations_closed_just_before_the_source():
    (a,) = find_attributions("The coach has repeatedly wondered whether the referees will be fair.")
    assert (a.source.text, a.cue.text) == ("The coach", "wondered")
    (b,) = find_attributions('"Get back!" the officer shouts while running toward the river.')
    assert (b.source.text, b.cue.text) == ("the officer", "shouts")
    (c,) = find_attributions("The governor spoke warmly of her years on the council.")
    assert c.cue.text == "spoke"


def test_a_question_to_the_reader_has_no_source():
    assert find_attributions("Do you know where the money went?") == []
    (a,) = find_attributions("You know that the money is gone.")
    assert a.source.text == "You"


def test_source_with_a_modifier_after_its_head():
    """The whole phrase, not the noun inside its modifier: "people involved in the talks", not
    "the talks"; "advisers to the mayor", not "the mayor"."""
    (a,) = find_attributions("Many people involved in the talks assumed that the mill had money.")
    assert (a.source.text, a.rule) == ("Many people involved in the talks", "source + modifier + verb")
    (b,) = find_attributions("Advisers to the mayor say the vote will be close.")
    assert b.source.text == "Advisers to the mayor"
    (c,) = find_attributions("At the meeting, Mayor Ruiz cited alarming figures from the survey.")
    assert c.source.text == "Mayor Ruiz"


def test_conjecture_say_and_message_verbs_from_levin():
    (a,) = find_attributions("The inspector confessed his part in the delay.")
    assert (a.source.text, a.cue.text) == ("The inspector", "confessed")
    (b,) = find_attributions("Few residents foresaw that the river would rise.")
    assert (b.source.text, b.cue.text) == ("Few residents", "foresaw")
    (c,) = find_attributions('Her father wired, "Come home at once."')
    assert (c.source.text, c.cue.text) == ("Her father", "wired")
    assert find_attributions("Clinton emails were released. Official figures were late.") == []


def test_light_verb_with_a_message_noun():
    (a,) = find_attributions('On Monday, Senator Lee made the following comment: "Rates are too high."')
    assert (a.source.text, a.cue.text) == ("Senator Lee", "made the following comment:")
    (b,) = find_attributions("The mayor has made the case that the dam is safe.")
    assert (b.source.text, b.cue.text) == ("The mayor", "made the case")
    assert find_attributions("The council made a decision. Allies would help Millbrook make its case, "
                             "including the county.") == []


def test_made_it_clear():
    (a,) = find_attributions("The coach made it clear he had doubts about the referee.")
    assert (a.source.text, a.cue.text, a.implies) == ("The coach", "made it clear", "judgement")


def test_findings_of_a_poll_or_study_named_in_a_phrase():
    (a,) = find_attributions("In the latest county poll, Mayor Ruiz leads by three points.")
    assert (a.source.text, a.cue.text, a.source_type) == ("the latest county poll", "In", "organization")
    (b,) = find_attributions("The dam has cost forty million dollars, by one estimate.")
    assert b.source.text == "one estimate"
    assert find_attributions("In the spring, the mayor left. In 2015, the study began.") == []


def test_prepositional_phrases_like_according_to():
    (a,) = find_attributions("In the words of the mayor, the dam is a disgrace.")
    assert (a.source.text, a.cue.text) == ("the mayor", "In the words of")


def test_single_quoted_headline_quotation():
    (a,) = find_attributions("Mayor Ruiz Speaks ‘Directly To Flood Victims’ After Storm")
    assert (a.source.text, a.cue.text) == ("Mayor Ruiz", "Speaks")


def test_apostrophe_s_after_a_pronoun_is_has_or_is():
    (a,) = find_attributions("The mayor, who’s called for a new dam, left early.")
    assert (a.source.text, a.relative.text, a.cue.text) == ("The mayor", "who", "called for")
    (b,) = find_attributions("He's claimed that the dam is safe.")
    assert (b.source.text, b.rule) == ("He", "source + verb")
    assert find_attributions("The Editor's note was short.") == []


def test_inverted_source_with_a_number_or_plain_words_before_the_name():
    (a,) = find_attributions('"They are wrong," said 9/11 widow Ann Lee.')
    assert a.source.text == "9/11 widow Ann Lee" and a.source_type == "named_person"


def test_modified_subject_after_a_time_phrase():
    (a,) = find_attributions("Last week Mayor Ruiz in a televised interview appeared to blame the workers.")
    assert a.source.text.startswith("Mayor Ruiz") and a.source_type == "named_person"


def test_having_said_that_is_a_connective():
    assert find_attributions("Having said that, the dam is old.") == []
    (a,) = find_attributions("The mayor said that, in fact, the dam is old.")
    assert a.source.text == "The mayor"


def test_modifier_may_be_an_adjective_and_its_phrase():
    (a,) = find_attributions("People familiar with the talks say the deal is close.")
    assert (a.source.text, a.source_type) == ("People familiar with the talks", "vague")
    (b,) = find_attributions("Advisers to Mayor Ruiz say the vote will be close.")
    assert b.source.text == "Advisers to Mayor Ruiz" and b.source_type != "named_person"


def test_subordinate_clause_subject_and_asides():
    (a,) = find_attributions("The feud began since Mayor Ruiz, at the spring meeting, cited the figures.")
    assert a.source.text.startswith("Mayor Ruiz") and a.cue.text == "cited"
    (b,) = find_attributions("Speaker Ann Lee, despite admitting that she had doubts, voted yes.")
    assert (b.source.text, b.cue.text, b.rule) == ("Speaker Ann Lee", "admitting", "by + participle: clause subject")


def test_more_prepositions_and_almost_before_the_verb():
    (a,) = find_attributions('Protesters marching through the streets chanted "Open the dam!"')
    assert a.source.text == "Protesters marching through the streets"
    (b,) = find_attributions("Local leaders almost universally expressed anger over the closure.")
    assert (b.source.text, b.cue.text) == ("Local leaders", "expressed")


def test_raising_questions_and_sounding_a_warning():
    (a,) = find_attributions("Mayor Ruiz is raising questions about the new dam.")
    assert (a.source.text, a.cue.text) == ("Mayor Ruiz", "raising questions")
    (b,) = find_attributions("The engineers' union sounded a warning that the dam would fail.")
    assert b.cue.text == "sounded a warning"
    assert find_attributions("The council raised taxes again. The bell sounded at noon.") == []


def test_and_joins_the_cue_to_the_verb_right_before_it():
    found = find_attributions('When she spoke of the flood while we drove, I laughed and said, "It will pass."')
    assert [(a.source.text, a.cue.text) for a in found] == [("she", "spoke"), ("I", "said")]


def test_a_name_with_its_party_note_is_a_clear_source():
    (a,) = find_attributions("Democratic Sen. Ann Lee (D-Ore.) scolded the board for the delay.")
    assert a.source.text.startswith("Democratic Sen. Ann Lee") and a.cue.text == "scolded"


def test_capitalised_common_noun_at_a_sentence_start_is_no_name():
    """Document-level case: a word written in lower case elsewhere and never capitalised inside a
    sentence is a common noun ("Protesters" beside "the protesters"), not a person."""
    (a,) = find_attributions("Protesters chanted that the dam must go. Later the protesters left.")
    assert (a.source.text, a.source_type) == ("Protesters", "vague")
    (b,) = find_attributions("Price said that the price is high. Senator Tom Price left early.")
    assert (b.source.text, b.source_type) == ("Price", "named_person")


def test_verbs_of_emphasis_detail_and_reference():
    """Reporting verbs of news style (reporting_verbs.tsv): emphasis (highlight, underscore),
    setting out (detail, chronicle), mentioning (refer to, reference), comparing (liken),
    disputing and forecasting, in all their forms."""
    (a,) = find_attributions("The auditor highlighted the cost of the new ferry.")
    assert (a.source.text, a.cue.text) == ("The auditor", "highlighted")
    (b,) = find_attributions("Mayor Ruiz likened the stadium to a white elephant.")
    assert (b.source.text, b.cue.text, b.implies) == ("Mayor Ruiz", "likened", "judgement")
    (c,) = find_attributions("The commission has detailed the payments in its filing.")
    assert (c.source.text, c.cue.text) == ("The commission", "detailed")
    (d,) = find_attributions("Later she referred to the flood of 1998.")
    assert (d.source.text, d.cue.text) == ("she", "referred to")
    (e,) = find_attributions("Councillor Amos disputes the figures given by the port.")
    assert (e.source.text, e.cue.text) == ("Councillor Amos", "disputes")


def test_emphasis_verb_with_a_fact_as_subject_is_the_writers_inference():
    """Guide, section 2: "All of this suggests that" is the writer's own inference; so is "it
    underscores that" (veto writer_inference). A speaker as subject counts."""
    verdicts = explain("The ferry is late again. It underscores how weak the plan was.")
    assert [(v.cue.text, v.rejected_by) for v in verdicts] == [("underscores", "writer_inference")]
    assert find_attributions("Rebels took the port, highlighting the weakness of the army.") == []
    (a,) = find_attributions("Senator Moss underscored that the dam was safe.")
    assert (a.source.text, a.cue.text) == ("Senator Moss", "underscored")


def test_more_judgement_and_conjecture_verbs():
    """Levin's classes 33 (judgement: decry, lambaste, extol) and 29.5 (conjecture: judge,
    surmise, posit, with their content after them)."""
    (a,) = find_attributions("Union leaders decried the closure of the mill.")
    assert (a.source.text, a.cue.text, a.implies) == ("Union leaders", "decried", "judgement")
    (b,) = find_attributions("The inspectors surmised that the fire began in the kitchen.")
    assert (b.source.text, b.cue.text) == ("The inspectors", "surmised")
    assert find_attributions("The inspectors surmised.") == []


def test_content_after_a_short_prepositional_phrase():
    """A verb that needs its content (that, about) may have a short phrase between: "insisted in
    June that", "talked to reporters on the bus about"; a relative "that" after the phrase is no
    content ("spoke in a hall that overlooks the bay")."""
    (a,) = find_attributions("Senator Moss insisted in June that the dam was safe.")
    assert (a.source.text, a.cue.text) == ("Senator Moss", "insisted")
    (b,) = find_attributions("Mayor Ruiz talked to reporters on the bus about the budget.")
    assert (b.source.text, b.cue.text) == ("Mayor Ruiz", "talked")
    assert find_attributions("Mayor Ruiz spoke in a hall that overlooks the bay.") == []
    assert find_attributions("Senator Moss insisted on a second vote.") == []


def test_unnamed_people_as_sources():
    """"Those close to him", "those familiar with the talks" (a pronoun for people and its
    modifier), "No one expected", and the aspect "went on to explain"."""
    (a,) = find_attributions("Those close to the mayor say that she is tired.")
    assert (a.source.text, a.source_type) == ("Those close to the mayor", "vague")
    (b,) = find_attributions("Those familiar with the talks said a deal was near.")
    assert b.source.text == "Those familiar with the talks"
    (c,) = find_attributions("No one expected a long meeting.")
    assert (c.source.text, c.source_type) == ("No one", "vague")
    (d,) = find_attributions("Councillor Amos went on to explain how the levy works.")
    assert (d.source.text, d.cue.text) == ("Councillor Amos", "explain")


def test_headline_label_of_one_name_used_in_the_article():
    """A headline "Name: words" names its speaker when the name recurs in the article, even as a
    single word; newspaper labels ("Correction:", "Related:") are no speakers."""
    text = "Moss: The Dam Will Hold\n\nSenator Ann Moss spoke on Monday. Moss said repairs were done."
    labels = [a for a in find_attributions(text) if a.rule == "speaker label and colon"]
    assert [(a.source.text, a.cue.text) for a in labels] == [("Moss", ":")]
    text = "Correction: An earlier version misspelled a name.\n\nCorrection notices appear here."
    assert [a for a in find_attributions(text) if a.rule == "speaker label and colon"] == []


def test_verb_joined_to_a_relative_clause_shares_its_who():
    """"the protesters, who marched for days and called for an inquiry": the second verb's
    subject is the relative "who", not the main clause's subject."""
    (a,) = find_attributions("Mayor Ruiz met the farmers, who marched for days and called for an inquiry.")
    assert (a.source.text, a.relative.text, a.cue.text, a.source_type) == (
        "the farmers", "who", "called for", "vague")
    (b,) = find_attributions("Mayor Ruiz, who met the farmers, and Senator Moss called for an inquiry.")
    assert b.source.text == "Senator Moss"


def test_belief_stated_with_be_and_an_adjective():
    """Guide, section 2: a belief held by a source counts, also as be + an adjective of belief
    ("was convinced that", "are worried that", "seem confident the ..."); the -ed forms are no
    passives, and without be the adjective is no cue ("make sure", "a certain point")."""
    (a,) = find_attributions("Senator Moss was convinced that the dam would fail.")
    assert (a.source.text, a.cue.text) == ("Senator Moss", "convinced")
    (b,) = find_attributions("Residents are worried that the levee will break.")
    assert (b.source.text, b.cue.text) == ("Residents", "worried")
    (c,) = find_attributions("Engineers seem confident the bridge will open in May.")
    assert (c.source.text, c.cue.text) == ("Engineers", "confident")
    assert find_attributions("Make sure the gate is closed. At a certain point the dam broke.") == []
    (d,) = find_attributions("The ferrymen are convinced this is the only way across the river.")
    assert (d.source.text, d.cue.text) == ("The ferrymen", "convinced")
    assert find_attributions("The case concerned the sale of the mill.") == []
    assert find_attributions("Senator Moss is sure to win the vote.") == []
    assert find_attributions("The mayor could not be sure that the gate was shut.") == []
    assert find_attributions("The council is worried about its budget.") == []


def test_feeling_stated_with_be_and_an_adjective_before_its_that_clause():
    """Guide, section 2: an adjective of feeling after be with its that-clause is a feeling held
    about a proposition ("were frustrated that"); not before a topic ("angry at"), a time ("upset
    that day"), after "so" (a result: "so angry that she left"), or without be."""
    (a,) = find_attributions("The ferry crews were frustrated that the harbour stayed shut.")
    assert (a.source.text, a.cue.text) == ("The ferry crews", "frustrated")
    (b,) = find_attributions("Local growers are also pleased that the frost came late.")
    assert (b.source.text, b.cue.text) == ("Local growers", "pleased")
    assert find_attributions("The clerk was angry at the mayor. The baker was upset that day.") == []
    assert find_attributions("The clerk was so angry that she left the hall.") == []
    (c,) = find_attributions("The clerk is so frustrated that the council cut the ferry funds.")
    assert (c.source.text, c.cue.text) == ("The clerk", "frustrated")
    assert find_attributions("The growers could not be happy that the frost came.") == []


def test_participle_after_a_sent_message_names_its_sender():
    """Guide, section 2: a participle of saying after a message that someone sent names the sender
    ("unleashed a string of tweets saying that"), also in a clause after "after"; no sender is
    guessed for a gerund after a preposition ("two studies on writing")."""
    (a,) = [x for x in find_attributions(
        "The harbour master unleashed a string of tweets late Monday saying that the ferry would resume.")
        if x.cue.text == "saying"]
    assert a.source.text == "The harbour master"
    (b,) = [x for x in find_attributions(
        "The clerk left early after Mayor Ruiz sent a pair of letters warning that the pier was unsafe.")
        if x.cue.text == "warning"]
    assert b.source.text == "Mayor Ruiz"
    atts = find_attributions("In 1950, Ann Lee and Tom Reed published two studies on writing for children.")
    assert [x for x in atts if x.cue.text == "writing"] == []


def test_plural_documents_can_be_sources():
    """Plurals of documents are sources like the singular: "independent analyses agree"."""
    (a,) = find_attributions("On the levy, independent analyses agree the burden will fall on small farms.")
    assert (a.source.text, a.cue.text, a.source_type) == ("analyses", "agree", "organization")
    (b,) = find_attributions("Two studies by the port authority show that the channel is silting up.")
    assert (b.source.text, b.cue.text) == ("Two studies", "show")


def test_document_with_a_long_modifier_before_its_verb():
    """Guide, section 2: a poll or document with a long modifier before its verb is the source: a
    relative clause closed by a comma, prepositional phrases, a clause opened by "after"; not a
    document whose clause another subject continues ("A study in Leeds, however, led to the
    view that ..., the tide gauge shows")."""
    (a,) = find_attributions("A Harbour Daily survey of ferry users who moved to the coast since June 1, "
                             "2019, shows that most want a bridge.")
    assert (a.source.text, a.cue.text) == ("A Harbour Daily survey", "shows")
    (b,) = find_attributions("The port authority's weekly tide poll, which tracks the catch of the fleet "
                             "on a daily basis, showed that the catch fell.")
    assert (b.source.text, b.cue.text) == ("The port authority's weekly tide poll", "showed")
    (c,) = find_attributions("The mill closed after leaked documents from the 1995 ledger of the company show "
                             "it lost money.")
    assert (c.source.text, c.cue.text) == ("leaked documents", "show")
    assert find_attributions("A study in Leeds, however, led to the view that while the sea may rise "
                             "slowly, the tide gauge shows no change.") == []


def test_the_press_as_a_body_is_a_source_and_to_blame_blames_nobody():
    """Guide, section 2: "state media reported" (`organization`); after "be to" the subject of
    blame is the one blamed ("the media were partly to blame"), no source."""
    (a,) = find_attributions("The dam, which state media claimed was safe, burst on Monday.")
    assert (a.source.text, a.cue.text, a.source_type) == ("media", "claimed", "organization")
    assert find_attributions("The local media were partly to blame for the panic.") == []
    assert find_attributions("The storm is not to blame.") == []
    (b,) = find_attributions("Farmers blame the storm for the flood.")
    assert (b.source.text, b.cue.text) == ("Farmers", "blame")


def test_participle_shares_the_subject_of_the_clause_before_it():
    """Guide, section 2: ", saying that" after a clause takes that clause's subject, not a noun
    of a phrase that opens the sentence ("as well as complaints from growers")."""
    atts = find_attributions("Stung by the audit, as well as by complaints from growers, Ann Lee closed "
                             "the mill, saying that it lost money.")
    assert [(a.source.text, a.cue.text) for a in atts] == [("Ann Lee", "saying")]
    (b,) = find_attributions("In May 2010, Harbour Energy sold the mill to a rival, citing weak demand.")
    assert (b.source.text, b.cue.text) == ("Harbour Energy", "citing")


def test_agent_of_a_participle_after_the_subject_is_not_the_source():
    """Guide, section 2: "the Harlow Energy emails examined by the Courier show": the agent after "by" modifies
    the subject's noun; the source is that noun, not the agent."""
    (a,) = find_attributions("The mill closed, since the Harlow Energy emails combed through by Harbour Daily "
                             "suggest that it lost money.")
    assert (a.source.text, a.cue.text) == ("the Harlow Energy emails", "suggest")


def test_part_of_a_group_with_a_who_clause_is_the_source():
    """Guide, section 2: "One of the vets who signed the letter said": the whole phrase, part and
    group, with its who-clause; not the letter."""
    (a,) = find_attributions("One of the vets who signed the letter called the ban cruel.")
    assert (a.source.text, a.cue.text) == ("One of the vets who signed the letter", "called")
    (b,) = find_attributions("Some of the farmers who met the mayor said the ban was cruel.")
    assert b.source.text == "Some of the farmers who met the mayor"


def test_horizontal_bar_dash_and_perhaps_before_a_participle():
    """A parenthesis between horizontal bars (―) is one like between em dashes; "perhaps" may stand
    before a participle that shares the clause's subject."""
    (a,) = find_attributions("The report ― which the council wrote in May ― explains why the ferry stopped.")
    assert a.source.text.startswith("The report") and a.cue.text == "explains"
    assert a.source_type == "organization"
    (b,) = find_attributions("Senator Moss was pleased, perhaps recognizing that the frost came late.")
    assert (b.source.text, b.cue.text) == ("Senator Moss", "recognizing")


def test_perceived_speaker_is_the_subject_of_the_passive():
    """Guide, section 2: "Mayor Ruiz can be heard telling the crowd that": the one heard or seen
    speaking is the source."""
    (a,) = find_attributions("In the footage, Mayor Ruiz can be heard telling the crowd that the ferry is safe.")
    assert (a.source.text, a.cue.text) == ("Mayor Ruiz", "telling")
    (b,) = find_attributions("The mayor was seen warning the ferrymen that the pier was unsafe.")
    assert (b.source.text, b.cue.text) == ("The mayor", "warning")


def test_ability_and_aspect_words_between_source_and_cue():
    """Guide, section 2: "was able to announce", "has yet to explain", "which together vowed": words
    of ability or aspect before "to", and "together", stand between a source and its cue."""
    (a,) = find_attributions("By May, Senator Moss was able to announce that the ferry would run.")
    assert (a.source.text, a.cue.text) == ("Senator Moss", "announce")
    (b,) = find_attributions("The mayor has yet to explain why the ferry stopped.")
    assert (b.source.text, b.cue.text) == ("The mayor", "explain")
    (c,) = find_attributions("The two ministries, which together vowed that fares would fall, met.")
    assert (c.relative.text, c.cue.text) == ("which", "vowed")


def test_reference_verbs_need_a_speaker():
    """"refer to" reports a mention only with a speaker: a definition ("The term refers to",
    "It refers to a diet") and the passive naming "is referred to as" are no attributions."""
    assert find_attributions("The term tariff refers to a tax on imports.") == []
    assert find_attributions("The dish is a stew. It refers to a recipe from Lyon.") == []
    assert find_attributions("The bay is often referred to as the jewel of the coast.") == []
    (a,) = find_attributions("Mayor Ruiz referred to the bay as the jewel of the coast.")
    assert (a.source.text, a.cue.text) == ("Mayor Ruiz", "referred to")


def test_headline_label_of_one_name_needs_a_speaker_of_that_name():
    """A headline of one name and a colon is signed only if that name speaks in the text: "Moss:
    The Dam Will Hold" with "Moss said" below, not the title "Atlantis: The Lost City"."""
    text = "Atlantis: The Lost City\n\nAtlantis is a film. Atlantis was made in 2001."
    assert find_attributions(text) == []


def test_whole_source_phrases_with_modifiers_and_who_clauses():
    """The source is the whole phrase, not the noun at its end: "Two people familiar with the
    matter", "The engineers who inspected the dam", "Critics of the plan, including ...";
    a title's noun phrase with a verb in it is none ("The formula includes a yeast extract called")."""
    (a,) = find_attributions("Two people familiar with the matter said the dam was safe.")
    assert a.source.text == "Two people familiar with the matter"
    (b,) = find_attributions("The engineers who inspected the dam last week said it was safe.")
    assert b.source.text == "The engineers who inspected the dam"
    (c,) = find_attributions("Those who saw the flood said it was the worst in years.")
    assert c.source.text == "Those who saw the flood"
    (d,) = find_attributions("Critics of the plan, including several engineers, argue that it fails.")
    assert d.source.text.startswith("Critics of the plan")
    (e,) = find_attributions("Smith and Jones both said the dam was safe.")
    assert e.source.text == "Smith and Jones"
    assert find_attributions("The new formula of the cream includes a yeast extract called Vitex.") == []


def test_speaking_on_condition_of_anonymity_is_no_report():
    """"speaking on condition of anonymity" gives the terms of speaking, not its topic: one
    attribution, to the official."""
    atts = find_attributions("A senior official, speaking on condition of anonymity, said the dam was safe.")
    assert [a.cue.text for a in atts] == ["said"]


def test_disagreeing_charging_joking_and_querying():
    """disagree with its that-clause, charge + that-clause, query, and Levin's joke (37.6) and
    protest (29.5): each only in the frame its row asks for."""
    (a,) = find_attributions("Many farmers disagreed that the quota was fair.")
    assert (a.source.text, a.cue.text) == ("Many farmers", "disagreed")
    assert find_attributions("We disagree with the new quota.") == []
    (b,) = find_attributions("Critics charged that the tender was rigged.")
    assert (b.source.text, b.cue.text, b.implies) == ("Critics", "charged", "judgement")
    assert find_attributions("The clerk was charged with fraud. Critics charged the fee.") == []
    (c,) = find_attributions("Councillor Amos queried whether the fee was legal.")
    assert (c.source.text, c.cue.text) == ("Councillor Amos", "queried")
    (d,) = find_attributions("Senator Moss joked that the dam had outlived its critics.")
    assert (d.source.text, d.cue.text) == ("Senator Moss", "joked")


def test_object_of_a_causative_verb_speaks():
    """"led the journalist Ann Lee to fear", "forced the chief to admit that": the object of a
    causative that implies the act holds the belief or says the words; after "urged ... to" the
    act may never happen, so there is no source."""
    (a,) = find_attributions("The vote led the journalist Ann Lee to fear a new pact.")
    assert (a.source.text, a.cue.text) == ("the journalist Ann Lee", "fear")
    (b,) = find_attributions("The inquiry forced the chief to admit that nobody was fired.")
    assert (b.source.text, b.cue.text) == ("the chief", "admit")
    atts = find_attributions("Mayor Ruiz urged the engineers to admit that the dam leaked.")
    assert [a.cue.text for a in atts] == ["urged"]


def test_purpose_infinitive_of_a_reporting_verb_takes_the_clause_subject():
    """"flew to Paris to argue that", "called a press conference to announce that": the subject of
    the main clause speaks; with a person or group as the object ("urged the city council to",
    "told reporters to") or a passive ("was asked ... to") there is no source."""
    atts = find_attributions("Ms Okafor flew to Lagos last week to argue that the treaty was fair.")
    assert [(a.source.text, a.cue.text) for a in atts] == [("Ms Okafor", "argue")]
    atts = find_attributions("Mayor Ruiz called a press conference to announce that the ferry would stop.")
    assert ("Mayor Ruiz", "announce") in [(a.source.text, a.cue.text) for a in atts]
    atts = find_attributions("Mayor Ruiz urged the harbour board to announce that the ferry would stop.")
    assert [a.cue.text for a in atts] == ["urged"]
    atts = find_attributions("Mayor Ruiz told drivers on Monday to say that the road was shut.")
    assert [a.cue.text for a in atts] == ["told"]
    assert find_attributions("He was asked on Monday to explain that the road was shut.") == []
    atts = find_attributions("In May she announced plans to write that the road was shut.")
    assert "write" not in [a.cue.text for a in atts]
    assert find_attributions("The statute gave the right of the judges to call a jury.") == []


def test_passive_agent_may_be_a_plain_plural_of_people():
    """"was disputed by local farmers", "has been praised by two economists": a lower-case plural
    that names people is the agent of a passive cue, also when the cue is a noun too ("dispute");
    "by mistake" names nobody."""
    (a,) = find_attributions("The harbour report was disputed by local farmers.")
    assert (a.source.text, a.cue.text) == ("local farmers", "disputed")
    (b,) = find_attributions("The ferry plan has been warmly praised by two economists.")
    assert (b.source.text, b.cue.text) == ("two economists", "praised")
    assert find_attributions("The ruling was denied by mistake.") == []


def test_participle_with_a_phrase_before_its_quotation():
    """"footage of Mayor Ruiz saying during the debate last week, '...'": a prepositional phrase
    closed by a comma may stand between the speaker's participle and the quotation; without
    content after the comma there is no attribution."""
    atts = find_attributions(
        'The advert ends with footage of Mayor Ruiz saying during the debate last week, "The bridge is safe."')
    assert ("Mayor Ruiz", "saying") in [(a.source.text, a.cue.text) for a in atts]
    atts = find_attributions("He heard Ruiz saying at length, which bored him.")
    assert "saying" not in [a.cue.text for a in atts]


def test_opening_participle_clause_shares_the_main_subject():
    """"After saying that the ferry was late, Ruiz left", "While insisting that ..., she closed it":
    a participle clause that opens the sentence takes the subject after its comma; with a
    relative clause there ("which it was not") no subject is guessed."""
    (a,) = find_attributions("After saying that the ferry was late, Ruiz left the pier.")
    assert (a.source.text, a.cue.text) == ("Ruiz", "saying")
    (b,) = find_attributions('While insisting the ferry was "perfectly sound," she closed it.')
    assert (b.source.text, b.cue.text) == ("she", "insisting")
    assert find_attributions("After saying that the ferry was late, which it was not, the clerk left.") == []


def test_quotation_after_a_clause_and_a_colon_is_its_subjects_speech():
    """'Mayor Ruiz defended the closure: "..."': a quotation opening right after the colon of a
    clause without a cue of its own is the subject's direct speech; not after a passive ("He was
    asked:") or when another clause stands before the colon."""
    (a,) = find_attributions('Mayor Ruiz defended the closure: "The ferry is unsafe."')
    assert (a.source.text, a.quote.text, a.direct) == ("Mayor Ruiz", "The ferry is unsafe.", True)
    assert find_attributions('He was asked: "Is the ferry safe?"') == []
    atts = find_attributions('Ruiz grew so angry that I changed my answer: "The ferry is safe."')
    assert "Ruiz" not in [a.source.text for a in atts if a.source]


def test_light_verb_with_the_nouns_of_the_newer_cues():
    """"made the allegation that", "made a joke about": the nouns of allege, assert, observe, refer,
    forecast and joke are messages of a light verb too; a price ("gave a charge of") is none."""
    (a,) = find_attributions("Senator Moss made the allegation that the tender was rigged.")
    assert (a.source.text, a.cue.text) == ("Senator Moss", "made the allegation")
    assert find_attributions("The clerk gave a charge of five dollars.") == []


def test_as_reported_by_names_its_source_after_it():
    """"As reported by Reuters, ...", "as first reported by The Post", "As stated in the agency's
    report": like "according to", the source follows the participle and its by/in."""
    (a,) = find_attributions("As first reported by The Harbour Daily, the dam failed.")
    assert (a.source.text, a.cue.text) == ("The Harbour Daily", "reported")
    (b,) = find_attributions("The levy rose, as stated in the council's annual report.")
    assert (b.source.text, b.cue.text) == ("the council's annual report", "stated")
    assert find_attributions("The fee was paid as required by law.") == []


def test_restrictive_that_or_which_clause_stays_with_its_source():
    """"The ferry companies that insured the pier said": the source is the companies with their clause,
    not the pier; "which" likewise; not after a noun whose that-clause is its content ("The fact
    that the firms said ..."), and an object relative keeps its own subject ("the plan that
    voters were rejecting")."""
    (a,) = find_attributions("The ferry companies that insured the pier said they would pay.")
    assert (a.source.text, a.cue.text) == ("The ferry companies that insured the pier", "said")
    (b,) = find_attributions("Two agencies which had inspected the dam said it was sound.")
    assert b.source.text == "Two agencies which had inspected the dam"
    (c,) = find_attributions("The fact that the firms said so matters.")
    assert c.source.text == "the firms"


def test_plural_noun_before_a_relative_that_is_no_verb_of_saying():
    """Any verb before "that" after a clear subject may report ("Ruiz frets that ..."), but a plural
    noun whose "that" is followed at once by its verb (an auxiliary, or a past tense before its
    object) opens a relative clause: "Harbour insurers that had covered the pier were worried" has
    no cue "insurers", and explain() names the veto."""
    assert find_attributions("Harbour insurers that had covered the pier were worried.") == []
    assert find_attributions("Harbour insurers that covered the pier were worried.") == []
    verdicts = {v.cue.text: v.rejected_by for v in explain("Harbour insurers that had covered the pier were worried.")}
    assert verdicts["insurers"] == "that_verb_after_noun"
    (a,) = find_attributions("Ruiz frets that the pier will fail.")
    assert (a.source.text, a.cue.text) == ("Ruiz", "frets")
