"""Turn one CSV record of a known format into plain records: ResultRows (one per candidate on
the line), SeatRows, TurnoutRows or ScheduleRows, by the format's ``kind``.

A bad value raises :class:`FieldError` naming the field; :mod:`chunav.ingest.results` turns it
into a row error and goes on.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

from chunav.errors import IngestError
from chunav.ingest.formats import CANDIDATE_FIELDS, Field, Format
from chunav.ingest.states import canonical_state
from chunav.knowledge.normalize import clean, split_reserved
from chunav.knowledge.parties import is_nota, nota_initials
from chunav.model import (
    ASSEMBLY,
    LOK_SABHA,
    ElectionName,
    ResultRow,
    ScheduleRow,
    SeatRow,
    TurnoutRow,
)

Record = ResultRow | SeatRow | TurnoutRow | ScheduleRow

_UNCONTESTED = re.compile(r"\(\s*uncontested\s*\)", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:\.0*)?$")
MAX_NUMBER = 2**31 - 1  # the largest a store's INTEGER column holds on every backend

# (field, the column indexes to read it from in order: its column, then fallbacks; how to read it)
Plan = list[tuple[str, tuple[int, ...], Field]]


class FieldError(Exception):
    """One field of one row is bad."""

    def __init__(self, field: str, message: str, code: str = "E122") -> None:
        super().__init__(message)
        self.field, self.message, self.code = field, message, code


def canonical_election(election: ElectionName) -> ElectionName:
    """An assembly election names its state canonically ("kerala" / "KL" -> "Kerala")."""
    if election.house == ASSEMBLY and election.region:
        state = canonical_state(election.region)
        if state and state != election.region:
            return ElectionName(election.house, election.year, election.bye, state)
    return election


def plan(fields: dict[str, Field], index: dict[str, int]) -> Plan:
    """How to read each field the file's columns hold (its column or a fallback)."""
    found = []
    for name, spec in fields.items():
        sources = tuple(index[c] for c in (spec.column, *spec.fallback) if c in index)
        if sources:
            found.append((name, sources, spec))
    return found


