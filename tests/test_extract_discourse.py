"""Extraction across clauses and sentences: counts and their rivals' counts, margins stated as
a subject, references back. Every sentence here is written for the test."""

from __future__ import annotations

import pytest
from extracting import facts_of, kinds


def _votes(facts):
    return {(f["candidate"], f["votes"], f.get("outcome")) for f in kinds(facts, "result")}


def test_a_rivals_count_after_to_and_a_possessive_is_the_rivals_result(extractor, article):
    facts = facts_of(extractor, article,
                     "Lucknow, March 10: SP candidate Rakesh Pal Yadav retained the Karhal seat "
                     "on Thursday, polling 1,48,196 votes to Mr Baghel's 80,692, the Election "
                     "Commission's figures showed.", "2022-03-11")
    assert ("Rakesh Pal Yadav", 148196, "won") in _votes(facts)
    rival = [f for f in kinds(facts, "result") if f["votes"] == 80692]
    assert rival and rival[0]["outcome"] == "lost" and rival[0]["constituency"] == "Karhal"


def test_a_rivals_count_polled_by_a_named_rival(extractor, article):
    facts = facts_of(extractor, article,
                     "Ranchi, June 4: JMM nominee Sunita Oraon won the Dumka seat by a wide "
                     "margin. She secured 5,16,953 votes against the 4,49,900 polled by the "
                     "BJP's Dinesh Mahto, officials said.", "2024-06-05")
    assert _votes(facts) == {("Sunita Oraon", 516953, "won"), ("Dinesh Mahto", 449900, "lost")}
    assert {f["election"] for f in kinds(facts, "result")} == {"Lok Sabha 2024"}
    # written "as against N votes of X"
    facts = facts_of(extractor, article,
                     "Bhubaneswar, June 4: BJD candidate Pramila Das held the Puri seat. Das "
                     "got 4,10,250 votes as against 3,98,112 votes of her BJP rival Anil Mishra, "
                     "in a closely fought contest.", "2024-06-05")
    assert ("Anil Mishra", 398112, "lost") in _votes(facts)


def test_a_participle_count_belongs_to_the_clauses_subject_not_the_beaten_rival(extractor,
                                                                                 article):
    facts = facts_of(extractor, article,
                     "Chennai, Feb 24: AIADMK candidate Meena Raman won the Andipatti bypoll "
                     "comfortably. She defeated her DMK rival Kumar Selvan by 41,201 votes, "
                     "polling 78,437 votes to Mr Selvan's 37,236.", "2002-02-25")
    assert _votes(facts) == {("Meena Raman", 78437, "won"), ("Kumar Selvan", 37236, "lost")}


def test_a_count_written_as_a_total_is_a_result(extractor, article):
    facts = facts_of(extractor, article,
                     "Agartala, June 26: BJP's Swapna Debnath won in Surma with a total of "
                     "16,667 votes, while Congress candidate Anil Sarkar polled a total of "
                     "12,004 votes in the bypoll.", "2022-06-26")
    assert _votes(facts) == {("Swapna Debnath", 16667, "won"), ("Anil Sarkar", 12004, "lost")}


def test_a_margin_as_the_subject_is_a_figure_not_a_count(extractor, article):
    facts = facts_of(extractor, article,
                     "Kochi, June 4: Congress candidate Hibi Mathew retained the Ernakulam seat. "
                     "His winning margin was 78,607 votes, well short of the lead he had built "
                     "up five years ago.", "2024-06-05")
    assert not kinds(facts, "result")
    margins = kinds(facts, "figure")
    assert [(f["value"], f["unit"]) for f in margins] == [(78607, "votes")]
    assert "Hibi Mathew" in margins[0]["subject"]


def test_a_year_opening_a_period_is_not_the_year_of_the_act(extractor, article):
    facts = facts_of(extractor, article,
                     "Pune, June 4: NCP leader Supriya Kale, who has represented the Baramati "
                     "seat since 2009, won it again on Tuesday, defeating her cousin Sunetra "
                     "Jadhav by a wide margin.", "2024-06-05")
    assert [f["date"] for f in kinds(facts, "event", "DEFEAT")] == ["2024-06-04"]
    facts = facts_of(extractor, article,
                     "Pune: Supriya Kale has held the Baramati seat in the Lok Sabha ever since "
                     "2009. She won the seat again this time, defeating her cousin Sunetra "
                     "Jadhav after a bitter family feud.", "2024-06-05")
    assert [f.get("date") for f in kinds(facts, "event", "DEFEAT")] in ([None], ["2024"])
    assert all(c["election"] != "Lok Sabha 2009" for c in kinds(facts, "candidacy"))


