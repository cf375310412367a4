"""Read an official candidate-level results file into ResultRows, one clear error per bad row.

The reader never stops at a bad row: it reports file, line and field and goes on. Whole-file
problems (missing, empty, unrecognised columns) come back as one error on line 0.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chunav.errors import IngestError
from chunav.ingest.formats import Format, builtin_formats, get_format, header_name
from chunav.model import ElectionName, ResultRow, RowError
from chunav.resolve.normalize import clean, key, split_reserved
from chunav.resolve.parties import is_nota

_UNCONTESTED = re.compile(r"\(\s*uncontested\s*\)", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:\.0*)?$")


@dataclass
class ReadResult:
    """What a results file held: good rows, and an error for each bad one."""

    path: str
    format: str | None = None
    rows: list[ResultRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    data_lines: int = 0
    skipped: int = 0  # rows of other elections when --election filters a multi-election file
    content_hash: str | None = None  # sha256 of the file's bytes: the source's identity


def read_results(path: str | Path, election: str | None = None, format: str | None = None,
                 progress: Callable[..., None] | None = None) -> ReadResult:
    """Read a results file. ``election`` names the election when the file does not, and
    picks one election out of a file that holds many. ``format`` forces a mapping.
    ``progress(line, lines, "reading")`` is called every few thousand lines."""
    path = Path(path)
    out = ReadResult(str(path))
    fail = lambda msg, code: out.errors.append(RowError(str(path), 0, None, msg, code))  # noqa: E731
    try:
        data = path.read_bytes()
    except OSError as err:
        fail(f"cannot read the file: {err.strerror or err}", "E100")
        return out
    out.content_hash = hashlib.sha256(data).hexdigest()
    text, bad_encoding = _decode(data)
    if not text.strip():
        fail("the file is empty: expected one row per candidate", "E101")
        return out
    try:
        wanted = ElectionName.parse(election) if election else None
    except IngestError as err:
        fail(err.message, err.code)
        return out
    records = csv.reader(io.StringIO(text, newline=""))
    try:
        first = next(records)
    except csv.Error as err:
        fail(f"not a CSV file: {err}", "E104")
        return out
    try:
        fmt = get_format(format) if format else _detect(first)
    except IngestError as err:
        fail(err.message, err.code)
        return out
    out.format = fmt.name
    if fmt.header:
        columns = [header_name(c) for c in first]
        missing = sorted({f.column for f in fmt.fields.values()} - set(columns))
        required = [c for c in missing if c in _required_columns(fmt)]
        if required:
            fail(f"missing column(s) {', '.join(required)} for format {fmt.name!r} "
                 f"(found: {', '.join(columns)})", "E103")
            return out
        body: Iterator[list[str]] = records
    else:
        columns = list(fmt.columns)
        body = _chain(first, records)
    if fmt.election is None and "election" not in fmt.fields and wanted is None:
        fail(f"format {fmt.name!r} does not say which election the file holds: "
             "pass --election, e.g. --election \"Lok Sabha 2024\"", "E106")
        return out
    plan = _plan(fmt, {name: i for i, name in enumerate(columns)})
    seen: dict[tuple, int] = {}
    lines = text.count("\n") + 1
    line_of = lambda: records.line_num  # noqa: E731  physical line where the record ends
    for raw in _guard(body, out, str(path)):
        if not any(c.strip() for c in raw):
            continue
        out.data_lines += 1
        line = line_of()
        if progress and out.data_lines % 5000 == 0:
            progress(line, lines, "reading")
        if len(raw) != len(columns):
            out.errors.append(RowError(str(path), line, None,
                                       f"expected {len(columns)} columns, found {len(raw)}",
                                       "E121"))
            continue
        if bad_encoding and any("\udc80" <= ch <= "\udcff" for c in raw for ch in c):
            column = next(n for n, c in zip(columns, raw, strict=True)
                          if any("\udc80" <= ch <= "\udcff" for ch in c))
            out.errors.append(RowError(str(path), line, column,
                                       "not valid UTF-8 (the file may be Latin-1 or "
                                       "Windows-1252; save it as UTF-8)", "E102"))
            continue
        try:
            row = _row(fmt, plan, raw, line, wanted)
        except _FieldError as err:
            out.errors.append(RowError(str(path), line, err.field, err.message, err.code))
            continue
        if row is None:
            out.skipped += 1
            continue
        dup = (row.election, key(row.state or ""), key(row.constituency), row.poll_no,
               key(row.candidate), key(row.party), row.evm_votes, row.postal_votes, row.votes)
        if dup in seen:
            out.errors.append(RowError(str(path), line, "candidate",
                                       f"duplicate candidate row (same as line {seen[dup]})",
                                       "E124"))
            continue
        seen[dup] = line
        out.rows.append(row)
    _mark_uncontested(out.rows)
    return out


class _FieldError(Exception):
    def __init__(self, field: str, message: str, code: str = "E122") -> None:
        super().__init__(message)
        self.field, self.message, self.code = field, message, code


def _decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text; undecodable bytes survive as surrogates so the rows holding them can be named."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="surrogateescape").lstrip("\ufeff"), True


def _detect(first: list[str]) -> Format:
    for fmt in builtin_formats().values():
        if fmt.recognises(first):
            return fmt
    shown = ", ".join(header_name(c) for c in first[:12])
    raise IngestError(f"unrecognised columns ({shown}); use --format with one of "
                      f"{', '.join(builtin_formats())} or a .toml mapping (see README)", "E104")


def _required_columns(fmt: Format) -> set[str]:
    """Columns without which no row can be read."""
    needed = {"constituency", "candidate", "party", "votes"}
    return {f.column for name, f in fmt.fields.items() if name in needed} | set(fmt.detect_headers)


def _chain(first: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield first
    yield from rest


def _guard(rows: Iterator[list[str]], out: ReadResult, path: str) -> Iterator[list[str]]:
    """Iterate CSV records, turning a broken record (e.g. an unclosed quote) into a row error."""
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            out.errors.append(RowError(path, 0, None, f"broken CSV record: {err}", "E121"))
            return


def _plan(fmt: Format, index: dict[str, int]) -> list[tuple[str, int, re.Pattern | None]]:
    """(field, column index, pattern) for each field the file's columns hold."""
    return [(name, index[spec.column], spec.pattern) for name, spec in fmt.fields.items()
            if spec.column in index]


