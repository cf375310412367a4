"""Knowledge the text assumes (issue 7 §5): seats written another way than the seat list
writes them, party names in the spellings news uses, short state names. Every sentence here is
written for the test."""

from __future__ import annotations

import pytest
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


# Short state names: the seats below are in two states each, so only the state's name as the
# text writes it fixes the election.
@pytest.mark.parametrize(("text", "published", "election"), [
    ("In the Himachal assembly polls, Congress candidate Rajinder Rana defeated the sitting BJP "
     "MLA in Hamirpur by a margin of 3,000 votes, officials said late on Thursday.",
     "2022-12-09", "Himachal Pradesh Assembly 2022"),
    ("Results of the Himachal assembly election showed the BJP's Vipin Parmar had defeated his "
     "Congress rival in the Nagrota seat by 2,100 votes after a close count.",
     "2022-12-09", "Himachal Pradesh Assembly 2022"),
    ("In the J-K assembly polls, National Conference candidate Bashir Ahmad defeated the "
     "sitting BJP MLA in Nagrota by a margin of 1,200 votes, officials said.",
     "2024-10-08", "Jammu & Kashmir Assembly 2024"),
    ("Results of the J-K assembly election showed the BJP's Sunil Sharma had defeated his "
     "Congress rival in the Ramnagar seat by 9,000 votes after a close count.",
     "2024-10-08", "Jammu & Kashmir Assembly 2024"),
    # the list spells this seat "Pakke-kasang": only the state's name places it
    ("In the Arunachal assembly polls, BJP candidate Kameng Dolo defeated the sitting NPP MLA "
     "in the Pakke-Kessang seat by a margin of 1,800 votes, officials said.",
     "2024-06-02", "Arunachal Pradesh Assembly 2024"),
    ("Results of the Arunachal assembly election showed the BJP's Kameng Dolo had defeated his "
     "Congress rival in the Pakke-Kessang seat by 1,800 votes after a close count.",
     "2024-06-02", "Arunachal Pradesh Assembly 2024"),
])
def test_a_short_state_name_is_the_state(extractor, article, text, published, election):
    facts = facts_of(extractor, article, text, published)
    assert {f["election"] for f in kinds(facts, "candidacy")} == {election}


# A dateline's place fixes the state of a seat the seat list spells another way.
@pytest.mark.parametrize(("text", "published", "election"), [
    ("Itanagar, April 2: The BJP fielded Kameng Dolo from the Pakke-Kessang seat, where the "
     "sitting MLA had been denied a ticket after months of infighting.",
     "2024-04-02", "Arunachal Pradesh Assembly 2024"),
    ("Itanagar, April 2: Kameng Dolo filed his nomination from the Pakke-Kessang assembly "
     "seat on Tuesday, days after the BJP denied the sitting MLA a ticket.",
     "2024-04-02", "Arunachal Pradesh Assembly 2024"),
    ("Shillong, Feb 7: Congress candidate Rupa Marak filed her nomination from the South Tura "
     "seat on Tuesday, where Chief Minister Conrad Sangma is the NPP nominee.",
     "2023-02-07", "Meghalaya Assembly 2023"),
    ("Shillong, Feb 7: The BJP fielded Bernard Marak from the South Tura seat against Chief "
     "Minister Conrad Sangma, setting up the most watched contest in the state.",
     "2023-02-07", "Meghalaya Assembly 2023"),
])
def test_a_dateline_fixes_the_state(extractor, article, text, published, election):
    facts = facts_of(extractor, article, text, published)
    assert {f["election"] for f in kinds(facts, "candidacy")} == {election}


@pytest.mark.parametrize(("text", "person"), [
    ("Imphal, March 10: Congress candidate Th. Lokeshwar Singh won the Khundrakpam seat by "
     "1,600 votes, the returning officer said, as counting ended late on Thursday.",
     "Th. Lokeshwar Singh"),
    ("Imphal, March 10: Congress nominee Kh. Joykishan Singh won the Thangmeiband seat by "
     "1,600 votes, the returning officer said, as counting ended late on Thursday.",
     "Kh. Joykishan Singh"),
])
def test_a_short_name_prefix_does_not_end_the_sentence(extractor, article, text, person):
    facts = facts_of(extractor, article, text, "2022-03-10")
    assert [f["actors"] for f in kinds(facts, "event", "WIN")] == [[person]]


@pytest.mark.parametrize("text", [
    "Jaipur, March 20: Girdhari Lal Meena, a sitting Congress MLA, said on Wednesday that he "
    "would campaign for the party in Dausa despite being denied a ticket.",
    "Jaipur, March 20: Congress MLA Girdhari Lal Meena said on Wednesday that he would "
    "campaign for the party in Dausa despite being denied a ticket.",
])
def test_an_mla_of_a_party_is_its_member_with_that_role(extractor, article, text):
    facts = facts_of(extractor, article, text, "2024-03-20")
    assert [(f["org"], f["role"].split()[-1]) for f in kinds(facts, "membership")] == [
        ("Congress", "MLA")]


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Chennai, June 5: DMK leader Kanimozhi, a member of Parliament, said on Wednesday that the "
     "party would press for a caste census in the new Lok Sabha.", "Kanimozhi", "Lok Sabha"),
    # the house by the one name the article gives it
    ("Thiruvananthapuram, June 5: Senior Congress leader Shashi Tharoor, a member of "
     "Parliament, said on Wednesday that the party would raise the issue of jobs in the House.",
     "Shashi Tharoor", "Parliament"),
])
def test_parliament_is_the_lok_sabha(extractor, article, text, person, org):
    houses = [e.ent_id_ for e in extractor.nlp(text).ents if e.text == "Parliament"]
    assert houses == ["HOUSE:Lok Sabha"]
    facts = facts_of(extractor, article, text, "2024-06-05")
    assert (person, org) in {(f["person"], f["org"]) for f in kinds(facts, "membership")}


