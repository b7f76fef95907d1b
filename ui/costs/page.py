"""Kosten en doorlooptijd: what the design costs against the Rijk's contribution, and how long
a newcomer waits (issue 12).

All amounts live in Session.costs (only what the team changed; the rest are the declared
defaults of texts/costs.yaml). The route mix and the share of family migrants are answers,
asked on vraag 2 (issue 23); this page shows them. Every widget is seeded from the session
before it is drawn and writes back in its on_change callback; a value that cannot be (empty,
negative, absurd) leaves a Dutch message beside the field and the last valid figures in force.
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from keuzehulp.contract.costdata import (
    GROUPS,
    UNIT_TEXT,
    AmountSpec,
    cost_data,
    describe_range,
    format_amount,
)
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ROUTE_IDS, CostSettings
from keuzehulp.costs.model import ROUTE_LABELS
from keuzehulp.costs.view import BASIS_LABELS, default_count
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.dutch.numbers import (
    MAX_CHARS,
    NotAWholeNumber,
    dutch_number,
    format_whole_number,
    parse_whole_number,
)
from keuzehulp.knowledge.abbreviations import FirstUse, terms
from keuzehulp.knowledge.assumptions import base_register
from keuzehulp.rules.register import knowledge_base
from ui.costs.regional import regional_block
from ui.costs.results import cost_results, current_estimate, timeline_results
from ui.kennis.glossary import glossary_links
from ui.kit import nav
from ui.kit import streamlit_adapter as adapter
from ui.kit.spreadsheet import spreadsheet_button
from ui.session import autosave, state

ERRORS_KEY = "keuzehulp_cost_errors"
FOLLOW = "follow"
FORMAT_OPTIONS = (FOLLOW, "group", "shared_purchase", "individual")
FORMAT_TEXT = {FOLLOW: "Volg de keuze van het team, anders het advies", "group": "Training in een groep",
               "shared_purchase": "Ingekochte training (samen met andere gemeenten)",
               "individual": "Individuele training"}


def _errors() -> dict[str, str]:
    return state.field_errors(ERRORS_KEY)


def _settings() -> CostSettings:
    return state.get_session().costs


def _store(costs: CostSettings) -> None:
    state.store_session(state.get_session().model_copy(update={"costs": costs}))


def _message(exc: ValidationError) -> str:
    msg = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
    return msg[:1].upper() + msg[1:]


# --- editing ------------------------------------------------------------------------------

def commit_amount(name: str) -> None:
    spec = cost_data().amounts[name]
    current = _settings().amounts.get(name, spec.default)
    errors = _errors()
    keep = f"Het vorige getal ({format_amount(current, spec.unit)}) blijft gelden."
    try:
        value = float(parse_whole_number(st.session_state.get(f"cost_{name}") or ""))
    except NotAWholeNumber as exc:
        errors[name] = f"{exc} {keep}"
        return
    if not spec.min <= value <= spec.max:
        errors[name] = f"{dutch_number(value)} kan niet; {describe_range(spec)}. {keep}"
        return
    settings = _settings()
    try:
        new = CostSettings.model_validate({**settings.model_dump(), "amounts": {**settings.amounts, name: value}})
    except ValidationError as exc:  # not expected after the range check; never lose the old figures
        errors[name] = f"{_message(exc)} {keep}"
        return
    errors.pop(name, None)
    _store(new)


def commit_format() -> None:
    value = st.session_state.get("cost_training_format")
    _store(_settings().model_copy(update={"training_format": None if value in (None, FOLLOW) else value}))


def commit_by_hours(route: str) -> None:
    routes = set(_settings().language_by_hours)
    (routes.add if st.session_state.get(f"cost_by_hours_{route}") else routes.discard)(route)
    _store(_settings().model_copy(update={"language_by_hours": [r for r in ROUTE_IDS if r in routes]}))


def reset_amounts() -> None:
    _store(_settings().model_copy(update={"amounts": {}, "language_by_hours": [], "training_format": None}))
    st.session_state[ERRORS_KEY] = {}


def _basis_text(spec: AmountSpec) -> str:
    if spec.basis == "bron":
        page = knowledge_base().get(spec.source or "")
        title = page.title if page else spec.source
        return f"{BASIS_LABELS['bron']}: {title}. {spec.note}".strip()
    if spec.basis == "aanname":
        a = base_register().items[spec.assumption or ""]
        return f"{BASIS_LABELS['aanname']}: {a.title}. {a.says}"
    return f"{BASIS_LABELS['team']}. {spec.note}".strip()


def amount_input(name: str, first: FirstUse) -> None:
    spec = cost_data().amounts[name]
    key = f"cost_{name}"
    # A text box read the Dutch way (keuzehulp/dutchnum: 11.600 is elfduizend zeshonderd); the
    # session seeds it before it is drawn, so a refused figure shows the last valid one again.
    st.session_state[key] = format_whole_number(round(_settings().amounts.get(name, spec.default)))
    changed = name in _settings().amounts
    label = first.explain(f"{spec.label} ({UNIT_TEXT[spec.unit]})")  # "MAP (module arbeidsmarkt …)" once
    st.text_input(label, key=key, max_chars=MAX_CHARS, on_change=commit_amount, args=(name,),
                  help=_basis_text(spec))
    tag = "aangepast door het team" if changed else BASIS_LABELS[spec.basis].lower()
    st.caption(f"Startwaarde {format_amount(spec.default, spec.unit)} · {tag}")
    error = _errors().get(name)
    if error:  # constant labels and a parsed number: no user text in it
        st.error(error, icon=":material/error:")


def composition() -> None:
    """The intake's composition is asked once, on vraag 2 (issue 23): here it is shown, with a
    link to change it, never asked a second time."""
    profile = state.get_profile()
    lab = labels()
    lines = [f"{lab.field('route_shares')} **{lab.value('route_shares', profile.route_shares)}**",
             f"{lab.field('family_migrant_share')} **{lab.value('family_migrant_share', profile.family_migrant_share)}**"]
    st.markdown("\n".join(f"- {line}" for line in lines))
    if profile.route_shares is None:
        st.info("Wij vonden geen openbare landelijke verdeling over de leerroutes die wij konden "
                "controleren. Vul bij vraag 2 de verdeling van uw gemeente in; zonder verdeling rekent de "
                "keuzehulp alleen per traject.", icon=":material/info:")
    st.page_link(nav.link_target("pages/q2_organisatie.py"), label="Verdeling en gezinsmigranten aanpassen bij vraag 2",
                 icon=":material/edit:", query_params=autosave.address_params())


def format_input() -> None:
    st.session_state["cost_training_format"] = _settings().training_format or FOLLOW
    st.selectbox("Training en scholing", FORMAT_OPTIONS, format_func=FORMAT_TEXT.__getitem__,
                 key="cost_training_format", on_change=commit_format)


def amounts_editor() -> None:
    with st.expander("Bedragen aanpassen", expanded=bool(_errors()), icon=":material/edit:"):
        st.markdown("Elk bedrag heeft een startwaarde: uit een openbare bron, of een aanname van de "
                    "keuzehulp. Vervang de aannames door uw eigen cijfers. Bij het vraagteken staat "
                    "waar de startwaarde vandaan komt.")
        tabs = st.tabs(list(GROUPS.values()))
        specs = cost_data().amounts
        # Its own reading unit: a term is spelled out in the first label read here, and the
        # results below the (often closed) editor still spell it out themselves.
        first = FirstUse(terms=terms())
        for tab, group in zip(tabs, GROUPS, strict=True):
            with tab:
                if group == "language":
                    for route in ROUTE_IDS:
                        key = f"cost_by_hours_{route}"
                        st.session_state[key] = route in _settings().language_by_hours
                        st.toggle(f"{ROUTE_LABELS[route]}: taal per uur inkopen (uren × prijs per uur)",
                                  key=key, on_change=commit_by_hours, args=(route,))
                names = [n for n, s in specs.items() if s.group == group]
                # Drawn column by column, the order a reader goes through them (so a term is
                # spelled out in the first label that is read, not the first one in this list).
                for column, half in zip(st.columns(2), (names[0::2], names[1::2]), strict=True):
                    with column:
                        for name in half:
                            amount_input(name, first)
        st.button("Alle bedragen terug naar de startwaarden", on_click=reset_amounts,
                  icon=":material/restart_alt:", key="cost_reset")


def costs_page() -> None:
    st.title("Kosten en doorlooptijd", anchor=False)
    session = state.get_session()
    scenario = f" (scenario {inert_markdown(session.active_scenario)})" if session.active_scenario else ""
    st.markdown("Wat kost uw ontwerp per traject en per jaar, naast het geld van het Rijk? En hoe lang "
                f"wacht een inburgeraar tot de eerste les en de eerste stap naar participatie? "
                f"Berekend met uw huidige antwoorden{scenario}.")
    left, total = default_count(session.costs)
    if left:
        st.info(f"{left} van de {total} bedragen met een aanname als startwaarde staan nog op die startwaarde. "
                "Vervang ze onder 'Bedragen aanpassen' door uw eigen cijfers.", icon=":material/info:")
    composition()
    format_input()
    amounts_editor()
    est = current_estimate()
    if est is None:
        st.error("De kosten konden nu niet worden berekend. Uw antwoorden en bedragen zijn bewaard.",
                 icon=":material/error:")
        return
    key = f"{adapter.WIDE_TABLES}-kosten"  # tables readable on a phone
    st.html(adapter.wide_tables_css(key))
    with st.container(key=key):
        st.header("Kosten", anchor=False)
        cost_results(est)
        st.header("Doorlooptijd", anchor=False)
        timeline_results(est)
    regional_block()
    spreadsheet_button("costs_xlsx")
    glossary_links()
