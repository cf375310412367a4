"""The real server on a real store, for the API and browser tests: a store built from the
bundled example results and news reports plus an article with a ``<script>`` in it
(``tests/data/serve/malicious.jsonl``), served by uvicorn in a thread on a free loopback
port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

DATA = Path(__file__).parent / "data" / "serve"


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
    import uvicorn

    from chunav import import_results, ingest_articles, open_store
    from chunav.demo import example_articles_path, example_results_path
    from chunav.serve.app import create_app

    db = tmp_path_factory.mktemp("serve") / "served.db"
    store = open_store(str(db))
    assert import_results(store, example_results_path()).ok
    news = ingest_articles(store, [example_articles_path(), str(DATA / "malicious.jsonl")])
    assert not news.errors and news.new == 3
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
