"""Read an official results file into plain records, one clear error per bad row.

Most files hold one row per candidate (ResultRows); a mapping's ``kind`` may instead say the
file is a constituency master list (SeatRows), a turnout table (TurnoutRows) or a poll schedule
(ScheduleRows). The reader never stops at a bad row: it reports file, line and field and goes
on. Whole-file problems (missing, empty, unrecognised columns, an ``--election`` that does not
fit the file) come back as one error on line 0.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from chunav.errors import IngestError
from chunav.ingest.formats import Format, builtin_formats, get_format, header_name
from chunav.ingest.records import FieldError, Record, RecordReader, canonical_election
from chunav.knowledge.normalize import key, key_of_clean
from chunav.model import ElectionName, ResultRow, RowError

# the fields without which no record of a kind can be read
_NEEDED = {"results": {"constituency", "candidate", "party", "votes"},
           "seats": {"state"}, "turnout": {"constituency"}, "schedule": {"constituency"}}


@dataclass
class ReadResult:
    """What a results file held: good records, and an error for each bad row."""

    path: str
    format: str | None = None
    rows: list[Record] = field(default_factory=list)  # records of the format's kind
    errors: list[RowError] = field(default_factory=list)
    data_lines: int = 0
    skipped: int = 0  # rows of other elections when --election filters a multi-election file
    content_hash: str | None = None  # sha256 of the file's bytes: the source's identity
    kind: str = "results"  # results (ResultRow), seats, turnout or schedule
    partial: bool = False  # the source lists only some candidates of each contest
    # the key() of each candidate name: reading works every one out (a repeated row is told by
    # it) and storing needs them again, but key()'s cache cannot hold a large file's names
    name_keys: dict[str, str] = field(default_factory=dict)


def read_results(path: str | Path, election: str | None = None, format: str | None = None,
                 progress: Callable[..., None] | None = None,
                 data: bytes | None = None) -> ReadResult:
    """Read a results file. ``election`` names the election when the file does not, and
    picks one election out of a file that holds many. ``format`` forces a mapping.
    ``progress(line, lines, "reading")`` is called every few thousand lines. ``data`` is the
    file's content when the caller has read it already."""
    with paused_gc():
        return _read(Path(path), election, format, progress, data)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading or storing a large file makes hundreds of
    thousands of objects that all live on, and each full collection would walk them all (a
    third of an import's time). Reference counting still frees what goes."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _read(path: Path, election: str | None, format: str | None,
          progress: Callable[..., None] | None, data: bytes | None) -> ReadResult:
    out = ReadResult(str(path))
    fail = lambda msg, code: out.errors.append(RowError(str(path), 0, None, msg, code))  # noqa: E731
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as err:
            fail(f"cannot read the file: {err.strerror or err}", "E100")
            return out
    out.content_hash = hashlib.sha256(data).hexdigest()
    text, bad_encoding = _decode(data)
    if not text or text.isspace():  # (not text.strip(): no copy of a large file)
        fail("the file is empty: expected one row per candidate", "E101")
        return out
    try:
        wanted = canonical_election(ElectionName.parse(election)) if election else None
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
    out.format, out.kind, out.partial = fmt.name, fmt.kind, fmt.partial
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
    if problem := _election_problem(fmt, wanted):
        fail(*problem)
        return out
    reader = RecordReader(fmt, columns, wanted)
    name_keys = out.name_keys
    width = len(columns)
    seen: dict[tuple, int] = {}
    lines = text.count("\n") + 1
    for raw in _guard(body, out, str(path)):
        if not (raw and raw[0].strip()) and not any(c.strip() for c in raw):
            continue
        out.data_lines += 1
        line = records.line_num  # physical line where the record ends
        if progress and out.data_lines % 5000 == 0:
            progress(line, lines, "reading")
        if len(raw) != width:
            out.errors.append(RowError(str(path), line, None,
                                       f"expected {len(columns)} columns, found {len(raw)}",
                                       "E121"))
            continue
        if reader.fill:
            raw = reader.filled(raw)
        if bad_encoding and any("\udc80" <= ch <= "\udcff" for c in raw for ch in c):
            column = next(n for n, c in zip(columns, raw, strict=True)
                          if any("\udc80" <= ch <= "\udcff" for ch in c))
            out.errors.append(RowError(str(path), line, column,
                                       "not valid UTF-8 (the file may be Latin-1 or "
                                       "Windows-1252; save it as UTF-8)", "E102"))
            continue
        try:
            found = reader.records(raw, line)
        except FieldError as err:
            out.errors.append(RowError(str(path), line, err.field, err.message, err.code))
            continue
        if found is None:
            out.skipped += 1
            continue
        for record in found:
            dup = _identity(record, name_keys)
            known = len(seen)
            first = seen.setdefault(dup, line)  # one look-up: hashing an identity is not free
            if len(seen) == known:
                out.errors.append(RowError(str(path), line, _dup_field(record),
                                           f"duplicate {_dup_what(record)} row (same as line "
                                           f"{first})", "E124"))
                continue
            out.rows.append(record)
    if not out.rows:
        _nothing_selected(out, reader, wanted, fmt)
    if fmt.kind == "results":
        _mark_uncontested(out.rows)  # type: ignore[arg-type]
    return out


