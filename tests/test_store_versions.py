"""Two tabs on one session (issue 22, finding 3) and a SQLite file deleted or replaced under the
running app (finding 6), on the store itself, on both backends.

A tab saves the fields it changed since it last loaded or saved, against the version it saw:
another tab's change to another field survives, the same field changed twice is a conflict
reported to the tab that saved second, and nothing is ever silently dropped.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from keuzehulp.contract.schema import Profile, Session, TeamDecision, TeamInput
from keuzehulp.store import Store, make_engine, migrate, new_key
from keuzehulp.store.engine import alembic_config
from keuzehulp.store.merge import MISSING, changes, merge

BLANK = Session().model_dump_json()

def put(store, key: str, data: str):
    """Write a session the way a test sets the scene: the first save creates it (records the
    key as issued), a later one replaces it."""
    from keuzehulp.store import KeyInUse

    try:
        return store.create_session(key, data)
    except KeyInUse:
        return store.save_session(key, data)



def with_profile(session: Session, **answers) -> Session:
    return session.model_copy(update={"profile": session.profile.model_copy(update=answers)})


def parsed(data: str) -> Session:
    return Session.model_validate_json(data)


def valid_session(data: str) -> bool:
    try:
        Session.model_validate_json(data)
    except ValueError:
        return False
    return True


@pytest.fixture
def store(store_url):
    opened = Store.open(store_url, retention=30)
    yield opened
    opened.close()


def test_two_tabs_changing_different_fields_both_survive(store):
    key = new_key()
    tab_a = with_profile(Session(), municipality="Lochem").model_dump_json()
    saved_a = store.save_changes(key, tab_a, base=BLANK, base_version=0)
    assert (saved_a.version, saved_a.conflicts, saved_a.merged) == (1, (), False)

    # Tab B opened the same (then empty) session and changes regional cooperation only.
    tab_b = with_profile(Session(), regional_cooperation="existing").model_dump_json()
    saved_b = store.save_changes(key, tab_b, base=BLANK, base_version=0, valid=valid_session)
    assert saved_b.conflicts == () and saved_b.merged and saved_b.version == 2
    stored = parsed(store.load_session(key).data)  # type: ignore[union-attr]
    assert stored.profile.municipality == "Lochem"
    assert stored.profile.regional_cooperation == "existing"
    assert parsed(saved_b.data) == stored  # tab B gets the merged session back to show


def test_the_same_field_changed_in_two_tabs_is_a_conflict_for_the_second(store):
    key = new_key()
    store.save_changes(key, with_profile(Session(), municipality="Lochem").model_dump_json(),
                       base=BLANK, base_version=0)
    tab_b = with_profile(Session(), municipality="Zutphen", annual_intake=40).model_dump_json()
    saved = store.save_changes(key, tab_b, base=BLANK, base_version=0, valid=valid_session)
    assert [(c.path, c.mine, c.theirs) for c in saved.conflicts] == [
        (("profile", "municipality"), "Zutphen", "Lochem")]
    stored = parsed(store.load_session(key).data)  # type: ignore[union-attr]
    assert stored.profile.municipality == "Lochem"  # the first save stands ...
    assert stored.profile.annual_intake == 40  # ... and B's other change is written
    # B chooses to keep its own value: a new save against the version it now holds wins.
    again = with_profile(parsed(saved.data), municipality="Zutphen").model_dump_json()
    kept = store.save_changes(key, again, base=saved.data, base_version=saved.version)
    assert kept.conflicts == () and parsed(store.load_session(key).data).profile.municipality == "Zutphen"  # type: ignore[union-attr]


def test_a_save_with_nothing_in_between_writes_as_is_and_raises_the_version(store):
    key = new_key()
    first = store.save_changes(key, with_profile(Session(), municipality="Lochem").model_dump_json(),
                               base=BLANK, base_version=0)
    data = with_profile(parsed(first.data), municipality="").model_dump_json()  # emptied on purpose
    second = store.save_changes(key, data, base=first.data, base_version=first.version)
    assert (second.version, second.merged, second.data) == (2, False, data)
    assert store.session_version(key) == 2
    assert parsed(store.load_session(key).data).profile.municipality == ""  # type: ignore[union-attr]


def test_a_conflict_only_writes_nothing_and_keeps_the_version(store):
    key = new_key()
    store.save_changes(key, with_profile(Session(), municipality="Lochem").model_dump_json(),
                       base=BLANK, base_version=0)
    saved = store.save_changes(key, with_profile(Session(), municipality="Epe").model_dump_json(),
                               base=BLANK, base_version=0)
    assert len(saved.conflicts) == 1 and saved.version == 1 == store.session_version(key)


def test_team_input_merges_per_decision_and_note(store):
    key = new_key()
    team = TeamInput(decisions={"delivery": TeamDecision(choice="", reason="")})
    start = store.save_changes(key, Session(team=team).model_dump_json(), base=BLANK, base_version=0)
    a = Session(team=TeamInput(decisions={"delivery": TeamDecision(choice="", reason="Wij kiezen")}))
    b = Session(team=TeamInput(decisions={"delivery": TeamDecision(choice="", reason="")},
                               notes={"q2": "Navragen bij de regio"}))
    store.save_changes(key, a.model_dump_json(), base=start.data, base_version=start.version)
    saved = store.save_changes(key, b.model_dump_json(), base=start.data, base_version=start.version)
    stored = parsed(saved.data)
    assert saved.conflicts == ()
    assert stored.team.decisions["delivery"].reason == "Wij kiezen"
    assert stored.team.notes == {"q2": "Navragen bij de regio"}


def test_route_marks_are_joined_and_the_workshop_snapshot_is_the_newest(store):
    key = new_key()
    store.save_changes(key, Session(answered=["q2"], read=["q1"]).model_dump_json(), base=BLANK, base_version=0)
    saved = store.save_changes(key, Session(answered=["q3"]).model_dump_json(), base=BLANK, base_version=0)
    assert saved.conflicts == ()
    stored = parsed(saved.data)
    assert (stored.answered, stored.read) == (["q2", "q3"], ["q1"])


def test_a_merge_that_would_not_be_a_valid_session_writes_nothing_and_reports_each_change(store):
    key = new_key()
    store.save_changes(key, with_profile(Session(), municipality="Lochem").model_dump_json(),
                       base=BLANK, base_version=0)
    tab_b = with_profile(Session(), annual_intake=40).model_dump_json()
    saved = store.save_changes(key, tab_b, base=BLANK, base_version=0, valid=lambda _data: False)
    assert [c.path for c in saved.conflicts] == [("profile", "annual_intake")]
    assert parsed(store.load_session(key).data).profile.annual_intake == Profile().annual_intake  # type: ignore[union-attr]


def test_tabs_saving_at_the_same_moment_lose_nothing(store):
    """Five tabs each write their own note ten times, each against the version it last saw."""
    key = new_key()
    start = store.save_changes(key, Session(profile=Profile(municipality="Lochem")).model_dump_json(),
                               base=BLANK, base_version=0)
    problems: list[BaseException] = []

    def tab(section: str) -> None:
        try:
            base, version = start.data, start.version
            for i in range(10):
                mine = parsed(base)
                team = mine.team.model_copy(update={"notes": {**mine.team.notes, section: f"{section}-{i}"}})
                result = store.save_changes(key, mine.model_copy(update={"team": team}).model_dump_json(),
                                            base=base, base_version=version, valid=valid_session)
                assert result.conflicts == ()
                base, version = result.data, result.version
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            problems.append(exc)

    threads = [threading.Thread(target=tab, args=(f"q{n}",)) for n in range(1, 6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert problems == []
    stored = parsed(store.load_session(key).data)  # type: ignore[union-attr]
    assert stored.team.notes == {f"q{n}": f"q{n}-9" for n in range(1, 6)}
    assert stored.profile.municipality == "Lochem"
    assert store.session_version(key) == 51


def test_sessions_saved_before_the_version_column_start_at_version_one(store_url):
    engine = make_engine(store_url)
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    key = new_key()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sessions (key, data, updated_at, expires_at) VALUES "
                          "(:k, :d, '2026-12-01 09:00:00', '2999-01-01 00:00:00')"), {"k": key, "d": BLANK})
    migrate(engine)
    assert "version" in {c["name"] for c in inspect(engine).get_columns("sessions")}
    engine.dispose()
    store = Store.open(store_url)
    assert store.load_session(key).version == 1  # type: ignore[union-attr]
    saved = store.save_changes(key, with_profile(Session(), municipality="Epe").model_dump_json(),
                               base=BLANK, base_version=1)
    assert saved.version == 2 and not saved.merged
    store.close()


def test_plain_save_raises_the_version_too(store):
    key = new_key()
    assert put(store, key, BLANK).version == 1
    assert put(store, key, BLANK).version == 2
    assert store.session_version(key) == 2 and store.session_version(new_key()) is None


# --- merge on its own ---------------------------------------------------------------------------


def test_changes_name_each_leaf_and_removed_keys():
    base = {"a": {"x": 1, "y": [1]}, "b": None, "gone": 1}
    mine = {"a": {"x": 2, "y": [1]}, "b": {"z": 1}}
    assert changes(base, mine) == {("a", "x"): 2, ("b",): {"z": 1}, ("gone",): MISSING}


def test_a_removal_against_a_change_is_a_conflict_and_true_is_not_one():
    merged, conflicts = merge({"n": {"k": "x"}}, {"n": {"k": "y"}}, {"n": {}})
    assert merged == {"n": {"k": "y"}}
    assert [(c.path, c.mine, c.theirs) for c in conflicts] == [(("n", "k"), None, "y")]
    merged, conflicts = merge({"v": 0}, {"v": 1}, {"v": True})
    assert conflicts and merged == {"v": 1}


# --- finding 6: the SQLite file deleted or replaced while the app runs --------------------------


def sqlite_store(path: Path) -> Store:
    return Store.open(f"sqlite:///{path}", retention=30)


def test_a_deleted_sqlite_file_is_noticed_and_saving_resumes_into_a_new_file(tmp_path):
    path = tmp_path / "keuzehulp.sqlite"
    store = sqlite_store(path)
    key = new_key()
    put(store, key, BLANK)
    assert store.file_problem() is None and store.ensure_file() is False
    os.remove(path)  # what a careless clean-up does; the open handle now points at "(deleted)"
    assert store.file_problem() == "gone"
    assert store.ensure_file() is True
    assert (store.generation, store.file_event, store.file_problem()) == (1, "gone", None)
    assert store.load_session(key) is None  # what was only in the deleted file is gone ...
    data = with_profile(Session(), municipality="Lochem").model_dump_json()
    put(store, key, data)  # ... and the tab that holds it writes it again
    store.close()
    restarted = sqlite_store(path)  # a restart finds it in the new file
    assert restarted.load_session(key).data == data  # type: ignore[union-attr]
    restarted.close()


def test_the_log_of_a_deleted_file_another_process_holds_is_set_aside_not_replayed(tmp_path):
    path = tmp_path / "keuzehulp.sqlite"
    store = sqlite_store(path)
    old_key = new_key()
    put(store, old_key, BLANK)
    other = make_engine(f"sqlite:///{path}")  # a second app server with the file open
    with other.connect() as held:
        held.exec_driver_sql("SELECT COUNT(*) FROM sessions").scalar()
        os.remove(path)
        assert Path(f"{path}-wal").exists()  # the old file's log, still at the old name
        assert store.ensure_file() is True
        assert sorted(p.name.split(".orphaned-")[0] for p in tmp_path.glob("*.orphaned-*")) == [
            "keuzehulp.sqlite-shm", "keuzehulp.sqlite-wal"]
    other.dispose()
    key = new_key()
    put(store, key, BLANK)
    assert store.load_session(key) is not None and store.load_session(old_key) is None
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    store.close()


def test_a_replaced_sqlite_file_is_noticed_and_the_new_file_is_used(tmp_path):
    path = tmp_path / "keuzehulp.sqlite"
    store = sqlite_store(path)
    put(store, new_key(), BLANK)
    backup_key = new_key()
    backup = sqlite_store(tmp_path / "backup.sqlite")
    put(backup, backup_key, with_profile(Session(), municipality="Epe").model_dump_json())
    backup.close()
    os.replace(tmp_path / "backup.sqlite", path)  # a restored backup moved into place
    assert store.file_problem() == "replaced"
    assert store.ensure_file() is True and store.file_event == "replaced"
    assert parsed(store.load_session(backup_key).data).profile.municipality == "Epe"  # type: ignore[union-attr]
    store.close()


def test_postgresql_has_no_file_to_lose(store):
    assert store.file_problem() is None and store.ensure_file() is False and store.generation == 0


def test_the_migrations_make_the_sessions_table_that_tables_py_describes(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from keuzehulp.store.tables import metadata

    engine = make_engine(store_url)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    about_sessions = [d for d in diff if "sessions" in repr(d) and "remove_table" not in repr(d)]
    assert about_sessions == []


@pytest.mark.parametrize("placeholder", ["", "{}", "null"])
def test_a_row_without_a_session_in_it_is_simply_written_over(store, placeholder):
    key = new_key()
    put(store, key, placeholder)  # e.g. a key reserved before anything was typed
    data = with_profile(Session(), municipality="Lochem").model_dump_json()
    saved = store.save_changes(key, data, base=BLANK, base_version=0, valid=valid_session)
    assert saved.conflicts == () and parsed(store.load_session(key).data).profile.municipality == "Lochem"  # type: ignore[union-attr]
