"""Workshop: the facilitator starts a live vote and watches the room agree (or not)."""

from ui.workshop_live import workshop_page

workshop_page()
