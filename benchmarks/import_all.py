"""Import every shared data file into one store and print what each added, the contests per
election against the seats it fills, and the time taken.

    python benchmarks/import_all.py [SHARED_DATA_DIR] [--db URL] [--reverse]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from shared_data import DEFAULT, FILES, import_all  # noqa: E402

from chunav import open_store  # noqa: E402
from chunav.store import queries as q  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--db", default="sqlite:///import-all.db")
    parser.add_argument("--reverse", action="store_true", help="import in the reverse order")
    args = parser.parse_args()
    store = open_store(args.db)
    order = list(FILES)[::-1] if args.reverse else list(FILES)
    start = time.perf_counter()
    reports = import_all(store, args.data, order, progress=lambda r: print(r.summary()))
    took = time.perf_counter() - start
    with store.connect() as conn:
        stats = q.stats(conn)
    for e in stats["elections"]:
        if e["seats"] and not e["election"].startswith("Lok Sabha bypoll"):
            flag = "" if e["contests"] <= e["seats"] else "  MORE CONTESTS THAN SEATS"
            print(f"{e['election']:<32} {e['contests']:>5} of {e['seats']:>4} seats, "
                  f"{e['candidacies']:>6} candidacies{flag}")
    bad = sum(len(r.errors) for r in reports)
    print(f"{len(reports)} files, {bad} bad rows, {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
