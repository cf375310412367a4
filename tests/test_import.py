from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from chunav import import_results
from chunav.analyse.results import contest_result
from chunav.ingest.results import read_results
from chunav.store import queries as q
from chunav.store import schema as s


def contest(store, name, election=None):
    with store.connect() as conn:
        refs = q.find_contests(conn, name, election)
        assert len(refs) == 1, refs
        return contest_result(conn, refs[0])


def count(store, table):
    with store.connect() as conn:
        return conn.execute(select(func.count()).select_from(s.metadata.tables[table])).scalar()


def test_eci_web_file_is_recognised_and_its_quirks_handled(store, data):
    report = import_results(store, data / "eci_web.csv", election="Lok Sabha 2024")
    assert report.ok and report.format == "eci-web" and report.rows == 9
    ramgiri = contest(store, "Ramgiri")
    # serial 1 is not the winner: postal votes turned the result
    assert [(line.candidate, line.rank) for line in ramgiri.lines[:2]] == [
        ("MERCY JOSEPH", 1), ("ANIL KUMAR P.", 2)]
    assert ramgiri.margin == 405261 - 405233
    assert ramgiri.total_votes == 405233 + 405261 + 98510 + 5120 + 4712
    kumar = next(line for line in ramgiri.lines if line.candidate == "ANIL KUMAR")
    assert kumar.postal_votes == 0  # "-" means zero
    nota = next(line for line in ramgiri.lines if line.nota)
    assert nota.rank is None and nota.share == pytest.approx(100 * 4712 / ramgiri.total_votes,
                                                             abs=0.01)
    assert ramgiri.lines[1].party == "Communist Party of India (Marxist)"  # double space gone


def test_non_ascii_party_names_and_uncontested_seat(store, data):
    import_results(store, data / "eci_web.csv", election="Lok Sabha 2024")
    songaon = contest(store, "songaon")
    assert songaon.winner.party == "Nationalist Congress Party - Sharadchandra Pawar"
    assert songaon.lines[1].candidate == 'VIJAY "BABA" MORE'
    tapipur = contest(store, "TAPIPUR")
    assert tapipur.uncontested and tapipur.winner.candidate == "RAMESHBHAI PATEL"
    assert tapipur.winner.votes is None and tapipur.margin is None


def test_generic_file_with_several_elections_and_electors(store, data):
    report = import_results(store, data / "generic.csv")
    assert report.ok and report.format == "generic"
    kishanpur = contest(store, "Kishanpur")
    assert kishanpur.winner.candidate == "Sunita Devi"
    assert kishanpur.winner.party == "Janata Dal (United)"  # abbreviation resolved
    assert kishanpur.turnout_pct == pytest.approx(100 * (411521 + 422600 + 20150 + 15010)
                                                  / 1702311, abs=0.01)
    thenmala = contest(store, "Thenmala", "Kerala Assembly 2021")
    assert thenmala.election == "Kerala Assembly 2021"
    assert thenmala.margin == 710


def test_tcpd_file_byelections_people_and_renamed_states(store, data):
    report = import_results(store, data / "tcpd.csv")
    assert report.ok and report.format == "tcpd"
    bye = contest(store, "Belaganj")
    assert bye.election == "Lok Sabha bypoll 2012" and bye.poll_no == 1
    assert bye.uncontested and bye.winner.candidate == "Kamla Devi"
    assert contest(store, "Vellar").state == "Tamil Nadu"  # "Madras" in 1967
    assert contest(store, "Skardu", "Lok Sabha 2009").state == "Jammu & Kashmir"
    # TCPD's person id links the same person across elections and spellings
    with store.connect() as conn:
        people = conn.execute(select(s.candidacy.c.person_id).where(
            s.candidacy.c.name_key == "tsering dorjay")).scalars().all()
    assert len(people) == 2 and len(set(people)) == 1
    assert count(store, "person") == 5


def test_election_option_picks_one_election_from_a_file_of_many(store, data):
    report = import_results(store, data / "tcpd.csv", election="Lok Sabha 2009")
    assert report.rows == 2 and report.skipped == 5
    assert count(store, "contest") == 1


