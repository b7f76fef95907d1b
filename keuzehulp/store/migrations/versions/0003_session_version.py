"""sessions.version: a number raised by every write (optimistic concurrency between tabs)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

A tab saves only the fields it changed, against the version it last saw; when another tab wrote
in between, the store merges field by field (keuzehulp/store/merge.py). Rows saved before this
revision start at version 1.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("version")
