"""How far can same-person decisions on TCPD's Lok Sabha file go? The limits, measured.

    python benchmarks/resolve_ceiling.py PATH/TO/tcpd_lok_sabha_1962_2021_all_states.csv
    python benchmarks/resolve_ceiling.py PATH --learned      # needs: pip install -e '.[bench]'

``resolve_tcpd.py`` scores the resolver against TCPD's ``pid``. This script asks what any
resolver could score on the same file, in four parts:

1. **The reference.** Pairs that are one person by every sign the file holds (one name, one
   seat, one party that is not "independent", at most ten years apart) yet carry two pids: the
   reference's own splits, which count against any resolver that joins them. And a column
   that leaks pid: before 2004, ``Candidate_Type`` is filled almost only for people who stand
   again after 2004 (TCPD filled it from their later records), so it is hidden like pid.
2. **The candidates.** The pairs the resolver's blocks and name rules let through. If every
   one of them were decided right, recall would be the share of true pairs they hold, joined
   transitively: the most any weights on these candidates can reach.
3. **Operating points.** The resolver's precision and recall as the pair threshold rises: the
   recall left when precision reaches 0.98.
4. **A learned model** (``--learned``). A gradient-boosted classifier (scikit-learn) trained
   on the pids themselves, given every comparison the resolver makes plus each record's vote
   share, lost deposit and position. Five folds by state family: no state is scored by a model
   that saw it. Its pair probabilities are clustered by a plain average linkage, as the
   resolver's own scores are for comparison, and then put in place of the resolver's score
   inside its clustering passes. If learned weights found information the hand-set ones miss,
   its curve would lie outside theirs.

Measured (TCPD Lok Dhaba export of 2024-03-27, 90,562 rows, 37,447 true pairs; persons.v3;
2 CPUs, 2-3 minutes with --learned; the learned numbers move by up to 0.003 between runs):

    1. pairs with one name, one seat, one party (not independents), <= 10 years apart: 6,684,
       of which 147 (2.2%) carry two pids (counting names a spelling apart: 320 of 8,656,
       3.7%). resolve_errors.py: 485 of the resolver's 4,617 false-merge pairs join two pids
       by such a pair or one a spelling apart.
       Candidate_Type before 2004: filled on 4,445 rows of people who stand again after 2004,
       on 378 of people who do not.
    2. 218,878 candidate pairs hold 34,326 of the 37,447 true pairs (0.917); every one decided
       right and joined transitively: recall 0.945.
    3. threshold  8.5: P 0.8647 R 0.7879    12: P 0.9213 R 0.5997    16: P 0.9532 R 0.3458
                 20:  P 0.9849 R 0.0855     (precision 0.98 is reached at recall under 0.1)
    4. learned, on pairs:   p >= 0.5: P 0.854 R 0.853   p >= 0.7: P 0.900 R 0.758
                            p >= 0.9: P 0.957 R 0.478
       average linkage:     the rules' scores P 0.885 R 0.713; learned P 0.844 R 0.807
                            (mean log-odds >= -1), P 0.865 R 0.771 (>= 0)
       in the resolver's passes: P 0.832 R 0.835 (cut 0.50), P 0.874 R 0.773 (cut 0.73):
       the resolver's own curve (7.5: P 0.844 R 0.814; 8.5: P 0.865 R 0.788).
       --leak (Candidate_Type agreeing as one more feature): pairs at 0.5 P 0.866 R 0.877,
       in the passes P 0.843 R 0.856 and P 0.880 R 0.806: the curve moves out a little, by
       the leak.

So on this file the targets P >= 0.98 and R >= 0.95 are out of reach of any weights on these
comparisons: recall is capped near 0.945 by names the rules cannot match, precision is held
down by the reference's own splits, and a model trained on the reference's labels lands on
the hand-set curve.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_errors import sure  # noqa: E402
from resolve_tcpd import read, records_of, score  # noqa: E402

from chunav.resolve import persons  # noqa: E402

FOLDS = 5
LEVELS = {"name": ("exact", "close", "initials", "typo", "subset"),
          "seat": ("same", "other", "other_state", "other_house"),
          "party": ("same", "related", "both_independent", "different", "unknown")}
WEIGHTS = ("alias", "extra_word", "name", "name_count", "nickname", "party", "seat", "streak",
           "won", "year")


def reference(rows: list[dict], recs: list, truth: dict) -> None:
    """Part 1: the reference's own splits, and the Candidate_Type leak."""
    groups: dict[tuple, list] = defaultdict(list)
    for r in recs:
        if r.party is not None and r.party[0] != "ind":
            groups[(r.family, r.seat, r.party[0])].append(r)
    counts: Counter = Counter()  # (name, split): one written name or a spelling apart
    for members in groups.values():
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if a.contest != b.contest and sure(a.rec, b.rec):
                    split = truth[a.rec.id] != truth[b.rec.id]
                    counts["spelling", split] += 1
                    if a.cname.key == b.cname.key:
                        counts["one", split] += 1
    for name, label in (("one", "1. sure pairs (one name, seat and party, <= 10 years)"),
                        ("spelling", "   counting names a spelling apart too")):
        total, split = counts[name, False] + counts[name, True], counts[name, True]
        print(f"{label}: {total:,}, with two pids {split:,} ({split / max(total, 1):.1%})")
    late = {row["pid"] for row in rows if int(row["Year"]) >= 2004}
    filled = Counter((row["pid"] in late) for row in rows
                     if int(row["Year"]) < 2004 and row["Candidate_Type"].strip())
    print(f"   Candidate_Type before 2004: filled on {filled[True]:,} rows of people who stand "
          f"again after 2004, on {filled[False]:,} of people who do not (derived from pid)")


