"""Regio (issue 25): a region kept in the store under its key (?regio=) opens with its
municipalities side by side, differences marked; a change is saved under the same key."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest
from wizard_helpers import fresh_app, open_page, page_text

from keuzehulp.region.model import parse_region
from keuzehulp.store import new_key
from ui.session import autosave

PAGE = "pages/regio.py"
REGION = {
    "schema_version": 1, "kind": "keuzehulp-regio", "region": "Stad en buren",
    "municipalities": [
        {"municipality": "Stad", "annual_intake": 300, "partners": ["employer_service_point"]},
        {"municipality": "Noord", "annual_intake": 10},
        {"municipality": "Oost", "annual_intake": 12},
        {"municipality": "Zuid", "annual_intake": 15},
        {"municipality": "West <b>dorp</b>", "annual_intake": 18},
    ],
    "route_shares": {"Stad": {"b1": 55, "onderwijs": 15, "z": 30}},
    "scale": {"training": "regionaal"},
}


def _open(key: str) -> AppTest:
    at = fresh_app()
    at.query_params["regio"] = key
    at.run()
    open_page(at, PAGE)
    at.query_params["regio"] = key
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _read(at: AppTest) -> str:
    """The page's text as read: Markdown's escapes (of user text and punctuation) taken out."""
    return page_text(at).replace("\\", "")


def _frames(at: AppTest) -> list:
    return [d.value for d in at.dataframe]


def test_the_page_opens_with_an_example_region_and_its_view(app):
    open_page(app, PAGE)
    text = page_text(app)
    assert "Gedeelde afspraken per deelproduct" in text and "De gemeenten naast elkaar" in text
    assert "Instroom per jaar, samen 32" in text  # the example's 12 + 20


def test_a_stored_region_opens_side_by_side_with_the_differences_marked():
    key = new_key()
    autosave.store().create_session(key, json.dumps(REGION))
    at = _open(key)
    text = page_text(at)
    assert "Regionale samenvatting: Stad en buren" in text
    editor, shared, side = _frames(at)[:3]
    assert list(editor["municipality"]) == ["Stad", "Noord", "Oost", "Zuid", "West <b>dorp</b>"]
    training = shared[shared.iloc[:, 0] == "Training en scholing"].iloc[0]
    assert training.iloc[1] == "regionaal (gekozen door de regio)" and training.iloc[2] == "Stad"
    side = side.data if hasattr(side, "data") else side
    assert list(side.columns)[2:] == ["Stad", "Noord", "Oost", "Zuid", "West <b>dorp</b>"]  # shown as text
    row = side[side["Vraag"] == "Advies: groep of individueel"].iloc[0]
    assert row["Verschilt?"] == "≠ Verschilt" and row["Stad"] != row["Noord"]
    assert "Gelijk" in set(side["Verschilt?"])
    assert "Waar het advies per gemeente verschilt, en waarom" in text
    assert "Hoeveel nieuwe inburgeraars verwacht u per jaar? Stad 300" in _read(at)
    assert "West \\<b\\>dorp" in page_text(at), "a name is shown as typed, never as HTML"


def test_renaming_the_region_is_saved_under_the_same_key():
    key = new_key()
    autosave.store().create_session(key, json.dumps(REGION))
    at = _open(key)
    box = next(t for t in at.text_input if t.label == "Naam van de regio")
    box.input("Rivierenland").run()
    assert not at.exception
    saved = parse_region(autosave.store().load_session(key).data)
    assert saved.region == "Rivierenland" and len(saved.municipalities) == 5
    assert saved.route_shares["Stad"].b1 == 55 and saved.scale == {"training": "regionaal"}


def test_an_unknown_key_says_so_and_starts_empty():
    at = _open(new_key())
    assert "niet (meer) bewaard" in page_text(at)


def test_the_reasons_per_deelproduct_open_with_their_basis():
    key = new_key()
    autosave.store().create_session(key, json.dumps(REGION))
    at = _open(key)
    assert "Volgens de handreiking" not in page_text(at)  # drawn only once opened
    at.session_state["region_why_leerroute_b1"] = True
    at.run()
    text = _read(at)
    assert "Aanname van de keuzehulp" in text and "Volgens de handreiking (vraag 2)" in text
    groups = _frames(at)[3]
    assert set(groups["Schaal"]) == {"lokaal", "regionaal"} and "Stad" in set(groups["Wie"])


def test_the_regions_own_choice_per_deelproduct_is_shown_and_saved():
    key = new_key()
    autosave.store().create_session(key, json.dumps(REGION))
    at = _open(key)
    training = next(s for s in at.selectbox if s.label == "Training en scholing")
    assert training.value == "regionaal"  # the stored choice, not "Advies volgen"
    next(s for s in at.selectbox if s.label == "Maatschappelijke begeleiding").set_value("subregionaal").run()
    assert not at.exception
    saved = parse_region(autosave.store().load_session(key).data)
    assert saved.scale == {"training": "regionaal", "maatschappelijke_begeleiding": "subregionaal"}
    shared = _frames(at)[1]
    row = shared[shared.iloc[:, 0] == "Maatschappelijke begeleiding"].iloc[0]
    assert row.iloc[1].startswith("subregionaal (gekozen door de regio)")
