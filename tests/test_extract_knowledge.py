"""Knowledge the text assumes (issue 7 §5): seats written another way than the seat list
writes them, party names in the spellings news uses, short state names. Every sentence here is
written for the test."""

from __future__ import annotations

from extracting import facts_of, kinds


def test_seat_key_is_blind_to_cantonment_and_reserved_suffixes():
    from chunav.extract.gazetteer import seat_key, seat_places

    assert seat_key("Kanpur Cantonment") == seat_key("Kanpur Cantt.") == seat_key("kanpur cant")
    assert seat_key("Sanganer (SC)") == seat_key("Sanganer") == seat_key("Sanganer-SC")
    assert seat_key("ST") == "st"  # a suffix alone is not dropped
    assert ("Uttar Pradesh", "AC") in seat_places("Agra Cantonment")
    assert ("Rajasthan", "AC") in seat_places("Sanganer (SC)")


def test_a_cantonment_seat_written_in_full_is_known_with_its_state(extractor, article):
    text = ("Mohd Imran, the SP candidate from Kanpur Cantonment, said on "
            "Tuesday he would not withdraw his nomination despite the alliance with the "
            "Congress, and would campaign door to door from Wednesday.")
    facts = facts_of(extractor, article, text, "2017-02-14")
    stands = kinds(facts, "candidacy")
    assert [(f["person"], f["constituency"], f["election"]) for f in stands] == [
        ("Mohd Imran", "Kanpur Cantonment", "Uttar Pradesh Assembly 2017")]


def test_party_variants_news_writes_are_the_party():
    from chunav.extract.gazetteer import PARTY, Gazetteer

    g = Gazetteer.bundled()
    for written, party in (("Janata Dal-Secular", "Janata Dal (Secular)"),
                           ("JD (S)", "Janata Dal (Secular)"),
                           ("CPI (Marxist)", "Communist Party of India (Marxist)"),
                           ("CPI-Marxist", "Communist Party of India (Marxist)"),
                           ("JD-United", "Janata Dal (United)"),
                           ("JVM-P", "Jharkhand Vikas Morcha (Prajatantrik)")):
        entry = g.lookup(PARTY, written)
        assert entry is not None and entry.name == party, written


def test_cpi_marxist_with_a_space_is_one_party_in_a_count(extractor, article):
    text = ("Agartala, March 3: The CPI (Marxist) won 16 seats in the 60-member Tripura "
            "Assembly, down from 49 five years ago, while its Left Front ally the CPI drew a "
            "blank, results declared on Saturday showed.")
    facts = facts_of(extractor, article, text, "2018-03-03")
    subjects = {f["subject"] for f in kinds(facts, "figure") if f["value"] == 16}
    assert any(s.startswith("CPI (Marxist)") for s in subjects), subjects


def test_a_party_written_with_a_hyphen_is_a_party_of_a_member(extractor, article):
    text = ("Ranchi, Nov 9: Babulal Marandi, who heads the JVM-P, retained the Koderma seat "
            "as an independent on Thursday, his new outfit being yet to be recognised by the "
            "Election Commission.")
    facts = facts_of(extractor, article, text, "2006-11-09")
    orgs = {(f["person"], f["org"]) for f in kinds(facts, "membership")}
    assert ("Babulal Marandi", "JVM-P") in orgs


def test_short_state_names_fix_the_election(extractor, article):
    text = ("In the Bengal assembly polls, Suvendu Adhikari of the BJP "
            "defeated the sitting MLA in Islampur by a slender margin of 1,956 votes, "
            "counting officials said late on Sunday.")
    facts = facts_of(extractor, article, text, "2021-05-02")
    elections = {f["election"] for f in kinds(facts, "candidacy")}
    assert elections == {"West Bengal Assembly 2021"}
