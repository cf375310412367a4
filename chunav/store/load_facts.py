"""Write an article's facts into the store, each linked to its sentence.

Facts meet the records already stored: a seat named in an article is the constituency of that
name in the election's house; a person is the candidate of that contest whose name fits, else
the person of exactly that name, else a new person; a party is found by any of its names. A
count an article gives that differs from the official one is kept beside it, never over it.
Every row gets an evidence row: the article, the sentence(s) verbatim, their character
offsets, the extractor and its version. Loading the same facts again adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Table, func, insert, select

from chunav.errors import IngestError
from chunav.facts import Fact
from chunav.knowledge.gazetteer import index, party_name_keys
from chunav.knowledge.normalize import key
from chunav.knowledge.parties import looks_like_party
from chunav.model import LOK_SABHA, ElectionName
from chunav.resolve.links import link_mention
from chunav.store import schema as s
from chunav.store.load_results import same_count, state_id, title, value_key
from chunav.store.store import now

UNKNOWN_PARTY = "Party not stated"


@dataclass
class FactCounts:
    """What loading one article's facts did."""

    added: int = 0  # new fact rows
    evidence: int = 0
    skipped: int = 0  # facts that name no election or seat the store can place


class FactsLoader:
    """Loads the facts of one article (one source) inside one transaction."""

    def __init__(self, conn: Connection, source_id: int, text: str, extractor: str,
                 version: str, state: str | None = None) -> None:
        self.conn, self.source_id, self.text = conn, source_id, text
        self.extractor, self.version, self.state = extractor, version, state
        self.counts = FactCounts()
        self.recorded = now()

    def load(self, facts: list[Fact]) -> FactCounts:
        for fact in facts:
            try:
                row_id = getattr(self, f"_{fact.kind}")(fact.fields)
            except IngestError:
                row_id = None
            if row_id is None:
                self.counts.skipped += 1
                continue
            self._evidence(fact, *row_id)
        return self.counts

    # facts ----------------------------------------------------------------------------------
    def _result(self, f: dict) -> tuple[str, int] | None:
        contest = self._contest(f["election"], f["constituency"])
        cand = self._candidate(contest, f["candidate"], f.get("party"))
        r = s.result.c
        for row in self.conn.execute(select(r.id, r.evm_votes, r.postal_votes, r.votes)
                                     .where(r.candidacy_id == cand)):
            if same_count(row, None, None, f["votes"]):
                return "result", row.id
        return "result", self._add(s.result, candidacy_id=cand, evm_votes=None,
                                   postal_votes=None, votes=f["votes"],
                                   value_key=value_key(f["votes"], None, None))

    def _candidacy(self, f: dict) -> tuple[str, int]:
        contest = self._contest(f["election"], f["constituency"])
        cand = self._candidate(contest, f["person"], f.get("party"))
        for backer in f.get("backed_by") or []:
            org = self._org(backer)
            c = s.candidacy_backer.c
            if self.conn.execute(select(c.id).where(c.candidacy_id == cand,
                                                    c.org_id == org)).scalar() is None:
                self._add(s.candidacy_backer, candidacy_id=cand, org_id=org)
        if f.get("status") == "withdrawn":
            self.conn.execute(s.candidacy.update().where(s.candidacy.c.id == cand)
                              .values(status="withdrawn"))
        return "candidacy", cand

    def _candidate(self, contest: int, person: str, party: str | None) -> int:
        """The contest's candidacy the name means (:func:`chunav.resolve.links.link_mention`:
        "Haji Hanifa Jan" is the ballot's "MOHMAD HANEEFA"), else a new one. A linked name
        becomes one of the person's spellings, with why."""
        c = s.candidacy.c
        rows = self.conn.execute(select(c.id, c.ballot_name, c.person_id)
                                 .where(c.contest_id == contest)).all()
        link = link_mention(person, [(row.id, row.ballot_name) for row in rows])
        if link is not None:
            found = next(row for row in rows if row.id == link.record)
            if found.person_id is not None:
                self._name(found.person_id, person, f"news: a candidate of this contest; "
                                                    f"{link.reason}")
            return found.id
        party_id = self._org(party, "party") if party else self._org(UNKNOWN_PARTY, "unknown")
        return self._add(s.candidacy, contest_id=contest, person_id=self._person(person),
                         party_id=party_id, ballot_name=person, name_key=key(person), seq=1,
                         status="nominated")

    def _name(self, person: int, name: str, how: str) -> None:
        """Record a spelling of a person (once), with why and where it was read."""
        n = s.person_name.c
        if self.conn.execute(select(n.id).where(n.person_id == person, n.key == key(name))
                             ).first() is None:
            self._add(s.person_name, person_id=person, name=name, key=key(name), how=how,
                      source_id=self.source_id)

    def _membership(self, f: dict) -> tuple[str, int]:
        person, org = self._person(f["person"]), self._org(f["org"])
        fk = f"{person}|{org}|{key(f.get('role') or '')}|{f.get('status') or ''}"
        return "membership", self._keyed(s.membership, fk, person_id=person, org_id=org,
                                         role=f.get("role"), status=f.get("status"),
                                         start_date=_date(f.get("date")))[0]

    def _alliance(self, f: dict) -> tuple[str, int]:
        alliance = self._org(f["alliance"], "alliance")
        member = self._find_org(f["party"])
        person = None if member is not None else self._person(f["party"])
        fk = f"{member}|{person}|{alliance}|{f.get('status') or ''}|{f.get('date') or ''}"
        return "alliance_membership", self._keyed(
            s.alliance_membership, fk, org_id=member, person_id=person, alliance_id=alliance,
            status=f.get("status"), start_date=_date(f.get("date")))[0]

    def _event(self, f: dict) -> tuple[str, int]:
        actors, targets = f.get("actors") or [], f.get("targets") or []
        fk = "|".join([f["type"], f.get("date") or "", ";".join(sorted(map(key, actors))),
                       ";".join(sorted(map(key, targets)))])
        event_id, new = self._keyed(s.event, fk, type=f["type"], date=f.get("date"),
                                    place=f.get("place"))
        if not new:
            return "event", event_id
        for role, names in (("actor", actors), ("target", targets)):
            for n, name in enumerate(names):
                org = self._find_org(name)
                person = None if org is not None else self._find_person(name)
                self._add(s.event_role, event_id=event_id, role=role, position=n, text=name,
                          person_id=person, org_id=org)
        return "event", event_id

    def _figure(self, f: dict) -> tuple[str, int]:
        fk = f"{key(f['subject'])}|{f['value']}|{f['unit']}|{f.get('date') or ''}"
        return "figure", self._keyed(s.figure, fk, subject=f["subject"], value=f["value"],
                                     unit=f["unit"], date=f.get("date"))[0]

    # records named by the facts ---------------------------------------------------------------
    def _contest(self, election: str, seat: str) -> int:
        name = ElectionName.parse(election)
        e = s.election.c
        election_id = self.conn.execute(select(e.id).where(e.name == name.name)).scalar()
        if election_id is None:
            election_id = self._add(s.election, name=name.name, house=name.house,
                                    region=name.region, year=name.year, bye=int(name.bye))
        house = LOK_SABHA if name.house == LOK_SABHA else f"{name.region} {name.house}"
        seat_id = self._seat_id(house, seat, election_id)
        t = s.contest.c
        poll_no = 1 if name.bye else 0
        contest = self.conn.execute(select(t.id).where(
            t.election_id == election_id, t.constituency_id == seat_id,
            t.poll_no == poll_no)).scalar()
        if contest is None:
            contest = self._add(s.contest, election_id=election_id, constituency_id=seat_id,
                                poll_no=poll_no)
        return contest

    def _seat_id(self, house: str, seat: str, election_id: int) -> int:
        """The constituency a seat's name means: the one of that name this election was fought
        in; else the one in the article's state (a new one there if none: Ladakh was a J&K seat
        until 2019); else the only or first one known; else a new one."""
        c, t = s.constituency.c, s.contest.c
        seats = self.conn.execute(select(c.id, c.state_id).where(c.house == house,
                                                                 c.key == key(seat))).all()
        fought = set(self.conn.execute(select(t.constituency_id).where(
            t.election_id == election_id, t.constituency_id.in_([x.id for x in seats])))
                     .scalars()) if seats else set()
        state = self._state_id()
        for x in seats:
            if x.id in fought:
                return x.id
        if state is not None:
            seats = [x for x in seats if x.state_id == state]
        if seats:
            return seats[0].id
        return self._add(s.constituency, house=house, state_id=state, name=title(seat),
                         key=key(seat))

    def _state_id(self) -> int | None:
        return state_id(self.conn, self.state) if self.state else None

    def _find_person(self, name: str) -> int | None:
        rows = self.conn.execute(select(s.person_name.c.person_id).distinct()
                                 .where(s.person_name.c.key == key(name))).scalars().all()
        return rows[0] if len(rows) == 1 else None

    def _person(self, name: str) -> int:
        found = self._find_person(name)
        if found is not None:
            return found
        person = self._add(s.person, name=name)
        self._name(person, name, "news: named in this article")
        return person

    def _find_org(self, name: str) -> int | None:
        keys = party_name_keys(name)
        found = self.conn.execute(select(s.org_alias.c.org_id).where(
            s.org_alias.c.key.in_(keys)).order_by(s.org_alias.c.org_id)).scalar()
        if found is None:
            found = self.conn.execute(select(s.org.c.id).where(s.org.c.key.in_(keys))
                                      .order_by(s.org.c.id)).scalar()
        return found

    def _org(self, name: str, kind: str | None = None) -> int:
        found = self._find_org(name)
        if found is not None:
            return found
        entry = index("party").get(key(name))
        if entry is not None:
            org = self._add(s.org, kind=entry.kind, name=entry.name, key=key(entry.name),
                            abbreviation=entry.abbreviation)
            aliases = {key(n): n for n in reversed([*entry.names, name])}.values()
            for alias in aliases:
                self._add(s.org_alias, org_id=org, alias=alias, key=key(alias))
            self._link_roles(org, aliases)
            return org
        parent = None
        if kind is None:
            low = name.lower()
            kind = ("unit" if " unit of " in low else "house" if low.endswith(
                ("lok sabha", "rajya sabha", "assembly")) else "alliance" if low.endswith(
                ("alliance", "bloc", "front")) else "party" if looks_like_party(name)
                    else "body")
            if kind == "unit":
                parent = self._org(name.split(" unit of ", 1)[1])
        org = self._add(s.org, kind=kind, name=name, key=key(name), parent_id=parent)
        self._add(s.org_alias, org_id=org, alias=name, key=key(name))
        self._link_roles(org, [name])
        return org

    def _link_roles(self, org: int, names: Iterable[str]) -> None:
        """Event roles stored before the org was, naming it as it is written here, now point
        at it: what a role links to does not depend on which article was stored first (two
        builds at once store articles in another order than one build)."""
        r = s.event_role.c
        self.conn.execute(s.event_role.update().where(
            r.org_id.is_(None), r.person_id.is_(None),
            func.lower(r.text).in_(sorted({n.lower() for n in names}))).values(org_id=org))

    # rows -------------------------------------------------------------------------------------
    def _keyed(self, table: Table, natural_key: str, **values: object) -> tuple[int, bool]:
        """(id, is new) of the row with this natural key, added if new (its key stored as a
        fixed-length digest)."""
        fact_key = digest(natural_key)
        found = self.conn.execute(select(table.c.id)
                                  .where(table.c.fact_key == fact_key)).scalar()
        if found is not None:
            return found, False
        return self._add(table, fact_key=fact_key, **values), True

    def _add(self, table: Table, **values: object) -> int:
        if table in (s.result, s.membership, s.alliance_membership, s.event, s.figure,
                     s.candidacy):
            self.counts.added += 1
        return self.conn.execute(insert(table).values(**values)).inserted_primary_key[0]

    def _evidence(self, fact: Fact, fact_type: str, fact_id: int) -> None:
        spans = sorted(set(fact.spans))
        locator = f"chars {spans[0][0]}-{spans[-1][1]}"
        e = s.evidence.c
        if self.conn.execute(select(e.id).where(
                e.fact_type == fact_type, e.fact_id == fact_id, e.source_id == self.source_id,
                e.locator == locator)).scalar() is not None:
            return
        self.conn.execute(insert(s.evidence).values(
            fact_type=fact_type, fact_id=fact_id, source_id=self.source_id, locator=locator,
            sentence=fact.evidence(self.text), char_start=spans[0][0], char_end=spans[-1][1],
            extractor=self.extractor, extractor_version=self.version,
            confidence=fact.confidence, valid_from=fact.fields.get("date"),
            recorded_at=self.recorded))
        self.counts.evidence += 1


def digest(natural_key: str) -> str:
    """A fixed-length key for a natural key of any length."""
    return hashlib.sha1(natural_key.encode("utf-8")).hexdigest()


def _date(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
