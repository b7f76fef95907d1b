"""The repository: autosaved sessions by key, with expiry. No Streamlit here.

A key is an unguessable token (secrets.token_urlsafe(24): 192 random bits, 32 characters) that
the app carries in the address; whoever has the address has the session, like a shared document
link. Keys are issued by the server only: new_key() makes one, create_session() records it with
the session's first save (and refuses a key that is already in use), and save_session() only
replaces a session that exists. So a key that a link made up (session fixation) never holds
anything: the app opens a key only when load_session() finds a session under it. The data is the
Session as JSON text; this module does not parse it (the app does, with Dutch messages).
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError

from .engine import make_engine, migrate
from .tables import KEY_LENGTH, sessions

LOG = logging.getLogger(__name__)

RETENTION_ENV = "KEUZEHULP_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
MAX_DATA_CHARS = 1024 * 1024  # a session is a few kB; the schema's own limits keep it far below
ISSUED_KEY_LENGTH = 32  # what new_key() makes; the column (KEY_LENGTH) is wider
assert ISSUED_KEY_LENGTH <= KEY_LENGTH  # noqa: S101
_KEY = re.compile(rf"[A-Za-z0-9_-]{{{ISSUED_KEY_LENGTH}}}")


class SessionKeyError(ValueError):
    """A session key that cannot be written under (see UnknownSession and KeyInUse)."""


class UnknownSession(SessionKeyError):
    """save_session: no session under this key (never issued, deleted, or purged after expiry)."""


class KeyInUse(SessionKeyError):
    """create_session: a session under this key exists already; it is never taken over."""


def new_key() -> str:
    """A fresh session key (32 URL-safe characters); create_session() records it."""
    return secrets.token_urlsafe(24)


def valid_key(key: object) -> bool:
    """Whether `key` has exactly the shape of an issued key (anything else is never looked up)."""
    return isinstance(key, str) and _KEY.fullmatch(key) is not None


def retention_days() -> int:
    """KEUZEHULP_RETENTION_DAYS (whole days, at least 1), default 30; a bad value is logged."""
    raw = (os.environ.get(RETENTION_ENV) or "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError:
        LOG.warning("%s=%r is not a whole number; using %d", RETENTION_ENV, raw, DEFAULT_RETENTION_DAYS)
        return DEFAULT_RETENTION_DAYS
    if days < 1:
        LOG.warning("%s=%r is below 1; using 1", RETENTION_ENV, raw)
        return 1
    return days


def utcnow() -> datetime:
    """Now in UTC without tzinfo: how the store keeps every time, in both backends."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class SavedSession:
    key: str
    data: str
    updated_at: datetime  # naive UTC
    expires_at: datetime  # naive UTC


class Store:
    """Sessions in one database. Thread-safe (the engine pools connections); one per process."""

    def __init__(self, engine: Engine, retention: int | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.retention = timedelta(days=retention if retention is not None else retention_days())
        self.clock = clock

    @classmethod
    def open(cls, url: str | None = None, **kwargs) -> Store:  # type: ignore[no-untyped-def]
        """Engine for `url` (default: the configured database), migrated to the newest revision."""
        engine = make_engine(url)
        migrate(engine)
        return cls(engine, **kwargs)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()

    # --- sessions --------------------------------------------------------------------------

    def _row(self, key: str, data: str) -> dict:
        if not valid_key(key):
            raise ValueError("not a session key")
        if len(data) > MAX_DATA_CHARS:
            raise ValueError(f"session data of {len(data)} characters is over {MAX_DATA_CHARS}")
        now = self.clock()
        return {"key": key, "data": data, "updated_at": now, "expires_at": now + self.retention}

    def create_session(self, key: str, data: str) -> SavedSession:
        """The first save of a session under a key from new_key(): records that key as issued.
        Raises KeyInUse when a session under `key` exists (someone else's: never overwritten)."""
        row = self._row(key, data)
        try:
            with self.engine.begin() as conn:
                conn.execute(sessions.insert().values(**row))
        except IntegrityError:  # PostgreSQL's detail names the key: not passed on (logs)
            raise KeyInUse("a session under this key exists already") from None
        return SavedSession(**row)

    def save_session(self, key: str, data: str) -> SavedSession:
        """Replace the session under `key`; its expiry starts again from now. Only a session that
        exists: raises UnknownSession when there is none (a key that was never issued, or one
        that was deleted or purged), so no key from outside ever gets a session this way."""
        row = self._row(key, data)
        with self.engine.begin() as conn:
            done = conn.execute(update(sessions).where(sessions.c.key == key)
                                .values(data=row["data"], updated_at=row["updated_at"],
                                        expires_at=row["expires_at"]))
            if not done.rowcount:
                raise UnknownSession("no session under this key")
        return SavedSession(**row)

    def load_session(self, key: str) -> SavedSession | None:
        """The session under `key`, or None when there is none, it expired, or `key` is no key."""
        if not valid_key(key):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(sessions).where(sessions.c.key == key,
                                                      sessions.c.expires_at > self.clock())).first()
        if row is None:
            return None
        return SavedSession(key=row.key, data=row.data, updated_at=row.updated_at,
                            expires_at=row.expires_at)

    def delete_session(self, key: str) -> bool:
        """Remove the session under `key` at once; True if there was one."""
        if not valid_key(key):
            return False
        with self.engine.begin() as conn:
            return bool(conn.execute(delete(sessions).where(sessions.c.key == key)).rowcount)

    def purge_expired(self) -> int:
        """Delete every expired row; returns how many sessions went."""
        with self.engine.begin() as conn:
            return int(conn.execute(delete(sessions).where(sessions.c.expires_at <= self.clock())).rowcount)
