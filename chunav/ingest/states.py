"""A state as results files write it: a name, an ECI abbreviation ("GA") or code ("S05")."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from chunav.knowledge.gazetteer import index
from chunav.knowledge.normalize import key


@cache
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    """(current, former) ECI codes and abbreviations -> canonical state name."""
    data = json.loads(resources.files("chunav.knowledge").joinpath("data", "states.v2.json")
                      .read_text("utf-8"))
    current: dict[str, str] = {}
    former: dict[str, str] = {}
    for state in data["states"]:
        for code in (state.get("eci_code"), state.get("abbreviation")):
            if code:
                current[code.upper()] = state["name"]
        for code in (*state.get("former_eci_codes", ()), *state.get("former_abbreviations", ())):
            former[code.upper()] = state["name"]
    return current, former


def canonical_state(text: str | None) -> str | None:
    """The canonical name of the state ``text`` names ("ORISSA", "OD", "S18" -> "Odisha"), or
    None. A code a state held before (J&K's S09) counts when no state holds it now."""
    if not text:
        return None
    current, former = _codes()
    code = text.strip().upper()
    if code in current:
        return current[code]
    entry = index("state").get(key(text))
    if entry is not None:
        return entry.name
    return former.get(code)