def test_joining_a_campaign_or_a_rally_is_no_join(extractor, article):
    for text in ("Jaipur, June 2: Former BJP MLA Ramesh Meena joined the campaign of the INDIA "
                 "bloc candidate Ummeda Ram Beniwal in Barmer on Sunday, addressing three "
                 "rallies.",
                 "Patna, April 12: RJD leader Tejaswini Yadav joined the Congress roadshow in "
                 "Kishanganj on Friday, as the alliance partners tried to show a united front.",
                 "Bhopal, Nov 3: Hundreds of workers joined the BJP's protest outside the "
                 "collectorate on Friday, demanding the arrest of the accused councillor."):
        facts = facts_of(extractor, article, text, "2024-06-05")
        assert not kinds(facts, "event", "JOIN"), text
        assert not [f for f in kinds(facts, "alliance") if f["status"] == "joined"], text
    # a party joined at a rally is still a join
    facts = facts_of(extractor, article,
                     "Lucknow, March 2: Former SP MLA Rajesh Tiwari joined the BJP at a rally "
                     "in Gonda on Saturday, in the presence of the state party chief.",
                     "2024-03-03")
    assert [f["targets"] for f in kinds(facts, "event", "JOIN")] == [["BJP"]]


def test_a_title_after_a_partys_ally_is_not_of_that_party(extractor, article):
    for text in ("Patna, June 4: The LJP (Ram Vilas) won all five seats it contested in Bihar. "
                 "The BJP ally and its chief Chirag Paswan thanked the voters on Tuesday.",
                 "Mumbai, Nov 23: Shinde's Shiv Sena, a BJP ally, did well too, and the "
                 "Congress partner and its president Uddhav Thackeray conceded defeat."):
        facts = facts_of(extractor, article, text, "2024-06-05")
        orgs = {(f["person"], f["org"]) for f in kinds(facts, "membership")}
        assert not {o for o in orgs if o[1] in ("BJP", "Congress")}, text


def _figures(facts):
    return {(f["value"], f["unit"], f["subject"]) for f in kinds(facts, "figure")}


def test_a_count_whose_noun_was_just_said_takes_that_noun(extractor, article):
    facts = facts_of(extractor, article,
                     "Agartala, June 26: The BJP has won three assembly seats and the Congress "
                     "won one in the by-polls held on Thursday, officials of the state election "
                     "department said.", "2022-06-26")
    assert (1, "seats", "Congress seats") in _figures(facts)
    # the noun said in the sentence before, the agent an "it" standing for the party
    facts = facts_of(extractor, article,
                     "Chennai: In 2016, the Congress had contested 41 seats in the Tamil Nadu "
                     "Assembly polls as the junior partner of the DMK. It had won, however, "
                     "just eight.", "2021-03-11")
    assert (8, "seats", "Congress seats") in _figures(facts)
    facts = facts_of(extractor, article,
                     "Patna: The RJD offered the Congress nine seats in the state on Monday, "
                     "while the CPI was pressing for six.", "1999-08-21")
    assert (6, "seats", "CPI seats") in _figures(facts) or (
        6, "seats", "Communist Party of India seats") in _figures(facts)


def test_a_bare_number_with_no_count_before_it_is_no_figure(extractor, article):
    facts = facts_of(extractor, article,
                     "Lucknow, March 10: The SP leader said the party had won, and that the "
                     "alliance would meet again at eleven, when the results of all the phases "
                     "are in.", "2022-03-11")
    assert not kinds(facts, "figure")


def test_counts_shared_out_respectively_go_to_the_agents_in_order(extractor, article):
    facts = facts_of(extractor, article,
                     "Patna, Aug 20: Under the deal announced on Friday, the Congress, the CPI "
                     "and the JMM received nine, three and two seats, respectively, while the "
                     "RJD kept the rest of the 40 seats.", "2019-08-21")
    got = {(v, s) for v, u, s in _figures(facts) if u == "seats"}
    assert {(9, "Congress seats"), (3, "CPI seats")} <= got or {
        (9, "Congress seats"), (3, "Communist Party of India seats")} <= got
    assert not any(v == 9 and "CPI" in s for v, s in got)


