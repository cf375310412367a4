"""The event specs (``chunav/extract/data/events.v1.toml``), the ``chunav_triggers`` and
``chunav_syntax`` components, and one test per spec on sentences written for the test in the
way reports are written: datelines, 20-35 words, verbs, nouns and multi-word triggers."""

from __future__ import annotations

from pathlib import Path

import pytest
from extracting import facts_of, kinds

from chunav.extract import specs as spec_files
from chunav.facts import EVENT_TYPES


def events(facts, typ):
    """(actors, targets) of the events of one type."""
    return [(f["actors"], f.get("targets", [])) for f in kinds(facts, "event", typ)]


def one(extractor, article, text, typ, published="2024-06-04"):
    """The events of one type the extractor finds in the text."""
    return events(facts_of(extractor, article, text, published), typ)


# --- the spec file and the components ---------------------------------------------------

def test_every_event_type_has_a_versioned_spec():
    specs = spec_files.bundled()
    assert spec_files.EVENTS_FILE == "events.v1.toml" and specs.version == 1
    assert set(specs.events) == set(EVENT_TYPES)
    assert all(spec.words or spec.phrases for spec in specs.events.values())


def test_the_lexicon_keeps_no_event_triggers():
    from chunav.extract.lexicon import lexicon

    assert "events" not in lexicon() and "seat_lists" not in lexicon()
    assert "modal" not in lexicon()["words"]


def test_a_spec_file_missing_a_type_is_refused():
    text = spec_files.bundled_text().replace("[events.DEMAND]", "[events.DEMANDS]")
    with pytest.raises(ValueError, match="DEMAND"):
        spec_files.parse(text)


def test_triggers_are_spans_with_their_event_type(extractor):
    doc = extractor.nlp("Itanagar, March 30: Pema Khandu was declared elected unopposed from "
                        "Mukto after the Congress nominee withdrew his nomination.")
    spans = {(s.text, s.label_) for s in doc.spans["chunav_triggers"]}
    assert ("declared elected unopposed", "WIN") in spans
    assert ("withdrew", "WITHDRAW") in spans
    forms = {t.text: t.form for t in extractor.triggers.triggers(doc)}
    assert forms["declared elected unopposed"] == "phrase" and forms["withdrew"] == "word"


def test_only_sentences_with_a_trigger_are_parsed(extractor):
    text = ("Ranchi, June 4: Counting began at eight in the morning across the state. Sita "
            "Soren of the JMM won the Dumka seat by over 22,000 votes. Results for the other "
            "seats were expected by the evening.")
    doc = extractor.nlp(text)
    sents = list(doc.sents)
    parsed = doc._.chunav_parses
    assert set(parsed) == {sents[1].start}
    assert not doc.has_annotation("DEP")  # the article itself keeps the sentencizer's bounds


COMPONENTS = ["chunav_sentences", "chunav_triggers", "chunav_syntax"]


@pytest.mark.parametrize("name", COMPONENTS)
def test_each_component_is_a_spacy_factory_added_by_name(name):
    import spacy

    import chunav.extract  # noqa: F401  (registers the components)

    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    assert nlp.pipe_names == [name]


def test_a_blank_pipeline_built_by_name_finds_the_triggers():
    import spacy

    import chunav.extract  # noqa: F401

    nlp = spacy.blank("en")
    for name in ("sentencizer", *COMPONENTS):
        nlp.add_pipe(name)
    doc = nlp("Imphal, Feb 8: Sitting MLA Th. Okram Joy Singh defected to the BJP on Thursday. "
              "He met Chief Minister N. Biren Singh in Imphal later in the day.")
    assert len(list(doc.sents)) == 2  # no break after "Th." nor "N."
    assert {(s.text, s.label_) for s in doc.spans["chunav_triggers"]} >= {
        ("defected to", "JOIN"), ("met", "MEET")}


# --- one test per spec -------------------------------------------------------------------

