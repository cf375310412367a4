"""Extraction on reporting as it is really written: long sentences, lists, references back,
facts spread over two sentences. Every sentence here is written for the test."""

from __future__ import annotations

from chunav.extract.mentions import Mentions


def facts_of(extractor, article, text, published="2024-06-05"):
    return extractor.extract(article(text, published)).to_json()


def kinds(facts, kind, typ=None):
    return [f for f in facts if f["kind"] == kind and (typ is None or f.get("type") == typ)]


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
