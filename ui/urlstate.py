"""Answers in the URL query string, so a refresh keeps them and a link shares a scenario.

Only fields that differ from the default appear, as contract values
(`?annual_intake=12&level_mix=similar&partners=language_provider,vocational_college`).
A bad parameter is ignored with a Dutch warning; it never crashes the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_origin

import streamlit as st

from keuzehulp.dutchnum import NotAWholeNumber, parse_whole_number
from keuzehulp.inputs import shorten
from keuzehulp.labels import labels
from keuzehulp.markdown import inert_markdown
from keuzehulp.schema import ANSWER_FIELDS, PARTNERS, Profile

from . import state

LOADED_KEY = "keuzehulp_url_loaded"
WARNINGS_KEY = "keuzehulp_url_warnings"
URL_FIELDS: tuple[str, ...] = ANSWER_FIELDS

_TRUE = {"true", "1", "ja", "yes"}
_FALSE = {"false", "0", "nee", "no"}


def encode(profile: Profile) -> dict[str, str]:
    """The query parameters for a profile: only fields that differ from the default."""
    params: dict[str, str] = {}
    for name in URL_FIELDS:
        value = getattr(profile, name)
        if value == getattr(state.DEFAULT_PROFILE, name):
            continue
        if isinstance(value, bool):
            params[name] = "true" if value else "false"
        elif isinstance(value, list):
            params[name] = ",".join(p for p in PARTNERS if p in value)  # one canonical link
        else:
            params[name] = str(value)
    return params


def _raw_value(name: str, text: str) -> Any:
    annotation = Profile.model_fields[name].annotation
    if annotation is bool:
        low = text.strip().lower()
        return True if low in _TRUE else False if low in _FALSE else text
    if annotation is int:
        return parse_whole_number(text)  # the Dutch way, like the number boxes; NotAWholeNumber
    if get_origin(annotation) is list:
        return [p.strip() for p in text.split(",") if p.strip()]
    return text


def _known_partners(values: list[str], warnings: list[str]) -> list[str]:
    """One unknown partner in a link drops that partner alone (with a warning), not the list."""
    unknown = [v for v in values if v not in PARTNERS]
    if unknown:
        shown = ", ".join(f"'{shorten(v)}'" for v in unknown[:3]) + (" …" if len(unknown) > 3 else "")
        warnings.append(f"{labels().field('partners')} — {inert_markdown(shown)}: "
                        f"{'deze partner kennen' if len(unknown) == 1 else 'deze partners kennen'} we niet; "
                        "de andere partners uit de link zijn overgenomen.")
    return [v for v in values if v in PARTNERS]


def decode(params: Mapping[str, str], base: Profile | None = None) -> tuple[Profile, list[str]]:
    """A profile from query parameters (unknown keys are left alone: other features use them)."""
    profile = base or Profile()
    warnings: list[str] = []
    for name in URL_FIELDS:
        if name not in params:
            continue
        try:
            value = _raw_value(name, str(params[name]))
        except NotAWholeNumber as exc:
            warnings.append(f"{labels().field(name)} — {inert_markdown(str(exc))} "
                            "Deze waarde uit de link is genegeerd.")
            continue
        if name == "partners":
            value = _known_partners(value, warnings)
        new, error = state.validated(profile, name, value)
        if new is None:
            # The message quotes the value from the link: untrusted, so escaped.
            warnings.append(f"{labels().field(name)} — {inert_markdown(error or '')} "
                            "Deze waarde uit de link is genegeerd.")
        else:
            profile = new
    return profile, warnings


def load_once() -> None:
    """On the first run of a browser session: take the answers from the URL, if any."""
    if st.session_state.get(LOADED_KEY):
        return
    st.session_state[LOADED_KEY] = True
    params = {k: st.query_params.get(k, "") for k in st.query_params.keys()}
    if not any(name in params for name in URL_FIELDS):
        return
    profile, warnings = decode(params, state.get_profile())
    state.set_profile(profile)
    state.mark_changed_steps(profile)
    st.session_state[WARNINGS_KEY] = warnings


def show_warnings() -> None:
    """Tell once, in Dutch, which parameters of the link were ignored."""
    warnings = st.session_state.pop(WARNINGS_KEY, None)
    if warnings:
        st.warning("Niet alles uit de link kon worden overgenomen:\n\n"
                   + "\n".join(f"- {w}" for w in warnings), icon=":material/link_off:")


def sync() -> None:
    """Write the current answers into the URL (only what changed, to avoid needless messages)."""
    wanted = encode(state.get_profile())
    for name in URL_FIELDS:
        current = st.query_params.get(name)
        if name in wanted and current != wanted[name]:
            st.query_params[name] = wanted[name]
        elif name not in wanted and current is not None:
            del st.query_params[name]
