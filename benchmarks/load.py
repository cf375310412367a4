"""Load: 200 concurrent clients against ``chunav serve`` on loopback, for a bounded time.

    .venv/bin/python benchmarks/load.py --db /work/full-ro.db --users 200 --seconds 30
    .venv/bin/python benchmarks/load.py --db /work/full-ro.db --users 200 --seconds 30 \\
        --postgres postgresql+psycopg://chunav@127.0.0.1:54329/chunav_load

The SQLite store given is copied first (the original is never written). With ``--postgres``
the copy is loaded into that (empty, or chunav's own) database and served from there. The
server runs as its own process (``chunav serve``); the clients are locust's, headless, in a
second process (``benchmarks/locustfile.py``: search, results, person cards, events, stats and
a constituency page, names and ids sampled from the store). Prints requests, failures and
p50/p95 per route and in all, and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy import create_engine, func, insert, select, text

from chunav.store import open_store
from chunav.store import schema as s

HERE = Path(__file__).resolve().parent


def copy_to_postgres(sqlite_path: Path, url: str, chunk: int = 20_000) -> None:
    """Every row of a SQLite store into the store at ``url`` (made afresh: chunav's tables
    are dropped first). References are checked only at the end of each table's load."""
    engine = create_engine(url)
    s.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    open_store(url).close()  # the schema, at the current revision
    source = create_engine(f"sqlite:///{sqlite_path}")
    target = create_engine(url)
    with source.connect() as src, target.begin() as dst:
        dst.execute(text("SET session_replication_role = replica"))  # no FK triggers
        for table in s.metadata.sorted_tables:
            if table is s.meta:
                continue
            rows = src.execute(select(table)).mappings()
            while batch := rows.fetchmany(chunk):
                dst.execute(insert(table), [dict(r) for r in batch])
        dst.execute(text("SET session_replication_role = DEFAULT"))
        dst.execute(text("ANALYZE"))
    source.dispose()
    target.dispose()


def samples(sqlite_path: Path, n: int = 300) -> dict[str, list]:
    """Names, seats and person ids to ask about, drawn from the store."""
    engine = create_engine(f"sqlite:///{sqlite_path}")
    with engine.connect() as conn:
        seats = conn.execute(  # names one seat only, with results
            select(s.constituency.c.name).join(s.contest).join(s.candidacy)
            .group_by(s.constituency.c.name)
            .having(func.count(s.constituency.c.id.distinct()) == 1)
            .order_by(func.random()).limit(n)).scalars().all()
        persons = conn.execute(select(s.person.c.id).order_by(func.random()).limit(n)
                               ).scalars().all()
        names = conn.execute(select(s.person.c.name).order_by(func.random()).limit(n)
                             ).scalars().all()
    engine.dispose()
    return {"seats": [quote(x, safe="") for x in seats], "persons": persons,
            "names": [quote(x.split()[-1], safe="") for x in names if x.split()]}


def serve(db: str, port: int, log: Path) -> subprocess.Popen:
    """Start ``chunav serve`` on ``db`` and wait until it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "chunav", "--db", db, "serve", "--port",
                             str(port)], stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {log.read_text()}")
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the server did not start")


def stop(server: subprocess.Popen) -> None:
    """Stop the server: politely, then not."""
    server.terminate()
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run_locust(port: int, users: int, seconds: int, sample_file: Path, out: Path) -> list[dict]:
    """Run locust headless; its per-route statistics rows (the last is 'Aggregated')."""
    env = dict(os.environ, CHUNAV_LOAD_SAMPLES=str(sample_file))
    subprocess.run([sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"),
                    "--headless", "-u", str(users), "-r", str(max(1, users // 5)),
                    "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
                    "--csv", str(out / "load"), "--only-summary", "--loglevel", "WARNING"],
                   env=env, check=False, stdout=subprocess.DEVNULL,
                   stderr=(out / "locust.log").open("w"))
    with (out / "load_stats.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def report(label: str, rows: list[dict]) -> int:
    """Print the figures; the number of failed requests."""
    print(f"\n{label}")
    print(f"  {'route':40} {'requests':>9} {'failures':>9} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'req/s':>7}")
    for row in rows:
        print(f"  {row['Name']:40} {row['Request Count']:>9} {row['Failure Count']:>9} "
              f"{row['50%']:>7} {row['95%']:>7} {float(row['Requests/s']):>7.1f}")
    return int(rows[-1]["Failure Count"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a SQLite store (copied first)")
    parser.add_argument("--postgres", help="also serve it from this PostgreSQL database "
                        "(its chunav tables are replaced)")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="chunav-load-") as tmp:
        work = Path(tmp)
        copy = work / "store.db"
        shutil.copy(args.db, copy)
        open_store(str(copy)).close()  # upgraded now, not while the clients wait
        sample_file = work / "samples.json"
        sample_file.write_text(json.dumps(samples(copy)), "utf-8")
        targets = [("SQLite", str(copy))]
        if args.postgres:
            started = time.perf_counter()
            copy_to_postgres(copy, args.postgres)
            print(f"copied into PostgreSQL in {time.perf_counter() - started:.0f} s")
            targets.append(("PostgreSQL", args.postgres))
        for label, db in targets:
            server = serve(db, args.port, work / f"server-{label}.log")
            try:
                rows = run_locust(args.port, args.users, args.seconds, sample_file, work)
            finally:
                stop(server)
            failures += report(f"{label}: {args.users} clients, {args.seconds} s", rows)
            if failures:
                print((work / f"server-{label}.log").read_text()[-3000:])
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
