"""Benchmark: resolve every candidate row we hold into persons, against a bare rapidfuzz
baseline on the same rows in the same run.

    python benchmarks/bench_resolve.py [DATA_DIR] [--tracemalloc]

Rows are read with ``chunav.ingest.results.read_results`` (files it cannot read are skipped
and named). TCPD's person ids are not passed: every link is found from the names. The
baseline is the least a name matcher must do: exact blocks on (state, first letter of the
name), ``rapidfuzz.process.cdist`` with token_sort_ratio >= 90 inside each block, and
union-find. It knows nothing of contests, initials, aliases, parties or seats, so the ratio
says what those cost. Peak memory is the process's maximum resident set (ru_maxrss) after each
step; ``--tracemalloc`` also traces Python allocations during resolution (slower).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chunav.ingest.results import read_results  # noqa: E402
from chunav.knowledge.normalize import key  # noqa: E402
from chunav.model import LOK_SABHA  # noqa: E402
from chunav.resolve.persons import PersonRecord, _seat, _state, resolve_persons  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data"
# (file, election to pass when the file does not say)
FILES = [
    ("tcpd_lok_sabha_1962_2021_all_states.csv", None),
    ("eci_ls2009_detailed_results_parsed.csv", None),
    ("eci_ls2014_detailed_results_parsed.csv", None),
    ("ls2014_eci_candidate_wise_datameet.csv", "Lok Sabha 2014"),
    ("ls2024_results.csv", "Lok Sabha 2024"),
    ("ls2019_eci_constituency_wise_detailed_results.csv", "Lok Sabha 2019"),
]


def rss_mb() -> float:
    """Peak resident set of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(folder: Path) -> tuple[list[PersonRecord], list[str], dict]:
    """PersonRecords from every readable results file; a line per file; and each record's
    (year, state, seat, total votes): one candidacy as two sources report it."""
    records: list[PersonRecord] = []
    votes: dict = {}
    notes = []
    paths = [(folder / name, election) for name, election in FILES]
    paths += [(p, None) for p in sorted((folder / "assembly").glob("*.csv"))]
    for path, election in paths:
        if not path.exists():
            notes.append(f"  missing  {path.name}")
            continue
        result = read_results(path, election)
        if not result.rows:
            why = result.errors[0].message[:90] if result.errors else "no rows"
            notes.append(f"  skipped  {path.name}: {why}")
            continue
        kept = 0
        for n, row in enumerate(result.rows):
            if row.nota:
                continue
            # the row's index, not its line: a results-site page puts several rows on one line
            rid = (path.name, n)
            e = row.election
            house = LOK_SABHA if e.house == LOK_SABHA else f"{e.region} {e.house}"
            state = row.state or (e.region or "")
            # one contest per source: the same candidacy in two sources is one person
            contest = (path.name, e.name, key(state), key(row.constituency), row.poll_no)
            records.append(PersonRecord(
                id=rid, name=row.candidate, year=e.year, house=house,
                state=state, constituency=row.constituency, party=row.party, sex=row.sex,
                age=row.age, contest=contest))
            if row.votes:
                votes[rid] = (e.name, _state_key(state),
                                               _seat_key(row.constituency), row.votes)
            kept += 1
        notes.append(f"  read     {path.name}: {kept:,} candidate rows "
                     f"({len(result.errors)} row errors)")
    return records, notes, votes


def _state_key(state: str) -> str:
    return _state(state)[0]


def _seat_key(seat: str) -> str:
    return _seat(seat)


def cross_source(records: list[PersonRecord], votes: dict, pred: dict) -> tuple[int, int, int]:
    """Candidacies two sources both report (same election, state, seat and total votes, one
    row in each source): how many such pairs, and how many the resolver put in one person;
    and how many pairs of one person are two candidacies of one contest (vote counts more
    than 1% apart), a false merge of namesakes."""
    by_candidacy: dict = defaultdict(list)
    for r in records:
        if r.id in votes:
            by_candidacy[votes[r.id]].append(r.id)
    pairs = linked = 0
    for ids in by_candidacy.values():
        sources = [i[0] for i in ids]
        if len(ids) < 2 or len(set(sources)) != len(sources):
            continue  # a tie in votes within one source: not a certain pair
        for x, a in enumerate(ids):
            for b in ids[x + 1:]:
                pairs += 1
                linked += pred[a] == pred[b]
    contest: dict = defaultdict(list)  # (person, contest) -> vote counts
    for r in records:
        if r.id in votes:
            contest[(pred[r.id], votes[r.id][:3])].append(votes[r.id][3])
    wrong = 0
    for counts in contest.values():
        for x, a in enumerate(counts):
            # datameet's counting-day figures differ from the final ones by a few votes
            wrong += sum(abs(a - b) > max(50, 0.01 * max(a, b)) for b in counts[x + 1:])
    return pairs, linked, wrong


def baseline(records: list[PersonRecord], cutoff: int = 90) -> dict:
    """Bare rapidfuzz: blocks on (state, first letter), cdist token_sort_ratio, union-find."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    names = [key(r.name) for r in records]
    for i, r in enumerate(records):
        blocks[(key(r.state), names[i][:1])].append(i)
    for members in blocks.values():
        if len(members) < 2:
            continue
        block_names = [names[i] for i in members]
        scores = process.cdist(block_names, block_names, scorer=fuzz.token_sort_ratio,
                               score_cutoff=cutoff, dtype=np.uint8, workers=1)
        rows, cols = np.nonzero(np.triu(scores, k=1))
        for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
            ra, rb = find(members[a]), find(members[b])
            if ra != rb:
                parent[rb] = ra
    return {records[i].id: records[find(i)].id for i in range(len(records))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    records, notes, votes = load(Path(args.folder))
    print(f"read {len(records):,} candidate rows in {time.perf_counter() - start:.1f}s")
    print("\n".join(notes))
    before = rss_mb()

    if args.tracemalloc:
        tracemalloc.start()
    start = time.perf_counter()
    ours = resolve_persons(records)
    ours_s = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
    tracemalloc.stop()
    ours_rss = rss_mb()

    start = time.perf_counter()
    base = baseline(records)
    base_s = time.perf_counter() - start
    base_rss = rss_mb()

    print(f"\n{'':24} {'seconds':>8} {'persons':>9} {'peak RSS MB':>12}")
    print(f"{'chunav resolve_persons':24} {ours_s:>8.1f} {len(set(ours.values())):>9,} "
          f"{ours_rss:>12.0f}")
    print(f"{'rapidfuzz baseline':24} {base_s:>8.1f} {len(set(base.values())):>9,} "
          f"{base_rss:>12.0f}")
    print(f"ratio chunav / baseline: {ours_s / base_s:.1f}x time "
          f"(RSS before resolving: {before:.0f} MB)")
    pairs, linked, wrong = cross_source(records, votes, ours)
    _, base_linked, base_wrong = cross_source(records, votes, base)
    print(f"one candidacy in two sources (same election, seat, votes): {pairs:,} pairs; "
          f"linked by chunav {linked / pairs:.4f}, by the baseline {base_linked / pairs:.4f}")
    print(f"two candidacies of one contest put in one person: chunav {wrong:,} pairs, "
          f"baseline {base_wrong:,} pairs")
    if traced is not None:
        print(f"tracemalloc peak during resolve_persons: {traced:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
