"""Workshop: the facilitator opens a live vote, shows the code and QR code, and watches the room.

"Workshop starten" creates a workshop in the store with a join code and a secret; the secret
stays in this session (and its saved file) and alone opens the results, closes voting, resets
a question or deletes the workshop. The results refresh in a fragment every few seconds (not a
full-page rerun), and each refresh also keeps a snapshot in the session, so every download
holds "Stemming in de workshop".
"""

from __future__ import annotations

import base64
from io import BytesIO

import segno
import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_IDS, Advice, WorkshopVotes
from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.workshop import codes, repo
from keuzehulp.workshop.ballot import decision_question, questions
from keuzehulp.workshop.tally import decision_agreement, element_comparisons, snapshot, value_names
from ui.session import state
from ui.workshop.store import engine, participant_link

REFRESH_SECONDS = 1
MODE_LABELS = {"priority": "Per element een prioriteit (essentieel / aanbevolen / overweeg)",
               "top5": "Een top 5 van de elementen (stippen plakken)"}
SPLIT_MARK = "⚠ Verdeeld"

# Constant CSS only: the join code large enough to read from the back of the room.
LIVE_CSS = """<style>
.st-key-join-code p { font-size: clamp(1.6rem, 2.6vw, 3rem); white-space: nowrap; font-weight: 800;
  letter-spacing: 0.12em; color: #154273;
  margin: 0; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.st-key-results [class*="st-key-split-"] p { color: #8a1c1c; font-weight: 700; }
.st-key-qr img { width: 240px; max-width: 100%; image-rendering: pixelated; }
</style>"""


def qr_png(link: str, scale: int = 8) -> bytes:
    """The participant link as a QR code (PNG), made here: no outside service is asked."""
    out = BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=scale, border=2)
    return out.getvalue()


def current() -> WorkshopVotes | None:
    """This session's workshop (with its secret), or None."""
    votes = state.get_session().workshop
    return votes if votes is not None and votes.secret else None


def _keep(votes: WorkshopVotes | None) -> None:
    session = state.get_session()
    if session.workshop != votes:
        state.store_session(session.model_copy(update={"workshop": votes}))


def refresh(votes: WorkshopVotes) -> WorkshopVotes | None:
    """The newest counts from the store, kept in the session; None when the workshop is gone."""
    try:
        info, rows, participants = repo.facilitator_view(engine(), votes.code, votes.secret)
    except repo.NotAllowed:
        return None
    fresh = snapshot(rows, code=info.code, secret=votes.secret, mode=info.element_mode,
                     closed=info.closed, participants=participants)
    if fresh.model_copy(update={"taken_at": ""}) != votes.model_copy(update={"taken_at": ""}):
        _keep(fresh)
        return fresh
    return votes


def _bar(count: int, total: int, width: int = 10) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def decision_results(votes: WorkshopVotes, advice: Advice, decision: str, reasons: int = 3) -> None:
    """One decision: the spread, the agreement, beside the advice and the team's choice."""
    lab = labels()
    question = decision_question(decision)
    agree = decision_agreement(votes, decision)
    names = value_names(question)
    q = votes.questions.get(question)
    st.markdown(f"#### {lab.decisions[decision].title}")
    lines = [f"`{_bar(q.counts.get(v, 0) if q else 0, agree.total)}` {q.counts.get(v, 0) if q else 0} · {name}"
             for v, name in names.items()]
    st.markdown("  \n".join(lines))
    if agree.split:
        with st.container(key=f"split-{decision}"):
            st.markdown(f"{SPLIT_MARK}: {agree.sentence}")
    else:
        st.markdown(f"**{agree.label}:** {agree.sentence}" if agree.total else agree.label)
    team = state.get_session().team.decisions.get(decision)  # type: ignore[call-overload]
    own = lab.option(decision, team.choice) if team and team.choice else "nog niet gekozen"
    st.markdown(f"Advies van de keuzehulp: **{lab.option(decision, advice.decisions[decision].choice)}**"  # type: ignore[index]
                f" · Keuze van het team: **{own}**")
    if q and q.reasons and reasons:
        for r in q.reasons[-reasons:]:
            who = f" ({inert_markdown(r.author)})" if r.author else ""
            st.markdown(f"- *{names.get(r.value, r.value)}:* {inert_markdown(r.text)}{who}")


