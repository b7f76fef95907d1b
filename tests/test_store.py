"""The store on both backends: what a workshop relies on is that a saved session comes back
whole, under its key only, until it expires or is deleted, whatever processes start at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from keuzehulp.contract.schema import Profile, Scenario, Session, TeamInput
from keuzehulp.store import (
    ISSUED_KEY_LENGTH,
    KeyInUse,
    Store,
    UnknownSession,
    database_url,
    head_revision,
    make_engine,
    migrate,
    new_key,
    valid_key,
)
from keuzehulp.store.engine import current_revision
from keuzehulp.store.tables import sessions

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(store_url, clock):
    opened = Store.open(store_url, retention=30, clock=clock)
    yield opened
    opened.close()


def workshop_session() -> str:
    """A real session as the app saves it, with user text a database might mangle."""
    profile = Profile(municipality="Súdwest-Fryslân 🇳🇱 'O''Brien' \"x\"; DROP TABLE sessions;--",
                      annual_intake=120)
    session = Session(profile=profile, scenarios=[Scenario(name="Met de regio", profile=profile)],
                      active_scenario="Met de regio", team=TeamInput())
    return session.model_dump_json(indent=2)


def test_saved_session_comes_back_whole_under_its_key(store):
    key, data = new_key(), workshop_session()
    store.create_session(key, data)
    saved = store.load_session(key)
    assert saved is not None and saved.data == data
    assert Session.model_validate_json(saved.data).profile.annual_intake == 120
    assert store.load_session(new_key()) is None  # another key sees nothing


def test_saving_again_replaces_the_session_and_its_time(store, clock):
    key = new_key()
    store.create_session(key, '{"v": 1}')
    clock.now += timedelta(minutes=5)
    store.save_session(key, '{"v": 2}')
    saved = store.load_session(key)
    assert saved is not None and saved.data == '{"v": 2}'
    assert saved.updated_at == clock.now
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sessions")).scalar() == 1


def test_deleted_session_is_gone_at_once(store):
    key = new_key()
    store.create_session(key, "{}")
    assert store.delete_session(key) is True
    assert store.load_session(key) is None
    assert store.delete_session(key) is False


def test_session_expires_after_the_retention_and_purge_removes_only_expired(store, clock):
    old, fresh = new_key(), new_key()
    store.create_session(old, '{"old": true}')
    clock.now += timedelta(days=20)
    store.create_session(fresh, '{"fresh": true}')
    clock.now += timedelta(days=9, hours=23)
    assert store.load_session(old) is not None  # 29 days 23 hours: still there
    clock.now += timedelta(hours=2)
    assert store.load_session(old) is None  # past 30 days: no longer served, even before a purge
    assert store.purge_expired() == 1
    assert store.load_session(fresh) is not None
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sessions")).scalar() == 1


def test_every_save_restarts_the_retention(store, clock):
    key = new_key()
    store.create_session(key, "{}")
    clock.now += timedelta(days=25)
    store.save_session(key, "{}")
    clock.now += timedelta(days=25)
    assert store.load_session(key) is not None
    assert store.purge_expired() == 0


@pytest.mark.parametrize("key", ["", "kort", "../../etc/passwd", "x" * 65, "' OR '1'='1' --  xxxxxxxxxx",
                                 "abc def ghi jkl mno pqr stu", None, 12345678901234567890])
def test_anything_but_a_key_is_never_looked_up(store, key):
    store.create_session(new_key(), "{}")
    assert not valid_key(key)
    assert store.load_session(key) is None
    assert store.delete_session(key) is False
    with pytest.raises(ValueError):
        store.save_session(key, "{}")
    with pytest.raises(ValueError):
        store.create_session(key, "{}")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sessions")).scalar() == 1


# --- Session fixation: keys are issued by the server, a made-up key never holds anything ----------


@pytest.mark.parametrize("made_up", ["A" * 32, "AAAAAAAAAAAAAAAAAAAA", pytest.param(new_key(), id="new_key")])
def test_a_key_the_store_never_issued_cannot_be_written_under(store, made_up):
    """Saving replaces an existing session only: a key from a link that nobody saved under stays
    empty, so a victim's answers can never land under a key an attacker chose."""
    with pytest.raises(UnknownSession if valid_key(made_up) else ValueError):
        store.save_session(made_up, workshop_session())
    assert store.load_session(made_up) is None
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sessions")).scalar() == 0


def test_the_first_save_records_the_key_and_never_takes_over_anothers_session(store):
    key = new_key()
    store.create_session(key, '{"owner": "facilitator"}')
    with pytest.raises(KeyInUse):
        store.create_session(key, '{"owner": "someone else"}')
    assert store.load_session(key).data == '{"owner": "facilitator"}'  # type: ignore[union-attr]
    store.save_session(key, '{"owner": "facilitator", "v": 2}')  # a shared link: the same session
    assert store.load_session(key).data == '{"owner": "facilitator", "v": 2}'  # type: ignore[union-attr]


