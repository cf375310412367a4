"""Compare chunav's turncoat, incumbent and recontest flags with TCPD's own columns.

    python benchmarks/careers_tcpd.py PATH/TO/tcpd_lok_sabha_1962_2021_all_states.csv

Who is one person comes from chunav's resolver run on the file with ``pid`` and every column
derived from it hidden (``resolve_tcpd.records_of``); the flags come from ``analyse.careers`` with
the party lineage (``resolve/data/lineage.v1.json``). Compared over the general elections
(Poll_No 0) of 1962-2019, NOTA left out. The same flags computed with TCPD's ``pid`` as the
person split each disagreement into:

- resolution: with TCPD's persons we would agree: our resolver merged or split differently;
- lineage: our lineage data says the move stayed within a party's line (a split, merger,
  successor or rename between the two elections), TCPD counts a change of party;
- tcpd: TCPD contradicts itself: a "change" between two rows of one party label, or its
  Last_Party not the party of the same pid's previous row, or no flag for a party change
  its own Party_IDs show;
- party names: two labels TCPD gives one Party_ID that chunav files as two parties (or the
  other way round), with no lineage link;
- other: anything else (for incumbents and recontests: what counts as the previous term).

Measured on the TCPD Lok Dhaba export of 2024-03-27 (87,766 candidacies compared; 28 s),
lineage.v1 and persons.v1:

    Turncoat   agreement 0.9800 (0.9899 with TCPD's pid as the persons)
               both TRUE 1,316  both FALSE 84,699  only ours 239  only TCPD 1,512
               lineage 781 (INC > NCO 1969, LKD > JD 1988, JD > JD(U) 1999: factions of a
               split, or a merger; a breakaway such as INC > AITC 1998 is a change);
               resolution 883 (we split 621, we merged 181, another earlier contest 81);
               tcpd 54 (CPI(ML)(L) to CPI(ML)(L) flagged: its Party_ID changed);
               party names 33 (RPP/RPPI, LTP/ABLTP: one Party_ID, two chunav parties)
    Incumbent  agreement 0.9901 (0.9996 with TCPD's pid)
               both TRUE 4,590  both FALSE 82,311  only ours 244  only TCPD 621
               resolution 838; other 27 (Assam 1991: its previous poll was 1985, there
               was none in 1989; a member who resigned before the term ended)
    Recontest  agreement 0.9556 (0.9970 with TCPD's pid)
               both TRUE 11,016  both FALSE 72,851  only ours 1,688  only TCPD 2,211
               resolution 3,724 (we split 1,942, we merged 1,352, another 430); other 175

With names.v2 + persons.v2 (resolver P 0.8653 R 0.7735 against pid, was P 0.8658 R 0.7508):
Turncoat 0.9803 (we split 586, we merged 193), Incumbent 0.9905, Recontest 0.9574 (we split
1,810, we merged 1,340).

So nearly all the distance to TCPD is person resolution (its recall for a man who changed
party and seat is the weakest: a turncoat is a career the party does not vouch for) and the
lineage TCPD does not apply; with TCPD's persons the flags agree to 0.1-1.3%.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_tcpd import read, records_of  # noqa: E402

from chunav.analyse.careers import Career, Stand, careers  # noqa: E402
from chunav.knowledge.parties import lookup_party  # noqa: E402
from chunav.resolve.lineage import party_key  # noqa: E402
from chunav.resolve.persons import resolve_persons  # noqa: E402

FLAGS = {"Turncoat": "turncoat", "Incumbent": "incumbent", "Recontest": "recontest"}


def _party(label: str) -> str | None:
    """A TCPD Party label as careers take it: None for independents (and no label)."""
    entry = lookup_party(label) if label.strip() else None
    return None if not label.strip() or (entry and entry.kind == "independent") else label


def stands(rows: dict[int, dict], person: Callable[[int], object]) -> list[Stand]:
    """The rows as careers' Stands, each row's person given by ``person(row id)``."""
    out = []
    for n, r in rows.items():
        year, bye = int(r["Year"]), r["Poll_No"] != "0"
        out.append(Stand(id=n, person=person(n), name=r["Candidate"],
                         election=f"Lok Sabha {'bypoll ' if bye else ''}{year}", year=year,
                         bye=bye, house="Lok Sabha", state=r["State_Name"],
                         constituency=r["Constituency_Name"], party=_party(r["Party"]),
                         label=r["Party"], won=r["Position"].strip() == "1"))
    return out


def classify(flag: str, r: dict, ours: Career, theirs: Career, rows: dict[int, dict]) -> str:
    """Why chunav's ``flag`` of row ``n`` differs from TCPD's (see the module's note)."""
    attr = FLAGS[flag]
    if bool(getattr(ours, attr)) != bool(getattr(theirs, attr)):
        if ours.previous is None:
            return "resolution: we split"  # TCPD's pid has an earlier contest, we do not
        if theirs.previous is None:
            return "resolution: we merged"  # we found an earlier contest TCPD's pid lacks
        return "resolution: another earlier contest"
    if flag != "Turncoat":
        return "other"
    if theirs.changed and not theirs.turncoat:
        return "lineage"
    tcpd_says = r["Turncoat"] == "TRUE"
    previous = theirs.previous
    if previous is not None:
        last = rows[previous.id]["Party"]
        if tcpd_says and (r["Party"] == r["Last_Party"] or r["Party"] == last):
            return "tcpd"
        if r["Last_Party"] and r["Last_Party"] != last:
            return "tcpd"
        ids_differ = rows[previous.id]["Party_ID"] != r["Party_ID"]
        if not tcpd_says and ids_differ and theirs.turncoat:
            return "tcpd"
        if ids_differ != (party_key(last) != party_key(r["Party"])):
            return "party names"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--examples", type=int, default=4)
    args = parser.parse_args(argv)
    every = read(args.path)
    records, truth = records_of(every)
    rows = {r.id: every[r.id] for r in records}  # records_of numbers rows as read, NOTA skipped
    print(f"resolving {len(records):,} candidacies without pid ...", flush=True)
    predicted = resolve_persons(records)
    general = {("Lok Sabha", r["State_Name"], int(r["Year"])) for r in rows.values()
               if r["Poll_No"] == "0"}
    ours = careers(stands(rows, predicted.__getitem__), general)
    theirs = careers(stands(rows, truth.__getitem__), general)
    compared = [n for n, r in rows.items() if r["Poll_No"] == "0" and int(r["Year"]) <= 2019]
    rng = random.Random(8)
    for flag, attr in FLAGS.items():
        confusion: Counter = Counter()
        with_pid = 0  # agreement when TCPD's pid says who is one person
        causes: Counter = Counter()
        examples: dict[str, list[str]] = defaultdict(list)
        for n in compared:
            r = rows[n]
            if r[flag] not in ("TRUE", "FALSE"):
                continue
            mine, tcpd = bool(getattr(ours[n], attr)), r[flag] == "TRUE"
            confusion[(mine, tcpd)] += 1
            with_pid += bool(getattr(theirs[n], attr)) == tcpd
            if mine != tcpd:
                cause = classify(flag, r, ours[n], theirs[n], rows)
                causes[cause] += 1
                previous = ours[n].previous
                before = (f"{rows[previous.id]['Party']} {previous.year}" if previous
                          else "no previous contest")
                examples[cause].append(
                    f"{r['Year']} {r['Constituency_Name']}: {r['Candidate']} ({r['Party']}); "
                    f"ours {mine} (before: {before}), TCPD {tcpd} (Last_Party "
                    f"{r['Last_Party'] or '-'}){_why(ours[n])}")
        total = sum(confusion.values())
        agree = confusion[(True, True)] + confusion[(False, False)]
        print(f"\n{flag}: {total:,} compared, agreement {agree / total:.4f} "
              f"(with TCPD's pid as the persons: {with_pid / total:.4f})")
        print(f"  both TRUE {confusion[(True, True)]:,}   both FALSE "
              f"{confusion[(False, False)]:,}   only ours {confusion[(True, False)]:,}   "
              f"only TCPD {confusion[(False, True)]:,}")
        for cause, count in causes.most_common():
            print(f"  {cause}: {count:,}")
            sample = examples[cause]
            for line in rng.sample(sample, min(args.examples, len(sample))):
                print(f"    {line}")
    return 0


def _why(career: Career) -> str:
    return f"; lineage: {career.lineage[0].kind} {career.lineage[0].source} > " \
           f"{career.lineage[-1].target}" if career.lineage else ""


if __name__ == "__main__":
    sys.exit(main())
