"""Vergelijken: two or three saved scenarios side by side."""

from ui.nav import run_page

run_page(__file__)
