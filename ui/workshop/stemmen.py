"""Stemmen: the participant's page, made for a phone (no sidebar, large touch targets, Dutch).

A participant opens the link (or types the code), and per decision picks the option they
prefer with an optional one-line reason; per element a priority, or a top 5. They may change
their vote until the facilitator closes voting. Their own random token sits in a cookie of the
browser (one device is one participant) and in the address (`p=`), so reloading the page keeps
them the same participant; nothing identifies them unless they type a name or role. The keuzehulp's advice is not shown here, so it does not steer the vote.
"""

from __future__ import annotations

import streamlit as st

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_IDS, DECISION_OPTIONS, ELEMENT_IDS, PRIORITY_ORDER
from keuzehulp.workshop import codes, repo
from keuzehulp.workshop.ballot import (
    MAX_AUTHOR,
    MAX_REASON,
    TOP5_QUESTION,
    TOP_N,
    VoteError,
    clean_author,
    decision_question,
    element_question,
    validate,
)
from ui.kit import streamlit_adapter as adapter
from ui.workshop.regional import regional_ballot
from ui.workshop.store import client, engine
from ui.workshop.vote_form import cast, say, show, submit_choice

SEEDED_KEY = "stemmen_seeded"  # the workshop id whose stored votes seeded the widgets

# Constant CSS only (never user text): no sidebar or toolbar, large type and touch targets.
# What finds Streamlit's own parts (its test ids) comes from ui/kit/streamlit_adapter.py.
PHONE_CSS = "<style>\n" + "\n".join([
    adapter.hide_chrome_css(),
    adapter.narrow_main_css("40rem", "1rem 1rem 4rem"),
    ".st-key-stemmen p, .st-key-stemmen label p { font-size: 1.1rem; line-height: 1.4; }",
    adapter.radio_question_css(".st-key-stemmen", "font-size: 1.25rem; font-weight: 700;"),
    """.st-key-stemmen [role="radiogroup"] { width: 100%; }
.st-key-stemmen [role="radiogroup"] label { min-height: 2.9rem; padding: 0.35rem 0.6rem; flex: 1 1 100%;
  border: 1px solid #c8d1dc; border-radius: 0.5rem; margin: 0 0 0.4rem 0; align-items: center; }""",
    adapter.checkbox_label_css(".st-key-stemmen", "min-height: 2.9rem; align-items: center;"),
    """.st-key-stemmen button { min-height: 3rem; font-size: 1.1rem; }
.st-key-stemmen input { min-height: 2.8rem; font-size: 1.1rem; }
.st-key-stemmen h1 { font-size: 2rem; }
.st-key-code-shown p { font-size: 1.3rem; font-weight: 700; letter-spacing: 0.08em; }""",
    # Every answer box of a question as wide as the column.
    adapter.radio_options_css(".st-key-stemmen", "width: 100%;"),
    # The element vote: one row per element, three equal targets, the chosen one filled.
    adapter.radio_targets_css(".st-key-element-votes", 3,
                              "background: #154273; color: #ffffff; border-color: #154273 !important;"),
    adapter.radio_question_css(".st-key-element-votes", "font-size: 1.05rem; font-weight: 600;"),
    '.st-key-element-votes [role="radiogroup"] label { min-height: 2.6rem; }',
]) + "\n</style>"


DEVICE_COOKIE = "keuzehulp_apparaat"
DEVICE_DAYS = 30  # as long as a workshop is kept (KEUZEHULP_RETENTION_DAYS' default)
# Sets the device cookie to this participant's token when the browser has none yet. Constant but
# for the token, which is checked to be [A-Za-z0-9_-] only; no "<" + letter inside (see
# streamlit_adapter.SCRIPT: Streamlit's sanitiser would drop the script).
_DEVICE_SCRIPT = """<script>
(function () {
  var name = "NAME";
  if (document.cookie.split("; ").some(function (c) { return c.indexOf(name + "=") === 0; })) return;
  document.cookie = name + "=TOKEN; path=/; max-age=AGE; SameSite=Strict" +
    (location.protocol === "https:" ? "; Secure" : "");
})();
</script>"""


def _valid_token(token: str) -> bool:
    return 16 <= len(token) <= 40 and token.replace("-", "").replace("_", "").isalnum() and token.isascii()