def test_a_breakdown_gives_each_count_its_own_party(extractor, article):
    facts = facts_of(extractor, article,
                     "Bengaluru, March 31: Two MLAs — one from the ruling BJP and one from the "
                     "opposition JD(S) — have resigned from their parties ahead of the Assembly "
                     "polls next month.", "2023-03-31")
    assert {(1, "MLAs", "BJP MLAs"), (1, "MLAs", "JD(S) MLAs")} <= _figures(facts)
    facts = facts_of(extractor, article,
                     "Imphal, Aug 7: Sixteen MLAs crossed over to the ruling side on Monday: "
                     "seven of the Congress, one NCP and two of the JD(U), the Speaker's office "
                     "said.", "2023-08-08")
    assert {(7, "MLAs", "Congress MLAs"), (1, "MLAs", "NCP MLAs")} <= _figures(facts)


def test_n_of_its_candidates_is_a_count_of_candidates(extractor, article):
    facts = facts_of(extractor, article,
                     "Lucknow, Feb 14: A day after the Congress asked four of its candidates to "
                     "pull out of seats where the SP had also fielded nominees, the ally "
                     "followed suit.", "2017-02-15")
    assert (4, "candidates", "Congress candidates") in _figures(facts)


def _members(facts):
    return {(f["person"], f["org"]) for f in kinds(facts, "membership")}


def test_a_plural_title_before_a_list_gives_each_person_the_membership(extractor, article):
    facts = facts_of(extractor, article,
                     "Bengaluru, March 31: The legislator had recently met senior Congress "
                     "leaders DK Shivaraju and Siddalingappa at the party office in the city "
                     "to discuss his decision.", "2023-03-31")
    assert {("DK Shivaraju", "Congress"), ("Siddalingappa", "Congress")} <= _members(facts)
    facts = facts_of(extractor, article,
                     "Lucknow, Jan 9: BJP leaders Keshav Prasad Maurya, Brajesh Pathak and "
                     "Rajesh Kumar Tiwari addressed a rally in Gonda on Sunday, attacking the "
                     "SP over law and order.", "2022-01-10")
    assert {("Keshav Prasad Maurya", "BJP"), ("Brajesh Pathak", "BJP"),
            ("Rajesh Kumar Tiwari", "BJP")} <= _members(facts)


def test_who_heads_a_party_is_its_head(extractor, article):
    for text in ("Ranchi, Nov 9: Marandi, who heads the Jharkhand Vikas Morcha, had to fight as "
                 "an independent candidate because his outfit was yet to be recognised by the "
                 "Election Commission.",
                 "Patna, May 2: Upendra Singh, who now leads the JD(U), said on Thursday that his "
                 "party would contest all three seats allotted to it under the deal."):
        facts = facts_of(extractor, article, text, "2006-11-09")
        heads = [f for f in kinds(facts, "membership") if f.get("role") in ("head", "leader")]
        assert heads and heads[0]["person"] in ("Marandi", "Upendra Singh"), text


def test_a_persons_party_written_as_a_possessive(extractor, article):
    facts = facts_of(extractor, article,
                     "Chennai, March 10: The DMK has also given six seats each to the CPI and "
                     "Vaiko's MDMK, while Thirumavalavan's VCK gets six after a long round of "
                     "talks.", "2021-03-11")
    assert {("Vaiko", "MDMK"), ("Thirumavalavan", "VCK")} <= _members(facts) or (
        ("Vaiko", "MDMK") in _members(facts))


def test_a_title_then_a_comma_then_the_name(extractor, article):
    facts = facts_of(extractor, article,
                     "Chennai, March 7: The pact was signed by the BJP's national general "
                     "secretary, C T Ravindran, and the state unit chief, in the presence of "
                     "AIADMK leaders.", "2021-03-11")
    roles = {(f["person"], f["org"], f.get("role")) for f in kinds(facts, "membership")}
    assert ("C T Ravindran", "BJP", "national general secretary") in roles


def test_a_party_legislator_from_a_seat_is_a_member_of_the_party(extractor, article):
    facts = facts_of(extractor, article,
                     "Bengaluru, March 31: There are reports that another JD(S) MLA from "
                     "Arsikere in Hassan district, Shivalinge Gowda, is also likely to quit the "
                     "party soon.", "2023-03-31")
    assert ("Shivalinge Gowda", "JD(S)") in _members(facts)


def _stood(facts):
    return {(f["person"], f["constituency"], f.get("party")) for f in kinds(facts, "candidacy")}


