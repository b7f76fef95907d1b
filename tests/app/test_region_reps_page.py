"""Regio with representatives' links (issue 25), through the real pages (AppTest): a
representative's form saves their municipality only and puts each Dutch message next to its
field; the facilitator's page takes a representative's save into the table and writes the
facilitator's own change of a linked municipality to that municipality's part; an old or
missing token gets a plain Dutch message."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest
from wizard_helpers import fresh_app, open_page
from wizard_helpers import page_text as _page_text

from keuzehulp.region import reps
from keuzehulp.region.model import parse_region
from keuzehulp.store import new_key
from ui.session import autosave

REGION = {"region": "Lingewaard en buren", "municipalities": [
    {"municipality": "Lingewaard", "annual_intake": 30}, {"municipality": "Overbetuwe", "annual_intake": 20},
    {"municipality": "Zevenaar <i>", "annual_intake": 15}]}


def page_text(at: AppTest) -> str:
    """The page's text as read: Markdown's escapes taken out."""
    return _page_text(at).replace("\\", "")


def _linked() -> tuple[str, reps.Governed, dict[str, str]]:
    """A facilitator's region in the store, with links for every municipality."""
    db = autosave.store()
    region = parse_region(json.dumps(REGION))
    governed = reps.open_region(db.engine, region.region)
    tokens = {n: reps.issue(db.engine, governed, n, reps.part_of(region, n)) for n in region.names}
    key = new_key()
    links = {"id": governed.id, "secret": governed.secret, "name": region.region,
             "tokens": {t.split(".")[0]: t for t in tokens.values()}}
    db.create_session(key, json.dumps({**region.model_dump(mode="json"), "links": links}))
    return key, governed, tokens


def _page(path: str, **params: str) -> AppTest:
    at = fresh_app()
    at.run()
    for k, v in params.items():
        at.query_params[k] = v
    open_page(at, path)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _representative(token: str) -> AppTest:
    return _page("pages/regio_invullen.py", gemeente=token)


def _facilitator(key: str) -> AppTest:
    return _page("pages/regio.py", regio=key)


def _intake(at: AppTest, name: str) -> str:
    editor = at.dataframe[0].value
    return str(editor[editor["municipality"] == name].iloc[0]["annual_intake"])


def test_a_representative_fills_in_their_municipality_and_the_facilitator_sees_it():
    key, governed, tokens = _linked()
    rep = _representative(tokens["Overbetuwe"])
    text = page_text(rep)
    assert "Overbetuwe: uw deel van Lingewaard en buren" in text
    assert "Lingewaard" in text  # the region's name, which holds it; never the other municipalities' answers
    assert "Zevenaar" not in text and "30" not in [t.value for t in rep.text_input]
    rep.text_input(key=next(t.key for t in rep.text_input if t.label == "Instroom per jaar")).input("2.5")
    rep.button[0].click().run()
    assert "Er is nog niets opgeslagen" in page_text(rep)
    # The message stands right under its field: the form's elements in order, the error after the intake.
    form = [(type(el).__name__, getattr(el, "label", None) or str(getattr(el, "value", "")).replace("\\", ""))
            for el in rep.get("form")[0]]
    where = [i for i, (_, text) in enumerate(form) if text == "Instroom per jaar" or "'2.5' is geen heel getal" in text]
    assert len(where) == 2 and where[1] == where[0] + 1, form
    intake_key = next(t.key for t in rep.text_input if t.label == "Instroom per jaar")
    rep.text_input(key=intake_key).input("27")
    for label, share in (("B1-route %", "70"), ("Onderwijsroute %", "10"), ("Z-route %", "20")):
        rep.text_input(key=next(t.key for t in rep.text_input if t.label == label)).input(share)
    rep.button[0].click().run()
    assert any(s.value.startswith("Opgeslagen om") for s in rep.success), page_text(rep)
    part = {p.municipality: p for p in reps.parts(autosave.store().engine, governed)}["Overbetuwe"]
    assert part.data["annual_intake"] == 27 and part.data["route_shares"]["b1"] == 70

    facilitator = _facilitator(key)
    assert _intake(facilitator, "Overbetuwe") == "27" and _intake(facilitator, "Lingewaard") == "30"
    assert "**1 van 3** gemeenten zijn ingevuld" in page_text(facilitator)
    stored = json.loads(autosave.store().load_session(key).data)
    assert stored["municipalities"][1]["annual_intake"] == 27  # the facilitator's region saved with it


