"""Inkoop: building blocks for a programme of requirements, from the team's design."""

from ui.kit.nav import run_page

run_page(__file__)
