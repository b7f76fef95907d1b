"""Start: what this is, the municipality, resume a saved session."""

from ui.nav import run_page

run_page(__file__)
