"""Wizard step q3."""

from ui.step import render_step

render_step("q3")
