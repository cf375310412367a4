"""Schema 2: seat aliases and parents, a contest's state, number and counting date, voters,
why a spelling is a person's, partial sources, imported scopes.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, DDL type): the columns schema 2 adds, as the first release's runner added them
COLUMNS = (
    ("constituency", "parent_id", "INTEGER REFERENCES constituency(id)"),
    ("contest", "state_id", "INTEGER REFERENCES state(id)"),
    ("contest", "counting_date", "DATE"),
    ("contest", "seat_no", "INTEGER"),
    ("electorate", "voters", "INTEGER"),
    ("person_name", "how", "TEXT"),
    ("person_name", "source_id", "INTEGER REFERENCES source(id)"),
    ("source", "partial", "INTEGER NOT NULL DEFAULT 0"),
)


def upgrade() -> None:
    """Add schema 2's tables and columns; what was stored before counts as imported whole."""
    op.create_table(
        "constituency_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("constituency_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("how", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["constituency_id"], ["constituency.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("constituency_id", "key"),
    )
    op.create_index("ix_constituency_alias_key", "constituency_alias", ["key"])
    op.create_table(
        "source_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "scope"),
    )
    for table, column, ddl in COLUMNS:  # plain DDL: SQLite adds a column with its reference
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")
    op.drop_index("ix_evidence_fact", table_name="evidence")  # the unique index serves
    op.execute("INSERT INTO source_import (source_id, scope) "
               "SELECT id, '*' FROM source WHERE kind = 'results'")


def downgrade() -> None:
    """Back to schema 1: the tables and columns dropped, the evidence index made again.

    SQLite copies each table to drop a column with a reference, so run this with its foreign
    keys off (a plain engine; :func:`chunav.open_store`'s connections turn them on)."""
    op.create_index("ix_evidence_fact", "evidence", ["fact_type", "fact_id"])
    for table in ("constituency", "contest", "electorate", "person_name", "source"):
        with op.batch_alter_table(table, recreate="auto") as batch:
            for name in (column for owner, column, _ in COLUMNS if owner == table):
                batch.drop_column(name)
    op.drop_table("source_import")
    op.drop_index("ix_constituency_alias_key", table_name="constituency_alias")
    op.drop_table("constituency_alias")
