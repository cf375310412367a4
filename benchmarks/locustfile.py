"""The clients of ``benchmarks/load.py``: readers of the API and pages, asking for what a
newsroom asks on counting day. Sample names and ids come from ``$CHUNAV_LOAD_SAMPLES`` (a JSON
file load.py writes from the store under test)."""

from __future__ import annotations

import json
import os
import random

from locust import HttpUser, between, task

SAMPLES = json.loads(open(os.environ["CHUNAV_LOAD_SAMPLES"], encoding="utf-8").read())


class Reader(HttpUser):
    """One reader: a request every 0.5-1.5 s (200 of them ask about 200 a second)."""

    wait_time = between(0.5, 1.5)

    def _get(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task(4)
    def search(self) -> None:
        self._get(f"/api/search?q={random.choice(SAMPLES['names'])}", "/api/search")

    @task(4)
    def results(self) -> None:
        self._get(f"/api/constituencies/{random.choice(SAMPLES['seats'])}/results",
                  "/api/constituencies/{seat}/results")

    @task(2)
    def person(self) -> None:
        self._get(f"/api/persons/{random.choice(SAMPLES['persons'])}", "/api/persons/{id}")

    @task(2)
    def events(self) -> None:
        self._get(f"/api/events?limit=20&offset={random.randrange(0, 200)}", "/api/events")

    @task(1)
    def stats(self) -> None:
        self._get("/api/stats", "/api/stats")

    @task(1)
    def seat_page(self) -> None:
        self._get(f"/constituencies/{random.choice(SAMPLES['seats'])}", "/constituencies/{seat}")
