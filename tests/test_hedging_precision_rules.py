"""The issue-16 precision rules of the stance lexicon: each one keeps the hedge and drops the look-alike."""

from __future__ import annotations

import pytest

from medialit.hedging import find_hedges


def marked(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.category) for h in find_hedges(text) if h.kind == "hedge"]


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # would: a softened judgement, not an action in a story or a plan
    ("That would be a mistake.", "Farrell would portray the detective in four films."),
    ("It would seem that the plan failed.", "The new plan would raise taxes for most families."),
    # would after a past-tense verb: the future seen from the past
    ("That would be a mistake.", "The army knew then that the islands would be lost."),
    # could before a verb of skill or perception: ability
    ("The talks could collapse next week.", "From the tower she could see the whole valley."),
    # believe in: trust or faith
    ("I believe the figures are wrong.", "Children believe in Santa Claus."),
    # expected as an adjective between a determiner and a noun
    ("Many expected a quick deal.", "The piece moves to the expected key of F major."),
    # suspect the noun
    ("I suspect the figures are wrong.", "The suspect was arrested at 3 a.m."),
    # potential the noun (capacity)
    ("A potential buyer visited the site.", "The region has great potential for tourism."),
    # consider as an instruction
    ("Many consider the plan a mistake.", "Consider the problem of dividing a cake."),
    # can be seen: literal (visible) versus tentative ("seen as")
    ("The vote can be seen as a warning.", "The tower can be seen from the motorway."),
])
def test_rule_keeps_the_hedge_and_drops_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


@pytest.mark.parametrize("text", ["An estimated 9,000 people used the branch.", "The herd is estimated at 2,000.",
                                  "The estimated cost is 31 million euros."])
def test_an_estimate_of_a_figure_is_an_approximator(text):
    assert [category for _, category in marked(text)] == ["approximator"]


def test_an_estimate_as_a_belief_stays_doxastic():
    assert marked("Analysts estimate that sales will fall.") == [("estimate", "doxastic")]


@pytest.mark.parametrize(("text", "category"), [
    ("The mayor was accused of taking bribes.", "shield"),
    ("Historians have questioned whether the letter is genuine.", "doxastic"),
])
def test_unsourced_accusation_and_doubt_are_hedges(text, category):
    assert category in [c for _, c in marked(text)]


def test_a_named_accuser_is_an_attribution_not_a_hedge():
    assert marked("Several speakers accused the council of acting too late.") == []


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # rule 33: could after a negative subject is what nobody was able to do (like "could not")
    ("The council could lose the vote.", "Nobody could hear the speaker over the crowd."),
    ("The bridge could close next year.", "No one could open the old safe."),
    ("The bridge could close next year.", "The hall was full and no chairs could be found."),
    ("The bridge could close next year.", "Neither could name the author of the letter."),
    # rule 34: thought and fear as nouns, before "and" / "or" or at the end of a phrase
    ("The staff thought the plan would fail.", "The book is a history of Chinese thought."),
    ("The staff thought the plan would fail.", "The course covers liberal thought and practice."),
    ("Farmers fear a dry summer.", "The news spread fear and anger through the town."),
    ("Farmers fear a dry summer.", "The old chiefs ruled by fear or favour."),
])
def test_rules_33_34_keep_the_hedge_and_drop_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


@pytest.mark.parametrize(("text", "marker", "category"), [
    ("Though commonly thought of as a burden, the tax raised little.", "commonly thought of as", "shield"),
    ("Many left for fear of a new war.", "fear", "doxastic"),
    ("Some say nobody could have known, but the bridge could still fail.", "could", "modal"),
])
def test_rules_33_34_leave_these_hedges(text, marker, category):
    assert (marker, category) in marked(text)


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # rule 35: consider + a thing, then of / for / when / and: weighing it, not a belief
    ("Many consider the tax a mistake.", "The council must consider the cost of repairs."),
    ("Many consider the tax a mistake.", "The report considers the history of the harbour."),
    ("Critics consider the closing of the mill as a loss.", "Voters consider the candidates and their records."),
    # rule 36: might after a preposition (the noun), possible after every / any / each
    ("The talks might fail.", "The old kings ruled through might alone."),
    ("A possible successor visited the site.", "They fought the fire by every possible means."),
    ("A possible successor visited the site.", "The map shows any possible route."),
])
def test_rules_35_36_keep_the_hedge_and_drop_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


