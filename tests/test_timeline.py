"""A person over time (issue 8): one timeline whatever spelling is asked, membership intervals
from dated facts and ballots, "as of" a day, and the party's side (members over time)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

from chunav import import_results
from chunav.analyse.timeline import (
    _State,
    build_intervals,
    memberships_as_of,
    org_members,
    person_timeline,
)
from chunav.build import ingest_articles, link_people
from chunav.cli import cli
from chunav.errors import NotFound

ARTICLES = ("nomination.txt", "resignation.txt", "joining.txt")


def _state(org: int, status: str, when: str, fact_id: int, kind: str = "party") -> _State:
    return _State(1, org, f"org {org}", kind, org, status, None, when, status == "candidate",
                  "candidacy" if status == "candidate" else "membership", fact_id,
                  [{"source": f"s{fact_id}.txt", "line": None, "chars": [0, 9], "locator": ""}])


def test_an_interval_goes_member_rebel_resigned_and_joining_elsewhere_ends_the_next():
    intervals = build_intervals([
        _state(1, "candidate", "2017", 1), _state(1, "rebel", "2022-10-22", 2),
        _state(1, "resigned", "2022-11-05", 3), _state(2, "joined", "2023-03-14", 4),
        _state(2, "candidate", "2024", 5), _state(3, "candidate", "2029", 6),
        _state(1, "resigned", "2023-03-14", 7)])
    first, second, third = intervals
    assert [c["status"] for c in first["changes"]] == ["candidate", "rebel", "resigned",
                                                       "resigned"]
    assert (first["start"], first["end"], first["end_cause"]) == ("2017", "2022-11-05",
                                                                   "resigned")
    assert first["changes"][-1]["restated"]  # the later "had quit" backs the same end
    assert [c["source"] for c in first["changes"][:3]] == ["s1.txt@0-9", "s2.txt@0-9",
                                                           "s3.txt@0-9"]
    assert (second["start"], second["end"], second["end_cause"]) == ("2023-03-14", "2029",
                                                                      "stood for org 3")
    assert third["open"] and third["end"] is None


def test_a_body_or_house_is_not_left_by_joining_a_party():
    intervals = build_intervals([_state(9, "member", "2020", 1, kind="house"),
                                 _state(2, "joined", "2021", 2)])
    assert all(i["open"] for i in intervals)


def test_ballots_alone_give_memberships_on_every_backend(store, data):
    """Standing for a party is membership of it at that election, from the results line;
    standing for another party ends it; an Independent ticket is no party."""
    assert import_results(store, data / "timeline" / "results.csv").ok
    link_people(store)
    with store.connect() as conn:
        answer = person_timeline(conn, "KULDEEP SINGH RANA")
        person = answer["person"]["id"]
        in_2020 = memberships_as_of(conn, person, date(2020, 1, 1))
        in_2025 = memberships_as_of(conn, person, date(2025, 1, 1))
    congress, bjp = answer["memberships"]
    assert (congress["org"], congress["start"], congress["end"], congress["end_cause"]) == (
        "Indian National Congress", "2017", "2024", "stood for Bharatiya Janata Party")
    assert congress["inferred"] and congress["changes"][0]["evidence"][0]["line"] == 2
    assert [i["org"] for i in in_2020] == ["Indian National Congress"]
    assert [i["org"] for i in in_2025] == ["Bharatiya Janata Party"] == [bjp["org"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory, extractor):
    """The Nalagarh results and three reports of Kuldeep Rana's turn, built and resolved once
    (articles need spaCy)."""
    from pathlib import Path

    from chunav import open_store

    data = Path(__file__).parent / "data" / "timeline"
    path = tmp_path_factory.mktemp("timeline") / "tl.db"
    store = open_store(str(path))
    assert import_results(store, data / "results.csv").ok
    report = ingest_articles(store, [data / name for name in ARTICLES], extractor)
    assert not report.errors and report.new == 3
    link_people(store)
    yield store, path
    store.close()


def _run(path, *args: str, columns: int = 80):
    from click.testing import CliRunner

    out = CliRunner(env={"COLUMNS": str(columns)}).invoke(cli, ["--db", str(path), *args])
    assert out.exit_code == 0, out.output
    return out.output


def test_one_timeline_whatever_spelling_is_asked(built):
    store, _ = built
    with store.connect() as conn:
        ballot = person_timeline(conn, "KULDEEP SINGH RANA")
        news = person_timeline(conn, "Kuldeep Rana")
        by_id = person_timeline(conn, f"#{ballot['person']['id']}")
    assert ballot["person"]["id"] == news["person"]["id"] == by_id["person"]["id"]
    assert ballot["timeline"] == news["timeline"]
    kinds = {e["kind"] for e in ballot["timeline"]}
    assert kinds == {"candidacy", "membership", "event"}
    elections = [e["election"] for e in ballot["timeline"] if e["kind"] == "candidacy"]
    assert elections == ["Himachal Pradesh Assembly 2017", "Lok Sabha 2019",
                         "Himachal Pradesh Assembly 2022", "Lok Sabha 2024"]
    won = next(e for e in ballot["timeline"] if e.get("election") == "Lok Sabha 2024")
    assert (won["rank"], won["votes"], won["winner"], won["margin"]) == (1, 520202, True, 87567)
    lost = next(e for e in ballot["timeline"] if e.get("election") == "Lok Sabha 2019")
    assert lost["rank"] == 2 and not lost["winner"] and lost["winner_name"] == (
        "SURESH KUMAR KASHYAP")


def test_membership_intervals_from_ballots_and_the_news_with_their_sources(built):
    store, _ = built
    with store.connect() as conn:
        answer = person_timeline(conn, "Kuldeep Rana")
    congress = next(i for i in answer["memberships"] if i["org"] == "Indian National Congress")
    states = [(c["status"], c["inferred"]) for c in congress["changes"]]
    assert states[:4] == [("candidate", True), ("candidate", True), ("rebel", False),
                          ("resigned", False)]
    assert (congress["start"], congress["end"], congress["end_cause"]) == (
        "2017", "2022-11-05", "resigned")
    ballot, _, rebel, resigned = congress["changes"][:4]
    assert ballot["evidence"][0]["source"].endswith("results.csv")
    assert ballot["evidence"][0]["line"] == 2
    assert rebel["source"].startswith("nomination.txt") and "rebel" in (
        rebel["evidence"][0]["sentence"])
    assert resigned["evidence"][0]["sentence"].startswith("SOLAN, November 4")
    [bjp] = answer["in_force"]
    assert bjp["org"] == "Bharatiya Janata Party" and bjp["start"] == "2023-03-14"


def test_as_of_before_and_after_a_change(built):
    store, path = built
    with store.connect() as conn:
        person = person_timeline(conn, "Kuldeep Rana")["person"]["id"]
        before = memberships_as_of(conn, person, date(2022, 10, 30))
        after = memberships_as_of(conn, person, date(2023, 6, 1))
        early = person_timeline(conn, "Kuldeep Rana", as_of=date(2020, 1, 1))
    assert [(i["org"], i["status"]) for i in before] == [("Indian National Congress", "rebel")]
    assert [(i["org"], i["status"]) for i in after] == [("Bharatiya Janata Party", "joined")]
    assert [e["date"] for e in early["timeline"]] == ["2017", "2019"]
    old = _run(path, "person", "Kuldeep Rana", "--as-of", "2022-10-30")
    new = _run(path, "person", "Kuldeep Rana", "--as-of", "2023-06-01")
    assert "as of 2022-10-30" in old and "rebel (MLA)" in old and "joined" not in old
    assert "joined" in new and "ended: resigned" in new


def test_members_of_a_party_over_time_and_as_of(built):
    store, path = built
    with store.connect() as conn:
        congress = org_members(conn, "Congress")
        bjp = org_members(conn, "BJP", as_of=date(2023, 6, 1))
        with pytest.raises(NotFound, match="E410"):
            org_members(conn, "No Such Morcha")
    rana = [m for m in congress["members"] if m["person"] == "KULDEEP SINGH RANA"]
    assert len(rana) == 1 and rana[0]["end_cause"] == "resigned"
    assert "KULDEEP SINGH RANA" in [m["person"] for m in bjp["members"]]
    rows = list(csv.DictReader(io.StringIO(_run(path, "members", "INC", "--format", "csv"))))
    assert {r["person"] for r in rows} >= {"KULDEEP SINGH RANA", "HARDEEP SINGH BAWA"}


def test_json_carries_every_parts_evidence(built):
    _, path = built
    answer = json.loads(_run(path, "person", "KULDEEP SINGH RANA", "--json"))
    assert answer["ok"] and answer["person"]["names"][0] == "KULDEEP SINGH RANA"
    for entry in answer["timeline"]:
        assert entry["evidence"], entry
        for e in entry["evidence"]:
            assert e["source"] and (e["line"] or (e["sentence"] and e["chars"]))
    event = next(e for e in answer["timeline"] if e["kind"] == "event")
    start, end = event["evidence"][0]["chars"]
    assert 0 <= start < end
    for interval in answer["memberships"]:
        assert all(c["evidence"] for c in interval["changes"])


def test_csv_and_a_table_that_fits_80_columns(built):
    _, path = built
    rows = list(csv.DictReader(io.StringIO(_run(path, "person", "Kuldeep Rana", "--format",
                                                 "csv"))))
    assert rows[0]["election"] == "Himachal Pradesh Assembly 2017" and rows[0]["votes"] == (
        "32516")
    assert any(r["status"] == "rebel" and r["source"].startswith("nomination.txt")
               for r in rows)
    table = _run(path, "person", "Kuldeep Rana", "--indian")
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "5,20,202" in table and "Memberships" in table
    assert re.search(r"2022-11-05 .*ended: resigned", table)


def test_a_name_that_fits_nobody_is_a_coded_error(runner):
    out = runner.invoke(cli, ["person", "Nobody Atall"])
    assert out.exit_code == 1 and "[E404]" in out.output
    out = runner.invoke(cli, ["members", "No Such Morcha", "--json"])
    assert out.exit_code == 1 and json.loads(out.output)["status"] == 404


def test_person_and_members_do_not_load_spacy(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from chunav.cli import cli\n"
            "for args in (['person', 'Kuldeep Rana'], ['members', 'BJP']):\n"
            f"    try:\n        cli(['--db', {str(tmp_path / 's.db')!r}, *args])\n"
            "    except SystemExit:\n        pass\n"
            "print('spacy' in sys.modules, 'chunav.extract' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_a_membership_read_off_ballots_alone_lapses_after_a_term():
    from datetime import date

    from chunav.analyse.timeline import in_force

    ballot = {"open": True, "inferred": True, "last_seen": "2009-05-16"}
    stated = {**ballot, "inferred": False}  # a report says he is a member: no lapse
    assert in_force(ballot, date(2012, 1, 1)) and not in_force(ballot, date(2024, 6, 30))
    assert in_force(stated, date(2024, 6, 30))
    assert not in_force({**stated, "open": False}, date(2010, 1, 1))
