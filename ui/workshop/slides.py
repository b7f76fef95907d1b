"""The workshop's slides in Presenteren: "Doe mee met de stemming" (the join link, its QR code
and the code in large letters), "Uitslag van de stemming" (the three decisions' votes on their
own) and "Uitslag: werkzame elementen" (the elements' votes beside the advice). The results are
two slides so that each fits a 1024x768 beamer with votes and reasons in."""

from __future__ import annotations

import streamlit as st

from keuzehulp.contract.schema import Advice
from keuzehulp.workshop import codes
from ui.workshop.live import (
    LIVE_CSS,
    current,
    live_results,
    not_in_room_notice,
    qr_markdown,
    refresh,
    show_controls,
)
from ui.workshop.store import participant_link, where

# The join slide: the QR code at least a third of the screen's height, the code in letters a
# room reads from the back (constant CSS, never user text).
JOIN_SLIDE_CSS = """<style>
.st-key-slide .st-key-join-qr img { height: min(52vh, 42vw) !important; width: auto !important;
  max-width: 100% !important; max-height: none !important; object-fit: contain !important;
  image-rendering: pixelated; }
.st-key-slide .st-key-join-big-code p { font-size: clamp(2rem, min(11vh, 5vw), 8rem); font-weight: 800;
  letter-spacing: 0.08em; color: #154273; white-space: nowrap; margin: 0; line-height: 1.1;
  font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.st-key-slide .st-key-join-link p { font-size: calc(var(--fs) * 1.05); overflow-wrap: anywhere; }
.st-key-slide .st-key-join-link code { font-size: 1em; font-weight: 700; background: none; color: #1a1a1a;
  padding: 0; white-space: normal; overflow-wrap: anywhere;
  font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.st-key-slide .st-key-results p, .st-key-slide .st-key-results li, .st-key-slide .st-key-results td,
.st-key-slide .st-key-results th { font-size: calc(var(--fs) * 0.72); line-height: 1.25; }
.st-key-slide .st-key-results h2 { font-size: calc(var(--fs) * 0.95); padding: 0 0 0.2em 0; }
.st-key-slide .st-key-results td, .st-key-slide .st-key-results th { padding: 0.15em 0.5em; }
.st-key-slide .st-key-results code { font-size: 0.8em; }
.st-key-slide .st-key-not-in-room p { font-size: calc(var(--fs) * 0.8); }
.st-key-slide .st-key-results .st-key-hidden-results p { font-size: var(--fs); }
.st-key-slide .st-key-slide-vote-controls button p { font-size: calc(var(--fs) * 0.6); }
</style>"""


def join_slide(_advice: Advice) -> None:
    """Presentation mode: how the room joins, in large type: the QR code and the code."""
    st.html(LIVE_CSS + JOIN_SLIDE_CSS)
    votes = current()
    st.title("Doe mee met de stemming", anchor=False)
    if votes is None:
        st.markdown("Start een workshop op de pagina Workshop; dan ziet u hier de code en de QR-code.")
        return
    reach = where()
    link = participant_link(votes.code, reach)
    if reach.room:
        left, right = st.columns([1, 1], gap="large", vertical_alignment="center")
        with left, st.container(key="join-qr"):
            st.markdown(qr_markdown(link, 10))
    else:
        not_in_room_notice()
        right = st.container()
    with right:
        st.markdown("Scan de QR-code met uw telefoon, of ga naar:" if reach.room else "Op deze computer:")
        with st.container(key="join-link"):  # inline code: shown as typed, never a Markdown link
            st.markdown(f"`{link.replace('`', '')}`")
        st.markdown("en vul de code in:")
        with st.container(key="join-big-code"):
            st.markdown(codes.shown(votes.code))


RESULTS_TITLE = "Uitslag van de stemming"
ELEMENTS_TITLE = "Uitslag: werkzame elementen"
SLIDE_ELEMENTS = 8  # the elements where the room differs most from the advice first


def results_slide(advice: Advice) -> None:
    """Presentation mode: the three decisions' votes (hidden while open, until shown)."""
    _results(advice, RESULTS_TITLE, "decisions")


def element_results_slide(advice: Advice) -> None:
    """Presentation mode: the elements' votes beside the advice (hidden while open, until shown)."""
    _results(advice, ELEMENTS_TITLE, "elements")


def _results(advice: Advice, title: str, part: str) -> None:
    st.html(LIVE_CSS + JOIN_SLIDE_CSS)
    votes = current()
    st.title(title, anchor=False)
    if votes is None:
        st.markdown("Start een workshop op de pagina Workshop; dan ziet u hier de stemmen.")
        return
    votes = refresh(votes) or votes  # the buttons beside the results know whether they are shown
    with st.container(key="slide-vote-controls", horizontal=True):
        show_controls(votes, keys="slide_votes", width="content")
    live_results(advice, reasons=1, elements=SLIDE_ELEMENTS, level=2, part=part)
