"""Bad input tried on purpose: property-based tests of the parsers and readers, a bounded fuzz
run (benchmarks/fuzz.py), and malformed mapping and settings files through the CLI. Nothing may
crash; every rejection is a coded error."""

from __future__ import annotations

import csv
import io
import re
import sys
import tomllib
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chunav.cli import cli
from chunav.errors import ChunavError, IngestError
from chunav.extract.dates import find_date, years
from chunav.extract.numbers import parse_digits
from chunav.ingest import results
from chunav.ingest.formats import builtin_formats, parse_format
from chunav.ingest.records import MAX_NUMBER, FieldError, _number
from chunav.ingest.results import read_results
from chunav.knowledge.normalize import clean, key, name_tokens, split_reserved
from chunav.model import ElectionName, RowError
from chunav.resolve.names import canonical_name, names_agree

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from fuzz import check, fuzz  # noqa: E402

CODED = re.compile(r"^E1\d\d$")
# text as files carry it: any unicode, with the separators and digits of other scripts common
TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(",.-'\"\n\r\t ०१२३४५६७८९²½"),
               max_size=40)
FILES = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


def indian(n: int) -> str:
    """``n`` grouped as Indian papers write it: 5,16,593."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = [head[max(0, i - 2):i] for i in range(len(head), 0, -2)][::-1]
    return ",".join(groups + [tail])


# -- numbers -------------------------------------------------------------------------------

GENERIC = builtin_formats()["generic"]


@given(TEXT)
def test_a_vote_count_is_a_whole_number_or_a_coded_error(text):
    try:
        value = _number(GENERIC, {"votes": text.strip() or None}, "votes")
    except FieldError as err:
        assert CODED.match(err.code) and err.field == "votes"
    else:
        assert value is None or 0 <= value <= MAX_NUMBER


@given(st.integers(0, MAX_NUMBER))
def test_vote_counts_read_back_however_they_are_grouped(n):
    for written in (str(n), f"{n:,}", indian(n), f"{n}.0"):
        assert _number(GENERIC, {"votes": written}, "votes") == n


@given(st.integers(MAX_NUMBER + 1, 10**40))
def test_a_count_too_large_for_the_store_is_refused(n):
    with pytest.raises(FieldError) as err:
        _number(GENERIC, {"votes": indian(n)}, "votes")
    assert err.value.code == "E122"


@given(TEXT, st.booleans())
def test_digits_in_news_text_parse_or_give_none(text, scaled):
    value = parse_digits(text, scaled)
    assert value is None or value >= 0


@given(st.integers(0, 10**12))
def test_digits_in_news_text_read_back_indian_and_western_grouping(n):
    assert parse_digits(indian(n)) == parse_digits(f"{n:,}") == n


# -- dates ---------------------------------------------------------------------------------

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@given(TEXT, st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_a_date_in_news_text_is_iso_or_none(text, published):
    found = find_date(text, published)
    assert found is None or ISO.match(found)
    assert all(1950 <= y <= 2099 for y in years(text))


@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)),
       st.sampled_from(["{month} {day}, {year}", "{day} {month} {year}", "{day}th {month}, {year}",
                        "on {month}. {day} {year}"]))
def test_written_dates_resolve_to_the_day(day, pattern):
    month = day.strftime("%B")
    text = "Polling was held " + pattern.format(month=month, day=day.day, year=day.year)
    if pattern.startswith("on"):
        text = text.replace(month, month[:3])
    assert find_date(text, None) == day.isoformat()


# -- names ---------------------------------------------------------------------------------

@given(TEXT)
def test_names_normalise_without_crashing_and_stably(text):
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert key(key(text)) == key(text)
    name, reserved = split_reserved(text)
    assert reserved in (None, "SC", "ST", "GEN") and isinstance(name, str)
    assert all(isinstance(t, str) for t in name_tokens(text))
    canonical_name(text)


@given(TEXT, TEXT)
def test_name_comparison_is_total(a, b):
    assert isinstance(names_agree(a, b), bool)


@given(st.from_regex(r"[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){0,2}", fullmatch=True))
def test_a_name_agrees_with_itself(name):
    assert names_agree(name, name)


@given(TEXT)
def test_an_election_name_parses_or_is_a_coded_error(text):
    try:
        parsed = ElectionName.parse(text)
    except IngestError as err:
        assert err.code == "E110"
    else:
        assert ElectionName.parse(parsed.name) == parsed


# -- the results reader --------------------------------------------------------------------

COLUMNS = ["election", "state", "constituency", "candidate", "party", "votes", "evm_votes",
           "postal_votes", "age", "poll_no"]
CELL = st.one_of(TEXT, st.sampled_from(["Lok Sabha 2024", "Kerala Assembly 2021", "Kerala",
                                        "Goa", "Panaji", "BJP", "INC", "NOTA", "1,23,456",
                                        "-5", "1e9", "99999999999", "0", ""]))


@FILES
@given(st.lists(st.lists(CELL, min_size=len(COLUMNS), max_size=len(COLUMNS) + 1),
                max_size=8),
       st.none() | st.sampled_from(["Lok Sabha 2024", "Kerala Assembly 2021", "Lok Sabha"]))
def test_the_results_reader_codes_every_bad_row(tmp_path, rows, election):
    """A well-formed CSV with any cells: each row is a record or an error with its code, the
    file, the line and (for a bad value) the field."""
    out = io.StringIO()
    csv.writer(out).writerows([COLUMNS, *rows])
    path = tmp_path / "results.csv"
    path.write_text(out.getvalue(), "utf-8")
    read = read_results(path, election=election)
    assert check(read.errors, path) == []
    assert all(e.code != "E122" or e.field in COLUMNS for e in read.errors)
    lines = {e.line for e in read.errors if e.line} | {r.line for r in read.rows}
    assert lines <= set(range(2, len(out.getvalue().splitlines()) + 1))  # where records end
    for row in read.rows:
        assert row.votes is None or 0 <= row.votes <= MAX_NUMBER
        # names are read clean, so the key the reader hands the store is key()'s
        assert clean(row.candidate) == row.candidate
        assert read.name_keys[row.candidate] == key(row.candidate)


@FILES
@given(st.binary(max_size=600))
def test_the_results_reader_takes_any_bytes(tmp_path, data):
    path = tmp_path / "any.csv"
    path.write_bytes(data)
    assert check(read_results(path).errors, path) == []


# -- mappings ------------------------------------------------------------------------------

JUNK = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


def _tables() -> list[dict]:
    folder = Path(__file__).parent.parent / "chunav" / "ingest" / "mappings"
    return [tomllib.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.toml"))]


@FILES
@given(st.sampled_from(_tables()), st.data())
def test_a_mangled_mapping_is_a_format_or_a_coded_error(tmp_path, data, draw):
    """Any value of a shipped mapping (or of one of its tables) replaced by junk: parsing gives
    a Format or E105/E110, and a Format so made reads a file without crashing."""
    table = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    owner = draw.draw(st.sampled_from([table] + [v for v in table.values()
                                                 if isinstance(v, dict)]))
    name = draw.draw(st.sampled_from(sorted(owner)) | st.text(max_size=6))
    owner[name] = draw.draw(JUNK)
    try:
        fmt = parse_format(table, "mangled.toml")
    except ChunavError as err:
        assert err.code in ("E105", "E110")
        return
    path = tmp_path / "file.csv"
    path.write_text("election,state,constituency,candidate,party,votes\n"
                    "Lok Sabha 2024,Goa,Panaji,A B,BJP,10\n", "utf-8")
    with mock.patch.object(results, "get_format", lambda _: fmt):  # as if --format named it
        read = results.read_results(path, election="Lok Sabha 2024", format="mangled.toml")
    assert check(read.errors, path) == []


# -- a bounded fuzz run --------------------------------------------------------------------

def test_the_readers_survive_a_fuzz_run(tmp_path):
    """benchmarks/fuzz.py, bounded: mutated and random results files and articles."""
    tally = fuzz(600, seed=7, out=tmp_path)
    assert tally.failures == [] and tally.tried == 600
    assert tally.rejecting > 100 and sum(tally.codes.values()) >= tally.rejecting


# -- malformed mapping and settings files, through the CLI ---------------------------------

BAD_MAPPINGS = {
    "not TOML": "name = \n[fields",
    "not UTF-8": b"name = \"x\xff\"\n",
    "no fields": 'name = "m"\nheader = true\n',
    "fields not a table": 'name = "m"\nheader = true\nfields = 3\n',
    "unknown field": 'name = "m"\nheader = true\n[fields]\nvotez = "votes"\n',
    "pattern without a group": 'name = "m"\nheader = true\n[fields]\n'
                               'votes = { column = "votes", pattern = "\\\\d+" }\n',
    "bad regex": 'name = "m"\nheader = true\n[fields]\nvotes = { column = "v", pattern = "(" }\n',
    "election without year": 'name = "m"\nheader = true\nelection = "Lok Sabha"\n[fields]\n'
                             'votes = "votes"\n',
    "detect not a table": 'name = "m"\nheader = true\ndetect = "x"\n[fields]\nvotes = "votes"\n',
}


def _no_traceback(output: str) -> None:
    assert "Traceback" not in output and "File \"" not in output


@pytest.mark.parametrize("what", sorted(BAD_MAPPINGS))
def test_a_malformed_mapping_file_is_a_coded_error(runner, tmp_path, data, what):
    mapping = tmp_path / "mine.toml"
    body = BAD_MAPPINGS[what]
    mapping.write_bytes(body if isinstance(body, bytes) else body.encode())
    result = runner.invoke(cli, ["import-results", str(data / "generic.csv"),
                                 "--format", str(mapping)])
    assert result.exit_code == 1, result.output
    assert re.search(r"\[E1(05|10)\]", result.output), result.output
    _no_traceback(result.output)


BAD_SETTINGS = {
    "not TOML": "[extract\nmodel = 1",
    "not UTF-8": b"[extract]\nmodel = \"\xff\"\n",
    "section not a table": "extract = 5\n",
    "max_chars not a number": '[extract]\nmax_chars = "lots"\n',
    "batch_size zero": "[extract]\nbatch_size = 0\n",
    "model not a name": "[extract]\nmodel = 3\n",
}


@pytest.mark.parametrize("what", sorted(BAD_SETTINGS))
def test_a_malformed_settings_file_is_a_coded_error(runner, tmp_path, data, monkeypatch, what):
    settings_file = tmp_path / "chunav.toml"
    body = BAD_SETTINGS[what]
    settings_file.write_bytes(body if isinstance(body, bytes) else body.encode())
    monkeypatch.setenv("CHUNAV_CONFIG", str(settings_file))
    result = runner.invoke(cli, ["facts", str(data / "articles" / "dev-01.txt"),
                                 "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert re.search(r"\[E01[01]\]", result.output), result.output
    _no_traceback(result.output)


def test_rejections_name_file_line_and_field(tmp_path):
    """The shape every check above relies on, shown once."""
    path = tmp_path / "r.csv"
    path.write_text("election,state,constituency,candidate,party,votes\n"
                    "Lok Sabha 2024,Goa,Panaji,A B,BJP,lots\n", "utf-8")
    (err,) = read_results(path).errors
    assert err == RowError(str(path), 2, "votes", "not a whole number: 'lots'", "E122")


def test_a_name_of_words_the_rules_set_aside_still_agrees_with_itself():
    """Found by the property above: "Aka" (an alias marker) leaves no words to compare."""
    assert names_agree("Aka", "Aka") and names_agree("Alias", "ALIAS")
    assert not names_agree("Aka", "Urf")
