"""Wizard step q2."""

from ui.step import render_step

render_step("q2")