def test_meet_as_a_verb_a_noun_and_talks_held(extractor, article):
    assert one(extractor, article,
               "Shillong, March 12: Chief Minister Conrad Sangma met Union Home Minister Amit "
               "Shah in New Delhi on Tuesday to discuss the seat arrangement for the two Lok "
               "Sabha constituencies of Meghalaya.", "MEET") == [(["Conrad Sangma"], ["Amit Shah"])]
    assert one(extractor, article,
               "Shillong, March 12: The meeting of Conrad Sangma with Amit Shah and Himanta "
               "Biswa Sarma lasted nearly an hour, party sources said, though neither side "
               "spoke to reporters afterwards.", "MEET") == [
        (["Conrad Sangma"], ["Amit Shah", "Himanta Biswa Sarma"])]
    assert one(extractor, article,
               "Shillong, March 12: Conrad Sangma held talks with Amit Shah in New Delhi on "
               "Tuesday on the seat arrangement for the two Lok Sabha constituencies of "
               "Meghalaya, party sources said.", "MEET") == [(["Conrad Sangma"], ["Amit Shah"])]


def test_support_extended_and_support_received(extractor, article):
    assert one(extractor, article,
               "Patna, April 2: The Lok Janshakti Party on Tuesday extended its support to the "
               "BJP for the Lok Sabha polls, days after its chief met the Prime Minister in "
               "Delhi.", "SUPPORT", "2024-04-02") == [(["Lok Janshakti Party"], ["BJP"])]
    for said in ("received support from", "now enjoys the backing of"):
        text = (f"Patna, April 2: Independent candidate Pappu Yadav, who is contesting from "
                f"Purnea, {said} the CPI(ML), which has a strong cadre in the villages of the "
                f"constituency.")
        facts = facts_of(extractor, article, text, "2024-04-02")
        assert events(facts, "SUPPORT") == [(["CPI(ML)"], ["Pappu Yadav"])], said
        assert kinds(facts, "candidacy")[0]["backed_by"] == ["CPI(ML)"]


def test_oppose_and_ruled_out(extractor, article):
    found = one(extractor, article,
                "Chandigarh, Feb 22: The Aam Aadmi Party on Thursday opposed the proposal to "
                "hold the municipal polls in a single phase, saying it would favour the ruling "
                "party.", "OPPOSE", "2024-02-22")
    assert found == [(["Aam Aadmi Party"],
                      ["proposal to hold the municipal polls in a single phase"])]
    found = one(extractor, article,
                "Chandigarh, Feb 22: The Aam Aadmi Party on Thursday ruled out an alliance with "
                "the Congress in Punjab for the Lok Sabha election, saying it would contest all "
                "seats alone.", "OPPOSE", "2024-02-22")
    assert found and found[0][1][0].startswith("an alliance with the Congress")


def test_resign_as_a_verb_a_noun_and_as_a_role(extractor, article):
    verb = ("Bhopal, March 15: Former minister Rakesh Verma resigned from the Congress on "
            "Friday, a day after the party denied him a ticket from the Sagar seat for the "
            "Assembly polls.")
    noun = ("Bhopal, March 15: The resignation of Rakesh Verma from the Congress came as a "
            "blow to the party in the Bundelkhand region, where it is already struggling to "
            "find candidates.")
    for text in (verb, noun):
        facts = facts_of(extractor, article, text, "2024-03-15")
        assert events(facts, "RESIGN") == [(["Rakesh Verma"], ["Congress"])], text
        assert [(m["org"], m["status"]) for m in kinds(facts, "membership")] == [
            ("Congress", "resigned")]
    facts = facts_of(extractor, article,
                     "Raipur, June 5: Senior Congress leader T.S. Singh Deo on Wednesday "
                     "resigned as an MLA, a day after the results, and said he would work among "
                     "the people of Surguja.", "2024-06-05")
    assert events(facts, "RESIGN") == [(["T.S. Singh Deo"], ["Chhattisgarh Assembly"])]


