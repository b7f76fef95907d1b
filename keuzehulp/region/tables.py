"""The tables of representatives' links (Alembic revision 0006 creates them).

    regions      one row per region whose facilitator handed out links: the hash of the
                 facilitator's secret (the secret itself stays with the facilitator's region,
                 never in a representative's link), the region's name (shown to representatives)
    region_reps  one row per municipality with a link: the hash of the link's secret, the
                 municipality's part of the region (its answers as JSON) and a version raised by
                 every write, so a write lands only on the version its writer saw

Each municipality's part is its own row, so two representatives saving at the same moment
never touch the same row. Times are naive UTC, as in the sessions table. Deleting a region
deletes its links (ON DELETE CASCADE; the repository deletes them explicitly too).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from ..store.tables import metadata  # one metadata for the one Alembic history

regions = Table(
    "regions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("secret_hash", String(64), nullable=False),
    Column("name", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Index("ix_regions_expires_at", "expires_at"),
)

region_reps = Table(
    "region_reps",
    metadata,
    Column("id", String(32), primary_key=True),  # the public half of a link's token
    Column("region_id", String(32), ForeignKey("regions.id", ondelete="CASCADE", name="fk_region_reps_region"),
           nullable=False),
    Column("municipality", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False),  # "" once revoked: no secret matches it
    Column("data", Text, nullable=False),  # the municipality's answers (JSON object)
    Column("version", Integer, nullable=False),
    Column("saved_by", String(12), nullable=False),  # "" (issued), "rep" or "facilitator": who wrote last
    Column("updated_at", DateTime, nullable=False),
    Index("ix_region_reps_region", "region_id"),
)
