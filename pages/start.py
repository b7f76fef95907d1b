"""Start: what this is, the municipality, resume a saved session."""

from ui.start import render_start

render_start()