def test_join_as_a_verb_a_phrase_and_a_noun(extractor, article):
    texts = [
        "Jaipur, March 20: Sitting MLA Girdhari Lal Meena joined the BJP on Wednesday in the "
        "presence of the state party president at the party headquarters in Jaipur.",
        "Jaipur, March 20: Two days later, Girdhari Lal Meena switched over to the BJP along "
        "with hundreds of his supporters, ending a thirty-year association with his old party.",
        "Jaipur, March 20: The induction of Girdhari Lal Meena into the BJP was welcomed by "
        "party workers in Dausa, where he has a strong following among farmers and traders.",
    ]
    for text in texts:
        facts = facts_of(extractor, article, text, "2024-03-20")
        assert events(facts, "JOIN") == [(["Girdhari Lal Meena"], ["BJP"])], text
        assert [(m["org"], m["status"]) for m in kinds(facts, "membership")
                if m["person"] == "Girdhari Lal Meena"] == [("BJP", "joined")], text


def test_no_join_that_is_a_plan_hearsay_or_ruled_out(extractor, article):
    for opening in ("is likely to join", "has ruled out joining", "is said to have joined"):
        text = (f"Jaipur, March 20: Sitting MLA Girdhari Lal Meena {opening} the BJP, "
                f"according to party insiders who spoke on condition of anonymity in Jaipur on "
                f"Wednesday.")
        assert one(extractor, article, text, "JOIN", "2024-03-20") == [], opening


def test_leave_as_a_verb_and_a_noun_but_not_a_job(extractor, article):
    for text in (
            "Chennai, March 20: Senior leader K. Anbalagan quit the DMK on Thursday, accusing "
            "the leadership of ignoring party workers who had campaigned for it for decades.",
            "Chennai, March 20: The exit of K. Anbalagan from the DMK is the third such "
            "departure in a month, and party insiders fear more leaders could follow soon."):
        facts = facts_of(extractor, article, text, "2024-03-20")
        assert events(facts, "LEAVE") == [(["K. Anbalagan"], ["DMK"])], text
        assert kinds(facts, "membership")[0]["status"] == "resigned"
    assert one(extractor, article,
               "Kolkata, June 4: Mahua Moitra, a former banker who quit her job to enter "
               "politics, won the Krishnanagar seat by a margin of 56,705 votes, the Election "
               "Commission said.", "LEAVE") == []


def test_withdraw_as_a_verb_and_a_noun(extractor, article):
    for text in (
            "Itanagar, March 28: Congress candidate Bayam Tado withdrew his nomination from the "
            "Chowkham seat on Thursday, leaving the BJP nominee as the only candidate in the "
            "fray.",
            "Itanagar, March 28: The withdrawal of Congress candidate Bayam Tado from the race "
            "in the Chowkham seat on Thursday left the BJP nominee as the only candidate in the "
            "fray."):
        facts = facts_of(extractor, article, text, "2024-03-28")
        assert events(facts, "WITHDRAW") == [(["Bayam Tado"], ["Chowkham"])], text
        assert kinds(facts, "candidacy")[0]["status"] in ("withdrawn", "nominated")


def test_win_in_phrases_and_as_a_noun(extractor, article):
    texts = [
        "Itanagar, March 30: Chief Minister Pema Khandu was declared elected unopposed from "
        "the Mukto seat on Saturday after the lone Congress nominee withdrew, the returning "
        "officer said.",
        "Itanagar, March 30: Chief Minister Pema Khandu emerged victorious against a first-time "
        "candidate in the Mukto seat, retaining the constituency for the BJP for the third time.",
        "Itanagar, March 30: The victory of Chief Minister Pema Khandu in the Mukto seat came "
        "after the lone Congress nominee withdrew from the contest, the returning officer said.",
    ]
    for text in texts:
        facts = facts_of(extractor, article, text, "2024-03-30")
        assert events(facts, "WIN") == [(["Pema Khandu"], ["Mukto"])], text
        assert kinds(facts, "candidacy")[0]["status"] == "contested"


