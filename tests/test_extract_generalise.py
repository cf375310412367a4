"""Extraction on reporting as it is really written: long sentences, lists, references back,
facts spread over two sentences. Every sentence here is written for the test."""

from __future__ import annotations

from extracting import facts_of, kinds

from chunav.extract.mentions import Mentions


def test_a_lone_surname_is_the_nearest_earlier_person_with_it(extractor):
    doc = extractor.nlp("Lucknow, March 3: Congress leader Ravi Kumar Verma met SP chief Anita "
                        "Verma at her residence on Monday. Later in the evening, Verma told "
                        "reporters that the seat-sharing talks were going well.")
    m = Mentions(doc, extractor.gazetteer)
    lone = [x for x in m.mentions if x.text == "Verma"]
    assert lone and m.name(lone[0]) == "Anita Verma"


def test_a_first_name_stands_for_the_one_person_who_has_it(extractor):
    doc = extractor.nlp("Patna, April 9: RJD leader Tejaswini Prasad Yadav filed her nomination "
                        "from the Saran seat on Tuesday, with party workers in tow. Tejaswini "
                        "later addressed a rally in Chhapra.")
    m = Mentions(doc, extractor.gazetteer)
    lone = [x for x in m.mentions if x.text == "Tejaswini"]
    assert lone and m.name(lone[0]) == "Tejaswini Prasad Yadav"


def test_listed_winners_with_seats_in_brackets_give_one_win_each(extractor, article):
    facts = facts_of(extractor, article,
                     "Shillong, April 2: Besides the chief minister, those declared elected "
                     "unopposed on Tuesday were Korbin Lyngdoh (Mawsynram), Dasakhiat Sangma "
                     "(Rongjeng) and Palash Marak (Dadenggre), officials said.", "2023-04-03")
    wins = {(f["actors"][0], f["targets"][0]) for f in kinds(facts, "event", "WIN")}
    assert wins == {("Korbin Lyngdoh", "Mawsynram"), ("Dasakhiat Sangma", "Rongjeng"),
                    ("Palash Marak", "Dadenggre")}
    cands = {f["person"]: f for f in kinds(facts, "candidacy")}
    assert cands["Palash Marak"]["constituency"] == "Dadenggre"
    assert cands["Palash Marak"]["election"] == "Meghalaya Assembly 2023"


def test_listed_winners_written_name_from_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Bhopal, Dec 4: The party's winners include Ramesh Tiwari from Rewa, "
                     "Sunita Ahirwar from Sagar and Kamal Patel from Harda, all of them "
                     "first-time legislators who had campaigned hard on farm distress.",
                     "2023-12-04")
    wins = {(f["actors"][0], f["targets"][0]) for f in kinds(facts, "event", "WIN")}
    assert wins == {("Ramesh Tiwari", "Rewa"), ("Sunita Ahirwar", "Sagar"),
                    ("Kamal Patel", "Harda")}


def test_one_name_with_a_bracketed_place_is_not_a_list(extractor, article):
    facts = facts_of(extractor, article,
                     "The winner, Mohan Rawat (Almora), thanked the voters of the hill district "
                     "and said the party workers had carried the campaign to every village.",
                     "2022-03-11")
    assert not kinds(facts, "event", "WIN")


def test_a_multi_word_trigger_is_read_as_an_active_verb(extractor, article):
    facts = facts_of(extractor, article,
                     "Gangtok, May 30: SKM candidate Tenzing Bhutia was declared elected "
                     "unopposed from the Rhenock seat after the only rival withdrew.",
                     "2024-05-30")
    wins = kinds(facts, "event", "WIN")
    assert wins and wins[0]["actors"] == ["Tenzing Bhutia"] and wins[0]["targets"] == ["Rhenock"]


def test_a_year_with_no_general_election_is_a_state_election(extractor, article):
    facts = facts_of(extractor, article,
                     "Jaipur, Dec 3: Congress candidate Harish Meena won the Deoli-Uniara seat "
                     "in the 2018 polls, polling 95,540 votes against his BJP rival.",
                     "2018-12-12")
    assert kinds(facts, "result")[0]["election"] == "Rajasthan Assembly 2018"
    # a Lok Sabha year keeps the Lok Sabha
    facts = facts_of(extractor, article,
                     "BJD candidate Sarita Das won the Puri seat in the polls, polling "
                     "4,10,250 votes against her rival.", "2019-05-24")
    assert kinds(facts, "result")[0]["election"] == "Lok Sabha 2019"


