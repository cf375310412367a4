"""Who is who across records and the news: resolve, the alias file, why-same (issue 6)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from chunav import import_results
from chunav.build import link_people, names_in
from chunav.cli import cli
from chunav.errors import ChunavError
from chunav.model import KnownNames
from chunav.store import schema as s
from chunav.store.people import current_person_id


def _person_of(store, ballot: str) -> int:
    with store.connect() as conn:
        return conn.execute(select(s.candidacy.c.person_id)
                            .where(s.candidacy.c.ballot_name == ballot)).scalar_one()


def test_the_same_person_across_elections_and_spellings_is_one_after_resolve(store, data):
    assert import_results(store, data / "people" / "careers.csv").ok
    before = _person_of(store, "Asgar Ali Karbalai")
    assert before != _person_of(store, "ASGAR ALI KARBALAIE")
    report = link_people(store)
    assert report.merged >= 1
    assert _person_of(store, "Asgar Ali Karbalai") == _person_of(store, "ASGAR ALI KARBALAIE")
    with store.connect() as conn:  # the merged-away id still answers, as the survivor
        assert current_person_id(conn, before) == _person_of(store, "ASGAR ALI KARBALAIE")
    # the 2014 and 2024 Namgyals, and Tsering Namgyal and Phuntsog Namgyal, stay apart
    assert _person_of(store, "TSERING NAMGYAL") != _person_of(store, "PHUNTSOG NAMGYAL")
    assert _person_of(store, "TSERING NAMGYAL") != _person_of(store, "Jamyang Tsering Namgyal")


def test_the_alias_file_wins_over_the_matcher(store, data):
    import_results(store, data / "people" / "careers.csv")
    first = _person_of(store, "ASGAR ALI KARBALAIE")
    report = link_people(store, data / "people" / "aliases.toml")
    assert report.split == 0 or report.split >= 0
    # "different" keeps the two Asgar Alis apart; the first record keeps its id
    assert _person_of(store, "ASGAR ALI KARBALAIE") == first
    assert _person_of(store, "Asgar Ali Karbalai") != first
    # "same" joins two names the matcher would never join
    assert _person_of(store, "SYED MOHD KAZIM") == _person_of(store, "Sajjad Hussain")


def test_an_alias_file_splits_what_the_matcher_joined(store, data, write):
    import_results(store, data / "people" / "careers.csv")
    link_people(store)
    joined = _person_of(store, "ASGAR ALI KARBALAIE")
    assert joined == _person_of(store, "Asgar Ali Karbalai")
    report = link_people(store, data / "people" / "aliases.toml")
    assert report.split == 1
    assert _person_of(store, "ASGAR ALI KARBALAIE") == joined  # ids stay stable
    assert _person_of(store, "Asgar Ali Karbalai") != joined


def test_a_bad_alias_file_is_a_coded_error(store, write):
    with pytest.raises(ChunavError, match=r"\[E502\].*names"):
        link_people(store, write("a.toml", "[[same]]\nnames = 'one name'\n"))
    with pytest.raises(ChunavError, match=r"\[E502\]"):
        link_people(store, write("b.toml", "[[same]\n"))


def test_news_names_link_to_the_official_candidate_and_why_same_says_why(runner, data):
    out = runner.invoke(cli, ["import-results", str(data / "people" / "careers.csv")])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["build", str(data / "people" / "news.txt")])
    assert out.exit_code == 0, out.output
    out = runner.invoke(cli, ["why-same", "Haji Haneefa Jan", "MOHMAD HANEEFA"])
    assert out.exit_code == 0, out.output
    assert "are one person" in out.output and "news: a candidate of this contest" in out.output
    out = runner.invoke(cli, ["why-same", "Ghulam Hassan Khan", "HASSAN KHAN", "--json"])
    answer = json.loads(out.output)
    assert answer["same"] and "Lok Sabha 2009" in json.dumps(answer["person"]["records"])
    out = runner.invoke(cli, ["why-same", "TSERING NAMGYAL", "PHUNTSOG NAMGYAL"])
    assert out.exit_code == 0 and "are not one person" in out.output
    out = runner.invoke(cli, ["why-same", "Nobody Atall", "HASSAN KHAN"])
    assert out.exit_code == 1 and "[E404]" in out.output


def test_only_names_the_articles_contain_reach_the_gazetteer():
    names = KnownNames(people=("Mohmad Haneefa", "Tashi Gyalson", "Hassan Khan"),
                       parties=(("Bharatiya Janata Party", "BJP"), ("Aam Aadmi Party", "AAP")),
                       seats=("Ladakh", "Kargil"))
    found = names_in(["MOHMAD HANEEFA of Ladakh beat the BJP candidate."], names)
    assert found.people == ("Mohmad Haneefa",) and found.seats == ("Ladakh",)
    assert found.parties == (("Bharatiya Janata Party", "BJP"),)


def test_a_stored_name_inside_a_longer_one_does_not_reach_the_gazetteer():
    """"HASSAN KHAN" on a ballot must not cut the article's "Ghulam Hassan Khan" short."""
    names = KnownNames(people=("Hassan Khan", "Phuntsog Namgyal"))
    found = names_in(["In 2009, Ghulam Hassan Khan won. Phuntsog Namgyal lost."], names)
    assert found.people == ("Phuntsog Namgyal",)
    assert names_in(["Hassan Khan won in 2009."], names).people == ("Hassan Khan",)


def test_resolving_again_keeps_what_an_alias_file_joined(store, data):
    """Persons stay as they are unless an alias file says otherwise: a second run without the
    file does not undo its [[same]]."""
    import_results(store, data / "people" / "careers.csv")
    link_people(store, data / "people" / "aliases.toml")
    joined = _person_of(store, "SYED MOHD KAZIM")
    again = link_people(store)
    assert again.split == 0
    assert _person_of(store, "Sajjad Hussain") == joined


def test_many_ids_follow_their_redirects_at_once(store):
    from chunav.store import schema as s
    from chunav.store.people import current_person_id, current_person_ids, merge_persons

    with store.begin() as conn:
        a, b, c, d = (conn.execute(s.person.insert().values(name=n)).inserted_primary_key[0]
                      for n in ("A", "B", "C", "D"))
        merge_persons(conn, b, a)  # a -> b
        merge_persons(conn, c, b)  # b -> c: a chain of two
        now = current_person_ids(conn, [a, b, c, d, 999_999])
        assert now == {a: c, b: c, c: c, d: d}  # an id of no person is left out
        assert all(current_person_id(conn, x) == now[x] for x in (a, b, c, d))
