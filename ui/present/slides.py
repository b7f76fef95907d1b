"""Presentation mode: the advice as slides a whole meeting room can read.

One decision per slide with its reasons for and against; then what would change it, the pilots
that did it that way and the team's own choice and reason, recorded right there (the
facilitator never leaves the presentation); the group-formation chart on its own slide after
training_format; the element checklist per question; the scenarios side by side (two or more);
what to buy (the building blocks that matter most, the price check); a closing slide with
advice and team choice side by side.

Type is sized to the screen (CSS clamp() on the viewport's height and width, our own constant
CSS, never user text in it), so a 1920x1080 projector gets large type and a phone or a 200 %
zoom stays readable. The controls sit below the slide in the page's flow, so they never cover
it. Keys (a constant script): PageDown, Space and the right arrow go forward, PageUp and the left
arrow back, as a presenter remote sends them; never while typing in a field. 'Ga naar dia'
jumps to any slide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    DECISION_IDS,
    ELEMENT_SECTIONS,
    EXAMPLE_MUNICIPALITIES,
    PRIORITY_ORDER,
    SECTION_IDS,
    Advice,
    Reason,
)
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.knowledge.provenance import strength_label
from keuzehulp.knowledge.provenance import texts as basis_texts
from keuzehulp.report.compare import compare
from keuzehulp.rules import groups
from ui.costs.results import cost_slide, timeline_slide
from ui.kennis import links as kennis
from ui.kit import nav
from ui.kit.firstuse import explain
from ui.present.slide_style import (  # noqa: F401
    _FS,
    _NAV_FS,
    KEYS_SCRIPT,
    SLIDE_CSS,
)
from ui.procurement.slide import procurement_slide
from ui.session import autosave, state
from ui.wizard.chart import group_formation_chart, legend_lines, wait_label_place
from ui.wizard.team import team_decision_input
from ui.workshop.slides import ELEMENTS_TITLE, RESULTS_TITLE, element_results_slide, join_slide, results_slide

SLIDE_KEY = "keuzehulp_presentation_slide"
JUMP_KEY = "slide_jump"
JOIN_FROM_KEY = "slide_join_from"  # the slide the join key was pressed on: pressed again, back there
SLIDE_PARAM = "dia"  # the slide on screen in the address (1-based), so F5 keeps it
JOIN_TITLE = "Doe mee met de stemming"
MAX_POINTS = 2  # reasons per column on a slide (readable at the back); the rest is in the download
MAX_SCENARIOS = 4  # columns on the comparison slide
SLIDE_CHART_FONT = 22  # in the chart's own units, before it is scaled to the screen
SLIDE_CHART_SIZE = (860, 340)  # plot width and height in those units
NARROW_CHART_SIZE = (330, 300)  # the same for a screen taller than wide (a phone)
REASON_ON_SLIDE = 160  # characters of the team's reason on the closing slide


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
    shown = [f"{explain(r.text)} :gray[*({short_basis(r)})*]" for r in reasons]
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
    return f" · Scenario: {inert_markdown(name)}" if name else ""


def _kicker(text: str) -> None:
    """The small line above a slide's title (trusted text, plus the escaped scenario name)."""
    with st.container(key="kicker"):
        st.markdown(text + _scenario_note())


