"""The user's own decisions about who is who: an alias file that wins over the matcher.

    # chunav-aliases.toml
    [[same]]                      # every record these names fit is one person
    names = ["Ghulam Hassan Khan", "HASSAN KHAN"]
    constituency = "Ladakh"       # optional: only records of this seat
    election = "Lok Sabha 2009"   # optional: only records of this election

    [[different]]                 # records fitting the first name are never the second's
    names = ["OMAR ABDULLAH", "FAROOQ ABDULLAH"]

A name "fits" a record when :func:`chunav.resolve.names.compare_names` finds them the same
name, a close spelling, or the same with initials (not merely one name's words within the
other's: "Abdullah" alone selects nobody).
"""

from __future__ import annotations

import tomllib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations, product
from pathlib import Path

from chunav.errors import ChunavError
from chunav.knowledge.normalize import key
from chunav.resolve.names import CLOSE, EXACT, INITIALS, canonical_name, compare_names


@dataclass(frozen=True)
class Decision:
    """One entry of the alias file."""

    same: bool
    names: tuple[str, ...]
    constituency: str | None = None
    election: str | None = None


def read_aliases(path: str | Path) -> list[Decision]:
    """The decisions of an alias file; a bad file is a coded error naming what is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ChunavError(f"cannot read the alias file {path}: {err}", "E502") from err
    out = []
    for kind in ("same", "different"):
        for n, entry in enumerate(data.get(kind, []), 1):
            names = entry.get("names") if isinstance(entry, dict) else None
            if not isinstance(names, list) or len(names) < 2 or not all(
                    isinstance(x, str) and x.strip() for x in names):
                raise ChunavError(f"{path}: [[{kind}]] number {n} needs 'names', a list of two "
                                  "or more names", "E502")
            out.append(Decision(kind == "same", tuple(names), entry.get("constituency"),
                                entry.get("election")))
    return out


def decided_pairs(decisions: Iterable[Decision], records: list[dict]
                  ) -> tuple[list[tuple[Hashable, Hashable]], list[tuple[Hashable, Hashable]]]:
    """(links, not_links) between record ids: records are dicts with ``id``, ``name``,
    ``constituency`` and ``election`` (the election's name)."""
    canon = {}
    links, not_links = [], []
    for d in decisions:
        chosen = [r for r in records
                  if (d.constituency is None or key(r["constituency"]) == key(d.constituency))
                  and (d.election is None or key(r["election"]) == key(d.election))]
        groups = []
        for name in d.names:
            mine = canonical_name(name)
            group = []
            for r in chosen:
                if r["name"] not in canon:
                    canon[r["name"]] = canonical_name(r["name"])
                if compare_names(mine, canon[r["name"]])[0] in (EXACT, CLOSE, INITIALS):
                    group.append(r["id"])
            groups.append(group)
        if d.same:
            ids = [i for g in groups for i in g]
            links += [(ids[0], other) for other in ids[1:]]
        else:
            for a, b in combinations(groups, 2):
                not_links += [(x, y) for x, y in product(a, b) if x != y]
    return links, not_links
