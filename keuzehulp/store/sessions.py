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

import json
import logging
import os
import random
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from .engine import file_identity, make_engine, migrate, set_orphans_aside, sqlite_file, wal_file
from .merge import SESSION_POLICY, Conflict, MergePolicy, every_change_conflicts, merge
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
SAVE_ATTEMPTS = 20  # a save that lost the race to another tab reads again and merges again,
SAVE_BACKOFF_S = 0.002  # after a random pause that grows with each attempt (at most ~64 ms)


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
    version: int = 1  # raised by every write


@dataclass(frozen=True)
class SaveResult:
    """What a save left in the store: the stored session (this tab's changes merged into what
    other tabs wrote), its version, and this tab's changes that lost to another tab's."""

    data: str
    version: int
    updated_at: datetime  # naive UTC
    conflicts: tuple[Conflict, ...] = field(default=())
    merged: bool = False  # other tabs' changes were taken in: `data` is not what this tab sent


class SaveRace(RuntimeError):
    """Other tabs kept writing in between, SAVE_ATTEMPTS times over; try again later."""


class Store:
    """Sessions in one database. Thread-safe (the engine pools connections); one per process."""

    def __init__(self, engine: Engine, retention: int | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.retention = timedelta(days=retention if retention is not None else retention_days())
        self.clock = clock
        # The SQLite file as opened: a file deleted or replaced under the open database is
        # noticed by ensure_file(), which opens the path again (generation + 1).
        self._file = sqlite_file(engine)
        self._file_id = file_identity(self._file) if self._file is not None else None
        self._wal_id = file_identity(wal_file(self._file)) if self._file is not None else None
        self._reopen_lock = threading.Lock()
        self.generation = 0
        self.file_event: str | None = None  # "gone" or "replaced": why the last reopen happened
        self._since_reopen: set[str] = set()  # keys written again since then (by this process)

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

    # --- the SQLite file under the open database ---------------------------------------------

    def file_problem(self) -> str | None:
        """'gone' when the SQLite file is no longer there, 'replaced' when another file stands
        at its path, else None (and always None for PostgreSQL). Two stat() calls."""
        if self._file is None:
            return None
        now = file_identity(self._file)
        if now == self._file_id:
            # Remember the log this file has now (SQLite makes a new one after the last close).
            self._wal_id = file_identity(wal_file(self._file)) or self._wal_id
            return None
        return "gone" if now is None else "replaced"

    def ensure_file(self) -> bool:
        """Open the SQLite path afresh when its file was deleted or replaced; True if it did.

        What went into a deleted file is lost with it once the last handle closes: the app keeps
        what its tabs hold and writes it again (generation tells them). A missing file is created
        and migrated; a replaced file (a restored backup) is used as it is, migrated to the head.
        """
        problem = self.file_problem()
        if problem is None:
            return False
        with self._reopen_lock:
            problem = self.file_problem()  # another thread may have reopened it meanwhile
            if problem is None:
                return False
            assert self._file is not None  # noqa: S101 - file_problem() is None without a file
            LOG.error("the SQLite file %s was %s while open; opening it afresh (sessions written "
                      "since then are written again by the tabs that hold them)", self._file,
                      "deleted" if problem == "gone" else "replaced")
            old = self.engine
            old.dispose()  # the old file's handles close (its -wal is checkpointed into it)
            for leftover in set_orphans_aside(self._file, self._wal_id):
                LOG.error("set aside %s, left over from the old file", leftover)
            engine = make_engine(old.url.render_as_string(hide_password=False))
            migrate(engine)
            self.engine = engine
            self._file_id = file_identity(self._file)
            self._wal_id = file_identity(wal_file(self._file))
            self.file_event = problem
            self._since_reopen = set()
            self.generation += 1
        return True

    def written_since_reopen(self, key: str) -> bool:
        """Whether a tab of this process wrote `key` again after the last reopen (then the next
        tab on that key merges onto it; the first one writes what it holds as it is)."""
        return key in self._since_reopen

    def _written(self, key: str) -> None:
        if self.generation:
            self._since_reopen.add(key)

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
                conn.execute(sessions.insert().values(**row, version=1))
        except IntegrityError:  # PostgreSQL's detail names the key: not passed on (logs)
            raise KeyInUse("a session under this key exists already") from None
        self._written(key)
        return SavedSession(**row, version=1)

    def save_session(self, key: str, data: str) -> SavedSession:
        """Replace the session under `key`; its expiry starts again from now. Only a session that
        exists: raises UnknownSession when there is none (a key that was never issued, or one
        that was deleted or purged), so no key from outside ever gets a session this way."""
        row = self._row(key, data)
        with self.engine.begin() as conn:
            done = conn.execute(update(sessions).where(sessions.c.key == key)
                                .values(data=row["data"], updated_at=row["updated_at"],
                                        expires_at=row["expires_at"], version=sessions.c.version + 1))
            if not done.rowcount:
                raise UnknownSession("no session under this key")
            version = conn.execute(select(sessions.c.version).where(sessions.c.key == key)).scalar_one()
        self._written(key)
        return SavedSession(**row, version=version)

    @staticmethod
    def _check(key: str, data: str) -> None:
        if not valid_key(key):
            raise ValueError("not a session key")
        if len(data) > MAX_DATA_CHARS:
            raise ValueError(f"session data of {len(data)} characters is over {MAX_DATA_CHARS}")

    def save_changes(self, key: str, data: str, *, base: str, base_version: int,
                     valid: Callable[[str], bool] | None = None,
                     policy: MergePolicy = SESSION_POLICY) -> SaveResult:
        """Save what this tab changed since it last loaded or saved (`base`, stored as version
        `base_version`; 0 when nothing was stored yet).

        If the stored version is still `base_version`, `data` is written as it is. Otherwise
        another tab wrote in between: the fields this tab changed (base -> data) are merged into
        the stored session (merge.py), a field both changed keeps the stored value and comes
        back as a Conflict. `valid` may refuse a merged session (e.g. one that no longer parses);
        then nothing is written and every change of this tab is a conflict. Each write is a
        compare-and-set on the version, so two tabs saving at once both get merged, never lost.
        """
        self._check(key, data)
        for attempt in range(SAVE_ATTEMPTS):
            if attempt:
                time.sleep(random.uniform(0, SAVE_BACKOFF_S * 2 ** min(attempt, 5)))  # noqa: S311
            with self.engine.connect() as conn:
                row = conn.execute(select(sessions.c.data, sessions.c.version, sessions.c.updated_at,
                                          sessions.c.expires_at).where(sessions.c.key == key)).first()
            if row is None and base_version > 0:
                # The session this tab loaded is gone (deleted in another tab, or purged): a key
                # is never written again once its session is gone (session fixation, issue 22).
                raise UnknownSession("no session under this key")
            live = row is not None and row.expires_at > self.clock()
            conflicts: list[Conflict] = []
            if not live or row.version == base_version:
                target = data  # nobody wrote in between (or what was stored has expired)
            else:
                target, conflicts = self._merge(row.data, base, data, valid, policy)
                if target == row.data:  # nothing of this tab's to add: the stored one stands
                    return SaveResult(data=row.data, version=row.version, updated_at=row.updated_at,
                                      conflicts=tuple(conflicts), merged=True)
            written = self._compare_and_set(key, target, None if row is None else row.version)
            if written is not None:
                self._written(key)
                version, now = written
                return SaveResult(data=target, version=version, updated_at=now,
                                  conflicts=tuple(conflicts), merged=target != data)
        raise SaveRace(f"session {key[:6]}… kept changing during {SAVE_ATTEMPTS} attempts")

    @staticmethod
    def _merge(stored: str, base: str, data: str, valid: Callable[[str], bool] | None,
               policy: MergePolicy) -> tuple[str, list[Conflict]]:
        base_doc, mine = json.loads(base), json.loads(data)
        try:
            theirs = json.loads(stored)
        except ValueError:
            theirs = None
        if not isinstance(theirs, dict) or not theirs:
            return data, []  # no session stored (a placeholder row): nothing to merge with
        merged, conflicts = merge(base_doc, theirs, mine, policy)
        if merged == theirs:
            return stored, conflicts
        if merged == mine:
            return data, conflicts  # what was stored in between is in this tab's session too
        text = json.dumps(merged, ensure_ascii=False)
        if len(text) > MAX_DATA_CHARS or (valid is not None and not valid(text)):
            return stored, every_change_conflicts(base_doc, theirs, mine)
        return text, conflicts

    def _compare_and_set(self, key: str, data: str, version: int | None) -> tuple[int, datetime] | None:
        """Write `data` if the row is still at `version` (None: if there is still no row)."""
        now = self.clock()
        values = {"data": data, "updated_at": now, "expires_at": now + self.retention}
        with self.engine.begin() as conn:
            if version is None:
                dialect = conn.dialect.name
                insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
                # RETURNING: psycopg reports no row count for INSERT ... ON CONFLICT DO NOTHING
                inserted = conn.execute(insert(sessions).values(key=key, version=1, **values)
                                        .on_conflict_do_nothing(index_elements=[sessions.c.key])
                                        .returning(sessions.c.version)).first()
                return (1, now) if inserted is not None else None
            done = conn.execute(update(sessions)
                                .where(sessions.c.key == key, sessions.c.version == version)
                                .values(version=version + 1, **values))
            return (version + 1, now) if done.rowcount == 1 else None

    def session_version(self, key: str) -> int | None:
        """The stored version of the session under `key` (None: none, or expired): one small
        query, so a tab can tell on each run whether another tab wrote."""
        if not valid_key(key):
            return None
        with self.engine.connect() as conn:
            return conn.execute(select(sessions.c.version).where(
                sessions.c.key == key, sessions.c.expires_at > self.clock())).scalar_one_or_none()

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
                            expires_at=row.expires_at, version=row.version)

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
