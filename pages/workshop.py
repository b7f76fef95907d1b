"""Workshop: the facilitator starts a live vote and watches the room agree (or not)."""

from ui.kit.nav import run_page

run_page(__file__)
