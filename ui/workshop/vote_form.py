"""What the phone's vote forms share (ui/workshop/stemmen.py, and regional.py for a regional
workshop): storing a submission, the Dutch line under the form that says how it went, and the
submit of a form that asks one choice with an optional reason."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from keuzehulp.workshop import repo
from keuzehulp.workshop.ballot import Vote, VoteError, validate
from ui.workshop.store import client, engine

MESSAGE_KEY = "stemmen_message_{}"  # per form: ("success" | "warning" | "error", Dutch text)
ICONS = {"success": ":material/check_circle:", "warning": ":material/info:"}


def cast(workshop_id: str, participant: str, ballot: list[Vote]) -> str | None:
    """Store the votes; None when stored, else the Dutch reason why not."""
    try:
        repo.cast(engine(), workshop_id, participant, client(), ballot,
                  author=st.session_state.get("vote_author", ""))
    except VoteError as exc:
        return str(exc)
    return None


def say(form: str, kind: str, text: str) -> None:
    """Keep the line for `form`, shown by `show` when the form is drawn next."""
    st.session_state[MESSAGE_KEY.format(form)] = (kind, text)


def show(form: str) -> None:
    said = st.session_state.pop(MESSAGE_KEY.format(form), None)
    if said is None:
        return
    kind, text = said
    getattr(st, kind)(text, icon=ICONS.get(kind, ":material/error:"))


def submit_choice(workshop_id: str, participant: str, form: str, question: str, choice_key: str, reason_key: str,
                  nothing_chosen: str, saved: Callable[[str], str]) -> None:
    """on_click of a form that asks one choice (in `choice_key`) and a reason: store it and say
    so (`saved(choice)`), or say why not; the form's values are in session state by now."""
    choice = st.session_state.get(choice_key)
    if choice is None:
        say(form, "warning", nothing_chosen)
        return
    try:
        vote = validate(question, choice, st.session_state.get(reason_key, ""))
    except VoteError as exc:  # a value no radio offers (a forged message): a Dutch line, no crash
        say(form, "error", str(exc))
        return
    problem = cast(workshop_id, participant, [vote])
    if problem:
        say(form, "error", problem)
    else:
        say(form, "success", saved(choice))
