"""The real server on a real store, for the API and browser tests, served by uvicorn in a
thread on a free loopback port. ``served``: a store built from the bundled example results and
news reports plus an article with a ``<script>`` in it (``tests/data/serve/malicious.jsonl``).
``served_issue8``: the rebels and timeline test data (Tulail, Machil and Kaza 2004-2024; Kuldeep
Rana's Nalagarh and Shimla, 2017-2024) with their four news reports, people resolved."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from chunav.store import Store

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Served:
    """A running server: its base URL and the store's file."""

    url: str
    db: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app over a store of the example data and a malicious article, on 127.0.0.1."""
    from chunav import import_results, ingest_articles, open_store
    from chunav.demo import example_articles_path, example_results_path

    db = tmp_path_factory.mktemp("serve") / "served.db"
    store = open_store(str(db))
    assert import_results(store, example_results_path()).ok
    news = ingest_articles(store, [example_articles_path(),
                                   str(DATA / "serve" / "malicious.jsonl")])
    assert not news.errors and news.new == 3
    with serving(store, db) as running:
        yield running


@pytest.fixture(scope="session")
def served_issue8(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app over the rebels and timeline test data and their news reports."""
    from chunav import import_results, ingest_articles, open_store
    from chunav.build import link_people

    db = tmp_path_factory.mktemp("serve") / "issue8.db"
    store = open_store(str(db))
    for name in ("rebels", "timeline"):
        assert import_results(store, DATA / name / "results.csv").ok
    news = ingest_articles(store, [DATA / "rebels" / "tulail-2024.txt"] + [
        DATA / "timeline" / name for name in ("nomination.txt", "resignation.txt",
                                              "joining.txt")])
    assert not news.errors and news.new == 4
    link_people(store)
    with serving(store, db) as running:
        yield running


@contextmanager
def serving(store: Store, db: Path) -> Iterator[Served]:
    """The app over ``store`` running in a thread until the block ends; the store is closed
    then."""
    import uvicorn

    from chunav.serve.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/api/stats", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    else:
        raise RuntimeError("the server did not start")
    yield Served(url, db)
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
