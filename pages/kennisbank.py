"""Kennisbank: search and read the handreiking in our own words."""

from ui.nav import run_page

run_page(__file__)
