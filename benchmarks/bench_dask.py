"""Benchmark: articles per second of ``chunav build`` on a Dask cluster of 1 and 2 workers
against the single-process build, in one run, over a synthetic corpus.

    python benchmarks/bench_dask.py [--n 20000] [--workers 1,2] [--seed 7] [--keep DIR]

The corpus is made up here from our own templates and name lists (results, candidacies,
defections, alliances, withdrawals, turnout), one JSON Lines file of ``--n`` articles. Each
build starts from an empty SQLite store and is timed from reading the articles to the last
article stored (the extractor loading included; a cluster's start is not: a real one is
already running). The stores must end up alike: the rows per table are compared.

Last run (20,000 articles, seed 7, one 2-CPU machine with nothing else running; 414,926 fact
rows, the same in every build):

    build                 seconds  articles/s  vs single
    single process          605.3        33.0      1.00x
    dask, 1 worker          353.0        56.6      1.71x
    dask, 2 workers         459.6        43.5      1.32x

One worker beats one process because the client stores one partition's facts while the worker
extracts the next; two workers and the client then share two CPUs, so the second worker costs
more than it brings here. On a cluster the workers have their own machines.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from chunav.build import ingest_articles
from chunav.store import open_store
from chunav.store.queries import stats

GIVEN = ["Ramesh", "Sunita", "Arvind", "Kavita", "Mohan", "Rekha", "Vijay", "Anita", "Suresh",
         "Lalita", "Prakash", "Meena", "Devendra", "Shobha", "Harish", "Pushpa", "Naveen",
         "Geeta", "Ashok", "Usha", "Dinesh", "Savitri", "Manoj", "Kamala"]
FAMILY = ["Yadav", "Patil", "Chaudhary", "Nair", "Reddy", "Verma", "Mishra", "Kulkarni",
          "Bhatt", "Rao", "Pandey", "Shinde", "Menon", "Gowda", "Tiwari", "Deshmukh"]
PARTIES = ["BJP", "Congress", "RJD", "JD(U)", "Samajwadi Party", "BSP", "Shiv Sena", "NCP",
           "CPI(M)", "TMC", "DMK", "AIADMK", "TDP", "YSRCP", "BJD", "AAP"]
ALLIANCES = ["NDA", "INDIA bloc", "Mahagathbandhan", "Left Front"]
STATES = {"Bihar": ["Kishanpur", "Rampur Khas", "Sonbarsa", "Madhuban", "Tarapur"],
          "Maharashtra": ["Wadgaon", "Karjat", "Malshiras", "Sangole", "Ausa"],
          "Kerala": ["Thenmala", "Kayamkulam", "Aroor", "Ranni", "Konni"],
          "Uttar Pradesh": ["Sikandarpur", "Bansdih", "Rasra", "Belthara", "Phephna"],
          "Karnataka": ["Hosakote", "Malur", "Bangarapet", "Kolar Gold Fields", "Mulbagal"]}
OUTLETS = ["The Daily Ballot", "Counting Day Chronicle", "Constituency Post", "Poll Desk"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def article(rng: random.Random, n: int) -> dict:
    """One made-up report: a dateline and three to six sentences from the templates."""
    state = rng.choice(list(STATES))
    seat = rng.choice(STATES[state])
    year = rng.choice([2015, 2016, 2019, 2020, 2021, 2024])
    day = date(year, 1, 1) + timedelta(days=rng.randrange(360))
    a, b, c = person(rng), person(rng), person(rng)
    p, q, r = rng.sample(PARTIES, 3)
    votes = rng.randrange(30_000, 120_000)
    margin = rng.randrange(200, 25_000)
    turnout = round(rng.uniform(48, 82), 1)
    sentences = [
        f"{p} candidate {a} won the {seat} Assembly seat in {state}, defeating {q} nominee "
        f"{b} by {margin:,} votes.",
        f"{a} polled {votes:,} votes while {b} got {votes - margin:,} votes.",
        f"The {r} candidate, {c}, finished third with {rng.randrange(5_000, 30_000):,} votes.",
        f"Former MLA {c} joined the {p} on {day:%B} {day.day} in the presence of party "
        f"leaders.",
        f"{b}, a two-time MLA from {seat}, quit the {q} and said he would contest as an "
        f"independent.",
        f"The {p} announced that it will contest the {state} polls as part of the "
        f"{rng.choice(ALLIANCES)}.",
        f"{q} leader {c} withdrew his nomination from {seat} on {day:%A}.",
        f"Polling in {seat} recorded a turnout of {turnout} per cent, officials said.",
        f"{a} met {r} chief {person(rng)} in {state} to discuss seat sharing.",
        f"The {q} has fielded {b} from {seat} for the {year} Assembly election.",
    ]
    body = [sentences[0], *rng.sample(sentences[1:], rng.randrange(2, 6))]
    return {"title": f"{seat}: {a} of the {p}", "date": day.isoformat(),
            "outlet": rng.choice(OUTLETS), "url": f"https://example.org/report/{n}",
            "text": " ".join(body)}


def corpus(path: Path, n: int, seed: int) -> Path:
    """Write ``n`` synthetic articles, one JSON object a line."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps(article(rng, i), ensure_ascii=False) + "\n")
    return path


def build(db: Path, articles: Path, dask: str | None = None) -> tuple[float, dict]:
    """Seconds to build a store of the articles, and its rows per table."""
    store = open_store(str(db))
    try:
        start = time.perf_counter()
        report = ingest_articles(store, [articles], dask=dask)
        seconds = time.perf_counter() - start
        assert not report.errors, report.errors[:3]
        with store.connect() as conn:
            return seconds, stats(conn)["tables"]
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="articles in the corpus")
    parser.add_argument("--workers", default="1,2", help="cluster sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build in this folder (kept) instead of a "
                                                  "temporary one")
    args = parser.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        articles = corpus(folder / "synthetic.jsonl", args.n, args.seed)
        print(f"{args.n} synthetic articles, {articles.stat().st_size / 1e6:.1f} MB")
        seconds, tables = build(folder / "single.db", articles)
        rows = [("single process", seconds)]
        for workers in map(int, args.workers.split(",")):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster:
                took, theirs = build(folder / f"dask-{workers}.db", articles,
                                     cluster.scheduler_address)
            assert theirs == tables, f"{workers} workers stored other rows: {theirs}"
            rows.append((f"dask, {workers} worker{'s' * (workers > 1)}", took))
    print(f"facts stored: {sum(v for k, v in tables.items() if k != 'source')} rows "
          f"(the same in every build)")
    print(f"{'build':<20} {'seconds':>8} {'articles/s':>11} {'vs single':>10}")
    for name, took in rows:
        print(f"{name:<20} {took:8.1f} {args.n / took:11.1f} {seconds / took:9.2f}x")


if __name__ == "__main__":
    main()
