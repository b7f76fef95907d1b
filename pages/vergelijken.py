"""Vergelijken: two or three saved scenarios side by side."""

from ui.kit.nav import run_page

run_page(__file__)
