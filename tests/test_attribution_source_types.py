"""Source types of find_attributions on sentences written for these tests (annotation guide, "Source types")."""

from __future__ import annotations

import pytest

from medialit.attribution import find_attributions


def _types(text: str) -> list[tuple[str, str]]:
    return [(a.source.text, a.source_type) for a in find_attributions(text) if a.source is not None]


@pytest.mark.parametrize("text, source", [
    ("Senate Majority Leader Anna Brook said the vote would be held on Tuesday.",
     "Senate Majority Leader Anna Brook"),
    ("NATO Secretary General Lars Holm said the alliance stood together.",
     "NATO Secretary General Lars Holm"),
    ("Federal Reserve Chairman Tom Wade said rates would stay low.", "Federal Reserve Chairman Tom Wade"),
    ("Harbour Authority spokesman Ken Ito said the port would reopen.", "Harbour Authority spokesman Ken Ito"),
])
def test_a_capitalised_title_with_a_name_is_a_named_person(text, source):
    assert _types(text) == [(source, "named_person")]


@pytest.mark.parametrize("text, source", [
    ("The Senate Majority Leader said the vote would be held on Tuesday.", "The Senate Majority Leader"),
    ("The NATO Secretary General said the alliance stood together.", "The NATO Secretary General"),
])
def test_a_capitalised_title_without_a_name_is_not_a_person(text, source):
    ((found, stype),) = _types(text)
    assert found == source and stype != "named_person"


@pytest.mark.parametrize("text, source", [
    ("A poll released on Monday found that most voters back the plan.", "A poll released"),
    ("A study published last week found that the river is cleaner.", "A study published"),
])
def test_a_document_with_a_participle_is_an_organization(text, source):
    assert _types(text) == [(source, "organization")]


def test_a_person_after_a_participle_phrase_keeps_a_role():
    assert _types("The official quoted in the letter said the talks had stalled.")[0][1] == "official_role"


@pytest.mark.parametrize("text", [
    "Diplomats said the talks had stalled.",
    "The talks had stalled, diplomats said.",
    "Researchers found that the lake was warming.",
    "Aides said the governor was tired.",
])
def test_a_bare_plural_job_word_is_a_vague_group(text):
    assert [t for _, t in _types(text)] == ["vague"]


@pytest.mark.parametrize("text", [
    "Officials said the bridge would reopen.",
    "The bridge would reopen, officials said.",
    "Senior officials said the bridge would reopen.",
    "The governor's aides said the governor was tired.",
])
def test_officials_and_modified_plural_roles_are_official_roles(text):
    assert [t for _, t in _types(text)] == ["official_role"]


@pytest.mark.parametrize("text, source", [
    ("The United States said the talks would go on.", "The United States"),
    ("The United Nations said the aid had arrived.", "The United Nations"),
    ("The Hartwell Institution said the figures were wrong.", "The Hartwell Institution"),
    ("Relief International said the camps were full.", "Relief International"),
])
def test_names_of_bodies_are_organizations(text, source):
    assert _types(text) == [(source, "organization")]


@pytest.mark.parametrize("text, source", [
    ("The Rev. Ann Ford said the church would stay open.", "The Rev. Ann Ford"),
    ("Ann Ford said the church would stay open.", "Ann Ford"),
])
def test_a_person_with_or_without_a_title_after_the_stays_a_person(text, source):
    ((found, stype),) = _types(text)
    assert found in source and stype == "named_person"


@pytest.mark.parametrize("text", [
    "\u201cThe bridge will open,\u201d Ann Lee, the mayor of Springfield, a city of 60,000 people, said on Monday.",
    "Tom Ruiz, chief executive of Harbor Lines -- the firm that owns the port -- said the ships were ready.",
])
def test_a_name_before_a_role_in_apposition_is_the_source(text):
    ((found, stype),) = _types(text)
    assert stype == "named_person" and found.split(",")[0] in {"Ann Lee", "Tom Ruiz"}


def test_a_place_before_a_role_is_not_a_name():
    assert _types("In North Dakota, the governor said the roads were closed.") == [
        ("the governor", "official_role")]


@pytest.mark.parametrize("text", [
    "Poland said the exercise was a threat.",
    "Warsaw said the exercise was a threat.",
    "Canada said the tariffs were unfair.",
    "Riyadh said oil output would rise.",
    "Saudi Arabia said oil output would rise.",
])
def test_a_country_or_capital_standing_for_its_government_is_an_organization(text):
    assert [t for _, t in _types(text)] == ["organization"]


def test_a_person_from_a_country_stays_a_person():
    assert _types("Prime Minister Ana Berg of Estonia said the exercise was a threat.") == [
        ("Prime Minister Ana Berg of Estonia", "named_person")]


