"""Past one process: a build on a Dask cluster, a build or import killed and run again, and two
builds at once into one PostgreSQL store all leave the store a single uninterrupted build
leaves."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chunav import open_store
from chunav.cluster import is_address, partition_size
from tests.conftest import empty_postgres
from tests.snapshot import snapshot

ARTICLES = Path(__file__).parent / "data" / "articles"
RESULTS = Path(__file__).parent / "data" / "generic.csv"
POSTGRES = os.environ.get("CHUNAV_TEST_POSTGRES")


def start(db: str, *args: str) -> subprocess.Popen:
    """``chunav --db DB ARGS`` started in a process of its own."""
    return subprocess.Popen([sys.executable, "-m", "chunav", "--db", db, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def chunav(db: str, *args: str) -> str:
    """What ``chunav --db DB ARGS`` prints, run in a process of its own to the end."""
    proc = start(db, *args)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def stats(db: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "chunav", "--db", db, "stats", "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def kb(db: str) -> dict[str, list[str]]:
    store = open_store(db)
    try:
        return snapshot(store)
    finally:
        store.close()


def big_results(path: Path) -> Path:
    """A results file of 15,840 rows (eleven Bihar Assembly elections), made up."""
    parties = ["BJP", "INC", "RJD", "JD(U)", "BSP", "CPI(M)"]
    given = ["Ram", "Sita", "Mohan", "Anil", "Sunita", "Rekha", "Vijay", "Arun", "Kavita"]
    family = ["Yadav", "Singh", "Kumar", "Devi", "Sharma", "Prasad", "Mishra", "Paswan"]
    lines = ["election,state,constituency,constituency_no,candidate,party,votes"]
    for year in range(1977, 2021, 4):
        for seat in range(1, 241):
            for c, party in enumerate(parties):
                name = f"{given[(seat + c) % 9]} {family[(seat * 3 + c + year) % 8]}"
                lines.append(f"Bihar Assembly {year},Bihar,Seat {seat},{seat},{name},{party},"
                             f"{(seat * 7919 + c * 104729 + year) % 90000 + 1000}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Dask ---------------------------------------------------------------------------------------

def test_a_dask_build_stores_what_a_single_process_build_stores(tmp_path):
    one, dask = str(tmp_path / "one.db"), str(tmp_path / "dask.db")
    chunav(one, "build", "--results", str(RESULTS), str(ARTICLES))
    out = chunav(dask, "build", "--results", str(RESULTS), str(ARTICLES), "--dask",
                 "--workers", "2")
    assert "24 articles read (24 new), 0 bad" in out
    assert stats(one) == stats(dask)
    assert kb(one) == kb(dask)
    for db in (one, dask):  # the very rows, ids and all (record times aside)
        with sqlite3.connect(db) as conn:
            rows = conn.execute("select id, fact_type, fact_id, source_id, locator, sentence "
                                "from evidence order by id").fetchall()
        if db == one:
            first = rows
    assert rows == first and len(rows) > 300


def test_dask_partitions_are_whole_batches():
    assert partition_size(24, 2, 8) == 8
    assert partition_size(20_000, 2, 8) == 8 * 32  # capped
    assert partition_size(1000, 2, 8) % 8 == 0
    assert is_address("tcp://10.0.0.5:8786") and is_address("scheduler:8786")
    assert is_address("local") and not is_address("tests/data/articles")


def test_dask_unreachable_scheduler_is_a_coded_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "chunav", "--db", str(tmp_path / "x.db"),
                           "build", str(ARTICLES), "--dask", "tcp://127.0.0.1:9"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "[E250] cannot reach a Dask scheduler" in proc.stderr


# killed and resumed ---------------------------------------------------------------------------

def _count(db: str, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _kill_when(proc: subprocess.Popen, ready) -> bool:  # noqa: ANN001
    """SIGKILL the process as soon as ``ready()``; False if it finished first."""
    while proc.poll() is None:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.communicate()  # reaped, its pipes closed
            return True
        time.sleep(0.005)
    proc.communicate()
    return False


@pytest.mark.parametrize("stored", [0, 1, 7, 19])
def test_a_build_killed_after_some_articles_completes_when_run_again(tmp_path, stored):
    args = ("build", "--results", str(RESULTS), str(ARTICLES))
    whole = str(tmp_path / "whole.db")
    chunav(whole, *args)
    db = str(tmp_path / "killed.db")
    proc = start(db, *args)
    sources = "select count(*) from source"  # the results file, then one per article
    assert _kill_when(proc, lambda: _count(db, sources) >= 1 + stored)
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        # every stored article has all of its evidence: none is half written
        assert conn.execute("select count(*) from source s where kind = 'article' and not "
                            "exists (select 1 from evidence e where e.source_id = s.id)"
                            ).fetchone() == (0,)
    chunav(db, *args)
    assert kb(db) == kb(whole)


@pytest.mark.parametrize("part", [0.2, 0.5, 0.8])
def test_an_import_killed_midway_stores_nothing_and_completes_when_run_again(tmp_path, part):
    results = str(big_results(tmp_path / "bihar.csv"))
    whole = str(tmp_path / "whole.db")
    began = time.monotonic()
    chunav(whole, "import-results", results)
    after = part * (time.monotonic() - began)  # this part of the way through
    db = str(tmp_path / "killed.db")
    proc = start(db, "import-results", results)
    began = time.monotonic()
    assert _kill_when(proc, lambda: time.monotonic() - began >= after)
    assert _count(db, "select count(*) from result") in (0, 15_840)  # all or nothing
    chunav(db, "import-results", results)
    assert kb(db) == kb(whole)


# two builds at once ---------------------------------------------------------------------------

@pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL server: set CHUNAV_TEST_POSTGRES")
def test_two_builds_of_overlapping_corpora_at_once_store_what_one_build_stores(tmp_path):
    empty_postgres(POSTGRES)  # an empty database: both builds race to create it too
    files = sorted(ARTICLES.glob("*.txt"))
    one = str(tmp_path / "one.db")
    chunav(one, "build", "--results", str(RESULTS), *map(str, files))
    first = ("build", "--results", str(RESULTS), *map(str, files[:16]))
    second = ("build", "--results", str(RESULTS), *map(str, files[8:]))
    procs = [start(POSTGRES, *first), start(POSTGRES, *second)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert kb(POSTGRES) == kb(one)
    assert stats(POSTGRES)["tables"] == stats(one)["tables"]