def test_a_win_named_by_a_noun_needs_its_seat(extractor, article):
    assert one(extractor, article,
               "Kolkata, June 4: The victory of Mahua Moitra came despite a sustained campaign "
               "against her by the BJP, which had fielded a member of the erstwhile royal "
               "family.", "WIN") == []


def test_defeat_as_a_verb_and_a_noun_with_its_agent(extractor, article):
    for text in (
            "Thiruvananthapuram, June 4: Shashi Tharoor defeated Rajeev Chandrasekhar in the "
            "Thiruvananthapuram seat by a margin of 16,077 votes after trailing for most of the "
            "counting day.",
            "Thiruvananthapuram, June 4: The defeat of Rajeev Chandrasekhar by Shashi Tharoor in "
            "the Thiruvananthapuram seat ended the BJP's hopes of opening its account in the "
            "state."):
        facts = facts_of(extractor, article, text)
        assert events(facts, "DEFEAT") == [(["Shashi Tharoor"], ["Rajeev Chandrasekhar"])], text
        assert {c["person"] for c in kinds(facts, "candidacy")} == {
            "Shashi Tharoor", "Rajeev Chandrasekhar"}
    # the loser's own defeat names no one who beat him: no event
    assert one(extractor, article,
               "Thiruvananthapuram, June 4: Rajeev Chandrasekhar's defeat in the "
               "Thiruvananthapuram seat ended the BJP's hopes of opening its account in the "
               "state, workers admitted.", "DEFEAT") == []


def test_congratulate(extractor, article):
    assert one(extractor, article,
               "Lucknow, June 4: Akhilesh Yadav congratulated Awadhesh Prasad on Tuesday evening "
               "after the party candidate won the Faizabad seat, calling the result a message "
               "from Ayodhya.", "CONGRATULATE") == [(["Akhilesh Yadav"], ["Awadhesh Prasad"])]


def test_demand(extractor, article):
    assert one(extractor, article,
               "Leh, Feb 14: The Leh Apex Body and the Kargil Democratic Alliance on Wednesday "
               "demanded statehood for Ladakh and its inclusion in the Sixth Schedule, at a rally "
               "attended by thousands.", "DEMAND", "2024-02-14") == [
        (["Leh Apex Body", "Kargil Democratic Alliance"],
         ["statehood for Ladakh", "its inclusion in the Sixth Schedule"])]


def test_allocate_seat(extractor, article):
    facts = facts_of(extractor, article,
                     "Patna, March 19: Under the seat-sharing agreement between the RJD and the "
                     "Congress, the Katihar seat was allocated to the Congress, party leaders "
                     "told reporters in the state capital on Tuesday.", "2024-03-19")
    deal = kinds(facts, "event", "ALLOCATE_SEAT")
    assert [(d["actors"], d["targets"], d["party"]) for d in deal] == [
        (["RJD", "Congress"], ["Katihar"], "Congress")]


def test_statement_at_a_press_conference_and_in_a_post(extractor, article):
    for text, who in (
            ("Patna, March 19: Addressing a press conference in the state capital on Tuesday, "
             "RJD leader Tejashwi Yadav accused the Centre of neglecting Bihar for ten years.",
             "Tejashwi Yadav"),
            ("Patna, March 19: At a press conference in the state capital on Tuesday, RJD leader "
             "Tejashwi Yadav said the party would fight the polls on the issue of jobs.",
             "Tejashwi Yadav"),
            ("Patna, March 19: Senior RJD leader Manoj Jha posted on social media that the "
             "party would fight the coming Lok Sabha polls with its allies on the issue of jobs.",
             "Manoj Jha")):
        assert one(extractor, article, text, "STATEMENT", "2024-03-19") == [([who], [])], text


# --- syntax where it pays ----------------------------------------------------------------