def test_the_facilitators_change_of_a_linked_municipality_reaches_its_representative():
    key, governed, tokens = _linked()
    facilitator = _facilitator(key)
    state = facilitator.session_state["region_page"]
    rows = [dict(r) for r in state["rows"]]
    rows[0]["annual_intake"] = "44"  # as typed in the table
    state["rows"], state["version"] = rows, state["version"] + 1
    facilitator.session_state["region_page"] = state
    facilitator.run()
    assert not facilitator.exception
    part = {p.municipality: p for p in reps.parts(autosave.store().engine, governed)}["Lingewaard"]
    assert (part.data["annual_intake"], part.saved_by) == (44, "facilitator")
    rep = _representative(tokens["Lingewaard"])
    assert next(t.value for t in rep.text_input if t.label == "Instroom per jaar") == "44"


def test_a_wrong_revoked_or_missing_token_gets_a_plain_dutch_message():
    _, governed, tokens = _linked()
    part_id = tokens["Lingewaard"].split(".")[0]
    reps.revoke(autosave.store().engine, governed, part_id)
    for token in (tokens["Lingewaard"], tokens["Overbetuwe"][:-2] + "xx", "'; DROP TABLE regions; --"):
        at = _representative(token)
        assert "Deze link werkt niet (meer)" in page_text(at)
        assert not at.text_input
    assert "Open de link die u van de begeleider" in page_text(_page("pages/regio_invullen.py"))


def test_an_edit_at_the_moment_a_representative_saves_is_kept_or_told():
    key, governed, tokens = _linked()
    facilitator = _facilitator(key)
    engine = autosave.store().engine
    # Meanwhile the representatives of Overbetuwe and Lingewaard save ...
    for town, intake in (("Overbetuwe", 21), ("Lingewaard", 31)):
        _, part = reps.open_link(tokens[town], engine)
        reps.save_link(tokens[town], engine, {**part.data, "annual_intake": intake}, part.version)
    # ... while the facilitator changes Zevenaar and Lingewaard in the table.
    state = facilitator.session_state["region_page"]
    rows = [dict(r) for r in state["rows"]]
    rows[0]["annual_intake"], rows[2]["annual_intake"] = "35", "16"
    state["rows"], state["version"] = rows, state["version"] + 1
    facilitator.session_state["region_page"] = state
    facilitator.run()
    assert not facilitator.exception
    text = page_text(facilitator)
    assert "Lingewaard heeft tegelijk met u opgeslagen" in text
    assert [_intake(facilitator, n) for n in ("Lingewaard", "Overbetuwe", "Zevenaar <i>")] == ["31", "21", "16"]
    parts = {p.municipality: p.data["annual_intake"] for p in reps.parts(engine, governed)}
    assert parts == {"Lingewaard": 31, "Overbetuwe": 21, "Zevenaar <i>": 16}
    stored = json.loads(autosave.store().load_session(key).data)  # the facilitator's region, saved
    assert [m["annual_intake"] for m in stored["municipalities"]] == [31, 21, 16]


def test_the_facilitator_revokes_and_renews_a_link_on_the_page():
    key, governed, tokens = _linked()
    facilitator = _facilitator(key)
    facilitator.toggle(key="region_links_show").set_value(True).run()
    facilitator.button(key="region_link_revoke_0").click().run()
    assert not facilitator.exception
    assert "Link ingetrokken. De antwoorden van Lingewaard blijven staan." in page_text(facilitator)
    assert "Deze link werkt niet (meer)" in page_text(_representative(tokens["Lingewaard"]))
    assert "Overbetuwe: uw deel" in page_text(_representative(tokens["Overbetuwe"]))  # the others still work
    facilitator.button(key="region_link_new_0").click().run()  # 'Link maken' again: a new link
    codes = [c.value for c in facilitator.code]
    new = next(c for c in codes if c.startswith("Beste vertegenwoordiger van Lingewaard,"))
    token = new.split("gemeente=")[1].strip()
    assert token != tokens["Lingewaard"]
    assert "Lingewaard: uw deel" in page_text(_representative(token))
