"""The API routes of issue 8's answers over HTTP, against the real server on the rebels and
timeline test data (tests/serving.py's ``served_issue8``): a person's timeline, a party's
members and an alliance's parties, rebels, precedents, turncoats and careers; each paged, as
CSV, with its evidence, and errors in the one shape."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from serving import Served, served_issue8  # noqa: F401  (the fixture)
from test_api import error_shape

ROUTES = ("/api/persons/{person}/timeline", "/api/orgs/{name}/members", "/api/rebels",
          "/api/precedents/{seat}", "/api/turncoats", "/api/careers")


@pytest.fixture(scope="module")
def api(served_issue8: Served) -> httpx.Client:  # noqa: F811
    with httpx.Client(base_url=served_issue8.url, timeout=60) as client:
        yield client


def rows_of(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


def test_the_spec_lists_every_new_route(api: httpx.Client):
    paths = api.get("/openapi.json").json()["paths"]
    for path in ROUTES:
        assert path in paths, path


def test_a_timeline_by_any_spelling_or_id_with_its_sources(api: httpx.Client):
    by_name = api.get("/api/persons/Kuldeep Rana/timeline").json()
    person = by_name["person"]
    assert person["name"] == "KULDEEP SINGH RANA" and "Kuldeep Rana" in person["names"]
    by_id = api.get(f"/api/persons/{person['id']}/timeline").json()
    assert by_id["timeline"] == by_name["timeline"] and by_id["total"] == by_name["total"]
    entries = by_name["timeline"]
    assert [e["election"] for e in entries if e["kind"] == "candidacy"] == [
        "Himachal Pradesh Assembly 2017", "Lok Sabha 2019", "Himachal Pradesh Assembly 2022",
        "Lok Sabha 2024"]
    rebel = next(e for e in entries if e["kind"] == "membership" and e["status"] == "rebel")
    (said,) = rebel["evidence"]
    assert "rebel Congress leader" in said["sentence"] and said["source"].endswith(
        "nomination.txt")
    article = api.get(f"/api/articles/{said['source_id']}").json()
    start, end = said["chars"]
    for part in said["sentence"].split("…"):  # a long sentence is shown with a cut
        assert " ".join(part.split()) in " ".join(article["text"][start:end].split())
    congress = next(i for i in by_name["memberships"] if i["org"] == "Indian National Congress")
    assert (congress["start"], congress["end"], congress["end_cause"]) == (
        "2017", "2022-11-05", "resigned")
    assert [i["org"] for i in by_name["in_force"]] == ["Bharatiya Janata Party"]


def test_a_timeline_pages_as_of_a_day_and_as_csv(api: httpx.Client):
    whole = api.get("/api/persons/Kuldeep Rana/timeline").json()
    second = api.get("/api/persons/Kuldeep Rana/timeline",
                     params={"limit": 2, "offset": 2}).json()
    assert second["total"] == whole["total"] > 4 and second["timeline"] == whole["timeline"][2:4]
    early = api.get("/api/persons/Kuldeep Rana/timeline", params={"as_of": "2020-01-01"}).json()
    assert early["as_of"] == "2020-01-01" and early["total"] == 2
    assert [i["org"] for i in early["in_force"]] == ["Indian National Congress"]
    rows = rows_of(api.get("/api/persons/Kuldeep Rana/timeline", params={"format": "csv"}))
    assert len(rows) == whole["total"] and rows[0]["kind"] == "candidacy"
    assert rows[-1]["votes"] == "520202" and rows[-1]["source"].startswith("results.csv:11")


def test_timeline_errors(api: httpx.Client):
    assert "E404" in error_shape(api.get("/api/persons/Nobody Atall/timeline"), 404)["error"]
    error_shape(api.get("/api/persons/999999/timeline"), 404)
    error_shape(api.get("/api/persons/Kuldeep Rana/timeline", params={"as_of": "2020-13-01"}),
                422)


def test_a_partys_members_over_time(api: httpx.Client):
    body = api.get("/api/orgs/National Conference/members").json()
    assert body["kind"] == "party"
    assert body["org"]["name"] == "Jammu & Kashmir National Conference"
    people = {m["person"]: m for m in body["members"]}
    assert set(people) == {"GULAM RASOOL MIR", "MOHD SHAFI KHAN", "BASHIR AHMAD LONE",
                           "MOHD YASEEN WANI"}
    wani = people["MOHD YASEEN WANI"]
    assert wani["start"] == "2024-06-06" and wani["end"] == "open"
    assert "Rebel National Conference leader" in wani["changes"][0]["evidence"][0]["sentence"]
    page = api.get("/api/orgs/National Conference/members",
                   params={"limit": 1, "offset": 3}).json()
    assert page["total"] == 4 and page["members"] == body["members"][3:]
    rows = rows_of(api.get("/api/orgs/National Conference/members", params={"format": "csv"}))
    assert [r["person"] for r in rows] == [m["person"] for m in body["members"]]
    assert set(rows[0]) == {"person_id", "person", "start", "end", "state", "last_seen",
                            "sources"}


def test_an_alliances_parties_per_election_and_its_seat_sharing(api: httpx.Client):
    body = api.get("/api/orgs/INDIA/members", params={"limit": 1000}).json()
    assert body["kind"] == "alliance"
    assert body["alliance"] == "Indian National Developmental Inclusive Alliance"
    nc = next(p for p in body["partners"] if p["party"] == "Jammu & Kashmir National Conference")
    assert nc["election"] == "Lok Sabha 2024" and nc["where"] == "Jammu & Kashmir, Ladakh"
    assert nc["evidence"][0]["locator"].startswith("INDIA Lok Sabha 2024 / partners")
    ladakh = next(x for x in body["seats"] if x["constituency"] == "Ladakh")
    assert ladakh["party"] == "Indian National Congress"
    assert ladakh["evidence"][0]["locator"] == "INDIA Lok Sabha 2024 / Ladakh"
    rows = rows_of(api.get("/api/orgs/INDIA/members", params={"format": "csv"}))
    assert list(rows[0]) == ["Election", "Party", "Where", "Status", "Source"]
    assert "E410" in error_shape(api.get("/api/orgs/No Such Party/members"), 404)["error"]


def test_rebels_of_an_election_with_the_evidence_of_each_part(api: httpx.Client):
    body = api.get("/api/rebels", params={"election": "Lok Sabha 2024"}).json()
    assert body["total"] == 1
    (wani,) = body["rebels"]
    assert (wani["candidate"], wani["constituency"], wani["won"]) == (
        "MOHD YASEEN WANI", "Tulail", True)
    assert "Rebel National Conference leader" in wani["tie"]["evidence"][0]["sentence"]
    assert wani["against"][0]["candidate"] == "TSEWANG NORBU"
    assert wani["evidence"][0]["line"] == 16
    every = api.get("/api/rebels").json()
    assert every["total"] == 4
    page = api.get("/api/rebels", params={"limit": 2, "offset": 2}).json()
    assert [r["candidate"] for r in page["rebels"]] == [
        r["candidate"] for r in every["rebels"][2:]]
    rows = rows_of(api.get("/api/rebels", params={"format": "csv"}))
    assert [r["candidate"] for r in rows] == [r["candidate"] for r in every["rebels"]]
    nalagarh = next(r for r in rows if r["constituency"] == "Nalagarh")
    assert nalagarh["tie"] == "INC (news: rebel)" and nalagarh["won"] == "won"
    assert "E420" in error_shape(api.get("/api/rebels", params={"election": "Lok Sabha 1977"}),
                                 404)["error"]


def test_precedents_ranked_and_paged(api: httpx.Client):
    body = api.get("/api/precedents/Tulail", params={"election": "Lok Sabha 2024"}).json()
    assert body["contest"]["winner"] == "MOHD YASEEN WANI" and body["total"] == 4
    assert [(p["scope"], p["election"], p["constituency"]) for p in body["precedents"]] == [
        ("same seat", "Lok Sabha 2009", "Tulail"), ("same seat", "Lok Sabha 2004", "Tulail"),
        ("same state", "Lok Sabha 2009", "Machil"), ("elsewhere", "Lok Sabha 2009", "Kaza")]
    assert body["precedents"][0]["winner_evidence"][0]["line"] == 7
    assert [m["election"] for m in body["missing"]] == ["Lok Sabha 2014"]
    page = api.get("/api/precedents/tulail", params={"election": "Lok Sabha 2024", "limit": 2,
                                                     "offset": 1}).json()
    assert page["total"] == 4 and page["precedents"] == body["precedents"][1:3]
    rows = rows_of(api.get("/api/precedents/Tulail",
                           params={"election": "Lok Sabha 2024", "format": "csv"}))
    assert [r["constituency"] for r in rows] == ["Tulail", "Tulail", "Machil", "Kaza"]
    assert rows[0]["closeness"] == "4"
    error_shape(api.get("/api/precedents/Tulail"), 422)  # the election is required
    error_shape(api.get("/api/precedents/Nowhere", params={"election": "Lok Sabha 2024"}), 404)


def test_turncoats_and_careers(api: httpx.Client):
    body = api.get("/api/turncoats", params={"election": "Lok Sabha 2024"}).json()
    (rana,) = body["candidacies"]
    assert (rana["candidate"], rana["previous_party"], rana["turncoat"]) == (
        "KULDEEP SINGH RANA", "INC", True)
    assert rana["evidence"]["candidacy"][0]["line"] == 11
    assert rana["evidence"]["previous"][0]["line"] == 6
    rows = rows_of(api.get("/api/turncoats", params={"format": "csv"}))
    assert rows[0]["Candidate"] == "KULDEEP SINGH RANA" and rows[0]["Previous seat"] == "Shimla"
    careers = api.get("/api/careers", params={"election": "Lok Sabha 2024", "limit": 2}).json()
    assert careers["total"] == 7 and len(careers["candidacies"]) == 2
    incumbents = api.get("/api/careers", params={"show": "incumbents"}).json()
    assert all(c["incumbent"] for c in incumbents["candidacies"]) and incumbents["total"]
    error_shape(api.get("/api/careers", params={"show": "everyone"}), 422)
    assert "E422" in error_shape(api.get("/api/turncoats", params={"state": "Atlantis"}),
                                 404)["error"]


def test_new_routes_answer_304_to_their_etag(api: httpx.Client):
    first = api.get("/api/rebels")
    again = api.get("/api/rebels", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and not again.content


def test_the_new_pages_answer_and_an_unknown_party_is_a_404_page(api: httpx.Client):
    for path in ("/persons/1", "/orgs/INDIA", "/orgs/Congress", "/rebels",
                 "/rebels?election=every", "/precedents/Tulail?election=Lok Sabha 2024"):
        r = api.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), path
    missing = api.get("/orgs/No Such Party")
    assert missing.status_code == 404 and "E410" in missing.text
    assert missing.headers["content-type"].startswith("text/html")