# --- the seat list, version 2: every seat with its state, number and parent seat ----------

def test_the_seat_list_gives_each_seats_number_and_parent():
    from chunav.extract import gazetteer
    from chunav.extract.gazetteer import seat_numbered, seats

    assert gazetteer.SEATS_FILE == "seats.v2.json"
    amethi = {(e.house, e.number, e.pc) for e in seats()["amethi"]}
    assert amethi == {("AC", 186, "Amethi"), ("PC", 37, None)}
    assert all(e.pc and e.pc_number for v in seats().values() for e in v if e.house == "AC")
    assert [e.state for e in seat_numbered("Nagrota", 70)] == ["Jammu & Kashmir"]
    assert seat_numbered("Nagrota", 7) == ()  # the list knows Nagrota by other numbers
    assert seat_numbered("Nowhere Nagar", 7) is None
    assert ("Ladakh", "PC") in gazetteer.seat_places("Ladakh")  # "1-Ladakh" since 2019


def test_version_1_of_the_seat_list_is_kept_and_agrees():
    from chunav.extract.gazetteer import _data, seat_places

    for row in _data("seats.v1.json")["seats"][::50]:
        assert set(seat_places(row["name"])) >= {(row["state"], h) for h in row["houses"]}


@pytest.mark.parametrize(("text", "published", "election"), [
    # Nagrota is an assembly seat of two states: its number says which
    ("Results declared on Tuesday showed BJP candidate Devinder Singh Rana won 70-Nagrota by a "
     "margin of 30,472 votes over his National Conference rival.", "2024-10-08",
     "Jammu & Kashmir Assembly 2024"),
    ("Results declared on Tuesday showed BJP candidate Devinder Singh Rana won AC No. 70 "
     "Nagrota by a margin of 30,472 votes over his National Conference rival.", "2024-10-08",
     "Jammu & Kashmir Assembly 2024"),
    ("Results declared on Thursday showed Congress candidate R.S. Bali won 15-Nagrota by a "
     "margin of 3,000 votes over his BJP rival, officials said.", "2022-12-08",
     "Himachal Pradesh Assembly 2022"),
    ("Results declared on Thursday showed Congress candidate R.S. Bali won Nagrota (15) by a "
     "margin of 3,000 votes over his BJP rival, officials said.", "2022-12-08",
     "Himachal Pradesh Assembly 2022"),
])
def test_a_seat_written_with_its_number_is_that_seat(extractor, article, text, published,
                                                     election):
    facts = facts_of(extractor, article, text, published)
    assert [(f["constituency"], f["election"]) for f in kinds(facts, "candidacy")] == [
        ("Nagrota", election)]
    assert [f["targets"] for f in kinds(facts, "event", "WIN")] == [["Nagrota"]]


@pytest.mark.parametrize("text", [
    "Lucknow, March 10: Samajwadi Party candidate Rakesh Pratap Singh won 186-Amethi by a "
    "margin of 1,200 votes on Thursday, officials said after the counting.",
    "Lucknow, March 10: Samajwadi Party candidate Rakesh Pratap Singh won AC No. 186 Amethi by "
    "a margin of 1,200 votes on Thursday, officials said after the counting.",
])
def test_a_seat_the_model_does_not_name_is_found_by_its_number(extractor, article, text):
    facts = facts_of(extractor, article, text, "2022-03-10")
    assert [(f["constituency"], f["election"]) for f in kinds(facts, "candidacy")] == [
        ("Amethi", "Uttar Pradesh Assembly 2022")]


@pytest.mark.parametrize("text", [
    "Results declared on Tuesday showed BJP candidate Devinder Singh Rana won the 7-Nagrota "
    "seat by a margin of 30,472 votes over his National Conference rival.",
    "Results declared on Tuesday showed BJP candidate Devinder Singh Rana won 7-Nagrota by a "
    "margin of 30,472 votes over his National Conference rival.",
])
def test_a_number_that_contradicts_the_seat_list_makes_no_seat(extractor, article, text):
    facts = facts_of(extractor, article, text, "2024-10-08")
    assert kinds(facts, "candidacy") == []


@pytest.mark.parametrize(("text", "name", "seat"), [
    ("Leh, May 21: Repolling was ordered at booth No. 76-Leh on Tuesday after a voting "
     "machine failed, the chief electoral officer said.", "Leh", False),  # Leh is AC 48
    ("Kargil, May 21: Voters queued outside booth 12-Kargil in the cold on Monday morning, "
     "polling officials said after the first hour.", "Kargil", False),  # Kargil is AC 49
    ("Kargil, May 21: Voters queued outside the polling stations of 49-Kargil in the cold on "
     "Monday morning, officials said.", "Kargil", True),
    ("Leh, June 4: Counting for the 1-Ladakh seat began at eight in the morning in Leh and "
     "Kargil, officials said.", "Ladakh", True),
])
def test_a_place_the_model_names_after_a_number_is_a_seat_only_by_its_own_number(
        extractor, text, name, seat):
    from spacy.tokens import Span

    from chunav.extract.mentions import Mentions

    doc = extractor.nlp(text)
    at = max(t.i for t in doc if t.text == name)  # the model may not label it: say it is a place
    doc.ents = [e for e in doc.ents if not e.start <= at < e.end] + [
        Span(doc, at, at + 1, label="GPE")]
    found = [m for m in Mentions(doc, extractor.gazetteer).mentions if m.start == at]
    assert [m.kind for m in found] == (["SEAT"] if seat else ["PLACE"])
