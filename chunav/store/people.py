"""Person identity: permanent ids that survive merges through redirects."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, func, select

from chunav.errors import NotFound, StoreError
from chunav.knowledge.normalize import key
from chunav.store import schema as s


def current_person_id(conn: Connection, person_id: int) -> int:
    """The id a person has now: follows merge redirects, so an old id keeps working."""
    seen = set()
    while True:
        new = conn.execute(select(s.person_redirect.c.new_id)
                           .where(s.person_redirect.c.old_id == person_id)).scalar()
        if new is None:
            break
        if new in seen:
            raise StoreError(f"person redirects loop at {new}", "E305")
        seen.add(new)
        person_id = new
    if conn.execute(select(s.person.c.id).where(s.person.c.id == person_id)).scalar() is None:
        raise NotFound(f"no person with id {person_id}", "E402")
    return person_id


def current_person_ids(conn: Connection, person_ids: Collection[int]) -> dict[int, int]:
    """:func:`current_person_id` of many ids in a few queries: each id to the id its person has
    now (ids of no person are left out)."""
    r = s.person_redirect.c
    out: dict[int, int] = {}
    todo = {pid: pid for pid in set(person_ids)}  # asked id -> where its redirects have led
    for _ in range(64):  # a redirect chain is a few links long; more is a loop
        if not todo:
            break
        hops: dict[int, int] = {}
        now = sorted(set(todo.values()))
        for batch in (now[i:i + 500] for i in range(0, len(now), 500)):
            hops.update(conn.execute(select(r.old_id, r.new_id).where(r.old_id.in_(batch))).all())
        out.update({asked: at for asked, at in todo.items() if at not in hops})
        todo = {asked: hops[at] for asked, at in todo.items() if at in hops}
    if todo:
        raise StoreError(f"person redirects loop at {next(iter(todo.values()))}", "E305")
    ids = sorted(set(out.values()))
    alive = {pid for batch in (ids[i:i + 500] for i in range(0, len(ids), 500))
             for pid in conn.execute(select(s.person.c.id).where(s.person.c.id.in_(batch)))
             .scalars()}
    return {asked: at for asked, at in out.items() if at in alive}


def merge_persons(conn: Connection, keep: int, drop: int, how: str | None = None) -> int:
    """Merge person ``drop`` into ``keep``: candidacies, names, external ids, memberships and
    event roles move over, and ``drop`` becomes a redirect. ``how`` (why they are one) goes
    before the moved spellings' own reasons. Returns the surviving id."""
    keep, drop = current_person_id(conn, keep), current_person_id(conn, drop)
    if keep == drop:
        return keep
    have = set(conn.execute(select(s.person_name.c.key)
                            .where(s.person_name.c.person_id == keep)).scalars())
    for row in conn.execute(select(s.person_name).where(s.person_name.c.person_id == drop)).all():
        if row.key not in have:
            why = f"{how}; before: {row.how}" if how and row.how else (how or row.how)
            conn.execute(s.person_name.insert().values(person_id=keep, name=row.name,
                                                       key=row.key, how=why,
                                                       source_id=row.source_id))
    conn.execute(s.person_name.delete().where(s.person_name.c.person_id == drop))
    for table in (s.candidacy, s.person_ref, s.membership, s.event_role):
        conn.execute(table.update().where(table.c.person_id == drop).values(person_id=keep))
    # earlier redirects to the dropped id now point straight at the survivor
    conn.execute(s.person_redirect.update().where(s.person_redirect.c.new_id == drop)
                 .values(new_id=keep))
    conn.execute(s.person_redirect.insert().values(old_id=drop, new_id=keep))
    conn.execute(s.person.delete().where(s.person.c.id == drop))
    return keep


