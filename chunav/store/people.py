"""Person identity: permanent ids that survive merges through redirects."""

from __future__ import annotations

from sqlalchemy import Connection, select

from chunav.errors import NotFound, StoreError
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


def merge_persons(conn: Connection, keep: int, drop: int) -> int:
    """Merge person ``drop`` into ``keep``: candidacies, names, external ids, memberships and
    event roles move over, and ``drop`` becomes a redirect. Returns the surviving id."""
    keep, drop = current_person_id(conn, keep), current_person_id(conn, drop)
    if keep == drop:
        return keep
    have = set(conn.execute(select(s.person_name.c.key)
                            .where(s.person_name.c.person_id == keep)).scalars())
    for row in conn.execute(select(s.person_name).where(s.person_name.c.person_id == drop)).all():
        if row.key not in have:
            conn.execute(s.person_name.insert().values(person_id=keep, name=row.name,
                                                       key=row.key))
    conn.execute(s.person_name.delete().where(s.person_name.c.person_id == drop))
    for table in (s.candidacy, s.person_ref, s.membership, s.event_role):
        conn.execute(table.update().where(table.c.person_id == drop).values(person_id=keep))
    # earlier redirects to the dropped id now point straight at the survivor
    conn.execute(s.person_redirect.update().where(s.person_redirect.c.new_id == drop)
                 .values(new_id=keep))
    conn.execute(s.person_redirect.insert().values(old_id=drop, new_id=keep))
    conn.execute(s.person.delete().where(s.person.c.id == drop))
    return keep
