"""Two tabs on one session: a change that lost to another tab's change of the same field.

The store merges what each tab changed field by field (keuzehulp/store/merge.py); when both tabs
changed the same field, the value saved first stays and the tab that saved second shows it. That
tab is told here, in Dutch, what the field is, what the other tab made of it and what it had
itself, and may put its own value back (saved at once, as a new change) or keep the other one.
Nothing of it is silently dropped. User text is shown inert (inert_markdown).
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from keuzehulp.contract.inputs import InputError, parse_session
from keuzehulp.contract.labels import labels
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.store import Conflict
from keuzehulp.store.merge import MISSING, put
from ui.session.store import get_session, set_session

SHOWN_CHARS = 80  # a value is quoted up to this long in the message
FAILED_KEY = "keuzehulp_conflict_failed"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def describe(path: tuple[str, ...]) -> str:
    """What the field is, in Dutch: 'Gemeente', 'de reden van het team bij ...'."""
    words = labels()
    head, rest = path[0], path[1:]
    if head == "profile" and rest and rest[0] in words.fields:
        return f"het antwoord bij '{words.field(rest[0])}'"
    if head == "team" and len(rest) >= 2 and rest[0] == "decisions" and rest[1] in words.decisions:
        title = words.decisions[rest[1]].title
        part = rest[2] if len(rest) > 2 else "choice"
        return (f"de reden van het team bij '{title}'" if part == "reason"
                else f"de keuze van het team bij '{title}'")
    if head == "team" and len(rest) >= 2 and rest[0] == "notes" and rest[1] in words.sections:
        return f"de notities van het team bij '{words.sections[rest[1]].short}'"
    if head == "team" and len(rest) >= 2 and rest[0] == "actions":
        return f"de actie van het team bij '{words.elements.get(rest[1], rest[1])}'"
    if head == "team" and rest[:1] == ("participants",):
        return "de deelnemers van het team"
    named = {"team": "wat het team invulde", "scenarios": "de scenario's",
             "active_scenario": "het gekozen scenario", "loose_profile": "de antwoorden buiten de scenario's",
             "costs": "de kosten en doorlooptijd", "workshop": "de workshop"}
    return named.get(head, "een deel van de sessie")


def show_value(path: tuple[str, ...], value: Any) -> str:
    """A value as a person reads it (inert), or a plain description when it is no single value."""
    words = labels()
    if value is None or value == "" or value == []:
        return "(leeg)"
    if path[0] == "profile" and len(path) == 2 and path[1] in words.fields:
        try:
            return inert_markdown(_short(words.value(path[1], value)))
        except (KeyError, TypeError):
            pass
    if len(path) == 4 and path[1] == "decisions" and path[3] == "choice" and isinstance(value, str):
        return inert_markdown(_short(words.option(path[2], value)))
    if path == ("scenarios",) and isinstance(value, list):
        names = [s.get("name", "") for s in value if isinstance(s, dict)]
        return inert_markdown(_short(", ".join(names))) or "(leeg)"
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, str | int | float):
        return inert_markdown(_short(str(value)))
    return "(een andere invulling)"


def message(conflict: Conflict) -> str:
    """The Dutch sentence for one conflict (Markdown; user text inert)."""
    theirs = show_value(conflict.path, conflict.theirs)
    mine = "(verwijderd)" if conflict.removed else show_value(conflict.path, conflict.mine)
    return (f"Een ander tabblad heeft dit intussen gewijzigd: {describe(conflict.path)}. "
            f"Daar is het nu **{theirs}**, u had **{mine}**. Hier staat nu ook **{theirs}**. "
            "Welke wilt u houden?")


TOAST = ("Een ander tabblad heeft intussen iets gewijzigd dat u hier ook veranderde. Kijk in de "
         "zijbalk wat u wilt houden.")


def keep_mine(conflicts: list[Conflict], index: int) -> None:
    """Button callback: this tab's own value back into its session (saved as a new change)."""
    conflict = conflicts.pop(index)
    doc = json.loads(get_session().model_dump_json())
    if not put(doc, conflict.path, MISSING if conflict.removed else conflict.mine):
        st.session_state[FAILED_KEY] = True
        return
    try:
        session = parse_session(json.dumps(doc, ensure_ascii=False))
    except InputError:
        st.session_state[FAILED_KEY] = True  # it no longer fits the other tab's changes
        return
    set_session(session)


def keep_theirs(conflicts: list[Conflict], index: int) -> None:
    conflicts.pop(index)


def block(conflicts: list[Conflict]) -> None:
    """Every open conflict of this tab, each with its two choices (call inside the sidebar)."""
    if st.session_state.pop(FAILED_KEY, False):
        st.error("Uw eigen waarde past niet meer bij wat het andere tabblad veranderde. De waarde "
                 "van het andere tabblad blijft staan.", icon=":material/error:")
    for index, conflict in enumerate(conflicts):
        with st.container(key=f"conflict-{index}"):
            st.warning(message(conflict), icon=":material/sync_problem:")
            st.button("Houd die van het andere tabblad", key=f"conflict_theirs_{index}",
                      on_click=keep_theirs, args=(conflicts, index), width="stretch")
            st.button("Zet mijn eigen waarde terug", key=f"conflict_mine_{index}", on_click=keep_mine,
                      args=(conflicts, index), width="stretch",
                      help="Uw eigen waarde komt terug en wordt meteen bewaard.")
