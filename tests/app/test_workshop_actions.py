"""Actions with owners: per essential element the team notes what it will do, who and by when;
it is kept in the session (so in 'Sessie opslaan') and reaches the downloads."""

from __future__ import annotations

from datetime import date

from keuzehulp.contract.schema import Profile, Session, TeamDecision, TeamInput
from ui.session.state import SESSION_KEY
from wizard_helpers import open_expander, open_page, page_text

from keuzehulp import advise
from keuzehulp.report import render

LOCHEM = Profile(municipality="Lochem", annual_intake=14)


def test_an_action_with_owner_and_date_is_kept_and_reaches_the_summary(app):
    app.session_state[SESSION_KEY] = Session(profile=LOCHEM)
    open_page(app, "pages/advies.py")
    essential = next(e.id for e in advise(LOCHEM).elements if e.priority == "essential")
    open_expander(app, f"team_action_expander_{essential}")  # drawn only once opened
    app.text_input(key=f"team_action_{essential}").input("Vijf werkgevers benaderen").run()
    app.text_input(key=f"team_owner_{essential}").input("Fatima").run()
    app.text_input(key=f"team_due_{essential}").input("15 jan 2027").run()
    assert not app.exception
    action = app.session_state[SESSION_KEY].team.actions[essential]
    assert (action.action, action.owner, action.due) == ("Vijf werkgevers benaderen", "Fatima", date(2027, 1, 15))
    # after leaving the page and coming back the fields hold what was typed
    open_page(app, "pages/vergelijken.py")
    open_page(app, "pages/advies.py")
    open_expander(app, f"team_action_expander_{essential}")
    assert app.text_input(key=f"team_owner_{essential}").value == "Fatima"
    assert app.text_input(key=f"team_due_{essential}").value == "15-01-2027"  # shown the way it reads back
    md = render("md", advise(LOCHEM), app.session_state[SESSION_KEY]).decode()
    first_page = md[: md.index("Leeswijzer")]
    assert "Vijf werkgevers benaderen" in first_page and "15 januari 2027" in first_page


def test_emptying_an_action_removes_it(app):
    app.session_state[SESSION_KEY] = Session(profile=LOCHEM)
    open_page(app, "pages/advies.py")
    essential = next(e.id for e in advise(LOCHEM).elements if e.priority == "essential")
    open_expander(app, f"team_action_expander_{essential}")  # drawn only once opened
    app.text_input(key=f"team_action_{essential}").input("Bellen").run()
    app.text_input(key=f"team_action_{essential}").input("").run()
    assert essential not in app.session_state[SESSION_KEY].team.actions


def test_summary_cards_show_the_team_choice_beside_the_advice(app):
    advised = advise(LOCHEM).decisions["training_format"].choice
    other = next(o for o in ("group", "shared_purchase", "individual") if o != advised)
    app.session_state[SESSION_KEY] = Session(
        profile=LOCHEM, team=TeamInput(decisions={"training_format": TeamDecision(choice=other)}))
    open_page(app, "pages/advies.py")
    text = page_text(app)
    assert "wijkt af van het advies" in text and "nog niet gekozen" in text


def test_a_date_that_does_not_exist_keeps_the_old_one_and_says_why_in_dutch(app):
    """The date box reads dates the Dutch way, day first (tests/hostile/dates.yaml); a date a
    Dutch reader would not agree on never replaces the one the team already wrote down."""
    app.session_state[SESSION_KEY] = Session(profile=LOCHEM)
    open_page(app, "pages/advies.py")
    essential = next(e.id for e in advise(LOCHEM).elements if e.priority == "essential")
    open_expander(app, f"team_action_expander_{essential}")  # drawn only once opened
    app.text_input(key=f"team_action_{essential}").input("Vijf werkgevers benaderen").run()
    app.text_input(key=f"team_due_{essential}").input("01/02/2027").run()
    assert app.session_state[SESSION_KEY].team.actions[essential].due == date(2027, 2, 1)  # 1 februari
    app.text_input(key=f"team_due_{essential}").input("31-02-2027").run()
    assert not app.exception
    assert app.session_state[SESSION_KEY].team.actions[essential].due == date(2027, 2, 1)
    assert any("februari 2027 heeft geen dag 31" in e.value for e in app.error)
    assert app.session_state[SESSION_KEY].team.actions[essential].action == "Vijf werkgevers benaderen"
