"""Alembic's environment for chunav's store.

chunav runs migrations itself when a store is opened (:mod:`chunav.store.migrations`), handing
its open connection in ``config.attributes["connection"]``: no ``alembic.ini`` is needed. A
developer making a revision passes a database URL instead (``sqlalchemy.url``; see
``python -m chunav.store.migrations --help``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from chunav.store import schema


def run_on(connection: Connection) -> None:
    """Run the migrations on ``connection``, inside its transaction when it has one; the
    revisions applied are appended to ``config.attributes["applied"]`` when it is a list."""
    applied = context.config.attributes.get("applied")

    def record(ctx, step, heads, run_args) -> None:  # type: ignore[no-untyped-def]
        if applied is not None and not step.is_stamp and step.is_upgrade:
            applied.append(step.up_revision_id)

    context.configure(connection=connection, target_metadata=schema.metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      on_version_apply=record)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Migrate the connection chunav passed in, else the database ``sqlalchemy.url`` names."""
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=schema.metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            run_on(conn)
    finally:
        engine.dispose()


run()
