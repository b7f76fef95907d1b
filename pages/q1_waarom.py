"""Wizard step q1."""

from ui.step import render_step

render_step("q1")
