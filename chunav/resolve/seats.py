"""Which constituency a source's seat name means, whatever its spelling.

Sources spell one seat many ways: "Ferozpur" and "Firozpur", "Gautam Buddh Nagar" and
"Gautam Buddha Nagar", "MumbaiSouth", a name a PDF extraction cut short ("Tonk-Sawai
Madhopu"), a misspelling ("Aruku" for Araku). States were reorganised too: Ladakh was a Jammu &
Kashmir seat until 2019, Adilabad an Andhra Pradesh one until 2014. A name is matched within
its house and *family* of related states (``reorganisations.v1.json``), from the surest
evidence to the weakest: the same key or a known alias; the same letters without spaces; one
name a prefix of the other (a cut name); a close spelling. A seat number settles a close call
only within one election, where every source numbers alike (numbers changed with the 2008
delimitation and again when Telangana was carved out).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from chunav.knowledge.gazetteer import index
from chunav.knowledge.normalize import key

CLOSE = 88  # rapidfuzz ratio of two spellings of one name (Ferozpur/Firozpur: 88.9)
CLOSE_SAME_NUMBER = 70  # when the seat numbers agree within one election
MIN_PREFIX = 15  # letters a cut-short name keeps ("Chamaraja" is a seat, not a cut name)
# words that tell neighbouring seats apart: "Hubli-Dharwad-East" is never "...-West"
DISTINCT = frozenset({"east", "west", "north", "south", "central", "i", "ii", "iii", "iv",
                      "rural", "urban", "city", "cantonment", "cantt"})


def _distinct_words(name: str) -> frozenset[str]:
    return frozenset(key(name).split()) & DISTINCT


@cache
def _families() -> dict[str, str]:
    data = json.loads(resources.files("chunav.resolve").joinpath(
        "data", "reorganisations.v1.json").read_text("utf-8"))
    parent: dict[str, str] = {}
    for change in data["changes"]:
        parent.setdefault(state_key(change["state"]), state_key(change["from"]))

    def root(k: str) -> str:
        seen = set()
        while k in parent and k not in seen:
            seen.add(k)
            k = parent[k]
        return k

    return {k: root(k) for k in parent}


@lru_cache(maxsize=4096)
def state_key(name: str) -> str:
    """The key of the state a name stands for ("Orissa" and "Odisha" share one)."""
    entry = index("state").get(key(name))
    return key(entry.name if entry else name)


@lru_cache(maxsize=4096)
def state_family(name: str | None) -> str:
    """One key for a state and those carved out of it or merged with it ("" for none)."""
    if not name:
        return ""
    k = state_key(name)
    return _families().get(k, k)


def compact(name: str) -> str:
    """A seat name's letters and digits only: "Mumbai South" and "MumbaiSouth" agree."""
    return key(name).replace(" ", "")


@dataclass(frozen=True)
class Seat:
    """A known constituency: its id and every name key it goes by."""

    id: int
    keys: frozenset[str]


def match_seat(name: str, seats: list[Seat], number: int | None = None,
               numbered: dict[int, int] | None = None,
               taken: set[int] = frozenset()) -> tuple[int, str] | None:
    """The seat (id, how it matched) among ``seats`` that ``name`` means, or None.

    ``numbered`` gives the number of each seat fought in the same election (only there is a
    number comparable): the same number makes a close call, another rules the seat out.
    ``taken`` seats are ruled out too (the same source named them otherwise: one source never
    names one seat two ways, so "Hubli-Dharwad-East" is not "Hubli-Dharwad-West").
    """
    numbered = numbered or {}
    seats = [x for x in seats if x.id not in taken and not (
        number is not None and numbered.get(x.id) not in (None, number))]
    k, c = key(name), compact(name)
    for seat in seats:
        if k in seat.keys:
            return seat.id, "same name"
    for seat in seats:
        if any(compact(x) == c for x in seat.keys):
            return seat.id, "same letters"
    if len(c) >= MIN_PREFIX:
        cut = [s for s in seats if any(
            (compact(x).startswith(c) or c.startswith(compact(x))) and len(compact(x)) >= MIN_PREFIX
            for x in s.keys)]
        if len(cut) == 1:
            return cut[0].id, "name cut short"
    from rapidfuzz import fuzz  # here, not at the top: `chunav stats`/`results` need it not

    best: list[tuple[float, Seat]] = []
    mine = _distinct_words(name)
    for seat in seats:
        if any(_distinct_words(x) != mine for x in seat.keys):
            continue
        same_number = number is not None and numbered.get(seat.id) == number
        score = max(fuzz.ratio(c, compact(x)) for x in seat.keys)
        if score >= (CLOSE_SAME_NUMBER if same_number else CLOSE):
            best.append((score + (20 if same_number else 0), seat))
    best.sort(key=lambda p: -p[0])
    if best and (len(best) == 1 or best[0][0] - best[1][0] >= 5):
        return best[0][1].id, "close spelling"
    return None
