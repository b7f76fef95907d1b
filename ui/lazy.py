"""Expanders whose contents are drawn only while they are open.

Every click reruns the page script, and Streamlit sends every element it draws to the browser
again, the contents of closed expanders included. A question page has a dozen closed expanders
(what you can do, pilot examples, the team's choice, action and notes); drawing their contents
only once opened keeps a click's update small. Opening one costs a rerun, like a click.

Streamlit counts an expander's label and `expanded` in its identity. When the label changes
while the expander is open (the team's choice appears in it), the expander is a new one to
Streamlit; it starts as it was (`expanded=was_open`), so it stays open under the user's hands.
"""

from __future__ import annotations

from typing import Any

import streamlit as st


def lazy_expander(label: str, *, key: str, icon: str | None = None) -> Any | None:
    """Draw the expander; return it (a container to draw into) when open, None when closed."""
    was_open = bool(st.session_state.get(key, False))
    box = st.expander(label, expanded=was_open, key=key, icon=icon, on_change="rerun")
    return box if box.open else None
