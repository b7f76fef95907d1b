"""The team's own choices, notes and participants: kept apart from the tool's advice.

Everything is stored in Session.team (so in the saved session and in every download). Widgets
have stable keys (team_choice_<decision>, team_reason_<decision>, team_notes_<section>,
team_action/owner/due_<element>) and are
re-seeded from the session on every run, because Streamlit deletes a widget's state when the
user leaves the page.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from keuzehulp.contract.inputs import dutch_messages
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_OPTIONS, Participant, TeamAction, TeamDecision, TeamInput
from keuzehulp.dutch.dates import EXAMPLE, NotADate, dutch_date, parse_date, short_date
from keuzehulp.dutch.dates import MAX_CHARS as DATE_CHARS
from keuzehulp.dutch.markdown import inert_markdown
from pydantic import ValidationError

from ui.session.state import current_advice, get_session, store_session

MAX_REASON = 2000
MAX_NOTE = 5000
MAX_PARTICIPANTS = 50
MAX_NAME = 100
MAX_ACTION = 500
NOT_CHOSEN = "Nog niet gekozen"
DIFFERS_NOTE = "Het team kiest anders dan het advies."
ERRORS_KEY = "team_errors"
DATE_HELP = f"Dag-maand-jaar, bijvoorbeeld {EXAMPLE} of {dutch_date(parse_date(EXAMPLE))}."


def _seed(key: str, value: Any) -> None:
    """Give a widget the stored value (runs before the widget exists in this run)."""
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def _errors() -> dict[str, list[str]]:
    return st.session_state.setdefault(ERRORS_KEY, {})


def _store_team(team_data: dict[str, Any], error_key: str) -> bool:
    """Validate and store the team input; on a problem keep the old one and remember why."""
    try:
        team = TeamInput.model_validate(team_data)
    except ValidationError as exc:
        _errors()[error_key] = dutch_messages(exc)
        return False
    _errors().pop(error_key, None)
    # Only the team part changes: answers, scenarios and their widget messages stay as they are.
    store_session(get_session().model_copy(update={"team": team}))
    return True


def _show_errors(error_key: str) -> None:
    for message in _errors().get(error_key, []):
        st.error(inert_markdown(message))  # may quote what was typed


# --- per decision ----------------------------------------------------------------------------


def _store_decision(decision_id: str) -> None:
    choice = st.session_state.get(f"team_choice_{decision_id}") or ""
    reason = st.session_state.get(f"team_reason_{decision_id}") or ""
    data = get_session().team.model_dump()
    if choice or reason.strip():
        data["decisions"][decision_id] = {"choice": choice, "reason": reason}
    else:
        data["decisions"].pop(decision_id, None)
    _store_team(data, f"team_choice_{decision_id}")


def team_decision_input(decision_id: str, advised: str | None = None, *, heading: bool = False) -> None:
    """'Keuze van het team' for one decision: a choice (may differ from the advice) and why.

    `advised` is the keuzehulp's choice; when the team picks another option a neutral note says
    so. Without it the advice is computed from the current answers.
    """
    options = ("", *DECISION_OPTIONS[decision_id])
    title = labels().decisions[decision_id].title
    stored = get_session().team.decisions.get(decision_id, TeamDecision())
    key_choice, key_reason = f"team_choice_{decision_id}", f"team_reason_{decision_id}"
    _seed(key_choice, stored.choice if stored.choice in options else "")
    _seed(key_reason, stored.reason)

    if heading:  # callers that do not frame it themselves (e.g. in an expander) ask for one
        st.markdown("##### Keuze van het team")
    st.selectbox(
        f"Wat kiest het team? ({title.rstrip('?')})",
        options,
        format_func=lambda o: NOT_CHOSEN if not o else labels().option(decision_id, o),
        key=key_choice,
        placeholder=NOT_CHOSEN,
        on_change=_store_decision,
        args=(decision_id,),
        help="Het team beslist zelf. Deze keuze mag afwijken van het advies van de keuzehulp.",
    )
    choice = st.session_state[key_choice]
    if choice:
        if advised is None:
            advice = current_advice()
            advised = advice.decisions[decision_id].choice if advice is not None else None  # type: ignore[index]
        if advised is not None and choice != advised:
            st.info(f"{DIFFERS_NOTE} Advies van de keuzehulp: {labels().option(decision_id, advised)}.",
                    icon=":material/info:")
    st.text_area(
        f"Waarom kiest het team dit? ({title.rstrip('?')})",
        key=key_reason,
        max_chars=MAX_REASON,
        on_change=_store_decision,
        args=(decision_id,),
        placeholder="Bijvoorbeeld: wat woog het zwaarst, wat moet nog worden uitgezocht.",
    )
    _show_errors(key_choice)


# --- actions per element (issue 14) --------------------------------------------------------


def _store_action(element_id: str) -> None:
    action = st.session_state.get(f"team_action_{element_id}") or ""
    owner = st.session_state.get(f"team_owner_{element_id}") or ""
    due_key = f"team_due_{element_id}"
    stored = get_session().team.actions.get(element_id, TeamAction())
    try:
        due = parse_date(st.session_state.get(due_key) or "")
        _errors().pop(due_key, None)
    except NotADate as exc:  # the date stays as it was; the message says why
        due = stored.due
        _errors()[due_key] = [str(exc)]
    data = get_session().team.model_dump()
    if action.strip() or owner.strip() or due:
        data["actions"][element_id] = {"action": action, "owner": owner, "due": due}
    else:
        data["actions"].pop(element_id, None)
    _store_team(data, f"team_action_{element_id}")


def team_action_input(element_id: str) -> None:
    """What the team will do about one element, who does it and by when (all optional)."""
    stored = get_session().team.actions.get(element_id, TeamAction())
    keys = {name: f"team_{name}_{element_id}" for name in ("action", "owner", "due")}
    _seed(keys["action"], stored.action)
    _seed(keys["owner"], stored.owner)
    _seed(keys["due"], short_date(stored.due) if stored.due else "")
    title = labels().elements.get(element_id, element_id)
    st.text_input(f"Actie van het team ({title})", key=keys["action"], max_chars=MAX_ACTION,
                  on_change=_store_action, args=(element_id,),
                  placeholder="Bijvoorbeeld: vijf werkgevers benaderen voor een werkplek")
    who, when = st.columns(2)
    who.text_input("Wie", key=keys["owner"], max_chars=MAX_NAME, on_change=_store_action,
                   args=(element_id,), placeholder="Naam of rol")
    # A Dutch text box, not Streamlit's date picker (English calendar, weeks from Sunday).
    when.text_input("Wanneer klaar", key=keys["due"], max_chars=DATE_CHARS, on_change=_store_action,
                    args=(element_id,), placeholder=EXAMPLE, help=DATE_HELP)
    _show_errors(keys["action"])
    _show_errors(keys["due"])


# --- notes per question ----------------------------------------------------------------------


def _store_note(section: str) -> None:
    text = st.session_state.get(f"team_notes_{section}") or ""
    data = get_session().team.model_dump()
    if text.strip():
        data["notes"][section] = text
    else:
        data["notes"].pop(section, None)
    _store_team(data, f"team_notes_{section}")


def team_notes_input(section: str) -> None:
    """Free notes of the team for one question (q1..q5)."""
    key = f"team_notes_{section}"
    _seed(key, get_session().team.notes.get(section, ""))
    st.text_area(
        "Notities van het team bij deze vraag",
        key=key,
        max_chars=MAX_NOTE,
        on_change=_store_note,
        args=(section,),
        help="Komt in het keuzeoverzicht, apart van het advies van de keuzehulp.",
    )
    _show_errors(key)


# --- participants ----------------------------------------------------------------------------


def _add_participant() -> None:
    name = (st.session_state.get("team_participant_name") or "").strip()
    role = (st.session_state.get("team_participant_role") or "").strip()
    team = get_session().team
    if not name:
        _errors()["team_participants"] = ["Vul een naam in om een deelnemer toe te voegen."]
        return
    if len(team.participants) >= MAX_PARTICIPANTS:
        _errors()["team_participants"] = [f"Er kunnen hoogstens {MAX_PARTICIPANTS} deelnemers in de lijst."]
        return
    data = team.model_dump()
    data["participants"].append({"name": name, "role": role})
    if _store_team(data, "team_participants"):
        st.session_state["team_participant_name"] = ""
        st.session_state["team_participant_role"] = ""


def _remove_participant() -> None:
    index = st.session_state.get("team_participant_remove")
    data = get_session().team.model_dump()
    if isinstance(index, int) and 0 <= index < len(data["participants"]):
        del data["participants"][index]
        _store_team(data, "team_participants")


def _participant_label(p: Participant) -> str:
    return f"{p.name} ({p.role})" if p.role else p.name


def team_participants_input() -> None:
    """Names and roles of the people at the table; they appear in the choice summary."""
    participants = get_session().team.participants
    if participants:
        st.dataframe(
            [{"Naam": p.name, "Rol": p.role} for p in participants],
            hide_index=True, width="stretch",
        )
    else:
        st.caption("Nog geen deelnemers toegevoegd.")
    with st.form("team_participant_form", border=False):
        left, right = st.columns(2)
        left.text_input("Naam", key="team_participant_name", max_chars=MAX_NAME)
        right.text_input("Rol", key="team_participant_role", max_chars=MAX_NAME,
                         placeholder="Bijvoorbeeld: beleidsmedewerker")
        st.form_submit_button("Voeg deelnemer toe", on_click=_add_participant)
    _show_errors("team_participants")
    if participants:
        with st.expander("Deelnemer verwijderen"):
            st.selectbox("Welke deelnemer?", range(len(participants)),
                         format_func=lambda i: _participant_label(participants[i]),
                         key="team_participant_remove", placeholder="Kies een deelnemer")
            st.button("Verwijder deelnemer", on_click=_remove_participant)
