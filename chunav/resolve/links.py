"""Which official candidate a name in the news means.

A report names a candidate its own way: "Haji Hanifa Jan" for the ballot's "MOHMAD HANEEFA",
"Ghulam Hassan Khan" for "HASSAN KHAN", "P. Namgyal" for "PHUNTSOG NAMGYAL". Within one contest
the candidates are few, so a name links to the one candidate whose name agrees with it best
(:func:`chunav.resolve.names.compare_names`: the same words, close spellings, initials, or one
name's words within the other's) — and to none when two candidates agree equally well (two
Abdullahs on one ballot) or when the names differ ("Farooq Abdullah" is not "OMAR ABDULLAH").
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from chunav.resolve.names import DIFFERENT, LEVELS, canonical_name, compare_names


@dataclass(frozen=True)
class Link:
    """A news name linked to a candidate: which one, how surely, and why in words."""

    record: Hashable
    ballot_name: str
    level: str  # exact | close | initials | subset
    reason: str


def link_mention(name: str, candidates: Sequence[tuple[Hashable, str]]) -> Link | None:
    """The candidate (id, ballot name) of one contest that ``name`` means, or None."""
    mine = canonical_name(name)
    rank = {level: n for n, level in enumerate(LEVELS)}
    scored = []
    for record, ballot in candidates:
        level, similarity, via_alias = compare_names(mine, canonical_name(ballot))
        if level != DIFFERENT:
            scored.append((rank[level], -similarity, record, ballot, level, via_alias))
    if not scored:
        return None
    scored.sort(key=lambda x: x[:2])
    best = scored[0]
    if len(scored) > 1 and scored[1][:2] == best[:2]:
        return None  # two candidates fit as well: the name does not say which
    _, similarity, record, ballot, level, via_alias = best
    words = {"exact": "the same name", "close": f"a close spelling ({-similarity:.0f}/100)",
             "initials": "the same name with initials", "subset": "the words of one name "
             "within the other's"}[level]
    alias = " (through an 'alias' form)" if via_alias else ""
    return Link(record, ballot, level,
                f"{name!r} and the ballot's {ballot!r}: {words}{alias}, and no other candidate "
                "of the contest fits as well")
