"""Column mappings for results files. Each format is a TOML file in ``mappings/``: data, not code.

A mapping names the file's columns (or says it has a header), how to recognise the file, which
tokens stand for zero, how to name the election, and which column feeds which field of the
record it yields. A field is either a column name, or a table with ``column`` plus any of:

* ``pattern``: a regular expression whose first group is the value ("1 NAME" -> "NAME");
* ``scheme``: the id scheme of a ``person_ref`` column ("tcpd");
* ``fallback``: a column (or list of columns) read when ``column`` is blank or absent;
* ``lookup = "state"``: the value is a state's name, ECI abbreviation ("GA") or ECI code
  ("S05"), read as the state's canonical name ("Goa");
* ``date``: a ``strptime`` format for a date field ("%m/%d/%Y").

Mapping keys beside ``fields``: ``kind`` (what one record is: ``results``, the default, one
candidate; ``seats``, a constituency master list; ``turnout``; ``schedule``), ``house`` (the
house of every election the file holds, so a wrong ``--election`` is refused), ``election``
(a template such as ``"{state} Assembly {year}"``), ``partial = true`` (the file lists only
some candidates of each contest), ``fill_down`` (columns a source fills only on a contest's
first row), ``zero_when_blank`` (fields whose blank cell means 0), ``[require]`` (column ->
pattern every row must match), ``[[candidates]]`` (further candidates on the same line, each
a table of fields: a winners-and-runners-up file) and ``[detect]`` (``headers`` that must be
present and ``absent`` ones that must not; or, without a header, ``columns`` and ``match``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from chunav.errors import IngestError
from chunav.model import ASSEMBLY, COUNCIL, LOK_SABHA, ElectionName

FIELDS = {"election", "year", "poll_no", "state", "constituency", "constituency_no", "reserved",
          "candidate", "party", "evm_votes", "postal_votes", "votes", "electors", "sex", "age",
          "status", "person_ref"}

# the fields each kind of record reads; "results" (one candidate's line) is the default
KIND_FIELDS = {
    "results": FIELDS,
    "seats": {"state", "pc_no", "pc_name", "pc_reserved", "ac_no", "ac_name", "ac_reserved"},
    "turnout": {"election", "year", "state", "constituency", "constituency_no", "electors",
                "voters"},
    "schedule": {"election", "year", "state", "constituency", "constituency_no", "phase_no",
                 "poll_date", "counting_date"},
}
# the fields one candidate of a [[candidates]] table may have of its own; the others
# (election, state, constituency, ...) are the line's
CANDIDATE_FIELDS = {"candidate", "party", "evm_votes", "postal_votes", "votes", "sex", "age",
                    "status", "person_ref"}
LOOKUPS = {"state"}
HOUSES = (LOK_SABHA, ASSEMBLY, COUNCIL)


@dataclass(frozen=True)
class Field:
    """Where one field's value comes from."""

    column: str
    pattern: re.Pattern[str] | None = None
    scheme: str | None = None
    fallback: tuple[str, ...] = ()
    lookup: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Format:
    """A results file format: how its columns map onto records of its kind."""

    name: str
    description: str
    header: bool
    fields: dict[str, Field]
    columns: tuple[str, ...] = ()
    zero: frozenset[str] = frozenset()
    election: str | None = None  # template such as "Lok Sabha {year}" or "{state} Assembly {year}"
    detect_columns: int | None = None
    detect_match: dict[str, re.Pattern[str]] = field(default_factory=dict)
    detect_headers: tuple[str, ...] = ()
    kind: str = "results"
    house: str | None = None  # the house of every election the file holds, when known
    partial: bool = False  # only some candidates of each contest (e.g. the top two)
    fill_down: tuple[str, ...] = ()
    zero_when_blank: frozenset[str] = frozenset()
    require: dict[str, re.Pattern[str]] = field(default_factory=dict)
    candidates: tuple[dict[str, Field], ...] = ()  # further candidates on one line
    detect_absent: tuple[str, ...] = ()

    def recognises(self, first_row: list[str]) -> bool:
        """True when the file's first row looks like this format."""
        if self.header:
            found = {header_name(c) for c in first_row}
            return (bool(self.detect_headers) and all(h in found for h in self.detect_headers)
                    and not any(h in found for h in self.detect_absent))
        if self.detect_columns and len(first_row) != self.detect_columns:
            return False
        index = {c: i for i, c in enumerate(self.columns)}
        return all(p.search(first_row[index[c]].strip()) for c, p in self.detect_match.items())

    @property
    def names_elections(self) -> bool:
        """True when the file says which election each row is (no --election needed)."""
        return self.election is not None or "election" in self.fields


def header_name(text: str) -> str:
    """Header names compare with runs of white space (even newlines) collapsed."""
    return " ".join(text.replace("\ufeff", "").split())


