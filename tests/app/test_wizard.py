"""The wizard as a policy team uses it: every page opens, answers steer the advice and survive."""

from __future__ import annotations

import json

import pytest
from wizard_helpers import STEP_PAGES, fill_in, fresh_app, open_page, page_text, set_field

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ANSWER_FIELDS, Profile, Session
from ui.kit.nav import PAGES
from ui.session.state import SESSION_KEY, validated

# Every profile field answered with a value that is not its default.
EVERY_FIELD = {
    "municipality": "Lochem",
    "annual_intake": 12,
    "level_mix": "similar",
    "sector_mix": "similar",
    "own_capacity": "low",
    "specialised_caseload": True,
    "regional_cooperation": "possible",
    "regional_intake": 40,
    "partners": ["language_provider", "vocational_college"],
    "min_group_size": 6,
    "max_wait_months": 4,
    "recent_arrivals": "some",
    "care_duties": "many",
    "health_barriers": "few",
    "flexible_budget": True,
    "childcare_available": True,
    "experience_experts": True,
    "language_providers": 1,
    "employer_network": "strong",
    "route_shares": {"b1": 50, "onderwijs": 20, "z": 30},
    "family_migrant_share": 35,
}


def session_of(at) -> Session:
    return at.session_state[SESSION_KEY]


def test_the_walk_covers_every_question_of_the_profile():
    assert set(EVERY_FIELD) == set(ANSWER_FIELDS)
    for name, value in EVERY_FIELD.items():
        assert value != getattr(Profile(), name), name


# What each page shows first and what only that page shows: a page that failed, or fell back
# to another page, does not pass.
PAGE_CONTENT = {
    "pages/start.py": ("Keuzehulp duaal inburgeren", "Deze keuzehulp helpt uw team kiezen"),
    "pages/q1_waarom.py": ("Vraag 1: Waarom duaal", "De vier bouwstenen van een duaal traject"),
    "pages/q2_organisatie.py": ("Vraag 2: Organisatie", "Advies voor uw situatie"),
    "pages/q3_begeleiding.py": ("Vraag 3: Begeleiding", "Advies voor uw situatie"),
    "pages/q4_taal.py": ("Vraag 4: Taal en praktijk", "Advies voor uw situatie"),
    "pages/q5_participatie.py": ("Vraag 5: Participatieplek", "Advies voor uw situatie"),
    "pages/advies.py": ("Advies: alles bij elkaar", "Download het keuzeoverzicht"),
    "pages/inkoop.py": ("Inkoop", "Deze bouwstenen vertalen het ontwerp van uw duale traject"),
    "pages/kosten.py": ("Kosten en doorlooptijd", "Wat kost uw ontwerp per traject en per jaar"),
    "pages/vergelijken.py": ("Scenario's vergelijken", "Om scenario's te vergelijken heeft u er minstens twee nodig"),
    "pages/presentatie.py": ("Keuzehulp duaal inburgeren", "Drie keuzes voor uw duale trajecten"),
    "pages/kennisbank.py": ("Kennisbank", "Alles uit de handreiking"),
    "pages/regio.py": ("Regio", "Gedeelde afspraken per deelproduct"),
    # Before a workshop starts; what they show during one: tests/app/test_live_workshop.py.
    "pages/workshop.py": ("Workshop: stemmen met de telefoon", "Laat iedereen in de zaal stemmen met de eigen telefoon"),
    "pages/stemmen.py": ("Stemmen in de workshop", "Vul de code in die de begeleider laat zien"),
    # Without a representative's link; with one: tests/app/test_region_reps_page.py.
    "pages/regio_invullen.py": ("Regio invullen", "Open de link die u van de begeleider van de regio kreeg"),
}


def _widget_keys(at) -> set[str]:
    keys = {w.key for kind in ("text_input", "radio", "toggle", "multiselect") for w in getattr(at, kind)}
    return keys | {k.split("__")[0] for k in keys if "__" in k}  # the route mix: route_shares__b1, ...


def test_every_page_of_the_route_has_its_expectations():
    assert set(PAGE_CONTENT) == {p.path for p in PAGES}


