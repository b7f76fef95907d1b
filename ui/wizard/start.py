"""The Start page: what the keuzehulp is, the municipality's name, resume a saved session."""

from __future__ import annotations

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.dutch.markdown import inert_markdown
from ui.kennis import links as kennis
from ui.kit import nav
from ui.kit.headings import section_heading
from ui.session import autosave, state
from ui.session import files as session_io
from ui.wizard.widgets import field_input

UPLOAD_KEY = "session_upload"


def _on_upload() -> None:
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        st.session_state.pop(session_io.RESULT_KEY, None)
        st.session_state.pop(session_io.APPLIED_KEY, None)
        return
    session_io.apply_upload(uploaded.getvalue(), uploaded.file_id)


def resume() -> None:
    section_heading("Verder met een opgeslagen sessie", key="resume")
    st.file_uploader(
        "Open een opgeslagen sessie (JSON-bestand)",
        type=["json"],
        key=UPLOAD_KEY,
        on_change=_on_upload,
        help="Een bestand dat u eerder met 'Sessie opslaan' hebt bewaard, of een JSON-advies.",
    )
    result = st.session_state.get(session_io.RESULT_KEY)
    if result is None:
        return
    kind, details = result
    if kind == "error":
        st.error("Dit bestand kon niet worden geopend. Uw huidige antwoorden zijn niet veranderd.\n\n"
                 + "\n".join(f"- {inert_markdown(m)}" for m in details), icon=":material/error:")
    else:
        name = details[0]
        who = f" voor {inert_markdown(name)}" if name else ""
        st.success(f"De sessie{who} is geopend. Uw antwoorden staan weer klaar.",
                   icon=":material/check_circle:")
        for note in details[1:]:  # what was migrated from an older version (constant Dutch)
            st.info(note, icon=":material/update:")


def steps_overview() -> None:
    section_heading("Zo werkt het", key="how")
    lines = [f"{q[1]}. **{labels().sections[q].short}**: {labels().sections[q].title}"
             for q in nav.QUESTION_STEPS]
    st.markdown("U beantwoordt vijf vragen uit de handreiking *Allemaal dual* (RegioPlan, 2021). "
                "Bij elke vraag ziet u meteen wat de afwegingen betekenen voor uw gemeente.\n\n"
                + "\n".join(lines))
    st.markdown("Op de pagina **Advies** staat alles bij elkaar, om te downloaden voor uw "
                "beleidsnotitie.")


def render_start() -> None:
    st.title("Keuzehulp duaal inburgeren", anchor=False)
    page = kennis.item("knowledge/intro/allemaal-dual.md")
    if page is not None:
        st.markdown(kennis.first_paragraph(page))
    st.markdown("Deze keuzehulp helpt uw team kiezen **hoe u dat duale traject vormgeeft**, "
                "met de lessen van negen pilotgemeenten.")
    left, right = st.columns([6, 5], gap="large")
    with left:
        steps_overview()
    with right:
        with st.container(border=True):
            field_input("municipality", "start")
        if st.button("Begin met vraag 1", type="primary", icon=":material/arrow_forward:"):
            state.mark_answered("start")
            st.switch_page(nav.link_target(nav.page_for_step("q1").path), query_params=autosave.address_params())
        resume()