def _election_problem(fmt: Format, wanted: ElectionName | None) -> tuple[str, str] | None:
    """Why ``--election`` (or its absence) does not fit a file of this format, if it does not."""
    if wanted is not None and fmt.house is not None and wanted.house != fmt.house:
        return (f"format {fmt.name!r} holds {fmt.house} elections, not {wanted.name!r}: "
                f"pass an election of that house (e.g. --election \"{_example(fmt.house)}\") "
                "or the right file", "E107")
    if wanted is None and not fmt.names_elections and fmt.kind != "seats":
        return (f"format {fmt.name!r} does not say which election the file holds: "
                f"pass --election, e.g. --election \"{_example(fmt.house)}\"", "E106")
    return None


def _example(house: str | None) -> str:
    return "<State> Assembly <year>" if house == "Assembly" else "Lok Sabha 2024"


def _nothing_selected(out: ReadResult, reader: RecordReader, wanted: ElectionName | None,
                      fmt: Format) -> None:
    """An --election that selects no row is an error naming what the file does hold."""
    if wanted is None:
        return
    if reader.foreign:
        states = ", ".join(f"{s} ({n} rows)" for s, n in reader.foreign.most_common())
        out.errors[:] = [e for e in out.errors if e.code != "E108"]
        out.errors.insert(0, RowError(out.path, 0, "state",
                                      f"--election {wanted.name!r} does not fit this file: its "
                                      f"rows are of {states}, not {wanted.region}", "E108"))
    elif reader.others:
        held = sorted(reader.others, key=lambda n: ("bypoll" in n, n[-4:], n))  # general first
        shown = ", ".join(held[:20]) + (f" and {len(held) - 20} more" if len(held) > 20 else "")
        out.errors.insert(0, RowError(out.path, 0, "election",
                                      f"the file holds no row of {wanted.name!r} (format "
                                      f"{fmt.name!r}); it holds {shown}", "E109"))


def _identity(record: Record, name_keys: dict[str, str] | None = None) -> tuple:
    """What makes two records the same (a repeated row is reported, not read twice).
    ``name_keys`` gets the key of a result's candidate name."""
    if isinstance(record, ResultRow):
        name_key = key_of_clean(record.candidate)  # the reader cleans every candidate's name
        if name_keys is not None:
            name_keys[record.candidate] = name_key
        return (record.election, key(record.state or ""), key(record.constituency),
                record.poll_no, name_key, key(record.party), record.evm_votes,
                record.postal_votes, record.votes)
    if hasattr(record, "house"):  # SeatRow
        return (type(record).__name__, key(record.state), record.house, record.number)
    return (type(record).__name__, record.election, key(record.state),
            record.constituency_no or key(record.constituency))


def _dup_field(record: Record) -> str:
    return "candidate" if isinstance(record, ResultRow) else "constituency"


def _dup_what(record: Record) -> str:
    if isinstance(record, ResultRow):
        return "candidate"
    return {"SeatRow": "constituency", "TurnoutRow": "turnout",
            "ScheduleRow": "schedule"}[type(record).__name__]


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
    needed = _NEEDED[fmt.kind]
    return ({f.column for name, f in fmt.fields.items() if name in needed and not f.fallback}
            | set(fmt.detect_headers))


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
