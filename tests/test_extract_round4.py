"""Round 4 of the extraction rules: participles that share the main verb's subject, seats
with hyphenated names, state bypolls before delimitation, unconfirmed acts, referring back.
Every sentence here is written for the test."""

from __future__ import annotations


def facts_of(extractor, article, text, published="2024-06-05"):
    return extractor.extract(article(text, published)).to_json()


def kinds(facts, kind, typ=None):
    return [f for f in facts if f["kind"] == kind and (typ is None or f.get("type") == typ)]


def test_a_participle_after_a_win_shares_the_winner(extractor, article):
    facts = facts_of(extractor, article,
                     "Agartala, June 26: Meanwhile, CPI(M)'s Rekha Debnath won in Amarpur "
                     "with a total of 21,406 votes defeating nearest rival Pulak Sinha of the "
                     "Congress on Sunday.", "2022-06-26")
    defeats = kinds(facts, "event", "DEFEAT")
    assert [(d["actors"], d["targets"]) for d in defeats] == [(["Rekha Debnath"],
                                                               ["Pulak Sinha"])]
    assert {f["person"] for f in kinds(facts, "candidacy")} == {"Rekha Debnath", "Pulak Sinha"}
    facts = facts_of(extractor, article,
                     "Bhopal, Dec 3: Sitting MLA Ashok Rawal retained the Sehore seat for the "
                     "BJP defeating his Congress rival Naveen Tiwari in a keenly fought "
                     "contest, officials said.", "2023-12-03")
    assert [d["targets"] for d in kinds(facts, "event", "DEFEAT")] == [["Naveen Tiwari"]]


def test_the_party_after_of_is_no_second_person_beaten(extractor, article):
    facts = facts_of(extractor, article,
                     "Agartala, June 26: Meanwhile, CPI(M)'s Rekha Debnath won in Amarpur with "
                     "a total of 21,406 votes defeating nearest rival Pulak Sinha of the Amra "
                     "Bangali on Sunday.", "2022-06-26")
    assert [d["targets"] for d in kinds(facts, "event", "DEFEAT")] == [["Pulak Sinha"]]
    assert {f["person"] for f in kinds(facts, "candidacy")} == {"Rekha Debnath", "Pulak Sinha"}
