"""Round 3 of the extraction rules: seats placed in their states, facts told over two
sentences, party-possessive candidates. Every sentence here is written for the test."""

from __future__ import annotations

from extracting import facts_of, kinds


def test_a_seat_of_another_state_sets_the_assembly_election(extractor, article):
    facts = facts_of(extractor, article,
                     "Lucknow, Nov 15: Uttar Pradesh watched the Uttar Pradesh bypolls closely, "
                     "and the BJP swept the Uttar Pradesh seats. In a separate assembly bypoll, "
                     "JD(U) candidate Anil Kumar Paswan won the Kurhani seat by 4,100 votes.",
                     "2023-11-15")
    cands = {(f["person"], f["election"]) for f in kinds(facts, "candidacy")}
    assert ("Anil Kumar Paswan", "Bihar Assembly bypoll 2023") in cands


def test_a_seat_that_is_only_an_assembly_seat_is_no_lok_sabha_contest(extractor, article):
    facts = facts_of(extractor, article,
                     "Mumbai, Oct 25: Shiv Sena candidate Ramesh Gawde won the Worli seat by "
                     "67,400 votes, the party said on Friday.", "2019-10-25")
    assert [f["election"] for f in kinds(facts, "candidacy")] == ["Maharashtra Assembly 2019"]


def test_a_known_seat_after_held_or_lost_is_a_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Gaya, Nov 14: RJD candidate Sunita Kumari Yadav held Belaganj for the "
                     "party after a long count on Friday.", "2024-11-15")
    assert [f["constituency"] for f in kinds(facts, "candidacy")] == ["Belaganj"]
    facts = facts_of(extractor, article,
                     "Cuttack, June 4: The BJD lost Kendrapara for the first time since 1998, "
                     "party leaders admitted on Tuesday.", "2024-06-05")
    assert not any("Kendrapara" in (f.get("actors") or []) for f in facts)


def test_votes_in_the_next_sentence_count_at_the_seat_named_before_them(extractor, article):
    facts = facts_of(extractor, article,
                     "Patna, Nov 14: The Tarari seat was the focus of the day, and Tarari "
                     "voters turned out in large numbers.\n\nIn the other contest, JD(U) "
                     "candidate Meena Kumari Singh retained the Kurhani seat for the party. She "
                     "polled 71,230 votes, while Ajay Kumar Sah of the RJD got 66,874 votes.",
                     "2024-11-15")
    assert {(f["candidate"], f["constituency"]) for f in kinds(facts, "result")} == {
        ("Meena Kumari Singh", "Kurhani"), ("Ajay Kumar Sah", "Kurhani")}


def test_a_known_seat_after_won_in_or_stronghold_of_is_a_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Agartala, June 26: Meanwhile, BJP's Ratna Debbarma won in Surma with "
                     "16,900 votes on Sunday.", "2022-06-26")
    assert [f["constituency"] for f in kinds(facts, "result")] == ["Surma"]
    facts = facts_of(extractor, article,
                     "Agartala, June 26: The CPI(M) lost its bastion of Jubarajnagar to the BJP "
                     "as Rina Debnath secured 18,200 votes.", "2022-06-26")
    assert [f["constituency"] for f in kinds(facts, "result")] == ["Jubarajnagar"]


def test_a_rival_opening_the_next_paragraph_stood_at_the_seat_just_told(extractor, article):
    facts = facts_of(extractor, article,
                     "Shillong, March 2: The NPP won the Sohiong seat, which the party had "
                     "never held.\n\nElsewhere, UDP candidate Paul Lyngdoh retained the Mawlai "
                     "seat, having secured 12,410 votes.\n\nHis nearest rival, NPP's Kyrshan "
                     "Kharbuli, polled 9,870 votes.", "2023-03-02")
    assert ("Kyrshan Kharbuli", "Mawlai") in {(f["candidate"], f["constituency"])
                                              for f in kinds(facts, "result")}