@pytest.mark.parametrize("text", [
    "The Chinese side said the talks had been useful.",
    "The army and the military said the strike hit a depot.",
    "The regime said the protests were foreign plots.",
    "The Harbour Daily reported that the mayor had resigned.",
])
def test_governments_armies_and_papers_are_organizations(text):
    assert {t for _, t in _types(text)} == {"organization"}


@pytest.mark.parametrize("text, source", [
    ("A person close to the minister said the talks were over.", "A person close to the minister"),
    ("A person familiar with the talks said they were over.", "A person familiar with the talks"),
    ("Conservatives say the bill will fail.", "Conservatives"),
])
def test_unnamed_people_and_political_groups_are_vague(text, source):
    assert _types(text) == [(source, "vague")]


@pytest.mark.parametrize("text, source, stype", [
    ("The mayor thanked Harbour Gazette reporter Lena Ford, who asked whether the bridge was safe.",
     "Harbour Gazette reporter Lena Ford", "named_person"),
    ("Those who say that the river is clean have not seen it.", "Those", "vague"),
    ("Half the town expects a flood, compared to a third who say the river is safe.", "a third", "vague"),
    ("Critics included the mayor's transition team, which called the plan reckless.",
     "the mayor's transition team", "organization"),
])
def test_the_source_of_a_relative_clause_is_its_antecedent(text, source, stype):
    (a,) = [a for a in find_attributions(text) if a.cue.text in {"asked", "say", "called"}]
    assert (a.source.text, a.source_type) == (source, stype)
    assert a.relative is not None and a.relative.text in {"who", "which"}
    assert text[a.relative.start:a.relative.end] == a.relative.text


def test_polnear_scoring_counts_the_relative_pronoun_the_guide_its_antecedent():
    from medialit.evaluation.attribution import source_items

    found = find_attributions("The mayor was talking to Harbour Gazette reporter Lena Ford, who asked whether "
                              "the bridge was safe.")
    assert [(i["text"], i["type"]) for i in source_items(found, polnear=True)] == [("who", "pronoun")]
    assert [(i["text"], i["type"]) for i in source_items(found)] == [
        ("Harbour Gazette reporter Lena Ford", "named_person")]


@pytest.mark.parametrize("text", [
    "The governor plans to close the office, his transition team announced on Saturday.",
    "The campaign team said the rally would go ahead.",
])
def test_a_team_is_an_organization(text):
    assert [t for _, t in _types(text)] == ["organization"]


@pytest.mark.parametrize("text, source", [
    ("Seventy-eight percent of Democrats say they are disappointed.", "Seventy-eight percent of Democrats"),
    ("Sixty percent of Americans believe the economy will improve.", "Sixty percent of Americans"),
    ("Two thirds of voters say the plan is bad.", "Two thirds of voters"),
])
def test_a_number_of_people_is_a_vague_source(text, source):
    (a,) = find_attributions(text)
    assert (a.source.text, a.source_type) == (source, "vague")
    assert " " in a.name  # counted as "Seventy-eight percent", not as a person "Seventy-eight"


@pytest.mark.parametrize("text", [
    "Based on what I know about the dam, the idea of a collapse is absurd.",
    "What we've learned: the mayor wants a second dam.",
    "We know the dam is old, and we expect it to fail.",
])
def test_the_writers_own_thoughts_are_no_attributions(text):
    assert find_attributions(text) == []
    found = find_attributions(text, writer=True)  # PolNeAR marks them
    assert found and all(a.source_type == "pronoun" and a.source.text.lower() in {"i", "we"} for a in found)


def test_the_writers_own_quoted_words_stay():
    (a,) = find_attributions('When the flood came, I laughed and said, "It will pass."')
    assert (a.source.text, a.cue.text) == ("I", "said")


def test_a_quoted_speaker_and_third_persons_stay_sources():
    text = "Ann Lee said the dam was safe. She added: “We know it will hold.” They believe her."
    assert [a.source.text for a in find_attributions(text)] == ["Ann Lee", "She", "They"]


@pytest.mark.parametrize("text, source", [
    ("Greenfield Hospital said two patients were treated.", "Greenfield Hospital"),
    ("Northgate Mining said in a statement that the spill was small.", "Northgate Mining"),
    ("Harlow Energy said the outage was over.", "Harlow Energy"),
    ("Kessler Pharmaceuticals said the drug was safe.", "Kessler Pharmaceuticals"),
])
def test_a_name_with_an_institution_or_business_word_is_an_organization(text, source):
    assert _types(text) == [(source, "organization")]


def test_a_title_with_a_business_word_still_names_a_person():
    assert _types("Energy Secretary Rick Perry said the grid was safe.") == [
        ("Energy Secretary Rick Perry", "named_person")]