SYNTAX_CASES = [
    # "X of the JMM won": X, not the JMM
    ("Ranchi, June 4: Sita Soren of the JMM won the Dumka seat by over 22,000 votes, defeating "
     "the BJP candidate in a contest that was watched closely across the state.",
     "WIN", ["Sita Soren"], ["JMM"]),
    # "X, wife of Y, won": X
    ("Kolkata, June 4: Mahua Moitra, wife of businessman Lars Brorson, won the Krishnanagar "
     "seat by a margin of 56,705 votes, the Election Commission said late on Tuesday night.",
     "WIN", ["Mahua Moitra"], ["Lars Brorson"]),
    ("Ranchi, June 4: Kalpana Soren, daughter-in-law of JMM founder Shibu Soren, won the "
     "Gandey seat in the bypoll held along with the Lok Sabha election, officials said.",
     "WIN", ["Kalpana Soren"], ["Shibu Soren"]),
]


@pytest.mark.parametrize(("text", "typ", "parsed", "by_position"), SYNTAX_CASES)
def test_the_parse_finds_the_subject_the_window_misses(extractor, article, text, typ, parsed,
                                                        by_position):
    facts = facts_of(extractor, article, text)
    found = kinds(facts, "event", typ)
    assert [f["actors"] for f in found] == [parsed]
    assert found[0]["confidence"] == 0.9
    with extractor.nlp.select_pipes(disable=["chunav_syntax"]):
        window = kinds(facts_of(extractor, article, text), "event", typ)
    assert [f["actors"] for f in window] == [by_position]
    assert window[0]["confidence"] == 0.7


def test_a_dateline_is_never_the_subject(extractor, article):
    # the parser reads "Kolkata" as the subject and the name as its apposition
    text = ("Kolkata, May 2: Sunita Devi, wife of Ram Prasad, won the Ranaghat seat by a margin "
            "of 12,000 votes on Tuesday, the returning officer said after the counting.")
    found = kinds(facts_of(extractor, article, text, "2024-05-02"), "event", "WIN")
    assert [(f["actors"], f["targets"], f["confidence"]) for f in found] == [
        (["Sunita Devi"], ["Ranaghat"], 0.9)]


@pytest.mark.parametrize("text", [
    "Ranchi, June 4: Sita Soren of the JMM, who won the Dumka seat by over 22,000 votes, "
    "thanked the voters of the constituency at a rally on Wednesday.",
    "Ranchi, June 4: It was Sita Soren of the JMM who won the Dumka seat by over 22,000 votes, "
    "defeating the BJP candidate in a closely watched contest.",
])
def test_who_stands_for_the_person_its_clause_describes(extractor, article, text):
    found = kinds(facts_of(extractor, article, text, "2024-06-04"), "event", "WIN")
    assert [(f["actors"], f["targets"], f["confidence"]) for f in found] == [
        (["Sita Soren"], ["Dumka"], 0.9)]


@pytest.mark.parametrize("text", [
    "Ranchi, March 19: Sita Soren of the JMM quit the party on Tuesday and joined the BJP at its "
    "headquarters in New Delhi, days before the Lok Sabha polls.",
    "Ranchi, March 19: Sita Soren of the JMM, who had felt sidelined for months, resigned from "
    "the party and joined the BJP on Tuesday in New Delhi.",
])
def test_a_second_verb_shares_the_subject_of_the_first(extractor, article, text):
    found = kinds(facts_of(extractor, article, text, "2024-03-19"), "event", "JOIN")
    assert [(f["actors"], f["targets"], f["confidence"]) for f in found] == [
        (["Sita Soren"], ["BJP"], 0.9)]


