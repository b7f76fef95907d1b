"""Wizard step q4."""

from ui.step import render_step

render_step("q4")
