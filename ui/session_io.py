"""Save the session as JSON and resume it from an upload (without losing work on a bad file)."""

from __future__ import annotations

from datetime import date

import streamlit as st
from keuzehulp.contract.inputs import InputError, parse_session
from keuzehulp.contract.schema import Session

from keuzehulp.report.plain import slug
from ui.session import state

APPLIED_KEY = "keuzehulp_upload_applied"  # file_id of the last upload handled (no rerun loop)
RESULT_KEY = "keuzehulp_upload_result"  # ("ok", [municipality]) or ("error", [messages])


def session_filename(session: Session, today: date | None = None) -> str:
    """keuzehulp-sessie-<municipality, at most 40 characters, else 'gemeente'>-<date>.json"""
    day = (today or date.today()).isoformat()
    name = slug(session.profile.municipality, limit=40) or "gemeente"
    return f"keuzehulp-sessie-{name}-{day}.json"


def session_json(session: Session) -> bytes:
    return session.model_dump_json(indent=2).encode("utf-8")


def read_upload(raw: bytes) -> tuple[Session | None, list[str]]:
    """A session from uploaded bytes, or None and Dutch messages naming each problem."""
    try:
        return parse_session(raw), []
    except InputError as exc:
        return None, exc.messages


def apply_upload(raw: bytes, file_id: str) -> None:
    """Resume from an upload once per file (Streamlit hands the same file to every rerun).

    A bad file leaves the current answers exactly as they were.
    """
    if st.session_state.get(APPLIED_KEY) == file_id:
        return
    st.session_state[APPLIED_KEY] = file_id
    session, messages = read_upload(raw)
    if session is None:
        st.session_state[RESULT_KEY] = ("error", messages)
        return
    state.set_session(session)
    st.session_state[RESULT_KEY] = ("ok", [session.profile.municipality])


def save_button() -> None:
    """'Sessie opslaan': the whole session (answers, scenarios, team input) as JSON."""
    session = state.get_session()
    holder = state.latest()
    st.download_button(
        "Sessie opslaan",
        data=lambda: session_json(holder.newest()),  # with text typed just before the click
        file_name=session_filename(session),
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
        help="Bewaar de antwoorden, scenario's en keuzes van het team als bestand. "
        "Via de startpagina gaat u later verder waar u was.",
        width="stretch",
        key="save_session",
    )