@pytest.mark.parametrize(("text", "winner", "seat"), [
    # datelines the model reads as a person's name, and the parser as the subject
    ("Sunder Nagar, Dec 8: Rakesh Jamwal, the BJP candidate, won the Sundernagar seat by 8,125 "
     "votes on Thursday, officials said after the counting.", "Rakesh Jamwal", "Sundernagar"),
    ("Lakhimpur Kheri, March 10: Yogesh Verma, the BJP candidate, won the Lakhimpur seat by "
     "20,000 votes on Thursday, officials said after the counting.", "Yogesh Verma",
     "Lakhimpur"),
])
def test_a_dateline_read_as_a_name_is_never_the_subject(extractor, article, text, winner,
                                                        seat):
    facts = facts_of(extractor, article, text, "2022-12-08")
    assert [(f["actors"], f["targets"]) for f in kinds(facts, "event", "WIN")] == [
        ([winner], [seat])]
    assert [f["person"] for f in kinds(facts, "candidacy")] == [winner]


# --- a trigger removed from the spec file is an event lost -------------------------------

@pytest.fixture(scope="module")
def without_victory(tmp_path_factory):
    """An extractor whose spec file lacks the WIN nouns line."""
    from chunav.extract import Extractor

    text = spec_files.bundled_text()
    line = 'nouns = ["victory", "triumph"]\n'
    assert line in text
    path: Path = tmp_path_factory.mktemp("specs") / "events.v1.toml"
    path.write_text(text.replace(line, ""), encoding="utf-8")
    return Extractor(events=str(path))


def test_removing_a_trigger_line_loses_its_event(extractor, without_victory, article):
    text = ("Itanagar, March 30: The victory of Chief Minister Pema Khandu in the Mukto seat "
            "came after the lone Congress nominee withdrew from the contest, officials said.")
    assert events(facts_of(extractor, article, text, "2024-03-30"), "WIN") == [
        (["Pema Khandu"], ["Mukto"])]
    assert events(facts_of(without_victory, article, text, "2024-03-30"), "WIN") == []


def test_an_expulsion_is_a_membership_state_the_spec_names(extractor, article):
    assert spec_files.bundled().expelled["status"] == "expelled"
    for verb in ("on Thursday expelled", "expels"):
        text = (f"Bhopal, Nov 15: The BJP {verb} former minister Ramesh Kushwaha for six years "
                f"for contesting the Assembly polls as a rebel against the official party "
                f"candidate.")
        facts = facts_of(extractor, article, text, "2018-11-15")
        assert [(m["person"], m["org"], m["status"]) for m in kinds(facts, "membership")] == [
            ("Ramesh Kushwaha", "BJP", "expelled")], verb


# --- each trigger, check and relation of the spec file pinned by a sentence --------------

@pytest.mark.parametrize("text", [
    "Imphal, Feb 8: Sitting MLA Okram Joy Singh defected to the BJP on Thursday along with "
    "two other Congress legislators, weeks before the Assembly elections in the state.",
    "Imphal, Feb 8: Three weeks after being denied a ticket, former minister Okram Joy Singh "
    "defected to the BJP, saying the Congress had ignored the hill districts.",
])
def test_defected_to_is_a_join(extractor, article, text):
    facts = facts_of(extractor, article, text, "2022-02-08")
    assert events(facts, "JOIN") == [(["Okram Joy Singh"], ["BJP"])]
    assert ("Okram Joy Singh", "BJP", "joined") in {
        (m["person"], m["org"], m["status"]) for m in kinds(facts, "membership")}


@pytest.mark.parametrize("text", [
    "Patna, Jan 28: The walkout of the JD(U) from the Mahagathbandhan on Sunday sent the RJD "
    "scrambling for numbers in the Assembly, party leaders admitted in private.",
    "Patna, Jan 28: The sudden walkout of the JD(U) from the Mahagathbandhan came as a blow "
    "to the RJD, which had counted on its ally in the Lok Sabha polls.",
])
def test_a_walkout_from_an_alliance_is_leaving_it(extractor, article, text):
    assert ([(["JD(U)"], ["Mahagathbandhan"])]
            == [e for e in one(extractor, article, text, "LEAVE", "2024-01-28")
                if e[0] == ["JD(U)"]])


