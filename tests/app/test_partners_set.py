"""Partners picked in another order are the same answers (issue 15): the sidebar does not say
'De antwoorden zijn gewijzigd' and the active scenario stays as it was saved."""

from __future__ import annotations

from keuzehulp.contract.schema import Profile, Scenario, Session
from ui.session.state import SESSION_KEY
from wizard_helpers import fresh_app, open_page

SAVED = Profile(partners=["language_provider", "vocational_college"])


def test_partners_in_another_order_are_no_change() -> None:
    at = fresh_app()
    at.session_state[SESSION_KEY] = Session(profile=SAVED, active_scenario="A",
                                            scenarios=[Scenario(name="A", profile=SAVED)])
    at.run()
    open_page(at, "pages/q2_organisatie.py")
    at.multiselect(key="partners").set_value(["vocational_college", "language_provider"]).run()
    assert not at.exception
    session = at.session_state[SESSION_KEY]
    assert session.profile == session.scenarios[0].profile
    captions = " ".join(c.value for c in at.caption)
    assert "De antwoorden zijn gewijzigd" not in captions
    at.multiselect(key="partners").set_value(["vocational_college"]).run()
    assert at.session_state[SESSION_KEY].profile != session.scenarios[0].profile, "a real change still counts"
