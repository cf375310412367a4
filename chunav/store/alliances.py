"""Read queries behind rebels and precedents: candidacies of whole elections with their
counts, the news facts about parties, alliances and seat deals, and a seat's identity.

The tables the news fills (membership, alliance_membership, seat_allocation, events) are small
beside the results, so they are read whole; the results side is read per election.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, and_, exists, func, select

from chunav.knowledge.normalize import key
from chunav.model import ElectionName
from chunav.store import schema as s

BATCH = 500


def _batches(ids: Iterable[int]) -> Iterable[list[int]]:
    unique = sorted(set(ids))
    for i in range(0, len(unique), BATCH):
        yield unique[i:i + BATCH]


def elections(conn: Connection, name: str | None = None, house: str | None = None,
              region: str | None = None, general: bool | None = None) -> list[dict]:
    """Elections (id, name, house, region, year, bye, contests), oldest first: the one named,
    or those of a house (and region); ``general`` keeps only (True) or drops (False)
    by-elections."""
    e = s.election.c
    q = (select(e.id, e.name, e.house, e.region, e.year, e.bye,
                func.count(s.contest.c.id).label("contests"))
         .outerjoin(s.contest, s.contest.c.election_id == e.id)
         .group_by(e.id, e.name, e.house, e.region, e.year, e.bye).order_by(e.year, e.name))
    if name:
        q = q.where(e.name == ElectionName.parse(name).name)
    if house:
        q = q.where(e.house == house)
    if region is not None:
        q = q.where(func.lower(e.region) == region.lower())
    if general is not None:
        q = q.where(e.bye == (0 if general else 1))
    return [dict(r._mapping) for r in conn.execute(q)]


def candidacy_lines(conn: Connection, election_ids: Iterable[int]) -> list[dict]:
    """Every candidacy of these elections with its contest, seat, the seat's state at that
    election, party and count (the one an official results file gives where sources differ,
    else the first stored): the rows rebels and precedents rank."""
    c, t, r, o = s.candidacy.c, s.contest.c, s.result.c, s.org.c
    official = exists().where(
        s.evidence.c.fact_type == "result", s.evidence.c.fact_id == r.id,
        s.evidence.c.source_id == s.source.c.id, s.source.c.kind == "results")
    out: dict[int, dict] = {}
    for batch in _batches(election_ids):
        q = (select(t.election_id, c.contest_id, t.constituency_id,
                    s.constituency.c.name.label("constituency"), s.state.c.name.label("state"),
                    c.id.label("candidacy_id"), c.person_id, c.ballot_name, c.status,
                    o.name.label("party"), o.kind.label("party_kind"),
                    r.id.label("result_id"), r.votes, official.label("official"))
             .join(s.contest, t.id == c.contest_id)
             .join(s.constituency, s.constituency.c.id == t.constituency_id)
             .outerjoin(s.state, func.coalesce(t.state_id, s.constituency.c.state_id)
                        == s.state.c.id)
             .join(s.org, o.id == c.party_id)
             .outerjoin(s.result, r.candidacy_id == c.id)
             .where(t.election_id.in_(batch))
             .order_by(c.id, r.id))
        for row in conn.execute(q):
            have = out.get(row.candidacy_id)
            if have is None or (row.official and not have["official"]):
                out[row.candidacy_id] = dict(row._mapping)
    return list(out.values())


def seat_keys(conn: Connection, constituency_ids: Iterable[int]) -> dict[int, set[str]]:
    """Every name key each constituency goes by (its own and its aliases')."""
    out: dict[int, set[str]] = defaultdict(set)
    k, a = s.constituency.c, s.constituency_alias.c
    for batch in _batches(constituency_ids):
        for row in conn.execute(select(k.id, k.key).where(k.id.in_(batch))):
            out[row.id].add(row.key)
        for row in conn.execute(select(a.constituency_id, a.key)
                                .where(a.constituency_id.in_(batch))):
            out[row.constituency_id].add(row.key)
    return dict(out)


def same_seat(conn: Connection, constituency_id: int) -> list[dict]:
    """The constituencies of one house that share a name or alias with this one (the seat
    under its other spellings and states), each with its id and state."""
    k, a = s.constituency.c, s.constituency_alias.c
    keys = sorted(seat_keys(conn, [constituency_id]).get(constituency_id, set()))
    house = select(k.house).where(k.id == constituency_id).scalar_subquery()
    q = (select(k.id, k.name, s.state.c.name.label("state"))
         .outerjoin(s.state, s.state.c.id == k.state_id)
         .where(k.house == house, k.key.in_(keys) | k.id.in_(
             select(a.constituency_id).where(a.key.in_(keys)))))
    return [dict(r._mapping) for r in conn.execute(q)]


def seat_contests(conn: Connection, constituency_ids: Iterable[int]) -> list[dict]:
    """The general-election contests of these constituencies (election id, contest id)."""
    t = s.contest.c
    return [dict(r._mapping) for r in conn.execute(
        select(t.election_id, t.id.label("contest_id"), t.constituency_id)
        .where(t.constituency_id.in_(sorted(set(constituency_ids))), t.poll_no == 0))]


def memberships(conn: Connection) -> list[dict]:
    """Every party membership the news states (unit memberships count for the unit's party):
    person, party, status, role and the dates known for it (its own, its evidence's, its
    article's)."""
    m, o, e, src = s.membership.c, s.org.c, s.evidence.c, s.source.c
    parent = s.org.alias("parent")
    rows = conn.execute(
        select(m.id, m.person_id, m.status, m.role, m.start_date,
               func.coalesce(parent.c.name, o.name).label("party"),
               func.min(e.valid_from).label("stated"),
               func.min(src.published_on).label("published"))
        .join(s.org, o.id == m.org_id)
        .outerjoin(parent, and_(o.kind == "unit", parent.c.id == o.parent_id))
        .join(s.evidence, and_(e.fact_type == "membership", e.fact_id == m.id))
        .join(s.source, src.id == e.source_id)
        .where(o.kind.in_(["party", "unit"]))
        .group_by(m.id, m.person_id, m.status, m.role, m.start_date, parent.c.name, o.name)
        .order_by(m.id))
    return [dict(r._mapping) for r in rows]


def spelling_links(conn: Connection, person_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Other persons one article names by a spelling it also gives one of these persons (the
    news named someone before linking the same name to a candidate): for each person, the
    other person's id, the spelling and the article."""
    n = s.person_name.c
    other = s.person_name.alias("other")
    out: dict[int, list[dict]] = defaultdict(list)
    for batch in _batches(person_ids):
        for row in conn.execute(
                select(n.person_id, other.c.person_id.label("other"), other.c.name,
                       s.source.c.uri)
                .join(other, and_(other.c.key == n.key, other.c.source_id == n.source_id,
                                  other.c.person_id != n.person_id))
                .join(s.source, s.source.c.id == n.source_id)
                .where(n.person_id.in_(batch), s.source.c.kind == "article")):
            out[row.person_id].append({"person_id": row.other, "name": row.name,
                                       "source": row.uri})
    return dict(out)


def earlier_candidacies(conn: Connection, person_ids: Iterable[int], house: str,
                        region: str | None, before: int) -> list[dict]:
    """These persons' candidacies at general elections of one house (and region) before a
    year, newest first: election, year, seat, party and the count's result id."""
    c, t, e, o = s.candidacy.c, s.contest.c, s.election.c, s.org.c
    out = []
    for batch in _batches(person_ids):
        q = (select(c.person_id, c.id.label("candidacy_id"), e.name.label("election"), e.year,
                    s.constituency.c.name.label("constituency"), o.name.label("party"),
                    o.kind.label("party_kind"), func.min(s.result.c.id).label("result_id"))
             .join(s.contest, t.id == c.contest_id).join(s.election, e.id == t.election_id)
             .join(s.constituency, s.constituency.c.id == t.constituency_id)
             .join(s.org, o.id == c.party_id)
             .outerjoin(s.result, s.result.c.candidacy_id == c.id)
             .where(c.person_id.in_(batch), e.house == house, e.bye == 0, e.year < before,
                    t.poll_no == 0)
             .group_by(c.person_id, c.id, e.name, e.year, s.constituency.c.name, o.name,
                       o.kind)
             .order_by(e.year.desc()))
        if region is not None:
            q = q.where(func.lower(e.region) == region.lower())
        out.extend(dict(r._mapping) for r in conn.execute(q))
    return sorted(out, key=lambda r: -r["year"])


def alliance_facts(conn: Connection) -> list[dict]:
    """Every alliance membership the news states: party (or independent person), alliance,
    status, and the dates known for it."""
    a, e, src = s.alliance_membership.c, s.evidence.c, s.source.c
    party, alliance = s.org.alias("party"), s.org.alias("alliance")
    rows = conn.execute(
        select(a.id, party.c.name.label("party"), alliance.c.name.label("alliance"), a.status,
               a.start_date, a.election_id, func.min(e.valid_from).label("stated"),
               func.min(src.published_on).label("published"))
        .join(alliance, alliance.c.id == a.alliance_id)
        .outerjoin(party, party.c.id == a.org_id)
        .join(s.evidence, and_(e.fact_type == "alliance_membership", e.fact_id == a.id))
        .join(s.source, src.id == e.source_id)
        .where(a.org_id.is_not(None))
        .group_by(a.id, party.c.name, alliance.c.name, a.status, a.start_date, a.election_id)
        .order_by(a.id))
    return [dict(r._mapping) for r in rows]


def seat_deals(conn: Connection) -> list[dict]:
    """Seat-sharing the news states: seat_allocation rows (fact "seat_allocation") and
    ALLOCATE_SEAT events (fact "event": the parties to the deal and the seat; the party that
    got it where the row says). Each with the seat's name keys and the dates known for it."""
    out = []
    sa, k = s.seat_allocation.c, s.constituency.c
    party, alliance = s.org.alias("party"), s.org.alias("alliance")
    for row in conn.execute(
            select(sa.id, sa.election_id, k.key, party.c.name.label("party"),
                   alliance.c.name.label("alliance"))
            .join(s.constituency, k.id == sa.constituency_id)
            .join(party, party.c.id == sa.party_id)
            .outerjoin(alliance, alliance.c.id == sa.alliance_id).order_by(sa.id)):
        out.append({"fact": "seat_allocation", "id": row.id, "election_id": row.election_id,
                    "seat": row.key, "party": row.party, "parties": [row.party],
                    "alliance": row.alliance, "stated": None, "published": None})
    ev, role, e, src = s.event.c, s.event_role.c, s.evidence.c, s.source.c
    events = conn.execute(
        select(ev.id, ev.date, func.min(src.published_on).label("published"))
        .join(s.evidence, and_(e.fact_type == "event", e.fact_id == ev.id))
        .join(s.source, src.id == e.source_id)
        .where(ev.type == "ALLOCATE_SEAT").group_by(ev.id, ev.date).order_by(ev.id)).all()
    roles: dict[int, list] = defaultdict(list)
    for batch in _batches(x.id for x in events):
        for r in conn.execute(select(role.event_id, role.role, role.text,
                                     s.org.c.name.label("org"))
                              .outerjoin(s.org, s.org.c.id == role.org_id)
                              .where(role.event_id.in_(batch)).order_by(role.position)):
            roles[r.event_id].append(r)
    for x in events:
        parties = [r.org or r.text for r in roles[x.id] if r.role == "actor"]
        for target in (r for r in roles[x.id] if r.role == "target"):
            out.append({"fact": "event", "id": x.id, "election_id": None,
                        "seat": key(target.text), "party": None, "parties": parties,
                        "alliance": None, "stated": x.date, "published": x.published})
    return out


def backers(conn: Connection, candidacy_ids: Iterable[int]) -> dict[int, list[str]]:
    """The parties and alliances the news says back each candidacy."""
    b, o = s.candidacy_backer.c, s.org.c
    out: dict[int, list[str]] = defaultdict(list)
    for batch in _batches(candidacy_ids):
        for row in conn.execute(select(b.candidacy_id, o.name).join(s.org, o.id == b.org_id)
                                .where(b.candidacy_id.in_(batch),
                                       o.kind.in_(["party", "alliance", "unit"]))
                                .order_by(b.id)):
            out[row.candidacy_id].append(row.name)
    return dict(out)


def election_states(conn: Connection, election_ids: Iterable[int]) -> dict[int, set[str]]:
    """The states each election has contests in (a seat's state at that election)."""
    t = s.contest.c
    out: dict[int, set[str]] = defaultdict(set)
    for batch in _batches(election_ids):
        for row in conn.execute(
                select(t.election_id, s.state.c.name).distinct()
                .join(s.constituency, s.constituency.c.id == t.constituency_id)
                .join(s.state, func.coalesce(t.state_id, s.constituency.c.state_id)
                      == s.state.c.id)
                .where(t.election_id.in_(batch))):
            out[row.election_id].add(row.name)
    return dict(out)
