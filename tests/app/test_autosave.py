"""Autosave: what a team types is in the store under the key in the address, and a new browser
session with that address (a refresh, a reconnect, a new tab, a restarted server) gets it all back.

The full app runs here (AppTest); the sidebar blocks (delete, scenario prompt) run in small
scripts of their own, because AppTest drops an st.navigation app's sidebar after the first rerun.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from wizard_helpers import fresh_app, open_page, set_field

from keuzehulp.contract.schema import Participant, Profile, Scenario, Session, TeamDecision, TeamInput
from keuzehulp.store import new_key
from ui.session import autosave
from ui.session.state import SESSION_KEY

WORKSHOP = Session(
    profile=Profile(municipality="Lochem", annual_intake=40, regional_cooperation="existing",
                    regional_intake=300),
    scenarios=[Scenario(name="Alleen", profile=Profile(municipality="Lochem", annual_intake=40)),
               Scenario(name="Met de regio", profile=Profile(municipality="Lochem", annual_intake=40,
                                                             regional_cooperation="existing",
                                                             regional_intake=300))],
    active_scenario="Met de regio",
    team=TeamInput(participants=[Participant(name="Anna de Vries", role="beleidsadviseur")],
                   decisions={"delivery": TeamDecision(choice="mixed", reason="Samen met de regio")},
                   notes={"q2": "Navragen bij Zutphen"}),
    answered=["q2", "q3", "start"],
    read=["q1"],
)


def key_of(at: AppTest) -> str:
    value = at.query_params["sessie"]
    return value[0] if isinstance(value, list) else value


def stored(key: str) -> Session | None:
    saved = autosave.store().load_session(key)
    return None if saved is None else Session.model_validate_json(saved.data)


def reopen(key: str, page: str | None = None) -> AppTest:
    """A new browser session with the same address: what a refresh or a new tab is."""
    at = fresh_app()
    at.query_params["sessie"] = key
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        open_page(at, page)
    return at


def test_a_changed_answer_is_saved_and_a_new_tab_with_the_address_gets_it_back():
    at = fresh_app().run()
    key = key_of(at)
    open_page(at, "pages/q2_organisatie.py")
    set_field(at, "annual_intake", 40)
    at.run()
    assert stored(key).profile.annual_intake == 40
    again = reopen(key, "pages/q2_organisatie.py")
    assert again.text_input(key="annual_intake").value == "40"
    assert again.session_state[SESSION_KEY].answered == ["q2"], "the route marks came back too"


def test_the_whole_session_comes_back_scenarios_team_notes_participants_marks():
    key = new_key()
    autosave.store().create_session(key, WORKSHOP.model_dump_json())
    at = reopen(key)
    assert at.session_state[SESSION_KEY] == WORKSHOP
    assert key_of(at) == key, "the tab keeps working under the same key"
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "Laatst opgeslagen om " in captions


def test_the_saved_session_wins_over_older_answers_in_the_address():
    key = new_key()
    autosave.store().create_session(key, WORKSHOP.model_dump_json())
    at = fresh_app()
    at.query_params["sessie"] = key
    at.query_params["annual_intake"] = "12"  # an address copied before the intake was changed
    at.run()
    assert at.session_state[SESSION_KEY].profile.annual_intake == 40


def test_a_visit_that_changes_nothing_writes_nothing():
    at = fresh_app().run()
    key = key_of(at)
    at.run()
    assert stored(key) is None, "no row for a visitor who did nothing"


def test_a_rerun_without_a_change_does_not_write_again():
    at = fresh_app().run()
    key = key_of(at)
    open_page(at, "pages/q2_organisatie.py")
    set_field(at, "annual_intake", 41)
    at.run()
    first = autosave.store().load_session(key).updated_at
    at.run()
    open_page(at, "pages/advies.py")
    assert autosave.store().load_session(key).updated_at == first


@pytest.mark.parametrize("bad", ["../../etc/passwd", "kort", "<script>alert(1)</script>", "x" * 500])
def test_a_bad_key_in_the_address_gives_a_fresh_session_under_a_new_key(bad):
    at = fresh_app()
    at.query_params["sessie"] = bad
    at.run()
    assert not at.exception
    assert key_of(at) != bad and len(key_of(at)) == 32
    assert at.session_state[SESSION_KEY] == Session()


@pytest.mark.parametrize("made_up", ["A" * 20, "A" * 32, pytest.param(new_key(), id="new_key")])
def test_a_key_nobody_saved_under_is_not_adopted_a_new_key_is_issued(made_up):
    """Session fixation: a link with a key the server never issued opens a fresh session under a
    new key; what is typed next is stored under that new key, never under the link's key."""
    at = reopen(made_up)
    assert at.session_state[SESSION_KEY] == Session()
    assert key_of(at) != made_up and len(key_of(at)) == 32, "the address is rewritten"
    assert any("geen sessie bewaard" in c.value for c in at.sidebar.caption)
    open_page(at, "pages/q2_organisatie.py")
    set_field(at, "annual_intake", 55)
    at.run()
    assert stored(made_up) is None
    assert stored(key_of(at)).profile.annual_intake == 55


