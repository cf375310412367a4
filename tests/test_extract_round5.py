"""Round 5 of the extraction rules: groups a count opens and a later sentence names, name
prefixes written short. Every sentence here is written for the test."""

from __future__ import annotations

from extracting import facts_of, kinds


def members(facts, org, status=None):
    return {f["person"] for f in kinds(facts, "membership")
            if f["org"] == org and (status is None or f["status"] == status)}


def test_a_short_name_prefix_stays_with_the_name(extractor, article):
    text = ("Imphal, May 3: Th. Ibomcha Singh and Md. Rafiq Ahmed, both sitting legislators, "
            "joined the Janata Dal (United) on Friday at a ceremony in the state capital.")
    facts = facts_of(extractor, article, text, "2024-05-03")
    joined = members(facts, "Janata Dal (United)", "joined")
    assert joined == {"Th. Ibomcha Singh", "Md. Rafiq Ahmed"}


def test_a_counted_group_named_in_the_next_sentence_joins_as_one(extractor, article):
    text = ("Shillong, Oct 12: Three Congress MLAs in Meghalaya joined the National People's "
            "Party on Thursday, days after skipping a meeting of the legislature party. The "
            "three MLAs, P. Lyngdoh, R. Marak and S. Sangma, were received by the party "
            "president at its office. Lyngdoh said the three had quit the Congress over the "
            "ticket row.")
    facts = facts_of(extractor, article, text, "2024-10-12")
    trio = {"P. Lyngdoh", "R. Marak", "S. Sangma"}
    joins = kinds(facts, "event", "JOIN")
    assert [(set(j["actors"]), j["targets"]) for j in joins] == [
        (trio, ["National People's Party"])]
    assert members(facts, "National People's Party", "joined") == trio
    assert members(facts, "Meghalaya Assembly") == trio
    assert members(facts, "Congress", "resigned") == trio
    leaves = kinds(facts, "event", "LEAVE")
    assert [set(x["actors"]) for x in leaves] == [trio]


def test_a_counted_group_listed_between_dashes(extractor, article):
    text = ("Bengaluru, March 20: Last week, two MLCs from the JD(S) — Ramegowda and "
            "Siddappa Naik — resigned from the Legislative Council, weeks before the "
            "Assembly polls in Karnataka.")
    facts = facts_of(extractor, article, text, "2023-03-20")
    pair = {"Ramegowda", "Siddappa Naik"}
    assert members(facts, "Karnataka Legislative Council", "resigned") == pair
    assert {f["person"] for f in kinds(facts, "membership") if f["role"] == "MLC"
            and f["org"] != "Karnataka Legislative Council"} == pair
    resigns = kinds(facts, "event", "RESIGN")
    assert sorted(r["actors"][0] for r in resigns) == sorted(pair)
    assert all(len(r["actors"]) == 1 for r in resigns)
    text = ("Patna, Jan 9: Four RJD MLAs — Anil Paswan, Kiran Devi, Md. Salim and Rekha "
            "Kumari — joined the BJP on Tuesday in the presence of the state party chief.")
    facts = facts_of(extractor, article, text, "2024-01-09")
    four = {"Anil Paswan", "Kiran Devi", "Md. Salim", "Rekha Kumari"}
    assert members(facts, "BJP", "joined") == four
    assert members(facts, "Bihar Assembly") == four
    assert [len(j["actors"]) for j in kinds(facts, "event", "JOIN")] == [4]


def test_a_count_that_does_not_match_the_list_names_no_group(extractor, article):
    text = ("Bengaluru, March 20: Last week, three MLCs from the JD(S) — Ramegowda and "
            "Siddappa Naik — resigned from the Legislative Council, weeks before the "
            "Assembly polls in Karnataka.")
    facts = facts_of(extractor, article, text, "2023-03-20")
    assert "Ramegowda" not in members(facts, "Karnataka Legislative Council")


def test_a_seat_before_the_legislators_title_names_the_house(extractor, article):
    text = ("Bhopal, Nov 12: The Congress on Monday suspended six leaders for anti-party "
            "activities, among them Bhind MLA Narendra Kushal and former Sehore MLA Ramesh "
            "Tiwari, a party spokesperson said.")
    facts = facts_of(extractor, article, text, "2018-11-12")
    houses = {(f["person"], f["role"], f["status"]) for f in kinds(facts, "membership")
              if f["org"] == "Madhya Pradesh Assembly"}
    assert houses == {("Narendra Kushal", "MLA (Bhind)", "member"),
                      ("Ramesh Tiwari", "MLA (Sehore)", "former")}
    text = ("Kolkata, May 2: Sitting Bardhaman-Durgapur MP Prakash Ghosh filed his nomination "
            "papers on Thursday, while Raniganj MLA Tapas Roy campaigned in the industrial belt.")
    facts = facts_of(extractor, article, text, "2024-05-02")
    assert members(facts, "West Bengal Assembly") == {"Tapas Roy"}
    assert members(facts, "Lok Sabha") == {"Prakash Ghosh"}


def test_a_party_or_a_state_before_the_title_is_no_seat(extractor, article):
    text = ("Imphal, Feb 2: BJP MLA Th. Radheshyam Singh and Manipur MLA K. Leishiyo met the "
            "Governor on Friday to discuss the security situation in the hill districts.")
    facts = facts_of(extractor, article, text, "2024-02-02")
    roles = {f["role"] for f in kinds(facts, "membership")}
    assert not any("(" in (r or "") for r in roles)


def test_an_office_in_a_unit_of_the_party_referred_back(extractor, article):
    text = ("Chennai, March 9: The AIADMK signed its seat-sharing pact with the BJP on "
            "Tuesday, and the saffron party's state unit chief R. Selvam said the alliance "
            "would sweep the western districts.")
    facts = facts_of(extractor, article, text, "2021-03-09")
    units = {(f["person"], f["org"], f["role"]) for f in kinds(facts, "membership")}
    assert ("R. Selvam", "Tamil Nadu unit of BJP", "chief") in units
    text = ("Lucknow, Feb 14: The Samajwadi Party has asked its Lucknow Central nominee to "
            "step aside, and party Mahanagar president Arif Khan said the order would be "
            "obeyed by every worker.")
    facts = facts_of(extractor, article, text, "2017-02-14")
    units = {(f["person"], f["org"], f["role"]) for f in kinds(facts, "membership")}
    assert ("Arif Khan", "Mahanagar unit of Samajwadi Party", "president") in units


def test_an_office_with_no_party_said_is_no_unit(extractor, article):
    text = ("Lucknow, Feb 14: The Samajwadi Party has asked its Lucknow Central nominee to "
            "step aside, and Mahanagar president Arif Khan said the order would be obeyed.")
    facts = facts_of(extractor, article, text, "2017-02-14")
    assert not any("unit of" in f["org"] for f in kinds(facts, "membership"))
