"""The Stemmen page in a regional workshop (issue 25): the participant first picks the
municipality they speak for (from the region's list), then votes per deelproduct on the scale.
Their votes count for that municipality (keuzehulp/workshop/regional.py); they may change both
until the facilitator closes voting. The keuzehulp's advice is not shown here, so it does not
steer the vote."""

from __future__ import annotations

import streamlit as st

from keuzehulp.contract.ids import DEELPRODUCT_IDS, SCALE_IDS
from keuzehulp.dutch.markdown import escape_markdown
from keuzehulp.region.texts import texts
from keuzehulp.workshop import regional, repo
from keuzehulp.workshop.ballot import MAX_REASON, VoteError, scale_question
from ui.workshop.store import client, engine
from ui.workshop.vote_form import say, show, submit_choice

SEEDED = "regional_seeded"  # the workshop id whose stored votes seeded the widgets


def _seed(info: repo.WorkshopInfo, participant: str) -> None:
    if st.session_state.get(SEEDED) == info.id:
        return
    st.session_state[SEEDED] = info.id
    mine = regional.my_municipality(engine(), info.id, participant)
    st.session_state["regional_municipality"] = mine
    for question, (value, reason, _) in repo.my_votes(engine(), info.id, participant).items():
        kind, _, deelproduct = question.partition(":")
        if kind == "scale" and value in SCALE_IDS:
            st.session_state[f"scale_vote_{deelproduct}"] = value
            st.session_state[f"scale_reason_{deelproduct}"] = reason


def _pick(workshop_id: str, participant: str) -> None:
    """on_click of 'Dit is mijn gemeente'."""
    name = st.session_state.get("regional_municipality")
    if not name:
        say("pick", "warning", "Kies eerst uw gemeente.")
        return
    try:
        regional.choose_municipality(engine(), workshop_id, participant, client(), name)
    except VoteError as exc:
        say("pick", "error", str(exc))
        return
    st.session_state["regional_picked"] = name
    say("pick", "success", f"U stemt voor {escape_markdown(name)}.")


def _submit(workshop_id: str, participant: str, deelproduct: str) -> None:
    submit_choice(workshop_id, participant, deelproduct, scale_question(deelproduct), f"scale_vote_{deelproduct}",
                  f"scale_reason_{deelproduct}", "Kies eerst een schaal.",
                  lambda choice: f"Opgeslagen: {texts().scales[choice]}. U kunt uw stem veranderen tot de "
                                 "stemming sluit.")


@st.fragment  # a vote reruns its own form only, not the whole page
def _scale_form(info: repo.WorkshopInfo, participant: str, deelproduct: str) -> None:
    t = texts()
    with st.form(f"scale_form_{deelproduct}"):
        st.radio(t.deelproducten[deelproduct], SCALE_IDS, index=None, key=f"scale_vote_{deelproduct}",
                 format_func=lambda s: f"{t.scales[s]}: {t.scale_help[s]}")
        st.text_input("Waarom? (niet verplicht, één regel)", max_chars=MAX_REASON, key=f"scale_reason_{deelproduct}")
        st.form_submit_button("Stem opslaan", type="primary", width="stretch", on_click=_submit,
                              args=(info.id, participant, deelproduct))
        show(deelproduct)


def regional_ballot(info: repo.WorkshopInfo, participant: str) -> None:
    """The regional part of the Stemmen page: pick a municipality, then the scale per deelproduct."""
    _seed(info, participant)
    picked = st.session_state.get("regional_picked") or regional.my_municipality(engine(), info.id, participant)
    st.session_state["regional_picked"] = picked
    with st.form("regional_pick"):
        names = list(info.municipalities)
        if st.session_state.get("regional_municipality") not in names:
            st.session_state["regional_municipality"] = picked if picked in names else None
        st.selectbox("Voor welke gemeente stemt u?", names, key="regional_municipality",
                     placeholder="Kies uw gemeente")
        st.form_submit_button("Dit is mijn gemeente", type="primary", width="stretch", on_click=_pick,
                              args=(info.id, participant))
        show("pick")
    if not picked:
        st.info("Kies eerst uw gemeente. Daarna stemt u per deelproduct op de schaal.", icon=":material/info:")
        return
    st.markdown(f"U stemt voor **{escape_markdown(picked)}**. {texts().vote_intro}")
    for deelproduct in DEELPRODUCT_IDS:
        _scale_form(info, participant, deelproduct)
