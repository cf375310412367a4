"""Benchmark: import a results file with chunav against a bare pandas baseline, in one run.

    python benchmarks/bench_import.py [FILE] [--election NAME] [--repeat N]

The baseline is ``pandas.read_csv`` + ``DataFrame.to_sql`` into a fresh SQLite file: the
least any import must do. chunav does more (validation, entities, ranks' inputs, evidence per
fact), so the ratio says what that costs. Each side runs ``--repeat`` times on a fresh file;
the best time counts.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

import pandas as pd

from chunav import import_results, open_store

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "ls2024_results.csv"


def chunav_import(path: Path, election: str | None, folder: Path, run: int) -> float:
    store = open_store(f"sqlite:///{folder / f'chunav-{run}.db'}")
    start = time.perf_counter()
    report = import_results(store, path, election=election)
    elapsed = time.perf_counter() - start
    store.close()
    assert report.rows and not report.errors, report.summary()
    return elapsed


def pandas_import(path: Path, folder: Path, run: int) -> float:
    start = time.perf_counter()
    header = None if path.read_text("utf-8")[:1].isdigit() else "infer"
    frame = pd.read_csv(path, header=header)
    with sqlite3.connect(folder / f"pandas-{run}.db") as conn:
        frame.to_sql("results", conn, index=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--election", default="Lok Sabha 2024")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.file.exists():
        parser.error(f"{args.file} not found (pass the path of a results file)")
    rows = sum(1 for _ in args.file.open("rb"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours = min(chunav_import(args.file, args.election, folder, i) for i in range(args.repeat))
        base = min(pandas_import(args.file, folder, i) for i in range(args.repeat))
    print(f"file: {args.file} ({rows:,} lines), best of {args.repeat}")
    print(f"chunav import-results : {ours:.3f} s  ({rows / ours:,.0f} rows/s)")
    print(f"pandas read_csv+to_sql: {base:.3f} s  ({rows / base:,.0f} rows/s)")
    print(f"ratio chunav / baseline: {ours / base:.2f}x  (target: under 1 s and within 3x)")


if __name__ == "__main__":
    main()
