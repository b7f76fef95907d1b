"""Workshop: the facilitator starts a live vote and watches the room agree (or not)."""

from ui.nav import run_page

run_page(__file__)
