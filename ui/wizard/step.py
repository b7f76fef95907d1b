"""One wizard step: short explanation, the step's questions, and the live advice beside them."""

from __future__ import annotations

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_IDS, ELEMENT_SECTIONS, PRIORITY_ORDER, Advice
from ui.kennis import links as kennis
from ui.kennis.glossary import glossary_links
from ui.kit import nav
from ui.kit import streamlit_adapter as adapter
from ui.kit.firstuse import explain
from ui.kit.headings import section_heading
from ui.kit.lazy import lazy_expander
from ui.session import autosave, state
from ui.wizard.advice_view import decision_view, element_view
from ui.wizard.team import team_notes_input
from ui.wizard.widgets import fields_input

# The questions stay beside the advice: the advice column is often much longer (question 2:
# two decisions with their reasons), and the questions' column sat empty beside it. On a wide
# screen the questions keep their place while the advice scrolls past (their own scroll bar
# when they are taller than the window); on a phone (Streamlit stacks columns below 640 px)
# they come first, as before. Constant CSS on our own key only.
QUESTIONS_BESIDE_ADVICE_CSS = ("<style>@media (min-width: 641px) {"
                               + adapter.container_box_css("questions", "position: sticky; top: 4rem;")
                               + """ .st-key-questions { max-height: calc(100vh - 5rem); overflow-y: auto;
    padding-right: 0.5rem; scrollbar-width: thin; } }</style>""")

ADVICE_FAILED = ("Het advies kon nu niet worden berekend. Uw antwoorden zijn bewaard; "
                 "probeer het opnieuw of meld het aan de beheerder.")


def progress_line(step: str) -> None:
    """'Vraag 2 van 5' and how many questions are answered: where you are on the route.
    Question 1 has nothing to fill in: it counts as read, not as answered."""
    answered = state.answered_steps()
    done = sum(1 for q in nav.ANSWER_STEPS if q in answered)
    where = f"Vraag {step[1]} van 5" if step in nav.QUESTION_STEPS else "Start"
    st.caption(f"{where} · {answered_text(done, len(nav.ANSWER_STEPS), 'q1' in state.read_steps())}")


def answered_text(done: int, total: int, first_read: bool) -> str:
    """How far the team is, as a person would say it: 'nog geen vraag beantwoord',
    '1 vraag beantwoord, nog 3 te gaan', 'alle vragen beantwoord'; question 1 (nothing to fill
    in) is read, not answered."""
    if done == 0:
        text = "nog geen vraag beantwoord"
    elif done >= total:
        text = "alle vragen beantwoord"
    else:
        text = f"{done} {'vraag' if done == 1 else 'vragen'} beantwoord, nog {total - done} te gaan"
    return text + (" · vraag 1 gelezen" if first_read else "")


def keep_defaults(step: str) -> None:
    """'Standaard aanhouden': confirm this step with the answers as they are (the defaults)."""
    if step in state.answered_steps():
        st.caption("Deze vraag is beantwoord. U kunt de antwoorden altijd nog aanpassen.")
        return
    st.button("Standaard aanhouden", icon=":material/done:", key=f"keep_defaults_{step}",
              on_click=state.mark_answered, args=(step,),
              help="De antwoorden die er nu staan kloppen voor uw gemeente: "
                   "de vraag telt als beantwoord, er verandert niets.")


def intro(step: str) -> None:
    page = kennis.question_item(step)
    if page is not None:
        st.markdown(explain(kennis.first_paragraph(page)))
        kennis.read_more(page.id, "Lees meer over deze vraag")


def step_decisions(step: str) -> list[str]:
    return [d for d in DECISION_IDS if labels().decisions[d].section == step]


def live_advice(step: str, advice: Advice) -> None:
    """The advice for this step's decisions and elements, most important first."""
    for decision in step_decisions(step):
        decision_view(advice, decision, narrow=True)
    elements = [e for e in advice.elements if ELEMENT_SECTIONS.get(e.id) == step]
    elements.sort(key=lambda e: PRIORITY_ORDER[e.priority])
    if elements:
        st.subheader("Werkzame elementen", anchor=False)
        for element in elements:
            element_view(element)


def building_blocks() -> None:
    """Vraag 1: the four building blocks of a dual trajectory."""
    st.subheader("De vier bouwstenen van een duaal traject", anchor=False)
    columns = st.columns(2)
    for index, (block_id, block) in enumerate(labels().building_blocks.items()):
        with columns[index % 2].container(border=True):
            st.markdown(f"**{block.title}**")
            st.caption(explain(f"Bijvoorbeeld: {block.examples}"))
            kennis.read_more(f"knowledge/building-blocks/{block_id}.md", "Lees meer")


def team_notes(step: str) -> None:
    if box := lazy_expander("Notities van het team bij deze vraag", key=f"team_notes_open_{step}"):
        with box:
            team_notes_input(step)


def prev_next(step: str) -> None:
    """Vorige / Volgende. 'Volgende' also confirms this step as answered."""
    before, after = nav.neighbours(step)
    left, right = st.columns(2)
    if before is not None:
        with left:
            st.page_link(nav.link_target(before.path), label=f"Vorige: {before.title}", icon=":material/arrow_back:",
                         query_params=autosave.address_params())
    if after is not None:
        label = f"Volgende: {after.title}"
        if right.button(label, type="primary", icon=":material/arrow_forward:", key=f"next_{step}"):
            if step in nav.READ_STEPS:
                state.mark_read(step)
            else:
                state.mark_answered(step)
            st.switch_page(nav.link_target(after.path), query_params=autosave.address_params())


def render_step(step: str) -> None:
    section = labels().sections[step]
    if step in nav.READ_STEPS:
        state.mark_read(step)  # nothing to fill in: a visit reads it (also nav.visit)
    st.title(f"Vraag {step[1]}: {section.short}", anchor=False)
    section_heading(section.title, key="question")
    progress_line(step)
    intro(step)
    advice = state.current_advice()
    if step == "q1":
        building_blocks()
        if advice is not None:
            live_advice(step, advice)
    else:
        st.html(QUESTIONS_BESIDE_ADVICE_CSS)
        questions, live = st.columns([5, 6], gap="large")
        with questions, st.container(key="questions"):
            st.subheader("Uw situatie", anchor=False)
            fields_input(step)
            keep_defaults(step)
        with live:
            st.subheader("Advies voor uw situatie", anchor=False)
            if advice is None:
                st.error(ADVICE_FAILED, icon=":material/error:")
            else:
                live_advice(step, advice)
    glossary_links()
    team_notes(step)
    st.divider()
    prev_next(step)
