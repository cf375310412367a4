"""The JSON API over HTTP, against the real server (tests/serving.py): status codes, the one
error shape, paging, ETag/304, CSV, the OpenAPI spec, and article text served escaped."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import httpx
import pytest
from serving import Served, served  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def api(served: Served) -> httpx.Client:  # noqa: F811
    with httpx.Client(base_url=served.url, timeout=30) as client:
        yield client


def error_shape(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status and body["errors"]
    return body


def test_openapi_lists_every_route(api: httpx.Client):
    spec = api.get("/openapi.json").json()
    assert len(spec["paths"]) >= 8
    for path in ("/api/search", "/api/constituencies/{seat}/results", "/api/events",
                 "/api/conflicts", "/api/sources/{fact_type}/{fact_id}",
                 "/api/persons/{person_id}", "/api/constituencies/{seat}/history"):
        assert path in spec["paths"]


def test_search_finds_by_any_spelling(api: httpx.Client):
    hits = api.get("/api/search", params={"q": "haneefa"}).json()["hits"]
    assert hits[0]["kind"] == "person" and hits[0]["name"] == "Mohmad Haneefa"
    for typed in ("Ladak", "ladakh", "Ladhak"):  # part of the name, any case, misspelt
        hits = api.get("/api/search", params={"q": typed}).json()["hits"]
        assert hits[0]["kind"] == "constituency" and hits[0]["name"] == "Ladakh", typed
    party = api.get("/api/search", params={"q": "INC", "kind": "party"}).json()["hits"]
    assert party[0]["name"] == "Indian National Congress"
    assert party[0]["how"] == "abbreviation"


def test_results_history_and_paging(api: httpx.Client):
    page = api.get("/api/constituencies/Ladakh/results", params={"limit": 1}).json()
    assert page["total"] == 4 and page["limit"] == 1 and page["offset"] == 0
    latest = page["contests"][0]
    assert latest["election"] == "Lok Sabha 2024" and latest["winner"] == "Mohmad Haneefa"
    assert latest["margin"] == 27862
    second = api.get("/api/constituencies/Ladakh/results", params={"limit": 1, "offset": 1})
    assert second.json()["contests"][0]["election"] == "Lok Sabha 2019"
    history = api.get("/api/constituencies/Ladakh/history").json()
    assert [h["election"] for h in history["history"]][:2] == ["Lok Sabha 2024",
                                                               "Lok Sabha 2019"]
    one = api.get("/api/constituencies/Ladakh/results",
                  params={"election": "Lok Sabha 2019"}).json()
    assert one["total"] == 1


def test_csv_for_lists(api: httpx.Client):
    r = api.get("/api/constituencies/Ladakh/results",
                params={"election": "Lok Sabha 2024", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows[0]["candidate"] == "Mohmad Haneefa" and rows[0]["votes"] == "65259"
    for path in ("/api/events", "/api/conflicts", "/api/stats", "/api/search",
                 "/api/constituencies/Ladakh/history", "/api/persons/1/records"):
        r = api.get(path, params={"format": "csv", "q": "ladakh"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), path
        assert "attachment" in r.headers["content-disposition"]


def test_events_filters_and_sources(api: httpx.Client):
    everything = api.get("/api/events").json()
    assert everything["total"] == len(everything["events"]) > 5
    meets = api.get("/api/events", params={"type": "meet"}).json()
    assert meets["total"] == 1 and meets["events"][0]["actors"] == ["Mohmad Haneefa"]
    dated = api.get("/api/events", params={"since": "2024-01-01"}).json()
    assert dated["total"] and all(e["date"] >= "2024-01-01" for e in dated["events"])
    early = api.get("/api/events", params={"until": "2010"}).json()["events"]
    assert {e["date"][:4] for e in early} == {"2009"}
    mine = api.get("/api/events", params={"person": "Haneefa"}).json()
    assert mine["total"] and all("Mohmad Haneefa" in e["actors"] + e["targets"]
                                 for e in mine["events"])
    paged = api.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in paged["events"]] == [e["id"] for e in everything["events"][2:4]]
    event = everything["events"][0]
    sources = api.get(f"/api/sources/event/{event['id']}").json()
    assert sources["total"] >= 1 and sources["sources"][0]["sentence"] == event["sentence"]


def test_errors_have_one_shape_and_the_right_status(api: httpx.Client):
    body = error_shape(api.get("/api/constituencies/Atlantis/results"), 404)
    assert "E401" in body["error"]
    error_shape(api.get("/api/persons/999999"), 404)
    error_shape(api.get("/api/sources/event/999999"), 404)
    error_shape(api.get("/api/events", params={"party": "No Such Party"}), 404)
    error_shape(api.get("/api/no-such-route"), 404)
    body = error_shape(api.get("/api/events", params={"limit": 0}), 422)
    assert any("limit" in e for e in body["errors"])
    error_shape(api.get("/api/search"), 422)  # q is required
    error_shape(api.get("/api/sources/nonsense/1"), 422)
    # a bad election name is bad input (E1xx), not a missing thing
    error_shape(api.get("/api/constituencies/Ladakh/results", params={"election": "2024"}),
                400)


def test_etag_gives_304_until_the_store_changes(api: httpx.Client, served: Served):  # noqa: F811
    first = api.get("/api/events")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = api.get("/api/events", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content
    assert api.get("/constituencies/Ladakh", headers={"If-None-Match": etag}).status_code == 304
    # another process adds a fact: the version changes, the old ETag no longer matches
    code = ("import sys; from chunav import open_store, import_results\n"
            "from chunav.demo import example_results_path\n"
            "s = open_store(sys.argv[1])\n"
            "from chunav.store import schema\n"
            "with s.begin() as c:\n"
            "    c.execute(schema.figure.insert().values(subject='x', value=1, unit='votes', "
            "fact_key='test-etag'))\n")
    subprocess.run([sys.executable, "-c", code, str(served.db)], check=True)
    changed = api.get("/api/events", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_person_card_and_article(api: httpx.Client):
    card = api.get("/api/persons/1").json()
    assert card["ok"] and card["name"] == "Mohmad Haneefa" and card["records"]
    meet = api.get("/api/events", params={"type": "MEET"}).json()["events"][0]
    article = api.get(f"/api/articles/{meet['source_id']}").json()
    assert "<script>" in article["text"]  # JSON carries the text as it is ...
    assert article["spans"]


def test_article_text_is_served_escaped_everywhere(api: httpx.Client):
    meet = api.get("/api/events", params={"type": "MEET"}).json()["events"][0]
    for path in ("/events", "/events?type=MEET", f"/articles/{meet['source_id']}",
                 "/events?person=Haneefa"):
        page = api.get(path)
        assert page.status_code == 200, path
        assert "<script>window" not in page.text and "<img src=x" not in page.text, path
        assert "&lt;script&gt;window.__pwned" in page.text, path
        assert "script-src 'self'" in page.headers["content-security-policy"]


def test_serve_never_loads_the_nlp_layer():
    code = ("import sys; import chunav.serve.app\n"
            "print('chunav.extract' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_an_alliance_page_shows_the_news_partners_after_the_data_files(api: httpx.Client):
    body = api.get("/api/orgs/INDIA/members", params={"limit": 1000}).json()
    news = [p for p in body["partners"] if p["basis"] == "news"]
    assert news and news[0]["evidence"][0]["sentence"]
    page = api.get("/orgs/INDIA")
    assert page.status_code == 200
    assert page.text.index("Lok Sabha 2024") < page.text.index("Reported in the news")


def test_slow_answers_are_kept_per_store_version_and_copied_out():
    from chunav.serve.common import Answers

    calls = []

    def rebels_of(election):
        calls.append(election)
        return {"election": election, "rebels": [1, 2]}

    kept = Answers(size=2)

    def ask(version, election):
        return kept.get(version, rebels_of, (election,), lambda: rebels_of(election))

    first = ask("v1", "Lok Sabha 2024")
    first.pop("rebels")  # a route may pop from its copy
    assert ask("v1", "Lok Sabha 2024")["rebels"] == [1, 2] and len(calls) == 1
    ask("v2", "Lok Sabha 2024")  # the store changed: computed again
    ask(None, "Lok Sabha 2024")  # no version known: never kept
    assert len(calls) == 3
    ask("v2", "Lok Sabha 2019"), ask("v2", "Lok Sabha 2014")  # the oldest kept one drops
    ask("v1", "Lok Sabha 2024")
    assert len(calls) == 6
