"""Several official sources for one election make one consistent world (issue 6)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from chunav import import_results
from chunav.analyse.results import contest_result
from chunav.store import queries as q
from chunav.store import schema as s

SOURCES = ("eci_report_2014.csv", "datameet_2014.csv")


def _import(store, data, order):
    for name in order:
        report = import_results(store, data / "sources" / name, election="Lok Sabha 2014")
        assert report.ok, report.errors


def _count(conn, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar()


@pytest.mark.parametrize("order", [SOURCES, SOURCES[::-1]])
def test_two_sources_one_contest_per_seat_one_candidacy_per_candidate(store, data, order):
    _import(store, data, order)
    with store.connect() as conn:
        # a seat name cut short by a PDF extraction is the same seat
        assert _count(conn, s.constituency) == 2 and _count(conn, s.contest) == 2
        # "AIUDF" and its full name, "ANITA"/"ANITHA", NOTA and "None of the Above": one each
        assert _count(conn, s.candidacy) == 7
        dhubri = contest_result(conn, q.find_contests(conn, "Dhubri")[0])
        tonk = contest_result(conn, q.find_contests(conn, "Tonk-Sawai Madhopur")[0])
        aliases = conn.execute(select(s.constituency_alias.c.name)).scalars().all()
    assert dhubri.winner.candidate == "BADRUDDIN AJMAL"
    assert dhubri.margin == 592569 - 362839
    assert dhubri.turnout_pct < 100
    assert [line.disputed for line in dhubri.lines] == [False] * 4
    # the two sources give Azharuddin different counts: kept side by side, the rest agree
    assert [line.candidate for line in tonk.lines if line.disputed] == ["MOHAMMAD AZHARUDDIN"]
    assert len(aliases) == 1


def test_agreeing_counts_are_one_fact_with_two_evidence_rows(store, data):
    _import(store, data, SOURCES)
    with store.connect() as conn:
        results = _count(conn, s.result)
        evidence = conn.execute(select(func.count()).select_from(s.evidence)
                                .where(s.evidence.c.fact_type == "result")).scalar()
    assert results == 8  # 7 candidates, one of them counted two ways
    assert evidence == 14


def test_conflicts_list_only_real_differences(store, data):
    from chunav.analyse.conflicts import conflicts

    _import(store, data, SOURCES)
    with store.connect() as conn:
        found = conflicts(conn)
    assert found["explained"] == found["unchecked"] == []
    [c] = found["disputed"]
    assert c.subject == "MOHAMMAD AZHARUDDIN" and c.explanation is None
    assert sorted(v["value"] for v in c.values) == [413800, 413890]
    assert all(v["official"] and v["evidence"][0]["line"] for v in c.values)


def test_a_cut_short_seat_name_is_found_by_either_spelling(store, data):
    _import(store, data, SOURCES)
    again = import_results(store, data / "sources" / SOURCES[0], election="Lok Sabha 2014")
    assert again.added.contests == again.added.evidence == 0
    with store.connect() as conn:
        for name in ("Tonk-Sawai Madhopur", "Tonk-Sawai Madhopu", "TONK SAWAI MADHOPUR"):
            assert [r.constituency for r in q.find_contests(conn, name)] == [
                "Tonk-Sawai Madhopur"]


def test_houses_know_their_seats():
    from chunav.model import ElectionName
    from chunav.resolve.houses import seats

    assert seats(ElectionName.parse("Lok Sabha 2014")) == 543
    assert seats(ElectionName.parse("Lok Sabha 1971")) == 518
    assert seats(ElectionName.parse("Lok Sabha bypoll 2021")) is None
    assert seats(ElectionName.parse("Andhra Pradesh Assembly 2009")) == 294
    assert seats(ElectionName.parse("Andhra Pradesh Assembly 2019")) == 175
    assert seats(ElectionName.parse("Jammu & Kashmir Assembly 2024")) == 90
    assert seats(ElectionName.parse("Odisha Assembly 2019")) == 147  # ORISSA in the list


def test_stats_show_contests_against_seats(runner, data):
    import json

    from chunav.cli import cli

    runner.invoke(cli, ["import-results", str(data / "sources" / SOURCES[0])])
    out = json.loads(runner.invoke(cli, ["stats", "--json"]).output)
    assert out["elections"] == [{"election": "Lok Sabha 2014", "contests": 2, "seats": 543,
                                 "candidacies": 7}]


def test_a_partial_source_gives_the_margin_but_no_shares_or_turnout(store, data):
    """A winners-and-runners-up list is not every candidate: its sum is not the valid votes."""
    assert import_results(store, data / "formats" / "winners_runners_up.csv").ok
    with store.connect() as conn:
        ref = q.find_contests(conn, "Nandigram")[0]
        result = contest_result(conn, ref)
    assert result.partial and result.margin == 1956
    assert result.total_votes is None and result.turnout_pct is None
    assert all(line.share is None for line in result.lines)


def test_a_seat_keeps_its_identity_across_a_state_reorganisation(store, data):
    """Ladakh was a Jammu & Kashmir seat until 2019 and is the union territory's since: one
    seat, each contest with the state it had then."""
    assert import_results(store, data / "people" / "careers.csv").ok
    with store.connect() as conn:
        found = q.find_contests(conn, "Ladakh")
        assert _count(conn, s.constituency) == 1
    assert [(r.election, r.state) for r in found] == [
        ("Lok Sabha 2024", "Ladakh"), ("Lok Sabha 2019", "Jammu & Kashmir"),
        ("Lok Sabha 2014", "Jammu & Kashmir"), ("Lok Sabha 2009", "Jammu & Kashmir")]


def test_an_assembly_seat_knows_its_state_and_lok_sabha_seat(store, data):
    """The constituency list links each assembly seat to its parliamentary seat; a results
    file then finds the seat it lists, whatever its case."""
    assert import_results(store, data / "sources" / "seats_wb.csv").ok
    assert import_results(store, data / "formats" / "winners_runners_up.csv").ok
    with store.connect() as conn:
        ref = q.find_contests(conn, "NANDIGRAM", "West Bengal Assembly 2021")[0]
    assert (ref.state, ref.parent, ref.seat_no) == ("West Bengal", "Tamluk", 210)
