"""Precedents: earlier contests with the same pattern, ranked, with missing years said."""

from __future__ import annotations

import json

import pytest

from chunav import import_results
from chunav.analyse.precedents import precedents
from chunav.build import link_people
from chunav.cli import cli
from chunav.errors import NotFound


def test_precedents_rank_the_same_seat_first_then_the_state_then_elsewhere(rebels_built):
    with rebels_built.connect() as conn:
        found = precedents(conn, "Tulail", "Lok Sabha 2024")
    mine = found["contest"]
    assert mine["winner"] == "MOHD YASEEN WANI" and mine["beaten"] == "TSEWANG NORBU"
    assert len(mine["features"]) == 4  # independent, rebel, alliance's candidate, partners
    order = [(p["scope"], p["election"], p["constituency"], p["closeness"])
             for p in found["precedents"]]
    assert order == [("same seat", "Lok Sabha 2009", "Tulail", 4),
                     ("same seat", "Lok Sabha 2004", "Tulail", 1),  # before a closer one
                     ("same state", "Lok Sabha 2009", "Machil", 4),
                     ("elsewhere", "Lok Sabha 2009", "Kaza", 1)]
    first = found["precedents"][0]
    assert first["tie"]["basis"] == "ballot" and first["tie"]["election"] == "Lok Sabha 2004"
    assert first["winner_evidence"][0]["line"] == 7 and first["beaten_evidence"][0]["line"] == 8
    assert any(e["locator"] == "UPA Lok Sabha 2009 / partners / Indian National Congress"
               for e in first["alliance_evidence"])


def test_a_year_the_seats_data_is_missing_is_reported_not_guessed(store, data):
    import_results(store, data / "rebels" / "results.csv")
    link_people(store)
    with store.connect() as conn:
        found = precedents(conn, "Tulail", "Lok Sabha 2024")
    # 2014: Machil is stored but Tulail is not; 2019: nothing of the state is (not reported)
    assert [m["election"] for m in found["missing"]] == ["Lok Sabha 2014"]
    assert "this seat's data is missing" in found["missing"][0]["note"]
    assert found["contest"]["features"] == ["an independent won"]  # no news: no rebel known


def test_cli_precedents_as_table_csv_and_json(runner, data):
    assert runner.invoke(cli, ["import-results", str(data / "rebels" / "results.csv")]
                         ).exit_code == 0
    assert runner.invoke(cli, ["resolve"]).exit_code == 0
    args = ["precedents", "tulail", "--election", "Lok Sabha 2024"]
    table = runner.invoke(cli, args)
    assert table.exit_code == 0, table.output
    assert "same seat" in table.output and "Missing: no contest of Tulail" in table.output
    csv = runner.invoke(cli, [*args, "--format", "csv", "--limit", "2"]).output.splitlines()
    assert csv[0].startswith("scope,election,constituency,state,winner")
    assert len(csv) == 3 and csv[1].startswith("same seat,Lok Sabha 2009,Tulail")
    out = json.loads(runner.invoke(cli, [*args, "--json"]).output)
    assert out["contest"]["constituency"] == "Tulail" and out["missing"]
    assert all(p["winner_evidence"] for p in out["precedents"])


def test_precedents_of_an_unknown_seat(store, data):
    import_results(store, data / "rebels" / "results.csv")
    link_people(store)
    with store.connect() as conn, pytest.raises(NotFound) as err:
        precedents(conn, "Nowhere", "Lok Sabha 2024")
    assert err.value.code == "E401"