def _title_slide(advice: Advice) -> None:
    municipality = advice.profile.municipality.strip()
    st.title("Keuzehulp duaal inburgeren", anchor=False)
    if municipality:
        with st.container(key="for-whom"):
            st.header(f"Voor {inert_markdown(municipality)}", anchor=False)  # no anchor link made of user text
    if _scenario_note():
        st.markdown(f"*{_scenario_note().removeprefix(' · ')}*")
    st.subheader("Drie keuzes voor uw duale trajecten", anchor=False)
    for decision in DECISION_IDS:
        d = advice.decisions[decision]  # type: ignore[index]
        st.markdown(f"- **{labels().decisions[decision].title}** {labels().option(decision, d.choice)}")
    with st.container(key="kicker"):
        st.markdown("Gebaseerd op de handreiking 'Allemaal dual' (RegioPlan voor het ministerie van "
                    "Sociale Zaken en Werkgelegenheid, 2021). "
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
                st.header("Wat pleit ervoor", anchor=False)
                st.markdown(_reasons(d.reasons_for) if d.reasons_for else "Geen bijzondere redenen.")
            with con:
                st.header("Wat pleit ertegen", anchor=False)
                st.markdown(_reasons(d.reasons_against) if d.reasons_against else "Geen bezwaren gevonden.")
    return render


def _decision_more_slide(decision: str) -> Callable[[Advice], None]:
    """What would change the advice, the pilots that did it this way, and the team's choice."""
    def render(advice: Advice) -> None:
        d = advice.decisions[decision]  # type: ignore[index]
        label = labels().decisions[decision]
        _kicker(f"{_section_line(label.section)} · {label.title}")
        st.title("Wat zou het advies veranderen?", anchor=False)
        if d.flips:  # two when the pilots' examples share the slide, so it fits a 1280x800 beamer
            st.markdown(_bullets([explain(f.text) for f in d.flips], 2 if d.examples else 3))
        else:
            st.markdown("Geen enkele verandering van één antwoord verandert dit advies.")
        if d.examples:
            st.header("Zo deden de pilots het", anchor=False)
            st.markdown(_bullets([explain(f"{labels().examples[e]} ({', '.join(EXAMPLE_MUNICIPALITIES[e])})")
                                  for e in d.examples], 3))
        with st.container(key="team-record"):
            st.header("Keuze van het team", anchor=False)
            team_decision_input(decision, advised=d.choice)
    return render


def _group_slide(advice: Advice) -> None:
    _kicker(f"{_section_line('q2')} · {labels().decisions['training_format'].title}")
    st.title("Kunt u groepen vormen?", anchor=False)
    # Drawn at a fixed size as SVG, then scaled by CSS to the screen (at most 50 % of its
    # height, the full width): its type grows with the screen like the slide's own text.
    # A phone (portrait) gets a narrower drawing, so its type is not scaled down to nothing;
    # CSS shows the one that fits.
    for key, (width, height) in (("slide-chart", SLIDE_CHART_SIZE), ("slide-chart-narrow", NARROW_CHART_SIZE)):
        chart = group_formation_chart(advice.profile, height=height, font_size=SLIDE_CHART_FONT,
                                      title=False, width=width).properties(
            width=width, usermeta={"embedOptions": {"renderer": "svg"}})
        with st.container(key=key):
            st.altair_chart(chart, width="content", theme=None)
            if wait_label_place(advice.profile, width, height, SLIDE_CHART_FONT) is None:
                st.markdown(legend_lines(advice.profile)[-1])  # no clear place in the plot: named below it
    with st.container(key="chart-key"):
        for line in legend_lines(advice.profile)[:-1]:
            st.markdown(line)
    st.markdown(groups.needed(advice.profile))  # the intake that fills a group within the wait


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
                            f"{explain(labels().elements[e.id])}")
                if len(elements) <= 3 and e.reasons:  # room to say why
                    with st.container(key=f"why-{e.id}"):
                        st.markdown(f"*Waarom:* {explain(str(e.reasons[0]))} "
                                    f":gray[*({short_basis(e.reasons[0])})*]")
        note = state.get_session().team.notes.get(section, "")  # type: ignore[call-overload]
        if note.strip():
            st.header("Notities van het team", anchor=False)
            st.markdown(inert_markdown(note[:400]) + (" …" if len(note) > 400 else ""))
    return render