@pytest.mark.parametrize(("text", "winner", "seat"), [
    ("Raipur, Dec 3: BJP candidate Kiran Singh Deo wrested the Jagdalpur seat from the "
     "Congress by a margin of 29,834 votes, results declared on Sunday showed.",
     "Kiran Singh Deo", "Jagdalpur"),
    ("Raipur, Dec 3: In a close count, the BJP's Rajesh Agrawal wrested the Ambikapur seat "
     "from Deputy Chief Minister T.S. Singh Deo by a slender margin of 94 votes.",
     "Rajesh Agrawal", "Ambikapur"),
])
def test_wrested_is_a_win(extractor, article, text, winner, seat):
    facts = facts_of(extractor, article, text, "2023-12-03")
    assert events(facts, "WIN") == [([winner], [seat])]
    assert kinds(facts, "candidacy")[0]["status"] == "contested"


@pytest.mark.parametrize(("text", "pair"), [
    ("Thiruvananthapuram, June 4: Shashi Tharoor trounced Rajeev Chandrasekhar in the "
     "Thiruvananthapuram seat by a margin of 16,077 votes after trailing for most of the day.",
     (["Shashi Tharoor"], ["Rajeev Chandrasekhar"])),
    ("Lucknow, March 10: In Karhal, SP chief Akhilesh Yadav trounced Union minister S.P. Singh "
     "Baghel by over 67,000 votes, the Election Commission said on Thursday.",
     (["Akhilesh Yadav"], ["S.P. Singh Baghel"])),
])
def test_trounced_is_a_defeat(extractor, article, text, pair):
    assert one(extractor, article, text, "DEFEAT", "2022-03-10") == [pair]


@pytest.mark.parametrize("noun", ["induction", "entry"])
def test_a_likely_joining_is_no_join(extractor, article, noun):
    text = (f"Jaipur, March 20: The likely {noun} of Girdhari Lal Meena into the BJP on Friday "
            f"has upset party workers in Dausa, who say he campaigned against them for years.")
    assert one(extractor, article, text, "JOIN", "2024-03-20") == []
    # without "likely" it is one
    assert one(extractor, article, text.replace("likely ", ""), "JOIN", "2024-03-20") == [
        (["Girdhari Lal Meena"], ["BJP"])]


@pytest.mark.parametrize("text", [
    "Jaipur, March 20: Congress MLA Girdhari Lal Meena joined the protest by BJP workers outside "
    "the collectorate in Dausa on Wednesday, demanding water for farmers.",
    "Jaipur, March 20: Girdhari Lal Meena, a sitting Congress MLA, joined the protest called by "
    "the BJP against power cuts in Dausa district on Wednesday.",
])
def test_joining_a_protest_is_no_join(extractor, article, text):
    assert one(extractor, article, text, "JOIN", "2024-03-20") == []


@pytest.mark.parametrize("text", [
    "Agartala, March 2: Independent candidate Rakhal Das won 11,077 votes in the Badharghat "
    "seat, finishing a distant third behind the BJP and CPI(M) nominees.",
    "Agartala, March 2: Tipra Motha nominee Rakhal Das won 9,412 votes from the Badharghat "
    "seat, far behind the winner, according to the Election Commission.",
])
def test_won_a_number_of_votes_is_a_count_not_a_win(extractor, article, text):
    assert one(extractor, article, text, "WIN", "2023-03-02") == []


@pytest.mark.parametrize(("text", "published"), [
    ("Shillong, March 2: The NPP won a majority in the Assembly polls for the first time, "
     "results declared on Thursday showed, with the Congress reduced to five seats.",
     "2023-03-02"),
    ("Aizawl, Dec 4: The ZPM won a clear majority in the Assembly election, ending the MNF's "
     "rule in the state, results declared on Monday showed.", "2023-12-04"),
])
def test_winning_a_majority_is_no_win_of_a_seat(extractor, article, text, published):
    assert one(extractor, article, text, "WIN", published) == []


