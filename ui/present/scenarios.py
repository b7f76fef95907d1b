"""Named scenarios ("Alleen", "Met de regio"): save, switch, update, delete (sidebar).

Scenarios live in Session.scenarios, so they travel in the saved session. Switching loads the
scenario's answers as the active profile through ui.session.state, so every widget is re-seeded.
Answers that belong to no scenario are kept aside when switching (Session.loose_profile, so in
the autosave too), and changes to the active scenario that were not stored in it make the
switch ask first whether to keep them: nothing is dropped without the user saying so.
Scenario names are user text: escaped before they reach any Markdown.
"""

from __future__ import annotations

import streamlit as st

from keuzehulp.contract.schema import Profile, Scenario, Session
from keuzehulp.dutch.dates import local_today
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.report import COMPARISON_FORMATS, FORMATS, comparison_filename, render_comparison
from keuzehulp.report.compare import MAX_COMPARED, compare
from keuzehulp.report.comparison import marked_table, screen_marks
from ui.kit import streamlit_adapter as adapter
from ui.kit.spreadsheet import spreadsheet_button
from ui.session import state

MAX_SCENARIOS = 10
MAX_NAME = 60
NAME_KEY = "scenario_name"
SWITCH_KEY = "scenario_switch"
MESSAGE_KEY = "scenario_message"
PENDING_KEY = "scenario_switch_pending"  # the scenario chosen while the active one has unsaved edits
LOOSE = ""  # selectbox option for "no scenario"


def _message(kind: str, text: str) -> None:
    """Remember a message (Markdown with user text already escaped) for the next run."""
    st.session_state[MESSAGE_KEY] = (kind, text)


def name_problem(name: str, session: Session) -> str | None:
    """A Dutch sentence (Markdown, name escaped) why this name cannot be used, or None."""
    if not name:
        return "Geef het scenario eerst een naam, bijvoorbeeld 'Alleen' of 'Met de regio'."
    if len(name) > MAX_NAME:
        return f"De naam is te lang; hoogstens {MAX_NAME} tekens."
    if any(s.name == name for s in session.scenarios):
        return (f"Er is al een scenario '{inert_markdown(name)}'. Kies een andere naam, of kies het scenario "
                "en werk het bij.")
    if len(session.scenarios) >= MAX_SCENARIOS:
        return f"Er kunnen hoogstens {MAX_SCENARIOS} scenario's worden bewaard. Verwijder er eerst een."
    return None


def save_scenario(name: str) -> str | None:
    """Save the active answers as a new scenario and make it active; a problem leaves all as is."""
    name = " ".join(name.split())
    session = state.get_session()
    problem = name_problem(name, session)
    if problem:
        return problem
    scenarios = [*session.scenarios, Scenario(name=name, profile=session.profile)]
    state.store_session(session.model_copy(update={"scenarios": scenarios, "active_scenario": name}))
    return None


def switch_scenario(name: str) -> None:
    """Load a saved scenario's answers (or the loose answers for LOOSE) as the active profile."""
    session = state.get_session()
    if not any(s.profile == session.profile for s in session.scenarios):
        # keep answers that are in no scenario within reach (also in the saved session)
        session = session.model_copy(update={"loose_profile": session.profile})
    if name == LOOSE:
        loose = session.loose_profile
        profile = loose if isinstance(loose, Profile) else session.profile
        state.set_session(session.model_copy(update={"profile": profile, "active_scenario": None}))
        return
    scenario = next((s for s in session.scenarios if s.name == name), None)
    if scenario is None:
        return
    state.set_session(session.model_copy(update={"profile": scenario.profile, "active_scenario": name}))


def unsaved_edits(session: Session) -> bool:
    """Whether the active answers differ from the active scenario they were loaded from."""
    scenario = active_scenario(session)
    return scenario is not None and scenario.profile != session.profile


def update_active() -> None:
    """Store the active answers into the active scenario."""
    session = state.get_session()
    scenarios = [s.model_copy(update={"profile": session.profile}) if s.name == session.active_scenario
                 else s for s in session.scenarios]
    state.store_session(session.model_copy(update={"scenarios": scenarios}))


def delete_active() -> None:
    """Remove the active scenario; its answers stay the active answers, so nothing is lost."""
    session = state.get_session()
    scenarios = [s for s in session.scenarios if s.name != session.active_scenario]
    state.store_session(session.model_copy(update={"scenarios": scenarios, "active_scenario": None}))