@pytest.mark.parametrize("text", [
    "Parents at the school said they were worried.",
    "Teachers at the school say the roof leaks.",
])
def test_a_plural_group_opening_the_sentence_before_a_modifier_is_vague(text):
    assert [t for _, t in _types(text)] == ["vague"]


def test_a_surname_given_in_full_elsewhere_stays_a_person():
    found = _types("Tom Sanders spoke first. Sanders at the rally said the vote was fair.")
    assert found[-1][1] == "named_person"


@pytest.mark.parametrize("text, source", [
    ("He was born in 1960, according to Her Way, a critical (and excellent) biography of the senator.",
     "Her Way"),
    ("Acme, a company based in Ohio, said the recall was over.", "Acme, a company based in Ohio"),
])
def test_a_name_in_apposition_to_a_document_or_body_is_an_organization(text, source):
    assert _types(text) == [(source, "organization")]


@pytest.mark.parametrize("text", [
    "Rep. Ann Cole of Maine, the panel's ranking Democrat, said the vote was fair.",
    "Tom Lee, a lawyer for the company, said the plan would fail.",
    "Tom Lee, the head of the agency, said the plan would fail.",
])
def test_a_person_in_apposition_to_a_role_stays_a_person(text):
    assert [t for _, t in _types(text)] == ["named_person"]


@pytest.mark.parametrize("text, source", [
    ("Ben Carson, another primary opponent, questioned the mayor's faith.", "Ben Carson, another primary opponent"),
    ("In an emailed statement, Paladino, 70, claimed his comments had nothing to do with race.", "Paladino, 70"),
])
def test_a_name_with_an_apposition_is_a_clear_source_for_a_noun_like_cue(text, source):
    assert _types(text) == [(source, "named_person")]


@pytest.mark.parametrize("text, source, stype", [
    ("A statement from the ministry said the talks would resume.", "A statement from the ministry",
     "organization"),
    ("An aide to Senator Moss said the bill was dead.", "An aide to Senator Moss", "official_role"),
])
def test_a_source_word_before_a_preposition_is_the_head(text, source, stype):
    (a,) = find_attributions(text)
    assert (a.source.text, a.source_type) == (source, stype)
    assert a.name.lower() not in {"a", "an"}


@pytest.mark.parametrize("text, stype", [
    ("A group of parents said the school was unsafe.", "vague"),
    ("A handful of teachers wrote that the roof leaks.", "vague"),
    ("The board of directors said profits rose.", "organization"),
])
def test_a_group_of_people_is_vague_a_board_is_a_body(text, stype):
    assert [t for _, t in _types(text)] == [stype]


def test_an_acronym_in_capitals_is_no_pronoun():
    ((source, stype),) = _types("The WHO said the outbreak was over.")
    assert "WHO" in source and stype == "organization"


def test_an_appeal_to_common_knowledge_inside_a_quotation_belongs_to_the_speaker():
    text = "“It is an old charge. As you know, you could say that of any story,” he said."
    assert [(a.source.text, a.source_type) for a in find_attributions(text)] == [("he", "pronoun")]
    (a,) = find_attributions("As you know, the river floods every year.")
    assert a.source_type == "common_knowledge"


@pytest.mark.parametrize("text, source", [
    ("Additionally, a majority - fifty-six percent - say they are optimistic.", "a majority - fifty-six percent"),
    ("A majority — 56 percent — say they are optimistic.", "A majority — 56 percent"),
    ("A majority of voters say they are hopeful.", "A majority of voters"),
])
def test_a_majority_with_its_share_in_dashes_is_a_vague_source(text, source):
    (a,) = [a for a in find_attributions(text) if a.cue.text == "say"]
    assert (a.source.text, a.source_type) == (source, "vague")
    assert a.name.startswith("majority") and "percent" not in a.name  # counted without its share


@pytest.mark.parametrize("text, source", [
    ("Most expect a flood, compared to 19 percent who believe the dam will hold.", "19 percent"),
    ("There are voters who believe the tax is unfair.", "voters"),
])
def test_who_believes_is_the_believer_of_a_relative_clause(text, source):
    (a,) = [a for a in find_attributions(text) if a.cue.text == "believe"]
    assert (a.source.text, a.source_type, a.relative.text) == (source, "vague", "who")


def test_a_pronoun_in_a_contact_clause_believes_nothing_reported():
    assert find_attributions("They speak a language they understand.") == []


def test_a_broadcaster_is_an_organization():
    assert _types("The public broadcaster said the vote was delayed.") == [("The public broadcaster", "organization")]


@pytest.mark.parametrize("text", [
    "She called into the radio show when she was ill.",
    "She appeared on a television show last week.",
])
def test_a_show_on_radio_or_television_is_no_report(text):
    assert find_attributions(text) == []
