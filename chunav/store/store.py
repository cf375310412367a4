"""The Store: one database (a SQLite file by default, PostgreSQL by URL) holding the KB."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, select, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from chunav.errors import StoreError
from chunav.store import schema
from chunav.store.migrations import migrate

DEFAULT_URL = "sqlite:///chunav.db"
WRITE_LOCK = 0x63687576  # the PostgreSQL advisory lock key of a store's writers ("chuv")


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else ``$CHUNAV_DB``, else ``./chunav.db``.
    A plain path means a SQLite file."""
    url = url or os.environ.get("CHUNAV_DB") or DEFAULT_URL
    if re.match(r"^[a-z][a-z0-9+]*://", url):
        return url
    return f"sqlite:///{Path(url)}"


@dataclass(frozen=True)
class SourceInfo:
    """Where facts come from: a results file or an article."""

    kind: str  # results | article
    uri: str
    content_hash: str
    format: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_on: object = None  # datetime.date
    text: str | None = None
    partial: int = 0  # 1 when the source lists only some candidates of a contest


class Store:
    """A chunav knowledge base. Open one with :func:`open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction: committed when the block ends, rolled back on error."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as err:
            raise StoreError(f"database error on {self.url}: {err.orig}", "E301") from err

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction that writes, one at a time across every process writing to this store:
        it holds the store's write lock until it ends (on PostgreSQL a transaction-level
        advisory lock, on SQLite ``BEGIN IMMEDIATE``). What a writer looks up before it adds a
        row (is this person, party, seat, source already stored?) then stays true until it
        commits, so two builds at once never add the same thing twice."""
        with self.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": WRITE_LOCK})
            elif conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            yield conn

    def connect(self) -> Connection:
        return self.engine.connect()

    def source_id(self, conn: Connection, info: SourceInfo) -> tuple[int, bool]:
        """The id of a source (by content hash), adding it if new. Returns (id, is_new)."""
        found = conn.execute(select(schema.source.c.id)
                             .where(schema.source.c.content_hash == info.content_hash)).scalar()
        if found is not None:
            return found, False
        values = {k: v for k, v in info.__dict__.items()}
        values["recorded_at"] = now()
        return conn.execute(schema.source.insert().values(**values)).inserted_primary_key[0], True

    def close(self) -> None:
        self.engine.dispose()


def now() -> datetime:
    """Record time for new rows (UTC, naive, as both backends store it alike)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def open_store(url: str | None = None) -> Store:
    """Open (creating or upgrading as needed) the store at ``url``; see :func:`resolve_url`."""
    url = resolve_url(url)
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as err:
        raise StoreError(f"cannot use database URL {url!r}: {err}", "E300") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine)
    try:
        with store.writing() as conn:  # two processes opening a new store create it once
            migrate(conn)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as err:
        engine.dispose()
        raise StoreError(f"cannot open the store at {store.url}: {err}", "E300") from err
    return store
