from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings
from sqlalchemy import create_engine, text

from chunav import open_store
from chunav.store import Store, schema

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data() -> Path:
    """Folder of the hand-written test files."""
    return DATA


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


# the suite's property tests try the same inputs on every run (CI must not turn red by luck);
# `benchmarks/fuzz.py` and `--hypothesis-profile explore` go looking for new ones
settings.register_profile("suite", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile("suite")

POSTGRES = os.environ.get("CHUNAV_TEST_POSTGRES")  # a database URL; .ci/run starts one


def empty_postgres(url: str) -> None:
    """Drop every table a store holds, Alembic's version table too, from the database ``url``."""
    engine = create_engine(url)
    schema.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, db_path: Path) -> Store:
    """A fresh store on every backend: a real SQLite file, and a real PostgreSQL database when
    $CHUNAV_TEST_POSTGRES names one (CI always does)."""
    if request.param == "sqlite":
        s = open_store(str(db_path))
    else:
        if not POSTGRES:
            pytest.skip("no PostgreSQL server: set CHUNAV_TEST_POSTGRES to a database URL")
        empty_postgres(POSTGRES)  # every test starts from an empty database
        s = open_store(POSTGRES)
    yield s
    s.close()


@pytest.fixture
def runner(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner whose store is the test's SQLite file (through $CHUNAV_DB)."""
    monkeypatch.setenv("CHUNAV_DB", str(db_path))
    monkeypatch.setenv("COLUMNS", "200")  # rich tables stay on one line per row
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path):
    """Write a text file into the test's folder and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def extractor():
    """The extraction pipeline, loaded once for the session."""
    from chunav.extract import Extractor

    return Extractor()


@pytest.fixture
def article():
    """Make an in-memory Article from text (and an optional publication date)."""
    from datetime import date

    from chunav.ingest.articles import Article

    def _article(text: str, published: str | None = "2024-06-05") -> Article:
        return Article("test", "test.txt", text,
                       published=date.fromisoformat(published) if published else None)

    return _article


@pytest.fixture
def rebels_built(store, data, extractor):
    """A store with the rebels test results (Jammu & Kashmir seats Tulail and Machil, 2004 to
    2024, and Kaza in Himachal) and the news report of the Tulail 2024 result."""
    from chunav import import_results
    from chunav.build import ingest_articles, link_people

    import_results(store, data / "rebels" / "results.csv")
    link_people(store)  # one person across elections: the ballot's evidence of a tie
    report = ingest_articles(store, [data / "rebels" / "tulail-2024.txt"], extractor)
    assert not report.errors and report.new == 1
    return store
