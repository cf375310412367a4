"""Latency of the main API queries, measured from a second process over loopback, against the
bare SQLite query in the same run.

    python benchmarks/bench_api.py --db all.db [--events 100000] [--repeat 100]

A copy of a store with every imported election (``--db``, a SQLite file, e.g. the one
``benchmarks/import_all.py --db sqlite:///all.db`` builds from ``../shared/data``) gets a
synthetic corpus
of ``--events`` events from the news (real people and parties as actors and targets, dates
1990-2025, one evidence sentence each, in 1,000 synthetic articles), written in one
transaction with the store's own schema. ``chunav serve`` then runs on it in its own process;
this process asks each query ``--repeat`` times with httpx (one warm-up first) and prints
p50/p95 in milliseconds beside the p50/p95 of a bare ``sqlite3`` query that fetches the same
rows. Target: p95 < 50 ms for every query.

Last run (every shared results file, 12 real articles, resolved, + 100,000 synthetic events;
schema 3, slow analyses kept per store version; 100 requests per query on a quiet 2-CPU
machine; ms):

    query                       API p50  API p95  SQL p95
    search 'haneefa'               30.5     33.5    14.78
    search 'Ladak'                 23.8     25.7     0.33
    search 'AIUDF'                 29.3     31.3     0.20
    results Ladakh 2024             6.3      7.0     0.05
    history Ladakh                 17.7     19.4    14.66
    events, first page              8.7      9.5     0.04
    events, page at 50,000         11.2     12.6     1.58
    events of a type in 2019       20.8     21.9     5.61
    events naming Haneefa           8.3     10.6    36.12
    events of the BJP              11.0     12.6     3.87
    timeline of Haneefa             7.8      9.5     0.01
    rebels, Lok Sabha 2024          7.6     10.2     5.05
    person card                     4.5      6.4     0.01
    sources of an event             4.2      6.7     0.01
    revalidate (304)                3.4      5.2

Worst p95 33.5 ms: the target is met. Before schema 3's event indexes a page at offset 50,000
took 152 ms and the events naming a person 51 ms; before answers were kept per store version an
election's rebels took 750 ms (each request read every candidacy and seat deal).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import func, select

from chunav.store import open_store
from chunav.store import schema as s
from chunav.store.load_facts import digest
from chunav.store.store import SourceInfo, now

TYPES = ["MEET", "SUPPORT", "JOIN", "RESIGN", "CONGRATULATE", "CRITICISE", "ALLOCATE_SEAT"]


def add_events(db: str, n: int, seed: int = 9) -> None:
    """Add ``n`` synthetic events (with roles, sources and evidence) to the store at ``db``."""
    rng = random.Random(seed)
    store = open_store(db)
    with store.begin() as conn:
        people = conn.execute(select(s.person.c.id, s.person.c.name)
                              .order_by(s.person.c.id).limit(5000)).all()
        parties = conn.execute(select(s.org.c.id, s.org.c.name).where(s.org.c.kind == "party")
                               .order_by(s.org.c.id).limit(300)).all()
        first = (conn.execute(select(func.max(s.event.c.id))).scalar() or 0) + 1
        sources = []
        for a in range(1000):
            sources.append(store.source_id(conn, SourceInfo(
                kind="article", uri=f"synthetic/article-{a}.txt",
                content_hash=digest(f"bench-api|{seed}|{a}"), format="article",
                title=f"Synthetic article {a}", text="synthetic"))[0])
        events, roles, evidence = [], [], []
        recorded = now()
        for i in range(first, first + n):
            who, whom = rng.choice(people), rng.choice(people + parties)
            party = rng.choice(parties)
            year = rng.randint(1990, 2025)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            kind = rng.choice(TYPES)
            events.append(dict(id=i, type=kind, date=date, place=None,
                               fact_key=digest(f"bench-api|{seed}|{i}")))
            roles += [dict(event_id=i, role="actor", position=0, text=who.name,
                           person_id=who.id, org_id=None),
                      dict(event_id=i, role="actor", position=1, text=party.name,
                           person_id=None, org_id=party.id),
                      dict(event_id=i, role="target", position=0, text=whom.name,
                           person_id=None, org_id=None)]
            sentence = f"{who.name} of the {party.name} said {kind.lower()} {whom.name}."
            evidence.append(dict(fact_type="event", fact_id=i, source_id=rng.choice(sources),
                                 locator=f"sentence {i}", sentence=sentence, char_start=0,
                                 char_end=len(sentence), extractor="bench_api",
                                 extractor_version="1", confidence=1.0, recorded_at=recorded))
        conn.execute(s.event.insert(), events)
        conn.execute(s.event_role.insert(), roles)
        conn.execute(s.evidence.insert(), evidence)
    store.close()


def percentiles(times: list[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    ordered = sorted(times)
    return (statistics.median(ordered) * 1000,
            ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000)


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return percentiles(times)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# each query: (label, API path, params, the bare SQL that fetches the same rows, its args)
QUERIES = [
    ("search 'haneefa'", "/api/search", {"q": "haneefa"},
     "SELECT DISTINCT person_id, name FROM person_name WHERE key LIKE ?", ("%haneefa%",)),
    ("search 'Ladak'", "/api/search", {"q": "Ladak"},
     "SELECT id, name FROM constituency WHERE key LIKE ?", ("%ladak%",)),
    ("search 'AIUDF'", "/api/search", {"q": "AIUDF"},
     "SELECT id, name FROM org WHERE lower(abbreviation) = ?", ("aiudf",)),
    ("results Ladakh 2024", "/api/constituencies/Ladakh/results",
     {"election": "Lok Sabha 2024"},
     "SELECT c.ballot_name, r.votes FROM contest t JOIN election e ON e.id = t.election_id "
     "JOIN constituency k ON k.id = t.constituency_id JOIN candidacy c ON c.contest_id = t.id "
     "LEFT JOIN result r ON r.candidacy_id = c.id WHERE k.key = ? AND e.name = ?",
     ("ladakh", "Lok Sabha 2024")),
    ("history Ladakh", "/api/constituencies/Ladakh/history", {},
     "SELECT e.name, c.ballot_name, r.votes FROM contest t "
     "JOIN election e ON e.id = t.election_id JOIN constituency k ON k.id = t.constituency_id "
     "JOIN candidacy c ON c.contest_id = t.id LEFT JOIN result r ON r.candidacy_id = c.id "
     "WHERE k.key = ?", ("ladakh",)),
    ("events, first page", "/api/events", {"limit": 50},
     "SELECT * FROM event ORDER BY date IS NULL, date, id LIMIT 50", ()),
    ("events, page at 50,000", "/api/events", {"limit": 50, "offset": 50000},
     "SELECT * FROM event ORDER BY date IS NULL, date, id LIMIT 50 OFFSET 50000", ()),
    ("events of a type in 2019", "/api/events",
     {"type": "MEET", "since": "2019-01-01", "until": "2019-12-31"},
     "SELECT * FROM event WHERE type = 'MEET' AND date >= '2019-01-01' AND "
     "date <= '2019-12-31' ORDER BY date LIMIT 50", ()),
    ("events naming Haneefa", "/api/events", {"person": "Haneefa"},
     "SELECT DISTINCT event_id FROM event_role WHERE text LIKE ?", ("%haneefa%",)),
    ("events of the BJP", "/api/events", {"party": "BJP"},
     "SELECT DISTINCT r.event_id FROM event_role r JOIN org o ON o.id = r.org_id "
     "WHERE o.abbreviation = 'BJP' LIMIT 50", ()),
    ("timeline of Haneefa", "/api/persons/{person}/timeline", {},
     "SELECT c.id, r.votes FROM candidacy c LEFT JOIN result r ON r.candidacy_id = c.id "
     "WHERE c.person_id = ?", ("{person}",)),
    ("rebels, Lok Sabha 2024", "/api/rebels", {"election": "Lok Sabha 2024"},
     "SELECT c.id, c.person_id, c.party_id FROM candidacy c "
     "JOIN contest t ON t.id = c.contest_id JOIN election e ON e.id = t.election_id "
     "WHERE e.name = ?", ("Lok Sabha 2024",)),
    ("person card", "/api/persons/{person}", {},
     "SELECT name FROM person_name WHERE person_id = ?", ("{person}",)),
    ("sources of an event", "/api/sources/event/{event}", {},
     "SELECT * FROM evidence WHERE fact_type = 'event' AND fact_id = ?", ("{event}",)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True,
                        help="SQLite store with the imported elections (copied, never written)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        shutil.copy(args.db, db)
        start = time.perf_counter()
        add_events(db, args.events)
        print(f"added {args.events:,} synthetic events in {time.perf_counter() - start:.1f} s")
        bare = sqlite3.connect(db)
        person = bare.execute("SELECT person_id FROM person_name WHERE key = 'mohmad haneefa'"
                              ).fetchone()[0]
        event = bare.execute("SELECT max(id) FROM event").fetchone()[0]
        events = bare.execute("SELECT count(*) FROM event").fetchone()[0]
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "chunav", "--db", db, "serve",
                                   "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
            for _ in range(300):
                try:
                    client.get("/api/stats", params={"limit": 1})
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            print(f"{events:,} events in the store; {args.repeat} requests per query\n")
            print(f"{'query':<26}{'API p50':>9}{'API p95':>9}{'SQL p50':>9}{'SQL p95':>9}"
                  f"{'p95 ratio':>11}")
            worst = 0.0
            fill = {"{person}": person, "{event}": event}
            for label, path, params, sql, sql_args in QUERIES:
                url = path.format(person=person, event=event)
                values = tuple(fill.get(a, a) if isinstance(a, str) else a for a in sql_args)

                def ask(url: str = url, params: dict = params) -> None:
                    response = client.get(url, params=params)
                    assert response.status_code == 200, (url, response.text[:200])

                api50, api95 = measure(ask, args.repeat)
                sql50, sql95 = measure(lambda sql=sql, v=values: bare.execute(sql, v).fetchall(),
                                       args.repeat)
                worst = max(worst, api95)
                print(f"{label:<26}{api50:>9.1f}{api95:>9.1f}{sql50:>9.2f}{sql95:>9.2f}"
                      f"{api95 / max(sql95, 0.001):>10.0f}x")
            etag = client.get("/api/events").headers["etag"]
            r50, r95 = measure(lambda: client.get("/api/events",
                                                  headers={"If-None-Match": etag}), args.repeat)
            print(f"{'revalidate (304)':<26}{r50:>9.1f}{r95:>9.1f}")
            print(f"\nworst p95 {worst:.1f} ms: target < 50 ms "
                  f"{'met' if worst < 50 else 'NOT met'}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
