"""Numbers where sources disagree, explained where the data can: postal votes left out, a
rounded lakh figure, another election's count, transposed digits; real disagreements apart;
a margin the store cannot check said to be unchecked, not guessed."""

from __future__ import annotations

import json

import pytest

from chunav.analyse.conflicts import _rounded, _transposed, conflicts
from chunav.build import import_results, ingest_articles, link_people
from chunav.cli import cli


def _build(store, data, extractor):
    folder = data / "conflicts"
    import_results(store, folder / "results.csv")
    ingest_articles(store, [folder / "a-postal.txt", folder / "b-slips.txt"], extractor)
    link_people(store)
    return store


@pytest.fixture
def built(store, data, extractor):
    return _build(store, data, extractor)


def _why(found, subject, value):
    [c] = [c for group in found.values() for c in group
           if c.subject == subject and c.value == value]
    return c


def test_each_difference_is_explained_by_the_data(built):
    with built.connect() as conn:
        found = conflicts(conn)
    postal = _why(found, "Rekha Oraon", 512340)
    assert postal.reference == 516593 and postal.explanation["code"] == "postal_votes"
    assert "4,253 votes by post" in postal.explanation["text"]
    assert _why(found, "Rekha Oraon", 516953).explanation["code"] == "transposition"
    earlier = _why(found, "Dinesh Mahto", 480112).explanation
    assert earlier["code"] == "other_election" and "Lok Sabha 2019" in earlier["text"]
    lakh = _why(found, "Dinesh Mahto", 450000).explanation
    assert lakh == {"code": "rounded", "text": "rounded (4.5 lakh)"}
    margin = _why(found, "Rekha Oraon's margin", 67000)
    assert (margin.reference, margin.explanation["code"]) == (66693, "rounded")
    assert found["disputed"] == []


def test_a_margin_of_a_year_the_store_lacks_is_unchecked_not_guessed(built):
    with built.connect() as conn:
        found = conflicts(conn)
    [c] = found["unchecked"]
    assert (c.subject, c.value, c.reference) == ("Dinesh Mahto's margin", 102334, None)
    assert "in 2014" in c.explanation["text"]  # the year its sentence names


def test_every_version_carries_its_evidence(built):
    with built.connect() as conn:
        c = _why(conflicts(conn), "Rekha Oraon", 512340)
    official = next(v for v in c.values if v["official"])
    report = next(v for v in c.values if not v["official"])
    assert official["evidence"][0]["line"] == 5 and official["postal_votes"] == 4253
    [e] = report["evidence"]
    assert e["source"].endswith("a-postal.txt") and "5,12,340" in e["sentence"]
    start, end = e["chars"]
    assert end > start


def test_conflicts_cli_json_csv_and_80_columns(db_path, data, extractor, runner, monkeypatch):
    from chunav.store import open_store

    _build(open_store(str(db_path)), data, extractor)
    monkeypatch.setenv("COLUMNS", "80")
    out = runner.invoke(cli, ["conflicts", "--json"])
    body = json.loads(out.output)
    assert body["counts"] == {"explained": 5, "disputed": 0, "unchecked": 1}
    out = runner.invoke(cli, ["conflicts", "--only", "explained", "--format", "csv"])
    lines = out.output.splitlines()
    assert lines[0] == ("status,election,constituency,subject,what,value,reference,difference,"
                        "why") and len(lines) == 6
    assert "Lok Sabha 2024,Baramgarh,Rekha Oraon,votes,512340,516593,-4253," in out.output
    out = runner.invoke(cli, ["conflicts", "--indian"])
    assert "5,12,340" in out.output
    assert max(len(line) for line in out.output.splitlines()) <= 80


@pytest.mark.parametrize(("value", "reference", "rounded"), [
    (450000, 449900, True), (120000, 119874, True), (67000, 66693, True),
    (67000, 65259, False), (64443, 65259, False), (800, 799, True), (90, 91, False)])
def test_rounding_needs_a_round_figure_within_half_its_unit(value, reference, rounded):
    assert bool(_rounded(value, reference)) is rounded


@pytest.mark.parametrize(("value", "reference", "swapped"), [
    (516953, 516593, True), (3212, 3221, True), (516593, 516593, False),
    (516395, 516593, False), (65259, 652590, False)])
def test_transposition_is_two_neighbouring_digits_swapped(value, reference, swapped):
    assert bool(_transposed(value, reference)) is swapped