@pytest.mark.parametrize(("text", "winner"), [
    ("Ranchi, June 4: Kalpana Soren, daughter-in-law of JMM founder Shibu Soren, was elected "
     "from the Gandey seat in the bypoll held along with the Lok Sabha polls.", "Kalpana Soren"),
    ("Kolkata, June 4: Mahua Moitra, wife of businessman Lars Brorson, was elected from the "
     "Krishnanagar seat by a margin of 56,705 votes, officials said.", "Mahua Moitra"),
])
def test_the_passive_subject_of_was_elected_is_the_winner(extractor, article, text, winner):
    found = kinds(facts_of(extractor, article, text, "2024-06-04"), "event", "WIN")
    assert [(f["actors"], f["confidence"]) for f in found] == [([winner], 0.9)]


@pytest.mark.parametrize(("text", "pair"), [
    ("Thiruvananthapuram, June 4: Rajeev Chandrasekhar, the Union minister, was defeated by "
     "Shashi Tharoor in the Thiruvananthapuram seat by a margin of 16,077 votes.",
     (["Shashi Tharoor"], ["Rajeev Chandrasekhar"])),
    ("Lucknow, March 10: Union minister S.P. Singh Baghel of the BJP was trounced by Akhilesh "
     "Yadav in Karhal by over 67,000 votes, the Election Commission said.",
     (["Akhilesh Yadav"], ["S.P. Singh Baghel"])),
])
def test_the_agent_of_a_passive_defeat_is_read_from_the_parse(extractor, article, text, pair):
    found = kinds(facts_of(extractor, article, text, "2022-03-10"), "event", "DEFEAT")
    assert [(f["actors"], f["targets"], f["confidence"]) for f in found] == [(*pair, 0.9)]


@pytest.mark.parametrize("text", [
    "Patna, April 2: Independent candidate Pappu Yadav, contesting from Purnea with the open "
    "backing of the CPI(ML), drew large crowds at his rallies on Tuesday.",
    "Patna, April 2: Independent candidate Pappu Yadav, who has the backing of the CPI(ML) in "
    "Purnea, drew large crowds at his rallies across the constituency on Tuesday.",
])
def test_the_backing_of_x_names_the_backer(extractor, article, text):
    assert one(extractor, article, text, "SUPPORT", "2024-04-02") == [
        (["CPI(ML)"], ["Pappu Yadav"])]


@pytest.mark.parametrize("text", [
    "Shillong, March 12: Conrad Sangma met Union Home Minister Amit Shah on Monday. On "
    "Wednesday he met Assam Chief Minister Himanta Biswa Sarma in Guwahati.",
    "Shillong, March 12: Chief Minister Conrad Sangma met Amit Shah in New Delhi on Monday "
    "and Himanta Biswa Sarma in Guwahati on Wednesday to discuss seat sharing.",
    "Shillong, March 12: Chief Minister Conrad Sangma met Amit Shah in New Delhi on Monday, "
    "and Himanta Biswa Sarma in Guwahati on Wednesday, to discuss seat sharing.",
])
def test_meeting_two_people_at_two_times_is_two_meetings(extractor, article, text):
    found = kinds(facts_of(extractor, article, text, "2024-03-12"), "event", "MEET")
    assert sorted((f["actors"], f["targets"]) for f in found) == [
        (["Conrad Sangma"], ["Amit Shah"]), (["Conrad Sangma"], ["Himanta Biswa Sarma"])]
    assert len({f["date"] for f in found}) == 2  # each meeting on its own day


def test_meeting_two_people_together_is_one_meeting(extractor, article):
    assert one(extractor, article,
               "Shillong, March 12: Conrad Sangma met Amit Shah and Himanta Biswa Sarma in New "
               "Delhi on Monday to discuss seat sharing for the two Lok Sabha seats of the state.",
               "MEET", "2024-03-12") == [(["Conrad Sangma"], ["Amit Shah", "Himanta Biswa Sarma"])]
