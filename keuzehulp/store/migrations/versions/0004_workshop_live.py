"""workshops.show_results, workshops.changes, votes.revision: hidden results and a cheap change check (issue 24)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

`show_results`: the facilitator shows the results while voting is still open (default no: hidden
until the vote closes, so the first votes do not steer the rest). `votes.revision` rises by one
with every change of a vote and `workshops.changes` with every reset: the facilitator's page asks
for their sums several times a second (repo.changes) and reads the votes only when they moved.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("show_results", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("changes", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("votes") as batch:
        batch.add_column(sa.Column("revision", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("votes") as batch:
        batch.drop_column("revision")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("changes")
        batch.drop_column("show_results")
