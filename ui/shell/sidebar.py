"""The shared sidebar: the route with answered steps (the stepper), save, scenarios."""

from __future__ import annotations

import streamlit as st

from keuzehulp.dutch.markdown import inert_markdown
from ui.kit import nav
from ui.present.scenarios import scenario_sidebar
from ui.session import autosave, delete, state
from ui.session.files import save_button

ANSWERED_ICON = ":material/check_circle:"
OPEN_ICON = ":material/radio_button_unchecked:"


def stepper() -> None:
    """Every page of the route; wizard steps show whether they are answered."""
    answered = state.answered_steps()
    read = state.read_steps()
    st.markdown("**Route**")
    params = autosave.address_params()
    for page in nav.PAGES:
        if page.participant:
            continue  # the participants' page is reached by its link or QR code
        icon = page.icon
        label = page.title
        if page.step in nav.READ_STEPS:  # nothing to fill in: read, not answered
            done = page.step in read
            icon = ANSWERED_ICON if done else OPEN_ICON
            label = f"{page.title} (gelezen)" if done else page.title
        elif page.step is not None and page.step != "start":
            done = page.step in answered
            icon = ANSWERED_ICON if done else OPEN_ICON
            label = f"{page.title} (beantwoord)" if done else page.title
        st.page_link(nav.link_target(page.path), label=label, icon=icon, query_params=params)


def render_sidebar() -> None:
    with st.sidebar:
        municipality = state.get_profile().municipality
        st.markdown("### Keuzehulp duaal inburgeren")
        if municipality:
            st.markdown(f"Voor: **{inert_markdown(municipality)}**")
        stepper()
        st.divider()
        save_button()
        autosave.status_line()
        scenario_sidebar()
        st.divider()
        delete.delete_block()
