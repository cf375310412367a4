"""Schema migrations with Alembic, run when a store is opened.

The revisions live in ``chunav/store/alembic/versions`` (``0001`` is schema 1, ``0002``
schema 2, ...). Opening a store (:func:`migrate`):

* an empty database gets the current tables from ``schema.py`` and is stamped at the head
  revision (Alembic's recipe for a new database);
* a store made before Alembic (it records only ``schema_version`` in ``chunav_meta``) is stamped
  at the revision of that version, then upgraded;
* any other store is upgraded to the head revision.

All of it runs in the caller's transaction. ``chunav_meta.schema_version`` is kept up to date
too, so an older chunav refuses a newer store (E303) instead of misreading it.

To change the schema: edit ``schema.py``, bump ``SCHEMA_VERSION``, then write the revision
(``python -m chunav.store.migrations revision -m "what changes"`` drafts it by comparing the
models with a store at the head revision; read and finish what it writes).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, create_engine, inspect, select, text

from chunav.errors import StoreError
from chunav.store import schema

if TYPE_CHECKING:  # Alembic loads only when a store is made or upgraded, not on every open
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SCRIPTS = Path(__file__).with_name("alembic")
VERSION_TABLE = "alembic_version"


def revision_of(version: int) -> str:
    """The Alembic revision of schema ``version``: 3 -> ``"0003"``."""
    return f"{version:04d}"


def config(conn: Connection | None = None, url: str | None = None) -> Config:
    """Alembic's configuration, built in code (no alembic.ini): migrations run on ``conn``,
    or on the database at ``url``."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@cache
def scripts() -> ScriptDirectory:
    """The revisions chunav ships."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    """The newest revision (one line of history: one head)."""
    return scripts().get_current_head()


def current_version(conn: Connection) -> int | None:
    """The schema version a store records in ``chunav_meta``, or None for an empty database."""
    if not inspect(conn).has_table(schema.meta.name):
        return None
    value = conn.execute(select(schema.meta.c.value)
                         .where(schema.meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else None


def current_revision(conn: Connection) -> str | None:
    """The Alembic revision a store is at, or None when it has none (new, or pre-Alembic)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def set_version(conn: Connection, version: int) -> None:
    """Record ``version`` in ``chunav_meta`` (what releases before Alembic read)."""
    conn.execute(schema.meta.delete().where(schema.meta.c.key == "schema_version"))
    conn.execute(schema.meta.insert().values(key="schema_version", value=str(version)))


def migrate(conn: Connection) -> list[str]:
    """Create a new store, or adopt and upgrade an old one, to the head revision. Returns the
    revisions applied (the head alone for a new store; none for a store at the head, which
    costs two small queries and never loads Alembic)."""
    revision, version = current_revision(conn), current_version(conn)
    if revision == revision_of(schema.SCHEMA_VERSION) and version == schema.SCHEMA_VERSION:
        return []
    from alembic import command
    from alembic.util import CommandError

    if revision is None and version is None:
        if set(inspect(conn).get_table_names()) - {"alembic_version"}:
            raise StoreError("this database already holds tables that are not a chunav store; "
                             "use another file or --db URL", "E302")
        schema.metadata.create_all(conn)
        command.stamp(config(conn), head_revision())
        set_version(conn, schema.SCHEMA_VERSION)
        return [head_revision()]
    if version is not None and version > schema.SCHEMA_VERSION:
        raise _newer(f"schema version {version}")
    if revision is None:  # made before Alembic: it records its version only in chunav_meta
        if scripts().get_revision(revision_of(version)) is None:
            raise StoreError(f"no migration from schema version {version}", "E304")
        command.stamp(config(conn), revision_of(version))
    elif revision not in {s.revision for s in scripts().walk_revisions()}:
        raise _newer(f"revision {revision}")
    applied: list[str] = []
    cfg = config(conn)
    cfg.attributes["applied"] = applied
    try:
        command.upgrade(cfg, "head")
    except CommandError as err:
        raise StoreError(f"cannot upgrade the store: {err}", "E304") from err
    set_version(conn, schema.SCHEMA_VERSION)
    return [str(step) for step in applied]


def _newer(what: str) -> StoreError:
    return StoreError(f"this store has {what}, newer than this chunav "
                      f"({revision_of(schema.SCHEMA_VERSION)}): upgrade chunav", "E303")


def main(argv: list[str] | None = None) -> None:
    """Developers' entry point: draft a revision by comparing ``schema.py`` with a store."""
    import argparse  # not at the top: every command that opens a store imports this module

    parser = argparse.ArgumentParser(prog="python -m chunav.store.migrations",
                                     description=main.__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    draft = sub.add_parser("revision", help="write versions/NNNN_*.py from the models' changes")
    draft.add_argument("-m", "--message", required=True)
    draft.add_argument("--db", help="a store at the head revision to compare with "
                       "(default: a new in-memory SQLite store built by the revisions)")
    args = parser.parse_args(argv)
    from alembic import command

    url = args.db or "sqlite://"
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = config(conn, url)
        if not args.db:
            command.upgrade(cfg, "head")
        number = int(head_revision()) + 1
        command.revision(cfg, message=args.message, autogenerate=True,
                         rev_id=revision_of(number))
    engine.dispose()


if __name__ == "__main__":
    main()
