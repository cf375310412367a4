"""What the extractor knows by name: parties, alliances, states, houses (bundled, versioned data)
and, when a store is given, every person, party and constituency it holds."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from chunav.extract import lexicon
from chunav.knowledge.gazetteer import Entry, parties, states
from chunav.knowledge.normalize import key
from chunav.model import KnownNames

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


def seat_key(name: str) -> str:
    """A seat name's key, blind to the ways one seat is written (lexicon ``[seat_words]``):
    "Kanpur Cantonment" and "Kanpur Cantt." are one key, and a reserved-category suffix
    ("Sanganer (SC)", "Mahuva-ST") is not part of the name."""
    table = lexicon.table("seat_words")
    words = [table.get(w, w) for w in key(name).split()]
    while len(words) > 1 and words[-1] in table["reserved"]:
        words.pop()
    return " ".join(words)


SEATS_FILE = "seats.v2.json"


@dataclass(frozen=True)
class SeatEntry:
    """A constituency of the seat list: its state, house ("AC" or "PC"), number, and for an
    assembly seat the parliamentary seat it lies in."""

    name: str
    state: str
    house: str
    number: int
    pc: str | None = None
    pc_number: int | None = None


@cache
def seats() -> dict[str, tuple[SeatEntry, ...]]:
    """Every seat of the list (``seats.v2.json``, from the 2008 delimitation; see
    ``scripts/derive_seats.py``), by ``seat_key``: one entry per state and house."""
    out: dict[str, list[SeatEntry]] = {}
    for row in _data(SEATS_FILE)["seats"]:
        out.setdefault(seat_key(row["name"]), []).append(SeatEntry(
            row["name"], row["state"], row["house"], row["number"], row.get("pc"),
            row.get("pc_number")))
    return {k: tuple(v) for k, v in out.items()}


@cache
def seat_states() -> dict[str, tuple[tuple[str, str], ...]]:
    """The (state, house) pairs a seat name has, house "AC" or "PC", by ``seat_key``."""
    return {k: tuple(dict.fromkeys((e.state, e.house) for e in v)) for k, v in seats().items()}


def seat_places(name: str) -> tuple[tuple[str, str], ...]:
    """The (state, house) pairs of a seat name as written in news ("Kanpur Cantonment")."""
    return seat_states().get(seat_key(name), ())


def seat_numbered(name: str, number: int) -> tuple[SeatEntry, ...] | None:
    """The seats a name written with a number stands for ("37-Amethi": the Lok Sabha seat;
    "186-Amethi": the assembly seat): those of the list with that number; none (an empty
    tuple) when the list knows the name only with other numbers, so the number says it is
    no such seat ("Ward No. 12-Amethi"); None when the list does not know the name."""
    found = seats().get(seat_key(name))
    if not found:
        return None
    return tuple(e for e in found if e.number == number)


_QUALIFIED = re.compile(r"^(.*?\S)\s*\(([^()]+)\)$")  # "Janata Dal (Secular)", "JD(S)"


def party_variants(e: Entry) -> tuple[str, ...]:
    """The spellings news gives a party whose name ends in a qualifier, beyond those listed:
    "Janata Dal-Secular", "Janata Dal Secular" for "Janata Dal (Secular)"; "JD-S", "JD (S)" for
    "JD(S)"; and the abbreviation with the qualifier spelled out, "CPI (Marxist)", "CPI-Marxist"
    for "CPI(M)" of "Communist Party of India (Marxist)"."""
    out: list[str] = []
    name = _QUALIFIED.match(e.name)
    abbr = _QUALIFIED.match(e.abbreviation or "")
    for m in (name, abbr):
        if m:
            base, qual = m.groups()
            out += [f"{base}-{qual}", f"{base} {qual}", f"{base} ({qual})", f"{base}({qual})"]
    if name and abbr and name.group(2).lower().startswith(abbr.group(2).lower()):
        base, qual = abbr.group(1), name.group(2)
        out += [f"{base} ({qual})", f"{base}({qual})", f"{base}-{qual}"]
    known = {key(n) for n in e.names} | {None}
    seen: set[str] = set()
    return tuple(v for v in out if v not in seen and not seen.add(v) and v not in e.names
                 and (key(v) not in known or "(" in v or "-" in v))


def news_parties(listed: list[Entry]) -> list[Entry]:
    """The party list with the spellings news uses: each party's ``party_variants`` and the
    lexicon's ``[party_aliases]`` (which may add a party the list lacks)."""
    extra = {name: tuple(aliases) for name, aliases in lexicon.table("party_aliases").items()}
    out = [Entry(e.name, e.abbreviation, (*e.aliases, *extra.pop(e.name, ()),
                                          *party_variants(e)), e.kind) for e in listed]
    return out + [Entry(name, None, aliases, "party") for name, aliases in extra.items()]


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
        g.entries[PARTY] = news_parties([e for e in parties(1) if e.kind == "party"])
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
