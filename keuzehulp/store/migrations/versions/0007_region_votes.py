"""workshops.region_key, workshops.municipalities, participants.municipality: a regional workshop (issue 25)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

A workshop tied to a region keeps the region's key in the session store (`region_key`) and the
names of its municipalities (`municipalities`, a JSON list); a participant of such a workshop picks
their municipality when joining (`participants.municipality`), and their votes count for it. All
three are empty (NULL) for a workshop of one municipality, as every workshop before this revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ... ADD COLUMN on both backends: a batch would copy the table on SQLite, and
    # dropping the old `workshops` there would cascade to every vote and participant.
    op.add_column("workshops", sa.Column("region_key", sa.String(64), nullable=True))
    op.add_column("workshops", sa.Column("municipalities", sa.Text, nullable=True))
    op.add_column("participants", sa.Column("municipality", sa.String(100), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later): no copy of the table, so no cascade.
    op.drop_column("participants", "municipality")
    op.drop_column("workshops", "municipalities")
    op.drop_column("workshops", "region_key")
