"""Nominal events' targets and what they refer back to (issue 7 §3): "his victory over X",
"X's win against Y", "X's defeat at the hands of Y". Every sentence here is written for the
test."""

from __future__ import annotations

from extracting import facts_of, kinds


def defeats(facts):
    return {(tuple(f["actors"]), tuple(f["targets"])) for f in kinds(facts, "event", "DEFEAT")}


def test_his_victory_over_a_rival_is_a_defeat_by_the_person_he_refers_to(extractor, article):
    text = ("Chandigarh, March 11: Akali Dal chief Sukhbir Singh Badal retained Jalalabad for "
            "the third time on Saturday. His victory over AAP's Bhagwant Mann by 18,500 votes "
            "came as a relief to a party that was routed across the Malwa belt.")
    facts = facts_of(extractor, article, text, "2017-03-11")
    assert (("Sukhbir Singh Badal",), ("Bhagwant Mann",)) in defeats(facts)


def test_a_possessive_win_against_a_rival_is_a_defeat(extractor, article):
    text = ("Lucknow, June 5: Kishori Lal Sharma's win against Union minister Smriti Irani in "
            "Amethi by over 1.6 lakh votes was the biggest upset of the 2024 Lok Sabha polls in "
            "Uttar Pradesh, party workers said on Wednesday.")
    facts = facts_of(extractor, article, text, "2024-06-05")
    assert (("Kishori Lal Sharma",), ("Smriti Irani",)) in defeats(facts)


def test_a_defeat_at_the_hands_of_a_rival_was_inflicted_by_the_rival(extractor, article):
    text = ("New Delhi, May 24: Rahul Gandhi's defeat at the hands of Smriti Irani in Amethi, "
            "a seat the family had held for decades, stunned the Congress, which met on "
            "Saturday to review its showing in the state.")
    facts = facts_of(extractor, article, text, "2019-05-24")
    assert defeats(facts) == {(("Smriti Irani",), ("Rahul Gandhi",))}


def test_an_owners_defeat_with_no_winner_named_is_no_event(extractor, article):
    text = ("Bathinda, March 10: Parkash Singh Badal's defeat in Lambi ended a run of five "
            "straight wins in the seat since 1997, local leaders of the party said.")
    facts = facts_of(extractor, article, text, "2022-03-10")
    assert defeats(facts) == set()
