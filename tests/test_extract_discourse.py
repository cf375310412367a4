"""Extraction across clauses and sentences: counts and their rivals' counts, margins stated as
a subject, references back. Every sentence here is written for the test."""

from __future__ import annotations

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
