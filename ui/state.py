"""The one place that reads and writes the user's answers: a keuzehulp Session in session state.

Streamlit deletes a widget's state when its page is left, so the answers live under a key no
widget owns (`keuzehulp_session`) and every widget is seeded from the profile before it is
drawn. Widgets write back in on_change callbacks, validated by pydantic; an invalid value
keeps the old answer and leaves a Dutch message for the widget to show.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import streamlit as st
from pydantic import ValidationError

from keuzehulp.engine import advise
from keuzehulp.inputs import dutch_messages
from keuzehulp.labels import labels
from keuzehulp.schema import ANSWER_FIELDS, Advice, Profile, Session

LOG = logging.getLogger(__name__)

SESSION_KEY = "keuzehulp_session"
ANSWERED_KEY = "keuzehulp_answered"
ERRORS_KEY = "keuzehulp_field_errors"

LATEST_KEY = "keuzehulp_latest"

DEFAULT_PROFILE = Profile()

# How long a download waits for the rerun that applies text typed just before the click.
DOWNLOAD_WAIT_S = 0.25


class Latest:
    """The newest Session of one browser tab, for downloads that are built when clicked.

    Streamlit builds such a download in a worker thread, outside the script run that drew the
    button. When the click on the button is also what takes the cursor out of a text box (a
    team reason, a note), the browser sends that text first, but the server applies it only at
    the start of the rerun it causes. So `newest()` waits until a script run has begun after
    the click (by then the text is stored), at most DOWNLOAD_WAIT_S, and returns the session of
    that moment instead of the one the button was drawn with.
    """

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
    holder = st.session_state.get(LATEST_KEY)
    if not isinstance(holder, Latest):
        holder = Latest(get_session())
        st.session_state[LATEST_KEY] = holder
    return holder


def run_began() -> None:
    latest().run_began(get_session())


def store_session(session: Session) -> None:
    """Every write of the session comes through here, so downloads see it too (Latest)."""
    st.session_state[SESSION_KEY] = session
    holder = st.session_state.get(LATEST_KEY)
    if isinstance(holder, Latest):
        holder.put(session)


def get_session() -> Session:
    session = st.session_state.get(SESSION_KEY)
    if not isinstance(session, Session):
        session = Session()
        store_session(session)
    return session


def set_session(session: Session) -> None:
    """Replace everything (answers, scenarios, team input), e.g. after an upload."""
    store_session(session)
    st.session_state[ERRORS_KEY] = {}
    mark_changed_steps(session.profile)


def get_profile() -> Profile:
    return get_session().profile


def set_profile(profile: Profile) -> None:
    """Make `profile` the active answers. Widgets pick it up when next drawn (call from a
    callback, or st.rerun() if this page's widgets were already drawn in this run)."""
    store_session(get_session().model_copy(update={"profile": profile}))
    st.session_state[ERRORS_KEY] = {}
    mark_changed_steps(profile)


def answered_steps() -> set[str]:
    answered = st.session_state.get(ANSWERED_KEY)
    if not isinstance(answered, set):
        answered = set()
        st.session_state[ANSWERED_KEY] = answered
    return answered


def mark_answered(step: str) -> None:
    answered_steps().add(step)


def mark_changed_steps(profile: Profile) -> None:
    """A loaded profile answers every step in which it differs from the defaults."""
    for name in ANSWER_FIELDS:
        if getattr(profile, name) != getattr(DEFAULT_PROFILE, name):
            mark_answered(labels().fields[name].step)


def field_errors() -> dict[str, str]:
    errors = st.session_state.get(ERRORS_KEY)
    if not isinstance(errors, dict):
        errors = {}
        st.session_state[ERRORS_KEY] = errors
    return errors


def widget_value(name: str) -> Any:
    """The profile value in the shape its widget holds (a fresh list for multiselect)."""
    value = getattr(get_profile(), name)
    return list(value) if isinstance(value, list) else value


def seed_widget(name: str) -> None:
    """Before drawing the widget keyed `name`: make it show the current answer."""
    st.session_state[name] = widget_value(name)


def validated(profile: Profile, name: str, value: Any) -> tuple[Profile | None, str | None]:
    """`profile` with one field changed, or None and a Dutch message when the value cannot be."""
    data = profile.model_dump()
    data[name] = value.strip() if isinstance(value, str) else value
    try:
        return Profile.model_validate(data), None
    except ValidationError as exc:
        message = dutch_messages(exc)[0]
        # The widget shows its own label; keep the part after "'field' (label): ".
        _, _, text = message.partition("): ")
        text = text or message
        return None, text[:1].upper() + text[1:]


def commit_widget(name: str, step: str) -> None:
    """on_change callback: write the widget's value into the profile, or keep the old answer."""
    new, error = validated(get_profile(), name, st.session_state.get(name))
    if new is None:
        field_errors()[name] = f"{error} Het vorige antwoord is bewaard."
        st.session_state[name] = widget_value(name)
        return
    field_errors().pop(name, None)
    store_session(get_session().model_copy(update={"profile": new}))
    mark_answered(step)


ADVICE_KEY = "keuzehulp_advice_memo"


def current_advice() -> Advice | None:
    """The advice for the active answers, computed once per change; None if the engine fails."""
    profile = get_profile()
    memo = st.session_state.get(ADVICE_KEY)
    if memo is not None and memo[0] == profile:
        return memo[1]
    try:
        advice = advise(profile)
    except Exception:  # shown as a Dutch message by the page; details go to the server log
        LOG.exception("advice failed for %s", profile.model_dump_json())
        return None
    st.session_state[ADVICE_KEY] = (profile, advice)
    return advice
