"""Who watches a workshop hears of a change at once, instead of asking several times a second.

Every write to a workshop (a vote, closing, showing, a reset, ...) goes through `writing`, which
tells the watchers in two ways:
- in every process on PostgreSQL: NOTIFY on CHANNEL with the workshop's id, sent inside the
  write's transaction, so it is delivered when (and only if) the write commits; each Feed
  LISTENs on a connection of its own;
- in this process: once the write has committed, every Feed of the process is woken.
SQLite has no message between processes, so a Feed on SQLite also looks every POLL_SECONDS
whether the database file or its write-ahead log changed (their size and time: no query), and
only then asks the store (one small read per watched workshop, repo.changes, in its one thread:
no page runs again for it). On PostgreSQL it asks every SAFETY_SECONDS, and every POLL_SECONDS
while its listening connection is down.

A Feed (one per process and store) keeps the watchers of each workshop with the state each
page last read, and calls a watcher's `changed(needed)` when the workshop's state (repo.changes)
differs from it (and from what it was last told): at most once per GAP_SECONDS, so 40 phones
voting at once cost a facilitator's page a few runs, not 40. `needed()`, asked just before the
page runs again, says whether a run of the page has meanwhile read that state anyway (the
facilitator's own click): then the extra run is left out. A message is only a wake-up: what
changed is read from the store, so a lost message costs a delay, never a wrong count. A watcher
no longer `alive()` (its tab closed, its page left) is dropped, and so is one not renewed for
STALE_SECONDS.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
import weakref
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import String, bindparam, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..store.engine import sqlite_file, wal_file

CHANNEL = "keuzehulp_workshops"
POLL_SECONDS = 0.25  # SQLite, or PostgreSQL while its listener is down: ask the store this often
SAFETY_SECONDS = 5.0  # PostgreSQL with its listener up: ask anyway, should a message be missed
GAP_SECONDS = 0.15  # after calling watchers, wait this long before calling any again
STALE_SECONDS = 120.0  # a watcher not renewed this long is dropped (its page runs far more often)
LISTEN_WAIT = 2.0  # the listener looks up from waiting this often (to stop when asked)
RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)  # the listener's waits before connecting again

PROCESS = secrets.token_hex(8)  # names this process in its messages: its own need no second look
_log = logging.getLogger(__name__)
_feeds: weakref.WeakSet[Feed] = weakref.WeakSet()
_feeds_lock = threading.Lock()


class Watcher(Protocol):
    """A page that shows a workshop (ui/kit/streamlit_adapter.FragmentRun)."""

    def alive(self) -> bool: ...

    def changed(self, needed: Callable[[], bool]) -> None: ...


@dataclass
class _Entry:
    watcher: Watcher
    renewed: float  # time.monotonic() of the page's last run
    shows: object  # the state the page's last run read
    told: object = None  # the state it was last told of


_NOTIFY = select(func.pg_notify(CHANNEL, bindparam("payload", type_=String)))  # built once: every vote sends it


def announce(conn: Connection, workshop_id: str) -> None:
    """Inside a write's transaction: on PostgreSQL, NOTIFY every process (sent at the commit).
    The message names this process, whose Feeds are woken directly (wake_all)."""
    if conn.dialect.name == "postgresql":
        conn.execute(_NOTIFY, {"payload": f"{PROCESS} {workshop_id}"})


def wake_all() -> None:
    """After a write's commit: wake this process's Feeds."""
    with _feeds_lock:
        feeds = list(_feeds)
    for feed in feeds:
        feed.wake()


@contextmanager
def writing(engine: Engine) -> Iterator[tuple[Connection, Callable[[str], None]]]:
    """engine.begin() with `touch(workshop_id)` for each workshop the write changes: announced
    inside the transaction, and this process's Feeds woken once it committed (not when it rolled
    back: a refused vote wakes nobody)."""
    touched: list[str] = []
    with engine.begin() as conn:
        def touch(workshop_id: str) -> None:
            announce(conn, workshop_id)
            touched.append(workshop_id)

        yield conn, touch
    if touched:
        wake_all()


class Feed:
    """One per process and store: a thread that hears of changes and tells the watchers.

    `check(code)` reads a workshop's state (repo.changes: a tuple, None when it is gone).
    `poll` and `safety`: how often it asks the store anyway (POLL_SECONDS, SAFETY_SECONDS)."""

    def __init__(self, engine: Engine, check: Callable[[str], object], poll: float = POLL_SECONDS,
                 safety: float = SAFETY_SECONDS) -> None:
        self._engine = engine
        self._check = check
        self._poll, self._safety = poll, safety
        self._cond = threading.Condition()
        self._watchers: dict[str, dict[Hashable, _Entry]] = {}  # code -> key -> entry
        self._woken = False
        self._closed = False
        self._listening = False
        self._threads: list[threading.Thread] = []
        self._postgres = engine.dialect.name == "postgresql"
        self._file = sqlite_file(engine)
        self._stamp: object = None
        with _feeds_lock:
            _feeds.add(self)

    @property
    def listening(self) -> bool:
        """Whether the PostgreSQL listener is connected (always False on SQLite)."""
        return self._listening

    def watch(self, code: str, key: Hashable, watcher: Watcher, shows: object) -> None:
        """Call `watcher.changed(...)` when workshop `code` moves on from the state it `shows`
        (repo.changes, as its page read it). Call again on every run of the page: it renews."""
        with self._cond:
            first = not self._watchers
            keys = self._watchers.setdefault(code, {})
            told = keys[key].told if key in keys else None
            keys[key] = _Entry(watcher, time.monotonic(), shows, told)
            if not self._threads and not self._closed:
                self._start()
            if first:
                self._cond.notify_all()  # the thread waits for a first watcher

    def watching(self, code: str) -> int:
        with self._cond:
            return len(self._watchers.get(code, {}))

    def wake(self) -> None:
        with self._cond:
            self._woken = True
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        with _feeds_lock:
            _feeds.discard(self)
        for thread in self._threads:
            thread.join(timeout=LISTEN_WAIT + 1)

    def _start(self) -> None:
        names = [("keuzehulp-feed", self._run)]
        if self._postgres:
            names.append(("keuzehulp-listen", self._listen))
        for name, target in names:
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    # --- the feed's thread ----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                woken = self._woken  # a wake-up during the last round counts
                while not self._closed and not woken:
                    if not self._watchers:
                        self._cond.wait()  # nobody watches: nothing to ask
                    elif not self._cond.wait(self._safety if self._listening else self._poll):
                        break  # time to ask anyway
                    woken = self._woken
                if self._closed:
                    return
                self._woken = False
                watched = {code: {key: (e.watcher, e.renewed) for key, e in keys.items()}
                           for code, keys in self._watchers.items()}
            if not self._moved() and not woken:
                continue  # SQLite: no process wrote to the file since the last look
            if self._round(watched):
                time.sleep(GAP_SECONDS)  # votes that come in meanwhile are told in one go

    def _round(self, watched: dict[str, dict[Hashable, tuple[Watcher, float]]]) -> bool:
        """Ask the store for every watched workshop; tell the watchers whose view is behind."""
        now = time.monotonic()
        told = False
        for code, keys in watched.items():
            live = []
            for key, (watcher, renewed) in keys.items():
                if now - renewed < STALE_SECONDS and _alive(watcher):
                    live.append((key, watcher))
                else:
                    self._drop(code, key, renewed)
            if not live:
                continue
            try:
                state = self._check(code)
            except SQLAlchemyError:
                _log.warning("workshop feed: the store did not answer", exc_info=True)
                continue
            for key, watcher in live:
                if self._tell(code, key, state):
                    told = True
                    try:
                        watcher.changed(lambda code=code, key=key, state=state: self._behind(code, key, state))
                    except Exception:  # one broken page never stops the feed for the others
                        _log.exception("workshop feed: a watcher failed")
        return told

    def _moved(self) -> bool:
        """SQLite: whether the database file or its write-ahead log changed since the last look
        (size and time of both; True the first time). Anything else: always True."""
        if self._file is None:
            return True
        stamp = []
        for path in (self._file, wal_file(self._file)):
            try:
                status = path.stat()
            except OSError:
                stamp.append(None)
            else:
                stamp.append((status.st_size, status.st_mtime_ns, status.st_ino))
        moved, self._stamp = stamp != self._stamp, stamp
        return moved

    def _drop(self, code: str, key: Hashable, renewed: float) -> None:
        with self._cond:
            keys = self._watchers.get(code, {})
            if key in keys and keys[key].renewed == renewed:  # not renewed meanwhile
                del keys[key]
                if not keys:
                    del self._watchers[code]

    def _tell(self, code: str, key: Hashable, state: object) -> bool:
        """Whether this watcher is behind `state` and was not told of it yet (then it is now)."""
        with self._cond:
            entry = self._watchers.get(code, {}).get(key)
            if entry is None or state in (entry.shows, entry.told):
                return False
            entry.told = state
            return True

    def _behind(self, code: str, key: Hashable, state: object) -> bool:
        """Just before the page runs again: whether no run of it has read `state` meanwhile."""
        with self._cond:
            entry = self._watchers.get(code, {}).get(key)
            return entry is not None and entry.shows != state

    # --- PostgreSQL: LISTEN ---------------------------------------------------------------

    def _listen(self) -> None:
        failures = 0
        while not self._closed:
            raw = None
            try:
                raw = self._engine.raw_connection()
                connection = raw.driver_connection  # psycopg's own connection
                raw.detach()  # its own for good: closed, never back in the pool, when done
                connection.rollback()  # the pool's ping may have opened a transaction
                connection.autocommit = True
                connection.execute(f"LISTEN {CHANNEL}")
                self._listening, failures = True, 0
                self.wake()  # anything said while we were not listening
                while not self._closed:
                    for message in connection.notifies(timeout=LISTEN_WAIT):
                        if not message.payload.startswith(PROCESS):  # ours: woken already
                            self.wake()
            except Exception:  # the database went away: ask more often, connect again
                _log.warning("workshop feed: LISTEN failed; asking every %s s meanwhile", POLL_SECONDS,
                             exc_info=True)
            finally:
                self._listening = False
                if raw is not None:
                    with suppress(Exception):
                        raw.close()
            if not self._closed:
                time.sleep(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
                failures += 1


def _alive(watcher: Watcher) -> bool:
    try:
        return bool(watcher.alive())
    except Exception:
        return False
