"""Store: the schema, SQLite/PostgreSQL access, and the named queries over it."""

from chunav.store.store import SourceInfo, Store, open_store, resolve_url

__all__ = ["SourceInfo", "Store", "open_store", "resolve_url"]
