"""The records careers are worked out from: candidacies an official results file records, and
the general elections each house held in each state (``analyse.careers`` composes them)."""

from __future__ import annotations

from sqlalchemy import Connection, Select, func, select

from chunav.knowledge.normalize import key
from chunav.model import ElectionName
from chunav.store import schema as s
from chunav.store.people import house_name, person_records


def _official() -> Select:
    """Ids of candidacies an official results file records (not only the news)."""
    return (select(s.evidence.c.fact_id).join(s.source, s.source.c.id == s.evidence.c.source_id)
            .where(s.evidence.c.fact_type == "candidacy", s.source.c.kind == "results"))


def career_records(conn: Connection, election: str | None = None,
                   state: str | None = None) -> list[dict]:
    """:func:`chunav.store.people.person_records` of every officially recorded candidacy of
    the persons who stood in ``election`` (a name such as "Lok Sabha 2019") and ``state``
    (each optional: everyone when neither is given), their whole careers included."""
    persons = None
    if election or state:
        c, t = s.candidacy.c, s.contest.c
        q = (select(c.person_id).distinct().join(s.contest, t.id == c.contest_id)
             .where(c.person_id.is_not(None), c.id.in_(_official())))
        if election:
            q = q.join(s.election, s.election.c.id == t.election_id).where(
                s.election.c.name == ElectionName.parse(election).name)
        if state:
            q = (q.join(s.constituency, s.constituency.c.id == t.constituency_id)
                 .join(s.state, s.state.c.id == func.coalesce(t.state_id,
                                                              s.constituency.c.state_id))
                 .where(s.state.c.key == key(state)))
        persons = set(conn.execute(q).scalars())
        if not persons:
            return []
    official = set(conn.execute(_official()).scalars())
    return [r for r in person_records(conn, persons) if r["id"] in official]


def general_elections(conn: Connection) -> list[dict]:
    """Each general election (poll number 0 of a general election) that official results
    record, once per state it was held in: ``{"house", "state", "year"}``, the house named
    as :func:`person_records` names it ("Lok Sabha", "Kerala Assembly")."""
    t, e, k = s.contest.c, s.election.c, s.constituency.c
    rows = conn.execute(
        select(e.house, e.region, e.year, s.state.c.name.label("state")).distinct()
        .select_from(s.candidacy)
        .join(s.contest, t.id == s.candidacy.c.contest_id)
        .join(s.election, e.id == t.election_id)
        .join(s.constituency, k.id == t.constituency_id)
        .outerjoin(s.state, s.state.c.id == func.coalesce(t.state_id, k.state_id))
        .where(e.bye == 0, t.poll_no == 0, s.candidacy.c.id.in_(_official())))
    return [{"house": house_name(r.house, r.region),
             "state": r.state or r.region or "", "year": r.year} for r in rows]
