"""Presenteren: the advice as large slides for the meeting room (no sidebar)."""

from ui.kit.nav import run_page

run_page(__file__)
