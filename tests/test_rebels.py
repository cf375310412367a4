"""Rebels: a party's member who stood against its (or its alliance's) candidate, with the
evidence of each part; and the alliances data file they rest on."""

from __future__ import annotations

import json

import pytest

from chunav import import_results
from chunav.analyse.rebels import rebels
from chunav.build import link_people
from chunav.cli import cli
from chunav.errors import NotFound
from chunav.knowledge.gazetteer import index
from chunav.knowledge.parties import lookup_party
from chunav.model import ElectionName
from chunav.resolve.alliances import DATA_FILE, alliance_name, alliance_terms, terms_for


def _by_name(found: list[dict]) -> dict[str, dict]:
    return {r["candidate"]: r for r in found}


def test_a_news_rebel_comes_with_his_membership_and_the_alliances_candidate(rebels_built):
    with rebels_built.connect() as conn:
        found = _by_name(rebels(conn, "Lok Sabha 2024"))
    wani = found["MOHD YASEEN WANI"]
    assert wani["constituency"] == "Tulail" and wani["won"] and wani["party"] == "Independent"
    assert wani["evidence"][0]["line"] == 16  # his line in results.csv
    tie = wani["tie"]
    assert (tie["party"], tie["basis"]) == ("Jammu & Kashmir National Conference", "news")
    assert "Rebel National Conference leader Mohammad Yaseen Wani" in tie["evidence"][0][
        "sentence"]
    assert tie["evidence"][0]["source"].endswith("tulail-2024.txt")
    (norbu,) = wani["against"]
    assert (norbu["candidate"], norbu["party"]) == ("TSEWANG NORBU", "Indian National Congress")
    assert norbu["alliances"] == ["Indian National Developmental Inclusive Alliance"]
    assert norbu["evidence"][0]["line"] == 17
    locators = {e["locator"] for e in norbu["alliance_evidence"] if e["source"] == DATA_FILE}
    assert "INDIA Lok Sabha 2024 / partners / Jammu & Kashmir National Conference" in locators
    news = [e for e in norbu["seat_evidence"] if e.get("kind") == "article"]
    assert news and all(e["fact"] == "candidacy" for e in news)
    assert any("the candidate of the INDIA bloc" in e["sentence"] for e in news)


def test_an_allied_partys_candidate_is_not_a_rebel(rebels_built):
    """Lone is a National Conference leader who stood on the Congress's ticket: the two
    parties were INDIA partners in Jammu & Kashmir, so it is no rebellion."""
    from sqlalchemy import select

    from chunav.store import schema as s

    with rebels_built.connect() as conn:
        members = conn.execute(select(s.person.c.name).join(
            s.membership, s.membership.c.person_id == s.person.c.id)).scalars().all()
        found = _by_name(rebels(conn, "Lok Sabha 2024"))
    assert any("LONE" in name.upper() for name in members)  # the tie is stored ...
    assert "BASHIR AHMAD LONE" not in found  # ... and still no rebel
    assert set(found) == {"MOHD YASEEN WANI"}


def test_a_ballot_rebel_stood_for_the_party_at_the_previous_election(store, data):
    import_results(store, data / "rebels" / "results.csv")
    link_people(store)
    with store.connect() as conn:
        found = _by_name(rebels(conn, "Lok Sabha 2009"))
        earlier = rebels(conn, "Lok Sabha 2004")
    mir = found["GULAM RASOOL MIR"]
    assert mir["tie"]["basis"] == "ballot" and mir["tie"]["election"] == "Lok Sabha 2004"
    assert mir["tie"]["party"] == "Jammu & Kashmir National Conference"
    assert mir["tie"]["evidence"][0]["line"] == 3  # his 2004 line, for the NC
    (dorjay,) = mir["against"]
    assert dorjay["candidate"] == "SONAM DORJAY"
    assert dorjay["basis"] == ["the only United Progressive Alliance partner on the ballot"]
    assert {e["locator"] for e in dorjay["alliance_evidence"]} == {
        "UPA Lok Sabha 2009 / partners / Jammu & Kashmir National Conference",
        "UPA Lok Sabha 2009 / partners / Indian National Congress"}
    assert "DORJE TSERING" not in found  # an independent with no earlier ticket
    assert earlier == []  # 2004 has no election before it in the store


def test_cli_rebels_as_table_csv_and_json(runner, data):
    assert runner.invoke(cli, ["import-results", str(data / "rebels" / "results.csv")]
                         ).exit_code == 0
    assert runner.invoke(cli, ["resolve"]).exit_code == 0
    table = runner.invoke(cli, ["rebels", "--election", "Lok Sabha 2009"])
    assert table.exit_code == 0, table.output
    assert "GULAM RASOOL MIR" in table.output and "JKNC (stood for it in Lok Sabha 2004)" in \
        table.output
    csv = runner.invoke(cli, ["rebels", "--election", "Lok Sabha 2009", "--format", "csv"])
    lines = csv.output.splitlines()
    assert lines[0].startswith("election,constituency,state,candidate,party,votes")
    assert any(line.startswith("Lok Sabha 2009,Machil,Jammu & Kashmir,MOHD SHAFI KHAN")
               for line in lines[1:])
    out = json.loads(runner.invoke(cli, ["rebels", "--json"]).output)
    assert out["ok"] and {r["election"] for r in out["rebels"]} == {"Lok Sabha 2009"}
    assert all(r["tie"]["evidence"] and r["against"][0]["evidence"] for r in out["rebels"])


