"""The keuzehulp's store: autosaved sessions (and the live workshop's tables) in one database.

SQLAlchemy 2 with SQLite by default and PostgreSQL when KEUZEHULP_DATABASE_URL is set; the
schema is created and upgraded by the Alembic history in keuzehulp/store/migrations at startup.
No Streamlit here: the app reaches it through ui/session/store.py.

    store = Store.open()                      # engine + migrations (upgrade head)
    key = new_key()
    store.save_session(key, session_json)     # insert or replace; expiry restarts
    store.load_session(key)                   # SavedSession(data, updated_at, ...) or None
    store.delete_session(key)
    store.purge_expired()                     # rows past KEUZEHULP_RETENTION_DAYS (default 30)
"""

from __future__ import annotations

from .engine import data_dir, database_url, head_revision, make_engine, migrate
from .sessions import (
    DEFAULT_RETENTION_DAYS,
    SavedSession,
    Store,
    new_key,
    retention_days,
    utcnow,
    valid_key,
)

__all__ = [
    "DEFAULT_RETENTION_DAYS", "SavedSession", "Store", "data_dir", "database_url", "head_revision",
    "make_engine", "migrate", "new_key", "retention_days", "utcnow", "valid_key",
]
