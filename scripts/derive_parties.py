"""Derive ``chunav/resolve/data/parties.v2.json`` from ``parties.v1.json`` and two official
listings of the same election: ECI's Lok Sabha 2014 detailed results (party abbreviations) and
datameet's scrape of the ECI results site (full party names). A candidate with the same state,
seat number and total votes in both gives one (abbreviation, full name) pair; an abbreviation
is kept when one full name accounts for at least 90 % of its pairs.

    python scripts/derive_parties.py ../shared/data > chunav/resolve/data/parties.v2.json
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from chunav.resolve.normalize import clean, key

V1 = Path(__file__).parent.parent / "chunav" / "resolve" / "data" / "parties.v1.json"


def pairs(data: Path) -> dict[str, str]:
    """Abbreviation -> full name, from the two 2014 listings."""
    abbr = {}
    with open(data / "eci_ls2014_detailed_results_parsed.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            abbr[(key(r["state"]), int(r["pc_no"]), int(r["total_votes"]))] = clean(r["party"])
    seen: dict[str, Counter] = defaultdict(Counter)
    with open(data / "ls2014_eci_candidate_wise_datameet.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            k = (key(r["State"]), int(r["Constituency-code"]), int(r["Votes"]))
            if k in abbr:
                seen[abbr[k]][clean(r["Party"])] += 1
    out = {}
    for a, names in seen.items():
        (name, n), total = names.most_common(1)[0], sum(names.values())
        if n >= 0.9 * total and key(a) != key(name):
            out[a] = name
    return out


def main(data: Path) -> dict:
    v1 = json.loads(V1.read_text("utf-8"))
    parties = [dict(p) for p in v1["parties"]]
    special = {key(n) for n in v1["independent"] + v1["nota"]}
    index = {}
    for p in parties:
        for n in [p["name"], p.get("abbreviation"), *p.get("aliases", [])]:
            if n:
                index[key(n)] = p
    for a, name in sorted(pairs(data).items()):
        if key(a) in special or key(name) in special:
            continue
        by_a, by_name = index.get(key(a)), index.get(key(name))
        if by_a is not None and by_name is not None:
            continue  # both known (to one party, or to two: then not ours to join)
        entry = by_a or by_name
        if entry is None:
            entry = {"name": name, "abbreviation": a}
            parties.append(entry)
        else:
            entry.setdefault("aliases", []).append(name if by_a else a)
        index[key(a)] = index[key(name)] = entry
    return {
        "version": 2,
        "about": v1["about"] + " Version 2 adds every party of the Lok Sabha 2014 count with "
                 "its ECI abbreviation and full name, paired by scripts/derive_parties.py from "
                 "ECI's detailed results and the ECI results site (same candidate, same votes).",
        "parties": parties,
        "independent": v1["independent"],
        "nota": v1["nota"],
    }


if __name__ == "__main__":
    data = main(Path(sys.argv[1]))
    lines = ",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in data.pop("parties"))
    head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]
    sys.stdout.write(f'{head},\n  "parties": [\n{lines}\n  ]\n}}\n')
