"""Start-up of whole processes, against bare baselines in the same run.

    python benchmarks/bench_startup.py [--repeat N]

`chunav --help` against `python -c "import click"` (target: within 2x), and `chunav stats` /
`chunav results` on a small store against `python -c "import click, sqlalchemy, rich"` (target:
within 1.3x). Each command and its baseline run N times, taking turns so that a change in the
machine's load falls on both; the medians count. The package is byte-compiled first, as a
regular install is, so an environment with PYTHONDONTWRITEBYTECODE does not charge chunav for
compiling its own source on every start.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHUNAV = [sys.executable, "-m", "chunav"]


def _once(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def timed(cmd: list[str], base: list[str], repeat: int) -> tuple[float, float]:
    """Median wall times of two whole processes, run in turns after one warm-up each."""
    _once(cmd), _once(base)
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(_once(cmd))
        theirs.append(_once(base))
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "chunav")],
                   check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "s.db")
        example = HERE.parent / "chunav" / "examples" / "results.csv"
        subprocess.run([*CHUNAV, "--db", db, "import-results", str(example)], check=True,
                       capture_output=True)
        rows = [
            ("chunav --help", [*CHUNAV, "--help"],
             "import click", [sys.executable, "-c", "import click"], 2.0),
            ("chunav stats", [*CHUNAV, "--db", db, "stats"], "import click, sqlalchemy, rich",
             [sys.executable, "-c", "import click, sqlalchemy, rich"], 1.3),
            ("chunav results Ladakh", [*CHUNAV, "--db", db, "results", "Ladakh"],
             "import click, sqlalchemy, rich",
             [sys.executable, "-c", "import click, sqlalchemy, rich"], 1.3),
        ]
        print(f"{'command':<24}{'median s':>10}   {'baseline':<34}{'median s':>10}{'ratio':>8}"
              f"{'target':>8}")
        for name, cmd, base_name, base, target in rows:
            ours, theirs = timed(cmd, base, args.repeat)
            print(f"{name:<24}{ours:>10.3f}   {base_name:<34}{theirs:>10.3f}"
                  f"{ours / theirs:>7.2f}x{target:>7.1f}x")


if __name__ == "__main__":
    main()
