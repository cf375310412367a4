"""Noun phrases that refer back (issue 7, "Read real reporting"): "the party", "his party",
"the four MLAs", "the expelled leaders", "the rebels" stand for what the article named before,
and a fact read through them rests on both sentences. Every sentence here is written for the
test."""

from __future__ import annotations

from extracting import facts_of, kinds


def _members(facts, status=None):
    return {(f["person"], f["org"]) for f in kinds(facts, "membership")
            if status is None or f.get("status") == status}


def _two_sentences(fact):
    return " … " in fact["evidence"]


def test_the_party_that_expelled_him_is_the_party_the_story_is_about(extractor, article):
    text = ("Lucknow, Jan 8: Samajwadi Party leader Anil Yadav had been openly critical of the "
            "seat-sharing deal with the Congress for weeks. On Sunday, the party expelled him "
            "for six years, a spokesperson said in Lucknow.")
    facts = facts_of(extractor, article, text, "2024-01-08")
    assert ("Anil Yadav", "Samajwadi Party") in _members(facts, "expelled")
    assert ("Anil Yadav", "Congress") not in _members(facts)
    [fact] = [f for f in kinds(facts, "membership") if f["status"] == "expelled"]
    assert _two_sentences(fact)
    text = ("Bhopal, March 12: Former MLA Rakesh Patel had campaigned for the Congress in the "
            "2018 polls and won Jabalpur comfortably. The party expelled him on Monday for "
            "anti-party activities after he was seen at a rally of the ruling side.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    assert ("Rakesh Patel", "Congress") in _members(facts, "expelled")


def test_his_party_is_the_party_the_article_said_he_belongs_to(extractor, article):
    text = ("Chandigarh, Feb 3: Harjit Grewal, a senior Shiromani Akali Dal leader, shared the "
            "stage with Chief Minister Bhagwant Mann on Thursday, and the AAP hailed the gesture. "
            "Grewal was suspended from his party on Friday by its disciplinary committee.")
    facts = facts_of(extractor, article, text, "2024-02-03")
    assert _members(facts, "expelled") == {("Harjit Grewal", "Shiromani Akali Dal")}
    text = ("Patna, March 12: Rajesh Kumar, a senior leader of the Rashtriya Janata Dal, met the "
            "Chief Minister at his residence on Sunday. He was suspended from his party on "
            "Monday for six years for anti-party activities.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    assert _members(facts, "expelled") == {("Rajesh Kumar", "Rashtriya Janata Dal")}
    [fact] = [f for f in kinds(facts, "membership") if f["status"] == "expelled"]
    assert _two_sentences(fact)


def test_a_counted_phrase_is_the_last_list_of_that_many_people(extractor, article):
    text = ("Jaipur, March 12: The Congress on Monday expelled Ramesh Meena and Suresh Gurjar "
            "for six years for anti-party activities. The two leaders joined the BJP on Tuesday "
            "in the presence of state president C P Joshi.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    [join] = kinds(facts, "event", "JOIN")
    assert set(join["actors"]) == {"Ramesh Meena", "Suresh Gurjar"} and _two_sentences(join)
    assert {("Ramesh Meena", "BJP"), ("Suresh Gurjar", "BJP")} <= _members(facts, "joined")
    text = ("Bengaluru, April 5: Rebel candidates Manjunath Gowda, Shivanna Reddy and Prakash "
            "Hegde filed their nominations as independents on Monday. The three rebels met JD(S) "
            "leader H D Kumaraswamy in Bengaluru on Tuesday evening.")
    facts = facts_of(extractor, article, text, "2023-04-05")
    [meet] = kinds(facts, "event", "MEET")
    assert meet["actors"] == ["Manjunath Gowda", "Shivanna Reddy", "Prakash Hegde"]
    assert meet["targets"] == ["H D Kumaraswamy"]


def test_a_counted_phrase_whose_count_does_not_agree_refers_to_no_one(extractor, article):
    text = ("Bengaluru, April 5: Rebel candidates Manjunath Gowda, Shivanna Reddy and Prakash "
            "Hegde filed their nominations as independents on Monday. The two leaders met JD(S) "
            "leader H D Kumaraswamy in Bengaluru on Tuesday evening.")
    facts = facts_of(extractor, article, text, "2023-04-05")
    assert not kinds(facts, "event", "MEET")
    text = ("Jaipur, March 12: The Congress on Monday expelled Ramesh Meena and Suresh Gurjar "
            "for six years for anti-party activities. The three leaders joined the BJP on "
            "Tuesday in the presence of state president C P Joshi.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    assert not kinds(facts, "event", "JOIN")


def test_the_expelled_leaders_are_those_the_article_said_were_expelled(extractor, article):
    text = ("Jaipur, March 12: The Congress on Monday expelled Ramesh Meena and Suresh Gurjar "
            "for six years for anti-party activities. The expelled leaders joined the BJP on "
            "Tuesday in the presence of state president C P Joshi.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    [join] = kinds(facts, "event", "JOIN")
    assert set(join["actors"]) == {"Ramesh Meena", "Suresh Gurjar"} and _two_sentences(join)
    # a clause between the phrase and its verb: each of them joined
    text = ("Bhubaneswar, Feb 9: The BJD has expelled former MLAs Pradeep Panda and Sushanta "
            "Behera for anti-party activities. The expelled MLAs, who had skipped two party "
            "meetings in January, joined the Congress on Friday at a rally in Cuttack.")
    facts = facts_of(extractor, article, text, "2024-02-09")
    assert {("Pradeep Panda", "Congress"), ("Sushanta Behera", "Congress")} <= _members(
        facts, "joined")


def test_the_rebels_are_those_the_article_called_rebels(extractor, article):
    text = ("Dharwad, April 21: BJP rebel Santosh Patil and Congress rebel Mahesh Naik refused "
            "to pull out of the Kalghatgi contest on Thursday despite pressure from both "
            "parties. The rebels met JD(S) leader H D Kumaraswamy in Hubballi on Friday.")
    facts = facts_of(extractor, article, text, "2023-04-21")
    [meet] = kinds(facts, "event", "MEET")
    assert set(meet["actors"]) == {"Santosh Patil", "Mahesh Naik"} and _two_sentences(meet)
    text = ("Shimla, Oct 30: Congress rebel Ramesh Thakur and BJP rebel Kishori Lal stayed in "
            "the fray in Kangra after the last day for withdrawals. The rebel leaders joined the "
            "Himachal Lokhit Party on Monday, its president said.")
    facts = facts_of(extractor, article, text, "2022-10-30")
    [join] = kinds(facts, "event", "JOIN")
    assert set(join["actors"]) == {"Ramesh Thakur", "Kishori Lal"}


def test_a_phrase_referring_back_to_a_counted_list_rests_on_both_sentences(extractor,
                                                                            article):
    text = ("Imphal, March 12: Four Congress legislators, Rakesh Singh, Oinam Lukhoi, Kh "
            "Joykishan and Paonam Brojen, met the Chief Minister on Monday. The four MLAs joined "
            "the BJP on Tuesday, party leaders said in Imphal.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    [join] = kinds(facts, "event", "JOIN")
    assert len(join["actors"]) == 4 and _two_sentences(join)
    assert all(_two_sentences(f) for f in kinds(facts, "membership") if f["org"] == "BJP")
    text = ("Shimla, March 12: Six Congress MLAs, Rajinder Rana, Sudhir Sharma, Inder Dutt "
            "Lakhanpal, Devinder Bhutto, Ravi Thakur and Chaitanya Sharma, were disqualified last "
            "month. The six MLAs joined the BJP on Saturday in New Delhi.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    [join] = kinds(facts, "event", "JOIN")
    assert len(join["actors"]) == 6 and _two_sentences(join)


def test_the_party_of_someone_is_a_party_described_not_one_named_before(extractor, article):
    text = ("Lucknow, March 12: Former MP Rakesh Sachan quit the Congress on Monday and joined "
            "the party of Akhilesh Yadav on Tuesday at a function in Lucknow, his aides said.")
    facts = facts_of(extractor, article, text, "2024-03-12")
    assert all("Congress" not in f.get("targets", []) for f in kinds(facts, "event", "JOIN"))
    assert _members(facts, "resigned") == {("Rakesh Sachan", "Congress")}
    text = ("Patna, Feb 20: Former minister Ajay Nishad resigned from the Janata Dal (United) "
            "last week. On Monday he joined the party that his father had founded in 2004, "
            "supporters said at his home in Patna.")
    facts = facts_of(extractor, article, text, "2024-02-20")
    assert all(not f.get("targets") for f in kinds(facts, "event", "JOIN"))
    assert _members(facts, "resigned") == {("Ajay Nishad", "Janata Dal (United)")}
