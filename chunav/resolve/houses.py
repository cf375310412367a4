"""How many seats a house elects (``houses.v1.json``): an election can hold no more contests."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from chunav.model import LOK_SABHA, ElectionName
from chunav.resolve.seats import state_key


@cache
def _data() -> dict:
    return json.loads(resources.files("chunav.resolve").joinpath(
        "data", "houses.v1.json").read_text("utf-8"))


def seats(election: ElectionName) -> int | None:
    """The seats a general election fills (None for by-elections, councils and houses the
    data does not know)."""
    if election.bye:
        return None
    if election.house == LOK_SABHA:
        entries = _data()["lok_sabha"]
    else:
        region = state_key(election.region or "")
        entries = [e for e in _data()["assemblies"] if state_key(e["state"]) == region]
    known = [e for e in entries if e["from"] <= election.year]
    return max(known, key=lambda e: e["from"])["seats"] if known else None