def active_scenario(session: Session) -> Scenario | None:
    return next((s for s in session.scenarios if s.name == session.active_scenario), None)


# --- callbacks -----------------------------------------------------------------------------


def _on_save() -> None:
    name = st.session_state.get(NAME_KEY) or ""
    problem = save_scenario(name)
    if problem:
        _message("error", problem)
    else:
        _message("success", f"Scenario '{inert_markdown(name)}' is bewaard.")
        st.session_state[NAME_KEY] = ""


def _on_switch() -> None:
    target = st.session_state.get(SWITCH_KEY) or LOOSE
    st.session_state.pop(MESSAGE_KEY, None)
    session = state.get_session()
    if unsaved_edits(session) and target != session.active_scenario:
        st.session_state[PENDING_KEY] = target  # ask first (scenario_sidebar shows the question)
        st.session_state[SWITCH_KEY] = session.active_scenario or LOOSE
        return
    st.session_state.pop(PENDING_KEY, None)
    switch_scenario(target)


def _on_pending(choice: str) -> None:
    """The answer to 'keep the changes?': keep (store them in the scenario), drop, or cancel."""
    target = st.session_state.pop(PENDING_KEY, None)
    if target is None or choice == "cancel":
        return
    name = state.get_session().active_scenario or ""
    if choice == "keep":
        update_active()
    switch_scenario(target)
    kept = "bewaard in" if choice == "keep" else "niet bewaard in"
    _message("success", f"De wijzigingen zijn {kept} '{inert_markdown(name)}'.")


def _pending_question(session: Session) -> None:
    target = st.session_state.get(PENDING_KEY)
    if target is None or not unsaved_edits(session):
        st.session_state.pop(PENDING_KEY, None)
        return
    name = inert_markdown(session.active_scenario or "")
    goal = f"scenario '{inert_markdown(target)}'" if target else "de losse antwoorden"
    st.warning(f"U heeft antwoorden gewijzigd sinds scenario '{name}' is bewaard. Wilt u die "
               f"wijzigingen bewaren in '{name}' voordat u naar {goal} gaat?",
               icon=":material/warning:")
    st.button(f"Ja, bewaren in '{name}'", on_click=_on_pending, args=("keep",),
              key="scenario_pending_keep", type="primary", width="stretch")
    st.button("Nee, wijzigingen weggooien", on_click=_on_pending, args=("drop",),
              key="scenario_pending_drop", width="stretch")
    st.button("Annuleren", on_click=_on_pending, args=("cancel",), key="scenario_pending_cancel",
              width="stretch")


def _on_update() -> None:
    update_active()
    _message("success", f"Scenario '{inert_markdown(state.get_session().active_scenario or '')}' is bijgewerkt.")


def _on_delete() -> None:
    name = state.get_session().active_scenario
    delete_active()
    _message("success", f"Scenario '{inert_markdown(name or '')}' is verwijderd. De antwoorden zijn nog actief.")


# --- the sidebar block ---------------------------------------------------------------------


def scenario_sidebar() -> None:
    """Scenario block for the shared sidebar (call inside `with st.sidebar:`)."""
    session = state.get_session()
    st.markdown("**Scenario's**")
    names = [s.name for s in session.scenarios]
    if names:
        active = session.active_scenario if session.active_scenario in names else LOOSE
        if st.session_state.get(SWITCH_KEY) != active:
            st.session_state[SWITCH_KEY] = active
        st.selectbox(
            "Actief scenario", [LOOSE, *names], key=SWITCH_KEY, on_change=_on_switch,
            format_func=lambda n: n if n else "Geen scenario (losse antwoorden)",
            help="Kies een scenario: de antwoorden van dat scenario worden de actieve antwoorden.",
        )
        _pending_question(session)
        scenario = active_scenario(session)
        if scenario is not None:
            if scenario.profile != session.profile:
                st.caption("De antwoorden zijn gewijzigd sinds het scenario is bewaard.")
                st.button("Werk dit scenario bij", on_click=_on_update, key="scenario_update",
                          icon=":material/save:", width="stretch")
            st.button("Verwijder dit scenario", on_click=_on_delete, key="scenario_delete",
                      icon=":material/delete:", width="stretch")
    else:
        st.caption("Bewaar de antwoorden onder een naam, bijvoorbeeld 'Alleen'. Pas daarna een "
                   "antwoord aan en bewaar opnieuw, bijvoorbeeld als 'Met de regio'. Op de pagina "
                   "Vergelijken ziet u de scenario's naast elkaar.")
    st.text_input("Naam van een nieuw scenario", key=NAME_KEY, max_chars=MAX_NAME,
                  placeholder="Bijvoorbeeld: Met de regio")
    st.button("Bewaar als scenario", on_click=_on_save, key="scenario_save",
              icon=":material/bookmark_add:", width="stretch")
    message = st.session_state.pop(MESSAGE_KEY, None)  # shown once, right after the action
    if message:
        kind, text = message
        (st.error if kind == "error" else st.success)(text)


