"""Scenarios in the sidebar: save, switch, update, delete; a bad name never loses work.

The sidebar block is driven in a small script of its own: AppTest drops sidebar elements after
the first rerun of an st.navigation app, so the full app cannot show them to a test.
"""

from __future__ import annotations

import re

import pytest
from keuzehulp.contract.schema import Profile, Scenario, Session
from streamlit.testing.v1 import AppTest
from ui.session.state import SESSION_KEY

ALONE = Profile(municipality="Lochem", annual_intake=25)
REGION = ALONE.model_copy(update={"regional_cooperation": "existing", "regional_intake": 400})


def _sidebar_script() -> None:
    import streamlit as st
    from ui.present.scenarios import scenario_sidebar

    with st.sidebar:
        scenario_sidebar()


@pytest.fixture
def at() -> AppTest:
    return AppTest.from_function(_sidebar_script, default_timeout=30).run()


def session(at: AppTest) -> Session:
    return at.session_state[SESSION_KEY]


def save(at: AppTest, name: str) -> AppTest:
    at.sidebar.text_input(key="scenario_name").input(name)
    at.sidebar.button(key="scenario_save").click().run()
    assert not at.exception
    return at


def edit_answers(at: AppTest, profile: Profile) -> AppTest:
    """What the wizard's widgets do when the team changes an answer."""
    at.session_state[SESSION_KEY] = session(at).model_copy(update={"profile": profile})
    return at.run()


def shown(markdown: str) -> str:
    """What a reader sees of escaped Markdown text: '\\*' reads as '*'."""
    return re.sub(r"\\(.)", r"\1", markdown)


def messages(at: AppTest) -> list[str]:
    return [shown(e.value) for e in at.sidebar.error] + [shown(s.value) for s in at.sidebar.success]


def test_without_scenarios_the_sidebar_explains_how_to_make_them(at):
    assert "Bewaar de antwoorden onder een naam" in at.sidebar.caption[0].value
    assert not at.sidebar.selectbox


def test_two_scenarios_saved_and_switching_loads_the_answers(at):
    edit_answers(at, ALONE)
    save(at, "Alleen")
    assert messages(at) == ["Scenario 'Alleen' is bewaard."]
    assert at.sidebar.text_input(key="scenario_name").value == "", "the name field is empty again"
    edit_answers(at, REGION)
    assert "De antwoorden zijn gewijzigd" in " ".join(c.value for c in at.sidebar.caption)
    save(at, "Met de regio")
    assert [s.name for s in session(at).scenarios] == ["Alleen", "Met de regio"]
    assert session(at).active_scenario == "Met de regio"

    at.sidebar.selectbox(key="scenario_switch").set_value("Alleen").run()
    assert session(at).profile == ALONE and session(at).active_scenario == "Alleen"
    at.sidebar.selectbox(key="scenario_switch").set_value("Met de regio").run()
    assert session(at).profile == REGION
    assert at.sidebar.selectbox(key="scenario_switch").value == "Met de regio"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Geef het scenario eerst een naam"),
        ("   ", "Geef het scenario eerst een naam"),
        ("Alleen", "Er is al een scenario 'Alleen'"),
        ("  Alleen ", "Er is al een scenario 'Alleen'"),
    ],
    ids=["leeg", "spaties", "dubbel", "dubbel-met-spaties"],
)
def test_a_bad_name_gets_a_dutch_message_and_nothing_is_lost(at, name, message):
    edit_answers(at, ALONE)
    save(at, "Alleen")
    edit_answers(at, REGION)
    save(at, name)
    assert any(m.startswith(message) for m in messages(at)), messages(at)
    assert [s.name for s in session(at).scenarios] == ["Alleen"]
    assert session(at).scenarios[0].profile == ALONE, "the saved scenario is untouched"
    assert session(at).profile == REGION, "the current answers are untouched"


def test_at_most_ten_scenarios(at):
    full = Session(profile=ALONE, scenarios=[Scenario(name=f"S{i}", profile=ALONE) for i in range(10)])
    at.session_state[SESSION_KEY] = full
    at.run()
    save(at, "Nummer elf")
    assert messages(at) == ["Er kunnen hoogstens 10 scenario's worden bewaard. Verwijder er eerst een."]
    assert len(session(at).scenarios) == 10


def test_updating_the_active_scenario_stores_the_changed_answers(at):
    edit_answers(at, ALONE)
    save(at, "Alleen")
    edit_answers(at, REGION)
    at.sidebar.button(key="scenario_update").click().run()
    assert session(at).scenarios[0].profile == REGION
    assert not [b for b in at.sidebar.button if b.key == "scenario_update"], "nothing left to update"


