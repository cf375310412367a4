from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from chunav import StoreError, open_store
from chunav.errors import IngestError
from chunav.model import ElectionName
from chunav.store import schema
from chunav.store.migrations import (
    config,
    current_revision,
    current_version,
    head_revision,
    revision_of,
    set_version,
)


@pytest.mark.parametrize(("text", "name", "house", "bye", "region"), [
    ("Lok Sabha 2024", "Lok Sabha 2024", "Lok Sabha", False, None),
    ("lok sabha 2024", "Lok Sabha 2024", "Lok Sabha", False, None),
    ("Lok Sabha bypoll 2021", "Lok Sabha bypoll 2021", "Lok Sabha", True, None),
    ("Lok Sabha 2012 by-election", "Lok Sabha bypoll 2012", "Lok Sabha", True, None),
    ("Lok Sabha 2006", "Lok Sabha bypoll 2006", "Lok Sabha", True, None),  # no general poll
    ("Lok Sabha 1985", "Lok Sabha 1985", "Lok Sabha", False, None),  # Assam's delayed poll
    ("Kerala Assembly 2021", "Kerala Assembly 2021", "Assembly", False, "Kerala"),
    ("Bihar Vidhan Sabha 2020", "Bihar Assembly 2020", "Assembly", False, "Bihar"),
    ("Leh Hill Council 2020", "Leh Council 2020", "Council", False, "Leh"),
])
def test_election_names_parse_to_one_canonical_form(text, name, house, bye, region):
    parsed = ElectionName.parse(text)
    assert (parsed.name, parsed.house, parsed.bye, parsed.region) == (name, house, bye, region)
    assert ElectionName.parse(parsed.name) == parsed


@pytest.mark.parametrize("text", ["Lok Sabha", "2024", "Parliament 2024"])
def test_election_names_without_year_or_house_are_refused(text):
    with pytest.raises(IngestError, match=r"\[E110\]"):
        ElectionName.parse(text)


def test_schema_compiles_for_postgresql():
    """Nothing SQLite-only: every table and index has PostgreSQL DDL."""
    dialect = postgresql.dialect()
    for table in schema.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=dialect))
        for index in table.indexes:
            assert "CREATE INDEX" in str(CreateIndex(index).compile(dialect=dialect))


def test_new_store_records_schema_version(store):
    with store.connect() as conn:
        assert current_version(conn) == schema.SCHEMA_VERSION
        assert current_revision(conn) == revision_of(schema.SCHEMA_VERSION) == head_revision()


def test_revisions_are_one_line_from_schema_1_to_the_current_version():
    """Revision N brings schema N-1 to N: one line of history, no branches."""
    from chunav.store.migrations import scripts

    line = [s.revision for s in scripts().walk_revisions()][::-1]
    assert line == [revision_of(n) for n in range(1, schema.SCHEMA_VERSION + 1)]
    assert scripts().get_heads() == [head_revision()]


def test_reopening_a_store_keeps_its_data(store, data):
    from chunav import import_results

    import_results(store, data / "generic.csv")
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    again = open_store(url)
    with again.connect() as conn:
        assert conn.execute(text("select count(*) from candidacy")).scalar() == 6
    again.close()


@pytest.mark.parametrize("newer", ["schema_version", "alembic_version"])
def test_store_from_a_newer_chunav_is_refused(tmp_path, newer):
    """Newer by the version it records for releases before Alembic, or by a revision this
    chunav does not ship."""
    open_store(str(tmp_path / "new.db")).close()
    engine = create_engine(f"sqlite:///{tmp_path / 'new.db'}")
    with engine.begin() as conn:
        if newer == "schema_version":
            set_version(conn, schema.SCHEMA_VERSION + 1)
        else:
            conn.execute(text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"\[E303\].*newer"):
        open_store(str(tmp_path / "new.db"))


