"""Wizard step q5."""

from ui.nav import run_page

run_page(__file__)
