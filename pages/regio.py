"""Regio: several municipalities design together, each deelproduct at its own scale."""

from ui.kit.nav import run_page

run_page(__file__)
