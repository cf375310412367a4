"""Extraction on a Dask cluster: the articles are cut into partitions, the workers extract them
(each loads the extractor once and keeps it), and the facts come back in the articles' order,
for the caller to store exactly as a single-process build would.

Partitions are whole multiples of the extractor's batch size and start where a single-process
run's batches start, so the pipeline sees the very batches it would see in one process. A
worker needs chunav installed (a ``LocalCluster`` starts its workers from this Python).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from chunav.config import Settings
from chunav.errors import ExtractionError
from chunav.ingest.articles import Article
from chunav.model import KnownNames

if TYPE_CHECKING:
    from distributed import Client

    from chunav.extract import ArticleFacts, Extractor
    from chunav.facts import Fact

LOCAL = "local"  # ``--dask`` with no address: a LocalCluster on this machine
MAX_BATCHES = 32  # a partition holds at most this many pipeline batches
_ADDRESS = re.compile(r"^(?:[a-z]+://)?[\w.-]+:\d+$|^[a-z]+://\S+$")

# the extractor a worker process keeps, under the token of what it was built from
_EXTRACTORS: dict[str, Extractor] = {}


def is_address(value: str) -> bool:
    """Is ``value`` ``local`` or a scheduler address (``tcp://host:8786``, ``host:8786``)?"""
    return value == LOCAL or bool(_ADDRESS.match(value))


def extract_on_dask(articles: list[Article], names: KnownNames, model: str | None,
                    settings: Settings, address: str = LOCAL,
                    workers: int | None = None) -> Iterator[ArticleFacts]:
    """The facts of ``articles``, extracted on the cluster at ``address`` (``local``: a
    ``LocalCluster`` of ``workers`` processes, one per CPU by default) with the gazetteer of
    ``names``, yielded in the articles' order as each partition's turn comes."""
    from chunav.extract import ArticleFacts

    token = _token(names, model, settings)
    with _client(address, workers) as client:
        shared = client.scatter(names, broadcast=True)
        size = partition_size(len(articles), _workers(client), settings.batch_size)
        parts = [articles[i:i + size] for i in range(0, len(articles), size)]
        futures = [client.submit(extract_partition, part, shared, token, model, settings,
                                 pure=False) for part in parts]
        for part, future in zip(parts, futures, strict=True):
            try:
                found = future.result()
            except OSError as err:
                raise ExtractionError(f"the Dask cluster at {address} failed: {err}",
                                      "E250") from err
            future.release()
            for article, (facts, state) in zip(part, found, strict=True):
                yield ArticleFacts(article, facts, state)


def partition_size(articles: int, workers: int, batch_size: int) -> int:
    """Articles per partition: whole batches, about four partitions per worker (so a slow
    partition does not hold the others back), at most ``MAX_BATCHES`` batches."""
    batches = math.ceil(articles / (batch_size * max(workers, 1) * 4))
    return batch_size * min(max(batches, 1), MAX_BATCHES)


def extract_partition(articles: list[Article], names: KnownNames, token: str,
                      model: str | None, settings: Settings
                      ) -> list[tuple[list[Fact], str | None]]:
    """Run on a worker: the facts and state of each article of one partition (the article
    itself stays with the client), with the worker's extractor for ``token``."""
    extractor = _EXTRACTORS.get(token)
    if extractor is None:
        from chunav.extract import Extractor

        _EXTRACTORS.clear()  # one build's extractor at a time
        extractor = _EXTRACTORS[token] = Extractor.from_settings(names, model, settings)
    return [(result.facts, result.state) for result in extractor.extract_many(articles)]


def _token(names: KnownNames, model: str | None, settings: Settings) -> str:
    """What identifies an extractor: its names, model and settings."""
    text = repr((names, model, settings))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _workers(client: Client) -> int:
    return len(client.scheduler_info().get("workers", {})) or 1


@contextmanager
def _client(address: str, workers: int | None) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a LocalCluster started (and stopped)
    here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ExtractionError("--dask needs Dask: pip install 'dask[distributed]'",
                              "E250") from err
    if address != LOCAL:
        try:
            client = Client(address, timeout="10s")
        except OSError as err:
            raise ExtractionError(f"cannot reach a Dask scheduler at {address}: {err}",
                                  "E250") from err
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
