"""The Workshop page's list of who joined (never a token or an address), with possible doubles
marked (same network, same name or within seconds) and removed with their votes (issue 22)."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

import streamlit as st

from keuzehulp.contract.schema import WorkshopVotes
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.workshop import repo, roster
from ui.kit.lazy import lazy_expander
from ui.workshop.store import engine


def _joined_label(person: roster.Joined) -> str:
    name = f" ({person.author})" if person.author else ""
    return f"Deelnemer {person.number}{name}, netwerk {person.network}"


def _remove(votes: WorkshopVotes) -> None:
    keys = st.session_state.get("workshop_remove") or []
    st.session_state["workshop_remove"] = []
    try:
        removed = roster.remove_participants(engine(), votes.code, votes.secret, keys)
    except repo.NotAllowed:
        st.session_state["workshop_message"] = "Deze workshop bestaat niet meer; er is niets verwijderd."
        return
    people = "deelnemer is" if removed == 1 else "deelnemers zijn"
    st.session_state["workshop_message"] = f"{removed} {people} verwijderd, met hun stemmen."


def _pick_doubles(doubles: list[str]) -> None:
    st.session_state["workshop_remove"] = doubles


def roster_panel(votes: WorkshopVotes) -> None:
    """'Deelnemers': who joined (never a token or address), doubles marked, and removing them.
    One device is one participant; a second browser or a script can still join twice."""
    box = lazy_expander("Deelnemers en dubbele deelnemers", key="workshop_roster", icon=":material/group:")
    if box is None:
        return
    with box:
        try:
            people = roster.roster(engine(), votes.code, votes.secret)
        except repo.NotAllowed:
            return
        st.markdown("Elke telefoon of computer doet één keer mee. Wie in een tweede browser of een "
                    "privévenster meedoet, of een apparaat dat steeds nieuwe deelnemers maakt, telt "
                    "vaker. **⚠ mogelijk dubbel**: dezelfde naam als een eerdere deelnemer van "
                    "hetzelfde netwerk, of binnen een seconde na de vorige deelnemer van dat netwerk "
                    "aangemeld. Dat is een aanwijzing, geen bewijs: een zaal op één wifi is ook één netwerk.")
        if not people:
            st.markdown("Nog niemand doet mee.")
            return
        local = ZoneInfo("Europe/Amsterdam")
        rows = ["| Deelnemer | Netwerk | Aangemeld | Stemmen | Naam of rol | Let op |", "|---|---|---|---|---|---|"]
        for person in people:
            when = person.joined_at.replace(tzinfo=UTC).astimezone(local).strftime("%H:%M:%S")
            mark = "⚠ mogelijk dubbel" if person.double else ""
            rows.append(f"| {person.number} | {person.network} | {when} | {person.votes} | "
                        f"{inert_markdown(person.author)} | {mark} |")
        st.markdown("\n".join(rows))
        labels_by_key = {p.key: _joined_label(p) for p in people}
        doubles = [p.key for p in people if p.double]
        chosen = st.session_state.get("workshop_remove") or []
        st.session_state["workshop_remove"] = [k for k in chosen if k in labels_by_key]  # still here
        if doubles:
            st.button(f"Kies de {len(doubles)} mogelijk dubbele", on_click=_pick_doubles, args=(doubles,),
                      key="workshop_pick_doubles")
        st.multiselect("Deelnemers verwijderen", list(labels_by_key), key="workshop_remove",
                       format_func=lambda k: labels_by_key.get(k, k), placeholder="Kies deelnemers")
        st.button("Verwijderen, met hun stemmen", icon=":material/person_remove:", on_click=_remove,
                  args=(votes,), key="workshop_remove_go", disabled=not st.session_state.get("workshop_remove"))
