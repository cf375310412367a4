"""Schema versions. A store records its version in ``chunav_meta``; opening an older store runs
the migrations after it, in order, in one transaction (sqlite-utils' pattern).

To change the schema: edit ``schema.py``, bump ``SCHEMA_VERSION``, and add a function here
decorated ``@migration(N)`` that brings a version N-1 store to version N.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from chunav.errors import StoreError
from chunav.store import schema

Migration = Callable[[Connection], None]
MIGRATIONS: dict[int, Migration] = {}


def migration(version: int) -> Callable[[Migration], Migration]:
    """Register the function that upgrades a store to ``version``."""

    def register(fn: Migration) -> Migration:
        MIGRATIONS[version] = fn
        return fn

    return register


def current_version(conn: Connection) -> int | None:
    """The schema version a store records, or None for an empty database."""
    if not inspect(conn).has_table(schema.meta.name):
        return None
    value = conn.execute(select(schema.meta.c.value)
                         .where(schema.meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else None


def set_version(conn: Connection, version: int) -> None:
    conn.execute(schema.meta.delete().where(schema.meta.c.key == "schema_version"))
    conn.execute(schema.meta.insert().values(key="schema_version", value=str(version)))


def migrate(conn: Connection, target: int = schema.SCHEMA_VERSION,
            migrations: dict[int, Migration] | None = None) -> list[int]:
    """Create a new store, or upgrade an old one to ``target``. Returns the versions applied."""
    migrations = MIGRATIONS if migrations is None else migrations
    version = current_version(conn)
    if version is None:
        if inspect(conn).get_table_names():
            raise StoreError("this database already holds tables that are not a chunav store; "
                             "use another file or --db URL", "E302")
        schema.metadata.create_all(conn)
        set_version(conn, target)
        return [target]
    if version > target:
        raise StoreError(f"this store has schema version {version}, newer than this chunav "
                         f"({target}): upgrade chunav", "E303")
    applied = []
    for step in range(version + 1, target + 1):
        if step not in migrations:
            raise StoreError(f"no migration to schema version {step}", "E304")
        migrations[step](conn)
        set_version(conn, step)
        applied.append(step)
    return applied


@migration(2)
def _v2(conn: Connection) -> None:
    """Seat aliases and parents, a contest's state, number and counting date, voters, why a
    spelling is a person's, partial sources, imported scopes."""
    for table in (schema.constituency_alias, schema.source_import):
        table.create(conn, checkfirst=True)
    for ddl in ("ALTER TABLE constituency ADD COLUMN parent_id INTEGER "
                "REFERENCES constituency(id)",
                "ALTER TABLE contest ADD COLUMN state_id INTEGER REFERENCES state(id)",
                "ALTER TABLE contest ADD COLUMN counting_date DATE",
                "ALTER TABLE contest ADD COLUMN seat_no INTEGER",
                "ALTER TABLE electorate ADD COLUMN voters INTEGER",
                "ALTER TABLE person_name ADD COLUMN how TEXT",
                "ALTER TABLE person_name ADD COLUMN source_id INTEGER REFERENCES source(id)",
                "ALTER TABLE source ADD COLUMN partial INTEGER NOT NULL DEFAULT 0"):
        conn.execute(text(ddl))
    conn.execute(text("DROP INDEX IF EXISTS ix_evidence_fact"))  # the unique index serves
    # what was stored before counted as imported whole
    conn.execute(text("INSERT INTO source_import (source_id, scope) "
                      "SELECT id, '*' FROM source WHERE kind = 'results'"))


V3_INDEXES = ("ix_event_order", "ix_event_role_person", "ix_event_role_org",
              "ix_event_role_text")


@migration(3)
def _v3(conn: Connection) -> None:
    """Indexes for the events list: its order (a deep page is an index scan), and event roles
    by person, org and text (events naming someone)."""
    for table in (schema.event, schema.event_role):
        for index in table.indexes:
            if index.name in V3_INDEXES:
                index.create(conn, checkfirst=True)