class RecordReader:
    """Reads the records of one file, line by line, and remembers what it set aside: rows of
    other elections (``others``) and rows whose state is not the ``--election``'s (``foreign``)."""

    def __init__(self, fmt: Format, columns: list[str], wanted: ElectionName | None) -> None:
        self.fmt = fmt
        self.wanted = wanted
        index = {name: i for i, name in enumerate(columns)}
        self.plan = plan(fmt.fields, index)
        self.candidates = [plan(c, index) for c in fmt.candidates]
        # per planned field: cell -> value, worked out once (see _values)
        self.caches = _caches(self.plan)
        self.extra_caches = [_caches(p) for p in self.candidates]
        self._nota: dict[str, bool] = {}  # is_nota per distinct name or party label
        self._split: dict[str, tuple[str, str | None]] = {}  # split_reserved per seat name
        self._categories: dict[str | None, str | None] = {}  # reserved_category per value
        self._numbers: dict[str, int] = {}  # _number per cell of fields whose values repeat
        ref = fmt.fields.get("person_ref")
        self._scheme = (ref.scheme or "id") if ref else None  # of the person_ref field's ids
        # does any planned field give EVM or postal votes? (else _number() of them is None)
        self.split_counts = bool({"evm_votes", "postal_votes"} & {
            n for p in (self.plan, *self.candidates) for n, _, _ in p})
        self.fill = [index[c] for c in fmt.fill_down if c in index]
        self.require = [(c, index[c], p) for c, p in fmt.require.items() if c in index]
        self.last: dict[int, str] = {}
        self.others: Counter[str] = Counter()
        # (election, year, state, poll) -> (the election, the state it clashes with)
        self._seen: dict[tuple, tuple[ElectionName, str | None]] = {}
        self.foreign: Counter[str] = Counter()
        self.seen_pcs: set[tuple] = set()

    def filled(self, raw: list[str]) -> list[str]:
        """The row with its fill-down columns taken from the rows above when blank."""
        if not self.fill:
            return raw
        raw = list(raw)
        for i in self.fill:
            if raw[i].strip():
                self.last[i] = raw[i]
            else:
                raw[i] = self.last.get(i, "")
        return raw

    def records(self, raw: list[str], line: int) -> list[Record] | None:
        """The records one line holds, or None when it belongs to another election."""
        for column, i, pattern in self.require:
            if not pattern.search(raw[i].strip()):
                raise FieldError(column, f"{raw[i].strip()!r} does not match "
                                 f"{pattern.pattern!r} (format {self.fmt.name!r})")
        values = _values(self.plan, raw, self.caches)
        kind = self.fmt.kind
        if kind == "seats":
            return self._seats(values, line)
        election = self._election(values)
        if election is None:
            return None
        if values.get("state") is None and election.house == ASSEMBLY:
            values["state"] = election.region  # a file of one assembly election: its state
        if kind == "turnout":
            return [self._turnout(values, line, election)]
        if kind == "schedule":
            return [self._schedule(values, line, election)]
        rows = [self._result(values, line, election)]
        for extra, caches in zip(self.candidates, self.extra_caches, strict=True):
            own = _values(extra, raw, caches)
            if any(own.values()):
                shared = {k: v for k, v in values.items() if k not in CANDIDATE_FIELDS}
                rows.append(self._result(shared | own, line, election))
        return rows

    # -- elections --------------------------------------------------------------------------

    def _election(self, values: dict[str, str | None]) -> ElectionName | None:
        """The row's election, or None when it is not the one asked for. Rows repeat a few
        elections thousands of times: each combination of the fields it reads is worked out
        once."""
        ident = (values.get("election"), values.get("year"), values.get("state"),
                 values.get("poll_no"))
        known = self._seen.get(ident)
        if known is None:
            own = self._own_election(values)
            state = canonical_state(values.get("state"))
            clash = (own.house == ASSEMBLY and own.region and state is not None
                     and state != own.region)
            known = self._seen[ident] = (own, state if clash else None)
        own, clash = known
        if self.wanted is not None and own != self.wanted:
            self.others[own.name] += 1
            return None
        if clash:
            raise FieldError("state", f"a row of {clash} in {own.name!r}", "E108")
        return own

    def _own_election(self, values: dict[str, str | None]) -> ElectionName:
        """The election a row names (or the --election, for a file that names none)."""
        fmt = self.fmt
        if "election" in fmt.fields:
            name, field = values.get("election") or "", "election"
        elif fmt.election:
            year = _number(fmt, values, "year")
            if year is None:
                raise FieldError("year", "is empty", "E123")
            state = _required(values, "state") if "{state}" in fmt.election else None
            name, field = fmt.election.format(year=year, state=state), "year"
        else:
            return self._given(values)
        try:
            own = ElectionName.parse(name)
        except IngestError as err:  # no year or no house
            raise FieldError(field, err.message, err.code) from err
        own = canonical_election(own)
        if (_number(fmt, values, "poll_no") or 0) > 0 and not own.bye:
            own = ElectionName(own.house, own.year, True, own.region)
        return own

    def _given(self, values: dict[str, str | None]) -> ElectionName:
        """The --election, for a file that does not name its elections; a row whose state is
        not that election's is refused."""
        wanted = self.wanted
        assert wanted is not None  # read_results asks for --election first
        state = values.get("state")
        if wanted.house == ASSEMBLY and wanted.region and state:
            own = canonical_state(state)
            if own is not None and own != wanted.region:
                self.foreign[own] += 1
                raise FieldError("state", f"a row of {own}, not of {wanted.region} "
                                 f"(--election {wanted.name!r})", "E108")
        return wanted

    # -- records ----------------------------------------------------------------------------

    def _result(self, values: dict[str, str | None], line: int,
                election: ElectionName) -> ResultRow:
        fmt = self.fmt
        get = values.get
        name = _required(values, "candidate")
        uncontested = "(" in name and bool(_UNCONTESTED.search(name))
        if uncontested:  # else the name is clean already (clean(clean(x)) == clean(x))
            name = clean(_UNCONTESTED.sub(" ", name))
        # a name is worked out (and remembered) only when its first letter may make it NOTA's:
        # most are each new
        nota = name.strip()[:1].casefold() in nota_initials() and self._is_nota(name)
        party = get("party") or ("NOTA" if nota else _required(values, "party"))
        seat = _required(values, "constituency")
        split = self._split.get(seat)
        if split is None:
            split = self._split[seat] = split_reserved(seat)
        constituency, reserved = split
        split_counts = self.split_counts  # files without EVM/postal columns skip them
        evm = _number(fmt, values, "evm_votes") if split_counts else None
        postal = _number(fmt, values, "postal_votes") if split_counts else None
        votes = _number(fmt, values, "votes")
        status = (get("status") or "").casefold()
        if status not in ("", "contested", "uncontested"):
            raise FieldError("status", f"unknown status {status!r} (contested or uncontested)")
        if uncontested or status == "uncontested":
            evm = postal = votes = None
            status = "uncontested"
        else:
            if votes is None and evm is not None and postal is not None:
                votes = evm + postal
            if votes is None:
                raise FieldError("votes", "is empty", "E123")
            if evm is not None and postal is not None and evm + postal != votes:
                raise FieldError("votes", f"EVM {evm} + postal {postal} != total {votes}")
        ref = None
        if self._scheme is not None and (value := get("person_ref")):
            ref = (self._scheme, value)
        sex = get("sex")
        number = self._repeated_number
        return ResultRow(
            line=line, election=election, state=get("state"), constituency=constituency,
            candidate=name, party=party, constituency_no=number(values, "constituency_no"),
            reserved=self._reserved(get("reserved") or reserved),
            poll_no=number(values, "poll_no") or 0, status=status or "contested",
            nota=nota or self._is_nota(party), evm_votes=evm, postal_votes=postal,
            votes=votes, electors=number(values, "electors") or None,
            sex=sex[0].upper() if sex and sex[0].upper() in "MFOT" else None,
            age=number(values, "age"), person_ref=ref)

    def _repeated_number(self, values: dict[str, str | None], name: str) -> int | None:
        """:func:`_number` of a field whose values repeat (seat and poll numbers, electors,
        ages), once per distinct value: a number read is the same whatever the field (a bad
        one raises, naming its field, and is not kept)."""
        value = values.get(name)
        if value is None:
            return _number(self.fmt, values, name)
        number = self._numbers.get(value)
        if number is None:
            number = self._numbers[value] = _number(self.fmt, values, name)
        return number

    def _reserved(self, value: str | None) -> str | None:
        """:func:`reserved_category`, once per distinct value."""
        if value not in self._categories:
            self._categories[value] = reserved_category(value)
        return self._categories[value]

    def _is_nota(self, name: str) -> bool:
        found = self._nota.get(name)
        if found is None:
            found = self._nota[name] = is_nota(name)
        return found

    def _seats(self, values: dict[str, str | None], line: int) -> list[Record]:
        """The PC of the line (the first time it is seen) and its AC, if the file has ACs."""
        fmt = self.fmt
        state = _required(values, "state")
        found: list[Record] = []
        pc_no, pc_name = _number(fmt, values, "pc_no"), values.get("pc_name")
        if pc_no is not None or pc_name:
            pc, suffix = split_reserved(_required(values, "pc_name"))
            if pc_no is None:
                raise FieldError("pc_no", "is empty", "E123")
            if (state, pc_no) not in self.seen_pcs:
                self.seen_pcs.add((state, pc_no))
                found.append(SeatRow(line, state, LOK_SABHA, pc_no, pc,
                                     seat_category(values.get("pc_reserved") or suffix)))
            pc_name = pc
        ac_no, ac_name = _number(fmt, values, "ac_no"), values.get("ac_name")
        if ac_no is not None or ac_name:
            ac, suffix = split_reserved(_required(values, "ac_name"))
            if ac_no is None:
                raise FieldError("ac_no", "is empty", "E123")
            found.append(SeatRow(line, state, ASSEMBLY, ac_no, ac,
                                 seat_category(values.get("ac_reserved") or suffix),
                                 pc_no, pc_name))
        return found

    def _turnout(self, values: dict[str, str | None], line: int,
                 election: ElectionName) -> TurnoutRow:
        fmt = self.fmt
        constituency, _ = split_reserved(_required(values, "constituency"))
        return TurnoutRow(line, election, _required(values, "state"), constituency,
                          _number(fmt, values, "constituency_no"),
                          _number(fmt, values, "electors"), _number(fmt, values, "voters"))

    def _schedule(self, values: dict[str, str | None], line: int,
                  election: ElectionName) -> ScheduleRow:
        fmt = self.fmt
        constituency, _ = split_reserved(_required(values, "constituency"))
        return ScheduleRow(line, election, _required(values, "state"), constituency,
                           _number(fmt, values, "constituency_no"),
                           _number(fmt, values, "phase_no"), self._date(values, "poll_date"),
                           self._date(values, "counting_date"))

    def _date(self, values: dict[str, str | None], name: str) -> date | None:
        value = values.get(name)
        if value is None:
            return None
        spec = self.fmt.fields[name]
        try:
            if spec.date:
                return datetime.strptime(value, spec.date).date()
            return date.fromisoformat(value)
        except ValueError as err:
            raise FieldError(name, f"not a date{f' ({spec.date})' if spec.date else ''}: "
                             f"{value!r}") from err