# --- the Vergelijken page ------------------------------------------------------------------

SELECTION_KEY = "compare_selection"
SELECTION_STORE = "keuzehulp_compare_selection"  # survives leaving the page (no widget owns it)
HOW_TO = (
    "Om scenario's te vergelijken heeft u er minstens twee nodig. Zo maakt u ze:\n\n"
    "1. Vul de vragen in zoals het nu is.\n"
    "2. Typ in de zijbalk onder **Scenario's** een naam, bijvoorbeeld *Alleen*, en kies "
    "**Bewaar als scenario**.\n"
    "3. Pas de antwoorden aan, bijvoorbeeld bij vraag 2 *Werkt u samen met buurgemeenten?*.\n"
    "4. Bewaar opnieuw onder een andere naam, bijvoorbeeld *Met de regio*.\n\n"
    "Kom dan terug naar deze pagina."
)


def _store_selection() -> None:
    st.session_state[SELECTION_STORE] = list(st.session_state.get(SELECTION_KEY) or [])


def _selection(names: list[str]) -> list[str]:
    stored = st.session_state.get(SELECTION_STORE)
    chosen = [n for n in stored if n in names] if isinstance(stored, list) else names[:2]
    if st.session_state.get(SELECTION_KEY) != chosen:
        st.session_state[SELECTION_KEY] = chosen
    return chosen


COMPARISON_ICONS = {"docx": ":material/description:", "pdf": ":material/picture_as_pdf:", "md": ":material/article:"}


def _decision_table(comparison) -> str:  # type: ignore[no-untyped-def]
    """One row per decision, one column per scenario, and a column that says whether they differ."""
    rows = []
    for row in comparison.decisions:
        cells = []
        for cell in row.cells:
            choice = f"**≠ {cell.choice_label}**" if row.differs else cell.choice_label
            cells.append(f"{choice} — {cell.strength_label.lower()}")
        rows.append(([f"**{row.title}**", *cells], row.differs))
    return marked_table(["Keuze", *comparison.names], rows, screen_marks(), bold=False, esc=inert_markdown)


def _team_choices(comparison) -> None:  # type: ignore[no-untyped-def]
    chosen = [row for row in comparison.decisions if row.team_choice]
    if chosen:
        st.markdown("**Keuze van het team** (geldt voor alle scenario's): "
                    + "; ".join(f"{row.title} {row.team_choice}" for row in chosen))


def _table(head: list[str], rows: list[tuple[list[str], bool]], escape_values: bool = False) -> str:
    """A Markdown table (head escaped here). Differences in bold, marked '≠ Verschilt'."""
    return marked_table(head, rows, screen_marks(), escape_values=escape_values, esc=inert_markdown)


def _downloads(comparison) -> None:  # type: ignore[no-untyped-def]
    today = local_today()  # the Dutch date in the file name
    columns = st.columns(2)  # two a row: the labels stay whole at 1280 px
    for i, fmt in enumerate(COMPARISON_FORMATS):
        spec = FORMATS[fmt]
        columns[i % 2].download_button(
            f"Download de vergelijking ({spec.label})",
            data=lambda fmt=fmt: render_comparison(fmt, comparison, today),
            file_name=comparison_filename(fmt, comparison, today), mime=spec.mime,
            on_click="ignore", icon=COMPARISON_ICONS.get(fmt), key=f"compare_{fmt}", width="stretch")
    with columns[len(COMPARISON_FORMATS) % 2]:
        spreadsheet_button("compare_xlsx", width="stretch")


