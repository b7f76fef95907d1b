"""The workshop in the full app: compare scenarios, record the team's choice, present, hand over.

A small municipality alone cannot fill groups in time; with the region's intake it can
(handreiking q2: "Groepsgewijze trainingen kunnen ... alleen kosteneffectief georganiseerd
worden als de gemeente groepen kan vormen die groot genoeg zijn"). The two scenarios below
follow that reasoning, so their training_format advice differs.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from wizard_helpers import open_expander, open_page, page_text

from keuzehulp import advise
from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile, Scenario, Session, TeamDecision, TeamInput
from keuzehulp.report.compare import compare
from ui.session.state import SESSION_KEY

ALONE = Profile(municipality="Lochem", annual_intake=25)
REGION = ALONE.model_copy(update={"regional_cooperation": "existing", "regional_intake": 400})
TWO = Session(profile=ALONE, active_scenario="Alleen",
              scenarios=[Scenario(name="Alleen", profile=ALONE), Scenario(name="Met de regio", profile=REGION)])


def with_session(at, session: Session):
    at.session_state[SESSION_KEY] = session
    return at


def shown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def option(decision: str, profile: Profile) -> str:
    return labels().option(decision, advise(profile).decisions[decision].choice)


def test_the_two_scenarios_differ_in_training_format_as_the_handreiking_reasons():
    result = compare([("Alleen", ALONE), ("Met de regio", REGION)])
    row = next(d for d in result.decisions if d.id == "training_format")
    assert row.differs, [c.choice for c in row.cells]
    assert row.cells[0].choice == "individual"


def test_comparing_needs_two_scenarios_and_says_how_to_make_them(app):
    open_page(app, "pages/vergelijken.py")
    text = page_text(app)
    assert "minstens twee" in text and "Bewaar als scenario" in text
    assert not app.multiselect


def test_two_scenarios_side_by_side_with_the_difference_marked(app):
    open_page(with_session(app, TWO), "pages/vergelijken.py")
    assert app.multiselect(key="compare_selection").value == ["Alleen", "Met de regio"]
    text = page_text(app)
    assert "≠ Verschilt" in text, "a differing decision is marked in words"
    assert "Gelijk" in text
    assert f"≠ {option('training_format', ALONE)}" in text
    assert f"≠ {option('training_format', REGION)}" in text
    assert "Werkt u samen met buurgemeenten?" in text, "the answer that differs is listed"
    assert "Ja, dat doen we al" in text
    assert "Naam van de gemeente" not in text, "answers that are the same are not listed"


def test_a_third_scenario_can_join_and_one_alone_is_not_compared(app):
    three = TWO.model_copy(update={"scenarios": [*TWO.scenarios, Scenario(
        name="Klein <b>", profile=ALONE.model_copy(update={"annual_intake": 5}))]})
    open_page(with_session(app, three), "pages/vergelijken.py")
    app.multiselect(key="compare_selection").set_value(["Alleen", "Met de regio", "Klein <b>"]).run()
    assert not app.exception
    assert "Klein \\<b\\>" in page_text(app), "the name is escaped as user text on screen (inert_markdown)"
    app.multiselect(key="compare_selection").set_value(["Alleen"]).run()
    assert "Kies ten minste twee scenario's" in page_text(app)


def test_the_team_records_its_own_choice_beside_the_advice(app):
    open_page(with_session(app, Session(profile=ALONE)), "pages/advies.py")
    advised = advise(ALONE).decisions["training_format"].choice
    other = next(o for o in ("group", "shared_purchase", "individual") if o != advised)
    open_expander(app, "team_expander_training_format")  # drawn only once opened
    assert app.selectbox(key="team_choice_training_format").value == ""
    app.selectbox(key="team_choice_training_format").set_value(other).run()
    app.text_area(key="team_reason_training_format").input("We starten met de buurgemeenten.").run()
    assert "Het team kiest anders dan het advies." in page_text(app)
    team = app.session_state[SESSION_KEY].team
    assert team.decisions["training_format"] == TeamDecision(
        choice=other, reason="We starten met de buurgemeenten.")
    # Leave the page and come back: the widgets show what the team chose.
    open_page(app, "pages/q1_waarom.py")
    open_page(app, "pages/advies.py")
    open_expander(app, "team_expander_training_format")
    assert app.selectbox(key="team_choice_training_format").value == other
    assert app.text_area(key="team_reason_training_format").value == "We starten met de buurgemeenten."


def test_choosing_what_the_tool_advises_shows_no_difference_note(app):
    open_page(with_session(app, Session(profile=ALONE)), "pages/advies.py")
    advised = advise(ALONE).decisions["delivery"].choice
    open_expander(app, "team_expander_delivery")
    app.selectbox(key="team_choice_delivery").set_value(advised).run()
    assert "Het team kiest anders dan het advies." not in page_text(app)


def test_team_notes_per_question_and_participants(app):
    open_page(with_session(app, Session(profile=ALONE)), "pages/q2_organisatie.py")
    open_expander(app, "team_notes_open_q2")
    app.text_area(key="team_notes_q2").input("Navragen bij de buurgemeenten.").run()
    open_page(app, "pages/advies.py")
    app.text_input(key="team_participant_name").input("Fatima")
    app.text_input(key="team_participant_role").input("Klantmanager")
    app.button(key="FormSubmitter:team_participant_form-Voeg deelnemer toe").click().run()
    team = app.session_state[SESSION_KEY].team
    assert team.notes["q2"] == "Navragen bij de buurgemeenten."
    assert [(p.name, p.role) for p in team.participants] == [("Fatima", "Klantmanager")]


def test_saved_session_round_trips_scenarios_and_team_choices():
    session = TWO.model_copy(update={"team": TeamInput.model_validate({
        "participants": [{"name": "Fatima", "role": "Klantmanager"}],
        "decisions": {"training_format": {"choice": "group", "reason": "Samen met de regio."}},
        "notes": {"q2": "Navragen."},
    })})
    from ui.session.files import session_json  # what 'Sessie opslaan' downloads

    again = parse_session(session_json(session))
    assert again == session
    assert [s.name for s in again.scenarios] == ["Alleen", "Met de regio"]


def test_the_word_summary_holds_both_scenarios_and_the_team_choice():
    from keuzehulp.report import render

    session = TWO.model_copy(update={"team": TeamInput.model_validate({
        "decisions": {"training_format": {"choice": "group", "reason": "Samen met de regio starten."}},
    })})
    doc = Document(io.BytesIO(render("docx", advise(ALONE), session)))
    text = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "Keuze van het team" in text
    assert "Groepsgewijze training en scholing" in text and "Samen met de regio starten." in text
    assert "Alleen" in text and "Met de regio" in text
    assert option("training_format", REGION) in text, "the regional scenario's advice is in it"
    md = render("md", advise(ALONE), session).decode("utf-8")
    assert "Samen met de regio starten." in shown(md)


def test_presentation_walks_the_decisions_with_the_chart_on_training_format(app):
    evil = ALONE.model_copy(update={"municipality": "<b>Lochem</b> *x*"})
    open_page(with_session(app, Session(profile=evil)), "pages/presentatie.py")
    assert app.title[0].value == "Keuzehulp duaal inburgeren"
    assert any("\\<b\\>Lochem\\<\\/b\\> \\*x\\*" in m.value for m in [*app.markdown, *app.header]), \
        "municipality escaped (inert_markdown)"
    assert app.button(key="slide_previous").disabled
    titles = []
    charts = {}
    for _ in range(20):
        app.button(key="slide_next").click().run()
        assert not app.exception
        titles.append(app.title[0].value)
        charts[titles[-1]] = len(app.get("vega_lite_chart"))
        if app.button(key="slide_next").disabled:
            break
    delivery, training, matching = (labels().decisions[d].title for d in ("delivery", "training_format", "matching"))
    change = "Wat zou het advies veranderen?"
    assert titles[:7] == [delivery, change, training, "Kunt u groepen vormen?", change, matching, change]
    assert titles[7:12] == [labels().sections[q].title for q in ("q1", "q2", "q3", "q4", "q5")]
    assert titles[12:15] == ["Wat kost dit ontwerp?", "Hoe lang wacht een inburgeraar?", "Wat koopt u in?"]
    assert charts["Kunt u groepen vormen?"] == 2  # a wide and a narrow (phone) drawing; CSS shows one
    assert titles[-1] == "Advies en keuze van het team"
    text = page_text(app)
    assert "Nog niet gekozen" in text and "Advies van de keuzehulp" in text
    assert titles[-4:-1] == ["Wat kost dit ontwerp?", "Hoe lang wacht een inburgeraar?",
                             "Wat koopt u in?"]  # costs, what to buy, then the close
    app.button(key="slide_previous").click().run()
    assert app.title[0].value == "Wat koopt u in?"


def test_a_decision_slide_shows_reasons_for_and_against(app):
    open_page(with_session(app, Session(profile=ALONE)), "pages/presentatie.py")
    app.button(key="slide_next").click().run()
    text = page_text(app)
    advice = advise(ALONE).decisions["delivery"]
    assert f"Advies: {labels().option('delivery', advice.choice)}" in text
    assert "Wat pleit ervoor" in text and "Wat pleit ertegen" in text
    assert advice.reasons_for[0].text in text
    assert "Aanname van de keuzehulp" in text  # delivery rests on the keuzehulp's own criterion


def test_slides_say_which_scenario_is_on_screen(app):
    named = TWO.model_copy(update={"active_scenario": "Met *de* regio", "scenarios": [
        Scenario(name="Met *de* regio", profile=REGION)]})
    open_page(with_session(app, named), "pages/presentatie.py")
    assert "Scenario: Met \\*de\\* regio" in page_text(app)
    app.button(key="slide_next").click().run()
    assert "Vraag 2 · Organisatie · Scenario: Met \\*de\\* regio" in page_text(app)
    # every slide, the cost slides too, names the scenario in its top line
    while app.title[0].value != "Wat kost dit ontwerp?" and not app.button(key="slide_next").disabled:
        app.button(key="slide_next").click().run()
    assert "Kosten en doorlooptijd · " in page_text(app) and "Scenario: Met \\*de\\* regio" in page_text(app)
    app.button(key="slide_next").click().run()
    assert app.title[0].value == "Hoe lang wacht een inburgeraar?"
    assert "Scenario: Met \\*de\\* regio" in page_text(app)


def test_a_cost_slide_explains_the_terms_its_chart_uses_first(app):
    """The cost chart's legend names MAP and PVT before any text on the slide does: their meaning
    stands right under the chart; the lead-time chart's PIP likewise."""
    open_page(with_session(app, Session(profile=ALONE)), "pages/presentatie.py")
    while app.title[0].value != "Wat kost dit ontwerp?":
        app.button(key="slide_next").click().run()
    captions = " ".join(c.value for c in app.caption)
    assert "MAP (module arbeidsmarkt en participatie)" in captions
    app.button(key="slide_next").click().run()
    # The lead-time slide's headline now names the PIP first (participation starts there), so the
    # meaning stands in that line rather than under the chart.
    assert "PIP (persoonlijk plan inburgering en participatie)" in " ".join(
        [m.value for m in app.markdown] + [c.value for c in app.caption])