def _values(plan: Plan, raw: list[str],
            caches: list[dict[str, str | None] | None] | None = None) -> dict[str, str | None]:
    """Each planned field's value: its column (or the first non-blank fallback), its pattern's
    first group, white space collapsed; None when blank. A state lookup gives the canonical
    name. With ``caches`` (one dict or None per planned field), a field read from one column works
    out each distinct cell once: files repeat states, seats, parties and years thousands of
    times."""
    values: dict[str, str | None] = {}
    for (name, sources, spec), cache in zip(plan, caches or [None] * len(plan), strict=True):
        if cache is not None:
            cell = raw[sources[0]]
            value = cache.get(cell, _UNSET)
            if value is _UNSET:
                value = cache[cell] = _value(name, spec, cell.strip())
            values[name] = value
            continue
        value = raw[sources[0]].strip()
        if not value and len(sources) > 1:
            value = next((v for j in sources[1:] if (v := raw[j].strip())), "")
        values[name] = _value(name, spec, value)
    return values


_UNSET = object()
_MOSTLY_NEW = frozenset({"candidate", "person_ref", "votes", "evm_votes", "postal_votes"})


def _caches(plan: Plan) -> list[dict[str, str | None] | None]:
    """A cache per planned field read from one column (see :func:`_values`), None for the
    others and for fields whose values are mostly new on each line (names, ids, votes)."""
    return [{} if len(sources) == 1 and name not in _MOSTLY_NEW else None
            for name, sources, _ in plan]


