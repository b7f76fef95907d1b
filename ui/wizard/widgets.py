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
from ui.kit.firstuse import explain
from ui.session import state


def _range(name: str) -> tuple[int, int]:
    spec = field_specs()[name].type
    return NUMERIC_FIELDS.get(name) or (int(spec.lo or 0), int(spec.hi or 0))


def range_text(name: str) -> str:
    """'een heel getal van 0 tot en met 10.000'"""
    low, high = _range(name)
    return f"een heel getal van {format_whole_number(low)} tot en met {format_whole_number(high)}"


def number_hint(name: str) -> str:
    """The line under a number box: its range, and how to write a thousand."""
    low, high = _range(name)
    hint = f"{range_text(name)[0].upper()}{range_text(name)[1:]}."
    if field_specs()[name].kind == "optint":
        hint += " Leeg laten mag: dan is het nog niet ingevuld."
    if high >= 1000:
        hint += " Duizend schrijft u als 1000 of 1.000."
    return hint


def commit_number(name: str, step: str) -> None:
    """on_change of a number box: read the text the Dutch way (1.000 is duizend); when it is
    unclear or outside the range, say so beside the box and keep the previous answer."""
    old = getattr(state.get_profile(), name)
    kept = f"Het vorige antwoord ({_number_text(old)}) is bewaard."
    text = str(st.session_state.get(name) or "")
    empty_allowed = field_specs()[name].kind == "optint"
    try:
        value = None if empty_allowed and not text.strip() else parse_whole_number(text)
    except NotAWholeNumber as exc:
        error: str | None = str(exc)
    else:
        new, error = state.validated(state.get_profile(), name, value)
        if new is not None:
            state.field_errors().pop(name, None)
            state.store_session(state.get_session().model_copy(update={"profile": new}))
            state.mark_answered(step)
            st.session_state[name] = _number_text(value)
            return
        error = f"Dit getal kan niet: kies {range_text(name)}."
    state.field_errors()[name] = f"{error} {kept}"
    st.session_state[name] = _number_text(old)


def _number_text(value: int | None) -> str:
    return "" if value is None else format_whole_number(value)


SHARES_SUFFIX = "__"  # the route boxes are keyed route_shares__b1, ... (the field is one answer)


def commit_shares(name: str, step: str) -> None:
    """on_change of one of the route boxes: all three filled in (adding up to 100) or all empty
    is an answer; anything else leaves a Dutch line beside the boxes and the previous answer."""
    routes = field_specs()[name].type.values
    texts = [str(st.session_state.get(f"{name}{SHARES_SUFFIX}{r}") or "").strip() for r in routes]
    old = getattr(state.get_profile(), name)
    kept = "De vorige verdeling is bewaard." if old is not None else "Er is nog geen verdeling."
    labels_ = field_specs()[name].text.options
    if not any(texts):
        value = None
    elif not all(texts):
        state.field_errors()[name] = f"Vul alle drie de percentages in; samen 100 procent. {kept}"
        return
    else:
        value = {}
        for route, text in zip(routes, texts, strict=True):
            try:
                value[route] = parse_whole_number(text)
            except NotAWholeNumber as exc:
                state.field_errors()[name] = f"{labels_[route]}: {exc} {kept}"
                return
    new, error = state.validated(state.get_profile(), name, value)
    if new is None:
        state.field_errors()[name] = f"{str(error).rstrip('.')}. {kept}"
        return
    state.field_errors().pop(name, None)
    if new != state.get_profile():
        state.store_session(state.get_session().model_copy(update={"profile": new}))
    state.mark_answered(step)


def shares_input(name: str, step: str) -> None:
    """Three percentage boxes under one question, one answer. While a message stands, the boxes
    keep what was typed; otherwise they show the current answer. The boxes stand one under the
    other (the questions' column is narrow beside the advice); the routes' names are spelled out
    once, in the line above them."""
    spec = field_specs()[name]
    value = getattr(state.get_profile(), name)
    pending = name in state.field_errors()
    routes = spec.type.values
    st.markdown(f"**{spec.label}**", help=spec.text.help)
    st.caption(explain(", ".join(spec.text.options[r] for r in routes) + ": samen 100 procent. "
                       "Leeg laten mag: dan is het nog niet ingevuld."))
    for route in routes:
        key = f"{name}{SHARES_SUFFIX}{route}"
        if not pending or key not in st.session_state:
            st.session_state[key] = "" if value is None else format_whole_number(round(getattr(value, route)))
        # our own constant labels; the terms were spelled out in the line above
        st.text_input(explain(spec.text.options[route]), key=key, max_chars=MAX_CHARS, placeholder="Vul in",
                      on_change=commit_shares, args=(name, step))


def field_input(name: str, step: str) -> None:
    """Draw the widget for one profile field, seeded from the profile, with its error if any."""
    spec = field_specs()[name]  # the field's one declaration: type, range, options, wording, widget
    field = spec.text
    if spec.widget == "shares":
        shares_input(name, step)
        _error(name)
        return
    if spec.widget == "number":
        st.session_state[name] = _number_text(getattr(state.get_profile(), name))
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
    _error(name)


def _error(name: str) -> None:
    error = state.field_errors().get(name)
    if error:
        st.error(inert_markdown(error), icon=":material/error:")


def fields_input(step: str) -> None:
    for name in labels().fields_for_step(step):
        field_input(name, step)
