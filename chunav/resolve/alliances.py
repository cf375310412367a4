"""Alliances per election from the bundled data file ``alliances.v1.json``: who was in the
NDA, the UPA, the INDIA bloc and state alliances at each election, where each partner shared
seats, and (where well known) which partner an alliance gave a seat to.

Party identity is :func:`chunav.resolve.lineage.same_party` (one party under its renames and
aliases). No SQL here: the analysis reads the store and meets this file at query time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from chunav.knowledge.normalize import key
from chunav.knowledge.parties import lookup_party
from chunav.model import ElectionName
from chunav.resolve.lineage import same_party
from chunav.resolve.seats import state_family

DATA_FILE = "chunav/resolve/data/alliances.v1.json"  # as evidence names it


@dataclass(frozen=True)
class Partner:
    """A party in an alliance at one election; ``states`` limits where it shared seats
    (empty: wherever it stood)."""

    party: str
    states: tuple[str, ...] = ()

    def allied_in(self, state: str | None) -> bool:
        """Was this partner allied in ``state`` (any state when the entry sets none)?"""
        if not self.states:
            return True
        return bool(state) and state_family(state) in {state_family(x) for x in self.states}


@dataclass(frozen=True)
class SeatShare:
    """An alliance's seat given to one partner."""

    constituency: str
    state: str | None
    party: str
    candidate: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class AllianceTerm:
    """One alliance at one election, as the data file gives it."""

    alliance: str  # canonical name
    abbreviation: str
    election: str  # canonical election name: "Lok Sabha 2024"
    partners: tuple[Partner, ...]
    seats: tuple[SeatShare, ...]
    source: str
    note: str | None = None

    def locator(self, part: str | None = None) -> str:
        """Where in the data file a fact sits: "INDIA Lok Sabha 2024 / Ladakh"."""
        head = f"{self.abbreviation} {self.election}"
        return f"{head} / {part}" if part else head

    def partner(self, party: str, state: str | None) -> Partner | None:
        """The entry of ``party`` if it was a partner allied in ``state``."""
        return next((p for p in self.partners if same_party(p.party, party)
                     and p.allied_in(state)), None)

    def seat(self, constituency_keys: set[str], state: str | None) -> SeatShare | None:
        """The seat-sharing entry for a seat known by any of ``constituency_keys``."""
        return next((x for x in self.seats if key(x.constituency) in constituency_keys and (
            not x.state or not state or state_family(x.state) == state_family(state))), None)


@cache
def _data() -> dict:
    return json.loads(resources.files("chunav.resolve").joinpath(
        "data", "alliances.v1.json").read_text("utf-8"))


@cache
def alliance_terms() -> tuple[AllianceTerm, ...]:
    """Every alliance at every election the data file knows."""
    out = []
    for alliance in _data()["alliances"]:
        for entry in alliance["elections"]:
            partners = tuple(Partner(p) if isinstance(p, str) else
                             Partner(p["party"], tuple(p.get("states", ())))
                             for p in entry["partners"])
            seats = tuple(SeatShare(x["constituency"], x.get("state"), x["party"],
                                    x.get("candidate"), x.get("note"))
                          for x in entry.get("seats", ()))
            out.append(AllianceTerm(alliance["name"], alliance["abbreviation"],
                                    ElectionName.parse(entry["election"]).name, partners,
                                    seats, entry["source"], entry.get("note")))
    return tuple(out)


def terms_for(election: str) -> list[AllianceTerm]:
    """The alliances the data file knows at one election (by its name)."""
    name = ElectionName.parse(election).name
    return [t for t in alliance_terms() if t.election == name]


@cache
def _alias_index() -> dict[str, str]:
    return {key(n): a["name"] for a in _data()["alliances"]
            for n in (a["name"], a["abbreviation"], *a.get("aliases", ()))}


def alliance_name(name: str) -> str:
    """The canonical name of an alliance a source names ("UPA-II", "INDIA bloc"), or the
    name itself when the data file does not know it ("NC-Congress alliance")."""
    return _alias_index().get(key(name), name)


def short_name(name: str) -> str:
    """A party's or alliance's abbreviation where one is known (for narrow tables)."""
    entry = lookup_party(name)
    if entry is not None and entry.abbreviation:
        return entry.abbreviation
    canonical = alliance_name(name)
    return next((a["abbreviation"] for a in _data()["alliances"] if a["name"] == canonical),
                name)
