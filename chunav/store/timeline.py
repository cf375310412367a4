"""Read queries behind a person's timeline and a party's members over time (issue 8): a
person's spellings, candidacies with their dates, memberships, the events naming them, and the
orgs a name stands for. ``chunav.analyse.timeline`` composes them; no SQL lives there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from typing import TypeVar

from sqlalchemy import Connection, func, select

from chunav.knowledge.gazetteer import party_name_keys
from chunav.store import schema as s
from chunav.store.queries import ContestRef, role_texts_fitting

_IN = 500  # ids per IN (...) list


K = TypeVar("K", int, str)


def _batches(ids: Iterable[K]) -> Iterator[list[K]]:
    unique = sorted(set(ids))
    for i in range(0, len(unique), _IN):
        yield unique[i:i + _IN]


def person_names(conn: Connection, person_id: int) -> list[str]:
    """A person's spellings, in the order they were recorded (the display name first)."""
    display = conn.execute(select(s.person.c.name).where(s.person.c.id == person_id)).scalar()
    names = conn.execute(select(s.person_name.c.name).where(
        s.person_name.c.person_id == person_id).order_by(s.person_name.c.id)).scalars()
    return list(dict.fromkeys([display, *names])) if display else list(names)


def news_namesakes(conn: Connection, person_id: int) -> list[int]:
    """Persons known only from the news (no candidacy) whose every spelling is one of this
    person's and of no other person with a candidacy: the same person the linker could not
    tie to a contest ("Mohammad Haneefa Jan", named in a report's other sentences)."""
    n = s.person_name.c
    mine = select(n.key).where(n.person_id == person_id)
    others = conn.execute(select(n.person_id).distinct().where(
        n.key.in_(mine), n.person_id != person_id)).scalars().all()
    return sorted(x for x, owner in namesake_owners(conn, others).items() if owner == person_id)


def namesake_owners(conn: Connection, person_ids: Collection[int]) -> dict[int, int]:
    """For each news-only person of ``person_ids`` (no candidacy), the one person with a
    candidacy who has every spelling of theirs, where exactly one has any of them."""
    n, c = s.person_name.c, s.candidacy.c
    # a look-up in ix_candidacy_person per name row, not the whole candidacy table read
    stood = select(c.id).where(c.person_id == n.person_id).exists()
    keys: dict[int, set[str]] = defaultdict(set)
    for batch in _batches(person_ids):
        for r in conn.execute(select(n.person_id, n.key).where(n.person_id.in_(batch),
                                                               ~stood)):
            keys[r.person_id].add(r.key)
    every = sorted(set().union(*keys.values())) if keys else []
    holders: dict[str, set[int]] = defaultdict(set)
    for batch in _batches(every):
        for r in conn.execute(select(n.key, n.person_id).where(n.key.in_(batch), stood)):
            holders[r.key].add(r.person_id)
    out = {}
    for pid, mine in keys.items():
        owners = set().union(*(holders[k] for k in mine))
        if len(owners) == 1 and all(holders[k] for k in mine):
            out[pid] = owners.pop()
    return out


def candidacies(conn: Connection, *, persons: Collection[int] | None = None,
                parties: Collection[int] | None = None) -> list[dict]:
    """Candidacies of some persons, or on some parties' tickets, oldest election first: the
    contest (as a :class:`ContestRef`), the ticket's org, ballot name and status, and the
    dates known for the contest (counting, poll, the election's last phase, its year)."""
    c, t, e, k, o = s.candidacy.c, s.contest.c, s.election.c, s.constituency.c, s.org.c
    parent = s.constituency.alias("parent")
    last_phase = (select(func.max(s.election_phase.c.poll_date))
                  .where(s.election_phase.c.election_id == e.id).scalar_subquery())
    query = (select(c.id, c.person_id, c.ballot_name, c.status, c.party_id,
                    o.name.label("party"), o.kind.label("party_kind"), t.id.label("contest_id"),
                    e.name.label("election"), e.year, e.house, e.bye,
                    k.name.label("constituency"), s.state.c.name.label("state"), t.poll_no,
                    t.seat_no, parent.c.name.label("parent"), t.poll_date, t.counting_date,
                    last_phase.label("phase_date"))
             .join(s.contest, t.id == c.contest_id).join(s.election, e.id == t.election_id)
             .join(s.constituency, k.id == t.constituency_id)
             .outerjoin(parent, parent.c.id == k.parent_id)
             .outerjoin(s.state, func.coalesce(t.state_id, k.state_id) == s.state.c.id)
             .join(s.org, o.id == c.party_id))
    rows = []
    for column, ids in ((c.person_id, persons), (c.party_id, parties)):
        if ids is not None:
            for batch in _batches(ids):
                rows += conn.execute(query.where(column.in_(batch))).all()
    out = []
    for r in sorted(rows, key=lambda r: (r.year, r.election, r.id)):
        out.append(dict(
            id=r.id, person_id=r.person_id, ballot_name=r.ballot_name, status=r.status,
            party_id=r.party_id, party=r.party, party_kind=r.party_kind, house=r.house,
            contest=ContestRef(id=r.contest_id, election=r.election, year=r.year,
                               constituency=r.constituency, state=r.state, poll_no=r.poll_no,
                               seat_no=r.seat_no, parent=r.parent),
            counting_date=r.counting_date, poll_date=r.poll_date, phase_date=r.phase_date))
    return out


