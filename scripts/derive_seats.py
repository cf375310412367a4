"""Derive ``chunav/extract/data/seats.v1.json`` (which state each seat is in) from datameet's
table of the 2008 delimitation (``ac_pc_master_2008_delimitation_datameet.csv``: state,
parliamentary and assembly constituency names and numbers).

Names are title-cased ("RAJKOT EAST" -> "Rajkot East"); states get the names the resolver
uses ("ORISSA" -> "Odisha", "NCT OF DELHI" -> "Delhi"). A name that is both an assembly and a
parliamentary seat is kept once per state with both houses. Limits: the table predates
Telangana (its seats are under Andhra Pradesh) and Ladakh (under Jammu & Kashmir), and knows
no seat renamed or drawn after 2008.

    python scripts/derive_seats.py ../shared/data > chunav/extract/data/seats.v1.json
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

SOURCE = "ac_pc_master_2008_delimitation_datameet.csv"
STATES = {"ORISSA": "Odisha", "NCT OF DELHI": "Delhi", "JAMMU & KASHMIR": "Jammu & Kashmir",
          "ANDAMAN AND NICOBAR ISLANDS": "Andaman & Nicobar Islands",
          "DADRA AND NAGAR HAVELI": "Dadra & Nagar Haveli", "DAMAN AND DIU": "Daman & Diu"}


def title(name: str) -> str:
    return " ".join(w if w in ("II", "III", "IV") else w.capitalize()
                    for w in name.strip().split())


def derive(data: Path) -> dict:
    seats: dict[tuple[str, str], set[str]] = {}
    with open(data / SOURCE, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            state = STATES.get(r["ST_NAME"].strip(), title(r["ST_NAME"]))
            for col, house in (("PC_NAME", "PC"), ("AC_NAME", "AC")):
                if r[col].strip():
                    seats.setdefault((title(r[col]), state), set()).add(house)
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
