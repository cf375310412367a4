"""The scripts that derive versioned data files from public results (scripts/)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from chunav.knowledge.parties import lookup_party

SCRIPTS = Path(__file__).parent.parent / "scripts"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("abbreviation", "name", "spelt"), [
    ("BARESP", "Bahujan Republican  Socialist Party", True),
    ("BGanP", "Bharatiya Gana Parishad", True),
    ("PPID", "Peoples Party of India (Democratic)", True),  # "of" may be skipped
    ("ABP", "Aadi Bharat Party", True), ("ABHP", "Aadi Bharat Party", True),
    ("RLTP", "Rashtriya Loktantrik Party", True),  # more letters of a word, in order
    ("RJsbhP", "Rashtriya Jansabha Party", True), ("RPLT", "Rashtriya Loktantrik Party", False),
    ("BSP", "Bahujan Samaj Party of India", False),  # every word gives a letter
    ("BJP", "Bahujan Samaj Party", False), ("RTORP", "Rashtriya Lok Party", False),
])
def test_an_abbreviation_spells_a_name_word_by_word(abbreviation, name, spelt):
    assert _script("derive_parties").spells(abbreviation, name) is spelt


def _write(path: Path, header: list[str] | None, rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        if header:
            writer.writerow(header)
        writer.writerows(rows)


def test_a_2024_full_name_pairs_with_tcpds_abbreviation_only_on_a_shared_candidate(tmp_path):
    """A pair needs the spelling and one candidate standing for both, in one state; a name
    two abbreviations spell (each with a candidate) is left out."""
    _write(tmp_path / "tcpd_lok_sabha_1962_2021_all_states.csv",
           ["State_Name", "Year", "Candidate", "Party"],
           [["Bihar", "2019", "Ram Kripal Yadav (Guddu)", "JRVP"],
            ["Bihar", "2019", "SUNIL KUMAR", "YVP"],  # a different man stands in 2024
            ["Uttar_Pradesh", "2014", "MOHD. ISLAM", "ABP"],
            ["Uttar_Pradesh", "2019", "SHIV KUMAR", "ABHP"]])
    _write(tmp_path / "ls2024_results.csv", None, [
        ["1", "S04", "BIHAR", "PATNA SAHIB", "5", "Ram Kripal Yadav", "Janta Raj Vikas Party"],
        ["2", "S04", "BIHAR", "ARRAH", "7", "Mukesh Paswan", "Yuva Vikas Party"],
        ["3", "S24", "UTTAR PRADESH", "AGRA", "4", "Mohammad Islam", "Aadi Bharat Party"],
        ["4", "S24", "UTTAR PRADESH", "ETAH", "6", "Shiv Kumar", "Aadi Bharat Party"]])
    found = _script("derive_parties").pairs_2024(tmp_path, {})
    assert found == {"JRVP": "Janta Raj Vikas Party"}


def test_the_party_list_knows_the_2024_names_of_tcpds_abbreviations():
    """parties.v3.json: a candidate of BARESP in 2019 and of the Bahujan Republican Socialist
    Party in 2024 stood for one party (not a turncoat, not unsure)."""
    for abbreviation, name in (("BARESP", "Bahujan Republican Socialist Party"),
                               ("NTK", "Naam Tamilar Katchi"), ("RTORP", "Right to Recall Party")):
        assert lookup_party(abbreviation) is not None
        assert lookup_party(abbreviation) == lookup_party(name)
