"""SQL injection tried on every parameter of every route: each GET route of the API (from its
OpenAPI spec) and each page, every path and query parameter in turn given an attack while the
others keep ordinary values. The answer is a 4xx in the one error shape (an HTML page for a
page), or an ordinary answer; never a 5xx; and the store is unchanged afterwards."""

from __future__ import annotations

import re
import sqlite3
from urllib.parse import quote

import httpx
import pytest
from serving import Served, served  # noqa: F401  (the fixture)

ATTACKS = ["' OR 1=1 --", "1; DROP TABLE person", "1' UNION SELECT name FROM sqlite_master --",
           "\"; DELETE FROM candidacy; --", "1 OR 1=1", "%' AND 1=0 UNION SELECT 1,2,3 --",
           "Panaji'); DROP TABLE evidence; --"]
# ordinary values for parameters the attack is not in
ORDINARY = {"seat": "Panaji", "person": "1", "person_id": "1", "name": "BJP", "q": "Panaji",
            "fact_type": "candidacy", "fact_id": "1", "source_id": "1", "table": "names",
            "election": "Lok Sabha 2024"}
PAGES = ["/search?q={q}", "/constituencies/{seat}", "/persons/{person_id}", "/orgs/{name}",
         "/rebels?election={election}", "/precedents/{seat}", "/events?person={person}",
         "/conflicts?election={election}", "/articles/{source_id}"]


def _routes(client: httpx.Client) -> list[tuple[str, list[str], list[str]]]:
    """(path template, path parameters, query parameters) of every GET route of the API."""
    spec = client.get("/openapi.json").json()
    routes = []
    for path, methods in spec["paths"].items():
        if "get" not in methods:
            continue
        params = methods["get"].get("parameters", [])
        routes.append((path, [p["name"] for p in params if p["in"] == "path"],
                       [p["name"] for p in params if p["in"] == "query"]))
    return routes


def _fingerprint(db) -> dict[str, int]:
    """Rows per table, and the tables there are."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master "
                                             "where type = 'table'")]
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}


def _url(template: str, attacked: str, attack: str, query: list[str]) -> str:
    path = re.sub(r"\{(\w+)\}", lambda m: quote(attack if m.group(1) == attacked
                                                 else ORDINARY.get(m.group(1), "1"), safe=""),
                  template)
    args = {name: attack if name == attacked else ORDINARY[name]
            for name in query if name == attacked or name in ORDINARY}
    return path + ("?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in args.items())
                   if args else "")


def _check(response: httpx.Response, api: bool) -> None:
    assert response.status_code < 500, (response.url, response.text[:300])
    if response.status_code >= 400 and api:
        body = response.json()
        assert set(body) == {"ok", "error", "errors", "status"}, body
        assert body["ok"] is False and body["status"] == response.status_code
    if response.status_code == 200 and api and "json" in response.headers["content-type"]:
        assert "CREATE TABLE" not in response.text  # no schema leaked by a UNION


def test_every_api_parameter_resists_sql_injection(served: Served):  # noqa: F811
    before = _fingerprint(served.db)
    tried = 0
    with httpx.Client(base_url=served.url, timeout=30) as client:
        routes = _routes(client)
        assert len(routes) >= 15
        for template, path_params, query_params in routes:
            for attacked in path_params + query_params:
                for attack in ATTACKS:
                    _check(client.get(_url(template, attacked, attack, query_params)), True)
                    tried += 1
    assert tried > 300
    assert _fingerprint(served.db) == before


@pytest.mark.parametrize("template", PAGES)
def test_every_page_parameter_resists_sql_injection(served: Served, template):  # noqa: F811
    before = _fingerprint(served.db)
    params = re.findall(r"\{(\w+)\}", template)
    with httpx.Client(base_url=served.url, timeout=30) as client:
        for attacked in params:
            for attack in ATTACKS:
                url = re.sub(r"\{(\w+)\}", lambda m, a=attacked, x=attack: quote(
                    x if m.group(1) == a else ORDINARY[m.group(1)], safe=""), template)
                response = client.get(url)
                _check(response, False)
                assert "CREATE TABLE" not in response.text
    assert _fingerprint(served.db) == before
