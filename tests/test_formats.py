"""Every results layout the shared data has, read from tiny hand-written samples with the same
quirks (tests/data/formats), the --election checks, and the non-candidate record kinds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chunav.ingest.formats import builtin_formats
from chunav.ingest.results import read_results
from chunav.model import ElectionName, ScheduleRow, SeatRow, TurnoutRow

FORMATS = Path(__file__).parent / "data" / "formats"


def read(name: str, election: str | None = None, **kw):
    result = read_results(FORMATS / name, election=election, **kw)
    return result


def table(result) -> list[tuple]:
    """(constituency, number, candidate, party, evm, postal, total) of each row."""
    return [(r.constituency, r.constituency_no, r.candidate, r.party, r.evm_votes,
             r.postal_votes, r.votes) for r in result.rows]


def assembly(state: str, year: int) -> ElectionName:
    return ElectionName("Assembly", year, False, state)


def test_eci_detailed_results_padded_headers_serials_and_blank_postal():
    result = read("eci_ae_detailed.csv", "delhi assembly 2020")
    assert result.format == "eci-ae-detailed" and not result.errors and not result.partial
    assert table(result) == [
        ("NARELA", 1, "SHARAD KUMAR", "AAAP", 86070, 192, 86262),
        ("NARELA", 1, "NEEL DAMAN KHATRI", "BJP", 68244, 589, 68833),
        ("NARELA", 1, "ADITI", "IND", 151, 0, 151),  # blank postal is 0
        ("NARELA", 1, "NOTA", "NOTA", 746, 7, 753),
        ("BURARI", 2, "SANJEEV JHA", "AAAP", 139598, 1000, 140598),
        ("BURARI", 2, "SHAILENDRA KUMAR", "JD(U)", 51440, 0, 51440)]
    first = result.rows[0]
    assert first.election == assembly("Delhi", 2020) and first.state == "Delhi"  # NCT OF Delhi
    assert (first.sex, first.age, first.reserved, first.electors) == ("M", 44, "GEN", 253982)
    assert result.rows[3].nota and result.rows[4].reserved == "SC"


def test_tamil_nadu_layout_takes_state_and_year_from_the_election():
    result = read("eci_ae_detailed_tn.csv", "Tamil Nadu Assembly 2021")
    assert result.format == "eci-ae-nostate" and not result.errors
    assert table(result)[:2] == [
        ("Gummidipoondi", None, "GOVINDARAJAN T.J", "DMK", 125001, 1451, 126452),
        ("Gummidipoondi", None, "PRAKASH M", "PMK", 75004, 510, 75514)]
    assert {r.state for r in result.rows} == {"Tamil Nadu"}
    assert [r.constituency for r in result.rows].count("Ponneri") == 2


def test_karnataka_2018_flattened_report():
    result = read("eci_ae_flat.csv", "Karnataka Assembly 2018")
    assert result.format == "eci-ae-flat" and not result.errors
    assert table(result)[2] == ("Nippani", 1, "None of the Above", "NOTA", 1447, 0, 1447)
    assert result.rows[2].nota and result.rows[0].electors == 212456
    assert {r.state for r in result.rows} == {"Karnataka"}


def test_opencity_bom_and_winner_suffix():
    result = read("opencity_ae.csv", "Karnataka Assembly 2013")
    assert result.format == "opencity-ae" and not result.errors
    assert [r.candidate for r in result.rows] == [
        "JOLLE SHASHIKALA ANNASAHEB", "KAKASO PANDURANG PATIL", "JITENDRA SUBHASH NERLE",
        "PRAKASH BABANNA HUKKERI", "MAHANTESH MALLIKARJUN KAVATAGIMATH"]
    assert [r.votes for r in result.rows[:3]] == [81860, 63198, 192]
    assert result.rows[0].reserved == "GEN" and result.rows[3].reserved == "SC"


def test_tcpd_assembly_export_names_its_election():
    result = read("tcpd_ae.csv")
    assert result.format == "tcpd-ae" and not result.errors
    assert {r.election for r in result.rows} == {assembly("Maharashtra", 2019)}
    assert table(result)[3] == ("WORLI", 182, "Aaditya Thackeray", "SHS", None, None, 89248)
    assert result.rows[3].line == 6 and result.rows[4].line == 8  # a field spans two lines
    assert all(r.person_ref is None and r.poll_no == 0 for r in result.rows)


def test_results_site_scrape_state_code_and_total_from_the_split():
    result = read("eci_site_ae.csv")
    assert result.format == "eci-site-ae" and not result.errors
    assert {(r.election, r.state) for r in result.rows} == {(assembly("Goa", 2022), "Goa")}
    assert table(result)[:2] == [
        ("MANDREM", 1, "DAYANAND RAGHUNATH SOPTE", "Bharatiya Janata Party", 9273, 399, 9672),
        ("MANDREM", 1, "JITENDRA RAGHURAJ DESHPRABHU", "Independent", 9948, 111, 10059)]
    assert result.rows[2].nota


def test_results_site_scrape_refuses_another_election_type(tmp_path):
    path = tmp_path / "ls.csv"
    text = (FORMATS / "eci_site_ae.csv").read_text("utf-8").replace(",Assembly,", ",Lok Sabha,", 1)
    path.write_text(text, "utf-8", newline="")
    result = read_results(path)
    assert len(result.rows) == 4
    assert [(e.line, e.field, e.code) for e in result.errors] == [(2, "election_type", "E122")]


def test_candidatewise_pages_name_dash_number_and_state_from_the_id():
    result = read("eci_site_candidatewise.csv", "Madhya Pradesh Assembly 2023")
    assert result.format == "eci-site-pages" and not result.errors
    assert table(result)[0] == ("Agar", 166, "MADHAV SINGH (MADHU GEHLOT)",
                                "Bharatiya Janata Party", None, None, 102176)
    assert [(r.constituency, r.constituency_no) for r in result.rows[3:]] == [
        ("Budhni", 156), ("Budhni", 156)]
    assert {r.state for r in result.rows} == {"Madhya Pradesh"}  # S12
    wrong = read("eci_site_candidatewise.csv", "Rajasthan Assembly 2023")
    assert not wrong.rows and [e.code for e in wrong.errors] == ["E108"]


def test_fill_down_of_state_and_constituency():
    result = read("eci_site_filldown.csv", "Kerala Assembly 2021")
    assert result.format == "eci-site-fill" and not result.errors
    assert [(r.state, r.constituency, r.candidate) for r in result.rows] == [
        ("Kerala", "Adoor", "M. G. Kannan"), ("Kerala", "Adoor", "Chittayam Gopakumar"),
        ("Kerala", "Adoor", "NOTA"), ("Kerala", "Alappuzha", "P.P Chitharanjan"),
        ("Kerala", "Alappuzha", "Dr.K.S Manoj")]
    assert result.rows[3].party == "Communist Party of India (Marxist)"
    assert (result.rows[1].evm_votes, result.rows[1].postal_votes, result.rows[1].votes) == (
        63958, 2611, 66569)


def test_two_candidates_per_line_and_a_partial_source():
    result = read("winners_runners_up.csv")
    assert result.format == "winner-runnerup" and result.partial and not result.errors
    assert table(result) == [
        ("Mekliganj", 1, "ADHIKARY PARESH CHANDRA", "TMC", 98790, 548, 99338),
        ("Mekliganj", 1, "DADHIRAM RAY", "BJP", None, None, 84653),
        ("Nandigram", 210, "ADHIKARI SUVENDU", "BJP", 109673, 1091, 110764),
        ("Nandigram", 210, "Mamata Banerjee", "TMC", None, None, 108808)]
    winner, runner_up = result.rows[:2]
    assert winner.line == runner_up.line == 2 and winner.age == 68 and runner_up.age is None
    assert runner_up.election == assembly("West Bengal", 2021) and runner_up.reserved == "SC"
    assert runner_up.electors == 226465


def test_lok_sabha_detailed_results_trailing_spaces_and_honorifics_kept():
    result = read("eci_ls_detailed.csv", "Lok Sabha 2019")
    assert result.format == "eci-ls-detailed" and not result.errors and not result.partial
    assert {r.constituency for r in result.rows} == {"Aruku", "Amethi"}
    assert result.rows[1].candidate.startswith("Dr. KOSURI")
    assert result.rows[3].election == ElectionName("Lok Sabha", 2019)
    assert (result.rows[3].evm_votes, result.rows[3].postal_votes) == (467598, 916)


def test_kaggle_main_candidates_file_is_partial():
    assert builtin_formats()["kaggle-ls2019"].partial


def test_a_format_can_be_forced(tmp_path):
    result = read("eci_site_ae.csv", format="eci-site-ae")
    assert result.format == "eci-site-ae" and len(result.rows) == 5


# -- the --election must fit the file ---------------------------------------------------------

def test_an_assembly_election_on_a_lok_sabha_file_is_refused():
    result = read("eci_ls_detailed.csv", "Kerala Assembly 2024")
    assert not result.rows and [e.code for e in result.errors] == ["E107"]
    assert result.errors[0].line == 0 and "Lok Sabha" in result.errors[0].message


def test_a_lok_sabha_election_on_an_assembly_file_is_refused():
    result = read("eci_ae_detailed.csv", "Lok Sabha 2019")
    assert not result.rows and [e.code for e in result.errors] == ["E107"]
    assert "Assembly" in result.errors[0].message


def test_an_election_of_another_state_is_refused_naming_the_files_state():
    result = read("eci_ae_detailed.csv", "Kerala Assembly 2024")
    assert not result.rows and [(e.line, e.code) for e in result.errors] == [(0, "E108")]
    assert "Delhi" in result.errors[0].message and "Kerala" in result.errors[0].message


def test_rows_of_another_state_than_the_election_are_refused(tmp_path):
    path = tmp_path / "mixed.csv"
    text = (FORMATS / "eci_ae_detailed.csv").read_text("utf-8")
    path.write_text(text.replace("NCT OF Delhi,2,BURARI", "Punjab,2,BURARI"), "utf-8")
    result = read_results(path, "Delhi Assembly 2020")
    assert len(result.rows) == 4
    assert [(e.line, e.field, e.code) for e in result.errors] == [
        (6, "state", "E108"), (7, "state", "E108")]
    assert "Punjab" in result.errors[0].message


def test_an_election_the_multi_election_file_does_not_hold_is_an_error(data):
    result = read_results(data / "tcpd.csv", election="Lok Sabha 2029")
    assert not result.rows and result.skipped == 7
    assert [(e.line, e.code) for e in result.errors] == [(0, "E109")]
    assert "Lok Sabha 2009" in result.errors[0].message
    assert "Lok Sabha bypoll 2012" in result.errors[0].message


def test_an_election_a_self_naming_file_does_not_hold_is_an_error():
    result = read("eci_site_ae.csv", "Kerala Assembly 2021")
    assert not result.rows and result.skipped == 5
    assert [e.code for e in result.errors] == ["E109"]
    assert "Goa Assembly 2022" in result.errors[0].message
    ok = read("eci_site_ae.csv", "Goa Assembly 2022")
    assert len(ok.rows) == 5 and not ok.errors and ok.skipped == 0


def test_a_file_without_its_election_needs_one():
    result = read("eci_ae_detailed_tn.csv")
    assert [e.code for e in result.errors] == ["E106"] and "--election" in result.errors[0].message


# -- non-candidate kinds ----------------------------------------------------------------------

def test_master_list_yields_each_pc_once_and_each_ac_with_its_pc():
    result = read("seats_master.csv")
    assert result.kind == "seats" and result.format == "seats-master" and not result.errors
    assert result.rows == [
        SeatRow(2, "Assam", "Lok Sabha", 1, "KARIMGANJ", "SC"),
        SeatRow(2, "Assam", "Assembly", 1, "RATABARI", "SC", 1, "KARIMGANJ"),
        SeatRow(3, "Assam", "Assembly", 2, "PATHARKANDI", "GEN", 1, "KARIMGANJ"),
        SeatRow(4, "Assam", "Lok Sabha", 4, "KOKRAJHAR", "ST"),
        SeatRow(4, "Assam", "Assembly", 30, "KOKRAJHAR WEST", "BL", 4, "KOKRAJHAR"),
        SeatRow(5, "Odisha", "Lok Sabha", 1, "BARGARH", "GEN"),
        SeatRow(5, "Odisha", "Assembly", 1, "PADAMPUR", "GEN", 1, "BARGARH")]


def test_turnout_with_indian_digit_grouping():
    result = read("turnout_datameet.csv", "Lok Sabha 2014")
    assert result.kind == "turnout" and not result.errors
    ls = ElectionName("Lok Sabha", 2014)
    assert result.rows == [
        TurnoutRow(2, ls, "Andaman & Nicobar Islands", "Andaman & Nicobar Islands", 1,
                   269360, 190328),
        TurnoutRow(3, ls, "Odisha", "Bargarh", 1, 1550000, 1170000)]
    assert [e.code for e in read("turnout_datameet.csv", "Kerala Assembly 2014").errors] == [
        "E107"]


def test_schedule_prefers_the_alias_and_reads_both_date_styles():
    result = read("schedule.csv", "Lok Sabha 2024")
    assert result.kind == "schedule" and not result.errors
    ls = ElectionName("Lok Sabha", 2024)
    assert result.rows == [
        ScheduleRow(2, ls, "Andhra Pradesh", "Araku", 1, 4, date(2024, 5, 13), date(2024, 6, 4)),
        ScheduleRow(3, ls, "Ladakh", "Ladakh", 1, 5, date(2024, 5, 20), date(2024, 6, 4))]


def test_a_bad_date_is_a_row_error(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text((FORMATS / "schedule.csv").read_text("utf-8").replace("5/13/2024", "13/5/2024"),
                    "utf-8")
    result = read_results(path, "Lok Sabha 2024")
    assert len(result.rows) == 1
    assert [(e.line, e.field, e.code) for e in result.errors] == [(2, "poll_date", "E122")]


@pytest.mark.parametrize("name", sorted(builtin_formats()))
def test_every_mapping_describes_itself(name):
    fmt = builtin_formats()[name]
    assert len(fmt.description) > 20 and fmt.kind in {"results", "seats", "turnout", "schedule"}


@pytest.mark.parametrize("sample", sorted(p.name for p in FORMATS.glob("*.csv")))
def test_each_sample_is_recognised_by_exactly_one_mapping(sample):
    import csv

    with open(FORMATS / sample, encoding="utf-8-sig", newline="") as f:
        first = next(csv.reader(f))
    assert len([m for m in builtin_formats().values() if m.recognises(first)]) == 1


def test_a_bad_mapping_is_refused(tmp_path):
    from chunav.errors import IngestError
    from chunav.ingest.formats import get_format

    path = tmp_path / "bad.toml"
    path.write_text('name = "x"\nheader = true\nkind = "medals"\n[fields]\nstate = "S"\n')
    with pytest.raises(IngestError) as err:
        get_format(str(path))
    assert err.value.code == "E105" and "medals" in err.value.message


def test_an_own_mapping_with_fill_down_and_a_state_code(tmp_path):
    mapping = tmp_path / "mine.toml"
    mapping.write_text('''name = "mine"
header = true
election = "{state} Assembly {year}"
fill_down = ["seat"]
[fields]
year = "yr"
state = { column = "st", lookup = "state" }
constituency = "seat"
candidate = "who"
party = "party"
votes = "votes"
''')
    path = tmp_path / "mine.csv"
    path.write_text("yr,st,seat,who,party,votes\n2024,JK,Ganderbal,Omar Abdullah,JKN,32727\n"
                    "2024,JK,,Bashir Ahmad Mir,JKPDP,22153\n")
    result = read_results(path, format=str(mapping))
    assert not result.errors and [(r.election.name, r.constituency) for r in result.rows] == [
        ("Jammu & Kashmir Assembly 2024", "Ganderbal")] * 2


def test_a_row_whose_state_contradicts_its_own_election_is_refused(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("election,state,constituency,candidate,party,votes\n"
                    "Kerala Assembly 2021,Kerala,Thenmala,A,INC,10\n"
                    "Kerala Assembly 2021,Tamil Nadu,Thenmala,B,BJP,9\n")
    result = read_results(path)
    assert len(result.rows) == 1
    assert [(e.line, e.field, e.code) for e in result.errors] == [(3, "state", "E108")]