def test_deleting_a_scenario_keeps_its_answers_active(at):
    edit_answers(at, REGION)
    save(at, "Met de regio")
    at.sidebar.button(key="scenario_delete").click().run()
    assert session(at).scenarios == [] and session(at).active_scenario is None
    assert session(at).profile == REGION
    assert messages(at) == ["Scenario 'Met de regio' is verwijderd. De antwoorden zijn nog actief."]


def test_unsaved_answers_come_back_after_switching(at):
    edit_answers(at, ALONE)
    save(at, "Alleen")
    at.sidebar.selectbox(key="scenario_switch").set_value("").run()
    unsaved = ALONE.model_copy(update={"annual_intake": 99})
    edit_answers(at, unsaved)
    at.sidebar.selectbox(key="scenario_switch").set_value("Alleen").run()
    assert session(at).profile == ALONE
    at.sidebar.selectbox(key="scenario_switch").set_value("").run()
    assert session(at).profile == unsaved


def test_a_scenario_name_with_markup_is_shown_as_text(at):
    save(at, "**vet** <b>x</b>")
    assert session(at).scenarios[0].name == "**vet** <b>x</b>"
    assert messages(at) == ["Scenario '**vet** <b>x</b>' is bewaard."]
    raw = at.sidebar.success[0].value
    assert "\\*\\*vet\\*\\*" in raw and "\\<b\\>" in raw, "escaped before it reaches Markdown"


def test_a_name_over_sixty_characters_is_refused():
    # The text field stops at 60 characters; a longer name (e.g. from code) is refused too.
    from ui.present.scenarios import name_problem

    assert name_problem("x" * 61, Session()) == "De naam is te lang; hoogstens 60 tekens."
    assert name_problem("x" * 60, Session()) is None


# --- switching with changes not stored in the active scenario asks first (issue 14) -------------

EDITED = REGION.model_copy(update={"annual_intake": 60})


def two_scenarios_with_an_edit(at: AppTest) -> AppTest:
    """'Alleen' and 'Met de regio' saved; then the intake changed in 'Met de regio'."""
    edit_answers(at, ALONE)
    save(at, "Alleen")
    edit_answers(at, REGION)
    save(at, "Met de regio")
    edit_answers(at, EDITED)
    at.sidebar.selectbox(key="scenario_switch").set_value("Alleen").run()
    assert not at.exception
    return at


def test_switching_with_unsaved_changes_asks_and_changes_nothing_yet(at):
    two_scenarios_with_an_edit(at)
    question = at.sidebar.warning[0].value
    assert "U heeft antwoorden gewijzigd sinds scenario 'Met de regio' is bewaard" in question
    assert session(at).profile == EDITED and session(at).active_scenario == "Met de regio"
    assert at.sidebar.selectbox(key="scenario_switch").value == "Met de regio"


def test_keeping_the_changes_stores_them_in_the_scenario_then_switches(at):
    two_scenarios_with_an_edit(at)
    at.sidebar.button(key="scenario_pending_keep").click().run()
    assert session(at).active_scenario == "Alleen" and session(at).profile == ALONE
    assert {s.name: s.profile for s in session(at).scenarios}["Met de regio"] == EDITED
    assert messages(at) == ["De wijzigingen zijn bewaard in 'Met de regio'."]
    assert not at.sidebar.warning


def test_dropping_the_changes_is_a_choice_the_user_makes(at):
    two_scenarios_with_an_edit(at)
    at.sidebar.button(key="scenario_pending_drop").click().run()
    assert session(at).active_scenario == "Alleen" and session(at).profile == ALONE
    assert {s.name: s.profile for s in session(at).scenarios}["Met de regio"] == REGION
    assert messages(at) == ["De wijzigingen zijn niet bewaard in 'Met de regio'."]


def test_cancelling_keeps_the_changes_and_the_scenario(at):
    two_scenarios_with_an_edit(at)
    at.sidebar.button(key="scenario_pending_cancel").click().run()
    assert session(at).active_scenario == "Met de regio" and session(at).profile == EDITED
    assert not at.sidebar.warning


def test_answers_in_no_scenario_are_kept_in_the_session_itself(at):
    edit_answers(at, ALONE)
    save(at, "Alleen")
    at.sidebar.selectbox(key="scenario_switch").set_value("").run()
    loose = ALONE.model_copy(update={"annual_intake": 99})
    edit_answers(at, loose)
    at.sidebar.selectbox(key="scenario_switch").set_value("Alleen").run()
    assert session(at).loose_profile == loose, "in the session, so in the autosave and the file"
