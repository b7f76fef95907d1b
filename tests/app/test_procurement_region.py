"""The page Inkoop and the slide 'Wat koopt u in?' with a region open on the page Regio (issue
26 with 25): per deelproduct the region's scale, who buys and the volumes together; the same
figures on the page and the slide. A region without this municipality changes nothing."""

from __future__ import annotations

import re

from wizard_helpers import open_page, page_text

from keuzehulp.region.model import Region
from tests.test_procurement import _cases
from ui.session.state import REGION_STATE, SESSION_KEY

CASE = _cases()[2]  # Roermond in Midden-Limburg: the onderwijsroute bought regionally, Weert leads


def _shown(text: str) -> str:
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


def _with(app, region: Region | None):
    app.session_state[SESSION_KEY] = CASE.session()
    if region is not None:
        app.session_state[REGION_STATE] = {"good": region}
    return app


def test_the_page_says_per_deelproduct_who_buys_in_the_region(app):
    text = _shown(page_text(open_page(_with(app, CASE.region), "pages/inkoop.py")))
    assert "Samen inkopen in de regio Midden-Limburg" in text
    assert "Trekker: Weert. Kopen samen in: Weert, Roermond, Leudal." in text
    assert "Samen ongeveer 26 inburgeraars per jaar volgen deze leerroute" in text
    assert "Roermond koopt dit zelf in." in text  # ontzorgen: lokaal


def test_the_slide_shows_the_regions_figures(app):
    open_page(_with(app, CASE.region), "pages/presentatie.py")
    while app.title[0].value != "Wat koopt u in?" and not app.button(key="slide_next").disabled:
        app.button(key="slide_next").click().run()
    text = _shown(page_text(app))
    assert "onderwijsroute 26 (regionaal, trekker Weert)" in text
    assert "Let op: uw prijs voor de onderwijsroute (€ 12.000) ligt onder de referentieprijs (€ 17.000)." in text


def test_a_region_without_this_municipality_changes_nothing(app):
    other = CASE.region.model_copy(update={"municipalities": [
        p.model_copy(update={"municipality": f"{p.municipality} 2"}) for p in CASE.region.municipalities],
        "lead": {}, "joins": {}, "route_shares": {}})
    text = _shown(page_text(open_page(_with(app, other), "pages/inkoop.py")))
    assert "Samen inkopen in de regio" not in text and "Trekker:" not in text
    assert "Ongeveer 16 inburgeraars per jaar volgen deze leerroute" in text


def test_the_choice_summary_downloaded_beside_the_region_says_who_buys():
    """The Advies page's download (ui/wizard/advies.export), in a tab with the region open on
    the page Regio: its annex 'Bouwstenen' buys at the region's scale, as the page Inkoop does."""
    from streamlit.testing.v1 import AppTest

    def script() -> None:
        import streamlit as st

        from keuzehulp.rules.engine import advise
        from tests.test_procurement import _cases
        from ui.session.state import REGION_STATE
        from ui.wizard.advies import export

        case = _cases()[2]
        st.session_state[REGION_STATE] = {"good": case.region}
        session = case.session()
        st.text(export("md", advise(session.profile), session).decode("utf-8"))

    at = AppTest.from_function(script, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    text = _shown(at.text[0].value)
    assert "Samen inkopen in de regio Midden-Limburg" in text and "Trekker: Weert." in text
