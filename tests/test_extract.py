"""Extraction on the development set and on sentences written to pin one rule each."""

from __future__ import annotations

import pytest

from chunav.extract.dates import find_date
from chunav.extract.evaluate import load_dir, same_name, score
from chunav.extract.numbers import numbers
from chunav.ingest.articles import read_articles


@pytest.fixture(scope="module")
def dev(extractor, data):
    files, errors = read_articles([data / "articles"])
    assert not errors
    pred = {}
    for result in extractor.extract_many([a for g in files.values() for a in g]):
        pred[result.article.name] = result.to_json()
    return pred, load_dir(data / "gold")


def test_development_set_scores(dev):
    pred, gold = dev
    report = score(gold, pred)
    assert report["micro"]["f1"] >= 0.85, report
    for kind in ("result", "candidacy", "event", "membership"):
        assert report[kind]["f1"] >= 0.75, (kind, report[kind])


def test_every_gold_result_is_found_with_its_exact_votes(dev):
    pred, gold = dev
    for name, facts in gold.items():
        found = {(f["candidate"], f["votes"]) for f in pred[name] if f["kind"] == "result"}
        for g in facts:
            if g["kind"] == "result":
                assert any(same_name(c, g["candidate"]) and v == g["votes"]
                           for c, v in found), (name, g)


def test_evidence_is_the_sentence_the_fact_came_from(extractor, data):
    files, _ = read_articles([data / "articles"])
    for result in extractor.extract_many([a for g in files.values() for a in g]):
        text = result.article.text
        for fact in result.facts:
            assert fact.spans
            for a, b in fact.spans:
                assert text[a:b].strip() in fact.evidence(text)
            assert fact.to_json(text)["evidence"]


def facts_of(extractor, article, text, published="2024-06-05"):
    return extractor.extract(article(text, published)).to_json()


def kinds(facts, kind):
    return [f for f in facts if f["kind"] == kind]


@pytest.mark.parametrize(("text", "value", "bound"), [
    ("secured 64,443 votes", 64443, False), ("got 5,16,593 votes", 516593, False),
    ("polled 1,08808 votes", 108808, False), ("about 1.82 lakh voters", 182000, False),
    ("An estimated 1,82 lakh voters", 182000, False), ("a Rs 2.5 crore fund", 25_000_000, False),
    ("around three lakh voters", 300000, False), ("over 35,000 votes", 35000, True),
    ("nine seats", 9, False),
])
def test_numbers_as_indian_journalists_write_them(extractor, text, value, bound):
    found = numbers(extractor.nlp.make_doc(text))
    assert [(n.value, n.bound) for n in found] == [(value, bound)]


@pytest.mark.parametrize(("text", "iso"), [
    ("polls on May 20.", "2024-05-20"), ("on June 4, 2019 results", "2019-06-04"),
    ("He met her on Friday.", "2024-05-31"), ("in 2009 he won", "2009"),
    ("last month", "2024-05"), ("a few months ago", None),
])
def test_dates_resolve_against_the_publication_date(text, iso):
    from datetime import date

    assert find_date(text, date(2024, 6, 5)) == iso


def test_result_candidacy_win_and_defeat(extractor, article):
    facts = facts_of(extractor, article,
                     "BJD candidate Sarita Das won the Puri Lok Sabha seat, defeating Congress "
                     "nominee Amit Rao by 12,400 votes. Das polled 4,10,250 votes.")
    assert [(f["candidate"], f["votes"], f["outcome"]) for f in kinds(facts, "result")] == [
        ("Sarita Das", 410250, "won")]
    cands = {f["person"]: f for f in kinds(facts, "candidacy")}
    assert cands["Sarita Das"]["constituency"] == "Puri"
    assert cands["Sarita Das"]["election"] == "Lok Sabha 2024"
    assert cands["Amit Rao"]["party"] == "Congress"
    events = {f["type"]: f for f in kinds(facts, "event")}
    assert events["WIN"]["actors"] == ["Sarita Das"] and events["WIN"]["targets"] == ["Puri"]
    assert events["DEFEAT"]["targets"] == ["Amit Rao"]
    assert kinds(facts, "figure")[0]["value"] == 12400


def test_plans_are_not_events(extractor, article):
    facts = facts_of(extractor, article,
                     "Independent MP Rohan Bhat is likely to join the NDA next week.")
    assert not [f for f in kinds(facts, "event") if f["type"] == "JOIN"]
    alliance = kinds(facts, "alliance")
    assert alliance and alliance[0]["status"] == "considering"
    assert alliance[0]["alliance"] == "NDA"


def test_a_reported_switch_is_both_a_state_and_an_event(extractor, article):
    facts = facts_of(extractor, article,
                     "Congress MLA Meena Kumari quit the party and joined the BJP on Friday.")
    types = {f["type"]: f for f in kinds(facts, "event")}
    assert types["LEAVE"]["actors"] == ["Meena Kumari"]
    assert types["JOIN"]["targets"] == ["BJP"] and types["JOIN"]["date"] == "2024-05-31"
    member = {f["org"]: f["status"] for f in kinds(facts, "membership")}
    assert member == {"Congress": "resigned", "BJP": "joined"}


def test_passive_support_names_the_backers_one_event_each(extractor, article):
    facts = facts_of(extractor, article,
                     "Ravi Teja contested as an Independent from Nalgonda. He received backing "
                     "from the Farmers Welfare Trust and the Kisan Sabha.")
    support = [f for f in kinds(facts, "event") if f["type"] == "SUPPORT"]
    assert sorted(f["actors"][0] for f in support) == ["Farmers Welfare Trust", "Kisan Sabha"]
    assert all(f["targets"] == ["Ravi Teja"] for f in support)


def test_surnames_and_pronouns_stand_for_the_person_named_before(extractor, article):
    facts = facts_of(extractor, article,
                     "Trinamool leader Suchitra Basu filed her nomination for the Jadavpur "
                     "Lok Sabha seat. Basu later met CPI(M) state secretary Anil Dey.")
    meet = [f for f in kinds(facts, "event") if f["type"] == "MEET"]
    assert meet and meet[0]["actors"] == ["Suchitra Basu"] and meet[0]["targets"] == ["Anil Dey"]
    assert kinds(facts, "candidacy")[0]["status"] == "nominated"


def test_party_units_and_seat_sharing(extractor, article):
    facts = facts_of(extractor, article,
                     "Under the seat-sharing deal between the DMK and the Congress, the Karur "
                     "seat was allotted to the Congress. The Karur unit of the DMK opposed the "
                     "decision.")
    events = {f["type"]: f for f in kinds(facts, "event")}
    assert events["ALLOCATE_SEAT"]["targets"] == ["Karur"]
    assert events["ALLOCATE_SEAT"]["party"] == "Congress"
    assert events["OPPOSE"]["actors"] == ["Karur unit of DMK"]


def test_an_undated_article_about_the_india_bloc_is_placed_in_2024(extractor, article):
    facts = facts_of(extractor, article, "The INDIA bloc candidate, Neha Sharma, filed her "
                     "nomination for the Rohtak Lok Sabha seat.", published=None)
    cand = kinds(facts, "candidacy")[0]
    assert cand["election"] == "Lok Sabha 2024"
    assert cand["backed_by"] == ["INDIA bloc"]


def test_assembly_articles_name_the_state_assembly(extractor, article):
    facts = facts_of(extractor, article, "In the Kerala Assembly election, CPI candidate "
                     "Asha Nair won the Punalur seat with 61,200 votes.", "2021-05-03")
    assert kinds(facts, "result")[0]["election"] == "Kerala Assembly 2021"