def test_rule_35_passive_considered_stays_a_belief_form():
    assert marked("The team, then considered the best in the country, lost.") == [("considered", "doxastic")]


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # rule 37: a sign that stands for something is no inference
    ("The figures suggest that the plan failed.", "As the title suggests, the album is loud."),
    ("The figures indicate that the plan failed.", "The first letter indicates the month."),
    ("The figures indicate that the plan failed.", "A mark is used to indicate the end of a proof."),
    ("The figures imply a loss.", "As the subtitle implies, the novel has three narrators."),
    # rule 38: manner and method
    ("In a way, the plan failed.", "The sound changes in a way which depends on the room."),
    ("Some estimate that 500 people came.", "The clinic sells a device to estimate body fat."),
    ("Economists predict a slowdown.", "The test is used to predict the weather."),
])
def test_rules_37_38_keep_the_hedge_and_drop_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


def test_rule_37_evidence_on_a_label_is_still_evidence():
    assert ("suggest", "evidential") in marked("New tests on the bottle suggest that it is old.")


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # rule 39: legal standards and capacity are no doubt
    ("I doubt that the plan will work.", "The jury found him guilty beyond a reasonable doubt."),
    ("The probable cause of the fire was a cigarette.", "The police had probable cause to search the car."),
    ("A potential buyer visited the site.", "The town has great potential as a port."),
])
def test_rule_39_keeps_the_hedge_and_drops_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # rule 40: could in a sentence with a condition gives the consequence, like would
    ("Prices could rise next year.", "If the talks fail, prices could rise."),
    ("The town could flood in spring.", "Unless the dam is mended, the town could flood."),
])
def test_rule_40_keeps_the_hedge_and_drops_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


def test_rule_40_leaves_may_in_a_condition():
    assert ("may", "modal") in marked("If untreated, the infection may spread.")


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # rule 41: assume meaning "take on", regarded meaning "esteemed"
    ("Many assumed that the dam was safe.", "In 1943 she assumed command of the fleet."),
    ("Many assumed that the dam was safe.", "He will assume new duties as director."),
    ("Many assumed that the dam was safe.", "The army assumed power after the coup."),
    ("Many assumed that the dam was safe.", "He wrote under an assumed name."),
    ("Critics regarded the film as a failure.", "She is a highly regarded painter."),
    ("Critics regarded the film as a failure.", "The mayor is well regarded by his staff."),
])
def test_rule_41_keeps_the_hedge_and_drops_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


def test_rule_41_one_assumes_stays_a_belief():
    assert ("assumes", "doxastic") in marked("To be safe, one assumes that the bridge is weak.")


@pytest.mark.parametrize(("text", "marker", "category"), [
    # rule 42: putative (shield) and little / nothing is known (probability)
    ("The court named the putative father of the child.", "putative", "shield"),
    ("Little is known about his youth.", "Little is known", "probability"),
    ("Relatively little was known about the virus.", "little was known", "probability"),
])
def test_rule_42_finds_the_marker(text, marker, category):
    assert marked(text) == [(marker, category)]


def test_rule_42_much_is_known_is_no_marker():
    assert marked("Much is known about his youth.") == []


@pytest.mark.parametrize(("text", "marker", "category"), [
    # rule 43: more belief forms
    ("Others view the tax as a mistake.", "view", "doxastic"),
    ("They stress what they view as their heritage.", "view", "doxastic"),
    ("Many felt they had been cheated.", "felt", "doxastic"),
    ("Some thought the game was tasteless.", "thought", "doxastic"),
    ("The plan was seen by many as a mistake.", "was seen by many as", "shield"),
    ("The term is regarded by some critics as a slur.", "is regarded by some critics as", "shield"),
    ("Even countries traditionally seen as nations of smokers banned it.", "traditionally seen as", "shield"),
])
def test_rule_43_finds_the_belief(text, marker, category):
    assert (marker, category) in marked(text)


@pytest.mark.parametrize("text", [
    "His views as a senator were well known.",
    "Viewers took a dim view of him as the season went on.",
    "The runners felt the heat at noon.",
])
def test_rule_43_look_alikes_are_no_belief(text):
    assert marked(text) == []


@pytest.mark.parametrize("text", [
    "The firm defended developers accused of fraud.",
    "When accused of lying, he laughed.",
    "He was arrested and accused of spying.",
    "The host is frequently accused of bias.",
])
def test_rule_44_accused_of_without_an_accuser_is_a_shield(text):
    assert ("accused of", "shield") in marked(text)


def test_rule_44_an_accuser_makes_an_attribution():
    assert marked("Critics accused him of bias.") == []
