"""Who is who: find a person by any spelling, and say why two names are (or are not) one
person, from the reasons stored with each spelling."""

from __future__ import annotations

from sqlalchemy import Connection, select

from chunav.errors import NotFound
from chunav.knowledge.normalize import HONORIFICS, key
from chunav.resolve.names import DIFFERENT, canonical_name, compare_names, names_agree
from chunav.store import schema as s
from chunav.store.people import current_person_id, current_person_ids, person_records


def find_persons(conn: Connection, name: str) -> list[int]:
    """Persons one of whose spellings agrees with ``name`` (the same name, a close spelling,
    initials, or its words within theirs), the closest first."""
    words = [w for w in key(name).split() if w not in HONORIFICS and len(w) > 1]
    if not words:
        return []
    n = s.person_name.c
    exact = list(dict.fromkeys(conn.execute(select(n.person_id).where(n.key == key(name))
                                            .order_by(n.person_id)).scalars()))
    longest = max(words, key=len)
    mine = canonical_name(name)
    scored = []
    for row in conn.execute(select(n.person_id, n.name).where(n.key.like(f"%{longest}%"))):
        level, similarity, _ = compare_names(mine, canonical_name(row.name))
        if level != DIFFERENT:
            scored.append((level, -similarity, row.person_id))
    order = {"exact": 0, "close": 1, "initials": 2, "subset": 3}
    scored.sort(key=lambda x: (order[x[0]], x[1], x[2]))
    found = exact + [pid for *_, pid in scored]
    now = current_person_ids(conn, found)
    return list(dict.fromkeys(now[pid] for pid in found if pid in now))


def person_card(conn: Connection, person_id: int) -> dict:
    """A person's spellings (each with why it is theirs and where it was read) and records.
    An id merged into another person's gives the survivor's card; an unknown id raises
    NotFound."""
    person_id = current_person_id(conn, person_id)
    n, src = s.person_name.c, s.source.c
    names = [dict(name=r.name, how=r.how, source=r.uri) for r in conn.execute(
        select(n.name, n.how, src.uri).outerjoin(s.source, src.id == n.source_id)
        .where(n.person_id == person_id).order_by(n.id))]
    c, t, e, k = s.candidacy.c, s.contest.c, s.election.c, s.constituency.c
    records = [dict(election=r.election, constituency=r.seat, ballot_name=r.ballot_name)
               for r in conn.execute(
                   select(e.name.label("election"), k.name.label("seat"), c.ballot_name)
                   .join(s.contest, t.id == c.contest_id).join(s.election, e.id == t.election_id)
                   .join(s.constituency, k.id == t.constituency_id)
                   .where(c.person_id == person_id).order_by(e.year, e.name))]
    display = conn.execute(select(s.person.c.name).where(s.person.c.id == person_id)).scalar()
    return {"id": person_id, "name": display, "names": names, "records": records}


def why_same(conn: Connection, a: str, b: str) -> dict:
    """Are the people ``a`` and ``b`` name one person? The answer with its reasons: each
    spelling's stored reason when they are one; otherwise the resolver's comparison of their
    nearest records, level by level. Raises NotFound when a name fits nobody."""
    found = {}
    for name in (a, b):
        found[name] = find_persons(conn, name)
        if not found[name]:
            raise NotFound(f"no person is known by a name like {name!r}", "E404")
    common = [pid for pid in found[a] if pid in found[b]]
    if common:
        card = person_card(conn, common[0])
        shown = [x for x in card["names"] if names_agree(x["name"], a) or names_agree(x["name"], b)]
        return {"same": True, "person": card, "because": shown}
    from chunav.resolve.persons import PersonRecord, explain

    pa, pb = found[a][0], found[b][0]
    first: dict[int, dict] = {}
    for r in person_records(conn, (pa, pb)):
        first.setdefault(r["person_id"], r)
    out = {"same": False, "persons": [person_card(conn, pa), person_card(conn, pb)]}
    if len(first) == 2:
        why = explain(PersonRecord.of(first[pa]), PersonRecord.of(first[pb]))
        out["because"] = why.reason
        out["levels"] = why.levels
    else:
        out["because"] = "no record of an election links them (one is known from the news only)"
    return out
