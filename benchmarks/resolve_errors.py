"""Where the person resolver and TCPD's ``pid`` disagree, weighted by the pairs each costs.

    python benchmarks/resolve_errors.py PATH/TO/tcpd.csv [--top 40] [--cache FILE]

Runs the resolver as ``resolve_tcpd.py`` does (pid hidden), then lists false merges (a
predicted person holding several pids: the pairs across them) and misses (a pid split over
several predicted persons) with the cost of each in pairs, biggest first, each with its best
pair's explanation and a rough cause:

- tcpd-split: the two sides carry one canonical name, one seat and one party (not
  independents): the reference itself likely gave one person two pids;
- name: the names do not agree by the rules (a spelling, an abbreviation the rules miss);
- seat/party/years: the names agree but the career evidence was too weak.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_tcpd import load, score  # noqa: E402

from chunav.resolve.names import canonical_name, compare_names  # noqa: E402
from chunav.resolve.persons import _party, _seat, explain, resolve_persons  # noqa: E402


def cause(why, a, b) -> str:
    lv = why.levels
    if why.decision == "hard no":
        return "hard no: " + why.reason.split("person: ")[-1]
    if lv["name"] == "different":
        return "name different"
    if (lv["name"] in ("exact", "close") and lv["seat"] == "same" and lv["party"] == "same"):
        return "same name, seat, party"
    return f"name {lv['name']}, seat {lv['seat']}, party {lv['party']}"


def sure(a, b) -> bool:
    """One name (exact, or a spelling apart), one seat (spellings folded), one party (not
    independents), at most 10 years apart: pairs TCPD itself gives two pids 3.7% of the time
    (320 of 8,656; resolve_ceiling.py)."""
    pa, pb = _party(a.party), _party(b.party)
    return (compare_names(canonical_name(a.name), canonical_name(b.name))[0] in ("exact", "close")
            and a.state == b.state and _seat(a.constituency) == _seat(b.constituency)
            and pa is not None and pa == pb and pa[0] != "ind" and abs(a.year - b.year) <= 10)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--cache")
    parser.add_argument("--sample", type=int, default=0,
                        help="also print this many false merges drawn at random (to judge by hand)")
    args = parser.parse_args()
    records, truth = load(args.path)
    if args.cache and Path(args.cache).exists():
        pred = pickle.loads(Path(args.cache).read_bytes())
    else:
        pred = resolve_persons(records)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(pred))
    m = score(pred, truth)
    print(f"P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f}")
    by_id = {r.id: r for r in records}
    clusters, persons = defaultdict(list), defaultdict(list)
    for rid in pred:
        clusters[pred[rid]].append(rid)
        persons[truth[rid]].append(rid)
    # TCPD's own splits: two pids in one predicted person joined by a "sure" pair (one
    # canonical name, one seat, one party that is not independent, at most 10 years apart)
    suspect = 0
    for members in clusters.values():
        parts = defaultdict(list)
        for r in members:
            parts[truth[r]].append(by_id[r])
        ps = list(parts.values())
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                if any(sure(a, b) for a in ps[i] for b in ps[j]):
                    suspect += len(ps[i]) * len(ps[j])
    fp = m["predicted"] - m["true_pos"]
    print(f"false-merge pairs {fp}, of which {suspect} join two pids by a sure pair (one name "
          f"or a spelling apart, one seat and party, <= 10 years): precision with those counted "
          f"right "
          f"{(m['true_pos'] + suspect) / m['predicted']:.4f}")

    def best(x, y):
        return max(((explain(by_id[a], by_id[b], records), a, b) for a in x[:8] for b in y[:8]),
                   key=lambda t: t[0].score)

    for title, groups, label in (("FALSE MERGES", clusters, truth), ("MISSES", persons, pred)):
        items = []
        for members in groups.values():
            parts = defaultdict(list)
            for r in members:
                parts[label[r]].append(r)
            if len(parts) < 2:
                continue
            ps = sorted(parts.values(), key=len, reverse=True)
            for i in range(len(ps)):
                for j in range(i + 1, len(ps)):
                    items.append((len(ps[i]) * len(ps[j]), ps[i], ps[j]))
        items.sort(key=lambda t: -t[0])
        if args.sample and title == "FALSE MERGES":
            print(f"\n{args.sample} false merges at random:")
            for cost, x, y in random.Random(7).sample(items, min(args.sample, len(items))):
                print(f"  [{cost}] {best(x, y)[0].reason}")
        total = sum(t[0] for t in items)
        causes: Counter = Counter()
        shown = 0
        print(f"\n{title}: {len(items)} group pairs, {total} record pairs")
        for cost, x, y in items[: max(args.top * 8, 400)]:
            why, a, b = best(x, y)
            c = cause(why, by_id[a], by_id[b])
            causes[c] += cost
            if shown < args.top:
                shown += 1
                print(f"  [{cost}] {len(x)}x{len(y)} {c} :: {why.reason}")
        print(f"  causes (pairs, first {max(args.top * 8, 400)} groups):")
        for c, n in causes.most_common(15):
            print(f"    {n:6d} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
