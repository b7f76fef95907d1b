"""Wizard step q3."""

from ui.nav import run_page

run_page(__file__)
