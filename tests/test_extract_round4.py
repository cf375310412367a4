"""Round 4 of the extraction rules: participles that share the main verb's subject, seats
with hyphenated names, state bypolls before delimitation, unconfirmed acts, referring back.
Every sentence here is written for the test."""

from __future__ import annotations

from extracting import facts_of, kinds


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


def test_a_hyphenated_seat_name_is_one_name(extractor, article):
    facts = facts_of(extractor, article,
                     "Ahmedabad, Feb 24: Chief Minister Suresh Bhatt won the Vadodara-III "
                     "Assembly seat in the bypoll, defeating Congress nominee Harish Joshi by "
                     "12,300 votes.", "2002-02-25")
    assert {f["constituency"] for f in kinds(facts, "candidacy")} == {"Vadodara-III"}
    assert [w["targets"] for w in kinds(facts, "event", "WIN")] == [["Vadodara-III"]]


def test_a_bypoll_before_delimitation_in_a_named_states_assembly_seat(extractor, article):
    text = ("New Delhi, Feb 24: Six Lok Sabha bypolls were held on Sunday along with a few "
            "assembly contests. In Tamil Nadu, AIADMK leader K. Ramasamy won the Bodinayakanur "
            "byelection by 30,200 votes, beating DMK rival S. Murugan.")
    facts = facts_of(extractor, article, text, "2002-02-25")
    assert {f["election"] for f in kinds(facts, "candidacy")} == {
        "Tamil Nadu Assembly bypoll 2002"}


def test_votes_of_a_candidate_stay_at_the_seat_told_before(extractor, article):
    text = ("New Delhi, Feb 24: Seven assembly bypolls were held in five states on Sunday. "
            "In Andipatti, AIADMK candidate R. Selvam won the assembly "
            "bypoll, defeating DMK rival M. Kannan. In Guna, Congress candidate Vikram Rao won "
            "the Lok Sabha bypoll, beating BJP rival Mohan Lal.\n\nIn a crowded contest, "
            "Vikram Rao got 4,35,100 votes while Mohan Lal managed 1,20,400 votes.")
    facts = facts_of(extractor, article, text, "2002-02-25")
    assert {(f["candidate"], f["constituency"], f["election"])
            for f in kinds(facts, "result")} == {("Vikram Rao", "Guna", "Lok Sabha bypoll 2002"),
                                                 ("Mohan Lal", "Guna", "Lok Sabha bypoll 2002")}
    stood = [(f["person"], f["election"]) for f in kinds(facts, "candidacy")
             if f["person"] in ("Vikram Rao", "Mohan Lal")]
    assert sorted(stood) == [("Mohan Lal", "Lok Sabha bypoll 2002"),
                             ("Vikram Rao", "Lok Sabha bypoll 2002")]


def test_a_named_seat_after_the_house_is_the_target(extractor, article):
    facts = facts_of(extractor, article,
                     "Leh, May 6: Independent candidates Rigzin Dorje and Stanzin Lakpa have "
                     "withdrawn their nominations for the Lok Sabha election from Ladakh seat, "
                     "officials said on Monday.", "2024-05-07")
    assert sorted((w["actors"][0], w["targets"][0]) for w in kinds(facts, "event", "WITHDRAW")
                  ) == [("Rigzin Dorje", "Ladakh"), ("Stanzin Lakpa", "Ladakh")]
    facts = facts_of(extractor, article,
                     "Guna, Feb 24: Congress candidate Vikram Rao won the Lok Sabha bypoll from "
                     "the Guna seat by 4,06,500 votes, the returning officer said.", "2002-02-25")
    assert [w["targets"] for w in kinds(facts, "event", "WIN")] == [["Guna"]]


def test_an_act_reports_only_suggest_is_no_event(extractor, article):
    facts = facts_of(extractor, article,
                     "Bengaluru, March 31: Reports suggest that BJP MLA Ravi Kumar had recently "
                     "met Congress leaders Suresh Gowda and Anil Shetty in Mysuru to discuss his "
                     "move.", "2023-03-31")
    assert not kinds(facts, "event", "MEET")
    facts = facts_of(extractor, article,
                     "Bengaluru, March 31: The rebel MLA Ravi Kumar is said to have met Congress "
                     "leader Suresh Gowda at his home, though neither side confirmed it.",
                     "2023-03-31")
    assert not kinds(facts, "event", "MEET")
    facts = facts_of(extractor, article,
                     "Bengaluru, March 31: BJP MLA Ravi Kumar met Congress leader Suresh Gowda "
                     "at his home in Mysuru on Friday, aides said.", "2023-03-31")
    assert len(kinds(facts, "event", "MEET")) == 1
