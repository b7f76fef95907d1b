"""The advice as a policy team reads it: choice, strength, reasons, flips, examples, sources.

Only trusted text (rules, labels, knowledge) goes through st.markdown here; the profile's
free text (the municipality) never does.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import EXAMPLE_MUNICIPALITIES, Advice, DecisionAdvice, ElementAdvice
from keuzehulp.dutch import wording
from keuzehulp.dutch.dates import dutch_date
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.knowledge.provenance import strength_label
from keuzehulp.report.basis import reason_part
from keuzehulp.rules.groups import estimate, needed
from ui.kennis import links as kennis
from ui.kit.firstuse import explain
from ui.kit.lazy import lazy_expander
from ui.session import state
from ui.wizard.chart import show_group_formation
from ui.wizard.team import team_decision_input

PRIORITY_COLORS = {"essential": "red", "recommended": "orange", "consider": "gray"}
PRIORITY_ICONS = {"essential": ":material/priority_high:", "recommended": ":material/thumb_up:",
                  "consider": ":material/help:"}
STRENGTH_COLORS = {"strong": "green", "moderate": "blue", "weak": "gray"}


def _bullets(items: list[Any]) -> str:
    return "\n".join(f"- {text}" for text in items)


def _inert(text: str) -> str:
    """Trusted rule text inside a :gray[...] directive: brackets would end it early."""
    return text.replace("[", "\\[").replace("]", "\\]")


def basis_line(reason: Any, quote: bool = True) -> str:
    """What a reason rests on, in plain Dutch ("" for an instruction that states no fact)."""
    if isinstance(reason, str):
        return ""
    part = reason_part(reason, kennis.kb(), quote=quote)
    return part.basis_line


def reason_bullets(reasons: list[Any], quote: bool = True) -> str:
    """Each reason with, below it in grey, whether it is the handreiking, a source or an assumption."""
    lines = []
    for reason in reasons:
        line = f"- {explain(str(reason))}"
        basis = basis_line(reason, quote)
        if basis:
            line += f"  \n  :gray[*{_inert(basis)}*]"
        lines.append(line)
    return "\n".join(lines)


def assumption_links(reasons: list[Any]) -> None:
    """A Kennisbank link for every assumption the reasons rest on (once each)."""
    ids = dict.fromkeys(r.assumption for r in reasons if not isinstance(r, str) and r.assumption)
    for assumption in ids:
        kennis.assumption_link(assumption)


def badge(label: str, color: str, icon: str = "") -> str:
    """Markdown for a coloured badge, as st.badge writes it, to share one element with its
    heading (every element is re-rendered in the browser on each click: fewer is faster)."""
    escaped = label.replace("[", "\\[").replace("]", "\\]")
    return f":{color}-badge[{icon + ' ' if icon else ''}{escaped}]"


def priority_badge(priority: str) -> str:
    return badge(labels().priorities[priority], PRIORITY_COLORS[priority], PRIORITY_ICONS[priority])


def sources_caption(sources: list[str]) -> None:
    if sources:
        st.caption(explain("Bron: " + "; ".join(kennis.source_title(s) for s in sources)))


def example_cards(example_ids: list[str], key: str) -> None:
    """One bordered card per pilot example: title, municipalities, summary, link."""
    for example in example_ids:
        with st.container(border=True):
            st.markdown(f"**{explain(labels().examples[example])}**")
            st.caption("Gemeente: " + ", ".join(EXAMPLE_MUNICIPALITIES[example]))
            page = kennis.example_item(example)
            if page is not None:
                st.markdown(explain(kennis.first_paragraph(page)))
                kennis.read_more(page.id, "Lees het voorbeeld")


def group_caption(advice: Advice) -> str:
    """The line under the three numbers. The estimate in words is often the decision's first
    reason, just above in the same card: then not again, but the intake that fills a group."""
    gf = advice.group_formation or estimate(advice.profile)
    d = advice.decisions["training_format"]
    if any(gf.text in r.text for r in [*d.reasons_for, *d.reasons_against]):
        return needed(advice.profile)
    return gf.text


def group_formation_view(advice: Advice, narrow: bool = False) -> None:
    """The estimate behind 'groepsgewijs of individueel' in numbers, plus the chart if present."""
    gf = advice.group_formation or estimate(advice.profile)
    per_group = wording.decimal(gf.per_group_per_year)
    if gf.months_to_fill is None:
        months = "nooit"
    else:
        # As wording.months: 3,2 never shows as "3", and 3,03 never as "3", beside an accepted wait of 3.
        if gf.months_to_fill < 1:
            months = "minder dan 1"
        elif wording.rounds_onto(gf.months_to_fill, gf.max_wait_months):
            months = f"iets meer dan {gf.max_wait_months}"
        else:
            months = wording.decimal(gf.months_to_fill)
    st.markdown("**Kunt u groepen vormen?**")
    metrics = [
        ("Instroom per groep per jaar", per_group,
         "Inburgeraars per jaar die in één groep passen: de instroom verdeeld over de taalniveaus en beroepsrichtingen."),
        ("Maanden tot groep vol", months, f"Maanden tot een groep vol is; een groep start bij {gf.min_group_size} deelnemers."),
        ("Max. wachttijd (maanden)", str(gf.max_wait_months),
         "De acceptabele wachttijd, uw antwoord bij vraag 2: hoe lang mag iemand wachten tot een groep start."),
    ]
    if narrow:  # side by side the labels would be cut off
        for label, value, help_text in metrics:
            st.metric(label, value, help=help_text, border=True)
    else:
        for column, (label, value, help_text) in zip(st.columns(3), metrics, strict=True):
            column.metric(label, value, help=help_text, border=True)
    st.caption(group_caption(advice))
    if gf.dependence:
        st.caption(gf.dependence)
    # Built only when opened: an Altair chart costs more than the rest of the page together.
    if chart := lazy_expander("Grafiek: wachttijd bij meer of minder instroom", key="group_chart_open"):
        with chart:
            show_group_formation(advice.profile)


def _tab_labels(d: DecisionAdvice) -> list[tuple[str, str]]:
    tabs = [("Waarom?", reason_bullets(d.reasons_for) or "Geen bijzondere redenen.")]
    if d.reasons_against:
        tabs.append(("Ertegen", reason_bullets(d.reasons_against)))
    if d.flips:
        tabs.append(("Wat zou het advies veranderen?", _bullets([explain(f.text) for f in d.flips])))
    return tabs


def decision_view(advice: Advice, decision: str, *, team: bool = True, narrow: bool = False) -> None:
    """One decision: the advised choice, how clear it is, why, what would change it, examples."""
    d: DecisionAdvice = advice.decisions[decision]
    label = labels().decisions[decision]
    with st.container(border=True):
        st.subheader(label.title, anchor=False)
        st.markdown(f"#### Advies: {labels().option(decision, d.choice)}\n\n"
                    # Coloured text, not a badge: the label says what the advice rests on and
                    # must wrap in a narrow column instead of being cut off.
                    + f":{STRENGTH_COLORS[d.strength]}[**{strength_label(d.strength, d.basis)}**]")
        tabs = _tab_labels(d)
        for tab, (_, text) in zip(st.tabs([t for t, _ in tabs]), tabs, strict=True):
            tab.markdown(text)
        assumption_links([*d.reasons_for, *d.reasons_against])
        if decision == "training_format":
            group_formation_view(advice, narrow=narrow)
        if d.examples and (box := lazy_expander(f"Voorbeelden uit de pilots ({len(d.examples)})",
                                                  key=f"examples_open_{decision}")):
            with box:
                example_cards(d.examples, key=decision)
        sources_caption(d.sources)
        kennis.read_more(f"knowledge/tradeoffs/{decision}.md", "Lees meer over deze afweging")
        if team:
            _team_choice(decision, d.choice)


def _team_choice(decision: str, advised: str) -> None:
    team_choice = state.get_session().team.decisions.get(decision)
    chosen = team_choice.choice if team_choice is not None else ""
    if chosen:  # readable with the box closed
        st.markdown(f":material/groups: **Keuze van het team:** {labels().option(decision, chosen)}")
    # A fixed title: a title that changed with the choice made inside would make a new expander.
    if box := lazy_expander("Keuze van het team", icon=":material/groups:", key=f"team_expander_{decision}"):
        with box:
            team_decision_input(decision, advised=advised)



def element_view(element: ElementAdvice) -> None:
    """One effective element: priority badge, title, why, what to do, examples."""
    with st.container(border=True):
        # Badge, title and reasons in one Markdown element (fewer elements to re-render).
        parts = [priority_badge(element.priority), f"**{explain(labels().elements[element.id])}**"]
        if element.reasons:
            parts.append(reason_bullets(element.reasons, quote=False))
        st.markdown("\n\n".join(parts))
        assumption_links(element.reasons)
        if (element.actions or element.examples) and (
                box := lazy_expander("Wat kunt u doen?", key=f"todo_open_{element.id}")):
            with box:
                if element.actions:
                    st.markdown(reason_bullets(element.actions, quote=False))
                example_cards(element.examples, key=element.id)
        sources_caption(element.sources)
        kennis.read_more(f"knowledge/elements/{element.id}.md")
        if element.priority == "essential":
            _team_action(element.id)


def _team_action(element_id: str) -> None:
    """The team's action, owner and date for an essential element (in the saved session)."""
    from ui.wizard.team import team_action_input

    # A fixed title: a title that changed with what is typed inside would make a new expander.
    if box := lazy_expander("Actie van het team", icon=":material/task_alt:",
                            key=f"team_action_expander_{element_id}"):
        with box:
            team_action_input(element_id)
    # What was written down, readable with the box closed. Drawn below the box: a line that
    # appears above it once the first action is stored would move the box, and the browser
    # would draw it afresh, taking keyboard focus away from the field the team is typing in.
    stored = state.get_session().team.actions.get(element_id)
    if stored and not stored.is_empty():
        parts = [inert_markdown(stored.action) if stored.action.strip() else "nog geen omschrijving"]
        if stored.owner.strip():
            parts.append(inert_markdown(stored.owner))
        if stored.due:
            parts.append(f"klaar op {dutch_date(stored.due)}")
        st.markdown(":material/task_alt: **Actie van het team:** " + " · ".join(parts))
