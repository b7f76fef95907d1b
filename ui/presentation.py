"""Presentation mode: the advice as slides a whole meeting room can read.

One decision per slide with its reasons for and against, what would change it and the pilots
that did it that way; the group-formation chart on its own slide after training_format; then
the element checklist per question and the team's choices. Large type comes from our own
constant CSS (never user text in it); the sidebar is hidden. 'Vorige'/'Volgende' are buttons
with the arrow keys as shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from keuzehulp.labels import labels
from keuzehulp.markdown import escape_markdown
from keuzehulp.provenance import strength_label
from keuzehulp.provenance import texts as basis_texts
from keuzehulp.schema import (
    DECISION_IDS,
    ELEMENT_SECTIONS,
    EXAMPLE_MUNICIPALITIES,
    PRIORITY_ORDER,
    SECTION_IDS,
    Advice,
    Reason,
)
from ui import nav

from . import kennis, state
from .chart import chart_summary, group_formation_chart, legend_lines

SLIDE_KEY = "keuzehulp_presentation_slide"
MAX_POINTS = 2  # reasons per column on a slide (readable at the back); the rest is in the download

# Constant CSS only: no user text is ever formatted into it.
SLIDE_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarNav"] { display: none !important; }
header[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; padding-bottom: 5.5rem; max-width: 100%; }
.st-key-slide p, .st-key-slide li { font-size: 1.45rem; line-height: 1.35; }
.st-key-slide li { margin-bottom: 0.2rem; }
.st-key-slide .st-key-reasons p, .st-key-slide .st-key-reasons li { font-size: 1.35rem; }
.st-key-slide td, .st-key-slide th { font-size: 1.4rem; padding: 0.6rem 0.9rem; }
.st-key-slide h1 { font-size: 2.5rem; line-height: 1.15; padding-top: 0; }
.st-key-slide h3 { font-size: 1.6rem; }
.st-key-slide .st-key-kicker p { font-size: 1.2rem; color: #3d3d3d; letter-spacing: 0.02em; }
.st-key-slide .st-key-advised p { font-size: 2.1rem; font-weight: 700; color: #0b3d6e; }
.st-key-slide .st-key-elements p { margin-bottom: 0.35rem; }
.st-key-slide .st-key-chart-key p { margin-bottom: 0.2rem; font-weight: 600; }
.st-key-slide .st-key-elements [class*="st-key-why-"] p { font-size: 1.25rem; margin-left: 3.2rem;
  color: #333333; margin-bottom: 0.9rem; }
.st-key-slide-nav { position: fixed; left: 0; right: 0; bottom: 0; z-index: 99; background: #ffffff;
  border-top: 1px solid #c8c8c8; padding: 0.5rem 5rem; }
.st-key-slide-nav p { font-size: 1.15rem; }
</style>
"""


@dataclass(frozen=True)
class Slide:
    title: str
    render: Callable[[Advice], None]


def short_basis(reason: Reason) -> str:
    """On a slide: 'Volgens de handreiking', 'Bron: …' or 'Aanname van de keuzehulp: …'."""
    t = basis_texts()
    if reason.basis == "aanname" and reason.assumption:
        page = kennis.item(f"knowledge/assumptions/{reason.assumption}.md")
        return f"{t.basis['aanname']}: {page.title}" if page is not None else t.basis["aanname"]
    if reason.basis == "bron":
        titles = [kennis.source_title(s) for s in reason.sources if s.startswith("knowledge/")]
        return f"{t.basis['bron']}: {'; '.join(titles)}"
    return t.basis[reason.basis]


def _reasons(reasons: list[Reason], limit: int = MAX_POINTS) -> str:
    """Reasons on a slide, each saying in grey what it rests on."""
    shown = [f"{r.text} :gray[*({short_basis(r)})*]" for r in reasons]
    return _bullets(shown, limit)


def _bullets(items: list[str], limit: int = MAX_POINTS) -> str:
    shown = items[:limit]
    text = "\n".join(f"- {t}" for t in shown)
    if len(items) > limit:
        text += f"\n- … en nog {len(items) - limit} (zie het keuzeoverzicht)"
    return text


