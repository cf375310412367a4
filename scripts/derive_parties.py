"""Derive ``chunav/knowledge/data/parties.v3.json`` from ``parties.v1.json`` and official
results that write one party two ways.

Version 2's pairs: ECI's Lok Sabha 2014 detailed results (party abbreviations) and datameet's
scrape of the ECI results site (full party names) list the same election. A candidate with the
same state, seat number and total votes in both gives one (abbreviation, full name) pair; an
abbreviation is kept when one full name accounts for at least 90 % of its pairs.

Version 3 adds the small parties of the Lok Sabha 2024 count, which the results site writes in
full while TCPD (to 2019) writes their abbreviations. No one election lists both, so a pair
needs two pieces of evidence: the abbreviation spells the name (each word giving the next
letters: BARESP = BAhujan REpublican Socialist Party), and a candidate of the same name in the
same state stood for the abbreviation in TCPD and for the full name in 2024. A name or
abbreviation with more than one such partner is left out.

    python scripts/derive_parties.py ../shared/data > chunav/knowledge/data/parties.v3.json
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from chunav.knowledge.normalize import clean, key, name_tokens, names_fit

V1 = Path(__file__).parent.parent / "chunav" / "knowledge" / "data" / "parties.v1.json"


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


LINK_WORDS = {"of", "the", "and", "for"}  # words an abbreviation may skip


def spells(abbreviation: str, name: str) -> bool:
    """Does the abbreviation spell the name, word by word: each word gives its first letter
    and perhaps more of its letters in order ("BGanP": Bharatiya Gana Parishad; "RLTP":
    Rashtriya LokTantrik Party)? Link words ("of", "the") may give nothing."""
    letters = re.sub(r"[^a-z]", "", abbreviation.lower())
    words = re.findall(r"[a-z]+", name.lower())

    @cache
    def spell(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if words[j] in LINK_WORDS and spell(i, j + 1):
            return True
        if i == len(letters) or letters[i] != words[j][0]:
            return False
        # the word's letters after its first, matched in order: i..k-1 of the abbreviation
        k, pos = i + 1, 1
        while True:
            if spell(k, j + 1):
                return True
            if k == len(letters):
                return False
            pos = words[j].find(letters[k], pos) + 1
            if not pos:
                return False
            k += 1

    return bool(letters) and spell(0, 0)


def pairs_2024(data: Path, known: dict[str, dict]) -> dict[str, str]:
    """Abbreviation -> full name for parties TCPD abbreviates and the 2024 count writes in
    full: the abbreviation spells the name and one candidate stood for both (see above): the
    same state, and names that fit (``names_fit``: "Anand Shankar Nalage (Patil)" is
    "ANAND SHANKAR NALAGE")."""
    def unknown(party: str) -> bool:
        return bool(party) and key(party) not in known

    stood: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    with open(data / "tcpd_lok_sabha_1962_2021_all_states.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if unknown(party := clean(r["Party"])):
                for word in set(name_tokens(r["Candidate"])):  # blocks: state and a word
                    stood[(key(r["State_Name"]), word)].append((r["Candidate"], party))
    found: dict[str, set[str]] = defaultdict(set)
    with open(data / "ls2024_results.csv", encoding="utf-8") as fh:
        for r in csv.reader(fh):  # no header: serial, state code, state, seat, rank, name, party
            if not unknown(name := clean(r[6])):
                continue
            near = {c for w in set(name_tokens(r[5])) for c in stood.get((key(r[2]), w), ())}
            for candidate, a in near:
                if key(a) != key(name) and spells(a, name) and names_fit(candidate, r[5]):
                    found[a].add(name)
    partners: dict[str, int] = defaultdict(int)
    for names in found.values():
        for name in names:
            partners[name] += 1
    return {a: next(iter(names)) for a, names in found.items()
            if len(names) == 1 and partners[next(iter(names))] == 1}


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
        _pair(index, parties, special, a, name)
    for a, name in sorted(pairs_2024(data, {**index, **dict.fromkeys(special)}).items()):
        _pair(index, parties, special, a, name)
    return {
        "version": 3,
        "about": v1["about"] + " Version 2 adds every party of the Lok Sabha 2014 count with "
                 "its ECI abbreviation and full name, paired by scripts/derive_parties.py from "
                 "ECI's detailed results and the ECI results site (same candidate, same votes). "
                 "Version 3 adds small parties of the Lok Sabha 2024 count, whose full names "
                 "are paired with TCPD's abbreviations where the abbreviation spells the name "
                 "and one candidate stood for both (same name, same state).",
        "parties": parties,
        "independent": v1["independent"],
        "nota": v1["nota"],
    }


def _pair(index: dict[str, dict], parties: list[dict], special: set[str], a: str,
          name: str) -> None:
    """Add the pair (abbreviation, full name) to the party list: to the entry that knows one
    of them, or as a new party; nothing when both are known."""
    if key(a) in special or key(name) in special:
        return
    by_a, by_name = index.get(key(a)), index.get(key(name))
    if by_a is not None and by_name is not None:
        return  # both known (to one party, or to two: then not ours to join)
    entry = by_a or by_name
    if entry is None:
        entry = {"name": name, "abbreviation": a}
        parties.append(entry)
    else:
        entry.setdefault("aliases", []).append(name if by_a else a)
    index[key(a)] = index[key(name)] = entry


if __name__ == "__main__":
    data = main(Path(sys.argv[1]))
    lines = ",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in data.pop("parties"))
    head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]
    sys.stdout.write(f'{head},\n  "parties": [\n{lines}\n  ]\n}}\n')