def test_a_dateline_names_the_state(extractor, article):
    facts = facts_of(extractor, article,
                     "ITANAGAR, 12 Oct: Congress candidate Nabam Tagia polled 8,210 votes in "
                     "the Doimukh assembly constituency, trailing the winner by a wide margin.",
                     "2019-10-13")
    assert kinds(facts, "result")[0]["election"] == "Arunachal Pradesh Assembly 2019"


def test_no_sentence_break_after_an_honorific_abbreviation(extractor):
    doc = extractor.nlp("Jaipur, May 4: BJP leader Sh. Ram Lal Meena met Smt. Kamla Devi and "
                        "Dr. Vinod Sharma at the party office on Friday. They discussed the "
                        "seat-sharing talks.")
    assert [s.text.split()[0] for s in doc.sents] == ["Jaipur,", "They"]


def test_a_paragraph_break_always_ends_a_sentence(extractor, article):
    doc = extractor.nlp("Counting ended late on Thursday in Raichur\nCongress candidate Anil "
                        "Rao won the Raichur seat by 4,210 votes")
    assert len(list(doc.sents)) == 2
    facts = facts_of(extractor, article, "Counting ended late on Thursday\n\nJD(S) candidate "
                     "Mohan Gowda won the Hunsur seat, polling 71,300 votes", "2023-05-14")
    assert kinds(facts, "result")[0]["candidate"] == "Mohan Gowda"


def test_a_figure_is_read_from_its_noun_phrase(extractor, article):
    facts = facts_of(extractor, article,
                     "New Delhi, April 2: The Election Commission said 3,691 independent "
                     "candidates are in the fray for the 545-member House, while the BJP has "
                     "expelled six rebel candidates.", "2024-04-02")
    figs = {(f["value"], f["unit"]): f["subject"] for f in kinds(facts, "figure")}
    assert "independent" in figs[(3691, "candidates")]
    assert (545, "members") in figs
    assert "rebel" in figs[(6, "candidates")]


def test_a_national_count_is_not_placed_in_the_articles_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Congress candidate Anil Rao won the Raichur seat, polling 71,300 votes. "
                     "Across the country, the party fielded 328 candidates and won four Lok "
                     "Sabha seats in the south.", "2024-06-05")
    figs = {(f["value"], f["unit"]): f["subject"] for f in kinds(facts, "figure")}
    assert "Raichur" not in figs[(328, "candidates")]
    assert (4, "seats") in figs


def test_a_margin_after_an_adjective_is_no_result(extractor, article):
    facts = facts_of(extractor, article,
                     "Ranchi, Nov 9: JMM leader Sunil Soren retained the Dumka Lok Sabha seat "
                     "by a record 1,12,400 votes on Thursday, his aides said.", "2006-11-09")
    assert not kinds(facts, "result")
    assert [f["value"] for f in kinds(facts, "figure")] == [112400]


def test_a_period_in_years_needs_a_period_word(extractor, article):
    facts = facts_of(extractor, article,
                     "The Congress has been out of power in the state for 15 years, and its "
                     "94-year-old patriarch said the party would return.", "2018-11-15")
    assert [(f["value"], f["unit"]) for f in kinds(facts, "figure")] == [(15, "years")]


def test_a_legislator_named_with_the_seat_is_a_member_of_the_house(extractor, article):
    facts = facts_of(extractor, article,
                     "Bengaluru, April 7: Congress MLA Ramesh Hegde from Sirsi met party "
                     "leaders on Friday, while another JD(S) MLA from Maddur, Suresh Gowda, is "
                     "also likely to switch sides soon.", "2023-04-07")
    houses = {(f["person"], f["role"]) for f in kinds(facts, "membership")
              if f["org"] == "Karnataka Assembly"}
    assert houses == {("Ramesh Hegde", "MLA (Sirsi)"), ("Suresh Gowda", "MLA (Maddur)")}