def _section_line(section: str) -> str:
    return f"Vraag {section[1]} · {labels().sections[section].short}"


def _scenario_note() -> str:
    """' · Scenario: <name>' while a saved scenario is active (the name escaped), else ''."""
    name = state.get_session().active_scenario
    return f" · Scenario: {escape_markdown(name)}" if name else ""


def _kicker(text: str) -> None:
    """The small line above a slide's title (trusted text, plus the escaped scenario name)."""
    with st.container(key="kicker"):
        st.markdown(text + _scenario_note())


def _title_slide(advice: Advice) -> None:
    municipality = advice.profile.municipality.strip()
    st.title("Keuzehulp duaal inburgeren", anchor=False)
    if municipality:
        st.markdown(f"## Voor {escape_markdown(municipality)}")
    if _scenario_note():
        st.markdown(f"*{_scenario_note().removeprefix(' · ')}*")
    st.markdown("### Drie keuzes voor uw duale trajecten")
    for decision in DECISION_IDS:
        d = advice.decisions[decision]  # type: ignore[index]
        st.markdown(f"- **{labels().decisions[decision].title}** {labels().option(decision, d.choice)}")
    with st.container(key="kicker"):
        st.markdown("Gebaseerd op de handreiking 'Allemaal dual' (RegioPlan voor SZW, 2021). "
                    "Het team beslist; de keuzehulp informeert.")


def _decision_slide(decision: str) -> Callable[[Advice], None]:
    """The advice for one decision, with what pleads for and against it."""
    def render(advice: Advice) -> None:
        d = advice.decisions[decision]  # type: ignore[index]
        label = labels().decisions[decision]
        _kicker(_section_line(label.section))
        st.title(label.title, anchor=False)
        with st.container(key="advised"):
            st.markdown(f"Advies: {labels().option(decision, d.choice)}")
        st.markdown(f"*{strength_label(d.strength, d.basis)}*")
        with st.container(key="reasons"):
            pro, con = st.columns(2, gap="large")
            with pro:
                st.markdown("### Wat pleit ervoor")
                st.markdown(_reasons(d.reasons_for) if d.reasons_for else "Geen bijzondere redenen.")
            with con:
                st.markdown("### Wat pleit ertegen")
                st.markdown(_reasons(d.reasons_against) if d.reasons_against else "Geen bezwaren gevonden.")
    return render


def _decision_more_slide(decision: str) -> Callable[[Advice], None]:
    """What would change the advice, the pilots that did it this way, and the team's choice."""
    def render(advice: Advice) -> None:
        d = advice.decisions[decision]  # type: ignore[index]
        label = labels().decisions[decision]
        _kicker(f"{_section_line(label.section)} · {label.title}")
        st.title("Wat zou het advies veranderen?", anchor=False)
        if d.flips:
            st.markdown(_bullets([f.text for f in d.flips], 3))
        else:
            st.markdown("Geen enkele verandering van één antwoord verandert dit advies.")
        if d.examples:
            st.markdown("### Zo deden de pilots het")
            st.markdown(_bullets([f"{labels().examples[e]} ({', '.join(EXAMPLE_MUNICIPALITIES[e])})"
                                  for e in d.examples], 3))
        team = state.get_session().team.decisions.get(decision)  # type: ignore[call-overload]
        st.markdown("### Keuze van het team")
        if team and team.choice:
            st.markdown(f"**{labels().option(decision, team.choice)}**")
        else:
            st.markdown("Nog niet gekozen. Leg de keuze vast op de pagina Advies.")
    return render


def _group_slide(advice: Advice) -> None:
    _kicker(f"{_section_line('q2')} · {labels().decisions['training_format'].title}")
    st.title("Kunt u groepen vormen?", anchor=False)
    chart = group_formation_chart(advice.profile, height=300, font_size=17, title=False)
    st.altair_chart(chart, width="stretch", theme=None)
    with st.container(key="chart-key"):
        for line in legend_lines(advice.profile)[:-1]:
            st.markdown(line)
    st.markdown(chart_summary(advice.profile)[-1])


