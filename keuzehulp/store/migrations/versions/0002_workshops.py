"""workshops, votes, rate_limits: the live workshop (issue 11)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

One vote per (workshop, participant, question): the primary key, so a changed vote overwrites
the old one and a double submission can never count twice. Deleting a workshop deletes its votes
(ON DELETE CASCADE). `rate_limits` holds the flood counters every app server shares.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("element_mode", sa.String(10), nullable=False),
        sa.Column("closed", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("code", name="uq_workshops_code"),
    )
    op.create_index("ix_workshops_expires_at", "workshops", ["expires_at"])
    op.create_table(
        "votes",
        sa.Column("workshop_id", sa.String(32),
                  sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_votes_workshop"),
                  nullable=False),
        sa.Column("participant", sa.String(40), nullable=False),
        sa.Column("question", sa.String(64), nullable=False),
        sa.Column("value", sa.String(400), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("author", sa.String(60), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", "participant", "question", name="pk_votes"),
    )
    op.create_table(
        "rate_limits",
        sa.Column("bucket", sa.String(160), primary_key=True),
        sa.Column("window_start", sa.DateTime, nullable=False),
        sa.Column("hits", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rate_limits")
    op.drop_table("votes")
    op.drop_index("ix_workshops_expires_at", table_name="workshops")
    op.drop_table("workshops")