@pytest.mark.parametrize("page", [p.path for p in PAGES], ids=[p.title for p in PAGES])
def test_every_page_opens_on_a_fresh_session_with_its_own_title_and_content(app, page):
    open_page(app, page)
    title, content = PAGE_CONTENT[page]
    assert [t.value for t in app.title][:1] == [title]
    assert content in page_text(app)
    assert "Traceback" not in page_text(app)
    step = next(p.step for p in PAGES if p.path == page)
    if step is not None:  # a wizard step asks its own questions
        assert set(labels().fields_for_step(step)) <= _widget_keys(app)


def test_walking_all_steps_sets_every_answer(app):
    fill_in(app, EVERY_FIELD)
    assert session_of(app).profile == Profile(**EVERY_FIELD)


def test_a_small_municipality_without_region_is_advised_an_individual_approach(app):
    # Handreiking q2: a small intake, spread over language levels, cannot fill groups.
    fill_in(app, {"municipality": "Brummen", "annual_intake": 8, "level_mix": "mixed",
                  "regional_cooperation": "none"})
    open_page(app, "pages/advies.py")
    text = page_text(app)
    assert labels().option("training_format", "individual") in text
    assert "Brummen" in text
    assert "Lochem" in text, "the pilot example with an individual approach is named"


def test_a_large_municipality_with_similar_levels_is_advised_group_training(app):
    fill_in(app, {"annual_intake": 400, "level_mix": "similar", "sector_mix": "similar"})
    open_page(app, "pages/advies.py")
    assert labels().option("training_format", "group") in page_text(app)


def test_the_step_shows_live_advice_with_reasons_and_what_would_change_it(app):
    open_page(app, "pages/q2_organisatie.py")
    set_field(app, "annual_intake", 8)
    app.run()
    text = page_text(app)
    assert labels().option("training_format", "individual") in text
    assert "Waarom?" in text
    assert "Wat zou het advies veranderen?" in text
    assert "Maanden tot groep vol" in text


def test_the_months_metric_never_equals_the_accepted_wait_it_exceeds(app):
    """95 a year needs 3,03 months: the metric beside 'Max. wachttijd 3' must not say '3'."""
    open_page(app, "pages/q2_organisatie.py")
    set_field(app, "annual_intake", 95)
    app.run()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Max. wachttijd (maanden)"] == "3"
    assert metrics["Maanden tot groep vol"] == "iets meer dan 3"


def test_answers_survive_switching_pages(app):
    open_page(app, "pages/q2_organisatie.py")
    set_field(app, "annual_intake", 17)
    set_field(app, "level_mix", "similar")
    app.run()
    open_page(app, "pages/q3_begeleiding.py")
    open_page(app, "pages/advies.py")
    open_page(app, "pages/q2_organisatie.py")
    assert app.text_input(key="annual_intake").value == "17"
    assert app.radio(key="level_mix").value == "similar"


def test_a_changed_answer_marks_its_step_answered_in_the_route(app):
    # (AppTest drops the entrypoint's sidebar on reruns; the browser test checks the stepper.)
    open_page(app, "pages/q3_begeleiding.py")
    set_field(app, "care_duties", "many")
    app.run()
    answered = app.session_state[SESSION_KEY].answered  # in the session, so in the saved file too
    assert "q3" in answered
    assert "q4" not in answered
    assert "Vraag 3 van 5 · 1 vraag beantwoord, nog 3 te gaan" in page_text(app)


def test_question_1_is_read_by_a_visit_not_answered(app):
    open_page(app, "pages/q1_waarom.py")
    session = app.session_state[SESSION_KEY]
    assert "q1" in session.read and "q1" not in session.answered
    assert "Vraag 1 van 5 · nog geen vraag beantwoord · vraag 1 gelezen" in page_text(app)
    assert "0 van de" not in page_text(app)


def test_a_step_can_be_confirmed_with_its_defaults(app):
    open_page(app, "pages/q4_taal.py")
    profile = app.session_state[SESSION_KEY].profile
    app.button(key="keep_defaults_q4").click().run()
    assert "q4" in app.session_state[SESSION_KEY].answered  # in the session, so in the saved file too
    assert app.session_state[SESSION_KEY].profile == profile, "nothing changes but the mark"
    assert "1 vraag beantwoord, nog 3 te gaan" in page_text(app)
    assert "Deze vraag is beantwoord" in page_text(app)


