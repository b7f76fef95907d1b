"""The keuzehulp's store: autosaved sessions (and the live workshop's tables) in one database.

SQLAlchemy 2 with SQLite by default and PostgreSQL when KEUZEHULP_DATABASE_URL is set; the
schema is created and upgraded by the Alembic history in keuzehulp/store/migrations at startup.
No Streamlit here: the app reaches it through ui/session/store.py.

    store = Store.open()                      # engine + migrations (upgrade head)
    key = new_key()                           # issued by the server, never taken from a link
    store.create_session(key, session_json)   # first save: records the key (KeyInUse if taken)
    store.save_session(key, session_json)     # replace; expiry restarts (UnknownSession if none)
    store.save_changes(key, session_json, base=last_json, base_version=n)
                                              # what this tab changed, merged onto what other
                                              # tabs wrote since version n (SaveResult, conflicts);
                                              # n = 0: the first save (KeyInUse if taken); a gone
                                              # session raises UnknownSession
    store.ensure_file()                       # SQLite: reopen a file deleted/replaced under us
    store.load_session(key)                   # SavedSession(data, updated_at, ...) or None
    store.delete_session(key)
    store.purge_expired()                     # rows past KEUZEHULP_RETENTION_DAYS (default 30)

May import: nothing of keuzehulp (it stores JSON text; the wings above give it meaning).
"""

from __future__ import annotations

from .engine import data_dir, database_url, head_revision, make_engine, migrate
from .merge import Conflict
from .sessions import (
    DEFAULT_RETENTION_DAYS,
    ISSUED_KEY_LENGTH,
    KeyInUse,
    SavedSession,
    SaveRace,
    SaveResult,
    SessionKeyError,
    Store,
    UnknownSession,
    new_key,
    retention_days,
    utcnow,
    valid_key,
)

__all__ = [
    "DEFAULT_RETENTION_DAYS", "ISSUED_KEY_LENGTH", "Conflict", "KeyInUse", "SaveRace", "SaveResult", "SavedSession",
    "SessionKeyError", "Store", "UnknownSession", "data_dir", "database_url", "head_revision",
    "make_engine", "migrate", "new_key", "retention_days", "utcnow", "valid_key",
]
