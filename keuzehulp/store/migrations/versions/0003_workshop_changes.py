"""workshops.changes and workshops.show_results: live results within half a second, hidden until closed (issue 24)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

`changes` counts every write that alters what the facilitator's results show (a vote, a reset,
closing, the mode): the results page asks for this one number several times a second and reads
the votes only when it moved. `show_results`: the facilitator shows the results while voting is
still open (default no: hidden until the vote closes, so the first votes do not steer the rest).
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
        batch.add_column(sa.Column("changes", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("show_results", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("show_results")
        batch.drop_column("changes")