def _participant() -> str:
    """This participant's token: one device is one participant.

    The browser keeps the token in a cookie (DEVICE_COOKIE); a device that has one is that
    participant whatever `p=` the address holds, so new addresses from one phone are no new
    participants. Without the cookie (a first visit, cookies off), the token in the address
    (`p=`, a fresh one written into it when missing) is used, and the cookie is set to it.
    """
    device = str(st.context.cookies.get(DEVICE_COOKIE) or "")
    if _valid_token(device):
        if st.query_params.get("p") != device:
            st.query_params["p"] = device  # a reload keeps the same participant
        return device
    token = str(st.query_params.get("p", ""))
    if not _valid_token(token):
        token = codes.new_participant()
        st.query_params["p"] = token
    script = (_DEVICE_SCRIPT.replace("NAME", DEVICE_COOKIE).replace("AGE", str(DEVICE_DAYS * 24 * 3600))
              .replace("TOKEN", token))  # the token last: it may hold "AGE" or "NAME" itself
    st.html(script, unsafe_allow_javascript=True)
    return token


def _submit_code() -> None:
    """on_click of 'Meedoen': the typed code goes into the address before the page runs, so one
    press is one try (the run does not first try the code the address held)."""
    canonical = codes.normalise(st.session_state.get("join_code", ""))
    if canonical is None:
        st.session_state["join_code_unclear"] = True
    else:
        st.query_params["code"] = canonical


def _ask_code(message: str | None = None) -> None:
    st.markdown("Vul de code in die de begeleider laat zien, of scan de QR-code.")
    with st.form("join", border=False):
        st.text_input("Code van de workshop", max_chars=20, placeholder="bijvoorbeeld KM7R-4XHC",
                      key="join_code")
        st.form_submit_button("Meedoen", type="primary", width="stretch", on_click=_submit_code)
    if st.session_state.pop("join_code_unclear", False):
        st.error("Een code heeft 8 tekens, bijvoorbeeld KM7R-4XHC.", icon=":material/error:")
    elif message:
        st.error(message, icon=":material/error:")


def _seed(workshop_id: str, participant: str) -> None:
    """On the first run for this workshop: show the votes this participant already cast."""
    if st.session_state.get(SEEDED_KEY) == workshop_id:
        return
    st.session_state[SEEDED_KEY] = workshop_id
    mine = repo.my_votes(engine(), workshop_id, participant)
    author = ""
    for question, (value, reason, who) in mine.items():
        author = who or author
        kind, _, subject = question.partition(":")
        if kind == "decision":
            st.session_state[f"vote_{subject}"] = value
            st.session_state[f"reason_{subject}"] = reason
        elif kind == "element":
            st.session_state[f"prio_{subject}"] = value
        elif question == TOP5_QUESTION:
            for element in value.split(","):
                st.session_state[f"top_{element}"] = True
    st.session_state["vote_author"] = author


def _submit_decision(workshop_id: str, participant: str, decision: str) -> None:
    """on_click of 'Stem opslaan'."""
    submit_choice(workshop_id, participant, decision, decision_question(decision), f"vote_{decision}",
                  f"reason_{decision}", "Kies eerst een optie.",
                  lambda choice: f"Opgeslagen: {labels().option(decision, choice)}. U kunt uw stem "
                                 "veranderen tot de stemming sluit.")


def _submit_priorities(workshop_id: str, participant: str) -> None:
    try:
        ballot = [validate(element_question(e), st.session_state[f"prio_{e}"])
                  for e in ELEMENT_IDS if st.session_state.get(f"prio_{e}")]
    except VoteError as exc:  # a value no radio offers (a forged message): a Dutch line, no crash
        say("elements", "error", str(exc))
        return
    if not ballot:
        say("elements", "warning", "Kies bij minstens één element een prioriteit.")
        return
    problem = cast(workshop_id, participant, ballot)
    if problem:
        say("elements", "error", problem)
    else:
        say("elements", "success", f"Opgeslagen: {len(ballot)} van {len(ELEMENT_IDS)} elementen.")


def _submit_top5(workshop_id: str, participant: str) -> None:
    chosen = [e for e in ELEMENT_IDS if st.session_state.get(f"top_{e}")]
    try:
        vote = validate(TOP5_QUESTION, chosen, mode="top5")
    except VoteError as exc:
        say("top5", "error", str(exc))
        return
    problem = cast(workshop_id, participant, [vote])
    if problem:
        say("top5", "error", problem)
    else:
        say("top5", "success", f"Opgeslagen: uw top {len(chosen)}.")


