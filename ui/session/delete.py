"""'Sessie verwijderen' in the sidebar: the saved session wiped from the store, after a
confirmation, and the tab starts afresh under a new key."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from keuzehulp.contract.schema import Session
from keuzehulp.store import new_key
from ui.session.autosave import BLANK, LOG, STATE_KEY, Autosave, current, store
from ui.session.store import set_session

CONFIRM_KEY = "keuzehulp_confirm_delete"
DELETED_KEY = "keuzehulp_session_deleted"


def delete_current() -> None:
    """Delete the saved session and start afresh in this tab under a new key."""
    autosave = current()
    db = store()
    if db is not None:
        try:
            db.delete_session(autosave.key)
        except SQLAlchemyError:
            LOG.exception("deleting a saved session failed")
            st.session_state[DELETED_KEY] = "failed"
            return
    from ui.session.urlstate import LOADED_KEY

    for key in list(st.session_state.keys()):  # widgets, messages, memos: nothing of it stays
        if key not in (STATE_KEY, LOADED_KEY):
            del st.session_state[key]
    st.session_state[STATE_KEY] = Autosave(key=new_key(), saved=BLANK)
    set_session(Session())
    st.session_state[DELETED_KEY] = "ok"


def _ask() -> None:
    st.session_state[CONFIRM_KEY] = True


def _cancel() -> None:
    st.session_state[CONFIRM_KEY] = False


def delete_block() -> None:
    """'Sessie verwijderen' with a confirmation (call inside the sidebar)."""
    done = st.session_state.pop(DELETED_KEY, None)
    if done == "ok":
        st.success("De sessie is verwijderd. U begint met een lege sessie.", icon=":material/delete:")
    elif done == "failed":
        st.error("Verwijderen lukte nu niet. Probeer het later opnieuw.", icon=":material/error:")
    if not st.session_state.get(CONFIRM_KEY):
        st.button("Sessie verwijderen", on_click=_ask, key="session_delete", icon=":material/delete:",
                  width="stretch", help="Wis alles van deze sessie: antwoorden, scenario's, keuzes, "
                  "notities en deelnemers, ook uit de opslag.")
        return
    st.warning("Weet u het zeker? Alles van deze sessie wordt gewist: antwoorden, scenario's, keuzes "
               "van het team, notities en deelnemers. Dit kan niet ongedaan worden gemaakt. "
               "Wilt u het bewaren, kies dan eerst 'Sessie opslaan'.", icon=":material/warning:")
    left, right = st.columns(2)
    left.button("Ja, verwijderen", on_click=delete_current, key="session_delete_yes", type="primary",
                width="stretch")
    right.button("Annuleren", on_click=_cancel, key="session_delete_no", width="stretch")
