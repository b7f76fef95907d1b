"""Downloads built when clicked read the newest session of the tab (Latest).

Streamlit builds such a download in a worker thread, outside the script run that drew the
button. When the click on the button is also what takes the cursor out of a text box (a team
reason, a note), the browser sends that text first, but the server applies it only at the start
of the rerun it causes. So `Latest.newest()` waits until a script run has begun after the click
(by then the text is stored), at most DOWNLOAD_WAIT_S, and returns the session of that moment
instead of the one the button was drawn with.
"""

from __future__ import annotations

import threading

import streamlit as st
from keuzehulp.contract.schema import Session

LATEST_KEY = "keuzehulp_latest"

# How long a download waits for the rerun that applies text typed just before the click.
DOWNLOAD_WAIT_S = 0.25


class Latest:
    """The newest Session of one browser tab, for downloads that are built when clicked."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._runs = 0
        self._changed = threading.Condition()

    def put(self, session: Session) -> None:
        with self._changed:
            self._session = session

    def run_began(self, session: Session) -> None:
        """Called at the top of every script run: widget callbacks have run by then."""
        with self._changed:
            self._session = session
            self._runs += 1
            self._changed.notify_all()

    def newest(self, wait: float = DOWNLOAD_WAIT_S) -> Session:
        with self._changed:
            seen = self._runs
            self._changed.wait_for(lambda: self._runs > seen, timeout=wait)
            return self._session


def latest() -> Latest:
    """This tab's Latest; download buttons take it instead of a Session."""
    from ui.session.store import get_session

    holder = st.session_state.get(LATEST_KEY)
    if not isinstance(holder, Latest):
        holder = Latest(get_session())
        st.session_state[LATEST_KEY] = holder
    return holder


def run_began() -> None:
    from ui.session.store import get_session

    latest().run_began(get_session())


def publish(session: Session) -> None:
    """A new session for this tab: a download being built now sees it."""
    holder = st.session_state.get(LATEST_KEY)
    if isinstance(holder, Latest):
        holder.put(session)
