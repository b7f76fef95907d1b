"""The tab's keuzehulp Session in Streamlit's session state: the one place that holds it.

Streamlit deletes a widget's state when its page is left, so the session lives under a key no
widget owns (`keuzehulp_session`). Every write goes through store_session(), so downloads
(ui/session/downloads.py) and the autosave (ui/session/autosave.py) see it. Sessions are immutable in use: a
change is a new Session object (model_copy), which lets the autosave tell "changed" by identity.
"""

from __future__ import annotations

import logging

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ANSWER_FIELDS, Advice, Profile, Session
from keuzehulp.region.model import Region
from keuzehulp.rules.engine import advise
from ui.session.downloads import LATEST_KEY, Latest, publish

LOG = logging.getLogger(__name__)

SESSION_KEY = "keuzehulp_session"
FIELD_ERRORS_KEY = "keuzehulp_field_errors"  # the widget binding's messages (ui/session/binding.py)
ADVICE_KEY = "keuzehulp_advice_memo"
REGION_STATE = "region_page"  # the page Regio's state (ui/region/page.py); "good": its last valid Region

DEFAULT_PROFILE = Profile()


def store_session(session: Session) -> None:
    """Every write of the session comes through here, so downloads and the autosave see it."""
    st.session_state[SESSION_KEY] = session
    publish(session)


def get_session() -> Session:
    session = st.session_state.get(SESSION_KEY)
    if not isinstance(session, Session):
        session = Session()
        store_session(session)
    return session


def set_session(session: Session) -> None:
    """Replace everything (answers, scenarios, team input), e.g. after an upload."""
    store_session(with_changed_steps(session, session.profile))
    st.session_state[FIELD_ERRORS_KEY] = {}


def get_profile() -> Profile:
    return get_session().profile


def set_profile(profile: Profile) -> None:
    """Make `profile` the active answers. Widgets pick it up when next drawn (call from a
    callback, or st.rerun() if this page's widgets were already drawn in this run)."""
    store_session(with_changed_steps(get_session().model_copy(update={"profile": profile}), profile))
    st.session_state[FIELD_ERRORS_KEY] = {}


# --- route marks: kept in the Session, so a reload and the saved file keep them -------------


def answered_steps() -> frozenset[str]:
    return frozenset(get_session().answered)


def read_steps() -> frozenset[str]:
    return frozenset(get_session().read)


def mark_answered(step: str) -> None:
    session = get_session()
    if step not in session.answered:
        store_session(session.model_copy(update={"answered": sorted({*session.answered, step})}))


def mark_read(step: str) -> None:
    """A step with nothing to fill in (vraag 1) is read, not answered."""
    session = get_session()
    if step not in session.read:
        store_session(session.model_copy(update={"read": sorted({*session.read, step})}))


def changed_steps(profile: Profile) -> set[str]:
    """The steps in which `profile` differs from the defaults."""
    return {labels().fields[name].step for name in ANSWER_FIELDS
            if getattr(profile, name) != getattr(DEFAULT_PROFILE, name)}


def with_changed_steps(session: Session, profile: Profile) -> Session:
    """`session` with every step in which `profile` differs from the defaults marked answered."""
    steps = changed_steps(profile) - set(session.answered)
    if not steps:
        return session
    return session.model_copy(update={"answered": sorted({*session.answered, *steps})})


def mark_changed_steps(profile: Profile) -> None:
    """A loaded profile answers every step in which it differs from the defaults."""
    session = get_session()
    updated = with_changed_steps(session, profile)
    if updated is not session:
        store_session(updated)


# --- the advice for the active answers --------------------------------------------------------


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


def latest() -> Latest:
    """This tab's Latest; download buttons take it instead of a Session."""
    holder = st.session_state.get(LATEST_KEY)
    if not isinstance(holder, Latest):
        holder = Latest(get_session())
        st.session_state[LATEST_KEY] = holder
    return holder


def run_began() -> None:
    latest().run_began(get_session())


def tab_region(municipality: str) -> Region | None:
    """The region this tab has open on the page Regio, when `municipality` is one of its
    municipalities (the page Inkoop and the slide then buy at the region's scale); else None."""
    region = (st.session_state.get(REGION_STATE) or {}).get("good")
    if isinstance(region, Region) and municipality.strip() in region.names:
        return region
    return None
