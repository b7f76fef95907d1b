"""Widget binding: profile widgets are seeded from the session and write back on change.

Every widget is seeded from the profile before it is drawn (Streamlit forgets a widget's state
when its page is left). Widgets write back in on_change callbacks, validated by pydantic; an
invalid value keeps the old answer and leaves a Dutch message for the widget to show.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from keuzehulp.contract.inputs import change_field
from keuzehulp.contract.schema import Profile

from ui.session.store import FIELD_ERRORS_KEY, get_profile, get_session, mark_answered, store_session

ERRORS_KEY = FIELD_ERRORS_KEY


def field_errors(key: str = ERRORS_KEY) -> dict[str, str]:
    """The tab's Dutch messages beside its widgets, by widget (profile widgets under ERRORS_KEY;
    other pages' widgets, such as the cost amounts, under a key of their own)."""
    errors = st.session_state.get(key)
    if not isinstance(errors, dict):
        errors = {}
        st.session_state[key] = errors
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
    return change_field(profile, name, value)


def commit_widget(name: str, step: str) -> None:
    """on_change callback: write the widget's value into the profile, or keep the old answer."""
    new, error = validated(get_profile(), name, st.session_state.get(name))
    if new is None:
        field_errors()[name] = f"{error} Het vorige antwoord is bewaard."
        st.session_state[name] = widget_value(name)
        return
    field_errors().pop(name, None)
    if new != get_profile():
        store_session(get_session().model_copy(update={"profile": new}))
    mark_answered(step)