def test_a_candidate_from_a_seat_then_the_name_stands_there(extractor, article):
    facts = facts_of(extractor, article,
                     "Allahabad, Feb 14: The SP said it would pull out of Bara and Koraon. "
                     "Despite repeated attempts, the SP candidate from Koraon, Ramdev Kol, could "
                     "not be reached for comment.", "2017-02-15")
    assert ("Ramdev Kol", "Koraon", "SP") in _stood(facts)
    facts = facts_of(extractor, article,
                     "Jaipur, Nov 20: Three seats have seen rebels file papers. The BJP's "
                     "candidate from Jhotwara, Bhajan Lal Verma, said on Monday that the rebels "
                     "would withdraw.", "2023-11-21")
    assert ("Bhajan Lal Verma", "Jhotwara", "BJP") in _stood(facts)


def test_contesting_on_a_partys_ticket_from_a_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Bhopal, Nov 14: Sartaj Singh, meanwhile, will contest on a Congress ticket "
                     "from Hoshangabad, his former constituency, after the BJP denied him a "
                     "ticket from Sohagpur.", "2018-11-15")
    assert ("Sartaj Singh", "Hoshangabad", "Congress") in _stood(facts)
    facts = facts_of(extractor, article,
                     "Lucknow, Jan 21: The former minister Rakesh Tiwari is contesting on the "
                     "BSP's ticket from Gonda this time, days after the SP dropped him from its "
                     "list.", "2022-01-22")
    assert ("Rakesh Tiwari", "Gonda", "BSP") in _stood(facts)


def _elections(facts, kind="candidacy", who="person"):
    return {(f[who], f["election"]) for f in kinds(facts, kind)}


def test_a_year_named_later_in_the_paragraph_dates_an_undated_result(extractor, article):
    text = ("Bathinda, Nov 20: AAP candidate Gurmeet Khuddian won Lambi by 11,396 votes, ending "
            "the Badal family's long hold on the seat. The result of the 2022 assembly polls was "
            "declared on March 10, a day of upsets across Punjab.")
    facts = facts_of(extractor, article, text, "2023-11-20")
    assert _elections(facts) == {("Gurmeet Khuddian", "Punjab Assembly 2022")}
    text = ("Bathinda, Nov 20: Akali leader Sukhbir Badal spoke to reporters in Punjab on Monday.\n"
            "Congress nominee Harpreet Sandhu polled 48,212 votes in the Gidderbaha seat and "
            "finished a distant second. Counting for the 2022 assembly election ended late in "
            "the evening, officials at the counting centre said.")
    facts = facts_of(extractor, article, text, "2023-11-20")
    assert _elections(facts, "result", "candidate") == {
        ("Harpreet Sandhu", "Punjab Assembly 2022")}


def test_a_past_election_named_later_does_not_date_the_sentence_before(extractor, article):
    text = ("Bathinda, Nov 20: AAP candidate Gurmeet Khuddian won Lambi by 11,396 votes, "
            "ending the Badal family's long hold on the seat. He had contested the 2017 "
            "assembly polls from the neighbouring Muktsar seat and lost.")
    facts = facts_of(extractor, article, text, "2023-11-20")
    assert ("Gurmeet Khuddian", "Punjab Assembly 2017") not in _elections(facts)
    text = ("Jaipur, Dec 4: Congress nominee Ashok Bairwa won Niwai by 9,120 votes in a close "
            "count. The previous 2018 election in the seat had gone to an independent, "
            "party workers recalled at the counting centre.")
    facts = facts_of(extractor, article, text, "2023-12-04")
    assert _elections(facts) == {("Ashok Bairwa", "Rajasthan Assembly 2023")}


def test_the_year_a_sentence_names_beats_the_year_its_person_was_first_named_in(extractor,
                                                                                 article):
    text = ("Kolkata, June 5: Madan Mitra, the Trinamool MLA from Kamarhati, joined the party's "
            "victory rally on Monday. Mitra retained Kamarhati in the 2021 Bengal assembly "
            "election, polling 73,845 votes in a straight fight.")
    facts = facts_of(extractor, article, text, "2024-06-05")
    assert _elections(facts, "result", "candidate") == {
        ("Madan Mitra", "West Bengal Assembly 2021")}
    text = ("Bhubaneswar, June 5: Pramila Mallik, the BJD legislator from Binjharpur, met the "
            "party chief on Tuesday. Mallik won Binjharpur in the 2019 Odisha assembly election "
            "with 91,450 votes, a record for the seat.")
    facts = facts_of(extractor, article, text, "2024-06-05")
    assert _elections(facts, "result", "candidate") == {
        ("Pramila Mallik", "Odisha Assembly 2019")}


