"""Advies: the whole advice, grouped by question, with downloads."""

from ui.advies import render_advies

render_advies()
