"""The slides are the facilitator's cockpit: the team's choice and reason are recorded on the
slide itself, the closing slide puts advice and team choice side by side, the scenarios have a
slide, and 'Ga naar dia' jumps anywhere."""

from __future__ import annotations

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile, Scenario, Session
from ui.present.slides import JUMP_KEY, SLIDE_KEY
from ui.session.state import SESSION_KEY
from wizard_helpers import open_page, page_text

from keuzehulp import advise

ALONE = Profile(municipality="Lochem", annual_intake=25)
REGION = ALONE.model_copy(update={"regional_cooperation": "existing", "regional_intake": 400})
CHANGE = "Wat zou het advies veranderen?"


def present(app, session: Session):
    app.session_state[SESSION_KEY] = session
    return open_page(app, "pages/presentatie.py")


def go_to(app, title: str) -> None:
    for _ in range(25):
        if app.title[0].value == title:
            return
        app.button(key="slide_next").click().run()
    raise AssertionError(f"no slide {title!r}")


def test_the_team_choice_and_reason_are_recorded_on_the_slide_and_shown_at_the_close(app):
    present(app, Session(profile=ALONE))
    app.button(key="slide_next").click().run()  # delivery
    app.button(key="slide_next").click().run()  # what would change it + the team's choice
    assert app.title[0].value == CHANGE
    advised = advise(ALONE).decisions["delivery"].choice
    other = next(o for o in ("in_house", "outsourced", "mixed") if o != advised)
    app.selectbox(key="team_choice_delivery").set_value(other).run()
    app.text_area(key="team_reason_delivery").input("Eerst zelf | dan *kijken*").run()
    assert not app.exception
    assert app.title[0].value == CHANGE, "recording does not leave the slide"
    team = app.session_state[SESSION_KEY].team.decisions["delivery"]
    assert (team.choice, team.reason) == (other, "Eerst zelf | dan *kijken*")
    go_to(app, "Advies en keuze van het team")
    text = page_text(app)
    assert f"≠ {labels().option('delivery', other)}" in text
    assert "Eerst zelf \\| dan \\*kijken\\*" in text, "the reason is shown as text, escaped"
    assert "anders dan de keuzehulp adviseert" in text


def test_two_scenarios_get_a_comparison_slide_before_the_close(app):
    present(app, Session(profile=ALONE, active_scenario="Alleen", scenarios=[
        Scenario(name="Alleen", profile=ALONE), Scenario(name="Met <de> regio", profile=REGION)]))
    titles = [app.title[0].value]
    while not app.button(key="slide_next").disabled:
        app.button(key="slide_next").click().run()
        titles.append(app.title[0].value)
    assert titles[-2:] == ["Scenario's vergeleken", "Advies en keuze van het team"]
    app.button(key="slide_previous").click().run()
    text = page_text(app)
    assert "Met \\<de\\> regio" in text and "≠" in text


def test_one_scenario_gets_no_comparison_slide(app):
    present(app, Session(profile=ALONE))
    options = app.selectbox(key=JUMP_KEY).options
    assert not any("Scenario's vergeleken" in o for o in options)
    assert options[-1].endswith("Advies en keuze van het team")


def test_the_overview_jumps_to_any_slide_and_follows_the_buttons(app):
    present(app, Session(profile=ALONE))
    app.selectbox(key=JUMP_KEY).set_value(5).run()
    assert app.session_state[SLIDE_KEY] == 5
    assert app.title[0].value == CHANGE  # the training_format follow-up slide
    app.button(key="slide_next").click().run()
    assert app.selectbox(key=JUMP_KEY).value == 6
