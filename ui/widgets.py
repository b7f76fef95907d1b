"""One widget per profile field, keyed by the field name, options = contract values.

Which widget, its Dutch label, help, options and placeholder come from the field's one
declaration (keuzehulp/contract/fields.py: schema.Profile plus texts/fields.yaml).
"""

from __future__ import annotations

import streamlit as st
from keuzehulp.contract.fields import field_specs
from keuzehulp.contract.labels import labels
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.dutch.numbers import MAX_CHARS, NotAWholeNumber, format_whole_number, parse_whole_number
from keuzehulp.rules.derived import NUMERIC_FIELDS

from ui.session import state


def range_text(name: str) -> str:
    """'een heel getal van 0 tot en met 10.000'"""
    low, high = NUMERIC_FIELDS[name]
    return f"een heel getal van {format_whole_number(low)} tot en met {format_whole_number(high)}"


def number_hint(name: str) -> str:
    """The line under a number box: its range, and how to write a thousand."""
    low, high = NUMERIC_FIELDS[name]
    hint = f"{range_text(name)[0].upper()}{range_text(name)[1:]}."
    if high >= 1000:
        hint += " Duizend schrijft u als 1000 of 1.000."
    return hint


def commit_number(name: str, step: str) -> None:
    """on_change of a number box: read the text the Dutch way (1.000 is duizend); when it is
    unclear or outside the range, say so beside the box and keep the previous answer."""
    old = getattr(state.get_profile(), name)
    kept = f"Het vorige antwoord ({format_whole_number(old)}) is bewaard."
    try:
        value = parse_whole_number(st.session_state.get(name) or "")
    except NotAWholeNumber as exc:
        error: str | None = str(exc)
    else:
        new, error = state.validated(state.get_profile(), name, value)
        if new is not None:
            state.field_errors().pop(name, None)
            state.store_session(state.get_session().model_copy(update={"profile": new}))
            state.mark_answered(step)
            st.session_state[name] = format_whole_number(value)
            return
        error = f"Dit getal kan niet: kies {range_text(name)}."
    state.field_errors()[name] = f"{error} {kept}"
    st.session_state[name] = format_whole_number(old)


def field_input(name: str, step: str) -> None:
    """Draw the widget for one profile field, seeded from the profile, with its error if any."""
    spec = field_specs()[name]  # the field's one declaration: type, range, options, wording, widget
    field = spec.text
    if spec.widget == "number":
        st.session_state[name] = format_whole_number(getattr(state.get_profile(), name))
    else:
        state.seed_widget(name)
    common = {"key": name, "help": field.help, "on_change": state.commit_widget, "args": (name, step)}
    if spec.widget == "text":
        st.text_input(field.label, max_chars=spec.type.max_length, placeholder=field.placeholder, **common)
    elif spec.widget == "multiselect":
        st.multiselect(field.label, options=spec.type.values, format_func=field.options.__getitem__,
                       placeholder=field.placeholder, **common)
    elif spec.widget == "radio":
        st.radio(field.label, options=spec.type.values, format_func=field.options.__getitem__,
                 horizontal=True, **common)
    elif spec.widget == "toggle":
        st.toggle(field.label, **common)
    elif spec.widget == "number":
        # A text box read by our Dutch parser: a browser's number box reads 1.000 as one.
        common["help"] = f"{field.help} Vul {range_text(name)} in."
        common["on_change"] = commit_number
        st.text_input(field.label, max_chars=MAX_CHARS, **common)
        st.caption(number_hint(name))
    else:  # pragma: no cover - every contract field is handled above
        raise TypeError(f"no widget for profile field {name!r}")
    error = state.field_errors().get(name)
    if error:
        st.error(inert_markdown(error), icon=":material/error:")


def fields_input(step: str) -> None:
    for name in labels().fields_for_step(step):
        field_input(name, step)
