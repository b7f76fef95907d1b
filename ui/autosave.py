"""Autosave: the tab's whole Session is written to the store as it changes, under a key in the
address (?sessie=...), so a refresh, a reconnect, a new tab with that address or a server
restart brings everything back.

app.py calls restore_once() before the page runs (the first run of a browser tab loads the
session of the key in the address, or gives the tab a new key) and save_if_changed() at the start
and the end of every run. A run that changed nothing costs one identity check: sessions are
replaced, never mutated (ui/session/store.py), so `session is last_saved` means "nothing new".
When the store cannot be reached the app keeps working and says so beside "Sessie opslaan".
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import streamlit as st
from keuzehulp.contract.inputs import InputError, parse_session
from keuzehulp.contract.schema import Session
from sqlalchemy.exc import SQLAlchemyError

from keuzehulp.store import Store, new_key, valid_key
from ui.session.store import get_session, set_session

LOG = logging.getLogger(__name__)

KEY_PARAM = "sessie"  # the query parameter that carries the session key
STATE_KEY = "keuzehulp_autosave"
CONFIRM_KEY = "keuzehulp_confirm_delete"
DELETED_KEY = "keuzehulp_session_deleted"
RETRY_AFTER_S = 30.0  # a store that failed to open is tried again after this long
PURGE_EVERY_S = 3600.0
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
BLANK = Session()


@dataclass
class Autosave:
    """What this tab last wrote: the key, the Session object and its JSON, and when."""

    key: str
    saved: Session | None = None
    saved_json: str | None = None
    saved_at: datetime | None = None  # naive UTC, as the store keeps it
    failed: bool = False


class _StoreHolder:
    """One Store per server process, opened (and migrated) on first use; retried if it fails."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.store: Store | None = None
        self.failed_at = 0.0
        self.purged_at = 0.0

    def get(self) -> Store | None:
        if self.store is not None:
            self._purge_now_and_then()
            return self.store
        with self.lock:
            if self.store is None and time.monotonic() - self.failed_at > RETRY_AFTER_S:
                try:
                    self.store = Store.open()
                except Exception:  # no database: the app works on, without autosave
                    LOG.exception("the session store could not be opened")
                    self.failed_at = time.monotonic()
        return self.store

    def _purge_now_and_then(self) -> None:
        if time.monotonic() - self.purged_at < PURGE_EVERY_S or not self.lock.acquire(blocking=False):
            return
        try:
            self.purged_at = time.monotonic()
            assert self.store is not None  # noqa: S101
            gone = self.store.purge_expired()
            if gone:
                LOG.info("purged %d expired sessions", gone)
        except SQLAlchemyError:
            LOG.exception("purging expired sessions failed")
        finally:
            self.lock.release()


@st.cache_resource(show_spinner=False)
def _holder() -> _StoreHolder:
    return _StoreHolder()


def store() -> Store | None:
    return _holder().get()


def _store_or_fail(autosave: Autosave) -> Store | None:
    """The store; None when there is no database, and then the status line says saving fails."""
    db = store()
    if db is None:
        autosave.failed = True
    return db


def current() -> Autosave:
    autosave = st.session_state.get(STATE_KEY)
    if not isinstance(autosave, Autosave):
        autosave = Autosave(key=new_key())
        st.session_state[STATE_KEY] = autosave
    return autosave


def restore_once() -> None:
    """First run of a browser tab: take the session of the key in the address, if saved."""
    if isinstance(st.session_state.get(STATE_KEY), Autosave):
        return
    key = st.query_params.get(KEY_PARAM)
    autosave = Autosave(key=key if valid_key(key) else new_key())
    st.session_state[STATE_KEY] = autosave
    if key != autosave.key:
        return
    db = _store_or_fail(autosave)
    if db is None:
        return
    try:
        saved = db.load_session(key)
    except SQLAlchemyError:
        LOG.exception("loading a saved session failed")
        autosave.failed = True
        return
    if saved is None:
        return  # nothing saved under this key (yet, or any more): start afresh under it
    try:
        session = parse_session(saved.data)
    except InputError as exc:
        # Cannot happen with what the app writes; keep that row untouched, go on under a new key.
        LOG.error("saved session %s… cannot be read: %s", key[:6], exc)
        st.session_state[STATE_KEY] = Autosave(key=new_key())
        return
    set_session(session)
    from ui.session.urlstate import LOADED_KEY

    st.session_state[LOADED_KEY] = True  # the saved session wins over answers in an old address
    autosave.saved = get_session()
    autosave.saved_json = saved.data
    autosave.saved_at = saved.updated_at


def address_params() -> dict[str, str]:
    """Query parameters for every link to another page of the app: Streamlit clears the address's
    parameters on a page change, and a page change can be the first run of a new browser session
    (a click just after a server restart), which then needs the key to find the session."""
    return {KEY_PARAM: current().key}


def keep_key_in_address() -> None:
    """The key stays in the address on every page (Streamlit drops parameters on page change)."""
    key = current().key
    if st.query_params.get(KEY_PARAM) != key:
        st.query_params[KEY_PARAM] = key


def save_if_changed() -> None:
    """Write the session when it changed since the last write; a blank session is not written."""
    autosave = current()
    session = get_session()
    if session is autosave.saved:
        return
    data = session.model_dump_json()
    if data == autosave.saved_json or (autosave.saved_json is None and session == BLANK):
        autosave.saved = session
        return
    db = _store_or_fail(autosave)
    if db is None:
        return
    try:
        row = db.save_session(autosave.key, data)
    except (SQLAlchemyError, ValueError):
        LOG.exception("autosave failed")
        autosave.failed = True
        return
    autosave.saved, autosave.saved_json, autosave.saved_at, autosave.failed = session, data, row.updated_at, False


def saved_at_text(saved_at: datetime) -> str:
    """'14:32' in Dutch time (the store keeps UTC); with the date when it is not today."""
    local = saved_at.replace(tzinfo=UTC).astimezone(LOCAL_TIME)
    today = datetime.now(LOCAL_TIME).date()
    if local.date() == today:
        return f"om {local:%H:%M}"
    return f"op {local.day}-{local.month}-{local.year} om {local:%H:%M}"


def status_line() -> None:
    """Beside 'Sessie opslaan': when the session was last saved, or that saving fails."""
    autosave = current()
    if autosave.failed:
        st.caption(":material/cloud_off: Automatisch opslaan lukt nu niet. Bewaar uw werk met "
                   "'Sessie opslaan'.")
    elif autosave.saved_at is not None:
        st.caption(f":material/cloud_done: Laatst opgeslagen {saved_at_text(autosave.saved_at)}. "
                   "Alles wordt vanzelf bewaard onder het adres van deze pagina.")
    else:
        st.caption("Wat u invult, wordt vanzelf bewaard onder het adres van deze pagina.")


# --- Sessie verwijderen -------------------------------------------------------------------------


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