@pytest.mark.parametrize(("text", "person", "seat"), [
    ("Kochi, June 4: Hibi Eden, the Congress MP since 2019, retained the Ernakulam seat by a "
     "margin of 2,50,385 votes, the Election Commission said on Tuesday.", "Hibi Eden",
     "Ernakulam"),
    ("Bhubaneswar, June 4: BJD leader Pinaki Mishra, the Puri MP since 2009, lost the Puri "
     "seat to the BJP by a margin of 1,05,000 votes, officials said late on Tuesday.",
     "Pinaki Mishra", "Puri"),
])
def test_since_a_year_is_no_year_of_the_act(extractor, article, text, person, seat):
    facts = facts_of(extractor, article, text, "2024-06-04")
    assert [(f["person"], f["constituency"], f["election"]) for f in kinds(
        facts, "candidacy")] == [(person, seat, "Lok Sabha 2024")]


@pytest.mark.parametrize(("text", "person", "votes"), [
    ("Ranchi, June 4: BJP candidate Sita Soren, the sister-in-law of Hemant Soren, polled "
     "5,24,527 votes in the Dumka seat, officials said late on Tuesday.", "Sita Soren", 524527),
    ("Ranchi, June 4: Congress candidate Pradeep Yadav, a former aide of Babulal Marandi, "
     "polled 3,67,281 votes in the Godda seat, officials said late on Tuesday.",
     "Pradeep Yadav", 367281),
])
def test_polled_ties_the_count_to_its_subject_not_the_nearest_name(extractor, article, text,
                                                                   person, votes):
    facts = facts_of(extractor, article, text, "2024-06-05")
    assert {(f["candidate"], f["votes"]) for f in kinds(facts, "result")} == {(person, votes)}


@pytest.mark.parametrize("text", [
    "Patna, April 2: The CPI(ML) has thrown its weight behind Pappu Yadav. \"Unlike the BJP, "
    "we have always supported Pappu Yadav in Purnea,\" Dipankar Bhattacharya told reporters.",
    "Patna, April 2: The Left is campaigning in Purnea. \"Like the RJD, we backed Pappu Yadav "
    "from day one,\" CPI(ML) leader Dipankar Bhattacharya told reporters in Patna.",
])
def test_we_in_a_quote_is_the_speaker_not_the_party_before(extractor, article, text):
    facts = facts_of(extractor, article, text, "2024-04-02")
    assert [(f["actors"], f["targets"]) for f in kinds(facts, "event", "SUPPORT")] == [
        (["Dipankar Bhattacharya"], ["Pappu Yadav"])]


@pytest.mark.parametrize("text", [
    "Lucknow, March 10: In 2017 the BJP swept Uttar Pradesh, winning 312 seats. Samajwadi "
    "Party candidate Rakesh Pal held the Karhal seat by 2,100 votes.",
    "Lucknow, March 10: In 2017 the Samajwadi Party lost power in the state after five years. "
    "Samajwadi Party candidate Rakesh Pal held the Karhal seat by a margin of 2,100 votes.",
])
def test_a_year_named_earlier_in_the_paragraph_is_carried_forward(extractor, article, text):
    facts = facts_of(extractor, article, text, "2022-03-10")
    assert [(f["person"], f["election"]) for f in kinds(facts, "candidacy")] == [
        ("Rakesh Pal", "Uttar Pradesh Assembly 2017")]


@pytest.mark.parametrize("text", [
    "Ranchi, June 4: JMM nominee Sunita Oraon won the Dumka seat on Tuesday.\n\nThe seat had "
    "gone to the BJP in 2019, when the party swept the state. Oraon defeated BJP candidate "
    "Dinesh Mahto by 30,000 votes.",
    "Ranchi, June 4: JMM nominee Sunita Oraon won the Dumka seat on Tuesday.\n\nIn 2019, the "
    "BJP won 11 of the 14 seats in the state. Oraon beat BJP candidate Dinesh Mahto by 30,000 "
    "votes this time.",
])
def test_a_person_named_before_keeps_the_year_of_her_first_mention(extractor, article, text):
    facts = facts_of(extractor, article, text, "2024-06-05")
    assert {(f["person"], f["election"]) for f in kinds(facts, "candidacy")} == {
        ("Sunita Oraon", "Lok Sabha 2024"), ("Dinesh Mahto", "Lok Sabha 2024")}


