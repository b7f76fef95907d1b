"""Regio invullen: a representative fills in their own municipality through their link (no sidebar)."""

from ui.kit.nav import run_page

run_page(__file__)