def candidates(records: list, truth: dict, recs: list) -> list:
    """Part 2: every pair the blocks and name rules let through, with its comparison and
    whether the reference makes it one person."""
    stats = persons._Stats(recs)
    pairs = [(*pair, truth[records[pair[0]].id] == truth[records[pair[1]].id])
             for pair in persons._candidates(recs, stats, persons.settings())]
    held = sum(p[-1] for p in pairs)
    positives = sum(k * (k - 1) // 2 for k in Counter(truth.values()).values())
    best = _cluster(records, truth, [(p[0], p[1], 1.0) for p in pairs if p[-1]], 0.0)
    print(f"2. candidate pairs {len(pairs):,} hold {held:,} of {positives:,} true pairs "
          f"({held / positives:.3f}); every one decided right, joined transitively: "
          f"recall {best['recall']:.3f}")
    return pairs


def _cluster(records: list, truth: dict, scored: list, cut: float,
             need: float | None = None, floor: float = -4.0) -> dict:
    """Pairs at or above ``cut`` joined best first; with ``need``, two clusters join only
    when the mean score across them (each pair floored at ``floor``, unscored ones at it)
    reaches ``need``."""
    table = {(i, j): v for i, j, v in scored}
    clusters = persons._Clusters(len(records))
    for i, j, v in sorted(scored, key=lambda t: -t[2]):
        if v < cut:
            break
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        if need is not None:
            left, right = clusters.members[ri], clusters.members[rj]
            total = sum(max(table.get((min(a, b), max(a, b)), floor), floor)
                        for a in left for b in right)
            if total / (len(left) * len(right)) < need:
                continue
        clusters.union(ri, rj)
    return score({r.id: clusters.find(k) for k, r in enumerate(records)}, truth)


def operating_points(records: list, truth: dict, thresholds: list[float]) -> None:
    """Part 3: the resolver's precision and recall as its threshold rises."""
    print("3. the resolver as its pair threshold rises:")
    for threshold in thresholds:
        config = dataclasses.replace(persons.settings(), threshold=threshold)
        m = score(persons.resolve_persons(records, config=config), truth)
        print(f"   threshold {threshold:>5.1f}: P {m['precision']:.4f} R {m['recall']:.4f}",
              flush=True)


def _features(pairs: list, recs: list, raw: list[dict], leak: bool) -> np.ndarray:
    """Each candidate pair as numbers: the resolver's weights and levels, the years, whether
    each won, and each record's vote share, lost deposit and position. ``leak``: also whether
    the two Candidate_Type values agree (-1 when either is empty), the column TCPD filled
    from pid."""
    out = []
    for i, j, value, levels, weights, hard, _ in pairs:
        a, b = recs[i], recs[j]
        row = [weights.get(k, 0.0) for k in WEIGHTS]
        row += [float(levels.get(k) == v) for k, options in LEVELS.items() for v in options]
        count = float(levels.get("name_count", "nan"))
        row += [math.log10(count + 1e-4) if count == count else -5.0,
                abs(a.rec.year - b.rec.year), min(a.rec.year, b.rec.year),
                float(bool(a.rec.won)), float(bool(b.rec.won)), float("streak" in levels),
                float(hard is not None), value]
        extra = []
        for r in (raw[a.rec.id], raw[b.rec.id]):
            extra.append((_number(r["Vote_Share_Percentage"]), r["Deposit_Lost"] == "yes",
                          _number(r["Position"])))
        (va, da, pa), (vb, db, pb) = extra
        row += [min(va, vb), max(va, vb), float(da), float(db), pa + pb]
        if leak:
            ta, tb = (raw[r.rec.id]["Candidate_Type"].strip().upper()[:2] for r in (a, b))
            row.append(float(ta == tb) if ta and tb else -1.0)
        out.append(row)
    return np.array(out, dtype=float)


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return -1.0


def learned(rows: list[dict], records: list, truth: dict, pairs: list, recs: list,
            leak: bool = False) -> None:
    """Part 4: a classifier trained on pid, scored on state families it never saw."""
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError:
        print("4. learned: needs scikit-learn (pip install -e '.[bench]')")
        return
    features = _features(pairs, recs, rows, leak)  # a record's id is its row's index
    labels = np.array([p[-1] for p in pairs])
    families = sorted({recs[p[0]].family for p in pairs},
                      key=lambda f: -sum(recs[p[0]].family == f for p in pairs))
    fold_of = {f: n % FOLDS for n, f in enumerate(families)}
    folds = np.array([fold_of[recs[p[0]].family] for p in pairs])
    prob = np.zeros(len(pairs))
    for k in range(FOLDS):
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.1, random_state=0)
        model.fit(features[folds != k], labels[folds != k])
        prob[folds == k] = model.predict_proba(features[folds == k])[:, 1]
    print("4. learned (gradient boosting on pid, 5 folds by state family"
          f"{', with the leaking Candidate_Type' if leak else ''}), pairs:")
    for cut in (0.5, 0.7, 0.9):
        chosen = prob >= cut
        hits = int((chosen & labels).sum())
        print(f"   p >= {cut}: P {hits / max(chosen.sum(), 1):.3f} R {hits / labels.sum():.3f}")
    odds = np.log(np.clip(prob, 1e-4, 1 - 1e-4) / np.clip(1 - prob, 1e-4, 1))
    hard = np.array([p[5] is not None for p in pairs])
    odds[hard] = -50.0
    rules = [(p[0], p[1], -50.0 if p[5] else p[2] - persons.settings().threshold)
             for p in pairs]
    m = _cluster(records, truth, rules, 0.0, -1.0)
    print(f"   average linkage (pair >= cut, mean across >= cut - 1), the rules' scores: "
          f"P {m['precision']:.3f} R {m['recall']:.3f}")
    learned_pairs = [(p[0], p[1], float(o)) for p, o in zip(pairs, odds, strict=True)]
    for need in (-1.0, 0.0):
        m = _cluster(records, truth, learned_pairs, 0.0, need)
        print(f"   average linkage, learned, mean log-odds >= {need}: "
              f"P {m['precision']:.3f} R {m['recall']:.3f}")
    _in_passes(records, truth, pairs, odds)


