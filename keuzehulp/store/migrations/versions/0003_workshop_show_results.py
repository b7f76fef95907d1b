"""workshops.show_results: results hidden while voting is open, until the facilitator shows them (issue 24)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

`show_results`: the facilitator shows the results while voting is still open (default no: hidden
until the vote closes, so the first votes do not steer the rest).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("show_results", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("show_results")
