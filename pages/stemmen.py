"""Stemmen: participants vote from their phones (no sidebar)."""

from ui.kit.nav import run_page

run_page(__file__)
