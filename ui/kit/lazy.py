"""Expanders whose contents are drawn only while they are open.

Every click reruns the page script, and Streamlit sends every element it draws to the browser
again, the contents of closed expanders included. A question page has a dozen closed expanders
(what you can do, pilot examples, the team's choice, action and notes); drawing their contents
only once opened keeps a click's update small. Opening one costs a rerun, like a click.

Streamlit counts an expander's label and `expanded` in its identity, and the browser draws an
expander with a new identity afresh: keyboard focus on it is lost. So `expanded` stays the same
while the label does (what it was when this label was first drawn), and opening or closing keeps
focus. Give these expanders a label that does not change with what is typed inside them: a new
label is a new expander (it starts as the old one was, open or closed, but focus is lost).
"""

from __future__ import annotations

from typing import Any

import streamlit as st


def lazy_expander(label: str, *, key: str, icon: str | None = None) -> Any | None:
    """Draw the expander; return it (a container to draw into) when open, None when closed."""
    start_key = f"_lazy_start_{key}"
    start = st.session_state.get(start_key)
    if key not in st.session_state or start is None or start[0] != label:
        # First drawn on this visit (closed), or a new label: start as it was.
        start = (label, bool(st.session_state.get(key, False)))
        st.session_state[start_key] = start
    box = st.expander(label, expanded=start[1], key=key, icon=icon, on_change="rerun")
    return box if box.open else None