def test_a_deleted_or_purged_session_cannot_be_written_again_under_its_key(store, clock):
    gone, expired = new_key(), new_key()
    store.create_session(gone, "{}")
    store.create_session(expired, "{}")
    store.delete_session(gone)
    clock.now += timedelta(days=31)
    assert store.purge_expired() == 1
    for key in (gone, expired):
        with pytest.raises(UnknownSession):
            store.save_session(key, '{"back": true}')
        assert store.load_session(key) is None


@pytest.mark.parametrize("length", [20, 31, 33, 43, 64])
def test_only_keys_of_exactly_the_issued_length_and_alphabet_are_keys(store, length):
    assert len(new_key()) == ISSUED_KEY_LENGTH == 32
    assert not valid_key("A" * length)
    assert not valid_key("A" * 31 + "=") and not valid_key("A" * 31 + "+") and not valid_key("A" * 31 + ".")
    assert valid_key("Az09_-" * 5 + "xy")
    assert store.load_session("A" * length) is None


def test_a_database_error_does_not_hold_the_session_key_or_its_contents(store):
    """Logs hold no secrets: an error is logged with the statement, never with its values.
    (PostgreSQL's own detail line may name the key of a duplicate row: create_session turns that
    error into KeyInUse without it, so the app never logs it.)"""
    key = new_key()
    store.create_session(key, '{"municipality": "Geheimstad"}')
    with pytest.raises(IntegrityError) as failed, store.engine.begin() as conn:
        conn.execute(sessions.insert().values(key=key, data='{"municipality": "Geheimstad"}',
                                              updated_at=datetime(2026, 12, 1), expires_at=datetime(2027, 1, 1)))
    assert "Geheimstad" not in str(failed.value)
    assert "INSERT INTO sessions" in str(failed.value)
    if store.backend == "sqlite":
        assert key not in str(failed.value)
    with pytest.raises(KeyInUse) as taken:
        store.create_session(key, '{"municipality": "Geheimstad"}')
    assert key not in str(taken.value) and taken.value.__cause__ is None and taken.value.__suppress_context__


def test_oversized_data_is_refused_and_nothing_is_written(store):
    key = new_key()
    with pytest.raises(ValueError):
        store.save_session(key, "x" * (1024 * 1024 + 1))
    assert store.load_session(key) is None


def test_keys_are_unguessable_and_distinct():
    keys = {new_key() for _ in range(2000)}
    assert len(keys) == 2000
    assert all(valid_key(k) and len(k) == 32 for k in keys)


def test_migrations_create_the_sessions_table_at_head(store_url):
    engine = make_engine(store_url)
    assert current_revision(engine) is None
    assert migrate(engine) == head_revision()
    assert current_revision(engine) == head_revision()
    columns = {c["name"] for c in inspect(engine).get_columns("sessions")}
    assert {"key", "data", "updated_at", "expires_at"} <= columns
    assert migrate(engine) == head_revision()  # a second start changes nothing
    engine.dispose()


MIGRATE = """
import sys
sys.path.insert(0, {root!r})
from keuzehulp.store import Store, new_key
store = Store.open({url!r})
store.create_session(new_key(), '{{}}')
store.close()
"""


def test_several_processes_starting_at_once_all_migrate_and_write(store_url):
    script = MIGRATE.format(root=str(ROOT), url=store_url)
    procs = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    engine = make_engine(store_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM sessions")).scalar() == 4
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head_revision()]
    engine.dispose()


def test_threads_saving_at_once_lose_nothing(store):
    keys = [new_key() for _ in range(8)]

    def work(key: str) -> None:
        store.create_session(key, '{"i": -1}')
        for i in range(15):
            store.save_session(key, f'{{"i": {i}}}')

    threads = [threading.Thread(target=work, args=(k,)) for k in keys]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert [store.load_session(k).data for k in keys] == ['{"i": 14}'] * 8  # type: ignore[union-attr]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'k.sqlite'}")  # directory made on demand
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()


def test_database_location_follows_the_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL", raising=False)
    monkeypatch.delenv("KEUZEHULP_DATA_DIR", raising=False)
    assert database_url() == f"sqlite:///{ROOT / 'data' / 'keuzehulp.sqlite'}"
    monkeypatch.setenv("KEUZEHULP_DATA_DIR", str(tmp_path))
    assert database_url() == f"sqlite:///{tmp_path / 'keuzehulp.sqlite'}"
    monkeypatch.setenv("KEUZEHULP_DATABASE_URL", "postgresql://u:p@db.example:5432/keuzehulp")
    engine = make_engine()
    assert engine.url.drivername == "postgresql+psycopg"  # psycopg 3, not psycopg2
    assert engine.url.host == "db.example"
    engine.dispose()


@pytest.mark.parametrize(("value", "days"), [(None, 30), ("7", 7), ("nul", 30), ("0", 1), (" 90 ", 90)])
def test_retention_days_setting(monkeypatch, tmp_path, value, days):
    if value is None:
        monkeypatch.delenv("KEUZEHULP_RETENTION_DAYS", raising=False)
    else:
        monkeypatch.setenv("KEUZEHULP_RETENTION_DAYS", value)
    clock = Clock()
    store = Store.open(f"sqlite:///{tmp_path / 'k.sqlite'}", clock=clock)
    saved = store.create_session(new_key(), "{}")
    assert saved.expires_at - saved.updated_at == timedelta(days=days)
    store.close()