def _value(name: str, spec: Field, value: str) -> str | None:
    """One field's value from its stripped cell (see :func:`_values`)."""
    if spec.pattern is not None:
        match = spec.pattern.search(value)
        value = (match.group(1) or "") if match else ""
        if not value.isdigit():  # a plain number needs no cleaning (and stays out of its cache)
            value = clean(value)
    elif not (value.isdigit() or _clean_already(value)):
        value = clean(value)
    if value and spec.lookup == "state":
        state = canonical_state(value)
        if state is None:
            raise FieldError(name, f"unknown state {value!r} (not a name, ECI code or "
                             "abbreviation in states.v2.json)")
        value = state
    return value or None


def _clean_already(value: str) -> bool:
    """Is a stripped cell what :func:`clean` would make of it? Printable ASCII (no quotes or
    dashes to normalise, NFKC leaves it be) with no underscore and no run of spaces is. Most
    cells are, and most names and ids are each new: clean()'s cache would miss them all."""
    return value.isascii() and value.isprintable() and "  " not in value and "_" not in value


def _required(values: dict[str, str | None], name: str) -> str:
    value = values.get(name)
    if value is None:
        raise FieldError(name, "is empty", "E123")
    return value


def _number(fmt: Format, values: dict[str, str | None], name: str) -> int | None:
    """A whole number ("1,42,782", "68.0"); a zero token or a blank the mapping reads as 0."""
    value = values.get(name)
    if value is None:
        return 0 if name in fmt.zero_when_blank and name in values else None
    if value in fmt.zero:
        return 0
    if value.isdecimal():  # (isdigit would pass "12²", which int() refuses)
        number = int(value)
    else:
        digits = value.replace(",", "").replace(" ", "")
        if not _NUMBER.match(digits):
            raise FieldError(name, f"not a whole number: {value!r}")
        number = int(digits.split(".")[0])
    if number > MAX_NUMBER:
        raise FieldError(name, f"too large a number: {value!r} (over {MAX_NUMBER:,})")
    return number


def reserved_category(value: str | None) -> str | None:
    """GEN, SC or ST from what sources write ("SC", "sc", "Scheduled Caste", "General")."""
    if not value:
        return None
    low = value.casefold()
    if low.startswith(("sc", "scheduled caste")):
        return "SC"
    if low.startswith(("st", "scheduled tribe")):
        return "ST"
    return "GEN" if low.startswith(("gen", "none", "unreserved")) else None


def seat_category(value: str | None) -> str:
    """A master list's category: blank is GEN; SC, ST, GEN as :func:`reserved_category` reads
    them; any other (Assam's BL for Bodoland, Sikkim's SANGHA) is kept as the source gives it."""
    if not value:
        return "GEN"
    return reserved_category(value) or clean(value).upper()
