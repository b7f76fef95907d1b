"""Wizard step q5."""

from ui.kit.nav import run_page

run_page(__file__)