def _elements_slide(section: str) -> Callable[[Advice], None]:
    def render(advice: Advice) -> None:
        _kicker(_section_line(section) + " · werkzame elementen")
        st.title(labels().sections[section].title, anchor=False)
        elements = [e for e in advice.elements if ELEMENT_SECTIONS.get(e.id) == section]
        elements.sort(key=lambda e: PRIORITY_ORDER[e.priority])
        marks = {"essential": "●●●", "recommended": "●●○", "consider": "●○○"}
        with st.container(key="elements"):
            for e in elements:
                st.markdown(f"{marks[e.priority]} **{labels().priorities[e.priority]}:** "
                            f"{labels().elements[e.id]}")
                if len(elements) <= 3 and e.reasons:  # room to say why
                    with st.container(key=f"why-{e.id}"):
                        st.markdown(f"*Waarom:* {e.reasons[0]} :gray[*({short_basis(e.reasons[0])})*]")
        note = state.get_session().team.notes.get(section, "")  # type: ignore[call-overload]
        if note.strip():
            st.markdown("### Notities van het team")
            st.markdown(escape_markdown(note[:400]) + (" …" if len(note) > 400 else ""))
    return render


def _team_slide(advice: Advice) -> None:
    st.title("Advies en keuze van het team", anchor=False)
    team = state.get_session().team
    rows = ["| Keuze | Advies van de keuzehulp | Keuze van het team |", "|---|---|---|"]
    for decision in DECISION_IDS:
        chosen = team.decisions.get(decision)  # type: ignore[call-overload]
        own = labels().option(decision, chosen.choice) if chosen and chosen.choice else "Nog niet gekozen"
        advised = labels().option(decision, advice.decisions[decision].choice)  # type: ignore[index]
        rows.append(f"| {labels().decisions[decision].title} | {advised} | {own} |")
    st.markdown("\n".join(rows))
    with st.container(key="kicker"):
        st.markdown("Leg de keuze van het team vast op de pagina Advies; die komt in het keuzeoverzicht.")


def slides() -> list[Slide]:
    out = [Slide("Overzicht", _title_slide)]
    for decision in DECISION_IDS:
        title = labels().decisions[decision].title
        out.append(Slide(title, _decision_slide(decision)))
        if decision == "training_format":
            out.append(Slide("Kunt u groepen vormen?", _group_slide))
        out.append(Slide(f"{title} Wat zou het advies veranderen?", _decision_more_slide(decision)))
    for section in SECTION_IDS:
        out.append(Slide(f"Werkzame elementen {_section_line(section)}", _elements_slide(section)))
    out.append(Slide("Advies en keuze van het team", _team_slide))
    return out


def _go(delta: int, count: int) -> None:
    current = st.session_state.get(SLIDE_KEY, 0)
    st.session_state[SLIDE_KEY] = max(0, min(count - 1, current + delta))


def _navigation(index: int, count: int) -> None:
    with st.container(key="slide-nav"):
        back, where, forward, leave = st.columns([2, 3, 2, 2], vertical_alignment="center")
        back.button("Vorige", icon=":material/arrow_back:", on_click=_go, args=(-1, count),
                    disabled=index == 0, shortcut="Left", key="slide_previous", width="stretch")
        where.markdown(f"Dia {index + 1} van {count}")
        forward.button("Volgende", icon=":material/arrow_forward:", on_click=_go, args=(1, count),
                       disabled=index == count - 1, shortcut="Right", type="primary",
                       key="slide_next", width="stretch")
        leave.page_link("pages/advies.py", label="Stop presenteren", icon=":material/close:")


def presentation_page() -> None:
    nav.ensure_entrypoint()
    st.html(SLIDE_CSS)
    advice = state.current_advice()
    if advice is None:
        st.error("Het advies kon nu niet worden berekend. Uw antwoorden zijn bewaard.",
                 icon=":material/error:")
        st.page_link("pages/advies.py", label="Terug naar het advies", icon=":material/arrow_back:")
        return
    deck = slides()
    index = max(0, min(len(deck) - 1, int(st.session_state.get(SLIDE_KEY, 0))))
    with st.container(key="slide"):
        deck[index].render(advice)
    _navigation(index, len(deck))
