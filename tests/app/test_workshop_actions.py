"""Actions with owners: per essential element the team notes what it will do, who and by when;
it is kept in the session (so in 'Sessie opslaan') and reaches the downloads."""

from __future__ import annotations

from datetime import date

from wizard_helpers import open_page, page_text

from keuzehulp import advise
from keuzehulp.report import render
from keuzehulp.schema import Profile, Session, TeamDecision, TeamInput
from ui.state import SESSION_KEY

LOCHEM = Profile(municipality="Lochem", annual_intake=14)


def test_an_action_with_owner_and_date_is_kept_and_reaches_the_summary(app):
    app.session_state[SESSION_KEY] = Session(profile=LOCHEM)
    open_page(app, "pages/advies.py")
    essential = next(e.id for e in advise(LOCHEM).elements if e.priority == "essential")
    app.text_input(key=f"team_action_{essential}").input("Vijf werkgevers benaderen").run()
    app.text_input(key=f"team_owner_{essential}").input("Fatima").run()
    app.date_input(key=f"team_due_{essential}").set_value(date(2027, 1, 15)).run()
    assert not app.exception
    action = app.session_state[SESSION_KEY].team.actions[essential]
    assert (action.action, action.owner, action.due) == ("Vijf werkgevers benaderen", "Fatima", date(2027, 1, 15))
    # after leaving the page and coming back the fields hold what was typed
    open_page(app, "pages/vergelijken.py")
    open_page(app, "pages/advies.py")
    assert app.text_input(key=f"team_owner_{essential}").value == "Fatima"
    md = render("md", advise(LOCHEM), app.session_state[SESSION_KEY]).decode()
    first_page = md[: md.index("Leeswijzer")]
    assert "Vijf werkgevers benaderen" in first_page and "15 januari 2027" in first_page


def test_emptying_an_action_removes_it(app):
    app.session_state[SESSION_KEY] = Session(profile=LOCHEM)
    open_page(app, "pages/advies.py")
    essential = next(e.id for e in advise(LOCHEM).elements if e.priority == "essential")
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