def _short(text: str, limit: int = REASON_ON_SLIDE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _team_slide(advice: Advice) -> None:
    """Closing slide: per decision the advice and the team's choice and reason side by side
    (columns, not a table: on a phone they stack instead of running off the screen)."""
    _kicker("Afsluiting")
    st.title("Advies en keuze van het team", anchor=False)
    team = state.get_session().team
    differs = 0
    with st.container(key="closing"):
        for decision in DECISION_IDS:
            chosen = team.decisions.get(decision)  # type: ignore[call-overload]
            advised_id = advice.decisions[decision].choice  # type: ignore[index]
            st.header(labels().decisions[decision].title, anchor=False)
            left, right = st.columns(2, gap="large")
            left.markdown(f"Advies van de keuzehulp: **{labels().option(decision, advised_id)}**")
            if chosen and chosen.choice:
                own = labels().option(decision, chosen.choice)
                if chosen.choice != advised_id:
                    own = f"≠ {own}"
                    differs += 1
                text = f"Keuze van het team: **{own}**"
            else:
                text = "Keuze van het team: Nog niet gekozen"
            if chosen and chosen.reason.strip():
                text += f"  \nWaarom: {inert_markdown(_short(chosen.reason))}"
            right.markdown(text)
    if differs:
        with st.container(key="differs"):
            st.markdown(f"≠ Het team kiest {differs} keer anders dan de keuzehulp adviseert.")
    with st.container(key="footnote"):
        st.markdown("Alles staat in het keuzeoverzicht: op de eerste pagina de besluitpunten en de acties.")


def _scenario_slide(advice: Advice) -> None:
    """The saved scenarios side by side: the advice per decision, ≠ where they differ."""
    session = state.get_session()
    shown = session.scenarios[:MAX_SCENARIOS]
    result = compare([(s.name, s.profile) for s in shown], session.team)
    _kicker("Scenario's")
    st.title("Scenario's vergeleken", anchor=False)
    head = " | ".join(inert_markdown(n) for n in result.names)
    rows = [f"| Keuze | {head} |", "|---" * (len(result.names) + 1) + "|"]
    for row in result.decisions:
        cells = [(f"**≠ {c.choice_label}**" if row.differs else c.choice_label) for c in row.cells]
        rows.append(f"| {row.title} | " + " | ".join(cells) + " |")
    st.markdown("\n".join(rows))
    notes = ["≠ = het advies verschilt tussen de scenario's."]
    if len(session.scenarios) > MAX_SCENARIOS:
        notes.append(f"De eerste {MAX_SCENARIOS} van {len(session.scenarios)} scenario's; "
                     "alle staan op de pagina Vergelijken.")
    with st.container(key="footnote"):
        st.markdown(" ".join(notes))


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
    out.append(Slide("Wat kost dit ontwerp?", lambda advice: cost_slide(advice, _kicker)))
    out.append(Slide("Hoe lang wacht een inburgeraar?", lambda advice: timeline_slide(advice, _kicker)))
    out.append(Slide("Wat koopt u in?", lambda advice: procurement_slide(advice, _kicker)))
    if len(state.get_session().scenarios) >= 2:
        out.append(Slide("Scenario's vergeleken", _scenario_slide))
    out.append(Slide("Advies en keuze van het team", _team_slide))
    if state.get_session().workshop is not None:  # a live workshop: how to join, and the votes
        out.insert(1, Slide(JOIN_TITLE, join_slide))
        out.append(Slide(RESULTS_TITLE, results_slide))
        out.append(Slide(ELEMENTS_TITLE, element_results_slide))
    return out


def _go(delta: int, count: int) -> None:
    current = st.session_state.get(SLIDE_KEY, 0)
    st.session_state[SLIDE_KEY] = max(0, min(count - 1, current + delta))


def _jump() -> None:
    st.session_state[SLIDE_KEY] = int(st.session_state.get(JUMP_KEY) or 0)


def _join(join_index: int) -> None:
    """Key C: to the join slide from any slide; on the join slide, back to where it was pressed."""
    current = int(st.session_state.get(SLIDE_KEY, 0))
    if current == join_index:
        st.session_state[SLIDE_KEY] = int(st.session_state.pop(JOIN_FROM_KEY, join_index + 1))
    else:
        st.session_state[JOIN_FROM_KEY] = current
        st.session_state[SLIDE_KEY] = join_index


def _navigation(index: int, deck: list[Slide]) -> None:
    count = len(deck)
    st.session_state[JUMP_KEY] = index  # the overview shows the slide on screen
    join_index = next((i for i, s in enumerate(deck) if s.title == JOIN_TITLE), None)
    with st.container(key="slide-nav"):
        if join_index is None:
            back, where, forward, leave = st.columns([2, 4, 2, 2], vertical_alignment="center")
        else:  # a live workshop: its join slide one key away (C)
            back, where, forward, join, leave = st.columns([2, 3.5, 2, 2, 2.5], vertical_alignment="center")
        back.button("Vorige", icon=":material/arrow_back:", on_click=_go, args=(-1, count),
                    disabled=index == 0, key="slide_previous", width="stretch")
        where.selectbox("Ga naar dia", range(count), key=JUMP_KEY, on_change=_jump,
                        format_func=lambda i: f"Dia {i + 1} van {count}: {deck[i].title}",
                        label_visibility="collapsed")
        forward.button("Volgende", icon=":material/arrow_forward:", on_click=_go, args=(1, count),
                       disabled=index == count - 1, type="primary", key="slide_next", width="stretch")
        if join_index is not None:
            back_label = index == join_index and JOIN_FROM_KEY in st.session_state
            join.button("Terug (C)" if back_label else "Meedoen (C)", on_click=_join, args=(join_index,),
                        icon=":material/undo:" if back_label else ":material/qr_code_2:",
                        key="slide_join", width="stretch", help="Toets C: de code en QR-code voor de zaal")
        leave.page_link(nav.link_target("pages/advies.py"), label="Stop presenteren", icon=":material/close:",
                        query_params=autosave.address_params())


def _slide_in_address() -> int:
    """The slide number in the address (?dia=3 is the third slide, index 2); 0 when absent or bad."""
    raw = str(st.query_params.get(SLIDE_PARAM, ""))
    return int(raw) - 1 if raw.isdigit() and 0 < int(raw) <= 999 else 0


def presentation_page() -> None:
    st.html(SLIDE_CSS)
    advice = state.current_advice()
    if advice is None:
        st.error("Het advies kon nu niet worden berekend. Uw antwoorden zijn bewaard.",
                 icon=":material/error:")
        st.page_link(nav.link_target("pages/advies.py"), label="Terug naar het advies", icon=":material/arrow_back:",
                     query_params=autosave.address_params())
        return
    st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)
    deck = slides()
    if SLIDE_KEY not in st.session_state:  # a new page (F5, a link): the slide in the address
        st.session_state[SLIDE_KEY] = _slide_in_address()
    index = max(0, min(len(deck) - 1, int(st.session_state.get(SLIDE_KEY, 0))))
    st.session_state[SLIDE_KEY] = index
    if st.query_params.get(SLIDE_PARAM) != str(index + 1):
        st.query_params[SLIDE_PARAM] = str(index + 1)
    # Which slide is on screen, for the page-change script (ui/kit/streamlit_adapter.py): a new slide starts at the top.
    st.html(f'<span data-kh-slide="{int(index)}"></span>')
    with st.container(key="slide"):
        deck[index].render(advice)
    _navigation(index, deck)
