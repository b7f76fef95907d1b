"""Kennisbank: search and read the handreiking in our own words."""

from ui.kit.nav import run_page

run_page(__file__)
