"""Wizard step q5."""

from ui.step import render_step

render_step("q5")
