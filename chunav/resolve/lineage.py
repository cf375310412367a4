"""Party lineage: renames, splits, mergers and successors (``data/lineage.v1.json``).

A candidate who stood for the Shiv Sena in 2019 and for the Shiv Sena (UBT) in 2024 stayed
with his faction; one who stood for the TRS and then the BRS stayed with a renamed party.
Neither is a turncoat. This module answers, from dated links alone:

- :func:`party_key`: the one key a party name or abbreviation stands for (the gazetteer's
  party when it knows the name, as the store files it; otherwise the name's own key);
- :func:`same_party`: two names of one party (the same key, or joined by renames and aliases);
- :func:`follows`: the links by which a party stood for at one election led to the party
  stood for at a later one (None when they do not): what "not a turncoat" rests on;
- :func:`lineage_of`: every link of a party's family, oldest first, to show a reader.

    >>> [link.kind for link in follows("SHS", "Shiv Sena (UBT)", 2019, 2024)]
    ['split']
    >>> follows("Shiv Sena (UBT)", "SHS", 2024, 2029) is None
    True
    >>> same_party("TRS", "Bharat Rashtra Samithi")
    True

Rename and alias links join two names of one party whatever the dates (results files keep
printing an old label for years). A *split* divides a party into factions that each claim it
(the Shiv Sena in 2022, the Congress in 1969); a *breakaway* is a group leaving to found a new
party while the old one goes on (Mamata Banerjee's Trinamool, 1998): going with a breakaway is
a change of party, so :func:`follows` never takes that link (``lineage_of`` still shows it).
Split, merger and successor links lead one way only, from
the older party to the newer, and only for a move between two elections that the link's
date falls between (by year, both ends included): a candidate of the parent who stood for a
faction founded years before his last contest chose another party.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from dataclasses import dataclass
from functools import cache
from importlib import resources

from chunav.knowledge.normalize import key
from chunav.knowledge.parties import lookup_party

LINEAGE_VERSION = 1
SAME = frozenset({"rename", "alias"})  # kinds that join two names of one party
NOT_FOLLOWED = frozenset({"breakaway"})  # going with a breakaway is a change of party
KINDS = SAME | NOT_FOLLOWED | {"split", "merger", "successor"}


@dataclass(frozen=True)
class Link:
    """One change of a party: ``source`` became, split into, or merged into ``target``."""

    source: str  # as the data file names it
    target: str
    kind: str  # rename | alias | split | breakaway | merger | successor
    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    note: str  # what happened, in one or two sentences

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def to_dict(self) -> dict:
        return {"from": self.source, "to": self.target, "kind": self.kind, "date": self.date,
                "note": self.note}


def party_key(name: str) -> str:
    """The key of the party ``name`` means: its gazetteer name's key when the gazetteer knows
    it (so "INC(I)", "Congress" and "Indian National Congress" agree, as the store files
    them), else the key of the name itself (a TCPD label such as "BLD")."""
    entry = lookup_party(name)
    return key(entry.name) if entry is not None and entry.kind == "party" else key(name)


@cache
def links(version: int = LINEAGE_VERSION) -> tuple[Link, ...]:
    """Every link of ``lineage.v{version}.json``, oldest first."""
    data = json.loads(resources.files("chunav.resolve").joinpath(
        "data", f"lineage.v{version}.json").read_text("utf-8"))
    found = [Link(x["from"], x["to"], x["kind"], x["date"], x["note"]) for x in data["links"]]
    bad = [link for link in found if link.kind not in KINDS]
    if bad:
        raise ValueError(f"lineage.v{version}.json: unknown kind {bad[0].kind!r}")
    return tuple(sorted(found, key=lambda link: link.date))


@cache
def _graph() -> dict[str, list[tuple[Link, str, bool]]]:
    """Party key -> (link, the other party's key, whether it is dated) for each way a link
    may be followed: renames and aliases both ways, undated; the rest forwards, dated."""
    out: dict[str, list[tuple[Link, str, bool]]] = defaultdict(list)
    for link in links():
        if link.kind in NOT_FOLLOWED:
            continue
        a, b = party_key(link.source), party_key(link.target)
        out[a].append((link, b, link.kind not in SAME))
        if link.kind in SAME:
            out[b].append((link, a, False))
    return dict(out)


def _path(start: str, goal: str, since: int | None, until: int | None,
          dated: bool) -> tuple[Link, ...] | None:
    """The fewest links from party key ``start`` to ``goal`` (dated links only when
    ``dated``, in date order within [since, until]); None when there is no such path."""
    if start == goal:
        return ()
    graph = _graph()
    low = since if since is not None else -10**9
    queue: deque[tuple[str, int, tuple[Link, ...]]] = deque([(start, low, ())])
    seen = {(start, low)}
    while queue:
        node, after, path = queue.popleft()
        for link, other, is_dated in graph.get(node, ()):
            if is_dated and not dated:
                continue
            if is_dated and (link.year < after or (until is not None and link.year > until)):
                continue
            step = (other, link.year if is_dated else after)
            if step in seen:
                continue
            if other == goal:
                return (*path, link)
            seen.add(step)
            queue.append((*step, (*path, link)))
    return None


def same_party(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` names of one party (one key, or joined by renames and aliases)?"""
    return _path(party_key(a), party_key(b), None, None, dated=False) is not None


def follows(before: str, after: str, since: int | None = None,
            until: int | None = None) -> tuple[Link, ...] | None:
    """How a candidate of ``before`` (at an election in year ``since``) who stood for
    ``after`` (in year ``until``) stayed with his party: the links from one to the other,
    renames and aliases at any time, splits, mergers and successors dated between the two
    years in order. ``()`` for one party under one key; None when he changed party."""
    return _path(party_key(before), party_key(after), since, until, dated=True)


def lineage_of(party: str) -> list[Link]:
    """The links of ``party``'s line, oldest first: its other names, the parties it came
    from (and theirs), and those it led to (and theirs), but not its ancestors' other
    offspring. Empty for a party the data does not name."""
    forward: dict[str, list[tuple[Link, str]]] = defaultdict(list)
    backward: dict[str, list[tuple[Link, str]]] = defaultdict(list)
    for link in links():
        a, b = party_key(link.source), party_key(link.target)
        forward[a].append((link, b))
        backward[b].append((link, a))
        if link.kind in SAME:
            forward[b].append((link, a))
            backward[a].append((link, b))
    found: set[Link] = set()
    for graph in (forward, backward):
        todo, seen = [party_key(party)], {party_key(party)}
        while todo:
            for link, other in graph[todo.pop()]:
                found.add(link)
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
    return [link for link in links() if link in found]
