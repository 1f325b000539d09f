"""Context rules of the stance lexicon found on real news (issue 16): each keeps the marker and drops the look-alike.

The sentences are written for these tests; each pair shows the rule keeping the marker in one and leaving
the look-alike out in the other.
"""

from __future__ import annotations

import pytest

from medialit.hedging import find_hedges


def marked(text: str, kind: str = "hedge") -> list[str]:
    return [h.text.lower() for h in find_hedges(text) if h.kind == kind]


@pytest.mark.parametrize(("hedged", "not_hedged"), [
    # think: a belief when a clause follows; thinking itself, or think + a bare word, is not
    ("Many voters think the mayor will resign.", "She wants to know how teenagers actually think."),
    ("Most of the staff think so.", "The pupils think football."),
    ("They think the bridge is unsafe.", "It was the worst winter I can think of."),
    # could in the condition itself ("if I could") is not the writer's doubt
    ("The bridge could close next winter.", "I would be rich if I could charge for every hour."),
    # might the noun (power) is no modal
    ("The storm might reach the coast tonight.", "The knights fought with all their might."),
    ("The storm might reach the coast tonight.", "The might of the river surprised the engineers."),
    # you could: an option open to anyone (like "you may leave"), not the writer's doubt
    ("The bridge could close next winter.", "With a bus pass you could save a lot of money."),
    # supposed to: hearsay only with "have"; "is supposed to build" is a plan or a duty
    ("The king is supposed to have hidden the gold here.", "The council is supposed to repair the road."),
    ("The king is supposed to have hidden the gold here.", "The buses were not where they were supposed to be."),
    # would before a passive tells a plan or a story, like would before an action verb
    ("That would be a serious mistake.", "Under the plan the old mines would be sold to a rival firm."),
    # suggest / indicate: the writer's inference from evidence, not what a person proposed or said
    ("The figures suggest that the plan failed.", "He suggested that the council should sell the land."),
    ("The figures suggest that the plan failed.", "Later that day Moreno indicated that she would stand again."),
    # uncertain: the writer's judgement, not people's own feeling about something or what they say they feel
    ("The future of the port is uncertain.", "Many parents are uncertain about the new timetable."),
    ("The future of the port is uncertain.", "Most farmers say they are uncertain or worried."),
    # consider: a belief, not weighing a plan or a question
    ("Many consider the tax a mistake.", "The council will consider selling the old school."),
    ("Many consider the tax a mistake.", "Voters should consider what the tax would cost them."),
    # believe with only a person or a source after it is trust, not a belief that something is so
    ("I believe the polls are wrong.", "Whatever they say, don't believe those polls."),
    ("Many believe the deal will fail.", "She said it twice, but nobody believed her."),
    # expect as a demand ("expect X from Y", "fair to expect") is not a forecast
    ("Economists expect a slowdown next year.", "Voters expect honesty from their leaders."),
    ("Economists expect a slowdown next year.", "It is reasonable to expect better service."),
])
def test_rule_keeps_the_hedge_and_drops_the_look_alike(hedged, not_hedged):
    assert marked(hedged)
    assert marked(not_hedged) == []


@pytest.mark.parametrize(("boosted", "not_boosted"), [
    # really between a determiner and an adjective is a degree word, not emphasis
    ("The flood really happened in 1953.", "That is the really difficult part of the job."),
    # clearly before a verb of saying tells how it was said
    ("The minister is clearly wrong about the figures.", "The ministry has clearly stated its plans for the port."),
    # an absolute booster inside reported speech is the speaker's generalisation, not the writer's
    ("The mayor never answers letters.", "The mayor told the council there had never been a better budget."),
    ("Nobody reads the small print.", "He was hoping nobody would read the small print."),
    # never before a past-tense verb tells what did not happen then, not a sweeping generalisation
    ("The mayor never answers letters.", "The question of the budget never came up at the meeting."),
    ("There has never been a fairer deal.", "The senator never spoke for longer than ten minutes."),
])
def test_rule_keeps_the_booster_and_drops_the_look_alike(boosted, not_boosted):
    assert marked(boosted, "booster")
    assert marked(not_boosted, "booster") == []


@pytest.mark.parametrize(("text", "marker", "kind"), [
    # short forms and frames that the word-by-word entries missed
    ("A bigger budget isn't necessarily a better one.", "isn't necessarily", "hedge"),
    ("In most towns, it appears the new rules worked.", "it appears", "hedge"),
    ("The two plans are pretty much the same.", "pretty much", "hedge"),
    ("She has read just about every report on the dam.", "just about", "hedge"),
    ("The truth is, nobody checked the figures.", "the truth is", "booster"),
    ("We can safely say the bridge will not open this year.", "we can safely say", "booster"),
    ("The photos are undeniable proof of the damage.", "undeniable", "booster"),
    ("This must be code for a tax rise.", "must", "booster"),
    # every and everything as sweeping generalisations (guide: absolute)
    ("Every decision the board took was a mistake.", "every", "booster"),
    ("Money now decides everything in the league.", "everything", "booster"),
])
def test_frame_is_marked(text, marker, kind):
    assert marker in marked(text, kind)


@pytest.mark.parametrize(("text", "kind"), [
    ("The court asked what the truth is.", "booster"),
    ("It appeared in the local paper on Monday.", "hedge"),
    ("The train was just about to leave.", "hedge"),
    ("This must be stopped before the winter.", "booster"),
    # every before a number or a period of time tells how often, not everything
    ("The town elects a mayor every four years.", "booster"),
    ("The ferry leaves every morning at six.", "booster"),
    ("She read just about every report on the dam.", "booster"),
])
def test_look_alike_is_not_marked(text, kind):
    """Guards for the new entries above: their look-alikes stay unmarked."""
    assert marked(text, kind) == []


def test_would_seem_is_one_hedge():
    """"It would seem" is one softened frame: one span, not a modal and a verb of seeming."""
    found = [(h.text, h.category) for h in find_hedges("It would seem that the report was never read.")]
    assert found[0] == ("would seem", "evidential")
