"""Autosave: the tab's Session is written to the store as it changes, under a key in the
address (?sessie=...), so a refresh, a reconnect, a new tab with that address or a server
restart brings everything back.

Two tabs on one key: a save writes only what this tab changed since the version it last loaded
or saved (Store.save_changes); another tab's change to another field is merged in and shown here,
a change of the same field by both is a conflict told in this tab (ui/session/conflicts.py). On the
first save_if_changed of a run (pick_up=True) a tab that changed nothing asks the store for the
version only, and takes in what another tab saved. A SQLite file deleted or replaced under the
running app is noticed (Store.ensure_file): the tab writes what it holds into the new file and
says so beside "Sessie opslaan" instead of "Laatst opgeslagen".

app.py calls restore_once() before the page runs (the first run of a browser tab loads the
session of the key in the address, or gives the tab a new key) and save_if_changed() at the start
and the end of every run.

Keys are issued by the server only (session fixation): a key in the address opens the session
stored under it, and nothing else. A key that holds no session (made up, deleted, expired) is
replaced by a new key from the server and the address is rewritten, so what this tab types never
lands under a key that someone else chose. The first save (version 0) records the new key in
the store and never takes over a session that exists (KeyInUse); a save for a session that is
gone (UnknownSession) goes on under a new key. A run that changed nothing costs one identity check (sessions are
replaced, never mutated (ui/session/store.py), so `session is last_saved` means "nothing new"),
and on the first call one query for the stored version.
When the store cannot be reached the app keeps working and says so beside "Sessie opslaan".
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from keuzehulp.contract.inputs import InputError, parse_session
from keuzehulp.contract.schema import Session
from keuzehulp.store import (
    Conflict,
    KeyInUse,
    SaveRace,
    SaveResult,
    Store,
    UnknownSession,
    new_key,
    valid_key,
)
from ui.session import conflicts as conflict_view
from ui.session.store import get_session, set_session

LOG = logging.getLogger(__name__)

KEY_PARAM = "sessie"  # the query parameter that carries the session key
STATE_KEY = "keuzehulp_autosave"
RETRY_AFTER_S = 30.0  # a store that failed to open is tried again after this long
PURGE_EVERY_S = 3600.0
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
BLANK = Session()
BLANK_JSON = BLANK.model_dump_json()
FILE_EVENTS = {"gone": ("verdwenen", "in een nieuw bestand"),
               "replaced": ("vervangen", "in het bestand dat er nu staat")}


@dataclass
class Autosave:
    """What this tab last wrote: the key, the Session object and its JSON, and when."""

    key: str
    saved: Session | None = None
    saved_json: str | None = None  # what is stored as `version`: the base of the next save
    saved_at: datetime | None = None  # naive UTC, as the store keeps it
    failed: bool = False
    unknown_link: bool = False  # the address had a key that holds no session: a new key instead
    version: int = 0  # the stored version this tab last loaded or saved (0: none yet)
    generation: int | None = None  # the store's file generation it was saved under
    conflicts: list[Conflict] = field(default_factory=list)  # its changes that lost, to show
    file_event: str | None = None  # "gone"/"replaced": the SQLite file was, and it wrote again
    file_event_at: datetime | None = None  # when it wrote again (shown until "Begrepen")


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
    elif autosave.generation is None:
        autosave.generation = db.generation
    return db


def current() -> Autosave:
    autosave = st.session_state.get(STATE_KEY)
    if not isinstance(autosave, Autosave):
        autosave = Autosave(key=new_key())
        st.session_state[STATE_KEY] = autosave
    return autosave


def restore_once() -> None:
    """First run of a browser tab: take the session of the key in the address, if one is saved
    under it. Any other key is not adopted: the tab gets a new key (keep_key_in_address then
    rewrites the address)."""
    if isinstance(st.session_state.get(STATE_KEY), Autosave):
        return
    key = st.query_params.get(KEY_PARAM)
    autosave = Autosave(key=new_key(), unknown_link=key is not None)
    st.session_state[STATE_KEY] = autosave
    if not valid_key(key):
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
        return  # nothing saved under this key (never issued, deleted or expired): a new key
    autosave.key, autosave.unknown_link = key, False
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
    autosave.version = saved.version


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


def save_if_changed(pick_up: bool = False) -> None:
    """Write what this tab changed since its last save; a blank session is not written.

    pick_up (the first call of a run): when nothing changed, ask the store whether another tab
    saved meanwhile (one small query) and take that in, so every tab shows the merged session.
    """
    autosave = current()
    session = get_session()
    if session is autosave.saved and not pick_up:
        return
    data = None
    if session is not autosave.saved:
        data = session.model_dump_json()
        if data == autosave.saved_json or (autosave.saved_json is None and session == BLANK):
            autosave.saved, data = session, None
    if data is None and not pick_up:
        return
    db = _store_or_fail(autosave)
    if db is None:
        return
    try:
        db.ensure_file()  # a SQLite file deleted or replaced under us: open the path afresh
        if autosave.generation != db.generation:
            _write_again(db, autosave, session)
        elif data is not None:
            result = _save(db, autosave, data)
            _took(autosave, session, data, result, rerun=not pick_up)
        else:
            _take_in_newer(db, autosave)
    except (SQLAlchemyError, OSError, ValueError, SaveRace, InputError):
        LOG.exception("autosave failed")
        autosave.failed = True


def _valid(data: str) -> bool:
    """Whether a merged session is one the app can open (else the merge is refused)."""
    try:
        parse_session(data)
    except InputError:
        return False
    return True


def _took(autosave: Autosave, session: Session, data: str, result: SaveResult, rerun: bool) -> None:
    """After a save: the stored session becomes this tab's base; what another tab changed in the
    meantime comes into this tab's session, and this tab's lost changes are listed to show."""
    if result.merged:
        stored = parse_session(result.data)
        set_session(stored)
        autosave.saved, autosave.saved_json = get_session(), stored.model_dump_json()
    else:
        autosave.saved, autosave.saved_json = session, data
    autosave.version, autosave.saved_at, autosave.failed = result.version, result.updated_at, False
    if result.conflicts:
        paths = {c.path for c in result.conflicts}
        autosave.conflicts = [c for c in autosave.conflicts if c.path not in paths] + list(result.conflicts)
        st.toast(conflict_view.TOAST, icon=":material/sync_problem:")  # also when the sidebar is closed
    if result.merged and rerun:
        st.rerun()  # the page was drawn with this tab's values: draw the merged ones


def _take_in_newer(db: Store, autosave: Autosave) -> None:
    """Nothing changed here: if another tab saved a newer version, show that one."""
    version = db.session_version(autosave.key)
    autosave.failed = False  # the store answers, and nothing of this tab waits to be saved
    if version is None or version == autosave.version:
        return
    saved = db.load_session(autosave.key)
    if saved is None:
        return
    try:
        session = parse_session(saved.data)
    except InputError as exc:
        LOG.error("saved session %s… cannot be read: %s", autosave.key[:6], exc)
        return
    set_session(session)
    autosave.saved, autosave.saved_json = get_session(), session.model_dump_json()
    autosave.version, autosave.saved_at, autosave.failed = saved.version, saved.updated_at, False


def _write_again(db: Store, autosave: Autosave, session: Session) -> None:
    """The SQLite file was deleted or replaced: this tab holds the newest copy of its session and
    writes it into the file now at the path (merged onto another tab's copy if one of this
    process wrote it there first), and says so instead of "Laatst opgeslagen"."""
    autosave.generation = db.generation
    if autosave.saved_json is None and session == BLANK:
        return  # nothing of this tab was ever saved
    data = session.model_dump_json()
    if db.written_since_reopen(autosave.key):
        result = db.save_changes(autosave.key, data, base=autosave.saved_json or BLANK_JSON,
                                 base_version=-1, valid=_valid)
        _took(autosave, session, data, result, rerun=False)
    else:
        try:
            row = db.create_session(autosave.key, data)  # the new file holds no row for this key yet
        except KeyInUse:  # a restored backup holds an older copy: this tab's is newer
            row = db.save_session(autosave.key, data)
        autosave.saved, autosave.saved_json = session, data
        autosave.version, autosave.saved_at, autosave.failed = row.version, row.updated_at, False
    autosave.file_event, autosave.file_event_at = db.file_event or "gone", autosave.saved_at


def _save(db: Store, autosave: Autosave, data: str) -> SaveResult:
    """Save what this tab changed (merged onto other tabs' saves). The first save under the tab's
    key records the key as issued; when the session is gone (deleted in another tab, or purged
    after expiry) or the key is taken, the tab goes on under a new key and the address follows."""
    try:
        return db.save_changes(autosave.key, data, base=autosave.saved_json or BLANK_JSON,
                               base_version=autosave.version, valid=_valid)
    except (UnknownSession, KeyInUse):
        LOG.info("the session key of a tab holds no session of its own any more; a new key is issued")
    autosave.key, autosave.version, autosave.saved_json = new_key(), 0, None
    row = db.create_session(autosave.key, data)
    keep_key_in_address()
    return SaveResult(data=data, version=row.version, updated_at=row.updated_at, conflicts=(), merged=False)


def saved_at_text(saved_at: datetime) -> str:
    """'14:32' in Dutch time (the store keeps UTC); with the date when it is not today."""
    local = saved_at.replace(tzinfo=UTC).astimezone(LOCAL_TIME)
    today = datetime.now(LOCAL_TIME).date()
    if local.date() == today:
        return f"om {local:%H:%M}"
    return f"op {local.day}-{local.month}-{local.year} om {local:%H:%M}"


def _file_notice_read() -> None:
    current().file_event = None


def status_line() -> None:
    """Beside 'Sessie opslaan': when the session was last saved, or that saving fails."""
    autosave = current()
    if autosave.failed:
        st.caption(":material/cloud_off: Automatisch opslaan lukt nu niet. Bewaar uw werk met "
                   "'Sessie opslaan'.")
        conflict_view.block(autosave.conflicts)
        return
    if autosave.file_event is not None and autosave.file_event_at is not None:
        what, where = FILE_EVENTS.get(autosave.file_event, FILE_EVENTS["gone"])
        st.warning(f"Het opslagbestand op de server is {what}. Wat in dit tabblad staat, is "
                   f"{saved_at_text(autosave.file_event_at)} opnieuw opgeslagen, {where}. Andere "
                   "open tabbladen doen dat zodra u daar iets aanklikt. Bewaar voor de zekerheid "
                   "ook zelf een kopie met 'Sessie opslaan'.", icon=":material/sync_problem:")
        st.button("Begrepen", key="file_notice_ok", on_click=_file_notice_read)
    if autosave.saved_at is not None and (autosave.file_event is None
                                          or autosave.saved_at != autosave.file_event_at):
        st.caption(f":material/cloud_done: Laatst opgeslagen {saved_at_text(autosave.saved_at)}. "
                   "Alles wordt vanzelf bewaard onder het adres van deze pagina.")
    elif autosave.unknown_link and autosave.saved_at is None:
        st.caption(":material/link_off: Onder de link die u opende, is geen sessie bewaard (meer). "
                   "U begint met een lege sessie onder een nieuw adres.")
    elif autosave.saved_at is None:
        st.caption("Wat u invult, wordt vanzelf bewaard onder het adres van deze pagina.")
    conflict_view.block(autosave.conflicts)