@pytest.mark.parametrize(("text", "published", "election"), [
    # Amethi is a Lok Sabha seat too: only the year says this is the Assembly's election
    ("Lucknow, March 10: Samajwadi Party candidate Rakesh Pratap Singh won the Amethi seat by "
     "a margin of 1,200 votes on Thursday, officials said after the counting.", "2022-03-10",
     "Uttar Pradesh Assembly 2022"),
    ("Bhopal, Nov 15: Suspended BJP leader Ramesh Kushwaha filed his nomination from the Sagar "
     "seat on Thursday as an Independent candidate, days after the party acted against him.",
     "2018-11-15", "Madhya Pradesh Assembly 2018"),
])
def test_a_year_with_no_general_election_is_the_states_assembly(extractor, article, text,
                                                               published, election):
    facts = facts_of(extractor, article, text, published)
    assert {f["election"] for f in kinds(facts, "candidacy")} == {election}


@pytest.mark.parametrize(("text", "person", "seat", "party"), [
    ("Shimla, Oct 18: Former minister Rajinder Rana threw his hat in the ring for the Sujanpur "
     "seat on Tuesday, days after the BJP announced its first list of candidates.",
     "Rajinder Rana", "Sujanpur", None),
    ("Shimla, Oct 18: Asha Kumari has thrown her hat into the ring as the Congress candidate "
     "from the Dalhousie seat, party leaders said after a meeting on Tuesday.",
     "Asha Kumari", "Dalhousie", "Congress"),
])
def test_throwing_a_hat_in_the_ring_is_a_candidacy(extractor, article, text, person, seat,
                                                   party):
    facts = facts_of(extractor, article, text, "2022-10-18")
    assert [(f["person"], f["constituency"], f["election"], f.get("party"), f["status"])
            for f in kinds(facts, "candidacy")] == [
        (person, seat, "Himachal Pradesh Assembly 2022", party, "nominated")]


def test_a_hat_likely_to_be_thrown_is_no_candidacy(extractor, article):
    text = ("Shimla, Oct 18: Former minister Rajinder Rana is likely to have thrown his hat in "
            "the ring for the Sujanpur seat by Friday, party insiders said on Tuesday.")
    assert kinds(facts_of(extractor, article, text, "2022-10-18"), "candidacy") == []


@pytest.mark.parametrize(("text", "winner", "votes", "loser"), [
    ("Ahmedabad, June 4: Congress veteran Shri Bharatsinh Solanki lost the Anand seat to BJP's "
     "Mitesh Patel, who polled 6,33,097 votes, ending the party's hopes of a comeback in "
     "central Gujarat.", "Mitesh Patel", 633097, "Bharatsinh Solanki"),
    ("Jorhat, June 4: Union minister Topon Gogoi of the BJP lost the Jorhat seat to Congress "
     "candidate Gaurav Gogoi, who secured 7,51,771 votes after a bitter and costly campaign.",
     "Gaurav Gogoi", 751771, "Topon Gogoi"),
    # the winner's noun phrase opens with his party and title (lexicon noun_phrase_tags)
    ("Dibrugarh, June 4: Sitting MP Rameswar Teli lost the Dibrugarh seat to the Asom Gana "
     "Parishad's working president Lurinjyoti Gogoi, who secured 6,93,762 votes on Tuesday.",
     "Lurinjyoti Gogoi", 693762, "Rameswar Teli"),
])
def test_the_one_a_seat_was_lost_to_won_it_with_his_count(extractor, article, text, winner,
                                                          votes, loser):
    facts = facts_of(extractor, article, text, "2024-06-04")
    [result] = [f for f in kinds(facts, "result") if f["candidate"] == winner]
    assert result["votes"] == votes and result["outcome"] == "won"
    assert [f["actors"] for f in kinds(facts, "event", "WIN")] == [[winner]]
    assert {f["person"] for f in kinds(facts, "candidacy")} >= {winner, loser}


def test_a_win_at_one_seat_makes_no_loser_at_another(extractor, article):
    text = ("Gandhinagar, June 4: Union home minister Amit Shah won Gandhinagar by over seven "
            "lakh votes. In Navsari, state party chief Chandrakant Patil polled 10,31,065 votes, "
            "the highest count of any candidate in the state this time.")
    facts = facts_of(extractor, article, text, "2024-06-04")
    [patil] = [f for f in kinds(facts, "result") if f["candidate"] == "Chandrakant Patil"]
    assert patil["constituency"] == "Navsari" and patil.get("outcome") != "lost"
