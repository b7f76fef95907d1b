"""The store's tables, as SQLAlchemy Core metadata (the migrations create them; this names them).

Revision 0001 creates `sessions` (0003 adds its `version`); the live-workshop tables come in later revisions of the same
Alembic history (keuzehulp/store/migrations/versions). Times are naive UTC in both backends.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

KEY_LENGTH = 64

sessions = Table(
    "sessions",
    metadata,
    Column("key", String(KEY_LENGTH), primary_key=True),  # unguessable token carried in the address
    Column("data", Text, nullable=False),  # the Session as JSON (what 'Sessie opslaan' downloads)
    Column("updated_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    # Revision 0003: raised by every write, so a tab saves against the version it saw (merge.py).
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_sessions_expires_at", "expires_at"),
)
