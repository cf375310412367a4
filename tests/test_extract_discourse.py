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