def element_results(votes: WorkshopVotes, advice: Advice, limit: int | None = None) -> None:
    comparisons = element_comparisons(votes, advice)
    if votes.element_mode == "top5":
        st.markdown("#### Top 5 van de deelnemers")
        rows = ["| Element | Stippen | Keuzehulp |", "|---|---|---|"]
        for c in comparisons[:limit]:
            rows.append(f"| {c.title} | {c.agreement.top_count} | {c.advised} |")
    else:
        st.markdown("#### Werkzame elementen: stemming en keuzehulp")
        rows = ["| Element | Stemming | Keuzehulp |", "|---|---|---|"]
        for c in comparisons[:limit]:
            room = c.agreement.sentence if c.agreement.total else "nog geen stemmen"
            mark = " · **wijkt af**" if c.differs else (" · ⚠ verdeeld" if c.agreement.split else "")
            rows.append(f"| {c.title} | {room}{mark} | {c.advised} |")
    st.markdown("\n".join(rows))


def results(votes: WorkshopVotes, advice: Advice, reasons: int = 3, elements: int | None = None) -> None:
    with st.container(key="results"):
        state_text = "gesloten" if votes.closed else "open"
        people = "deelnemer" if votes.participants == 1 else "deelnemers"
        st.markdown(f"**{votes.participants} {people}** · stemming {state_text}")
        columns = st.columns(len(DECISION_IDS), gap="medium")
        for column, decision in zip(columns, DECISION_IDS, strict=True):
            with column:
                decision_results(votes, advice, decision, reasons)
        element_results(votes, advice, elements)


def live_results(advice: Advice, reasons: int = 3, elements: int | None = None) -> None:
    """The results, refreshed every REFRESH_SECONDS without rerunning the page."""

    @st.fragment(run_every=REFRESH_SECONDS)
    def _live() -> None:
        votes = current()
        if votes is None:
            return
        fresh = refresh(votes)
        if fresh is None:
            st.warning("Deze workshop bestaat niet meer (verwijderd of verlopen).", icon=":material/warning:")
            return
        results(fresh, advice, reasons, elements)

    _live()


def join_panel(votes: WorkshopVotes, qr_scale: int = 8) -> None:
    """Code, link and QR code for the room."""
    link = participant_link(votes.code)
    st.markdown("Ga op uw telefoon naar de link of scan de QR-code. Of vul de code in:")
    with st.container(key="join-code"):
        st.markdown(codes.shown(votes.code))
    st.code(link, language=None, wrap_lines=True)  # with a copy button
    # A Markdown image (a data: address, nothing fetched) so the QR code has a text alternative.
    encoded = base64.b64encode(qr_png(link, qr_scale)).decode("ascii")
    with st.container(key="qr"):
        st.markdown(f"![QR-code naar de stempagina](data:image/png;base64,{encoded})")


def _start(mode: str) -> None:
    opened = repo.create_workshop(engine(), mode)  # type: ignore[arg-type]
    _keep(WorkshopVotes(code=opened.code, secret=opened.secret, element_mode=mode))  # type: ignore[arg-type]


def _set_closed(votes: WorkshopVotes, closed: bool) -> None:
    repo.set_closed(engine(), votes.code, votes.secret, closed)
    _keep(votes.model_copy(update={"closed": closed}))


def _set_mode(votes: WorkshopVotes) -> None:
    mode = st.session_state.get("workshop_mode_live", votes.element_mode)
    repo.set_mode(engine(), votes.code, votes.secret, mode)
    _keep(votes.model_copy(update={"element_mode": mode}))


def _reset(votes: WorkshopVotes) -> None:
    question = st.session_state.get("workshop_reset_question")
    if question:
        repo.reset_question(engine(), votes.code, votes.secret, question)
        st.session_state["workshop_message"] = "De stemmen op deze vraag zijn gewist."


