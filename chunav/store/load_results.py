"""Write official results rows into the store: idempotent, in bulk, one evidence row per fact.

Natural keys make a second import of the same rows a no-op: a contest is (election,
constituency, poll number); a candidacy is (contest, name, ballot party, namesake number); a
result is (candidacy, EVM|postal|total). Evidence is (fact, source, line). Entities the rows
name are looked up in caches filled once per import, and new rows go in with one bulk insert
per table and chunk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from operator import attrgetter, itemgetter
from types import SimpleNamespace

from rapidfuzz import fuzz
from sqlalchemy import Connection, Table, bindparam, insert, select
from sqlalchemy.exc import DBAPIError

from chunav.ingest.results import paused_gc
from chunav.knowledge.gazetteer import index
from chunav.knowledge.normalize import clean, key, names_fit
from chunav.model import (
    ASSEMBLY,
    LOK_SABHA,
    ElectionName,
    ProgressFn,
    ResultRow,
    ScheduleRow,
    SeatRow,
    TurnoutRow,
)
from chunav.resolve.seats import Seat, compact, match_seat, state_family, state_key
from chunav.store import schema as s
from chunav.store.store import now

EXTRACTOR = "chunav.results"
EXTRACTOR_VERSION = "1"
CHUNK = 2000  # rows per bulk write (whole contests only)
_IN = 500  # ids per IN (...) list
IMPORT_CACHE_KIB = -65536  # SQLite page cache while loading: 64 MiB (negative: KiB)
# columns of the rows the bulk part writes as tuples (see ResultsLoader._insert_rows)
_CANDIDACY = ("contest_id", "person_id", "party_id", "ballot_name", "name_key", "seq", "status",
              "age")
_RESULT = ("candidacy_id", "evm_votes", "postal_votes", "votes", "value_key")
_PERSON_NAME = ("person_id", "key", "name", "how")
# what _contest_ids reads of a row: rows alike in all of it are in one contest
_CONTEST_READS = attrgetter("election", "state", "constituency", "constituency_no", "poll_no",
                            "reserved")


@dataclass
class LoadCounts:
    """What one import added (all zero when the rows were already stored)."""

    contests: int = 0
    candidacies: int = 0
    results: int = 0
    evidence: int = 0


def state_id(conn: Connection, name: str) -> int:
    """The id of the state a name stands for, added (with its ECI code) if new."""
    k = state_key(name)
    found = conn.execute(select(s.state.c.id).where(s.state.c.key == k)).scalar()
    if found is not None:
        return found
    entry = index("state").get(key(name))
    return conn.execute(insert(s.state).values(
        name=entry.name if entry else title(clean(name)), key=k,
        kind=entry.kind if entry else None,
        eci_code=entry.code if entry else None)).inserted_primary_key[0]


def title(text: str) -> str:
    """Display form of an all-capitals name: "MUMBAI NORTH WEST" -> "Mumbai North West"."""
    return text.title() if text.isupper() else text


class ResultsLoader:
    """Loads ResultRows for one source inside one transaction."""

    def __init__(self, conn: Connection, source_id: int, new_source: bool = False) -> None:
        self.conn = conn
        self.source_id = source_id
        self.new_source = new_source  # a source seen for the first time has no evidence yet
        self.created: set[int] = set()  # candidacies made by this import
        # contests made by this import: nothing is stored of them but what it writes, and it
        # writes each one's candidacies and electorates in one go (one chunk)
        self.made_contests: set[int] = set()
        # external person ids this import gave its new persons; and, per scheme, is it sure
        # that no other is stored (none was when the import first met the scheme, and none
        # came since but these)? Then those need no look-up
        self.refs_made: dict[tuple[str, str], int] = {}
        self.refs_ours: dict[str, bool] = {}
        self.refs_elsewhere = False  # ids written or persons merged elsewhere (_attach_refs)
        self.made_persons: set[int] = set()  # persons made by this import
        self.names_added: set[tuple[int, str]] = set()  # (person, name key) this import wrote
        self.recorded = now()
        self.counts = LoadCounts()
        self.states = {r.key: r.id for r in conn.execute(select(s.state.c.key, s.state.c.id))}
        self.elections = {r.name: r.id for r in conn.execute(
            select(s.election.c.name, s.election.c.id))}
        self.state_names = {r.id: r.name for r in conn.execute(
            select(s.state.c.id, s.state.c.name))}
        # seats by (house, state family): every name each goes by, for the seat matcher
        self.seats: dict[tuple[str, str], dict[int, Seat]] = {}
        self.seat_keys: dict[tuple[str, str, str], int] = {}  # (house, family, key) -> seat
        aliases: dict[int, set[str]] = {}
        for r in conn.execute(select(s.constituency_alias.c.constituency_id,
                                     s.constituency_alias.c.key)):
            aliases.setdefault(r.constituency_id, set()).add(r.key)
        for r in conn.execute(select(s.constituency.c.id, s.constituency.c.house,
                                     s.constituency.c.state_id, s.constituency.c.key)):
            family = state_family(self.state_names.get(r.state_id))
            self._know_seat(r.house, family, r.id, {r.key} | aliases.get(r.id, set()))
        self.contests: dict[tuple[int, int, int], int] = {}
        self.seat_nos: dict[int, dict[int, int]] = {}  # election -> seat -> its number there
        # (election, state, number) -> seat: one number names one seat of a state in an election
        self.by_number: dict[tuple[int, str, int], int] = {}
        for r in conn.execute(select(s.contest.c.election_id, s.contest.c.constituency_id,
                                     s.contest.c.poll_no, s.contest.c.id, s.contest.c.seat_no,
                                     s.contest.c.state_id)):
            self.contests[(r.election_id, r.constituency_id, r.poll_no)] = r.id
            if r.seat_no is not None:
                self.seat_nos.setdefault(r.election_id, {})[r.constituency_id] = r.seat_no
                state = state_key(self.state_names.get(r.state_id) or "")
                self.by_number[(r.election_id, state, r.seat_no)] = r.constituency_id
        self.named: dict[int, str] = {}  # seat -> the name this source gives it
        self.named_no: dict[tuple[int, int], int] = {}  # (election, seat) -> number it has
        self.families: dict[int, str] = {}  # new seat (placeholder id) -> its state family
        # did the last _seat_id find a seat by its name (or name and number) and record all it
        # would on a second asking? Then the same question again has the same answer
        self._settled = False
        self.orgs = {(r.kind, r.key): r.id for r in conn.execute(
            select(s.org.c.kind, s.org.c.key, s.org.c.id))}
        self.parties: dict[str, int] = {}
        self.party_of: dict[str, int] = {}  # a ballot label -> self.parties[key(label)]
        # key() of candidate names, as the reader worked them out (ReadResult.name_keys)
        self.name_keys: dict[str, str] = {}
        kinds = ("party", "independent", "nota")
        rows = conn.execute(select(s.org_alias.c.key, s.org.c.id).join(s.org)
                            .where(s.org.c.kind.in_(kinds)).order_by(s.org.c.id.desc()))
        for r in rows:  # lowest id wins a shared alias
            self.parties[r.key] = r.id

    # entities named by the rows, created in bulk before the rows ------------------------------
    def _state_id(self, name: str | None) -> int | None:
        if not name:
            return None
        k = state_key(name)
        if k not in self.states:
            self.states[k] = state_id(self.conn, name)
        return self.states[k]

    def _know_seat(self, house: str, family: str, seat: int, keys: set[str]) -> None:
        """Remember the names a seat goes by, for the matcher and the exact look-up."""
        group = self.seats.setdefault((house, family), {})
        old = group.get(seat)
        group[seat] = Seat(seat, frozenset(keys | (old.keys if old else set())))
        for k in keys:
            self.seat_keys.setdefault((house, family, k), seat)

    def _seat_id(self, house: str, row: ResultRow, election_id: int,
                 new_seats: dict[int, dict], aliases: list[dict]) -> int:
        """The constituency a row names: the seat another source of this election gives the
        same number in the same state; else the seat of that name in the house and state family
        (one of two namesakes in a state by its number); else the seat of that name the news
        named without a state; else another spelling of a known seat (recorded as an alias,
        :func:`chunav.resolve.seats.match_seat`); else a new seat."""
        family = state_family(row.state)
        k = key(row.constituency)
        found = self.seat_keys.get((house, family, k))
        number = row.constituency_no
        same = (self.by_number.get((election_id, state_key(row.state or ""), number))
                if number else None)
        if same is not None and same != found:
            # another source of this election numbers this seat alike ("GADCHIROLI" and
            # "Gadchiroli-Chimur" are PC 12 of Maharashtra in 2024)
            self._alias(house, family, same, row.constituency, "same number in the same election",
                        aliases)
            return same
        if found is not None and number is not None and self._numbered(found, election_id) not in (
                None, number):
            # two seats of one name in a state (Tamil Nadu's two Tiruppatturs): the number
            # tells them apart
            found = self.seat_keys.get((house, family, f"{k} {number}")) or next(
                (x.id for x in self.seats.get((house, family), {}).values()
                 if k in x.keys and x.id != found
                 and self._numbered(x.id, election_id) in (None, number)), None)
            if found is None:  # stored under "<name> <number>", found by its name too
                seat = self._new_seat(house, family, f"{k} {number}", row, new_seats,
                                      election_id)
                aliases.append(dict(constituency_id=seat, name=row.constituency, key=k,
                                    how="namesake in the state"))
                return seat
        if found is not None:
            self.named.setdefault(found, k)
            if number is not None:
                self.named_no.setdefault((election_id, found), number)
            self._settled = True
            return found
        if family and (house, "", k) in self.seat_keys:
            # a seat the news named first, without its state: the official row places it
            found = self.seat_keys.pop((house, "", k))
            seat = self.seats[(house, "")].pop(found)
            self.conn.execute(s.constituency.update().where(s.constituency.c.id == found)
                              .values(state_id=self._state_id(row.state)))
            self._know_seat(house, family, found, set(seat.keys))
            return found
        group = self.seats.get((house, family), {})
        taken = {seat for seat, name in self.named.items() if name != k}
        match = match_seat(row.constituency, list(group.values()), row.constituency_no,
                           self.seat_nos.get(election_id), taken) if group else None
        if match is not None:
            self._alias(house, family, match[0], row.constituency, match[1], aliases)
            return match[0]
        return self._new_seat(house, family, k, row, new_seats, election_id)

    def _alias(self, house: str, family: str, seat: int, name: str, how: str,
               aliases: list[dict]) -> None:
        """Record another spelling of a seat (once). A whole name takes the place of one a
        source cut short, which stays an alias."""
        k = key(name)
        self.named.setdefault(seat, k)
        known = self.seats.get((house, family), {}).get(seat)
        if known is not None and k in known.keys:
            return
        alias = dict(constituency_id=seat, name=name, key=k, how=how)
        if seat > 0:
            old = self.conn.execute(select(s.constituency.c.name, s.constituency.c.key)
                                    .where(s.constituency.c.id == seat)).one()
            if (len(k) > len(old.key) and compact(name).startswith(compact(old.key))
                    and self.seat_keys.get((house, family, k)) in (None, seat)):
                self.conn.execute(s.constituency.update().where(s.constituency.c.id == seat)
                                  .values(name=title(name), key=k))
                alias.update(name=old.name, key=old.key)
        aliases.append(alias)
        self._know_seat(house, family, seat, {k})

    def _numbered(self, seat: int, election_id: int) -> int | None:
        """The number a seat has in this election: in this source, else in another."""
        return self.named_no.get((election_id, seat),
                                 self.seat_nos.get(election_id, {}).get(seat))

    def _new_seat(self, house: str, family: str, k: str, row, new_seats: dict,  # noqa: ANN001
                  election_id: int) -> int:
        found = -1 - len(new_seats)  # placeholder until the bulk insert gives ids
        if row.constituency_no is not None:
            self.named_no[(election_id, found)] = row.constituency_no
        new_seats[found] = dict(house=house, state_id=self._state_id(row.state), key=k,
                                name=title(row.constituency), number=row.constituency_no,
                                reserved=row.reserved)
        self.seat_keys.setdefault((house, family, k), found)
        self.families[found] = family
        self.named[found] = k
        return found

    def _election_id(self, name: ElectionName) -> int:
        if name.name not in self.elections:
            self.elections[name.name] = self._add(s.election, name=name.name, house=name.house,
                                                  region=name.region, year=name.year,
                                                  bye=int(name.bye))
        return self.elections[name.name]

    def _add_parties(self, labels: Iterable[str]) -> None:
        """Create the parties (with every name the gazetteer knows) that labels name."""
        wanted: dict[tuple[str, str], dict] = {}  # org identity -> org row
        names: dict[tuple[str, str], list[str]] = {}
        for label in dict.fromkeys(labels):
            if key(label) in self.parties:
                continue
            entry = index("party").get(key(label))
            if entry is None:
                bare = label.replace(".", "")
                org = dict(kind="party", name=label, key=key(label),
                           abbreviation=label if bare.isupper() and " " not in bare else None)
                known = [label]
            else:
                org = dict(kind=entry.kind, name=entry.name, key=key(entry.name),
                           abbreviation=entry.abbreviation)
                known = [*entry.names, label]
            ident = (org["kind"], org["key"])
            wanted.setdefault(ident, org)
            names.setdefault(ident, []).extend(known)
        new = [ident for ident in wanted if ident not in self.orgs]
        ids = self._insert(s.org, [wanted[ident] for ident in new])
        self.orgs.update(zip(new, ids, strict=True))
        aliases = []
        for ident, known in names.items():
            for alias in dict.fromkeys(known):
                if key(alias) not in self.parties:
                    self.parties[key(alias)] = self.orgs[ident]
                    aliases.append(dict(org_id=self.orgs[ident], alias=alias, key=key(alias)))
        self._insert(s.org_alias, aliases, returning=False)

    def _contest_ids(self, rows: Sequence[ResultRow]) -> list[int]:
        """The contest of each row, creating constituencies and contests as needed."""
        new_seats: dict[int, dict] = {}
        aliases: list[dict] = []
        # a contest's rows come together: each run of rows alike in all that is read here is
        # worked out once, for its first row, (row, house's name, election id, rows in the run)
        runs: list[tuple[ResultRow, str, int, int]] = []
        # per ElectionName object (rows share a few): (its house's name, its election id)
        by_object: dict[int, tuple[str, int]] = {}
        # names this source gives exactly first: a close spelling may then not take a seat
        # the same source names otherwise ("Hubli-Dharwad-West" before "...-East")
        last = None
        for _, alike in groupby(rows, _CONTEST_READS):
            run = list(alike)
            row = run[0]
            known = by_object.get(id(row.election))
            if known is None:
                e = row.election
                known = by_object[id(e)] = (
                    e.house if e.house == LOK_SABHA else f"{e.region} {e.house}",
                    self._election_id(e))
            house = known[0]
            runs.append((row, house, known[1], len(run)))
            if (house, row.state, row.constituency) == last:
                continue
            last = (house, row.state, row.constituency)
            found = self.seat_keys.get((house, state_family(row.state), key(row.constituency)))
            if found is not None:
                self.named.setdefault(found, key(row.constituency))
        seat_runs: list[list[int]] = []  # the seat of each row of each run
        last = seat = None
        for row, house, election, size in runs:
            ident = (house, election, row.state, row.constituency, row.constituency_no)
            got: list[int] = []
            while len(got) < size:
                if ident == last:  # the row before named the same seat, by its name: that seat
                    got += [seat] * (size - len(got))  # (and so every further row of the run)
                    break
                self._settled = False
                seat = self._seat_id(house, row, election, new_seats, aliases)
                got.append(seat)
                last = ident if self._settled else None
            seat_runs.append(got)
        ids = self._insert(s.constituency, list(new_seats.values()))
        real = dict(zip(new_seats, ids, strict=True))
        for ident, seat in list(self.seat_keys.items()):
            if seat in real:
                self.seat_keys[ident] = real[seat]
        for seat, new_id in real.items():
            made = new_seats[seat]
            self._know_seat(made["house"], self.families.pop(seat), new_id, {made["key"]})
        numbered_new = [i for i in self.named_no if i[1] < 0]
        for seat, new_id in real.items():
            if seat in self.named:
                self.named[new_id] = self.named.pop(seat)
        for ident in numbered_new:
            if ident[1] in real:
                self.named_no[(ident[0], real[ident[1]])] = self.named_no.pop(ident)
        for alias in aliases:
            alias["constituency_id"] = real.get(alias["constituency_id"], alias["constituency_id"])
        self._insert(s.constituency_alias, aliases, returning=False)
        tkeys: list[tuple[tuple, int]] = []  # (contest key, rows it holds in a row)
        new_contests: dict[tuple, dict] = {}
        for (row, _, election, size), got in zip(runs, seat_runs, strict=True):
            same = got.count(got[0]) == size  # one seat for the whole run: one contest
            for seat in got[:1] if same else got:
                seat = real.get(seat, seat)
                tkey = (election, seat, row.poll_no)
                if tkey not in self.contests and tkey not in new_contests:
                    new_contests[tkey] = dict(election_id=tkey[0], constituency_id=tkey[1],
                                              poll_no=tkey[2], state_id=self._state_id(row.state),
                                              seat_no=row.constituency_no)
                    if row.constituency_no is not None:
                        self.seat_nos.setdefault(tkey[0], {}).setdefault(seat,
                                                                         row.constituency_no)
                        self.by_number.setdefault(
                            (tkey[0], state_key(row.state or ""), row.constituency_no), seat)
                tkeys.append((tkey, size if same else 1))
        ids = self._insert(s.contest, list(new_contests.values()))
        self.contests.update(zip(new_contests, ids, strict=True))
        self.made_contests.update(ids)
        self.counts.contests += len(new_contests)
        out: list[int] = []
        for tkey, size in tkeys:
            out += [self.contests[tkey]] * size
        return out

    def _add(self, table: Table, **values: object) -> int:
        return self.conn.execute(insert(table).values(**values)).inserted_primary_key[0]

    # reference files: the seat list, turnout, the poll schedule ---------------------------------
    def load_seats(self, rows: Sequence[SeatRow]) -> LoadCounts:
        """A constituency list (the delimitation order): each seat found by any spelling (or
        added) with its number and reservation, and each assembly seat linked to its Lok Sabha
        seat. Evidence: the list's line."""
        facts: list[tuple[int, int]] = []
        ids: dict[tuple[str, str, int], int] = {}  # (house, state, number) -> seat
        for kind in (LOK_SABHA, ASSEMBLY):  # parents first
            for row in (r for r in rows if r.house == kind):
                house = LOK_SABHA if kind == LOK_SABHA else f"{row.state} {ASSEMBLY}"
                like = SimpleNamespace(state=row.state, constituency=row.name,
                                       constituency_no=row.number, reserved=row.reserved)
                new_seats: dict[int, dict] = {}
                aliases: list[dict] = []
                seat = self._seat_id(house, like, -1, new_seats, aliases)
                if seat < 0:
                    self.named.pop(seat, None)
                    self.families.pop(seat, None)
                    placeholder, made = seat, new_seats[seat]
                    seat = self._insert(s.constituency, [made])[0]
                    self.named[seat] = key(row.name)
                    for alias in aliases:
                        if alias["constituency_id"] == placeholder:
                            alias["constituency_id"] = seat
                    for ident in [i for i in self.named_no if i[1] == placeholder]:
                        self.named_no[(ident[0], seat)] = self.named_no.pop(ident)
                    family = state_family(row.state)
                    for ident, value in list(self.seat_keys.items()):
                        if value == placeholder:
                            self.seat_keys[ident] = seat
                    self._know_seat(house, family, seat, {made["key"], key(row.name)})
                self._insert(s.constituency_alias, aliases, returning=False)
                values = dict(number=row.number)
                if row.reserved in ("GEN", "SC", "ST"):
                    values["reserved"] = row.reserved
                if row.parent_number is not None:
                    values["parent_id"] = ids.get((LOK_SABHA, state_family(row.state),
                                                   row.parent_number))
                self.conn.execute(s.constituency.update().where(s.constituency.c.id == seat)
                                  .values(**values))
                ids[(kind, state_family(row.state), row.number)] = seat
                facts.append((seat, row.line))
        self._evidence("constituency", facts)
        return self.counts

    def load_turnout(self, rows: Sequence[TurnoutRow]) -> LoadCounts:
        """Electors and voters per contest (the contest is made if no result named it yet)."""
        contests = self._contest_ids([_as_result(r) for r in rows])
        e = s.electorate.c
        facts = []
        for contest, row in zip(contests, rows, strict=True):
            if not row.electors:
                continue
            found = self.conn.execute(select(e.id, e.voters).where(
                e.contest_id == contest, e.electors == row.electors)).first()
            if found is None:
                found_id = self._add(s.electorate, contest_id=contest, electors=row.electors,
                                     voters=row.voters)
            else:
                found_id = found.id
                if found.voters is None and row.voters is not None:
                    self.conn.execute(s.electorate.update().where(e.id == found_id)
                                      .values(voters=row.voters))
            facts.append((found_id, row.line))
        self._evidence("electorate", facts)
        return self.counts

    def load_schedule(self, rows: Sequence[ScheduleRow]) -> LoadCounts:
        """Each contest's phase, poll date and counting date, and the election's phases."""
        contests = self._contest_ids([_as_result(r) for r in rows])
        phases = {}
        for contest, row in zip(contests, rows, strict=True):
            self.conn.execute(s.contest.update().where(s.contest.c.id == contest).values(
                phase_no=row.phase_no, poll_date=row.poll_date, counting_date=row.counting_date))
            if row.phase_no is not None:
                phases[(self._election_id(row.election), row.phase_no)] = row.poll_date
        p = s.election_phase.c
        for (election, phase), day in phases.items():
            if self.conn.execute(select(p.id).where(p.election_id == election,
                                                    p.phase_no == phase)).first() is None:
                self._add(s.election_phase, election_id=election, phase_no=phase,
                          poll_date=day)
        self._evidence("contest", [(c, r.line) for c, r in zip(contests, rows, strict=True)])
        return self.counts

    # bulk part ---------------------------------------------------------------------------------
    def load(self, rows: Sequence[ResultRow], progress: ProgressFn | None = None,
             name_keys: dict[str, str] | None = None) -> LoadCounts:
        """Store the rows, reporting (rows done, rows in all) after each chunk; ``name_keys``
        holds the key of each candidate name where the reader worked it out."""
        with paused_gc(), self._page_cache():
            return self._load(rows, progress, name_keys)

    @contextmanager
    def _page_cache(self) -> Iterator[None]:
        """On SQLite, a page cache big enough for the indexes a large import writes into
        (the default 2 MB makes inserts into random places of an index re-read pages); the
        connection's own size comes back after."""
        if self.conn.dialect.name != "sqlite":
            yield
            return
        old = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        self.conn.exec_driver_sql(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            with suppress(DBAPIError):  # a failed import's error matters, not this one
                self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(old)}")

    def _load(self, rows: Sequence[ResultRow], progress: ProgressFn | None,
              name_keys: dict[str, str] | None) -> LoadCounts:
        self.name_keys = name_keys or {}
        self._add_parties(row.party for row in rows)
        by_contest: dict[int, list[ResultRow]] = {}
        for contest_id, row in zip(self._contest_ids(rows), rows, strict=True):
            by_contest.setdefault(contest_id, []).append(row)
        chunk: list[tuple[int, list[ResultRow]]] = []
        done = size = 0
        for item in by_contest.items():
            chunk.append(item)
            size += len(item[1])
            if size >= CHUNK:
                self._load_chunk(chunk)
                done, chunk, size = done + size, [], 0
                if progress:
                    progress(done, len(rows), "storing")
        if chunk:
            self._load_chunk(chunk)
        if progress:
            progress(len(rows), len(rows), "storing")
        return self.counts

    def _load_chunk(self, chunk: list[tuple[int, list[ResultRow]]]) -> None:
        conn, c = self.conn, s.candidacy.c
        contest_ids = [contest_id for contest_id, _ in chunk]
        existing = {}
        for ids in _batches([i for i in contest_ids if i not in self.made_contests]):
            for r in conn.execute(select(c.contest_id, c.name_key, c.party_id, c.seq, c.id)
                                  .where(c.contest_id.in_(ids))):
                existing[(r.contest_id, r.name_key, r.party_id, r.seq)] = r.id
        keyed: list[tuple[tuple, ResultRow]] = []
        parties = self.party_of
        for contest_id, rows in chunk:
            seqs: dict[tuple, int] = {}
            # namesakes on one ticket are told apart by their order of votes
            for row in sorted(rows, key=lambda r: -(r.votes or 0)):
                party = parties.get(row.party)
                if party is None:
                    party = parties[row.party] = self.parties[key(row.party)]
                name_key = self.name_keys.get(row.candidate)
                if name_key is None:
                    name_key = key(row.candidate)
                base = (contest_id, name_key, party)
                seqs[base] = seqs.get(base, 0) + 1
                keyed.append(((*base, seqs[base]), row))
        if existing:
            new = self._match([(k, row) for k, row in keyed if k not in existing], existing,
                              keyed)
            self._attach_refs([(existing[k], row) for k, row in keyed
                               if k in existing and row.person_ref])
        else:  # nothing stored of these contests: every row is a new candidacy
            new = keyed
        ids: list[int] = []
        if new:
            person_ids = self._persons(new)
            ids = self._insert_rows(s.candidacy, _CANDIDACY, [
                (k[0], pid, k[2], row.candidate, k[1], k[3], row.status, row.age)
                for (k, row), pid in zip(new, person_ids, strict=True)])
            if new is not keyed:
                existing.update({k: i for (k, _), i in zip(new, ids, strict=True)})
            self.created.update(ids)
            self.counts.candidacies += len(new)
        # each row's candidacy (when all are new, the ids given, in the rows' order)
        cids = ids if new is keyed else [existing[k] for k, _ in keyed]
        self._results([(cid, row) for cid, (_, row) in zip(cids, keyed, strict=True)])
        self._electorates(chunk)
        self._evidence("candidacy", [(cid, row.line) for cid, (_, row)
                                     in zip(cids, keyed, strict=True)])

    def _attach_refs(self, pairs: list[tuple[int, ResultRow]]) -> None:
        """A row with an external person id (TCPD's pid) that takes a candidacy another source
        made gives that id to the candidacy's person; where the id already names another
        person, the two are one and merge (the lower id survives; the other redirects)."""
        if not pairs:
            return
        from chunav.store.people import merge_persons

        self.refs_elsewhere = True  # ids are written and persons merged here: look them up

        c, r = s.candidacy.c, s.person_ref.c
        person_of: dict[int, int | None] = {}
        for batch in _batches(sorted({cid for cid, _ in pairs})):
            person_of.update(self.conn.execute(select(c.id, c.person_id)
                                               .where(c.id.in_(batch))).all())
        for cid, row in pairs:
            person = person_of.get(cid)
            if person is None:
                continue
            scheme, value = row.person_ref
            owner = self.conn.execute(select(r.person_id).where(
                r.scheme == scheme, r.value == value)).scalar()
            if owner is None:
                self.conn.execute(s.person_ref.insert().values(person_id=person, scheme=scheme,
                                                               value=value))
            elif owner != person:
                keep = merge_persons(self.conn, min(owner, person), max(owner, person),
                                     f"{scheme} person id {value}")
                person_of.update({k: keep for k, v in person_of.items() if v in (owner, person)})

    def _match(self, new: list[tuple[tuple, ResultRow]], existing: dict[tuple, int],
               keyed: list[tuple[tuple, ResultRow]]) -> list[tuple[tuple, ResultRow]]:
        """Rows that name, in another spelling, a candidacy another source already holds take
        that candidacy, so a contest counts each candidate once whatever the sources write:
        NOTA is NOTA; the same total votes and a name or party that agrees; or a name that fits
        on the same ticket. A candidacy only the news named ("Mohammad Haneefa Jan" in a
        report) takes the ballot's name and party. Returns the rows still new."""
        contests = sorted({k[0] for k, _ in keyed})
        info: dict[int, list] = {}
        c, r = s.candidacy.c, s.result.c
        for batch in _batches(contests):
            for row in self.conn.execute(
                    select(c.id, c.contest_id, c.ballot_name, c.party_id, c.person_id)
                    .where(c.contest_id.in_(batch))):
                info.setdefault(row.contest_id, []).append(row)
        ids = [row.id for rows in info.values() for row in rows]
        votes: dict[int, set[int]] = {}
        official: set[int] = set()
        for batch in _batches(ids):
            for x in self.conn.execute(select(r.candidacy_id, r.votes)
                                       .where(r.candidacy_id.in_(batch))):
                votes.setdefault(x.candidacy_id, set()).add(x.votes)
            official |= set(self.conn.execute(
                select(s.evidence.c.fact_id).join(s.source).where(
                    s.evidence.c.fact_type == "candidacy", s.evidence.c.fact_id.in_(batch),
                    s.source.c.kind == "results")).scalars())
        taken = {existing[k] for k, _ in keyed if k in existing}
        nota = self.parties.get(key("NOTA"))
        still, adopted, renamed = [], [], []
        person_of = {cand.id: cand.person_id for rows in info.values() for cand in rows}
        news_how = "ballot: took over the candidacy a news report named first"
        for k, row in keyed:  # the same name on both: the ballot's spelling, not the report's
            if k in existing and existing[k] not in official:
                adopted.append(dict(cid=existing[k], name=row.candidate, nkey=k[1], party=k[2],
                                    seq=k[3], status=row.status))
                if person_of.get(existing[k]) is not None:
                    renamed.append((person_of[existing[k]], row.candidate, news_how))
        # best pairs first, across the contest: a namesake on another ticket never takes the
        # candidacy whose votes agree with another row
        pairs = sorted(((score, n, cand) for n, (k, row) in enumerate(new)
                        for cand in info.get(k[0], ()) if cand.id not in taken
                        if (score := _candidate_score(row, k[2], cand,
                                                      votes.get(cand.id, set()), nota)) > 0),
                       key=lambda p: (-p[0], p[1], p[2].id))
        matched: dict[int, object] = {}
        for _, n, cand in pairs:
            if n not in matched and cand.id not in taken:
                matched[n] = cand
                taken.add(cand.id)
        for n, (k, row) in enumerate(new):
            best = matched.get(n)
            if best is None:
                still.append((k, row))
                continue
            existing[k] = best.id
            if best.id not in official:  # named in the news only: the ballot's name wins
                adopted.append(dict(cid=best.id, name=row.candidate, nkey=k[1], party=k[2],
                                    seq=k[3], status=row.status))
                if best.person_id is not None:
                    renamed.append((best.person_id, row.candidate, news_how))
            elif best.person_id is not None:
                renamed.append((best.person_id, row.candidate,
                                f"ballot of another source for the same candidate of the same "
                                f"contest ({best.ballot_name!r})"))
        if adopted:
            self.conn.execute(s.candidacy.update().where(c.id == bindparam("cid")).values(
                ballot_name=bindparam("name"), name_key=bindparam("nkey"),
                party_id=bindparam("party"), seq=bindparam("seq"),
                status=bindparam("status")), adopted)
        self._names(renamed)
        return still

    def _persons(self, keyed: list[tuple[tuple, ResultRow]]) -> list[int | None]:
        """A person id per (candidacy key, row): the person an external id names, else a new
        person."""
        rows = [row for _, row in keyed]
        # ids looked up in the store (and this chunk's new ones); the schemes the store held
        # none of before this import are not looked up: their stored ids are those it gave
        known: dict[tuple[str, str], int] = {}
        ours = self.refs_made
        schemes = {row.person_ref[0] for row in rows if row.person_ref and not row.nota}
        looked_up = {scheme for scheme in schemes if not self._refs_ours(scheme)}
        refs = sorted({row.person_ref for row in rows if row.person_ref and not row.nota
                       and row.person_ref[0] in looked_up})
        sqlite = self.conn.dialect.name == "sqlite"
        for scheme in looked_up:
            for batch in _batches([v for sc, v in refs if sc == scheme]):
                if sqlite:  # the driver's own placeholders: SQLAlchemy's expanding IN costs
                    # more than the query for tens of thousands of ids
                    found = self.conn.exec_driver_sql(
                        "SELECT value, person_id FROM person_ref WHERE scheme = ? AND value IN "
                        f"({', '.join(['?'] * len(batch))})", (scheme, *batch))
                else:
                    found = self.conn.execute(
                        select(s.person_ref.c.value, s.person_ref.c.person_id)
                        .where(s.person_ref.c.scheme == scheme, s.person_ref.c.value.in_(batch)))
                known.update({(scheme, value): person for value, person in found})
        plan: list[int | None] = []  # >= 0: a stored person id; < 0: -1 - index into `wanted`
        wanted: list[ResultRow] = []
        for row in rows:
            ref = row.person_ref
            if row.nota:
                plan.append(None)
            elif ref and (pid := known.get(ref) if ref[0] in looked_up
                          else known.get(ref, ours.get(ref))) is not None:
                plan.append(pid)
            else:
                if ref:  # the same new id twice in one chunk: one person
                    known[ref] = -1 - len(wanted)
                plan.append(-1 - len(wanted))
                wanted.append(row)
        created = self._insert_rows(s.person, ("name", "sex"),
                                    [(row.candidate, row.sex) for row in wanted])
        self._insert_rows(s.person_ref, ("person_id", "scheme", "value"),
                          [(pid, *row.person_ref)
                           for row, pid in zip(wanted, created, strict=True) if row.person_ref],
                          returning=False)
        out = [p if p is None or p >= 0 else created[-1 - p] for p in plan]
        self.refs_made.update({row.person_ref: pid for row, pid in zip(wanted, created, strict=True)
                               if row.person_ref})
        self.made_persons.update(created)
        # the spellings of a person made just now need no look-up: none is stored yet
        fresh: dict[tuple[int, str], tuple[str, str]] = {}
        known_names = []
        for (k, row), p, pid in zip(keyed, plan, out, strict=True):
            if pid is None:
                continue
            ref = row.person_ref
            how = f"ballot; {ref[0]} person id {ref[1]}" if ref else "ballot"
            if p < 0:  # the candidacy key holds key(row.candidate)
                fresh[(pid, k[1])] = (row.candidate, how)
            else:
                known_names.append((pid, k[1], row.candidate, how))
        self._insert_rows(s.person_name, _PERSON_NAME,
                          [(pid, k, name, how) for (pid, k), (name, how) in fresh.items()],
                          fixed=dict(source_id=self.source_id), returning=False)
        self.names_added.update(fresh)
        self._keyed_names(known_names)
        return out

    def _refs_ours(self, scheme: str) -> bool:
        """Are the ids of ``scheme`` this import gave its persons all that is stored of it?"""
        if self.refs_elsewhere:
            return False
        ours = self.refs_ours.get(scheme)
        if ours is None:  # the first time: is any stored?
            r = s.person_ref.c
            ours = self.refs_ours[scheme] = self.conn.execute(
                select(r.id).where(r.scheme == scheme).limit(1)).first() is None
        return ours

    def _names(self, triples: list[tuple[int, str, str]]) -> None:
        """Record each (person, spelling, why) not yet known, with this source."""
        self._keyed_names([(pid, key(name), name, how) for pid, name, how in triples])

    def _keyed_names(self, quads: list[tuple[int, str, str, str]]) -> None:
        """:meth:`_names` for (person, key of the spelling, spelling, why)."""
        names = {(pid, k): (name, how) for pid, k, name, how in quads}
        # a person this import made may come back in a later chunk (one TCPD pid, two
        # elections): the names written for it are remembered, not looked up
        added = self.names_added
        have = set()
        for batch in _batches(sorted({p for p, _ in names if p not in self.made_persons})):
            have |= {(r.person_id, r.key) for r in self.conn.execute(
                select(s.person_name.c.person_id, s.person_name.c.key)
                .where(s.person_name.c.person_id.in_(batch)))}
        new = [(p, k, n, how) for (p, k), (n, how) in names.items()
               if (p, k) not in added and (p, k) not in have]
        self._insert_rows(s.person_name, _PERSON_NAME, new, fixed=dict(source_id=self.source_id),
                          returning=False)
        added.update((p, k) for p, k, _, _ in new)

    def _results(self, pairs: list[tuple[int, ResultRow]]) -> None:
        """One result per distinct count. A total-only count and a count with the EVM/postal
        split that adds up to the same total are one fact: the split fills in the first."""
        r = s.result.c
        counted = [(cid, row) for cid, row in pairs if row.votes is not None]
        stored: dict[int, list] = {}
        for batch in _batches([cid for cid, _ in counted if cid not in self.created]):
            for x in self.conn.execute(select(r.candidacy_id, r.id, r.evm_votes, r.postal_votes,
                                              r.votes).where(r.candidacy_id.in_(batch))):
                stored.setdefault(x.candidacy_id, []).append(x)
        facts: list[tuple[int, int]] = []
        # with no count stored (candidacies this import made), every count is new
        new: list[tuple[int, ResultRow]] = [] if stored else counted
        splits: list[dict] = []
        for cid, row in counted if stored else ():
            if cid not in stored:  # a candidacy with no count yet (one this import made)
                new.append((cid, row))
                continue
            same = next((x for x in stored[cid]
                         if same_count(x, row.evm_votes, row.postal_votes, row.votes)), None)
            if same is None:
                new.append((cid, row))
                continue
            if same.evm_votes is None and row.evm_votes is not None:
                splits.append(dict(rid=same.id, evm=row.evm_votes, postal=row.postal_votes,
                                   vkey=value_key(row.votes, row.evm_votes, row.postal_votes)))
            facts.append((same.id, row.line))
        if splits:
            self.conn.execute(s.result.update().where(r.id == bindparam("rid")).values(
                evm_votes=bindparam("evm"), postal_votes=bindparam("postal"),
                value_key=bindparam("vkey")), splits)
        ids = self._insert_rows(s.result, _RESULT, [
            (cid, row.evm_votes, row.postal_votes, row.votes,
             f"{row.votes}|{row.evm_votes}|{row.postal_votes}")  # value_key(), inline
            for cid, row in new])
        facts += [(i, row.line) for i, (_, row) in zip(ids, new, strict=True)]
        self.counts.results += len(new)
        self._evidence("result", facts)

    def _electorates(self, chunk: list[tuple[int, list[ResultRow]]]) -> None:
        wanted = {(contest_id, row.electors): row.line for contest_id, rows in chunk
                  for row in rows if row.electors}
        if not wanted:
            return
        existing = {}
        for batch in _batches(sorted({c for c, _ in wanted if c not in self.made_contests})):
            for r in self.conn.execute(select(s.electorate.c.contest_id, s.electorate.c.electors,
                                              s.electorate.c.id)
                                       .where(s.electorate.c.contest_id.in_(batch))):
                existing[(r.contest_id, r.electors)] = r.id
        new = [k for k in wanted if k not in existing]
        ids = self._insert(s.electorate, [dict(contest_id=c, electors=e) for c, e in new])
        existing.update(zip(new, ids, strict=True))
        self._evidence("electorate", [(existing[k], line) for k, line in wanted.items()])

    def _evidence(self, fact_type: str, facts: list[tuple[int, int]]) -> None:
        """One evidence row per (fact, line) not yet recorded for this source."""
        have = set()
        for batch in _batches([] if self.new_source else sorted({f for f, _ in facts})):
            have |= {(r.fact_id, r.locator) for r in self.conn.execute(
                select(s.evidence.c.fact_id, s.evidence.c.locator).where(
                    s.evidence.c.source_id == self.source_id,
                    s.evidence.c.fact_type == fact_type, s.evidence.c.fact_id.in_(batch)))}
        if have:
            rows = [(f, locator, line) for f, line in dict.fromkeys(facts)
                    if (f, locator := f"line {line}") not in have]
        else:  # nothing recorded yet (always so for a new source)
            rows = [(f, f"line {line}", line) for f, line in dict.fromkeys(facts)]
        self._insert_rows(s.evidence, ("fact_id", "locator", "line"), rows, returning=False,
                          fixed=dict(fact_type=fact_type, source_id=self.source_id,
                                     extractor=EXTRACTOR, extractor_version=EXTRACTOR_VERSION,
                                     confidence=1.0, recorded_at=self.recorded))
        self.counts.evidence += len(rows)

    def _insert_rows(self, table: Table, columns: Sequence[str], rows: list[tuple],
                     fixed: dict | None = None, returning: bool = True) -> list[int]:
        """:meth:`_insert` for rows given as tuples of ``columns``, each with the ``fixed``
        values too (one per batch: a source, a record time); on SQLite the tuples go to the
        driver as they are, with no dict per row."""
        if not rows:
            return []
        fixed = fixed or {}
        if self.conn.dialect.name != "sqlite":
            return self._insert(table, [dict(zip(columns, row, strict=True)) | fixed
                                        for row in rows], returning)
        # Inside our write transaction nobody else can insert, and SQLite gives each new row
        # max(rowid) + 1: the ids are the next len(rows) integers. The driver's own
        # executemany is several times faster than INSERT ... RETURNING in batches.
        top = 0
        if returning:  # the driver's own query: a compiled statement costs ten times more
            top = self.conn.exec_driver_sql(f'SELECT max(id) FROM "{table.name}"').scalar() or 0
        names = ", ".join(f'"{c}"' for c in [*columns, *fixed])
        marks = ", ".join(["?"] * len(columns) + [_literal(v) for v in fixed.values()])
        self.conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', rows)
        return list(range(top + 1, top + 1 + len(rows))) if returning else []

    def _insert(self, table: Table, rows: list[dict], returning: bool = True) -> list[int]:
        """Insert rows in bulk; with ``returning``, give their new ids in order."""
        if not rows:
            return []
        if self.conn.dialect.name == "sqlite":
            # one record time for the whole batch goes into the statement once
            first = rows[0]
            fixed = {c: v for c, v in first.items() if isinstance(v, datetime)
                     and all(row[c] is v for row in rows)}
            columns = [c for c in first if c not in fixed]
            get = itemgetter(*columns)
            tuples = ([get(row) for row in rows] if len(columns) > 1
                      else [(row[columns[0]],) for row in rows])
            return self._insert_rows(table, columns, tuples, fixed, returning)
        if not returning:
            self.conn.execute(insert(table), rows)
            return []
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [r[0] for r in self.conn.execute(stmt, rows)]


