"""Column mappings for results files. Each format is a TOML file in ``mappings/``: data, not code.

A mapping names the file's columns (or says it has a header), how to recognise the file, which
tokens stand for zero, how to name the election, and which column feeds which field of
:class:`chunav.model.ResultRow`. A field is either a column name, or a table with ``column``
plus ``pattern`` (a regular expression whose first group is the value) or ``scheme`` (for
person ids).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from chunav.errors import IngestError

FIELDS = {"election", "year", "poll_no", "state", "constituency", "constituency_no", "reserved",
          "candidate", "party", "evm_votes", "postal_votes", "votes", "electors", "sex", "age",
          "status", "person_ref"}


@dataclass(frozen=True)
class Field:
    """Where one field's value comes from."""

    column: str
    pattern: re.Pattern[str] | None = None
    scheme: str | None = None


@dataclass(frozen=True)
class Format:
    """A results file format: how its columns map onto a ResultRow."""

    name: str
    description: str
    header: bool
    fields: dict[str, Field]
    columns: tuple[str, ...] = ()
    zero: frozenset[str] = frozenset()
    election: str | None = None  # template such as "Lok Sabha {year}"
    detect_columns: int | None = None
    detect_match: dict[str, re.Pattern[str]] = field(default_factory=dict)
    detect_headers: tuple[str, ...] = ()

    def recognises(self, first_row: list[str]) -> bool:
        """True when the file's first row looks like this format."""
        if self.header:
            found = {header_name(c) for c in first_row}
            return bool(self.detect_headers) and all(h in found for h in self.detect_headers)
        if self.detect_columns and len(first_row) != self.detect_columns:
            return False
        index = {c: i for i, c in enumerate(self.columns)}
        return all(p.search(first_row[index[c]].strip()) for c, p in self.detect_match.items())


def header_name(text: str) -> str:
    """Header names compare with runs of white space (even newlines) collapsed."""
    return " ".join(text.replace("\ufeff", "").split())


def parse_format(data: dict, origin: str) -> Format:
    """Build a Format from a parsed TOML mapping; raises IngestError on a bad mapping."""
    try:
        fields = {}
        for name, spec in data["fields"].items():
            if name not in FIELDS:
                raise IngestError(f"{origin}: unknown field {name!r} (known: {sorted(FIELDS)})",
                                  "E105")
            if isinstance(spec, str):
                fields[name] = Field(spec)
            else:
                pattern = re.compile(spec["pattern"]) if "pattern" in spec else None
                fields[name] = Field(spec["column"], pattern, spec.get("scheme"))
        detect = data.get("detect", {})
        return Format(
            name=data["name"], description=data.get("description", ""),
            header=bool(data["header"]), fields=fields,
            columns=tuple(data.get("columns", ())), zero=frozenset(data.get("zero", ())),
            election=data.get("election"), detect_columns=detect.get("columns"),
            detect_match={k: re.compile(v) for k, v in detect.get("match", {}).items()},
            detect_headers=tuple(detect.get("headers", ())),
        )
    except (KeyError, TypeError, re.error) as err:
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
        return parse_format(tomllib.loads(path.read_text("utf-8")), str(path))
    raise IngestError(f"no results format {name_or_path!r} (known: {', '.join(formats)}; "
                      "or give the path of a .toml mapping)", "E104")
