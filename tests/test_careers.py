"""Turncoats, incumbents and recontests (analyse/careers.py) from our own person matching, on
results files we wrote: tests/data/careers/lok_sabha.csv (2014, 2019, 2024) and
lok_sabha_bypoll.csv (a 2021 by-election between two general elections)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from chunav.analyse.careers import Stand, career_list, careers
from chunav.build import import_results, link_people
from chunav.cli import cli

FILES = ("lok_sabha.csv", "lok_sabha_bypoll.csv")


def stand(id, person, year, party, state="Maharashtra", won=False, bye=False):  # noqa: A002
    return Stand(id=id, person=person, name=f"P{person}", election=f"Lok Sabha {year}",
                 year=year, bye=bye, house="Lok Sabha", state=state, constituency="X",
                 party=party, label=party or "IND", won=won)


GENERAL = [("Lok Sabha", "Maharashtra", y) for y in (2009, 2014, 2019, 2024)]


def test_a_party_change_is_a_turncoat_unless_lineage_explains_it():
    found = careers([stand(1, 1, 2014, "INC"), stand(2, 1, 2019, "BJP"),
                     stand(3, 2, 2019, "SHS"), stand(4, 2, 2024, "SS(UBT)"),
                     stand(5, 3, 2019, "TRS"), stand(6, 3, 2024, "BRS")], GENERAL)
    assert found[2].turncoat and found[2].previous.id == 1 and found[2].lineage == ()
    assert not found[4].turncoat and found[4].changed
    assert [x.kind for x in found[4].lineage] == ["split"]
    assert not found[6].turncoat and [x.kind for x in found[6].lineage] == ["rename"]
    assert "was TRS in Lok Sabha 2019: The Telangana Rashtra Samithi" in found[6].reason


def test_an_abbreviation_and_a_full_name_nobody_pairs_are_an_unsure_turncoat():
    found = careers([stand(1, 1, 2019, "GRNM"), stand(2, 1, 2024, "Gramin Nyay Morcha"),
                     stand(3, 2, 2019, "INC"), stand(4, 2, 2024, "BJP"),
                     stand(5, 3, 2019, "GRNM"), stand(6, 3, 2024, "RJBP"),
                     # parties.v3.json pairs these two: one party, no change
                     stand(7, 4, 2019, "BARESP"),
                     stand(8, 4, 2024, "Bahujan Republican Socialist Party")], GENERAL)
    assert found[2].turncoat and found[2].unsure and "perhaps one party" in found[2].reason
    assert found[4].turncoat and not found[4].unsure  # both known parties
    assert found[6].turncoat and not found[6].unsure  # two abbreviations: two parties
    assert not found[8].turncoat and not found[8].changed


def test_standing_alone_is_not_a_change_of_party():
    found = careers([stand(1, 1, 2014, None), stand(2, 1, 2019, "INC"),
                     stand(3, 1, 2024, None)], GENERAL)
    assert not any(c.turncoat or c.changed for c in found.values())


def test_recontest_and_incumbent_count_only_the_previous_term():
    found = careers([stand(1, 1, 2009, "INC", won=True), stand(2, 1, 2019, "INC"),
                     stand(3, 2, 2014, "BJP", won=True), stand(4, 2, 2016, "BJP", bye=True),
                     stand(5, 2, 2019, "BJP")], GENERAL)
    assert found[2].previous.id == 1  # the previous contest, ten years before ...
    assert found[2].recontest is False and found[2].incumbent is False  # ... is not a recontest
    assert found[1].recontest is None  # nothing earlier in the data
    assert found[5].previous.id == 4 and found[5].recontest and found[5].incumbent


def test_a_carved_out_state_counts_its_parents_elections():
    general = [("Lok Sabha", "Andhra Pradesh", 2009), ("Lok Sabha", "Telangana", 2014)]
    found = careers([stand(1, 1, 2009, "TRS", state="Andhra Pradesh", won=True),
                     stand(2, 1, 2014, "TRS", state="Telangana")], general)
    assert found[2].recontest and found[2].incumbent


@pytest.fixture
def filled(store, data):
    for name in FILES:
        assert import_results(store, data / "careers" / name).ok
    link_people(store)
    return store


def by_name(rows):
    return {(r["candidate"], r["election"]): r for r in rows}


def test_turncoats_from_the_store_with_both_results_lines(filled, data):
    with filled.connect() as conn:
        rows = by_name(career_list(conn, "Lok Sabha 2019", show="turncoats"))
    assert list(rows) == [("Vishwanath Rao Deshmukh", "Lok Sabha 2019")]
    row = rows[("Vishwanath Rao Deshmukh", "Lok Sabha 2019")]
    assert (row["party"], row["previous_party"], row["previous_election"]) == (
        "BJP", "INC", "Lok Sabha 2014")
    assert row["recontest"] and not row["incumbent"] and row["turncoat"]
    assert row["evidence"]["candidacy"][0]["line"] == 8  # lok_sabha.csv, header is line 1
    assert row["evidence"]["previous"][0]["line"] == 2
    assert row["source"].endswith("lok_sabha.csv, line 8")


def test_a_faction_and_a_rename_are_not_turncoats_but_listed_with_their_lineage(filled):
    with filled.connect() as conn:
        turncoats = by_name(career_list(conn, "Lok Sabha 2024"))
        lineage = by_name(career_list(conn, "Lok Sabha 2024", show="lineage"))
    assert set(turncoats) == {("Gulabrao Narayan Pawar", "Lok Sabha 2024"),  # INC > NCP(SP)
                              ("Harish Chandra Patil", "Lok Sabha 2024")}  # BJP > INC
    assert set(lineage) == {("Anandrao Tukaram Jadhav", "Lok Sabha 2024"),
                            ("Kalvakuntla Srinivas Goud", "Lok Sabha 2024")}
    goud = lineage[("Kalvakuntla Srinivas Goud", "Lok Sabha 2024")]
    assert [x["kind"] for x in goud["lineage"]] == ["rename"] and goud["incumbent"]
    jadhav = lineage[("Anandrao Tukaram Jadhav", "Lok Sabha 2024")]
    assert jadhav["lineage"][0]["to"] == "SS(UBT)" and "Shinde" in jadhav["reason"]


def test_incumbents_and_recontests_from_the_store(filled):
    with filled.connect() as conn:
        incumbents = by_name(career_list(conn, "Lok Sabha 2024", "Maharashtra", "incumbents"))
        recontests = by_name(career_list(conn, "Lok Sabha 2024", show="recontests"))
    assert set(incumbents) == {(n, "Lok Sabha 2024") for n in (
        "Anandrao Tukaram Jadhav", "Vishwanath Rao Deshmukh",
        "Ramesh Keshav Kulkarni")}  # he won the 2021 by-election
    assert ("Harish Chandra Patil", "Lok Sabha 2024") not in recontests  # sat out 2019
    assert ("Meera Kumari Solanki", "Lok Sabha 2024") in recontests


def run(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_cli_turncoats_table_csv_and_json(runner, data):
    for name in FILES:
        assert run(runner, "import-results", str(data / "careers" / name)).exit_code == 0
    assert run(runner, "resolve").exit_code == 0
    out = run(runner, "turncoats", "--election", "Lok Sabha 2019")
    assert out.exit_code == 0 and "Vishwanath Rao Deshmukh" in out.output
    assert "INC, 2014, Sonpur" in out.output
    out = run(runner, "turncoats", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert {r["Candidate"] for r in rows} == {"Vishwanath Rao Deshmukh", "Gulabrao Narayan Pawar",
                                               "Harish Chandra Patil"}
    assert all(r["Turncoat"] == "True" and "lok_sabha.csv, line" in r["Source"] for r in rows)
    body = json.loads(run(runner, "turncoats", "--lineage", "--json").output)
    assert body["ok"] and {r["party"] for r in body["candidacies"]} == {"SS(UBT)", "BRS"}
    assert all(r["evidence"]["previous"][0]["kind"] == "results" for r in body["candidacies"])
    out = run(runner, "careers", "--election", "Lok Sabha 2024", "--show", "incumbents")
    assert out.exit_code == 0 and "recontest, incumbent" in out.output
    out = run(runner, "turncoats", "--election", "Lok Sabha 1977", "--json")
    assert out.exit_code == 1 and json.loads(out.output)["status"] == 404
