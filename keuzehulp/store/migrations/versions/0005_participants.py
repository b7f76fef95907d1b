"""participants: who joined a live workshop, from which network (issue 22)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

One row per (workshop, participant) who joined: the hash of the participant's token (as in
`votes`), a hash of the network they came from (never the address itself) and the time. A
participant who joined is never refused by the wrong-code limit of their network, and the
facilitator sees the participants per network and can remove doubles. Deleting a workshop
deletes its participants (ON DELETE CASCADE).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "participants",
        sa.Column("workshop_id", sa.String(32),
                  sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_participants_workshop"),
                  nullable=False),
        sa.Column("participant", sa.String(40), nullable=False),
        sa.Column("network", sa.String(16), nullable=False),
        sa.Column("joined_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", "participant", name="pk_participants"),
    )


def downgrade() -> None:
    op.drop_table("participants")