def _strings(value: object, what: str, origin: str) -> tuple[str, ...]:
    """A mapping's list of strings (one string counts as a list of one)."""
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise IngestError(f"{origin}: {what} must be a list of strings, not {value!r}", "E105")
    return tuple(items)


def _string(value: object, what: str, origin: str) -> str | None:
    """A mapping's optional string."""
    if value is not None and not isinstance(value, str):
        raise IngestError(f"{origin}: {what} must be a string, not {value!r}", "E105")
    return value


def _field(name: str, spec: str | dict, origin: str) -> Field:
    if isinstance(spec, str):
        return Field(spec)
    for part in ("column", "pattern", "scheme", "lookup", "date"):
        _string(spec.get(part), f"field {name!r}: {part}", origin)
    fallback = _strings(spec.get("fallback", ()), f"field {name!r}: fallback", origin)
    lookup = spec.get("lookup")
    if lookup is not None and lookup not in LOOKUPS:
        raise IngestError(f"{origin}: field {name!r}: unknown lookup {lookup!r} "
                          f"(known: {sorted(LOOKUPS)})", "E105")
    pattern = re.compile(spec["pattern"]) if "pattern" in spec else None
    if pattern is not None and not pattern.groups:
        raise IngestError(f"{origin}: field {name!r}: the pattern needs a group, ( ), around "
                          "the value", "E105")
    return Field(spec["column"], pattern, spec.get("scheme"), fallback, lookup, spec.get("date"))


def _fields(specs: dict, known: set[str], origin: str) -> dict[str, Field]:
    fields = {}
    for name, spec in specs.items():
        if name not in known:
            raise IngestError(f"{origin}: unknown field {name!r} (known: {sorted(known)})",
                              "E105")
        fields[name] = _field(name, spec, origin)
    return fields


def parse_format(data: dict, origin: str) -> Format:
    """Build a Format from a parsed TOML mapping; raises IngestError on a bad mapping."""
    try:
        kind = data.get("kind", "results")
        if kind not in KIND_FIELDS:
            raise IngestError(f"{origin}: unknown kind {kind!r} (known: {sorted(KIND_FIELDS)})",
                              "E105")
        fields = _fields(data["fields"], KIND_FIELDS[kind], origin)
        candidates = tuple(_fields(c, CANDIDATE_FIELDS, origin)
                           for c in data.get("candidates", ()))
        detect = data.get("detect", {})
        election = data.get("election")
        house = data.get("house")
        if election is not None:  # the template's house, e.g. "Lok Sabha {year}" -> Lok Sabha
            own = ElectionName.parse(election.format(year=2000, state="Goa")).house
            if house is not None and house != own:
                raise IngestError(f"{origin}: house {house!r} but election {election!r}", "E105")
            house = own
        elif house is not None and house not in HOUSES:
            raise IngestError(f"{origin}: unknown house {house!r} (known: {HOUSES})", "E105")
        strings = {k: _strings(data.get(k, ()), k, origin)
                   for k in ("columns", "zero", "fill_down", "zero_when_blank")}
        found = {k: _strings(detect.get(k, ()), f"detect.{k}", origin)
                 for k in ("headers", "absent")}
        if not isinstance(detect.get("columns", 0), int):
            raise IngestError(f"{origin}: detect.columns must be a number", "E105")
        return Format(
            name=_string(data["name"], "name", origin) or "",
            description=_string(data.get("description"), "description", origin) or "",
            header=bool(data["header"]), fields=fields,
            columns=strings["columns"], zero=frozenset(strings["zero"]),
            election=election, detect_columns=detect.get("columns"),
            detect_match={k: re.compile(v) for k, v in detect.get("match", {}).items()},
            detect_headers=found["headers"], kind=kind, house=house,
            partial=bool(data.get("partial", False)), fill_down=strings["fill_down"],
            zero_when_blank=frozenset(strings["zero_when_blank"]),
            require={k: re.compile(v) for k, v in data.get("require", {}).items()},
            candidates=candidates, detect_absent=found["absent"],
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, re.error) as err:
        raise IngestError(f"{origin}: bad format mapping ({err!r})", "E105") from err


@cache
def builtin_formats() -> dict[str, Format]:
    """The formats shipped with chunav, by name."""
    found = {}
    for entry in sorted(resources.files("chunav.ingest").joinpath("mappings").iterdir(),
                        key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            fmt = parse_format(tomllib.loads(entry.read_text("utf-8")), entry.name)
            found[fmt.name] = fmt
    return found


def get_format(name_or_path: str) -> Format:
    """A built-in format by name, or a mapping file by path."""
    formats = builtin_formats()
    if name_or_path in formats:
        return formats[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise IngestError(f"{path}: cannot read the mapping: {err}", "E105") from err
        return parse_format(data, str(path))
    raise IngestError(f"no results format {name_or_path!r} (known: {', '.join(formats)}; "
                      "or give the path of a .toml mapping)", "E104")
