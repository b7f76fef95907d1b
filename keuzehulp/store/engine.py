"""Where the store lives and how to open it: the engine factory and the migrations at startup.

SQLite file by default (data/keuzehulp.sqlite in the project, or KEUZEHULP_DATA_DIR), in WAL
mode with a busy timeout so several threads and processes share it. PostgreSQL (psycopg 3) when
KEUZEHULP_DATABASE_URL is set; a plain postgresql:// address is read as postgresql+psycopg://.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

URL_ENV = "KEUZEHULP_DATABASE_URL"
DATA_DIR_ENV = "KEUZEHULP_DATA_DIR"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Any fixed number: PostgreSQL's advisory lock that lets one process at a time run migrations.
PG_MIGRATION_LOCK = 0x6B65757A  # "keuz"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or PROJECT_ROOT / "data")


def database_url() -> str:
    """KEUZEHULP_DATABASE_URL, or the SQLite file in the data directory."""
    url = (os.environ.get(URL_ENV) or "").strip()
    if url:
        return url
    return f"sqlite:///{data_dir() / 'keuzehulp.sqlite'}"


def _normalise(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses no commit
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: database_url()); SQLite's directory is created if needed.

    hide_parameters: a database error names the statement but not its values, so a logged
    error never holds a session key, a session's contents or a secret's hash."""
    url = _normalise(url or database_url())
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
                               hide_parameters=True)
        event.listen(engine, "connect", _sqlite_on_connect)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, hide_parameters=True)


def sqlite_file(engine: Engine) -> Path | None:
    """The SQLite file of `engine`, or None (PostgreSQL, or a database in memory)."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, or None when there is none: a file deleted or
    replaced under an open database has another identity (or none) than the one opened."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino


def wal_file(path: Path) -> Path:
    return Path(f"{path}-wal")


def set_orphans_aside(path: Path, old_wal: tuple[int, int] | None) -> list[Path]:
    """The -wal and -shm files of a SQLite file that was deleted or replaced belong to the old
    file, and SQLite would replay that log into whatever file now has the name (a restored
    backup would silently get the old file's last writes). They are renamed, not deleted:
    when the file is gone, or when the log is still the one this process had open (`old_wal`,
    its identity). A log that another process made for the new file is left alone."""
    log = wal_file(path)
    if path.exists() and (old_wal is None or file_identity(log) != old_wal):
        return []
    moved = []
    for leftover in (log, Path(f"{path}-shm")):
        if leftover.exists():
            target = leftover.with_name(f"{leftover.name}.orphaned-{os.getpid()}-{time.time_ns()}")
            leftover.rename(target)
            moved.append(target)
    return moved


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False)
                               .replace("%", "%%"))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # noqa: S101 - the package always holds revision 0001
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextlib.contextmanager
def _sqlite_lock(engine: Engine) -> Iterator[None]:
    """One process at a time migrates a SQLite file: a lock file beside it."""
    database = engine.url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(engine: Engine) -> str:
    """Bring the database to the newest revision (safe when several processes start at once).

    Returns the revision it is at. Quick when it is already there: one query, no lock.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return head
    backend = engine.url.get_backend_name()
    lock = _sqlite_lock(engine) if backend == "sqlite" else contextlib.nullcontext()
    with lock, engine.connect() as conn:
        if backend == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_MIGRATION_LOCK})
            conn.commit()
        try:
            config = alembic_config(engine)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")  # does nothing if another process just did it
            conn.commit()
        finally:
            if backend == "postgresql":
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_MIGRATION_LOCK})
                conn.commit()
    return head
