"""Workshop: the facilitator opens a live vote, shows the code and QR code, and watches the room.

"Workshop starten" creates a workshop in the store with a join code and a secret; the secret
stays in this session (and its saved file) and alone opens the results, closes voting, resets
a question or deletes the workshop.

Live within half a second, without asking all the time: the results are a fragment (not a
full-page rerun) that the server runs again as soon as a vote or the workshop's state changes
(ui/workshop/store.feed: PostgreSQL NOTIFY between processes, a wake-up within one, and on SQLite
a small read four times a second in one thread; FragmentRun in ui/kit/streamlit_adapter.py).
Each run reads what the results depend on (one small read, repo.changes) and reads and tallies
the votes only when it moved; the browser's own timer runs it every SAFETY_SECONDS too, should
a wake-up be lost. Each read keeps a snapshot in the session, so every download holds
"Stemming in de workshop". While voting is open the results stay hidden (so the
first votes do not steer the rest) until the facilitator shows them; closing shows them.

The join link works in the room only when phones can reach the app (ui/workshop_store.where):
started on this computer only (`make run`), the facilitator is told so, with the one command
that opens it to the room, instead of a QR code no phone can open.
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
from keuzehulp.workshop.reach import ROOM_COMMAND
from keuzehulp.workshop.tally import decision_agreement, element_comparisons, snapshot, value_names
from ui.kit.spreadsheet import spreadsheet_button
from ui.kit.streamlit_adapter import FragmentRun
from ui.session import state
from ui.workshop.roster import roster_panel
from ui.workshop.store import engine, feed, participant_link, where

SAFETY_SECONDS = 5.0  # the browser's own timer; a change reruns the results at once (feed)
SEEN_KEY = "workshop_seen"  # (code, repo.changes) of the results in the session's snapshot
SHOWN_KEY = "workshop_results_shown"  # the facilitator shows the results while voting is open

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
.st-key-hidden-results p { font-size: 1.15em; }
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


def refresh(votes: WorkshopVotes, force: bool = False) -> WorkshopVotes | None:
    """The newest counts, kept in the session; None when the workshop is gone. The votes are
    read only when repo.changes differs from the last read (or `force`)."""
    count = repo.changes(engine(), votes.code)
    if count is None:
        return None
    if not force and st.session_state.get(SEEN_KEY) == (votes.code, count):
        return votes
    try:
        info, rows, participants = repo.facilitator_view(engine(), votes.code, votes.secret)
    except repo.NotAllowed:
        return None
    # The check was read before the votes: a vote in between changes it again, and is read next time.
    st.session_state[SEEN_KEY] = (votes.code, count)
    st.session_state[SHOWN_KEY] = info.show_results
    fresh = snapshot(rows, code=info.code, secret=votes.secret, mode=info.element_mode,
                     closed=info.closed, participants=participants)
    if fresh.model_copy(update={"taken_at": ""}) != votes.model_copy(update={"taken_at": ""}):
        _keep(fresh)
        return fresh
    return votes


def heading(text: str, level: int) -> None:
    """A heading of level 2 or 3 (trusted text), without the link to itself that Streamlit puts
    beside a Markdown heading (one more Tab stop per heading, named 'Link naar dit kopje')."""
    (st.header if level == 2 else st.subheader)(text, anchor=False)


def _bar(count: int, total: int, width: int = 10) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def decision_results(votes: WorkshopVotes, advice: Advice, decision: str, reasons: int = 3, level: int = 3) -> None:
    """One decision: the spread, the agreement, beside the advice and the team's choice; its
    title a heading of `level` (one below the heading it sits under, never a skipped level)."""
    lab = labels()
    question = decision_question(decision)
    agree = decision_agreement(votes, decision)
    names = value_names(question)
    q = votes.questions.get(question)
    heading(lab.decisions[decision].title, level)
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


def element_results(votes: WorkshopVotes, advice: Advice, limit: int | None = None, level: int = 3) -> None:
    comparisons = element_comparisons(votes, advice)
    if votes.element_mode == "top5":
        heading("Top 5 van de deelnemers", level)
        rows = ["| Element | Stippen | Keuzehulp |", "|---|---|---|"]
        for c in comparisons[:limit]:
            rows.append(f"| {c.title} | {c.agreement.top_count} | {c.advised} |")
    else:
        heading("Werkzame elementen: stemming en keuzehulp", level)
        rows = ["| Element | Stemming | Keuzehulp |", "|---|---|---|"]
        if limit is not None:  # too few rows for all: where the room differs or is split first
            comparisons = sorted(comparisons, key=lambda c: (not c.differs, not c.agreement.split))
        for c in comparisons[:limit]:
            room = c.agreement.sentence if c.agreement.total else "nog geen stemmen"
            mark = " · **wijkt af**" if c.differs else (" · ⚠ verdeeld" if c.agreement.split else "")
            rows.append(f"| {c.title} | {room}{mark} | {c.advised} |")
    st.markdown("\n".join(rows))
    if limit is not None and len(comparisons) > limit:
        first = "waar de zaal afwijkt of verdeeld is eerst; " if votes.element_mode != "top5" else ""
        st.caption(f"{limit} van de {len(comparisons)} elementen ({first}alle elementen staan op de "
                   "pagina Workshop en in de downloads).")


def hidden(votes: WorkshopVotes) -> bool:
    """Results stay hidden while voting is open, unless the facilitator shows them."""
    return not votes.closed and not st.session_state.get(SHOWN_KEY, False)


def results(votes: WorkshopVotes, advice: Advice, reasons: int = 3, elements: int | None = None,
            level: int = 3, part: str = "all") -> None:
    """The votes: the three decisions and the elements (`part` "all"), or one of the two
    ("decisions", "elements": each on its own slide, so each fits a beamer)."""
    with st.container(key="results"):
        state_text = "gesloten" if votes.closed else "open"
        people = "deelnemer" if votes.participants == 1 else "deelnemers"
        st.markdown(f"**{votes.participants} {people}** · stemming {state_text}")
        if hidden(votes):
            with st.container(key="hidden-results"):
                st.markdown("De uitslag is verborgen zolang de stemming open is, zodat de eerste "
                            "stemmen de rest niet sturen. U ziet hem als u de stemming sluit, of "
                            "eerder met 'Uitslag nu tonen'.")
            return
        if part in ("all", "decisions"):
            columns = st.columns(len(DECISION_IDS), gap="medium")
            for column, decision in zip(columns, DECISION_IDS, strict=True):
                with column:
                    decision_results(votes, advice, decision, reasons, level)
        if part in ("all", "elements"):
            element_results(votes, advice, elements, level)


def _watch(code: str) -> None:
    """In the results fragment: the feed reruns it when the workshop moves on from what it shows."""
    run = FragmentRun.this()
    seen = st.session_state.get(SEEN_KEY)
    if run is not None and seen is not None and seen[0] == code:
        feed().watch(code, run, run, seen[1])


def live_results(advice: Advice, reasons: int = 3, elements: int | None = None, level: int = 3,
                 part: str = "all") -> None:
    """The results, run again by the server when a vote comes in, without rerunning the page;
    their headings of `level`, `part` as in results()."""

    @st.fragment(run_every=SAFETY_SECONDS)
    def _live() -> None:
        votes = current()
        if votes is None:
            return
        fresh = refresh(votes)
        if fresh is None:
            st.warning("Deze workshop bestaat niet meer (verwijderd of verlopen).", icon=":material/warning:")
            return
        _watch(fresh.code)
        results(fresh, advice, reasons, elements, level, part)

    _live()


def not_in_room_notice() -> None:
    """For the facilitator: the app runs on this computer only; the one command that opens it
    to the room (never shown to a participant: their page has no such text)."""
    with st.container(key="not-in-room"):
        st.warning("**Telefoons in de zaal kunnen nog niet meedoen.** De keuzehulp draait nu alleen "
                   "op deze computer. Stop hem (Ctrl+C in het venster waar hij draait) en start hem "
                   "opnieuw met de opdracht hieronder. Dan staan hier het adres en de QR-code voor "
                   "de telefoons.", icon=":material/wifi_off:")
        st.code(ROOM_COMMAND, language=None)


def qr_markdown(link: str, scale: int = 8) -> str:
    """The QR code as a Markdown image (a data: address, nothing fetched), so it has a text alternative."""
    encoded = base64.b64encode(qr_png(link, scale)).decode("ascii")
    return f"![QR-code naar de stempagina](data:image/png;base64,{encoded})"


def join_panel(votes: WorkshopVotes, qr_scale: int = 8) -> None:
    """Code, link and QR code for the room; on this computer only: how to open it to the room."""
    reach = where()
    link = participant_link(votes.code, reach)
    if not reach.room:
        not_in_room_notice()
        st.markdown("Op deze computer zelf proberen kan wel, met de code of de link:")
    else:
        st.markdown("Ga op uw telefoon naar de link of scan de QR-code. Of vul de code in:")
    with st.container(key="join-code"):
        st.markdown(codes.shown(votes.code))
    st.code(link, language=None, wrap_lines=True)  # with a copy button
    if reach.room:
        with st.container(key="qr"):
            st.markdown(qr_markdown(link, qr_scale))


def _start(mode: str) -> None:
    opened = repo.create_workshop(engine(), mode)  # type: ignore[arg-type]
    _keep(WorkshopVotes(code=opened.code, secret=opened.secret, element_mode=mode))  # type: ignore[arg-type]


def _set_closed(votes: WorkshopVotes, closed: bool) -> None:
    repo.set_closed(engine(), votes.code, votes.secret, closed)
    _keep(votes.model_copy(update={"closed": closed}))


def _set_shown(votes: WorkshopVotes, shown: bool) -> None:
    repo.set_show_results(engine(), votes.code, votes.secret, shown)
    st.session_state[SHOWN_KEY] = shown


def show_controls(votes: WorkshopVotes, keys: str = "workshop", width: str = "stretch") -> None:
    """Close or reopen the vote, and show the results before it closes (or hide them again)."""
    if votes.closed:
        st.button("Stemming heropenen", icon=":material/lock_open:", on_click=_set_closed,
                  args=(votes, False), key=f"{keys}_reopen", width=width)
    else:
        st.button("Stemming sluiten", icon=":material/lock:", on_click=_set_closed, args=(votes, True),
                  key=f"{keys}_close", type="primary", width=width)
        if st.session_state.get(SHOWN_KEY, False):
            st.button("Uitslag weer verbergen", icon=":material/visibility_off:", on_click=_set_shown,
                      args=(votes, False), key=f"{keys}_hide", width=width)
        else:
            st.button("Uitslag nu tonen", icon=":material/visibility:", on_click=_set_shown,
                      args=(votes, True), key=f"{keys}_show", width=width)


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
    show_controls(votes)
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


def newest_votes(votes: WorkshopVotes):  # type: ignore[no-untyped-def]
    """For a download built in a worker thread: the newest counts from the store, without
    touching the session; None (the session's snapshot is used) when the store cannot say."""
    from sqlalchemy.exc import SQLAlchemyError

    store = engine()  # in the script run: the cached engine

    def fetch() -> WorkshopVotes | None:
        try:
            info, rows, participants = repo.facilitator_view(store, votes.code, votes.secret)
        except (repo.NotAllowed, SQLAlchemyError):
            return None
        return snapshot(rows, code=info.code, secret=votes.secret, mode=info.element_mode,
                        closed=info.closed, participants=participants)

    return fetch


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
    votes = refresh(votes) or votes  # the buttons beside the results know whether they are shown
    left, right = st.columns([2, 1], gap="large")
    with left:
        join_panel(votes)
    with right:
        controls(votes)
        spreadsheet_button("workshop_xlsx", newest_votes(votes), width="stretch")
    roster_panel(votes)
    st.divider()
    heading("Uitslag van de stemming", 2)
    live_results(advice)
