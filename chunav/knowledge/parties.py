"""Party names: which party a ballot label means."""

from __future__ import annotations

from functools import cache

from chunav.knowledge.gazetteer import Entry, index
from chunav.knowledge.normalize import key


def lookup_party(name: str) -> Entry | None:
    """The known party a name or abbreviation stands for, if any."""
    return index("party").get(key(name))


def is_nota(name: str) -> bool:
    """True for "NOTA" / "None of the Above" (a ballot option, not a candidate)."""
    # most names a results file holds are people's: the first letter settles them cheaply
    if name.strip()[:1].casefold() not in nota_initials():
        return False
    entry = lookup_party(name)
    return entry is not None and entry.kind == "nota"


@cache
def nota_initials() -> frozenset[str]:
    """The first letters (casefolded) of every name NOTA goes by."""
    return frozenset(n.strip()[:1].casefold() for e in index("party").values()
                     if e.kind == "nota" for n in e.names)


# last words that make a name a party's ("Voice of the People Party", "Naga People's Front"
# is an alliance-like name and stays out)
PARTY_HEADS = frozenset({"party", "dal", "sena", "morcha", "congress", "league", "samithi",
                         "samiti", "kazhagam", "katchi", "parishad", "aghadi"})


def looks_like_party(name: str) -> bool:
    """A name the gazetteer lacks that still reads as a party's."""
    words = key(name).split()
    return bool(words) and words[-1] in PARTY_HEADS