def _literal(value: object) -> str:
    """A value written into an INSERT's SQL text (SQLite), read back as a bound one would be:
    datetimes in the form SQLAlchemy's SQLite DateTime reads back."""
    if value is None:
        return "NULL"
    if isinstance(value, datetime):
        return f"'{value.strftime('%Y-%m-%d %H:%M:%S.%f')}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bool | int | float):
        return repr(int(value) if isinstance(value, bool) else value)
    raise TypeError(f"no SQL literal for {value!r}")


def _as_result(row: TurnoutRow | ScheduleRow) -> SimpleNamespace:
    """What the seat and contest finders read of a results row, from a turnout or schedule
    row (always the general poll)."""
    return SimpleNamespace(election=row.election, state=row.state, constituency=row.constituency,
                           constituency_no=row.constituency_no, reserved=None, poll_no=0)


def _candidate_score(row: ResultRow, party_id: int, cand, votes: set[int],  # noqa: ANN001
                     nota: int | None) -> float:
    """How surely a results row and a stored candidacy of the same contest are one candidate
    (0: not at all). Two sources of one count agree on the votes; spellings and party labels
    differ ("ANITA"/"ANITHA", "AIUDF"/"All India United Democratic Front")."""
    if row.nota or cand.party_id == nota:
        return 1.0 if row.nota and cand.party_id == nota else 0.0
    same_party = party_id == cand.party_id
    a, b = key(row.candidate), key(cand.ballot_name)
    # word order differs ("ADHIKARI SUVENDU"), and so do spaces ("TR AFFIC", "CHALAWAD")
    similar = max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")))
    fits = names_fit(row.candidate, cand.ballot_name)
    if row.votes is not None and row.votes in votes and (fits or same_party or similar >= 60):
        return 0.9 + similar / 1000
    if row.votes is not None and similar >= 85 and any(
            abs(row.votes - v) <= max(50, v // 50) for v in votes):
        return 0.85 + similar / 1000  # a count-day tally and the final one: close, not equal
    if fits and (same_party or not votes):
        return 0.8 + similar / 1000
    if similar >= 90 and same_party:
        return 0.7 + similar / 1000
    if fits and similar >= 90:  # one name, two labels for the party ("STRP" and its name)
        return 0.6 + similar / 1000
    return 0.0


def same_count(stored, evm: int | None, postal: int | None, votes: int) -> bool:  # noqa: ANN001
    """Is a stored result (with .evm_votes, .postal_votes, .votes) the same count? A total-only
    count and a split adding up to the same total are one fact."""
    return stored.votes == votes and (stored.evm_votes is None or evm is None or (
        stored.evm_votes, stored.postal_votes) == (evm, postal))


def value_key(votes: int, evm: int | None, postal: int | None) -> str:
    """The key that keeps one result row per distinct count of a candidacy."""
    return f"{votes}|{evm}|{postal}"


def _batches(items: Iterable, size: int = _IN) -> Iterable[list]:
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]
