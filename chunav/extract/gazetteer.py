"""What the extractor knows by name: parties, alliances, states, houses (bundled, versioned data)
and, when a store is given, every person, party and constituency it holds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from chunav.extract import lexicon
from chunav.model import KnownNames
from chunav.resolve.gazetteer import Entry, parties, states
from chunav.resolve.normalize import key

PARTY, ALLIANCE, STATE, HOUSE, PERSON, SEAT = "PARTY", "ALLIANCE", "GPE", "HOUSE", "PERSON", "SEAT"


def _data(name: str) -> dict:
    return json.loads(resources.files("chunav.extract").joinpath("data", name).read_text("utf-8"))


@cache
def alliances() -> tuple[Entry, ...]:
    """Alliances (``alliances.v1.json``)."""
    return tuple(Entry(a["name"], a.get("abbreviation"), tuple(a.get("aliases", ())), "alliance")
                 for a in _data("alliances.v1.json")["alliances"])


@cache
def alliance_formed() -> dict[str, int]:
    """Year each alliance was formed, by canonical name."""
    return {a["name"]: a["formed"] for a in _data("alliances.v1.json")["alliances"]
            if "formed" in a}


@cache
def roles() -> dict:
    """Party and council posts, government offices, and legislatures (``roles.v1.json``)."""
    return _data("roles.v1.json")


@cache
def seat_states() -> dict[str, tuple[tuple[str, str], ...]]:
    """The (state, house) pairs a seat name has, house "AC" or "PC" (``seats.v1.json``, from
    the 2008 delimitation; see ``scripts/derive_seats.py``), by normalised name."""
    out: dict[str, list[tuple[str, str]]] = {}
    for seat in _data("seats.v1.json")["seats"]:
        out.setdefault(key(seat["name"]), []).extend((seat["state"], h) for h in seat["houses"])
    return {k: tuple(v) for k, v in out.items()}


@dataclass
class Gazetteer:
    """Names to recognise, by label, each with the canonical entry it stands for."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)
    _idx: dict[tuple[str, str], Entry] | None = field(default=None, repr=False)

    @classmethod
    def bundled(cls) -> Gazetteer:
        """Parties, alliances, states and houses shipped with chunav."""
        g = cls()
        # v1: the short list news names; v2's hundreds of ballot abbreviations ("AD", "BMUP")
        # match ordinary words in prose and cost precision (measured: F1 0.550 -> 0.536)
        g.entries[PARTY] = [e for e in parties(1) if e.kind == "party"]
        g.entries[ALLIANCE] = list(alliances())
        g.entries[STATE] = list(states()) + [  # "Arunachal" for Arunachal Pradesh
            Entry(name, None, (short,), "state")
            for short, name in lexicon.table("state_aliases").items()]
        g.entries[HOUSE] = [Entry(name, None, tuple(words), "house")
                            for name, words in roles()["houses"].items()]
        return g

    def add_names(self, names: KnownNames) -> Gazetteer:
        """Add the people, parties and constituencies a store holds."""
        known = {key(n) for e in self.entries[PARTY] for n in e.names}
        for name, abbreviation in names.parties:
            if key(name) not in known:
                self.entries[PARTY].append(Entry(name, abbreviation, (), "party"))
        self.entries[PERSON] = [Entry(n, None, (), "person") for n in names.people
                                if len(n.split()) >= 2]
        self.entries[SEAT] = [Entry(n, None, (), "seat") for n in names.seats]
        self._idx = None  # the index is built again, with the store's names
        return self

    def lookup(self, label: str, text: str) -> Entry | None:
        """The entry a name stands for."""
        return self._index().get((label, key(text)))

    def _index(self) -> dict[tuple[str, str], Entry]:
        if self._idx is None:
            self._idx = {(label, key(n)): e for label, es in self.entries.items()
                         for e in es for n in e.names}
        return self._idx

    def patterns(self) -> tuple[list[dict], list[dict]]:
        """EntityRuler phrase patterns: (names, matched in any case; acronyms, matched
        exactly)."""
        names, acronyms = [], []
        for label, es in self.entries.items():
            for e in es:
                for name in e.names:
                    pattern = {"label": label, "pattern": name, "id": f"{label}:{e.name}"}
                    short = label != PERSON and any(w.isupper() and len(w) > 1 and w.isalpha()
                                                    for w in name.replace("&", " ").split())
                    (acronyms if short else names).append(pattern)
        return names, acronyms
