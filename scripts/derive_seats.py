"""Derive ``chunav/extract/data/seats.v1.json`` (which state each seat is in) from datameet's
table of the 2008 delimitation (``ac_pc_master_2008_delimitation_datameet.csv``: state,
parliamentary and assembly constituency names and numbers).

The table is read with chunav's own ``seats-master`` mapping (so states get the names the
resolver uses: "ORISSA" -> "Odisha", "NCT OF DELHI" -> "Delhi"); names are title-cased
("RAJKOT EAST" -> "Rajkot East"). A name that is both an assembly and a
parliamentary seat is kept once per state with both houses. Limits: the table predates
Telangana (its seats are under Andhra Pradesh) and Ladakh (under Jammu & Kashmir), and knows
no seat renamed or drawn after 2008.

    python scripts/derive_seats.py ../shared/data > chunav/extract/data/seats.v1.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chunav.ingest.results import read_results
from chunav.model import LOK_SABHA

SOURCE = "ac_pc_master_2008_delimitation_datameet.csv"


def title(name: str) -> str:
    return " ".join(w if w in ("II", "III", "IV") else w.capitalize()
                    for w in name.strip().split())


def derive(data: Path) -> dict:
    seats: dict[tuple[str, str], set[str]] = {}
    read = read_results(data / SOURCE)
    if read.errors:
        raise SystemExit("\n".join(map(str, read.errors)))
    for row in read.rows:  # SeatRows: one per PC, one per AC
        house = "PC" if row.house == LOK_SABHA else "AC"
        seats.setdefault((title(row.name), row.state), set()).add(house)
    return {"source": f"datameet, {SOURCE} (2008 delimitation)",
            "derived_by": "scripts/derive_seats.py",
            "seats": [{"name": n, "state": s, "houses": sorted(h)}
                      for (n, s), h in sorted(seats.items())]}


if __name__ == "__main__":
    out = derive(Path(sys.argv[1]))
    rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in out["seats"])
    sys.stdout.write(f'{{"source": {json.dumps(out["source"])},\n'
                     f' "derived_by": {json.dumps(out["derived_by"])},\n'
                     f' "seats": [\n{rows}\n]}}\n')
