"""Read every shared data file with the election (and format) it needs, and print per file the
format recognised, the records read, the errors, and whether the source is partial.

    python benchmarks/read_all.py [SHARED_DATA_DIR] [--errors N]

SHARED_DATA_DIR defaults to ../shared/data beside the repository; its ``assembly/`` folder is
read too. The table below is the one place that says which ``--election`` each file needs:
the format is recognised from the columns (no file needs ``--format``). Exit status 1 when a
listed file is missing, a file is not listed, or any file has errors beyond ``KNOWN_BAD``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from chunav.ingest.results import read_results

sys.path.insert(0, str(Path(__file__).parent))
from shared_data import DEFAULT, FILES, KNOWN_BAD  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=5, help="errors to show per file")
    args = parser.parse_args()
    found = {p.relative_to(args.data).as_posix()
             for p in [*args.data.glob("*.csv"), *args.data.glob("assembly/*.csv")]}
    status = 0
    for name in sorted(found - FILES.keys()):
        print(f"NOT LISTED {name}")
        status = 1
    print(f"{'file':<62} {'format':<23} {'election':<28} {'kind':<8} {'rows':>6} "
          f"{'err':>4} {'skip':>5} partial")
    totals: Counter[str] = Counter()
    start = time.perf_counter()
    for name, (election, expected) in FILES.items():
        path = args.data / name
        if not path.exists():
            print(f"MISSING {name}")
            status = 1
            continue
        read = read_results(path, election=election)
        unexpected = [e for e in read.errors if (name, e.line, e.code) not in KNOWN_BAD]
        mark = "" if read.format == expected else f"  (expected {expected})"
        print(f"{name:<62} {read.format or '-':<23} {election or '(in file)':<28} "
              f"{read.kind:<8} {len(read.rows):>6} {len(read.errors):>4} {read.skipped:>5} "
              f"{'yes' if read.partial else 'no'}{mark}")
        for error in read.errors[:args.errors]:
            print(f"    {error}")
        totals["rows"] += len(read.rows)
        totals["errors"] += len(read.errors)
        if unexpected or mark:
            status = 1
    print(f"{len(FILES)} files, {totals['rows']} records, {totals['errors']} errors, "
          f"{time.perf_counter() - start:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
