"""region_reps: each municipality's representative fills in their own part of a region (issue 25)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

`regions`: one row per region whose facilitator handed out links (the hash of the facilitator's
secret, the region's name). `region_reps`: one row per municipality with a link (the hash of
the link's secret, the municipality's answers as JSON, a version raised by every write).
Deleting a region deletes its links (ON DELETE CASCADE).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "regions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_regions_expires_at", "regions", ["expires_at"])
    op.create_table(
        "region_reps",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("region_id", sa.String(32),
                  sa.ForeignKey("regions.id", ondelete="CASCADE", name="fk_region_reps_region"), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_by", sa.String(12), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_region_reps_region", "region_reps", ["region_id"])


def downgrade() -> None:
    op.drop_index("ix_region_reps_region", table_name="region_reps")
    op.drop_table("region_reps")
    op.drop_index("ix_regions_expires_at", table_name="regions")
    op.drop_table("regions")
