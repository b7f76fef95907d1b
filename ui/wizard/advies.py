"""The Advies page: three decisions and fifteen elements grouped by question, plus downloads."""

from __future__ import annotations

import streamlit as st

from keuzehulp import report
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    DECISION_IDS,
    ELEMENT_SECTIONS,
    PRIORITY_ORDER,
    SECTION_IDS,
    Advice,
    Session,
)
from keuzehulp.dutch.dates import local_today
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.knowledge.provenance import strength_label
from keuzehulp.rules.engine import advise
from ui.kennis.glossary import glossary_links
from ui.kit.firstuse import explain
from ui.session import state
from ui.wizard.advice_view import decision_view, element_view
from ui.wizard.step import ADVICE_FAILED, team_notes
from ui.wizard.team import team_participants_input


def export(fmt: str, advice: Advice, session: Session) -> bytes:
    """The download in one format; its building blocks at the region's scale when this tab has
    a region open on the page Regio with this municipality in it (as the page Inkoop shows them)."""
    return report.render(fmt, advice, session, region=state.tab_region(session.profile.municipality))


def export_filename(fmt: str, advice: Advice) -> str:
    return report.filename(fmt, advice.profile, local_today())  # the Dutch date, also after midnight


def export_newest(fmt: str, advice: Advice, holder: state.Latest) -> bytes:
    """Built when clicked, from the newest session: text typed just before the click is in."""
    session = holder.newest()
    if session.profile != advice.profile:
        advice = advise(session.profile)
    return export(fmt, advice, session)


def downloads(advice: Advice) -> None:
    holder = state.latest()
    st.markdown("**Download het keuzeoverzicht**")
    columns = st.columns(len(report.FORMATS))
    for column, (fmt, spec) in zip(columns, report.FORMATS.items(), strict=True):  # registry order
        column.download_button(
            spec.label, data=lambda fmt=fmt: export_newest(fmt, advice, holder),
            file_name=export_filename(fmt, advice), mime=spec.mime, on_click="ignore",
            icon=":material/download:", key=f"download_{fmt}", width="stretch",
        )


def summary(advice: Advice) -> None:
    """The three decisions at a glance: the keuzehulp's advice and the team's choice."""
    columns = st.columns(len(DECISION_IDS))
    team = state.get_session().team.decisions
    for column, decision in zip(columns, DECISION_IDS, strict=True):
        d = advice.decisions[decision]
        chosen = team.get(decision)  # type: ignore[call-overload]
        with column.container(border=True, key=f"summary_{decision}"):
            st.caption(labels().decisions[decision].title)
            st.markdown(f"Advies: **{labels().option(decision, d.choice)}**")
            st.caption(strength_label(d.strength, d.basis))
            if chosen and chosen.choice:
                differs = " (wijkt af van het advies)" if chosen.choice != d.choice else ""
                st.markdown(f"Team: **{labels().option(decision, chosen.choice)}**{differs}")
            else:
                st.markdown("Team: *nog niet gekozen*")
    essential = [e for e in advice.elements if e.priority == "essential"]
    if essential:
        st.markdown("**Essentieel voor uw situatie:** "
                    + explain("; ".join(labels().elements[e.id] for e in essential)) + ".")


def section(advice: Advice, q: str) -> None:
    st.header(f"Vraag {q[1]}: {labels().sections[q].title}", anchor=f"vraag-{q[1]}")
    for decision in DECISION_IDS:
        if labels().decisions[decision].section == q:
            decision_view(advice, decision)
    # Most important first, and row by row: left, right, next row. (Two columns filled one after
    # the other put an essential element in the right column below recommended ones on the left,
    # and a screen reader or a phone read it after them.)
    elements = sorted((e for e in advice.elements if ELEMENT_SECTIONS.get(e.id) == q),
                      key=lambda e: PRIORITY_ORDER[e.priority])
    for start in range(0, len(elements), 2):
        for column, element in zip(st.columns(2), elements[start:start + 2], strict=False):
            with column:
                element_view(element)
    team_notes(q)


def render_advies() -> None:
    st.title("Advies: alles bij elkaar", anchor=False)
    municipality = state.get_profile().municipality
    if municipality:
        st.markdown(f"Voor **{inert_markdown(municipality)}**, op basis van uw antwoorden.")
    advice = state.current_advice()
    if advice is None:
        st.error(ADVICE_FAILED, icon=":material/error:")
        return
    summary(advice)
    # The workshop's participants; they appear in every download.
    with st.expander("Wie waren erbij? (deelnemers aan de sessie)"):
        team_participants_input()
    downloads(advice)
    for q in SECTION_IDS:
        section(advice, q)
    glossary_links()