def _row(fmt: Format, plan: list, raw: list[str], line: int,
         wanted: ElectionName | None) -> ResultRow | None:
    values: dict[str, str | None] = {}
    for name, i, pattern in plan:
        value = raw[i].strip()
        if pattern is not None:
            match = pattern.search(value)
            value = match.group(1) if match else ""
        values[name] = clean(value) or None
    get = values.get

    def number(name: str) -> int | None:
        value = values.get(name)
        if value is None:
            return None
        if value in fmt.zero:
            return 0
        digits = value.replace(",", "").replace(" ", "")
        if not _NUMBER.match(digits):
            raise _FieldError(name, f"not a whole number: {value!r}")
        return int(float(digits)) if "." in digits else int(digits)

    def required(name: str) -> str:
        value = values.get(name)
        if value is None:
            raise _FieldError(name, "is empty", "E123")
        return value

    election = _election(fmt, get, number, wanted)
    if election is None:
        return None
    name = required("candidate")
    uncontested = bool(_UNCONTESTED.search(name))
    name = clean(_UNCONTESTED.sub(" ", name))
    party = get("party") or ("NOTA" if is_nota(name) else required("party"))
    constituency, reserved = split_reserved(required("constituency"))
    evm, postal, votes = number("evm_votes"), number("postal_votes"), number("votes")
    status = (get("status") or "").casefold()
    if status not in ("", "contested", "uncontested"):
        raise _FieldError("status", f"unknown status {status!r} (contested or uncontested)")
    if uncontested or status == "uncontested":
        evm = postal = votes = None
        status = "uncontested"
    else:
        if votes is None and evm is not None and postal is not None:
            votes = evm + postal
        if votes is None:
            raise _FieldError("votes", "is empty", "E123")
        if evm is not None and postal is not None and evm + postal != votes:
            raise _FieldError("votes", f"EVM {evm} + postal {postal} != total {votes}")
    ref = None
    if "person_ref" in fmt.fields and (value := get("person_ref")):
        ref = (fmt.fields["person_ref"].scheme or "id", value)
    sex = get("sex")
    return ResultRow(
        line=line, election=election, state=get("state"), constituency=constituency,
        candidate=name, party=party, constituency_no=number("constituency_no"),
        reserved=_reserved(get("reserved") or reserved), poll_no=number("poll_no") or 0,
        status=status or "contested", nota=is_nota(name) or is_nota(party),
        evm_votes=evm, postal_votes=postal, votes=votes, electors=number("electors") or None,
        sex=sex[0].upper() if sex and sex[0].upper() in "MFOT" else None,
        age=number("age"), person_ref=ref)


def _reserved(value: str | None) -> str | None:
    """GEN, SC or ST from what sources write ("SC", "sc", "Scheduled Caste", "General")."""
    if not value:
        return None
    low = value.casefold()
    if low.startswith(("sc", "scheduled caste")):
        return "SC"
    if low.startswith(("st", "scheduled tribe")):
        return "ST"
    return "GEN" if low.startswith(("gen", "none", "unreserved")) else None


def _election(fmt: Format, get, number, wanted: ElectionName | None) -> ElectionName | None:
    """The row's election, or None when it is not the one asked for."""
    if "election" in fmt.fields:
        try:
            own = ElectionName.parse(get("election") or "")
        except IngestError as err:
            raise _FieldError("election", err.message, err.code) from err
    elif fmt.election:
        year = number("year")
        if year is None:
            raise _FieldError("year", "is empty", "E123")
        own = ElectionName.parse(fmt.election.format(year=year))
    else:
        return wanted
    if (number("poll_no") or 0) > 0 and not own.bye:
        own = ElectionName(own.house, own.year, True, own.region)
    if wanted is not None and own != wanted:
        return None
    return own


def _mark_uncontested(rows: list[ResultRow]) -> None:
    """A contest with one candidate and no votes was won unopposed (TCPD writes 0 votes)."""
    by_contest: dict[tuple, list[ResultRow]] = {}
    for row in rows:
        contest = (row.election, key(row.state or ""), key(row.constituency), row.poll_no)
        by_contest.setdefault(contest, []).append(row)
    for group in by_contest.values():
        people = [r for r in group if not r.nota]
        if len(people) == 1 and not people[0].votes:
            winner = people[0]
            winner.status, winner.votes, winner.evm_votes, winner.postal_votes = (
                "uncontested", None, None, None)