def test_a_legislator_from_a_state_names_no_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Thiruvananthapuram, May 2: CPI(M) MP Anil Kumar from Kerala said the "
                     "party would contest every seat in the coming local body polls.",
                     "2023-05-02")
    assert not [f for f in kinds(facts, "membership") if f["org"] == "Lok Sabha"]


def test_resigning_as_a_legislator_targets_the_house(extractor, article):
    facts = facts_of(extractor, article,
                     "Bengaluru, March 30: JD(S) MLA Mahesh Kumar resigned as an MLA on "
                     "Thursday, days after he met Congress leaders in the city.", "2023-03-31")
    resign = kinds(facts, "event", "RESIGN")
    assert resign and resign[0]["targets"] == ["Karnataka Assembly"]
    house = [f for f in kinds(facts, "membership") if f["org"] == "Karnataka Assembly"]
    assert house and house[0]["status"] == "resigned"


def test_those_expelled_are_listed_after_the_party_that_expelled_them(extractor, article):
    facts = facts_of(extractor, article,
                     "Jaipur, Nov 8: The Bharatiya Janata Party on Thursday expelled 19 rebel "
                     "candidates who refused to pull out of the contest. Those expelled include "
                     "former minister Hemraj Meena, sitting MLA Sunita Rathore and Kailash "
                     "Bairwa, party officials said.", "2023-11-10")
    expelled = {(f["person"], f["org"]) for f in kinds(facts, "membership")
                if f["status"] == "expelled"}
    assert expelled == {("Hemraj Meena", "Bharatiya Janata Party"),
                        ("Sunita Rathore", "Bharatiya Janata Party"),
                        ("Kailash Bairwa", "Bharatiya Janata Party")}
    facts = facts_of(extractor, article,
                     "Lucknow, Feb 2: The Samajwadi Party has named 40 candidates so far. The "
                     "leaders expelled on Friday were Rakesh Yadav and Anju Verma, both of whom "
                     "had filed papers against official nominees.", "2022-02-05")
    expelled = {f["person"] for f in kinds(facts, "membership") if f["status"] == "expelled"}
    assert expelled == {"Rakesh Yadav", "Anju Verma"}


def test_the_party_that_expels_is_the_party_named_before(extractor, article):
    facts = facts_of(extractor, article,
                     "Bhopal, Nov 14: The Congress too is battling dissent in Malwa. Faced with "
                     "rebels in nine seats, the party expelled former legislator Ramesh Patidar "
                     "and district leader Sushila Gehlot on Wednesday.", "2018-11-15")
    expelled = {(f["person"], f["org"]) for f in kinds(facts, "membership")
                if f["status"] == "expelled"}
    assert expelled == {("Ramesh Patidar", "Congress"), ("Sushila Gehlot", "Congress")}


def _allocations(facts):
    return {(f["targets"][0], f.get("party"), tuple(sorted(f["actors"])))
            for f in kinds(facts, "event", "ALLOCATE_SEAT")}


def test_a_deal_listing_seats_gives_one_allocation_per_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Chennai, March 4: The DMK and the MDMK have finalised their seat-sharing "
                     "pact for the Assembly election. The MDMK has been allotted four seats, "
                     "which include Madurantakam, Sattur, Palladam and Vasudevanallur.",
                     "2021-03-04")
    assert _allocations(facts) == {(seat, "MDMK", ("DMK", "MDMK")) for seat in (
        "Madurantakam", "Sattur", "Palladam", "Vasudevanallur")}
    facts = facts_of(extractor, article,
                     "Patna, Aug 20: Under the deal announced on Friday, the RJD has given three "
                     "seats to the CPI(ML), namely Arrah, Siwan and Karakat, and kept the rest "
                     "for itself and the Congress.", "2019-08-21")
    got = {(t, p) for t, p, _ in _allocations(facts)}
    assert got == {("Arrah", "CPI(ML)"), ("Siwan", "CPI(ML)"), ("Karakat", "CPI(ML)")}


