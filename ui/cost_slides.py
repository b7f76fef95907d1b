"""Two slides for presentation mode (issue 12): what the design costs, and how long a newcomer
waits. Large type comes from ui/presentation.py's constant CSS; the figures from keuzehulp.costview.
"""

from __future__ import annotations

import streamlit as st

from keuzehulp.costview import driver_lines, euro, headline, timeline_headline
from keuzehulp.schema import Advice

from . import state
from .cost_chart import cost_chart, timeline_chart
from .costs import current_estimate


def _kicker(text: str) -> None:
    with st.container(key="kicker"):
        st.markdown(text)


def cost_slide(advice: Advice) -> None:
    est = current_estimate()
    own = len(state.get_session().costs.amounts)  # amounts the team set itself
    _kicker(f"Kosten en doorlooptijd · {own} bedragen zelf ingevuld, de rest startwaarden (bron of aanname)")
    st.title("Wat kost dit ontwerp?", anchor=False)
    if est is None:
        st.markdown("De kosten konden nu niet worden berekend.")
        return
    result = est.costs
    if result.complete:
        a, b, c = st.columns(3)
        a.metric("Kosten per jaar", euro(result.total_year))
        b.metric("Geld van het Rijk per jaar", euro(result.money_year))
        gap = result.gap_year or 0.0
        c.metric("Tekort per jaar" if gap > 0.5 else "Overschot per jaar", euro(abs(gap)))
        lines = driver_lines(result)[:2]
        if lines:
            st.markdown("\n".join(f"- {t}" for t in lines))
    else:
        st.markdown(headline(result))
    st.altair_chart(cost_chart(result, height=270, font_size=16), width="stretch", theme=None)


def timeline_slide(advice: Advice) -> None:
    est = current_estimate()
    _kicker("Kosten en doorlooptijd · van huisvesting tot participatie")
    st.title("Hoe lang wacht een inburgeraar?", anchor=False)
    if est is None:
        st.markdown("De doorlooptijd kon nu niet worden berekend.")
        return
    st.markdown(timeline_headline(est.timeline))
    st.altair_chart(timeline_chart(est.timeline, height=430, font_size=17), width="stretch", theme=None)
    for warning in est.timeline.warnings[:2]:
        st.markdown(f"**Let op:** {warning}")