def test_the_procurement_slide_shows_what_to_buy_from_the_teams_choice(app):
    from keuzehulp.contract.schema import RouteShares

    profile = ALONE.model_copy(update={"route_shares": RouteShares(b1=60, onderwijs=20, z=20)})
    team = TeamInput(decisions={"training_format": TeamDecision(choice="individual")})
    open_page(with_session(app, Session(profile=profile, team=team)), "pages/presentatie.py")
    while app.title[0].value != "Wat koopt u in?" and not app.button(key="slide_next").disabled:
        app.button(key="slide_next").click().run()
    assert not app.exception and app.title[0].value == "Wat koopt u in?"
    text = shown(page_text(app))
    assert "B1-route 15 · onderwijsroute 5 · Z-route 5" in text  # 25 a year: 60, 20 and 20 %
    assert "Flexibele start, zonder op een groep te wachten" in text  # the team chose individual
    assert "Groepen van minstens" not in text
    assert "bouwstenen: zie de pagina Inkoop" in text


@pytest.mark.parametrize("amounts", [
    {"language_price_onderwijs": 12000},
    {"language_price_onderwijs": 12000, "language_price_b1": 9000},  # two prices too low
], ids=["one-price-too-low", "two-prices-too-low"])
def test_the_procurement_slide_warns_of_every_price_below_its_reference(app, amounts):
    """Gooise Meren got no tenders for the onderwijsroute at first: its price was too low. Two
    prices too low once stopped the slide with an error (two warnings under one key)."""
    from keuzehulp.contract.schema import CostSettings, RouteShares

    profile = ALONE.model_copy(update={"route_shares": RouteShares(b1=60, onderwijs=20, z=20)})
    open_page(with_session(app, Session(profile=profile, costs=CostSettings(amounts=amounts))), "pages/presentatie.py")
    while app.title[0].value != "Wat koopt u in?" and not app.button(key="slide_next").disabled:
        app.button(key="slide_next").click().run()
    assert not app.exception, [e.value for e in app.exception]
    text = shown(page_text(app))
    assert "⚠ Let op: uw prijs voor de onderwijsroute (€ 12.000) ligt onder de referentieprijs (€ 17.000)." in text
    assert ("uw prijs voor de B1-route (€ 9.000) ligt onder" in text) == ("language_price_b1" in amounts)
