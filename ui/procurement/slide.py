"""Presenteren's slide 'Wat koopt u in?': the building blocks that matter most for the design
(keuzehulp/procurement/highlights.py, the same figures as the page Inkoop): what the municipality
buys, the prices below their reference, and per deelproduct what is bought a year and the key
requirements that follow from the choices. Words from texts/procurement.yaml."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from keuzehulp.contract.schema import Advice
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.procurement.highlights import highlights
from keuzehulp.procurement.texts import texts
from ui.kit.firstuse import explain
from ui.procurement.page import current
from ui.session import state


def _cell(text: str) -> str:
    """Text in a table cell: inert, an abbreviation spelled out where the slide first uses it."""
    return explain(inert_markdown(text)).replace("|", "\\|")


def procurement_slide(advice: Advice, kicker: Callable[[str], None]) -> None:
    t = texts().slide
    kicker(t.kicker)
    st.title(t.title, anchor=False)
    h = highlights(current(state.get_session(), advice))
    if h.lead:
        with st.container(key="inkoop-lead"):
            st.markdown(explain(" ".join(inert_markdown(line) for line in h.lead)))
    for i, warning in enumerate(h.prices):  # a key each: two prices too low drew two containers of one key
        with st.container(key=f"inkoop-price-{i}"):
            st.markdown(f"⚠ {explain(inert_markdown(warning))}")
    rows = [f"| {' | '.join(t.columns)} |", "|---" * len(t.columns) + "|"]
    for row in h.rows:
        points = " · ".join(_cell(p) for p in row.points)
        rows.append(f"| **{_cell(row.title)}** | {_cell(row.volume) or '–'} | {points} |")
    with st.container(key="inkoop-rows"):
        st.markdown("\n".join(rows))
    notes = ([h.volume_note] if h.volume_note else []) + ([t.more.format(count=h.more)] if h.more else [])
    if notes:
        with st.container(key="footnote"):
            st.markdown(" ".join(inert_markdown(n) for n in notes))