def test_dated_repeats_give_one_win_per_dated_win(extractor, article):
    facts = facts_of(extractor, article,
                     "Lucknow, Jan 12: Veteran SP leader Ram Prakash Tiwari won the Rampur Khas "
                     "seat in 1996, 2002 and 2007 before the BSP took it from him, party "
                     "workers recalled on Thursday.", "2022-01-13")
    wins = {(f["actors"][0], f["targets"][0], f["date"]) for f in kinds(facts, "event", "WIN")}
    assert wins == {("Ram Prakash Tiwari", "Rampur Khas", y) for y in ("1996", "2002", "2007")}
    facts = facts_of(extractor, article,
                     "Bengaluru, April 3: Suresh Naik had got elected from the Honnali Assembly "
                     "segment three times (1994, 1999 and 2008) before he moved to the BJP "
                     "ahead of the last election.", "2023-04-03")
    wins = {(f["actors"][0], f["targets"][0], f["date"]) for f in kinds(facts, "event", "WIN")}
    assert wins == {("Suresh Naik", "Honnali", y) for y in ("1994", "1999", "2008")}
    assert not kinds(facts, "candidacy")  # background wins, no candidacy


def test_a_verb_after_and_keeps_the_subject_not_the_object_before(extractor, article):
    facts = facts_of(extractor, article,
                     "Mysuru, May 2: Kiran Shetty had long been with the JD(S) and got elected "
                     "from the Hunsur seat in 2013, his aides recalled on Tuesday.", "2023-05-02")
    assert [f["actors"] for f in kinds(facts, "event", "WIN")] == [["Kiran Shetty"]]


def test_past_contests_with_a_named_opponent_are_dated_and_give_both_candidacies(
        extractor, article):
    facts = facts_of(extractor, article,
                     "Bathinda, March 10: In the 2012 Punjab Assembly polls, Gurpreet Sandhu "
                     "defeated Congress' Harjit Brar in the Maur seat by 12,400 votes. In 2017, "
                     "Sandhu defeated AAP's Manjit Kaur by 8,700 votes.", "2022-03-10")
    defeats = {(f["targets"][0], f["date"]) for f in kinds(facts, "event", "DEFEAT")}
    assert defeats == {("Harjit Brar", "2012"), ("Manjit Kaur", "2017")}
    wins = {(f["actors"][0], f["targets"][0], f["date"]) for f in kinds(facts, "event", "WIN")}
    assert wins == {("Gurpreet Sandhu", "Maur", "2012"), ("Gurpreet Sandhu", "Maur", "2017")}
    cands = {(f["person"], f["election"]) for f in kinds(facts, "candidacy")}
    assert cands == {("Gurpreet Sandhu", "Punjab Assembly 2012"),
                     ("Harjit Brar", "Punjab Assembly 2012"),
                     ("Gurpreet Sandhu", "Punjab Assembly 2017"),
                     ("Manjit Kaur", "Punjab Assembly 2017")}


def test_he_after_the_sentence_start_is_the_person_the_story_is_about(extractor, article):
    facts = facts_of(extractor, article,
                     "Belagavi, April 2: Mahantesh Kavatagi had been with the Congress for two "
                     "decades. However, after being denied a ticket in 2018, he joined the BJP "
                     "on the eve of the polls. The party fielded him from Gokak, and he won "
                     "the seat by 9,000 votes.", "2023-04-02")
    assert [(f["actors"], f["targets"]) for f in kinds(facts, "event", "JOIN")] == [
        (["Mahantesh Kavatagi"], ["BJP"])]
    assert [(f["actors"], f["targets"]) for f in kinds(facts, "event", "WIN")] == [
        (["Mahantesh Kavatagi"], ["Gokak"])]


def test_a_win_told_as_background_gives_no_candidacy(extractor, article):
    facts = facts_of(extractor, article,
                     "Ranchi, Nov 9: Sunil Murmu is in the fray again. Previously, he won the "
                     "Rajmahal Lok Sabha seat twice, defeating JMM veteran Hemlal Hansda and "
                     "BJP's Devidhan Besra, respectively.", "2006-11-09")
    assert kinds(facts, "event", "WIN")
    assert not kinds(facts, "candidacy")
