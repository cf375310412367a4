"""The knowledge base from results and articles: facts stored with their sentences."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from chunav import import_results
from chunav.analyse.results import contest_result
from chunav.build import ingest_articles
from chunav.cli import cli
from chunav.store import queries as q

SEAT = "Lok Sabha 2024,Meghalaya,Shillong"
RESULTS = f"""election,state,constituency,candidate,party,evm_votes,postal_votes,votes
{SEAT},RICKY ANDREW J. SYNGKON,Voice of the People Party,569000,2078,571078
{SEAT},VINCENT H. PALA,Indian National Congress,198000,1168,199168
{SEAT},AMPAREEN LYNGDOH,National People's Party,123900,502,124402
"""


@pytest.fixture
def built(store, write, data, extractor):
    import_results(store, write("r.csv", RESULTS))
    report = ingest_articles(store, [data / "articles" / "dev-10.txt",
                                     data / "articles" / "dev-04.txt"], extractor)
    assert not report.errors and report.new == 2 and report.facts > 10
    return store


def test_every_stored_fact_traces_to_its_article_and_sentence(built):
    with built.connect() as conn:
        rows = conn.execute(text(
            "select e.sentence, e.char_start, e.char_end, s.text, s.uri "
            "from evidence e join source s on s.id = e.source_id where s.kind = 'article'")).all()
        facts = conn.execute(text("select count(*) from event")).scalar()
    assert rows and facts
    for sentence, start, end, body, uri in rows:
        assert uri.endswith(".txt")
        assert body[start:end].startswith(sentence.split(" … ")[0])
        assert sentence.split(" … ")[-1] in body[start:end]


def test_article_names_link_to_official_candidates(built):
    with built.connect() as conn:
        ref = q.find_contests(conn, "Shillong", "Lok Sabha 2024")[0]
        result = contest_result(conn, ref)
        people = conn.execute(text("select count(distinct person_id) from candidacy c join "
                                   "contest t on t.id = c.contest_id")).scalar()
    assert result.winner.candidate == "RICKY ANDREW J. SYNGKON"
    assert not any(line.disputed for line in result.lines)  # the article agrees
    assert people == 3  # "Ricky Andrew J. Syngkon" is the official "RICKY ANDREW J. SYNGKON"


def test_a_report_that_contradicts_the_official_count_is_kept_beside_it(store, write, extractor):
    import_results(store, write("r.csv", RESULTS))
    article = write("wrong.txt", "date 2024-06-05\nVoice of the People Party candidate Ricky "
                    "Andrew J. Syngkon won the Shillong Lok Sabha seat. Syngkon secured "
                    "5,69,000 votes.")
    ingest_articles(store, [article], extractor)
    with store.connect() as conn:
        result = contest_result(conn, q.find_contests(conn, "Shillong")[0])
    winner = result.winner
    assert winner.votes == 571078 and winner.disputed  # the official count is shown


def test_building_twice_changes_nothing(built, data, extractor):
    with built.connect() as conn:
        before = q.stats(conn)
    again = ingest_articles(built, [data / "articles" / "dev-10.txt"], extractor)
    assert again.new == 0 and again.facts == 0
    with built.connect() as conn:
        assert q.stats(conn) == before


def test_events_query_by_person_and_type(built):
    with built.connect() as conn:
        found = q.events(conn, person="Rajib Banerjee")
        joins = q.events(conn, type="join")
    assert {e["type"] for e in found} >= {"JOIN", "LEAVE"}
    assert all(e["sentence"] and e["source"] for e in found)
    assert [e["date"] for e in joins] == ["2021-01-29"]


def run(runner, *args):
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_cli_facts_writes_one_file_per_article_and_names_bad_ones(runner, tmp_path, data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((data / "articles" / "dev-09.txt").read_text())
    (folder / "empty.txt").write_text("")
    out = run(runner, "facts", str(folder), "--out", str(tmp_path / "out"))
    assert out.exit_code == 1
    assert "empty.txt: the article is empty [E101]" in out.output
    facts = [json.loads(x) for x in (tmp_path / "out" / "good.jsonl").read_text().splitlines()]
    assert {"kind", "evidence"} <= set(facts[0])
    assert any(f["kind"] == "result" and f["votes"] == 81272 for f in facts)
    assert not (tmp_path / "out" / "empty.jsonl").exists()


def test_cli_build_and_events(runner, write, data):
    results = write("r.csv", RESULTS)
    out = run(runner, "build", str(data / "articles" / "dev-10.txt"), "--results", str(results))
    assert out.exit_code == 0, out.output
    assert "1 articles read (1 new), 0 bad" in out.output
    out = run(runner, "events", "--person", "Syngkon", "--json")
    body = json.loads(out.output)
    assert body["ok"] and {e["type"] for e in body["events"]} >= {"WIN", "CONGRATULATE"}
    out = run(runner, "events", "--type", "WIN")
    assert "Syngkon" in out.output and "dev-10.txt" in out.output


def test_cli_events_for_an_unknown_person(runner, data):
    run(runner, "build", str(data / "articles" / "dev-10.txt"))
    out = run(runner, "events", "--person", "Nobody Atall")
    assert out.exit_code == 1 and "[E403]" in out.output


def test_news_first_then_official_results_count_each_candidate_once(store, write, data,
                                                                   extractor):
    ingest_articles(store, [data / "articles" / "dev-10.txt"], extractor)
    import_results(store, write("r.csv", RESULTS))
    again = import_results(store, write("r.csv", RESULTS))
    assert again.added.candidacies == 0 and again.added.evidence == 0
    with store.connect() as conn:
        result = contest_result(conn, q.find_contests(conn, "Shillong")[0])
    assert [line.candidate for line in result.lines] == [
        "RICKY ANDREW J. SYNGKON", "VINCENT H. PALA", "AMPAREEN LYNGDOH"]
    assert result.margin == 571078 - 199168


def test_an_article_whose_facts_cannot_be_stored_is_reported_and_the_rest_stored(
        store, data, extractor, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from chunav.store.load_facts import FactsLoader

    real = FactsLoader.load

    def flaky(self, facts):
        if "Rajib Banerjee" in self.text:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real(self, facts)

    monkeypatch.setattr(FactsLoader, "load", flaky)
    report = ingest_articles(store, [data / "articles" / "dev-04.txt",
                                     data / "articles" / "dev-10.txt"], extractor)
    assert [(e.file.rsplit("/", 1)[-1], e.code) for e in report.errors] == [("dev-04.txt", "E136")]
    assert report.new == 1
    with store.connect() as conn:
        assert conn.execute(text("select count(*) from source where kind = 'article'")
                            ).scalar() == 1
