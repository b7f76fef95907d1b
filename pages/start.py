"""Start: what this is, the municipality, resume a saved session."""

from ui.kit.nav import run_page

run_page(__file__)