def _in_passes(records: list, truth: dict, pairs: list, odds: np.ndarray) -> None:
    """The learned log-odds in place of the resolver's score, inside its own clustering
    passes (a pair the blocks never made keeps the resolver's score)."""
    learned_score = {(records[p[0]].id, records[p[1]].id): float(o)
                     for p, o in zip(pairs, odds, strict=True)}
    original = persons._compare
    threshold = persons.settings().threshold

    def compare(a, b, stats, s):
        value, levels, weights, hard = original(a, b, stats, s)
        found = learned_score.get((a.rec.id, b.rec.id), learned_score.get((b.rec.id, a.rec.id)))
        return (value if found is None else threshold + 3 * found), levels, weights, hard

    persons._compare = compare
    try:
        for shift in (0.0, 3.0):
            config = dataclasses.replace(persons.settings(), threshold=threshold + shift)
            m = score(persons.resolve_persons(records, config=config), truth)
            print(f"   in the resolver's passes, cut {1 / (1 + math.exp(-shift / 3)):.2f}: "
                  f"P {m['precision']:.3f} R {m['recall']:.3f}", flush=True)
    finally:
        persons._compare = original


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--learned", action="store_true", help="also train and score part 4")
    parser.add_argument("--leak", action="store_true",
                        help="part 4 with Candidate_Type too: what a leaking column does")
    parser.add_argument("--thresholds", type=float, nargs="*", default=[8.5, 12.0, 16.0, 20.0])
    args = parser.parse_args(argv)
    rows = read(args.path)
    records, truth = records_of(rows)
    recs = [persons._Rec(r) for r in records]
    reference(rows, recs, truth)
    pairs = candidates(records, truth, recs)
    operating_points(records, truth, args.thresholds)
    if args.learned:
        learned(rows, records, truth, pairs, recs, args.leak)
    return 0


if __name__ == "__main__":
    sys.exit(main())