def result_ids(conn: Connection, candidacy_ids: Collection[int]) -> dict[int, list[dict]]:
    """Each candidacy's stored counts (one per version sources give): result id and votes."""
    out: dict[int, list[dict]] = defaultdict(list)
    r = s.result.c
    for batch in _batches(candidacy_ids):
        for row in conn.execute(select(r.id, r.candidacy_id, r.votes)
                                .where(r.candidacy_id.in_(batch)).order_by(r.id)):
            out[row.candidacy_id].append({"id": row.id, "votes": row.votes})
    return dict(out)


def memberships(conn: Connection, *, persons: Collection[int] | None = None,
                orgs: Collection[int] | None = None) -> list[dict]:
    """Membership facts of some persons, or of some orgs: the org (name, kind, its party when
    it is a party unit), role, status and the start and end dates the facts give."""
    m, o = s.membership.c, s.org.c
    query = (select(m.id, m.person_id, m.org_id, m.role, m.status, m.start_date, m.end_date,
                    m.end_cause, o.name.label("org"), o.kind.label("org_kind"), o.parent_id)
             .join(s.org, o.id == m.org_id))
    rows = []
    for column, ids in ((m.person_id, persons), (m.org_id, orgs)):
        if ids is not None:
            for batch in _batches(ids):
                rows += conn.execute(query.where(column.in_(batch))).all()
    return [dict(r._mapping) for r in sorted(rows, key=lambda r: r.id)]


def events_naming(conn: Connection, persons: Collection[int],
                  names: Collection[str]) -> list[dict]:
    """Events one of whose actors or targets is one of ``persons`` (the linker's id), or, where
    the linker tied the role to nobody, is written in a way that fits one of ``names``. Each
    with its actors and targets as written and how it was tied (``linked``: "id" or "name")."""
    r = s.event_role.c
    linked: dict[int, str] = {}
    for batch in _batches(persons):
        for event_id in conn.execute(select(r.event_id).where(r.person_id.in_(batch))).scalars():
            linked[event_id] = "id"
    texts = role_texts_fitting(conn, names)
    for batch in _batches(texts):  # by ix_event_role_text (which roles are tied: in Python,
        # as SQLite would look up "person_id IS NULL", most roles, by its own index instead)
        for row in conn.execute(select(r.event_id, r.person_id, r.org_id).where(
                r.text.in_(batch))):
            if row.person_id is None and row.org_id is None:
                linked.setdefault(row.event_id, "name")
    out = []
    for batch in _batches(linked):
        roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "target": []})
        for row in conn.execute(select(r.event_id, r.role, r.text).where(r.event_id.in_(batch))
                                .order_by(r.event_id, r.position)):
            roles[row.event_id][row.role].append(row.text)
        for ev in conn.execute(select(s.event).where(s.event.c.id.in_(batch))):
            out.append(dict(id=ev.id, type=ev.type, date=ev.date, place=ev.place,
                            actors=roles[ev.id]["actor"], targets=roles[ev.id]["target"],
                            linked=linked[ev.id]))
    return sorted(out, key=lambda ev: ev["id"])


def find_orgs(conn: Connection, name: str) -> list[dict]:
    """Orgs a name stands for: its key, any alias or abbreviation stored, or any name the
    party gazetteer gives the same party; parties first. Each with id, name, kind."""
    keys = party_name_keys(name)
    o, a = s.org.c, s.org_alias.c
    rows = conn.execute(
        select(o.id, o.name, o.kind).where(
            o.key.in_(keys) | (func.lower(o.abbreviation) == name.strip().lower())
            | o.id.in_(select(a.org_id).where(a.key.in_(keys))))
        .order_by(o.kind != "party", o.id)).all()
    return [dict(r._mapping) for r in rows]


def display_names(conn: Connection, person_ids: Collection[int]) -> dict[int, str]:
    """Each person's display name."""
    out = {}
    for batch in _batches(person_ids):
        out.update(conn.execute(select(s.person.c.id, s.person.c.name)
                                .where(s.person.c.id.in_(batch))).all())
    return out
