"""Kosten en doorlooptijd (issue 12): editing amounts in the app, bad input kept out. The route
mix is an answer on vraag 2 since issue 23: asked there once, read here."""

from __future__ import annotations

from wizard_helpers import open_page, page_text

from keuzehulp.contract.schema import CostSettings, RouteShares
from ui.session.state import SESSION_KEY

PAGE = "pages/kosten.py"
Q2 = "pages/q2_organisatie.py"


def _costs(app) -> CostSettings:
    return app.session_state[SESSION_KEY].costs


def _profile(app):
    return app.session_state[SESSION_KEY].profile


def _shares(app, b1, onderwijs, z) -> None:
    """The route mix is asked on vraag 2 (three boxes, one answer), then the cost page is opened."""
    open_page(app, Q2)
    for route, value in (("b1", b1), ("onderwijs", onderwijs), ("z", z)):
        app.text_input(key=f"route_shares__{route}").input(str(value))
        app.run()
    open_page(app, PAGE)


def test_without_shares_the_page_costs_per_trajectory_and_points_to_vraag_2(app):
    open_page(app, PAGE)
    text = page_text(app)
    assert "Vul bij vraag 2 in hoe de inburgeraars zich over de leerroutes verdelen" in text
    assert "€ 17.000" in text  # the onderwijsroute's average price (Divosa), per trajectory
    assert not [m for m in app.metric if m.label == "Kosten per jaar"]
    assert not [t for t in app.text_input if str(t.key).startswith("cost_share")], "asked once, on vraag 2"


def test_filling_in_the_shares_gives_cost_per_year_per_stream_and_no_single_gap(app):
    _shares(app, 60, 10, 30)
    assert _profile(app).route_shares == RouteShares(b1=60, onderwijs=10, z=30)
    assert _costs(app).route_shares is None
    metrics = {m.label: m.value for m in app.metric}
    # SPUK: 27 x 11.600 + 30 x 2.500 = 388.200; onderwijsroute 3 x (11.600 + 5.400) = 51.000
    assert metrics["Geld van het Rijk"] == "€ 439.200"
    assert "Tekort per jaar" not in metrics and "Nog zonder budget" in metrics
    text = page_text(app)
    assert "Per geldstroom" in text and "geen totaal tekort" in text
    assert "Wat bepaalt het verschil het meest?" in text


def test_shares_that_do_not_add_up_to_100_get_a_message_and_the_last_split_stays(app):
    _shares(app, 60, 10, 30)
    open_page(app, Q2)
    app.text_input(key="route_shares__z").input("50")
    app.run()
    assert "telt op tot 120 procent" in page_text(app)
    assert "De vorige verdeling is bewaard" in page_text(app)
    assert _profile(app).route_shares == RouteShares(b1=60, onderwijs=10, z=30)
    assert app.text_input(key="route_shares__z").value == "50", "what the user typed stays to correct"


def test_emptying_the_three_boxes_leaves_the_route_mix_unanswered(app):
    _shares(app, 60, 10, 30)
    open_page(app, Q2)
    for route in ("b1", "onderwijs", "z"):
        app.text_input(key=f"route_shares__{route}").input("")
        app.run()
    assert _profile(app).route_shares is None
    assert "Vul alle drie de percentages in" not in page_text(app)


def test_the_route_mix_typed_on_vraag_2_reaches_the_advice(app):
    _shares(app, 20, 70, 10)
    from keuzehulp import advise

    advice = advise(_profile(app))
    priorities = {e.id: e.priority for e in advice.elements}
    assert priorities["labour-market-orientation"] == "recommended"
    assert any("vrijgesteld van de MAP" in r.text for e in advice.elements for r in e.reasons)


def test_editing_an_amount_changes_the_result_and_is_kept_in_the_session(app):
    _shares(app, 100, 0, 0)
    before = {m.label: m.value for m in app.metric}["Kosten per jaar"]
    app.text_input(key="cost_guidance_rate").input("100")
    app.run()
    assert _costs(app).amounts == {"guidance_rate": 100}
    after = {m.label: m.value for m in app.metric}["Kosten per jaar"]
    # 30 x (60 uur begeleiding + 12 uur brede intake en PIP) x 20 euro more
    assert (before, after) == ("€ 766.800", "€ 810.000")
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
    map_labels = [label for label in labels if "MAP" in label]  # first: the SPUK's money for it
    assert map_labels and "(module arbeidsmarkt en participatie)" in map_labels[0].lower(), map_labels
    assert all("(module arbeidsmarkt" not in label.lower() for label in map_labels[1:])


def test_met_de_regio_opens_with_the_wait_per_deelproduct_alone_and_together(app):
    from wizard_helpers import fill_in

    fill_in(app, {"annual_intake": 120, "regional_intake": 300})
    open_page(app, PAGE)
    _shares(app, 60, 10, 30)
    assert "alleen" not in " ".join(str(d.value) for d in app.dataframe).lower()  # drawn once opened
    app.session_state["cost_region_open"] = True
    app.run()
    table = app.dataframe[-1].value
    b1 = table[table["Deelproduct"] == "Leerroute: B1-route"].iloc[0]
    assert b1["Alleen: groep vol na"] == "ongeveer 4 maanden (te laat)"
    assert b1["Met de regio: groep vol na"] == "ongeveer 1,1 maanden (op tijd)"
    # 108 in B1 and Z over 3 levels: 36 a level, 5 groups of 8 each; with 270 more: 48 in all
    text = page_text(app).replace("\\", "")
    assert "alleen 15 groepen per jaar voor € 180.000; samen 48 groepen, waarvan uw deel € 164.571" in text