def test_cli_rebels_for_an_unknown_election(runner):
    result = runner.invoke(cli, ["rebels", "--election", "Lok Sabha 1951"])
    assert result.exit_code == 1 and "E420" in result.output


def test_rebels_raise_not_found_for_an_unknown_election(store):
    with store.connect() as conn, pytest.raises(NotFound):
        rebels(conn, "Kerala Assembly 1957")


def test_the_alliances_file_loads_and_names_parties_and_states_chunav_resolves():
    terms = alliance_terms()
    assert len(terms) >= 15
    states = index("state")
    for term in terms:
        assert ElectionName.parse(term.election).name == term.election
        assert term.source.startswith("https://")
        for partner in term.partners:
            assert lookup_party(partner.party) is not None, (term.locator(), partner.party)
            assert lookup_party(partner.party).name == partner.party  # the canonical name
            for state in partner.states:
                assert state in states or state.casefold() in {
                    e.name.casefold() for e in states.values()}, state
        for seat in term.seats:
            assert term.partner(seat.party, seat.state) is not None, term.locator(
                seat.constituency)
        locators = [term.locator(x.constituency) for x in term.seats]
        assert len(locators) == len(set(locators))


def test_a_partner_is_allied_only_where_it_shared_seats():
    (india,) = [t for t in terms_for("Lok Sabha 2024") if t.abbreviation == "INDIA"]
    assert india.partner("CPI(M)", "Tamil Nadu") is not None
    assert india.partner("CPI(M)", "Kerala") is None  # the Left fought the Congress there
    assert india.partner("National Conference", "Ladakh") is not None
    assert india.partner("INC", "Kerala") is not None  # no states: allied everywhere
    assert india.seat({"ladakh"}, "Ladakh").party == "Indian National Congress"
    assert alliance_name("INDIA bloc") == alliance_name("UPA-II".replace("UPA-II", "INDIA"))
    assert alliance_name("UPA-II") == "United Progressive Alliance"
    assert alliance_name("NC-Congress alliance") == "NC-Congress alliance"


def test_standing_for_the_faction_his_party_split_into_is_not_rebellion():
    """A Shiv Sena man on the Shiv Sena (UBT) ticket after the 2022 split, against the Shiv
    Sena's candidate, stayed with a faction (lineage.v1.json); a BJP man on that ticket, against
    the candidate of the BJP's alliance, is a rebel."""
    from chunav.analyse.alliances import AllianceBook, Candidate, Contest
    from chunav.analyse.rebels import contest_rebel

    election = {"id": 1, "name": "Maharashtra Assembly 2024", "year": 2024}
    ubt = Candidate(1, 10, "SURESH PATIL", "Shiv Sena (Uddhav Balasaheb Thackeray)", "party",
                    63324, None, 1, True)
    shinde = Candidate(2, 11, "RAMESH JADHAV", "Shiv Sena", "party", 54523, None, 2)
    contest = Contest(1, election, 1, "Worli", "Maharashtra", {"worli"}, [ubt, shinde])
    book = AllianceBook(election, [], [])
    tie = {"party": "Shiv Sena", "basis": "news", "status": "member", "election": None}
    assert contest_rebel(book, contest, ubt, [tie], {}) is None
    found = contest_rebel(book, contest, ubt, [dict(tie, party="Bharatiya Janata Party")], {})
    assert found and [x["candidate"] for x in found["against"]] == ["RAMESH JADHAV"]


def test_an_alliances_parties_over_time_and_as_of_a_date(store):
    from datetime import date

    from chunav.analyse.alliances import alliance_partners

    with store.connect() as conn:
        now = alliance_partners(conn, "INDIA bloc")
        before = alliance_partners(conn, "INDIA", date(2020, 1, 1))
        nda = alliance_partners(conn, "NDA", date(2021, 6, 1))
        assert alliance_partners(conn, "Grand Old Front") is None
    congress = [p for p in now["partners"] if p["party"] == "Indian National Congress"]
    assert congress and congress[0]["evidence"][0]["locator"].startswith("INDIA Lok Sabha 2024")
    assert before["partners"] == []  # the bloc was formed in 2023
    assert {p["election"] for p in nda["partners"]} <= {"Lok Sabha 2019",
                                                        "Maharashtra Assembly 2019"}
    assert any(p["party"] == "Shiv Sena" for p in nda["partners"])  # before the 2022 split