def split_person(conn: Connection, person_id: int, candidacies: list[int], how: str) -> int:
    """Give ``candidacies`` (some of a person's) a new person of their own, with their ballot
    spellings; the rest keep ``person_id``, so an id once given never changes meaning."""
    rows = conn.execute(select(s.candidacy.c.ballot_name, s.candidacy.c.name_key)
                        .where(s.candidacy.c.id.in_(candidacies))).all()
    new = conn.execute(s.person.insert().values(name=rows[0].ballot_name)
                       ).inserted_primary_key[0]
    conn.execute(s.candidacy.update().where(s.candidacy.c.id.in_(candidacies),
                                            s.candidacy.c.person_id == person_id)
                 .values(person_id=new))
    for name in {r.name_key: r.ballot_name for r in rows}.values():
        conn.execute(s.person_name.insert().values(person_id=new, name=name, key=key(name),
                                                   how=how))
    return new


def house_name(house: str, region: str | None) -> str:
    """A house as records name it: "Lok Sabha", or the state's: "Kerala Assembly"."""
    return house if house == "Lok Sabha" else f"{region} {house}"


def person_records(conn: Connection, persons: Collection[int] | None = None) -> list[dict]:
    """Every candidacy with a person (of ``persons`` only, when given), as the resolver
    compares them: the ballot name, year, house, state, seat, party, sex, age, contest,
    whether it won, the election's name and the person's external id if any. The keys are
    :class:`chunav.resolve.persons.PersonRecord`'s, plus ``person_id``, ``election``,
    ``poll_no`` (0 for a general election's contest) and ``abbreviation`` (the party's)."""
    c, t, e, k, o, p = (s.candidacy.c, s.contest.c, s.election.c, s.constituency.c, s.org.c,
                        s.person.c)
    state = s.state.alias("contest_state")
    refs = {r.person_id: (r.scheme, r.value) for r in conn.execute(select(
        s.person_ref.c.person_id, s.person_ref.c.scheme, s.person_ref.c.value))}
    # who won each contest: the most votes (an uncontested winner has none)
    votes = (select(s.result.c.candidacy_id, func.max(s.result.c.votes).label("votes"))
             .group_by(s.result.c.candidacy_id).subquery())
    best = (select(c.contest_id, func.max(votes.c.votes).label("top"))
            .join(votes, votes.c.candidacy_id == c.id).group_by(c.contest_id).subquery())
    won = set(conn.execute(select(c.id).join(votes, votes.c.candidacy_id == c.id)
                           .join(best, (best.c.contest_id == c.contest_id)
                                 & (best.c.top == votes.c.votes))).scalars())
    won |= set(conn.execute(select(c.id).where(c.status == "uncontested")).scalars())
    query = (
        select(c.id, c.person_id, c.ballot_name, c.age, c.contest_id, t.poll_no, e.year,
               e.house, e.region, e.name.label("election"), k.name.label("seat"),
               state.c.name.label("state"),
               o.name.label("party"), o.kind.label("party_kind"), o.abbreviation, p.sex)
        .join(s.contest, t.id == c.contest_id).join(s.election, e.id == t.election_id)
        .join(s.constituency, k.id == t.constituency_id)
        .outerjoin(state, state.c.id == func.coalesce(t.state_id, k.state_id))
        .join(s.org, o.id == c.party_id).join(s.person, p.id == c.person_id)
        .where(c.person_id.is_not(None)))
    if persons is not None:
        query = query.where(c.person_id.in_(sorted(persons)))
    rows = conn.execute(query).all()
    return [dict(id=r.id, person_id=r.person_id, name=r.ballot_name, year=r.year,
                 house=house_name(r.house, r.region),
                 state=r.state or r.region or "", constituency=r.seat,
                 party=r.party if r.party_kind == "party" else (
                     "Independent" if r.party_kind == "independent" else None),
                 sex=r.sex, age=r.age, contest=r.contest_id, ref=refs.get(r.person_id),
                 election=r.election, won=r.id in won, poll_no=r.poll_no,
                 abbreviation=r.abbreviation)
            for r in rows]