def test_a_tab_whose_session_was_deleted_elsewhere_goes_on_under_a_new_key():
    at = fresh_app().run()
    open_page(at, "pages/q2_organisatie.py")
    set_field(at, "annual_intake", 41)
    at.run()
    first = key_of(at)
    autosave.store().delete_session(first)  # 'Sessie verwijderen' in another tab
    set_field(at, "annual_intake", 42)
    at.run()
    assert stored(first) is None, "the deleted session does not come back under its old key"
    assert key_of(at) != first and stored(key_of(at)).profile.annual_intake == 42


def test_without_a_store_the_app_works_on_and_says_saving_fails(monkeypatch):
    monkeypatch.setattr(autosave, "store", lambda: None)
    at = fresh_app().run()
    open_page(at, "pages/q2_organisatie.py")
    set_field(at, "annual_intake", 33)
    at.run()
    assert not at.exception
    assert at.session_state[SESSION_KEY].profile.annual_intake == 33
    assert at.session_state[autosave.STATE_KEY].failed


def test_saving_fails_visibly_then_recovers(monkeypatch):
    at = fresh_app().run()
    key = key_of(at)
    real = autosave.store()

    class Broken:
        generation = real.generation

        def ensure_file(self) -> bool:
            return False

        def save_changes(self, *_, **__):
            from sqlalchemy.exc import OperationalError

            raise OperationalError("INSERT", {}, Exception("database is locked"))

        create_session = save_changes
        session_version = save_changes

    monkeypatch.setattr(autosave, "store", lambda: Broken())
    open_page(at, "pages/q2_organisatie.py")
    set_field(at, "annual_intake", 21)
    at.run()
    assert at.session_state[autosave.STATE_KEY].failed
    monkeypatch.setattr(autosave, "store", lambda: real)
    at.run()  # the next run tries again: the change was not forgotten
    assert not at.session_state[autosave.STATE_KEY].failed
    assert stored(key).profile.annual_intake == 21


# --- Sessie verwijderen (the sidebar block in a script of its own) --------------------------------


def _delete_script() -> None:
    import streamlit as st

    from ui.session import autosave, delete

    autosave.restore_once()
    autosave.save_if_changed()
    autosave.keep_key_in_address()
    with st.sidebar:
        autosave.status_line()
        delete.delete_block()


def test_sessie_verwijderen_asks_first_then_deletes_from_the_store():
    key = new_key()
    autosave.store().create_session(key, WORKSHOP.model_dump_json())
    at = AppTest.from_function(_delete_script, default_timeout=30)
    at.query_params["sessie"] = key
    at.run()
    assert at.session_state[SESSION_KEY] == WORKSHOP
    at.sidebar.button(key="session_delete").click().run()
    assert "Weet u het zeker?" in at.sidebar.warning[0].value
    assert stored(key) is not None, "nothing deleted before the confirmation"
    at.sidebar.button(key="session_delete_no").click().run()
    assert stored(key) is not None and at.session_state[SESSION_KEY] == WORKSHOP

    at.sidebar.button(key="session_delete").click().run()
    at.sidebar.button(key="session_delete_yes").click().run()
    assert stored(key) is None
    assert at.session_state[SESSION_KEY] == Session()
    assert key_of(at) != key, "the tab goes on under a new key"
    assert "De sessie is verwijderd" in at.sidebar.success[0].value
    assert reopen(key).session_state[SESSION_KEY] == Session(), "the old address holds nothing"
