"""Party lineage (resolve/lineage.py over data/lineage.v1.json): renames join two names at any
time; splits, mergers and successors lead one way, between the elections they fall between."""

from __future__ import annotations

import re

from chunav.build import import_results
from chunav.resolve.lineage import KINDS, follows, lineage_of, links, party_key, same_party
from chunav.store.people import person_records


def test_the_file_loads_with_dated_noted_links_of_known_kinds():
    found = links()
    assert len(found) >= 50
    for link in found:
        assert link.kind in KINDS
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", link.date), link
        assert 1900 < link.year < 2100
        assert len(link.note) > 30 and link.note.endswith("."), link
        assert party_key(link.source) != party_key(link.target), link
    assert [x.date for x in found] == sorted(x.date for x in found)


def test_every_party_resolves_in_the_store_to_the_key_lineage_uses(store, tmp_path):
    """A results file naming each party as the data does files it under the party that
    party_key means (the gazetteer's, or a party of that label): lineage and store agree."""
    names = sorted({n for link in links() for n in (link.source, link.target)})
    rows = ["election,state,constituency,constituency_no,candidate,party,votes"]
    rows += [f"Lok Sabha 2019,Goa,Seat {i},{i},Candidate Number {i},\"{name}\",{100 + i}"
             for i, name in enumerate(names, 1)]
    path = tmp_path / "parties.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert import_results(store, path).ok
    with store.connect() as conn:
        filed = {r["constituency"]: r["party"] for r in person_records(conn)}
    assert len(filed) == len(names)
    for i, name in enumerate(names, 1):
        assert party_key(filed[f"Seat {i}"]) == party_key(name), name


def test_a_faction_is_followed_forwards_between_the_elections_it_falls_between():
    assert [x.kind for x in follows("SHS", "Shiv Sena (UBT)", 2019, 2024)] == ["split"]
    assert follows("Shiv Sena (UBT)", "SHS", 2024, 2029) is None  # back to the parent
    assert follows("SHS", "SS(UBT)", 2014, 2019) is None  # no split yet
    assert follows("NCP", "NCP(SP)", 2019, 2024)
    assert follows("INC", "NCP(SP)", 2019, 2024) is None  # the NCP left the INC in 1999


def test_a_rename_or_alias_is_one_party_at_any_time():
    assert same_party("TRS", "Bharat Rashtra Samithi")
    assert [x.kind for x in follows("TRS", "BRS", 2019, 2024)] == ["rename"]
    assert follows("ADK", "ADMK", 1989, 1996)  # TCPD's label after the 1976 rename
    assert same_party("INC(I)", "Congress") and follows("INC", "INC(I)", 1977, 1980) == ()
    assert not same_party("NCP", "NCP(SP)")


def test_a_chain_of_links_in_date_order():
    chain = follows("BLD", "LKD", 1977, 1984)
    assert [(x.source, x.target) for x in chain] == [
        ("BLD", "JNP"), ("JNP", "JNP(S)"), ("JNP(S)", "LKD")]
    # "Lok Dal" is the gazetteer's LD, which TCPD's LKD is an alias of
    assert [x.kind for x in follows("BLD", "Lok Dal", 1977, 1996)][-1] == "alias"
    assert follows("BLD", "LKD", 1980, 1984) is None  # the 1979 split came before 1980


def test_lineage_of_a_party_lists_its_line():
    assert [(x.source, x.target, x.kind) for x in lineage_of("Bharat Rashtra Samithi")] == [
        ("TDP", "TRS", "breakaway"), ("TRS", "BRS", "rename")]
    jd = {(x.source, x.target) for x in lineage_of("JD")}
    assert {("JD", "JD(U)"), ("JD", "RJD"), ("JNP", "JD")} <= jd
    assert lineage_of("Aam Aadmi Party") == []


def test_going_with_a_breakaway_is_a_change_of_party_staying_with_a_faction_is_not():
    assert follows("INC", "AITC", 1996, 1998) is None  # Mamata Banerjee's new party
    assert follows("INC", "YSRCP", 2009, 2014) is None
    assert [x.kind for x in follows("INC", "NCO", 1967, 1971)] == ["split"]  # Congress (O)
    assert [x.kind for x in follows("NCP", "NCP(SP)", 2019, 2024)] == ["split"]