@st.fragment  # a vote reruns its own form only, not the whole page (issue 24: live within 0.5 s)
def _decision_form(info: repo.WorkshopInfo, participant: str, decision: str) -> None:
    lab = labels()
    with st.form(f"form_{decision}"):
        st.radio(lab.decisions[decision].title, DECISION_OPTIONS[decision], index=None,
                 format_func=lambda o, d=decision: lab.option(d, o), key=f"vote_{decision}")
        st.text_input("Waarom? (niet verplicht, één regel)", max_chars=MAX_REASON, key=f"reason_{decision}")
        st.form_submit_button("Stem opslaan", type="primary", width="stretch", on_click=_submit_decision,
                              args=(info.id, participant, decision))
        show(decision)


@st.fragment  # a vote reruns its own form only, not the whole page (issue 24: live within 0.5 s)
def _priority_form(info: repo.WorkshopInfo, participant: str) -> None:
    lab = labels()
    with st.form("form_elements"):
        st.markdown("### Werkzame elementen")
        st.markdown("Hoe belangrijk is elk element voor uw gemeente? Tik per element op één keuze.")
        with st.container(key="element-votes", gap="small"):  # a row of three equal targets each
            for element in ELEMENT_IDS:
                st.radio(lab.elements[element], tuple(PRIORITY_ORDER), index=None, horizontal=True,
                         format_func=lambda p: lab.priorities[p], key=f"prio_{element}")
        st.form_submit_button("Prioriteiten opslaan", type="primary", width="stretch",
                              on_click=_submit_priorities, args=(info.id, participant))
        show("elements")


@st.fragment  # a vote reruns its own form only, not the whole page (issue 24: live within 0.5 s)
def _top5_form(info: repo.WorkshopInfo, participant: str) -> None:
    lab = labels()
    with st.form("form_top5"):
        st.markdown(f"### Uw top {TOP_N}")
        st.markdown(f"Welke {TOP_N} werkzame elementen zijn voor uw gemeente het belangrijkst?")
        for element in ELEMENT_IDS:
            st.checkbox(lab.elements[element], key=f"top_{element}")
        st.form_submit_button("Top 5 opslaan", type="primary", width="stretch",
                              on_click=_submit_top5, args=(info.id, participant))
        show("top5")


def _author_field() -> None:
    st.text_input("Uw naam of rol (niet verplicht)", max_chars=MAX_AUTHOR, key="vote_author",
                  help="Leeg laten: geen naam bij uw toelichting. Wat u invult, staat op het grote scherm.")
    try:
        clean_author(st.session_state.get("vote_author", ""))
    except VoteError as exc:
        st.error(str(exc), icon=":material/error:")


def stemmen_page() -> None:
    st.html(PHONE_CSS)
    with st.container(key="stemmen"):
        st.title("Stemmen in de workshop", anchor=False)
        raw = str(st.query_params.get("code", ""))
        if not raw or st.session_state.get("join_code_unclear"):
            _ask_code()
            return
        participant = _participant()
        try:
            info = repo.join(engine(), raw, client(), participant)
        except repo.JoinError as exc:
            _ask_code(str(exc))
            return
        _seed(info.id, participant)
        with st.container(key="code-shown"):
            st.markdown(f"Workshop {codes.shown(info.code)}")
        if info.closed:
            st.info("De stemming is gesloten. Dank u wel voor het meedoen!", icon=":material/lock:")
            return
        st.markdown("Kies per vraag wat u het beste vindt voor uw gemeente en tik op de knop eronder. "
                    "U kunt uw stem veranderen zolang de stemming open is.")
        with st.container(key="anonymity"):  # before the name field: what the room will see
            st.markdown("**Wie ziet wat?** Uw toelichting komt op het grote scherm. Vult u hieronder een "
                        "naam of rol in, dan staat die erbij en weet de zaal van wie de toelichting is. "
                        "Laat u het veld leeg, dan staat er geen naam bij.")
        _author_field()
        if info.municipalities:  # a regional workshop: a municipality, then the scale per deelproduct
            regional_ballot(info, participant)
            return
        for decision in DECISION_IDS:
            _decision_form(info, participant, decision)
        if info.element_mode == "top5":
            _top5_form(info, participant)
        else:
            _priority_form(info, participant)
