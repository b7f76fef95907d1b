"""The live workshop's tables (Alembic revisions 0002 and 0004 create them; this names them).

    workshops    one row per workshop: join code, hash of the facilitator's secret, mode, closed
    votes        one row per (workshop, participant, question): a changed vote overwrites it
    rate_limits  hit counters per bucket and time window, so every app server sees the same
                 flood limits (nothing that must be shared lives in a process's memory)
    participants one row per (workshop, participant) who joined (revision 0005): the network
                 they came from (a hash, never the address) and when, for the facilitator's
                 list of participants and so a participant who joined is never refused;
                 in a regional workshop also their municipality (revision 0007)

Times are naive UTC, as in the sessions table. Deleting a workshop deletes its votes (foreign
key ON DELETE CASCADE, and the repository deletes them explicitly too, for SQLite connections
without foreign-key enforcement).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from ..store.tables import metadata  # one metadata for the one Alembic history

workshops = Table(
    "workshops",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("code", String(16), nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("element_mode", String(10), nullable=False),
    Column("closed", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    # Revision 0004: whether the facilitator shows the results while voting is open, and a
    # count of the facilitator's resets (repo.changes).
    Column("show_results", Boolean, nullable=False, server_default=false()),
    Column("changes", Integer, nullable=False, server_default="0"),
    # Revision 0007: a regional workshop's region (its key in the session store) and the names of
    # its municipalities (a JSON list); NULL for a workshop of one municipality.
    Column("region_key", String(64), nullable=True),
    Column("municipalities", Text, nullable=True),
    Index("ix_workshops_expires_at", "expires_at"),
    UniqueConstraint("code", name="uq_workshops_code"),
)

votes = Table(
    "votes",
    metadata,
    Column("workshop_id", String(32), ForeignKey("workshops.id", ondelete="CASCADE", name="fk_votes_workshop"),
           nullable=False),
    Column("participant", String(40), nullable=False),  # hash of the participant's token
    Column("question", String(64), nullable=False),
    Column("value", String(400), nullable=False),
    Column("reason", String(200), nullable=False),
    Column("author", String(60), nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("revision", Integer, nullable=False, server_default="1"),  # +1 on every change (revision 0004)
    PrimaryKeyConstraint("workshop_id", "participant", "question", name="pk_votes"),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("bucket", String(160), primary_key=True),
    Column("window_start", DateTime, nullable=False),
    Column("hits", Integer, nullable=False),
)

participants = Table(
    "participants",
    metadata,
    Column("workshop_id", String(32),
           ForeignKey("workshops.id", ondelete="CASCADE", name="fk_participants_workshop"), nullable=False),
    Column("participant", String(40), nullable=False),  # hash of the participant's token (as in votes)
    Column("network", String(16), nullable=False),  # hash of the network (limits.network_of)
    Column("joined_at", DateTime, nullable=False),
    Column("municipality", String(100), nullable=True),  # regional workshop: theirs (revision 0007)
    PrimaryKeyConstraint("workshop_id", "participant", name="pk_participants"),
)