def test_importing_twice_changes_nothing(store, data):
    import_results(store, data / "eci_web.csv", election="Lok Sabha 2024")
    with store.connect() as conn:
        before = q.stats(conn)
    again = import_results(store, data / "eci_web.csv", election="Lok Sabha 2024")
    assert again.ok and again.added.candidacies == again.added.evidence == 0
    with store.connect() as conn:
        assert q.stats(conn) == before


def test_the_same_result_from_two_sources_is_one_fact_with_two_evidence(store, data):
    import_results(store, data / "tcpd.csv")
    report = import_results(store, data / "eci_report.csv")
    assert report.added.candidacies == 0 and report.added.results == 0
    skardu = contest(store, "Skardu", "Lok Sabha 2009")
    dorjay = skardu.winner
    # the report's EVM/postal split fills in TCPD's total-only count
    assert (dorjay.evm_votes, dorjay.postal_votes, dorjay.votes) == (40500, 400, 40900)
    assert not dorjay.disputed
    with store.connect() as conn:
        evidence = conn.execute(text(
            "select count(distinct source_id) from evidence e join result r on r.id = e.fact_id "
            "where e.fact_type = 'result' and r.votes = 40900")).scalar()
    assert evidence == 2


def test_sources_that_disagree_are_kept_side_by_side(store, write):
    head = "election,state,constituency,candidate,party,votes\n"
    first = write("a.csv", head + "Lok Sabha 2024,Goa,Panjim North,Anita Naik,BJP,310500\n"
                  "Lok Sabha 2024,Goa,Panjim North,Jose Fernandes,INC,290400\n")
    second = write("b.csv", head + "Lok Sabha 2024,Goa,Panjim North,Anita Naik,BJP,301500\n")
    import_results(store, first)
    import_results(store, second)
    assert count(store, "result") == 3
    panjim = contest(store, "Panjim North")
    naik = panjim.winner
    assert naik.disputed and naik.votes == 310500  # the first stored; equal support


def test_namesakes_on_one_ticket_are_two_candidacies(store, write):
    path = write("n.csv", "election,state,constituency,candidate,party,votes\n"
                 "Lok Sabha 2024,Tamil Nadu,Arcot East,S. Kumar,Independent,1172\n"
                 "Lok Sabha 2024,Tamil Nadu,Arcot East,S. Kumar,Independent,648\n"
                 "Lok Sabha 2024,Tamil Nadu,Arcot East,R. Devi,DMK,500000\n")
    assert import_results(store, path).ok
    assert import_results(store, path).added.candidacies == 0
    assert count(store, "candidacy") == 3


def test_a_broken_row_is_named_and_the_rest_imported(store, data):
    report = import_results(store, data / "bad_rows.csv")
    found = {(e.line, e.field, e.code) for e in report.errors}
    assert found == {(3, "votes", "E122"), (4, "party", "E123"), (5, "candidate", "E124"),
                     (7, None, "E121"), (8, "election", "E110")}
    messages = [str(e) for e in report.errors]
    assert any("bad_rows.csv:3: field 'votes': not a whole number: '29O400'" in m
               for m in messages)
    assert any("same as line 2" in m for m in messages)
    panjim = contest(store, "Panjim North")
    assert [line.candidate for line in panjim.lines] == ["Anita Naik", "Leena Gaonkar"]


def test_a_file_that_is_not_utf8_names_the_row(store, data):
    report = import_results(store, data / "latin1.csv")
    assert [(e.line, e.field, e.code) for e in report.errors] == [(3, "candidate", "E102")]
    assert "UTF-8" in str(report.errors[0])
    assert report.rows == 1


@pytest.mark.parametrize(("content", "code", "words"), [
    ("", "E101", "empty"),
    ("\n\n", "E101", "empty"),
    ("name,votes\nA,1\n", "E104", "unrecognised columns"),
    ("election,state,constituency,candidate,party\nLok Sabha 2024,Goa,X,A,BJP\n", "E104",
     "unrecognised"),
])
def test_whole_file_problems_get_their_own_message(store, write, content, code, words):
    report = import_results(store, write("f.csv", content))
    assert len(report.errors) == 1 and report.errors[0].code == code
    assert words in str(report.errors[0]) and report.errors[0].line == 0


