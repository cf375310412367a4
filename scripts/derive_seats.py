"""Derive ``chunav/extract/data/seats.v2.json`` (every parliamentary and assembly
constituency with its state, number, reserved category and, for an assembly seat, its parent
parliamentary seat) from datameet's table of the 2008 delimitation
(``ac_pc_master_2008_delimitation_datameet.csv``: state, parliamentary and assembly
constituency names and numbers).

The table is read with chunav's own ``seats-master`` mapping (so states get the names the
resolver uses: "ORISSA" -> "Odisha", "NCT OF DELHI" -> "Delhi"); names are title-cased
("RAJKOT EAST" -> "Rajkot East"). One row per seat and house: a name that is both an
assembly and a parliamentary seat ("Amethi": AC 186, PC 37) has two rows. ``AMENDMENTS`` adds
the seats drawn since the table was made that news names with their number. Limits: the
table predates Telangana (its seats are under Andhra Pradesh, with their 2008 numbers) and
Ladakh (its assembly segments stay under Jammu & Kashmir), and knows no seat renamed or
drawn after 2008 beyond the amendments. A row:

    {"name": "Tiloi", "state": "Uttar Pradesh", "house": "AC", "number": 178,
     "pc": "Amethi", "pc_number": 37}
    {"name": "Amethi", "state": "Uttar Pradesh", "house": "PC", "number": 37}

(``reserved``: "SC" or "ST" when the seat is reserved.)

    python scripts/derive_seats.py ../shared/data > chunav/extract/data/seats.v2.json

Version 1 (``seats.v1.json``: name, state and houses only) is kept for what was built on it;
``--v1`` writes it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chunav.ingest.results import read_results
from chunav.model import LOK_SABHA

SOURCE = "ac_pc_master_2008_delimitation_datameet.csv"
# Seats drawn after 2008 that news writes with their number: the Union Territory of Ladakh
# (2019) has one Lok Sabha seat, "1-Ladakh" (the table has it as Jammu & Kashmir's PC 4).
AMENDMENTS = [{"name": "Ladakh", "state": "Ladakh", "house": "PC", "number": 1}]


def title(name: str) -> str:
    """A name in title case, Roman numerals kept ("Delhi Cantt II")."""
    return " ".join(w if w in ("II", "III", "IV") else w.capitalize()
                    for w in name.strip().split())


def _rows(data: Path) -> list[dict]:
    read = read_results(data / SOURCE)
    if read.errors:
        raise SystemExit("\n".join(map(str, read.errors)))
    out: list[dict] = []
    for row in read.rows:  # SeatRows: one per PC, one per AC
        seat: dict = {"name": title(row.name), "state": row.state,
                      "house": "PC" if row.house == LOK_SABHA else "AC", "number": row.number}
        if row.reserved in ("SC", "ST"):
            seat["reserved"] = row.reserved
        if row.parent_name:
            seat["pc"], seat["pc_number"] = title(row.parent_name), row.parent_number
        out.append(seat)
    return out


def derive(data: Path) -> dict:
    """Version 2: one row per seat and house, with its number (and parent PC)."""
    rows = _rows(data) + AMENDMENTS
    rows.sort(key=lambda r: (r["name"], r["state"], r["house"], r["number"]))
    return {"version": 2, "source": f"datameet, {SOURCE} (2008 delimitation)",
            "derived_by": "scripts/derive_seats.py", "seats": rows}


def derive_v1(data: Path) -> dict:
    """Version 1: which state each seat name is in, with the houses it names."""
    seats: dict[tuple[str, str], set[str]] = {}
    for row in _rows(data):
        seats.setdefault((row["name"], row["state"]), set()).add(row["house"])
    return {"source": f"datameet, {SOURCE} (2008 delimitation)",
            "derived_by": "scripts/derive_seats.py",
            "seats": [{"name": n, "state": s, "houses": sorted(h)}
                      for (n, s), h in sorted(seats.items())]}


def dump(out: dict) -> str:
    """The JSON file: its header, then one seat a line."""
    rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in out["seats"])
    head = "".join(f'{"{" if not k else " "}{json.dumps(key)}: {json.dumps(out[key])},\n'
                   for k, key in enumerate(k for k in out if k != "seats"))
    return f'{head} "seats": [\n{rows}\n]}}\n'


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--v1"]
    made = derive_v1(Path(args[0])) if "--v1" in sys.argv else derive(Path(args[0]))
    sys.stdout.write(dump(made))