@pytest.mark.parametrize("done, first_read, said", [
    (0, False, "nog geen vraag beantwoord"),
    (1, True, "1 vraag beantwoord, nog 3 te gaan · vraag 1 gelezen"),
    (3, False, "3 vragen beantwoord, nog 1 te gaan"),
    (4, True, "alle vragen beantwoord · vraag 1 gelezen"),
])
def test_the_progress_line_says_how_far_the_team_is_in_plain_words(done, first_read, said):
    from ui.wizard.step import answered_text

    assert answered_text(done, 4, first_read) == said


def test_an_out_of_range_value_keeps_the_old_answer_with_a_dutch_message():
    # The browser's number field already refuses such values; the profile check is the backstop.
    profile = Profile(annual_intake=20)
    new, message = validated(profile, "annual_intake", 20000)
    assert new is None and message.startswith("De waarde 20000 is te groot") and "10000" in message
    new, message = validated(profile, "municipality", "x" * 101)
    assert new is None and "hoogstens 100 tekens" in message
    new, message = validated(profile, "municipality", "  Lochem ")
    assert new is not None and new.municipality == "Lochem" and message is None


def test_the_municipality_name_is_shown_as_text_not_markup(app):
    open_page(app, "pages/start.py")
    set_field(app, "municipality", "**Vet** <script>x</script>")
    app.run()
    open_page(app, "pages/advies.py")
    shown = [m.value for m in app.markdown if m.value.startswith("Voor ")]
    assert shown and "\\*\\*Vet\\*\\*" in shown[0] and "\\<script\\>" in shown[0]


def test_answers_come_from_the_link_and_bad_parameters_are_ignored_with_a_warning():
    fresh = fresh_app()
    fresh.query_params.update({"annual_intake": "12", "level_mix": "zeer gemengd",
                               "partners": "language_provider,vocational_college", "flexible_budget": "ja",
                               "min_group_size": "<b>veel</b>"})
    fresh.run()
    profile = session_of(fresh).profile
    assert profile.annual_intake == 12
    assert profile.level_mix == "mixed"  # the bad value is ignored
    assert profile.partners == ["language_provider", "vocational_college"]
    assert profile.flexible_budget is True
    warning = " ".join(w.value for w in fresh.warning)
    assert "zeer gemengd" in warning and "genegeerd" in warning
    assert "\\<b\\>veel" in warning, "a value from the link is shown as text, not markup"


def test_changed_answers_are_written_to_the_link(app):
    open_page(app, "pages/q2_organisatie.py")
    set_field(app, "annual_intake", 12)
    set_field(app, "partners", ["vocational_college", "language_provider"])
    app.run()
    assert app.query_params["annual_intake"] == "12"
    assert app.query_params["partners"] == "language_provider,vocational_college"
    assert "level_mix" not in app.query_params  # still the default


def test_uploading_a_saved_session_restores_the_answers(app):
    saved = Session(profile=Profile(**EVERY_FIELD)).model_dump_json().encode()
    open_page(app, "pages/start.py")
    app.file_uploader(key="session_upload").upload("sessie.json", saved, "application/json")
    app.run()
    assert session_of(app).profile == Profile(**EVERY_FIELD)
    assert any("geopend" in s.value for s in app.success)
    assert app.text_input(key="municipality").value == "Lochem"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"dit is geen json", "geen geldige JSON"),
        (json.dumps({"kind": "keuzehulp-sessie", "profile": {"annual_intake": -4}}).encode(), "te klein"),
        (json.dumps({"kind": "keuzehulp-sessie", "profile": {"colour": "blue"}}).encode(), "kennen we niet"),
        (b"{" + b" " * (600 * 1024) + b"}", "te groot"),
    ],
    ids=["not JSON", "out of range", "unknown field", "too large"],
)
def test_a_bad_upload_names_the_problem_and_keeps_the_answers(app, content, message):
    open_page(app, "pages/q2_organisatie.py")
    set_field(app, "annual_intake", 23)
    app.run()
    open_page(app, STEP_PAGES["start"])
    app.file_uploader(key="session_upload").upload("sessie.json", content, "application/json")
    app.run()
    assert not app.exception
    assert session_of(app).profile.annual_intake == 23
    errors = " ".join(e.value for e in app.error)
    assert "niet veranderd" in errors and message in errors