def test_missing_columns_are_listed(store, write):
    path = write("m.csv", "election,state,constituency,candidate,votes\nLok Sabha 2024,Goa,X,A,1\n")
    report = import_results(store, path, format="generic")
    assert report.errors[0].code == "E103"
    assert "missing column(s) party" in str(report.errors[0])


def test_a_headerless_file_needs_an_election(store, data):
    report = import_results(store, data / "eci_web.csv")
    assert report.errors[0].code == "E106" and "--election" in str(report.errors[0])


def test_missing_file_is_an_error_not_a_crash(store, tmp_path):
    report = import_results(store, tmp_path / "nope.csv")
    assert report.errors[0].code == "E100"


def test_a_failed_import_loses_nothing_already_stored(store, data, write):
    import_results(store, data / "generic.csv")
    with store.connect() as conn:
        before = q.stats(conn)
    import_results(store, write("e.csv", ""))
    import_results(store, data / "bad_rows.csv")
    with store.connect() as conn:
        after = q.stats(conn)
    assert after["tables"]["candidacy"] == before["tables"]["candidacy"] + 2
    assert contest(store, "Kishanpur").winner.candidate == "Sunita Devi"


def test_a_mapping_file_reads_a_new_layout(store, write):
    mapping = write("mine.toml", '''
name = "mine"
header = true
election = "Lok Sabha {year}"
[fields]
year = "Yr"
state = "St"
constituency = "Seat"
candidate = "Who"
party = "Pty"
votes = "N"
''')
    path = write("mine.csv", "Yr,St,Seat,Who,Pty,N\n2014,Goa,North Goa,A. Naik,BJP,237000\n")
    report = import_results(store, path, format=str(mapping))
    assert report.ok and report.format == "mine"
    assert contest(store, "North Goa").election == "Lok Sabha 2014"


def test_reader_reports_line_numbers_of_multiline_records(write):
    path = write("ml.csv", 'election,state,constituency,candidate,party,votes\n'
                 'Lok Sabha 2024,Goa,X,"Anita\nNaik",BJP,1\n'
                 'Lok Sabha 2024,Goa,X,B,INC,x\n')
    read = read_results(path)
    assert [e.line for e in read.errors] == [4]


def test_every_imported_fact_names_its_file_line_and_record_time(store, data):
    from datetime import datetime

    import_results(store, data / "generic.csv")
    with store.connect() as conn:
        rows = conn.execute(select(s.evidence.c.fact_type, s.evidence.c.line,
                                   s.evidence.c.extractor, s.evidence.c.recorded_at,
                                   s.source.c.uri).join(s.source)).all()
    assert {r.fact_type for r in rows} == {"candidacy", "result", "electorate"}
    assert all(r.uri.endswith("generic.csv") and 2 <= r.line <= 7 for r in rows)
    assert all(isinstance(r.recorded_at, datetime) for r in rows)
    assert {r.extractor for r in rows} == {"chunav.results"}


def test_one_tcpd_person_in_two_write_chunks_imports(store, data, monkeypatch):
    """Regression: a TCPD pid whose rows fall in two bulk-write chunks crashed the import
    (UNIQUE person_name) — the README's own TCPD example did on the real file."""
    from chunav.store import load_results

    monkeypatch.setattr(load_results, "CHUNK", 1)  # every contest its own chunk
    report = import_results(store, data / "tcpd.csv")
    assert report.ok, report.errors
    with store.connect() as conn:
        people = conn.execute(select(s.candidacy.c.person_id).where(
            s.candidacy.c.name_key == "tsering dorjay")).scalars().all()
    assert len(people) == 2 and len(set(people)) == 1


def test_a_superscript_digit_is_one_bad_row_not_a_crash(store, write):
    """"12²" passes str.isdigit() but not int(): the row is reported, the rest imported."""
    path = write("sup.csv", "election,state,constituency,candidate,party,votes\n"
                            "Lok Sabha 2024,Goa,North Goa,A Naik,BJP,12²\n"
                            "Lok Sabha 2024,Goa,North Goa,B Khalap,INC,9000\n")
    report = import_results(store, path)
    assert report.rows == 1
    assert [(e.line, e.field, e.code) for e in report.errors] == [(2, "votes", "E122")]
