"""The bundled reference lists (versioned data files in ``knowledge/data``): states and parties."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from chunav.knowledge.normalize import key


@dataclass(frozen=True)
class Entry:
    """One reference record: its canonical name, an abbreviation and the other names it has."""

    name: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    kind: str
    code: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        extra = (self.abbreviation,) if self.abbreviation else ()
        return (self.name, *extra, *self.aliases)


def _load(name: str) -> dict:
    return json.loads(resources.files("chunav.knowledge").joinpath("data", name).read_text("utf-8"))


@cache
def states() -> tuple[Entry, ...]:
    """States and union territories (``states.v2.json``; its ECI abbreviations are left out of
    the names: chunav.ingest reads them from state-code columns only)."""
    return tuple(Entry(s["name"], None, tuple(s.get("aliases", ())), s["kind"], s.get("eci_code"))
                 for s in _load("states.v2.json")["states"])


PARTIES_VERSION = 3  # the results side; the extractor pins its own (see extract.gazetteer)


@cache
def parties(version: int = PARTIES_VERSION) -> tuple[Entry, ...]:
    """Parties with abbreviations and aliases (``parties.v{version}.json``), plus the two
    pseudo-parties every results file has: Independent and None of the Above."""
    data = _load(f"parties.v{version}.json")
    found = [Entry(p["name"], p.get("abbreviation"), tuple(p.get("aliases", ())), "party")
             for p in data["parties"]]
    found.append(Entry("Independent", "IND", tuple(data["independent"][1:]), "independent"))
    found.append(Entry("None of the Above", "NOTA", tuple(data["nota"][1:]), "nota"))
    return tuple(found)


@cache
def index(kind: str) -> dict[str, Entry]:
    """Every name of every state (kind "state") or party ("party") by its key."""
    entries = states() if kind == "state" else parties()
    return {key(n): e for e in entries for n in e.names}


def party_name_keys(name: str) -> list[str]:
    """The keys a party name may be stored under: its own, and those of every name the
    gazetteer gives the same party ("INC", "Congress", "Indian National Congress")."""
    entry = index("party").get(key(name))
    return sorted({key(name)} | ({key(n) for n in entry.names} if entry else set()))
