"""Kosten en doorlooptijd (issue 12): editing amounts and shares in the app, bad input kept out."""

from __future__ import annotations

from keuzehulp.contract.schema import CostSettings, RouteShares
from ui.session.state import SESSION_KEY
from wizard_helpers import open_page, page_text

PAGE = "pages/kosten.py"


def _costs(app) -> CostSettings:
    return app.session_state[SESSION_KEY].costs


def _shares(app, b1, onderwijs, z) -> None:
    for route, value in (("b1", b1), ("onderwijs", onderwijs), ("z", z)):
        app.text_input(key=f"cost_share_{route}").input(str(value))
        app.run()


def test_without_shares_the_page_costs_per_trajectory_and_asks_for_the_split(app):
    open_page(app, PAGE)
    text = page_text(app)
    assert "Vul de verdeling over de leerroutes in" in text
    assert "€ 17.000" in text  # the onderwijsroute's average price (Divosa), per trajectory
    assert not [m for m in app.metric if m.label == "Kosten per jaar"]


def test_filling_in_the_shares_gives_cost_per_year_and_the_gap(app):
    open_page(app, PAGE)
    _shares(app, 60, 10, 30)
    assert _costs(app).route_shares == RouteShares(b1=60, onderwijs=10, z=30)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Geld van het Rijk per jaar"] == "€ 364.200"  # 30 x 11.600 + 3 x 5.400
    assert "Tekort per jaar" in metrics
    assert "Wat bepaalt het verschil het meest?" in page_text(app)


def test_shares_that_do_not_add_up_to_100_get_a_message_and_the_last_split_stays(app):
    open_page(app, PAGE)
    _shares(app, 60, 10, 30)
    app.text_input(key="cost_share_z").input("50")
    app.run()
    assert "telt op tot 120 procent" in page_text(app)
    assert "De vorige verdeling blijft gelden." in page_text(app)
    assert _costs(app).route_shares == RouteShares(b1=60, onderwijs=10, z=30)
    assert app.text_input(key="cost_share_z").value == "50", "what the user typed stays to correct"


def test_editing_an_amount_changes_the_result_and_is_kept_in_the_session(app):
    open_page(app, PAGE)
    _shares(app, 100, 0, 0)
    before = {m.label: m.value for m in app.metric}["Kosten per jaar"]
    app.text_input(key="cost_guidance_rate").input("100")
    app.run()
    assert _costs(app).amounts == {"guidance_rate": 100}
    after = {m.label: m.value for m in app.metric}["Kosten per jaar"]
    assert (before, after) == ("€ 738.000", "€ 774.000")  # 30 x 60 uur x 20 euro more
    open_page(app, "pages/advies.py")
    open_page(app, PAGE)
    assert app.text_input(key="cost_guidance_rate").value == "100", "seeded again from the session"


def test_a_negative_or_absurd_amount_is_refused_beside_the_field(app):
    open_page(app, PAGE)
    app.text_input(key="cost_language_price_b1").input("-500")
    app.run()
    text = page_text(app)
    assert "-500 kan niet" in text and "Het vorige getal (€ 11.600) blijft gelden." in text
    assert _costs(app).amounts == {}
    assert app.text_input(key="cost_language_price_b1").value == "11.600"
    app.text_input(key="cost_language_price_b1").input("5.000.000")
    app.run()
    assert "kies een getal van € 0 tot en met € 100.000" in page_text(app)
    assert _costs(app).amounts == {}


def test_an_empty_price_is_refused_with_a_message(app):
    open_page(app, PAGE)
    app.text_input(key="cost_map_cost").input("")
    app.run()
    assert "Vul een getal in. Het vorige getal (€ 1.000) blijft gelden." in page_text(app)
    assert _costs(app).amounts == {}


def test_a_price_typed_the_dutch_way_is_read_as_meant_and_a_decimal_is_refused(app):
    open_page(app, PAGE)
    app.text_input(key="cost_training_group_cost").input("15.000")
    app.run()
    assert _costs(app).amounts == {"training_group_cost": 15000}
    app.text_input(key="cost_training_group_cost").input("1,5")
    app.run()
    assert "Het vorige getal (€ 15.000) blijft gelden." in page_text(app)
    assert _costs(app).amounts == {"training_group_cost": 15000}


def test_the_reset_button_brings_back_every_starting_value(app):
    open_page(app, PAGE)
    app.text_input(key="cost_coach_hours").input("40")
    app.run()
    assert _costs(app).amounts == {"coach_hours": 40}
    app.button(key="cost_reset").click()
    app.run()
    assert _costs(app).amounts == {}
    assert app.text_input(key="cost_coach_hours").value == "20"


def test_a_long_group_wait_warns_that_the_z_route_does_not_fit_the_term(app):
    from keuzehulp.contract.schema import Profile
    from ui.session import state

    open_page(app, PAGE)
    session = app.session_state[SESSION_KEY]
    app.session_state[SESSION_KEY] = session.model_copy(update={
        "profile": Profile(annual_intake=10, min_group_size=12, level_mix="mixed"),
        "costs": CostSettings(training_format="group")})
    assert state  # the page reads the session through ui.session.state
    app.run()
    text = page_text(app)
    assert "Z-route" in text and "na het einde van de termijn" in text


def test_the_comparison_page_shows_costs_and_lead_time_per_scenario(app):
    from keuzehulp.contract.schema import Profile, Scenario, Session

    session = Session(profile=Profile(), scenarios=[Scenario(name="Alleen", profile=Profile(annual_intake=20)),
                                                     Scenario(name="Samen", profile=Profile(annual_intake=40))],
                      costs=CostSettings(route_shares={"b1": 100, "onderwijs": 0, "z": 0}))
    app.session_state[SESSION_KEY] = session
    open_page(app, "pages/vergelijken.py")
    text = page_text(app)
    assert "Kosten en doorlooptijd per scenario" in text
    table = next(m.value for m in app.markdown if "Kosten per jaar" in m.value)
    assert "Alleen" in table and "Samen" in table and "Verschilt" in table


def test_an_amount_label_spells_out_its_abbreviation_where_the_editor_first_uses_it(app):
    """'MAP: kosten per traject' is read in the editor before any result: there it says what MAP
    is. The results under the (often closed) editor still spell it out themselves."""
    open_page(app, "pages/kosten.py")
    labels = [t.label for t in app.text_input if t.key and t.key.startswith("cost_")]
    map_labels = [label for label in labels if label.startswith("MAP")]
    assert map_labels and "(module arbeidsmarkt en participatie)" in map_labels[0].lower(), map_labels
    assert all("(module arbeidsmarkt" not in label.lower() for label in map_labels[1:])