def _costs_side_by_side(comparison) -> None:  # type: ignore[no-untyped-def]
    """Costs and lead time per scenario (issue 12): one table, then each scenario's two charts."""
    from keuzehulp.report.comparison import cost_rows
    from ui.costs.charts import cost_chart, timeline_chart

    st.subheader("Kosten en doorlooptijd per scenario", anchor=False)
    st.caption("Met dezelfde bedragen voor elk scenario; pas ze aan op de pagina Kosten en doorlooptijd.")
    st.markdown(_table(["Kosten en doorlooptijd", *comparison.names], cost_rows(comparison)))
    with st.expander("Grafieken per scenario", icon=":material/bar_chart:"):
        for column, name, est in zip(st.columns(len(comparison.names)), comparison.names,
                                     comparison.estimates, strict=True):
            with column:
                st.markdown(f"**{inert_markdown(name)}**")
                st.altair_chart(cost_chart(est.costs, height=300, font_size=12), width="stretch", theme=None)
                st.altair_chart(timeline_chart(est.timeline, height=320, font_size=12), width="stretch",
                                theme=None)


def comparison_page() -> None:
    """Two or three scenarios side by side, differences marked in words, not colour alone."""
    st.title("Scenario's vergelijken", anchor=False)
    session = state.get_session()
    names = [s.name for s in session.scenarios]
    if len(names) < 2:
        st.info(HOW_TO, icon=":material/info:")
        if names:
            st.caption(f"U heeft nu één scenario: {inert_markdown(names[0])}.")
        return
    _selection(names)
    chosen = st.multiselect("Welke scenario's vergelijkt u? Kies er twee of drie.", names,
                            key=SELECTION_KEY, max_selections=MAX_COMPARED, on_change=_store_selection)
    if len(chosen) < 2:
        st.warning("Kies ten minste twee scenario's om te vergelijken.")
        return
    profiles = {s.name: s.profile for s in session.scenarios}
    try:
        comparison = compare([(n, profiles[n]) for n in chosen], team=session.team, costs=session.costs)
    except Exception:  # the engine failed: say so in Dutch, keep everything
        st.error("De vergelijking kon nu niet worden gemaakt. Uw scenario's zijn bewaard; "
                 "probeer het opnieuw of meld het aan de beheerder.", icon=":material/error:")
        return

    key = f"{adapter.WIDE_TABLES}-vergelijken"  # tables readable on a phone
    st.html(adapter.wide_tables_css(key))
    with st.container(key=key):
        _comparison(comparison)


def _comparison(comparison) -> None:  # type: ignore[no-untyped-def]
    """The comparison's tables and downloads."""
    differing = len(comparison.differing_decisions)
    keuzes = "keuzes verschilt" if differing == 1 else "keuzes verschillen"
    elements = len(comparison.differing_elements)
    st.markdown(f"**{differing} van de {len(comparison.decisions)} {keuzes}**; {elements} van de "
                f"{len(comparison.elements)} werkzame elementen "
                f"{'krijgt' if elements == 1 else 'krijgen'} een andere prioriteit.")
    st.caption("Een keuze die verschilt staat vet met '≠' ervoor, en in de laatste kolom staat "
               "'≠ Verschilt'.")
    st.subheader("Advies van de keuzehulp per scenario", anchor=False)
    st.markdown(_decision_table(comparison))
    _team_choices(comparison)

    names = comparison.names
    _costs_side_by_side(comparison)
    st.subheader("Antwoorden die verschillen", anchor=False)
    if comparison.differing_fields:
        st.markdown(_table(["Vraag", *names], [
            ([f.label, *f.values], True) for f in comparison.differing_fields], escape_values=True))
    else:
        st.markdown("De scenario's hebben dezelfde antwoorden.")

    st.subheader("Werkzame elementen", anchor=False)
    element_rows = [([e.title, *e.priority_labels], e.differs) for e in comparison.elements]
    if comparison.elements_differ:
        st.markdown(_table(["Element", *names], [r for r in element_rows if r[1]]))
    else:
        st.markdown("Alle werkzame elementen hebben in elk scenario dezelfde prioriteit.")
    with st.expander(f"Alle {len(element_rows)} werkzame elementen"):
        st.markdown(_table(["Element", *names], element_rows))

    st.subheader("Downloaden", anchor=False)
    _downloads(comparison)
