"""Schema 3: indexes for the events list: its order (a deep page is an index scan), and
event roles by person, org and text (events naming someone).

Revision ID: 0003
Revises: 0002
Create Date: 2025-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

EVENT_ROLE_INDEXES = {"ix_event_role_person": "person_id", "ix_event_role_org": "org_id",
                      "ix_event_role_text": "text"}


def upgrade() -> None:
    """Create the events list's indexes (undated events last, then by date and id)."""
    op.create_index("ix_event_order", "event", [sa.column("date").is_(None), "date", "id"])
    for name, column in EVENT_ROLE_INDEXES.items():
        op.create_index(name, "event_role", [column])


def downgrade() -> None:
    """Drop them."""
    for name in EVENT_ROLE_INDEXES:
        op.drop_index(name, table_name="event_role")
    op.drop_index("ix_event_order", table_name="event")
