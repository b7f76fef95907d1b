"""Answers in the URL query string (the codec is keuzehulp/contract/urlcodec.py): read once when a
browser session starts, written back after every run. A bad parameter is ignored with a Dutch
warning; it never crashes the app.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from keuzehulp.contract import urlcodec
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import ANSWER_FIELDS, Profile
from keuzehulp.dutch.markdown import inert_markdown

from ui.session import state

LOADED_KEY = "keuzehulp_url_loaded"
WARNINGS_KEY = "keuzehulp_url_warnings"
URL_FIELDS: tuple[str, ...] = ANSWER_FIELDS


def decode(params: Mapping[str, str], base: Profile | None = None) -> tuple[Profile, list[str]]:
    """keuzehulp.contract.urlcodec.decode, with each problem as a Markdown line: the question's label,
    then the message (it quotes the link: untrusted, so escaped)."""
    profile, problems = urlcodec.decode(params, base)
    return profile, [f"{labels().field(name)} — {inert_markdown(message)}" for name, message in problems]


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
    wanted = urlcodec.encode(state.get_profile())
    for name in URL_FIELDS:
        current = st.query_params.get(name)
        if name in wanted and current != wanted[name]:
            st.query_params[name] = wanted[name]
        elif name not in wanted and current is not None:
            del st.query_params[name]