def test_a_database_that_is_not_a_store_is_refused(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with engine.begin() as conn:
        conn.execute(text("create table customers (id int)"))
    with pytest.raises(StoreError, match=r"\[E302\]"):
        open_store(str(tmp_path / "other.db"))


def test_unusable_database_url_is_a_clear_error():
    with pytest.raises(StoreError, match=r"\[E300\]"):
        open_store("nosuchdriver://x/y")


def test_merged_person_ids_keep_working_through_redirects(store, data):
    from chunav import import_results
    from chunav.errors import NotFound
    from chunav.store.people import current_person_id, merge_persons

    import_results(store, data / "generic.csv")
    with store.begin() as conn:
        ids = conn.execute(text("select id from person order by id")).scalars().all()
        a, b, c = ids[:3]
        assert merge_persons(conn, a, b) == a
        assert merge_persons(conn, c, a) == c  # merging again: b -> a -> c collapses to b -> c
        assert current_person_id(conn, b) == c and current_person_id(conn, a) == c
        names = conn.execute(text(f"select count(*) from person_name where person_id = {c}"))
        assert names.scalar() == 3
        people = conn.execute(text(f"select count(*) from candidacy where person_id = {c}"))
        assert people.scalar() == 3
        assert conn.execute(text("select count(*) from person_redirect")).scalar() == 2
    with store.connect() as conn, pytest.raises(NotFound):
        current_person_id(conn, 999)


def test_a_version_1_store_upgrades_in_place(tmp_path, data):
    """A store written by the previous release (kept as a fixture) opens, is upgraded to the
    current schema, keeps every row, and importing its file again adds nothing."""
    import shutil

    from chunav import import_results

    path = tmp_path / "v1.db"
    shutil.copy(data / "stores" / "v1.db", path)
    store = open_store(str(path))
    with store.connect() as conn:
        assert current_version(conn) == schema.SCHEMA_VERSION
        assert conn.execute(text("select count(*) from candidacy")).scalar() == 6
        assert conn.execute(text("select count(*) from source_import")).scalar() == 1
        assert conn.execute(text("select count(*) from contest where state_id is null")
                            ).scalar() == 2
        assert {"ix_event_order", "ix_event_role_person"} <= _index_names(conn)
    again = import_results(store, data / "generic.csv")
    assert again.added.candidacies == 0 and again.added.evidence == 0
    store.close()


def _index_names(conn) -> set[str]:
    if conn.dialect.name == "sqlite":
        return set(conn.execute(text("select name from sqlite_master where type = 'index'"))
                   .scalars())
    return set(conn.execute(text("select indexname from pg_indexes")).scalars())


V3_INDEXES = {"ix_event_order", "ix_event_role_person", "ix_event_role_org",
              "ix_event_role_text"}


def _as_previous_release(conn, version: int) -> None:
    """Make the store on ``conn`` what the release before Alembic left at schema ``version``:
    Alembic takes it down to that revision, then its own table goes."""
    command.downgrade(config(conn), revision_of(version))
    conn.execute(text("DROP TABLE alembic_version"))
    set_version(conn, version)


# SQLite cannot reflect the expression index on events, so autogenerate skips it (and says so)
SKIPS_EXPRESSION_INDEX = pytest.mark.filterwarnings("ignore:.*expression-based index")


@SKIPS_EXPRESSION_INDEX
def test_a_version_2_store_gains_the_event_indexes_in_place(store, data, extractor):
    """Schema 3 adds the events list's indexes: a version 2 store made by the release before
    Alembic (this one, taken down to schema 2) is adopted and upgraded when opened, on every
    backend, and answers as before."""
    from chunav import import_results
    from chunav.build import ingest_articles
    from chunav.store.queries import events_page

    assert import_results(store, data / "rebels" / "results.csv").ok
    assert ingest_articles(store, [data / "rebels" / "tulail-2024.txt"], extractor).new == 1
    with store.begin() as conn:
        before = events_page(conn, person="Wani"), events_page(conn, limit=2, offset=1)
        _as_previous_release(conn, 2)
        assert not V3_INDEXES & _index_names(conn)
        assert current_revision(conn) is None and current_version(conn) == 2
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    again = open_store(url)
    with again.connect() as conn:
        assert current_version(conn) == 3 == schema.SCHEMA_VERSION
        assert current_revision(conn) == "0003"
        assert V3_INDEXES <= _index_names(conn)
        after = events_page(conn, person="Wani"), events_page(conn, limit=2, offset=1)
        assert _differences(conn) == []
    again.close()
    assert after == before and before[0][1] >= 1


def _differences(conn) -> list:
    """What Alembic's autogenerate finds between ``schema.py`` and the store on ``conn``."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    return compare_metadata(MigrationContext.configure(conn), schema.metadata)


@SKIPS_EXPRESSION_INDEX
def test_the_current_version_fixture_upgrades_in_place(tmp_path, data):
    """``stores/v3.db`` was made by the last release before Alembic (schema 3, recorded only
    in chunav_meta): opened, it is stamped and brought to the head revision, keeps every row,
    and matches the models."""
    import shutil

    from chunav import import_results

    path = tmp_path / "v3.db"
    shutil.copy(data / "stores" / "v3.db", path)
    store = open_store(str(path))
    with store.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert current_version(conn) == schema.SCHEMA_VERSION
        counts = {t: conn.execute(text(f"select count(*) from {t}")).scalar()
                  for t in ("candidacy", "event", "evidence", "source_import")}
        assert counts == {"candidacy": 19, "event": 4, "evidence": 52, "source_import": 1}
        assert _differences(conn) == []
    again = import_results(store, data / "rebels" / "results.csv")
    assert again.added.candidacies == 0 and again.added.evidence == 0
    store.close()


@SKIPS_EXPRESSION_INDEX
def test_the_revisions_build_what_the_models_describe(store, data):
    """Down to schema 1 and up again through every revision, with data in the store: Alembic's
    autogenerate sees no difference from the models, on every backend, and no row is lost."""
    from chunav import import_results

    import_results(store, data / "generic.csv")
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    engine = create_engine(url)  # SQLite's foreign keys off, as its downgrade needs
    with engine.begin() as conn:
        command.downgrade(config(conn), "0001")
        assert current_revision(conn) == "0001"
    engine.dispose()
    again = open_store(url)
    with again.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert _differences(conn) == []
        assert conn.execute(text("select count(*) from candidacy")).scalar() == 6
    again.close()
