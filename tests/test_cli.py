from __future__ import annotations

import json

from chunav.cli import cli


def run(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_import_then_results_table(runner, data):
    out = run(runner, "import-results", str(data / "eci_web.csv"), "--election", "Lok Sabha 2024")
    assert out.exit_code == 0, out.output
    assert "9 rows read (eci-web format), 0 bad; added 3 contests" in out.output
    out = run(runner, "results", "ramgiri", "--election", "Lok Sabha 2024")
    assert out.exit_code == 0
    assert "MERCY JOSEPH (winner)" in out.output
    assert "Margin: 28 votes" in out.output
    assert "3,120" in out.output and "405,233" in out.output  # EVM, postal, total columns


def test_results_json_has_the_same_numbers(runner, data):
    run(runner, "import-results", str(data / "generic.csv"))
    out = run(runner, "results", "KISHANPUR", "--json")
    assert out.exit_code == 0
    body = json.loads(out.output)
    assert body["ok"] is True and len(body["contests"]) == 1
    c = body["contests"][0]
    assert c["winner"] == "Sunita Devi" and c["margin"] == 422600 - 411521
    first = c["lines"][0]
    assert (first["evm_votes"], first["postal_votes"], first["votes"], first["rank"]) == (
        420500, 2100, 422600, 1)
    assert first["share"] == round(100 * 422600 / c["total_votes"], 2)


def test_bad_rows_exit_non_zero_with_a_summary(runner, data):
    out = run(runner, "import-results", str(data / "bad_rows.csv"))
    assert out.exit_code == 1
    assert "bad_rows.csv:3: field 'votes': not a whole number: '29O400' [E122]" in out.output
    assert "2 rows read (generic format), 5 bad" in out.output


def test_import_is_idempotent_through_the_cli(runner, data):
    run(runner, "import-results", str(data / "eci_web.csv"), "--election", "Lok Sabha 2024")
    before = json.loads(run(runner, "stats", "--json").output)
    out = run(runner, "import-results", str(data / "eci_web.csv"), "--election", "Lok Sabha 2024")
    assert "imported before (the same file); nothing to do" in out.output
    assert json.loads(run(runner, "stats", "--json").output) == before


def test_unknown_constituency_is_a_clear_error(runner, data):
    run(runner, "import-results", str(data / "eci_web.csv"), "--election", "Lok Sabha 2024")
    out = run(runner, "results", "Ramgir")
    assert out.exit_code == 1
    assert "Error: [E401] no results for constituency 'Ramgir'; did you mean: Ramgiri?" in (
        out.output)


def test_json_errors_have_one_shape(runner):
    out = run(runner, "results", "Nowhere", "--json")
    assert out.exit_code == 1
    body = json.loads(out.output)
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == 404 and "E401" in body["error"]


def test_stats_lists_tables_and_elections(runner, data):
    run(runner, "import-results", str(data / "generic.csv"))
    out = run(runner, "stats")
    assert out.exit_code == 0
    assert "Kerala Assembly 2021" in out.output and "candidacy" in out.output


def test_demo_builds_a_store_of_its_own_and_answers(runner, db_path, tmp_path, monkeypatch):
    """The demo never writes its invented data into the user's store, and says where it is."""
    monkeypatch.chdir(tmp_path)
    first = out = run(runner, "demo")
    assert out.exit_code == 0, out.output
    assert "Mohmad Haneefa" in out.output and "27,862" in out.output
    assert "won by 36 votes" in out.output
    assert "rebel of the Jammu & Kashmir National Conference" in out.output  # the story's
    assert "Seen before? Lok Sabha 2009: Hassan Khan" in out.output  # answers
    assert "chunav-demo.db" in out.output and not db_path.exists()
    out = run(runner, "--db", "chunav-demo.db", "results", "LADAKH", "--election",
              "Lok Sabha 2024", "--json")
    assert json.loads(out.output)["contests"][0]["margin"] == 27862
    again = run(runner, "demo")  # made afresh each time
    assert again.exit_code == 0
    assert again.output.count("Sources disagree") == first.output.count("Sources disagree") == 1


def test_db_option_chooses_the_file(runner, tmp_path, data):
    other = tmp_path / "other.db"
    out = run(runner, "--db", str(other), "import-results", str(data / "generic.csv"))
    assert out.exit_code == 0 and other.exists()


def test_formats_lists_every_mapping(runner):
    out = run(runner, "formats")
    for name in ("eci-web", "generic", "tcpd", "eci-report", "datameet", "kaggle-ls2019"):
        assert name in out.output


def test_build_with_two_results_files_refuses_the_one_without_the_election(runner, data):
    """Regression: `build --results A --results B --election X` skipped every row of B that
    was not X and said nothing."""
    out = run(runner, "build", "--results", str(data / "tcpd.csv"), "--results",
              str(data / "generic.csv"), "--election", "Lok Sabha 2009")
    assert out.exit_code == 1
    assert "tcpd.csv: 2 rows read" in out.output
    assert "generic.csv" in out.output and "[E109]" in out.output


def test_results_as_csv_and_in_indian_grouping(runner, data):
    run(runner, "import-results", str(data / "eci_web.csv"), "--election", "Lok Sabha 2024")
    out = run(runner, "results", "ramgiri", "--election", "Lok Sabha 2024", "--format", "csv")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].startswith("election,constituency,state,rank,candidate,party")
    assert any(",MERCY JOSEPH," in line and ",405261," in line for line in lines)
    out = run(runner, "results", "ramgiri", "--election", "Lok Sabha 2024", "--indian")
    assert "4,05,233" in out.output and "405,233" not in out.output


def test_list_tables_fit_80_columns(runner, data, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    run(runner, "import-results", str(data / "eci_web.csv"), "--election", "Lok Sabha 2024")
    for args in (["results", "ramgiri"], ["stats"]):
        out = run(runner, *args)
        assert out.exit_code == 0, out.output
        table = [line for line in out.output.splitlines() if not line.startswith("Store:")]
        assert max(len(line) for line in table) <= 80, out.output


def test_bad_format_is_a_usage_error(runner):
    out = run(runner, "stats", "--format", "xml")
    assert out.exit_code == 2 and "table" in out.output