def _delete(votes: WorkshopVotes) -> None:
    repo.delete_workshop(engine(), votes.code, votes.secret)
    _keep(None)
    st.session_state["workshop_message"] = "De workshop en alle stemmen zijn verwijderd."


def _question_label(question: str) -> str:
    lab = labels()
    kind, _, subject = question.partition(":")
    if kind == "decision":
        return lab.decisions[subject].title
    if kind == "element":
        return f"Element: {lab.elements[subject]}"
    return "Top 5 van de elementen"


def controls(votes: WorkshopVotes) -> None:
    if votes.closed:
        st.button("Stemming heropenen", icon=":material/lock_open:", on_click=_set_closed,
                  args=(votes, False), key="workshop_reopen", width="stretch")
    else:
        st.button("Stemming sluiten", icon=":material/lock:", on_click=_set_closed, args=(votes, True),
                  key="workshop_close", type="primary", width="stretch")
    st.session_state["workshop_mode_live"] = votes.element_mode
    st.radio("Werkzame elementen", tuple(MODE_LABELS), format_func=MODE_LABELS.__getitem__,
             key="workshop_mode_live", on_change=_set_mode, args=(votes,))
    st.selectbox("Vraag opnieuw laten stemmen", questions(votes.element_mode), index=None,
                 format_func=_question_label, key="workshop_reset_question",
                 placeholder="Kies een vraag")
    st.button("Stemmen wissen", icon=":material/restart_alt:", on_click=_reset, args=(votes,),
              key="workshop_reset", width="stretch")
    with st.expander("Workshop verwijderen"):
        st.markdown("Verwijdert de workshop en alle stemmen uit de opslag, meteen. De laatste stand blijft "
                    "niet in het keuzeoverzicht.")
        sure = st.checkbox("Ja, verwijder de workshop en alle stemmen", key="workshop_delete_sure")
        st.button("Workshop verwijderen", icon=":material/delete:", on_click=_delete, args=(votes,),
                  disabled=not sure, key="workshop_delete", width="stretch")


def start_form() -> None:
    st.markdown("Laat iedereen in de zaal stemmen met de eigen telefoon: per keuze de optie die de "
                "deelnemer het beste vindt, met een korte toelichting, en per werkzaam element een "
                "prioriteit of een top 5. U ziet hier live waar het team het over eens is en waar niet.")
    st.radio("Werkzame elementen", tuple(MODE_LABELS), format_func=MODE_LABELS.__getitem__,
             key="workshop_mode_new")
    st.button("Workshop starten", icon=":material/groups:", type="primary", key="workshop_start",
              on_click=lambda: _start(st.session_state.get("workshop_mode_new", "priority")))
    st.caption("Stemmen zijn anoniem, tenzij een deelnemer zelf een naam of rol invult. De workshop en "
               f"de stemmen worden na {repo.retention_days()} dagen verwijderd, of meteen met "
               "'Workshop verwijderen'.")


def workshop_page() -> None:
    st.html(LIVE_CSS)
    st.title("Workshop: stemmen met de telefoon", anchor=False)
    message = st.session_state.pop("workshop_message", None)
    if message:
        st.success(message, icon=":material/check_circle:")
    advice = state.current_advice()
    if advice is None:
        st.error("Het advies kon nu niet worden berekend. Uw antwoorden zijn bewaard.", icon=":material/error:")
        return
    votes = current()
    if votes is None:
        start_form()
        return
    left, right = st.columns([2, 1], gap="large")
    with left:
        join_panel(votes)
    with right:
        controls(votes)
    st.divider()
    live_results(advice)


def slide(advice: Advice) -> None:
    """Presentation mode: code and QR code beside the live results."""
    st.html(LIVE_CSS)
    votes = current()
    st.title("Stemming in de workshop", anchor=False)
    if votes is None:
        st.markdown("Start een workshop op de pagina Workshop; dan ziet u hier de code en de stemmen.")
        return
    left, right = st.columns([1, 3], gap="large")
    with left:
        join_panel(votes, qr_scale=6)
    with right:
        live_results(advice, reasons=1, elements=5)


