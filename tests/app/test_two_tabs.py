"""Two tabs on one session key (issue 22, finding 3) and the SQLite file deleted under the running
app (finding 6), through the app's own autosave.

The whole app runs for the merge (two AppTests on one key share the process's store, as two
browser tabs share a server); the sidebar's messages run in a small script of their own, because
AppTest drops an st.navigation app's sidebar after the first rerun.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from wizard_helpers import fresh_app, open_page, set_field

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile, Session
from keuzehulp.store import Store, new_key
from ui.session import autosave
from ui.session.state import SESSION_KEY

Q2 = "pages/q2_organisatie.py"

def put(store, key: str, data: str):
    """Write a session the way a test sets the scene: the first save creates it (records the
    key as issued), a later one replaces it."""
    from keuzehulp.store import KeyInUse

    try:
        return store.create_session(key, data)
    except KeyInUse:
        return store.save_session(key, data)



def key_of(at: AppTest) -> str:
    value = at.query_params["sessie"]
    return value[0] if isinstance(value, list) else value


def stored(key: str, db: Store | None = None) -> Session:
    saved = (db or autosave.store()).load_session(key)
    assert saved is not None
    return Session.model_validate_json(saved.data)


def test_two_tabs_changing_different_answers_both_keep_them():
    tab_a = fresh_app().run()
    open_page(tab_a, Q2)
    set_field(tab_a, "annual_intake", 40)
    tab_a.run()
    key = key_of(tab_a)
    tab_b = fresh_app()
    tab_b.query_params["sessie"] = key
    tab_b.run()
    open_page(tab_b, Q2)

    open_page(tab_a, "pages/start.py")
    set_field(tab_a, "municipality", "Lochem")
    tab_a.run()
    set_field(tab_b, "regional_cooperation", "existing")  # B never saw "Lochem"
    tab_b.run()
    assert not tab_b.exception
    both = stored(key).profile
    assert (both.municipality, both.regional_cooperation, both.annual_intake) == ("Lochem", "existing", 40)
    assert tab_b.session_state[SESSION_KEY].profile.municipality == "Lochem", "B shows A's answer"
    assert tab_b.session_state[autosave.STATE_KEY].conflicts == []
    tab_a.run()  # A's next run takes in B's change
    assert tab_a.session_state[SESSION_KEY].profile.regional_cooperation == "existing"


def _tab_script() -> None:
    import streamlit as st

    from ui.session import autosave

    autosave.restore_once()
    autosave.save_if_changed(pick_up=True)
    autosave.keep_key_in_address()
    with st.sidebar:
        autosave.status_line()
    autosave.save_if_changed()


def tab_on(key: str) -> AppTest:
    at = AppTest.from_function(_tab_script, default_timeout=30)
    at.query_params["sessie"] = key
    return at.run()


def change(at: AppTest, **answers) -> AppTest:
    """What a widget callback does: a new Session with the changed answers."""
    session = at.session_state[SESSION_KEY]
    at.session_state[SESSION_KEY] = session.model_copy(
        update={"profile": session.profile.model_copy(update=answers)})
    return at.run()


def test_the_same_answer_changed_in_two_tabs_is_told_in_the_tab_that_lost():
    key = new_key()
    put(autosave.store(), key, Session(profile=Profile(municipality="Lochem")).model_dump_json())
    tab_a, tab_b = tab_on(key), tab_on(key)
    change(tab_a, municipality="Zutphen")
    change(tab_b, municipality="Deventer <b>*x*</b>")
    assert stored(key).profile.municipality == "Zutphen", "the first save stands"
    assert tab_b.session_state[SESSION_KEY].profile.municipality == "Zutphen"
    warning = tab_b.sidebar.warning[0].value
    assert warning.startswith("Een ander tabblad heeft dit intussen gewijzigd: het antwoord bij "
                              f"'{labels().field('municipality')}'")
    assert "**Zutphen**" in warning and "u had **Deventer \\<b\\>\\*x\\*" in warning  # typed text inert
    assert not tab_a.sidebar.warning, "the tab that saved first is not bothered"

    tab_b.sidebar.button(key="conflict_mine_0").click().run()  # keep my own value
    assert stored(key).profile.municipality == "Deventer <b>*x*</b>"
    assert not tab_b.sidebar.warning
    tab_a.run()
    assert tab_a.session_state[SESSION_KEY].profile.municipality == "Deventer <b>*x*</b>"


def test_taking_the_other_value_keeps_it_and_closes_the_message():
    key = new_key()
    put(autosave.store(), key, Session().model_dump_json())
    tab_a, tab_b = tab_on(key), tab_on(key)
    change(tab_a, annual_intake=40)
    change(tab_b, annual_intake=60, municipality="Epe")
    assert "**40**" in tab_b.sidebar.warning[0].value and "**60**" in tab_b.sidebar.warning[0].value
    tab_b.sidebar.button(key="conflict_theirs_0").click().run()
    assert not tab_b.sidebar.warning
    after = stored(key).profile
    assert (after.annual_intake, after.municipality) == (40, "Epe")  # B's other change is kept


@pytest.fixture
def own_store(tmp_path, monkeypatch):
    db = Store.open(f"sqlite:///{tmp_path / 'keuzehulp.sqlite'}")
    monkeypatch.setattr(autosave, "store", lambda: db)
    yield db, tmp_path / "keuzehulp.sqlite"
    db.close()


def test_a_deleted_database_file_is_told_and_the_tab_saves_into_a_new_one(own_store):
    db, path = own_store
    key = new_key()
    put(db, key, Session().model_dump_json())
    tab = tab_on(key)
    change(tab, municipality="Lochem")
    assert "Laatst opgeslagen" in " ".join(c.value for c in tab.sidebar.caption)

    os.remove(path)  # the open database now writes into "(deleted)"
    tab.run()  # the next click
    warning = " ".join(w.value for w in tab.sidebar.warning)
    assert "Het opslagbestand op de server is verdwenen" in warning
    assert "Laatst opgeslagen" not in " ".join(c.value for c in tab.sidebar.caption)
    assert tab.session_state[SESSION_KEY].profile.municipality == "Lochem", "the tab keeps its work"
    restarted = Store.open(f"sqlite:///{path}")  # what a restart would find
    assert stored(key, restarted).profile.municipality == "Lochem"
    restarted.close()

    change(tab, annual_intake=12)  # saving goes on as usual; the message stays until read
    assert "Laatst opgeslagen" in " ".join(c.value for c in tab.sidebar.caption)
    assert "verdwenen" in tab.sidebar.warning[0].value
    assert stored(key, db).profile.annual_intake == 12
    tab.sidebar.button(key="file_notice_ok").click().run()
    assert not tab.sidebar.warning
    assert "Laatst opgeslagen" in " ".join(c.value for c in tab.sidebar.caption)


def test_a_replaced_database_file_gets_what_the_tab_holds(own_store, tmp_path):
    db, path = own_store
    key = new_key()
    put(db, key, Session(profile=Profile(municipality="Lochem")).model_dump_json())
    tab = tab_on(key)
    change(tab, annual_intake=30)
    backup = Store.open(f"sqlite:///{tmp_path / 'backup.sqlite'}")  # an older copy of the session
    put(backup, key, Session(profile=Profile(municipality="Oud")).model_dump_json())
    backup.close()
    os.replace(tmp_path / "backup.sqlite", path)
    tab.run()
    assert "vervangen" in " ".join(w.value for w in tab.sidebar.warning)
    now = stored(key, db).profile
    assert (now.municipality, now.annual_intake) == ("Lochem", 30), "the tab's copy, not the old one"
    assert Path(path).exists()


@pytest.mark.parametrize(("path", "mine", "theirs", "says"), [
    (("team", "decisions", "delivery", "reason"), "Samen met de regio", "Zelf doen",
     "de reden van het team bij '{delivery}'. Daar is het nu **Zelf doen**, u had **Samen met de regio**"),
    (("team", "notes", "q2"), "Navragen bij Zutphen", "", "de notities van het team bij 'Organisatie'. "
     "Daar is het nu **(leeg)**, u had **Navragen bij Zutphen**"),
    (("profile", "regional_cooperation"), "existing", "none",
     "het antwoord bij '{field}'. Daar is het nu **{none}**, u had **{existing}**"),
    (("scenarios",), [{"name": "Met de regio"}], [], "de scenario's. Daar is het nu **(leeg)**, u had "
     "**Met de regio**"),
])
def test_a_conflict_names_the_field_and_both_values_in_dutch(path, mine, theirs, says):
    from keuzehulp.store import Conflict
    from ui.session.conflicts import message

    options = labels().fields["regional_cooperation"].options
    expected = says.format(delivery=labels().decisions["delivery"].title,
                           field=labels().field("regional_cooperation"),
                           none=options["none"], existing=options["existing"])
    assert expected in message(Conflict(path=path, mine=mine, theirs=theirs))
